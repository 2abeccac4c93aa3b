"""Document -> clean article with metadata: the pure function and its thin Scrapy pipeline.

The recipe of ``extract_document``:

1. decode bytes (``pipelines.decoding``) and choose the path: HTML or rendered text;
2. HTML: site selectors when given and when they find a body, else trafilatura (``pipelines.html``);
   both give lines that go through the same Vietnamese text rules as the text path
   (``pipelines.textclean``);
3. metadata (``pipelines.metadata``): the publication time by priority — selectors, meta tags,
   date lines at the head of the article, standalone date lines, the update time, the lead's
   event date; the byline; the view counter;
4. the province (``pipelines.provinces``) from the title, the lead and the clean body, as of the
   publication date (a province dissolved by then is a former area of its successor).

The same function serves the crawl (``ExtractionPipeline``), ``scrapy extract`` and offline
reprocessing; nothing here imports Scrapy at module level.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pipelines import html as hp
from pipelines import metadata as md
from pipelines import pagemeta as pm
from pipelines.decoding import MAX_DOCUMENT_BYTES, check_text, decode_document, looks_like_html
from pipelines.errors import BadInputError
from pipelines.html import SiteSelectors
from pipelines.prose import prose_refusal
from pipelines.provinces import current_province, detect_province
from pipelines.textclean import (
    BODY_MIN_WORDS,
    SAPO_MIN_WORDS,
    Layout,
    assemble_body,
    is_sentence,
    parse_rendered_text,
    read_tail_metadata,
    words,
)
from pipelines.urls import canonicalize

logger = logging.getLogger(__name__)

# Lines of a page above/below the title searched for its date, byline and view counter.
HEAD_LINES_ABOVE = 3
HEAD_LINES_BELOW = 8
# Lines of a page under the article's last paragraph searched for a byline and counter.
TAIL_LINES_BELOW = 4
# The last paragraphs of an extracted body looked up in the page to find where the text ends.
TAIL_ANCHORS = 3
# A selector body with fewer words than this "found nothing": the fallback takes over.
SELECTOR_BODY_MIN_WORDS = 20
# A metadata description shorter than this is not matched against the page's lines.
DESCRIPTION_MIN_CHARS = 30
_TIME_ONLY = re.compile(r"\d{1,2}\s*[:hg]\s*\d{2}(?:\s*:\s*\d{2})?")


@dataclass
class Article:
    title: str | None
    sapo: str | None
    body: str  # title, blank line, sapo, blank line, paragraphs separated by blank lines
    published_at: str | None  # "2024-04-26T00:04:00+07:00", "2024-04-05", or None
    author: str | None
    province: str | None  # as reported
    province_current: str | None  # after the 1 July 2025 merger
    views: int | None
    tables: list[list[list[str]]] = field(default_factory=list)
    method: str = "text"  # "text" | "selectors" | "fallback"
    selector_version: str | None = None
    field_sources: dict[str, str] = field(default_factory=dict)
    canonical_url: str | None = None  # the page's own canonical link, normalised
    selector_misses: tuple[str, ...] = ()  # fields whose site selectors matched nothing
    # how the bytes became text (pipelines.decoding.Decoded.stats): kept in articles.stats
    decoding: dict[str, Any] = field(default_factory=dict)


def extract_document(
    data: bytes | str,
    *,
    source: str,
    url: str | None = None,
    content_type: str | None = None,
    selectors: SiteSelectors | Sequence[SiteSelectors] | None = None,
) -> Article:
    """Turn one document into an article. Raises BadInputError for empty, binary, undecodable
    or text-less input, with a message naming ``source``.

    ``selectors`` may be several dated versions of a site's selectors, most likely first: the
    first whose body selectors find a body is used (see ``SiteProfile.selector_candidates``)."""
    decoding: dict[str, Any] = {}
    if isinstance(data, str):
        if len(data) > MAX_DOCUMENT_BYTES:
            raise BadInputError(source, f"document too large ({len(data)} characters)")
        text = check_text(data, source=source)
    else:
        decoded = decode_document(data, source=source, content_type=content_type)
        text, decoding = decoded.text, decoded.stats()
    if text.lstrip()[:1] in {"{", "["} and _is_json(text):
        raise BadInputError(source, "JSON data, not an article text or page")
    if looks_like_html(text, content_type):
        article = _from_html(text, source=source, url=url, selectors=selectors)
    else:
        layout = parse_rendered_text(text)
        sources = {"title": "text", "sapo": "text", "body": "text"}
        article = _finish(layout, source=source, method="text", sources=sources)
    article.decoding = decoding
    return article


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _pick_date(
    layout: Layout, first: list[tuple[tuple[str, bool] | None, str]]
) -> tuple[str | None, str | None]:
    """The publication time by priority; returns (value, source).

    A date without a time (a date-only meta tag) takes the time of a later source that gives
    the same day with one."""
    ranked = (
        [h for h in layout.head_dates if h.kind == "published"]
        + [h for h in layout.head_dates if h.kind in {"plain", "clock"}]
        + [h for h in layout.other_dates if h.kind == "published"]
        + [h for h in layout.other_dates if h.kind == "plain"]
        + [h for h in layout.head_dates + layout.other_dates if h.kind == "updated"]
    )
    given = [(found, origin) for found, origin in first if found]
    if given:
        (value, has_time), origin = given[0]
        if not has_time:
            later = [(f[0], o) for f, o in given[1:] if f[1]]
            later += [(h.value, "text") for h in ranked if h.has_time]
            return next(((v, o) for v, o in later if v[:10] == value), (value, origin))
        return value, origin
    if ranked:
        return ranked[0].value, "text"
    lead = layout.sapo or (layout.paragraphs[0] if layout.paragraphs else "")
    context = "\n".join(p for p in (layout.title, layout.sapo, *layout.paragraphs) if p)
    hit = md.find_lead_date(lead, context)
    return (hit.value, "text") if hit else (None, None)


def _finish(
    layout: Layout,
    *,
    source: str,
    method: str,
    sources: dict[str, str],
    dates: list[tuple[tuple[str, bool] | None, str]] | None = None,
    authors: Sequence[tuple[str | None, str] | None] = (),
    weak_authors: Sequence[tuple[str | None, str] | None] = (),
    tables: list[list[list[str]]] | None = None,
    selector_version: str | None = None,
) -> Article:
    if not layout.paragraphs and not layout.sapo:
        raise BadInputError(
            source,
            "no article text found (only boilerplate, navigation or a title); "
            "check that the URL is an article page",
        )
    refused = prose_refusal([layout.title, layout.sapo, *layout.paragraphs])
    if refused is not None:
        raise BadInputError(source, refused)
    published, date_source = _pick_date(layout, dates or [])
    # a machine-readable byline, then the text's, then the selectors' and <meta name="author">
    candidates = [*authors, (layout.author, "text") if layout.author else None, *weak_authors]
    name, author_source = next((c for c in candidates if c and c[0]), (None, ""))
    body_text = "\n".join(p for p in (layout.sapo, *layout.paragraphs) if p)
    lead = layout.sapo or (layout.paragraphs[0] if layout.paragraphs else "")
    province = detect_province(
        layout.title, body_text, lead=lead, published_at=published, site=layout.mastheads
    )
    field_sources = dict(sources)
    if published:
        field_sources["published_at"] = date_source or "text"
    if name:
        field_sources["author"] = author_source
    if layout.views is not None:
        field_sources["views"] = "text"
    if province:
        field_sources["province"] = "text"
    return Article(
        title=layout.title,
        sapo=layout.sapo,
        body=assemble_body(layout.title, layout.sapo, layout.paragraphs),
        published_at=published,
        author=name,
        province=province,
        province_current=current_province(province),
        views=layout.views,
        tables=tables or [],
        method=method,
        selector_version=selector_version,
        field_sources=field_sources,
    )


def _first_text(root: Any, css: tuple[str, ...]) -> str | None:
    for el in hp.select_all(root, css):
        text = " ".join(el.text_content().split())
        if text:
            return text
    return None


def _head_window(page: list[str], title: str | None) -> Layout:
    """Date lines, byline and counter around the title in the rendered page."""
    if not title:
        return Layout()
    idx = next((i for i, line in enumerate(page) if line == title), None)
    if idx is None:
        idx = next((i for i, line in enumerate(page) if title in line and words(line) < 60), None)
    if idx is None:
        return Layout()
    below: list[str] = []
    for line in page[idx + 1 : idx + 1 + HEAD_LINES_BELOW]:
        if words(line) >= BODY_MIN_WORDS:
            break
        below.append(line)
    head = parse_rendered_text(below, known_title=title)
    # every date line between the title and the text is a head date, even one the text rules
    # filed among "other" dates because a byline came first ("Ngọc Lan" / "09:45 05/07/2023")
    head.head_dates = head.head_dates + head.other_dates
    head.other_dates = []
    above: list[md.DateHit] = []
    for line in page[max(0, idx - HEAD_LINES_ABOVE) : idx]:
        hit = md.classify_date_line(line)
        if hit is None:
            continue
        # Above the title, a weekday-led date is the site's clock, never the publication time.
        (head.clocks if hit.kind == "clock" else above).append(hit)
    head.head_dates = head.head_dates + above
    return head


def _body_end(page: list[str], body_lines: list[str]) -> int | None:
    """Index in the page of the article's last paragraph (None when not found).

    Extractors may re-join a paragraph's inline parts differently from the page renderer, so a
    long line also matches by its beginning."""
    for line in reversed(body_lines[-TAIL_ANCHORS:]):
        for i in range(len(page) - 1, -1, -1):
            if page[i] == line or (len(line) >= 60 and page[i].startswith(line[:60])):
                return i
    return None


def _tail_window(page: list[str], body_lines: list[str]) -> Layout:
    """Byline and view counter printed under the article's last paragraph in the page."""
    end = _body_end(page, body_lines)
    if end is None:
        return Layout()
    return read_tail_metadata(page[end + 1 : end + 1 + TAIL_LINES_BELOW])


def _page_sapo(page: list[str], title: str | None) -> str | None:
    """The first paragraph under the title in the rendered page: the sapo."""
    if not title or title not in page:
        return None
    idx = page.index(title)
    for line in page[idx + 1 : idx + 2 + HEAD_LINES_BELOW]:
        if words(line) >= SAPO_MIN_WORDS and is_sentence(line):
            return line
    return None


def _described_line(page: list[str], description: str | None) -> str | None:
    """The page line the metadata description stands for (the sapo), if the page shows it.

    Descriptions may be cut ("…") or lack the printed prefix ("TCCT - …"): a line equal to it,
    starting with its cut form or ending with it counts; short descriptions never do."""
    if not description or len(description) < DESCRIPTION_MIN_CHARS:
        return None
    cut = description.removesuffix("...").removesuffix("…").rstrip()
    for line in page:
        if line == description or line.startswith(cut) or line.endswith(description):
            return line
    return None


def _h1s(root: Any) -> list[str]:
    h1s = [" ".join(h.text_content().split()) for h in root.iter("h1")]
    return [h for h in h1s if words(h) >= 3]


def _page_title(
    root: Any, fallback_title: str | None, page: Sequence[str] = ()
) -> tuple[str | None, str]:
    """The page's h1; else its ``<title>`` when the page shows it as a line (SharePoint prints
    the title in a div, after web-part headings an extractor would take for it)."""
    h1s = _h1s(root)
    if h1s:
        return max(h1s, key=len), "fallback"
    head_title = root.find(".//title")
    text = " ".join((head_title.text_content() if head_title is not None else "").split())
    if text and words(text) >= 3:
        shown = pm.clean_title(text, page)
        if shown in page:
            return shown, "meta"
    return (fallback_title, "fallback") if fallback_title else (None, "")


def _pick_version(root: Any, versions: Sequence[SiteSelectors]) -> SiteSelectors | None:
    """The first selector version whose body selectors find a body on this page."""
    for version in versions:
        found = hp.select_all(root, version.body)
        if sum(words(" ".join(el.itertext())) for el in found) >= SELECTOR_BODY_MIN_WORDS:
            return version
    return versions[0] if versions else None


def selector_date_text(root: Any, css: tuple[str, ...], formats: tuple[str, ...]) -> str | None:
    """The text of the date selectors. MasterCMS prints the time and the date in two spans
    (``span.format_time`` "14:30", ``span.format_date``, real-markup.md): a time alone is joined
    with the date another selector finds, never parsed alone."""
    time_only: str | None = None
    for selector in css:
        text = _first_text(root, (selector,))
        if not text:
            continue
        if _TIME_ONLY.fullmatch(text):
            time_only = time_only or text
            continue
        if md.parse_date_text(text, formats) is None:
            continue
        return f"{text} {time_only}" if time_only else text
    return None


def _dedupe_sapo(body_lines: list[str], sapo: str | None) -> list[str]:
    """The sapo once, first: some CMSs repeat it as the body's first paragraph (a bold lead on
    baothainguyen.vn, the first <p> of Liferay's journal article)."""
    if not sapo:
        return body_lines
    rest = body_lines[1:] if body_lines and body_lines[0] == sapo else body_lines
    return [sapo, *rest]


def _meta_date(meta: pm.PageMeta) -> tuple[tuple[str, bool] | None, str] | None:
    if meta.published is None:
        return None
    value = meta.published.value
    return (md.parse_iso(value) or md.parse_date_text(value), meta.published.origin)


def _from_html(
    text: str,
    *,
    source: str,
    url: str | None,
    selectors: SiteSelectors | Sequence[SiteSelectors] | None,
) -> Article:
    """The HTML route, metadata first:

    1. parse; image-and-caption tables become figures (never body text nor data tables);
    2. what the page emits for machines (``pipelines.pagemeta``): JSON-LD, OpenGraph, microdata,
       meta names, ``<time datetime>``, the canonical link;
    3. the site's selectors (the dated version whose body selectors find a body);
    4. trafilatura when the selectors find no body;
    5. the text rules on the lines, head and tail windows for dates, bylines and counters.

    Per field, the first source that has it wins: title and date from metadata, then selectors,
    then the page text; the body from selectors, then trafilatura.
    """
    text = hp.slim_markup(text)
    if len(text) > hp.MAX_MARKUP_CHARS:
        raise BadInputError(
            source,
            f"page too large for an article ({len(text)} characters of markup without scripts "
            f"and inline images; limit {hp.MAX_MARKUP_CHARS}); check the URL",
        )
    root = hp.parse_html(text)
    if root is None:
        raise BadInputError(source, "HTML without any parsable content")
    hp.caption_tables_to_figures(root)
    meta = pm.read_page_meta(root, url)
    if selectors is not None and not isinstance(selectors, SiteSelectors):
        selectors = _pick_version(root, selectors)
    body_root = root.find("body") if root.find("body") is not None else root
    sources: dict[str, str] = {}
    misses: list[str] = []
    sel_title = sel_sapo = sel_date = sel_author = None
    body_lines: list[str] = []
    tables: list[list[list[str]]] = []
    if selectors is not None:
        sel_title = _first_text(root, selectors.title)
        sel_sapo = _first_text(root, selectors.sapo)
        sel_date = selector_date_text(root, selectors.date, selectors.date_formats)
        sel_author = _first_text(root, selectors.author)
        elements = hp.select_all(root, selectors.body)
        for element in elements:
            for css in selectors.drop:
                for junk in hp.select_all(element, (css,)):
                    if junk is not element:
                        junk.drop_tree()
        body_lines = [line for el in elements for line in hp.render_lines(el)]
        if sum(words(line) for line in body_lines) >= SELECTOR_BODY_MIN_WORDS:
            tables = [t for el in elements for t in hp.extract_tables(el)]
            sources["body"] = "selectors"
        else:
            logger.info(
                "%s: selectors %s found no body; using the fallback", source, selectors.version
            )
            body_lines = []
        found = {"title": sel_title, "sapo": sel_sapo, "date": sel_date, "body": body_lines}
        misses = [name for name, value in found.items() if getattr(selectors, name) and not value]
    page = hp.render_lines(body_root)
    # --- title: metadata, then selectors, then the page's h1 / trafilatura ------------------
    title: str | None = None
    if meta.title is not None:
        title = pm.clean_title(meta.title.value, [sel_title or "", *_h1s(root)], meta.site_name)
        sources["title"] = meta.title.origin
    elif sel_title:
        title, sources["title"] = sel_title, "selectors"
    # --- sapo: the line the description stands for, then selectors, then the page -----------
    sapo = _described_line(page, meta.description.value if meta.description else None)
    if sapo and meta.description is not None:
        sources["sapo"] = meta.description.origin
    elif sel_sapo and body_lines:
        sapo, sources["sapo"] = sel_sapo, "selectors"
    if body_lines:
        body_lines = _dedupe_sapo(body_lines, sapo)
    else:
        body_lines = hp.fallback_extract(root, url)
        sources["body"] = "fallback"
        if not title:
            title, sources["title"] = _page_title(root, None, page)
        if not title:
            extra = hp.fallback_metadata(root, url)
            if extra.get("title"):
                title, sources["title"] = extra["title"], "fallback"
            if extra.get("author") and meta.author is None:
                meta.author = pm.Found(extra["author"], "fallback")
        if not sapo:
            sapo = _page_sapo(page, title)
            if sapo:
                sources["sapo"] = "fallback"
        if sapo and sapo not in body_lines:
            # trafilatura often drops a sapo kept apart from the body: it goes under the title.
            at = body_lines.index(title) + 1 if title in body_lines else 0
            body_lines.insert(at, sapo)
        joined = "\n".join(body_lines)
        tables = hp.extract_tables(
            body_root, keep_if=lambda rows: all(c in joined for c in rows[0] if c)
        )
    if not title:
        title, origin = _page_title(root, None, page)
        if title:
            sources["title"] = origin
    if not title:
        sources.pop("title", None)
    layout = (
        parse_rendered_text(body_lines, known_title=title)
        if title
        else parse_rendered_text(body_lines)
    )
    head = _head_window(page, layout.title)
    layout.head_dates = head.head_dates + layout.head_dates
    layout.clocks += head.clocks
    if layout.views is None:
        layout.views = head.views
    if layout.author is None and head.author:
        layout.author = head.author
    if layout.author is None or layout.views is None:
        # Anchored on the clean paragraphs: the raw lines may run on into a related list.
        tail = _tail_window(page, layout.paragraphs or [layout.sapo or ""])
        layout.author = layout.author or tail.author
        layout.views = layout.views if layout.views is not None else tail.views
        layout.other_dates += tail.other_dates
    sources.setdefault("sapo", sources.get("body", "fallback"))
    # --- date: metadata, then selectors, then the text rules (in _pick_date) -----------------
    dates: list[tuple[tuple[str, bool] | None, str]] = []
    from_meta = _meta_date(meta)
    if from_meta is not None:
        dates.append(from_meta)
    if sel_date and selectors is not None:
        dates.append((md.parse_date_text(sel_date, selectors.date_formats), "selectors"))
    # --- author: a machine-readable byline, the selectors, the text, then meta names ---------
    strong: list[tuple[str | None, str] | None] = []
    weak: list[tuple[str | None, str] | None] = []
    if meta.author is not None and meta.author.origin in {"jsonld", "microdata"}:
        strong.append((md.clean_author(meta.author.value), meta.author.origin))
    if sel_author:
        weak.append((md.clean_author(sel_author) or sel_author, "selectors"))
    if meta.author is not None and meta.author.origin not in {"jsonld", "microdata"}:
        weak.append((md.clean_author(meta.author.value), meta.author.origin))
    method = "selectors" if sources.get("body") == "selectors" else "fallback"
    article = _finish(
        layout,
        source=source,
        method=method,
        sources=sources,
        dates=dates,
        authors=strong,
        weak_authors=weak,
        tables=tables,
        selector_version=selectors.version if selectors is not None else None,
    )
    article.selector_misses = tuple(misses)
    if meta.canonical is not None:
        article.canonical_url = canonicalize(meta.canonical.value)
        article.field_sources["canonical_url"] = meta.canonical.origin
    return article


class ExtractionPipeline:
    """Scrapy item pipeline: fills the extraction fields of an ArticleItem."""

    FIELDS = ("title", "sapo", "body", "published_at", "author", "province", "province_current",
              "views", "tables", "method", "selector_version", "decoding")  # fmt: skip

    def __init__(self, stats: Any = None) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> ExtractionPipeline:
        return cls(crawler.stats)

    def _inc(self, key: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(key)

    def process_item(self, item: Any) -> Any:
        from scrapy.exceptions import DropItem  # the pure part of this module needs no Scrapy

        headers = item.get("headers") or {}
        content_type = next(
            (str(v) for k, v in headers.items() if str(k).lower() == "content-type"), None
        )
        url = item.get("final_url") or item.get("url")
        if item.get("fetch_error"):
            # the spider could not fetch it: the storage pipeline records the failure
            raise DropItem(str(item["fetch_error"]))
        if item.get("raw") is None:
            raise DropItem(f"{url}: nothing was fetched")
        try:
            article = extract_document(
                item["raw"],
                source=url or "<item>",
                url=url,
                content_type=content_type,
                selectors=item.get("profile"),
            )
        except BadInputError as err:
            self._inc("extraction/no_body")
            raise DropItem(str(err)) from err
        for name in self.FIELDS:
            item[name] = getattr(article, name)
        self._inc(f"extraction/method/{article.method}")
        for name, origin in article.field_sources.items():
            self._inc(f"extraction/field/{name}/{origin}")
        for name in article.selector_misses:
            # the site's selectors for this field matched nothing: a layout change, reported by
            # the health extension at the end of the run
            self._inc(f"extraction/selector_miss/{name}")
        if article.published_at is None:
            self._inc("extraction/no_date")
        claimed = item.get("canonical_url")
        if article.canonical_url and claimed and article.canonical_url != claimed:
            self._inc("extraction/canonical_differs")
        return item
