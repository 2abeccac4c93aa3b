"""HTML pages: per-site selectors, the trafilatura fallback, tables and meta tags.

Everything here returns plain data (strings, lines, tables); the Vietnamese rules are applied
afterwards by ``pipelines.textclean`` on the lines, so both HTML routes and the text route share
them. lxml parses; cssselect (a parsel dependency) turns CSS into XPath; trafilatura is the generic
extractor for pages without a working site profile.
"""

from __future__ import annotations

import copy
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import lxml.html
import trafilatura
import trafilatura.metadata
from cssselect import GenericTranslator, SelectorError
from lxml import etree

from pipelines.markup_depth import flatten_deep_markup
from pipelines.textclean import normalize_text, split_units

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SiteSelectors:
    """Per-site, per-layout-version CSS selectors (site profiles build these)."""

    version: str  # e.g. "congthuong.vn/2023"
    title: tuple[str, ...] = ()
    sapo: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    author: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()  # elements to remove inside body (related lists, share bars...)
    date_formats: tuple[str, ...] = ()  # strptime formats tried before the generic date rules


# Elements whose text is never article text.
_SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas",
         "select", "option", "button", "input", "textarea", "head", "title", "meta", "link"}  # fmt: skip
# Elements that break lines when rendered.
_BLOCK = {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol",
          "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure",
          "figcaption", "form", "fieldset", "address", "hr", "br", "tr", "table", "caption", "center",
          "body", "html", "label", "legend"}  # fmt: skip
_WS = re.compile(r"\s+")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# Containers of site chrome: tables inside them are menus or calendars, not data. (Not "form":
# SharePoint wraps the whole page in one.)
_CHROME = {"nav", "header", "footer", "aside"}
_TABLE_PARTS = ("tr", "td", "th", "tbody", "thead", "tfoot")
_MD_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)$")
# A cell this long is a layout table holding the page, not a data table.
LAYOUT_CELL_WORDS = 80


# Markup that is never text, removed from very large pages before parsing (inline images in
# base64 make a 300 kB article weigh megabytes).
_HEAVY = re.compile(
    r"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->|data:[\w/+.-]+;base64,[\w+/=]+",
    re.I | re.S,
)
# Past this size (after removing the heavy markup) a page is not an article: the generic
# extractor would take tens of seconds on it (20 MB of paragraphs: 27 s on the bench machine).
MAX_MARKUP_CHARS = 5 * 1024 * 1024
LARGE_PAGE_CHARS = 1024 * 1024


def slim_markup(text: str) -> str:
    """Large pages lose their scripts, styles, comments and inline images before parsing."""
    return _HEAVY.sub(" ", text) if len(text) > LARGE_PAGE_CHARS else text


def parse_html(text: str) -> lxml.html.HtmlElement | None:
    """Parse a decoded page; None when lxml finds no document in it.

    Markup nested deeper than libxml2 builds (256 levels) is flattened in the middle and parsed
    again (``pipelines.markup_depth``): the article inside it is not lost."""
    text = _XML_DECL.sub("", text, count=1)  # lxml refuses str input with an encoding declaration
    parser = lxml.html.HTMLParser()
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
        if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
            flat, removed = flatten_deep_markup(text)
            logger.info("markup nested too deep: %d wrapping tags removed", removed)
            root = lxml.html.document_fromstring(flat)
        return root
    except (etree.ParserError, ValueError) as err:
        logger.debug("unparseable HTML: %s", err)
        return None


@lru_cache(maxsize=512)  # bounded: one entry per distinct selector of the site profiles
def _xpath(css: str) -> etree.XPath | None:
    try:
        return etree.XPath(GenericTranslator().css_to_xpath(css))
    except (SelectorError, etree.XPathSyntaxError) as err:
        logger.warning("invalid CSS selector %r: %s", css, err)
        return None


def select_all(root: lxml.html.HtmlElement, selectors: tuple[str, ...]) -> list[Any]:
    """Elements of the first selector that matches anything (selectors are alternatives)."""
    for css in selectors:
        xpath = _xpath(css)
        found = xpath(root) if xpath is not None else []
        if found:
            return list(found)
    return []


def _render(root: Any, parts: list[str]) -> None:
    """Append the rendered text of ``root`` (and its tail) to ``parts``.

    An explicit stack, not recursion: a page nested thousands deep renders like any other."""
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else ""
        if closing:
            if tag in _BLOCK:
                parts.append("\n")
            if node.tail:
                parts.append(_WS.sub(" ", node.tail))
            continue
        if tag in _SKIP or not isinstance(node.tag, str):
            if node.tail:
                parts.append(_WS.sub(" ", node.tail))
            continue
        if tag == "table":
            parts.append("\n")
            for row in table_rows(node):
                parts.append(" | ".join(row) + "\n")
            if node.tail:
                parts.append(_WS.sub(" ", node.tail))
            continue
        if tag in _BLOCK:
            parts.append("\n")
        if tag == "img":
            # An image becomes a marker line, so that the caption under it is recognised as one
            # (the rendered-text rule for "anh tin bai"); alt texts are not article text.
            parts.append("\n[ảnh]\n")
        if node.text:
            parts.append(_WS.sub(" ", node.text))
        stack.append((node, True))  # the block's end and the tail, after the children
        stack.extend((child, False) for child in reversed(node))


def render_lines(node: Any) -> list[str]:
    """The text of ``node`` as a browser lays it out: one line per block, tables as "a | b" rows."""
    parts: list[str] = []
    _render(node, parts)
    return split_units("".join(parts))


def _cell(el: Any) -> str:
    return " ".join(normalize_text(el.text_content()).split())


def table_rows(table: Any) -> list[list[str]]:
    """Rows of cell strings of one table (nested tables' rows are their own)."""
    rows: list[list[str]] = []
    for tr in table.iter("tr"):
        if next(tr.iterancestors("table"), None) is not table:
            continue
        cells = [_cell(td) for td in tr if isinstance(td.tag, str) and td.tag in {"td", "th"}]
        if any(cells):
            rows.append(cells)
    return rows


def extract_tables(scope: Any, keep_if: Any = None) -> list[list[list[str]]]:
    """Data tables under ``scope``: not layout tables, not inside navigation or forms, not
    image-and-caption tables."""
    tables: list[list[list[str]]] = []
    for table in scope.iter("table"):
        if table.find(".//table") is not None:
            continue  # a table holding tables is page layout
        if is_caption_table(table):
            continue
        if any(a.tag in _CHROME for a in table.iterancestors()):
            continue
        rows = table_rows(table)
        if not rows or max(len(r) for r in rows) < 2:
            continue
        if any(len(c.split()) > LAYOUT_CELL_WORDS for r in rows for c in r):
            continue
        if keep_if is not None and not keep_if(rows):
            continue
        tables.append(rows)
    return tables


# CMS editors (CKEditor's "image" plugin and its Vietnamese variants) wrap an image and its
# caption in a one-column table: baothainguyen.vn, 2022 (real-markup.md): <table class="image
# center"> with the caption in <td class="desc">. At most this many rows: image, caption, credit.
CAPTION_TABLE_ROWS = 3
CAPTION_MAX_WORDS = 60


def is_caption_table(table: Any) -> bool:
    """An image with its caption laid out as a table: one cell per row, an image, a short text."""
    if table.find(".//img") is None or table.find(".//table") is not None:
        return False
    rows = [tr for tr in table.iter("tr") if next(tr.iterancestors("table"), None) is table]
    cells = [[td for td in tr if isinstance(td.tag, str) and td.tag in {"td", "th"}] for tr in rows]
    classes = (table.get("class") or "").lower().split()
    if "image" in classes or "picture" in classes:
        return True
    words = len(table.text_content().split())
    return (
        0 < len(rows) <= CAPTION_TABLE_ROWS
        and all(len(c) <= 1 for c in cells)
        and words <= CAPTION_MAX_WORDS
    )


def caption_tables_to_figures(root: Any) -> int:
    """Turn image-and-caption tables into ``<figure><img><figcaption>``, in place.

    Then the site selectors' ``drop=("figure", ...)``, the "[ảnh]" caption rule of the text
    route and trafilatura all treat them as the images they are: neither body text nor a data
    table. Returns how many were turned.
    """
    turned = 0
    for table in [t for t in root.iter("table") if is_caption_table(t)]:
        figure = lxml.html.Element("figure", {"class": "image"})
        for img in table.iter("img"):
            figure.append(
                lxml.html.Element(
                    "img", {k: v for k, v in img.attrib.items() if k in {"src", "alt"}}
                )
            )
        caption = " ".join(
            " ".join(td.text_content().split())
            for td in table.iter("td", "th")
            if td.find(".//img") is None and td.text_content().strip()
        )
        if caption:
            figcaption = lxml.html.Element("figcaption")
            figcaption.text = caption
            figure.append(figcaption)
        figure.tail = table.tail
        parent = table.getparent()
        if parent is None:
            continue
        parent.replace(table, figure)
        turned += 1
    return turned


def h1_title(root: Any) -> str | None:
    for h1 in root.iter("h1"):
        text = " ".join(normalize_text(h1.text_content()).split())
        if len(text.split()) >= 3:
            return text
    return None


def is_layout_table(table: Any) -> bool:
    """A table that lays out the page (nested tables, paragraphs in cells, very long cells)."""
    if table.find(".//table") is not None:
        return True
    if table.xpath(".//td//p | .//td//div | .//td//h1 | .//td//h2 | .//td//ul"):
        return True
    return any(len(td.text_content().split()) > LAYOUT_CELL_WORDS for td in table.iter("td"))


def delayout(root: Any) -> Any:
    """A copy of the page with layout tables turned into divs.

    trafilatura reads a table as data and flattens a page laid out in tables (old provincial CMSs,
    congthuongthainguyen.gov.vn) into one line; as divs, its paragraphs survive.
    """
    root = copy.deepcopy(root)
    for table in [t for t in root.iter("table") if is_layout_table(t)]:
        own = [
            el for el in table.iter(*_TABLE_PARTS) if next(el.iterancestors("table"), None) is table
        ]
        for el in (table, *own):
            el.tag = "div"
    return root


_MD_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")


def fallback_metadata(root: Any, url: str | None) -> dict[str, str]:
    """trafilatura's own title and author, asked only when the page's h1/meta tags gave none.

    Not its date: htmldate guesses from anything on the page (header clocks, related lists) and
    costs most of the fallback's time (measured in bench/bench_extraction.py).
    """
    try:
        doc = trafilatura.metadata.extract_metadata(copy.deepcopy(root), default_url=url)
    except Exception:  # metadata is optional; a failure must not lose the article
        logger.debug("trafilatura metadata failed on %s", url or "<document>", exc_info=True)
        return {}
    found = {k: getattr(doc, k, None) for k in ("title", "author")}
    return {k: " ".join(normalize_text(v).split()) for k, v in found.items() if v}


def fallback_extract(root: Any, url: str | None) -> list[str]:
    """trafilatura's main text as lines (tables as "a | b" rows, images as markers)."""
    try:
        doc = trafilatura.bare_extraction(
            delayout(root), url=url, include_tables=True, include_comments=False,
            with_metadata=False, include_images=True, deduplicate=False,
        )  # fmt: skip
    except Exception:  # trafilatura raises assorted errors on broken input; never fatal here
        logger.warning("trafilatura failed on %s", url or "<document>", exc_info=True)
        return []
    text = getattr(doc, "text", None)
    if not text:
        return []
    lines: list[str] = []
    for line in split_units(str(text)):
        if _MD_SEPARATOR.match(line):
            continue
        if _MD_IMAGE.match(line):
            lines.append("[ảnh]")  # the caption under it is then recognised as one
            continue
        if line.startswith("|") and line.rstrip().endswith("|"):
            line = " | ".join(c.strip() for c in line.strip().strip("|").split("|"))
        lines.append(line)
    return lines
