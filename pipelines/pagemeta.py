"""What publishing systems emit for machines: JSON-LD, OpenGraph and ``article:*``, microdata,
``<meta name>``, ``<time datetime>`` and canonical links, read before any site selector.

Every CMS we target (or its successor after a redesign) emits some of these, and they survive a
change of layout that breaks every CSS selector. Each value keeps its *origin* — ``jsonld``,
``opengraph``, ``microdata``, ``meta``, ``time``, ``canonical`` — which the extraction records per
field (``extraction/field/<field>/<origin>``).

extruct reads JSON-LD (leniently: HTML comments and trailing commas inside the script are common),
OpenGraph with its namespaces, and W3C microdata, on the lxml tree we already parsed (no second
parse: 0.03 ms a page on the bench pages, against 0.5 ms for our former XPath loop over every meta
name). htmldate was measured and left out: it guesses from any date on the page (header clocks,
related lists) and returns no time zone, while a wrong date is worse than none here.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from pipelines.textclean import normalize_text

logger = logging.getLogger(__name__)

# schema.org types whose headline/date/author describe the page's article
ARTICLE_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNews", "AnalysisNewsArticle", "BlogPosting",
     "WebPage", "ReportageNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle"}
)  # fmt: skip
# <meta name=...> (not OpenGraph) that carry the publication time, most specific first
DATE_META_NAMES = ("pubdate", "publishdate", "publish-date", "publish_date", "dc.date.issued",
                   "DC.date.issued", "date", "sailthru.date", "parsely-pub-date")  # fmt: skip
AUTHOR_META_NAMES = ("author", "dc.creator", "DC.creator", "parsely-author")
# containers whose <time> elements belong to other articles or to the site, not to this one
_NOT_ARTICLE = frozenset({"nav", "aside", "footer", "li"})
_TITLE_TAIL = re.compile(r"\s+[-|–—:»]\s+[^-|–—:»]{1,60}$")


@dataclass(frozen=True)
class Found:
    value: str
    origin: str  # jsonld | opengraph | microdata | meta | time | canonical


@dataclass
class PageMeta:
    title: Found | None = None
    published: Found | None = None
    author: Found | None = None
    description: Found | None = None
    canonical: Found | None = None
    site_name: str | None = None
    extra: dict[str, Found] = field(default_factory=dict)  # modified time, section...


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@id") or value.get("url")
    if value is None:
        return None
    text = " ".join(normalize_text(str(value)).split())
    return text or None


def _types(obj: dict[str, Any]) -> set[str]:
    raw = obj.get("@type") or obj.get("type") or []
    names = raw if isinstance(raw, list) else [raw]
    return {str(n).rsplit("/", 1)[-1] for n in names}


def _walk_jsonld(items: Iterable[Any]) -> Iterator[dict[str, Any]]:
    stack = list(items)
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            yield item
            graph = item.get("@graph")
            if isinstance(graph, list):
                stack.extend(graph)


def _jsonld(root: Any) -> list[dict[str, Any]]:
    from extruct.jsonld import JsonLdExtractor  # lazy: extruct imports rdflib (0.4 s once)

    try:
        items = JsonLdExtractor().extract_items(root)
    except Exception:  # malformed JSON-LD is common; it must never lose the article
        logger.debug("unreadable JSON-LD", exc_info=True)
        return []
    objects = list(_walk_jsonld(items))
    # the article's own object first: NewsArticle/Article before WebPage, breadcrumbs, logos
    return sorted(objects, key=lambda o: 0 if _types(o) & (ARTICLE_TYPES - {"WebPage"}) else 1)


def _opengraph(root: Any) -> dict[str, str]:
    from extruct.opengraph import OpenGraphExtractor

    found: dict[str, str] = {}
    try:
        for item in OpenGraphExtractor().extract_items(root):
            for key, value in item.get("properties", []):
                if value and str(value).strip():
                    found.setdefault(key, str(value).strip())
    except Exception:
        logger.debug("unreadable OpenGraph", exc_info=True)
    return found


def _microdata(root: Any, url: str | None) -> list[dict[str, Any]]:
    from extruct.w3cmicrodata import MicrodataExtractor

    if not root.xpath("//*[@itemscope][1]"):
        return []
    try:
        items = list(MicrodataExtractor().extract_items(root, url or ""))
    except Exception:
        logger.debug("unreadable microdata", exc_info=True)
        return []
    flat = [{**i.get("properties", {}), "@type": i.get("type")} for i in items]
    return sorted(flat, key=lambda o: 0 if _types(o) & ARTICLE_TYPES else 1)


def _meta_names(root: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for el in root.xpath("//meta[@name][@content]"):
        name, content = el.get("name").strip(), (el.get("content") or "").strip()
        if content:
            found.setdefault(name.lower(), content)
    return found


def _time_element(root: Any) -> str | None:
    """The first ``<time datetime>`` of the article: not in navigation, asides, footers or lists
    (related articles carry their own times)."""
    for el in root.iter("time"):
        value = (el.get("datetime") or "").strip()
        if value and not any(a.tag in _NOT_ARTICLE for a in el.iterancestors()):
            return value
    return None


def _canonical(root: Any) -> str | None:
    for el in root.xpath('//link[@href][contains(concat(" ", normalize-space(@rel), " "), " canonical ")]'):  # fmt: skip
        href = (el.get("href") or "").strip()
        if href.startswith(("http://", "https://")):
            return href
    return None


def _first(*candidates: tuple[Any, str]) -> Found | None:
    for value, origin in candidates:
        text = _text(value)
        if text:
            return Found(text, origin)
    return None


def _author(objects: list[dict[str, Any]]) -> str | None:
    for obj in objects:
        author = obj.get("author")
        people = author if isinstance(author, list) else [author]
        texts = [_text(p) for p in people if p]
        names = [n for n in texts if n and not n.startswith("http")]
        if names:
            return " - ".join(names)
    return None


def read_page_meta(root: Any, url: str | None = None) -> PageMeta:
    """Pure: the machine-readable metadata of a parsed page, each value with its origin."""
    ld = _jsonld(root)
    og = _opengraph(root)
    micro = _microdata(root, url)
    names = _meta_names(root)
    ld_get = lambda key: next((o[key] for o in ld if o.get(key)), None)  # noqa: E731
    md_get = lambda key: next((o[key] for o in micro if o.get(key)), None)  # noqa: E731
    meta = PageMeta(
        title=_first(
            (ld_get("headline"), "jsonld"),
            (og.get("og:title"), "opengraph"),
            (md_get("headline"), "microdata"),
            (names.get("twitter:title"), "meta"),
        ),
        published=_first(
            (ld_get("datePublished"), "jsonld"),
            (og.get("article:published_time") or og.get("og:published_time"), "opengraph"),
            (md_get("datePublished"), "microdata"),
            (next((names[n.lower()] for n in DATE_META_NAMES if n.lower() in names), None), "meta"),
            (_time_element(root), "time"),
        ),
        author=_first(
            (_author(ld), "jsonld"),
            (_author(micro), "microdata"),
            (next((names[n.lower()] for n in AUTHOR_META_NAMES if n.lower() in names), None), "meta"),
            (og.get("article:author"), "opengraph"),
        ),
        description=_first(
            (ld_get("description"), "jsonld"),
            (og.get("og:description"), "opengraph"),
            (names.get("description"), "meta"),
        ),
        canonical=_first((_canonical(root), "canonical"), (og.get("og:url"), "opengraph")),
        site_name=_text(og.get("og:site_name")),
    )  # fmt: skip
    modified = _first(
        (ld_get("dateModified"), "jsonld"), (og.get("article:modified_time"), "opengraph")
    )
    if modified:
        meta.extra["modified"] = modified
    if meta.author and meta.author.value.startswith("http"):
        meta.author = None
    return meta


def clean_title(meta_title: str, visible: Iterable[str], site_name: str | None = None) -> str:
    """A metadata title without the site's name appended ("Tiêu đề - Báo Công Thương").

    When a title shown on the page is the metadata title or its start, the page's form wins
    (metadata titles are often cut or suffixed); otherwise a trailing " - <site>" goes when it is
    the site's name or when a visible title confirms the rest.
    """
    for shown in visible:
        if not shown:
            continue
        if shown == meta_title:
            return shown
        if meta_title.startswith(shown) and _TITLE_TAIL.fullmatch(meta_title[len(shown) :]):
            return shown
        cut = meta_title.removesuffix("...").removesuffix("…").rstrip()
        if cut != meta_title and len(cut) >= 10 and shown.startswith(cut):
            return shown  # a cut metadata title: the page has the whole one
    if site_name:
        for sep in (" - ", " | ", " – ", " — "):
            if meta_title.endswith(sep + site_name):
                return meta_title[: -len(sep + site_name)].strip()
    return meta_title
