"""Attack: markup nested deeper than the parser goes, and deeper than Python recurses.

Before: from 255 nested ``<div>`` the extractor found no text (libxml2 stops building the tree at
256 levels); a page 100,000 deep was archived with a 23-character body; a tree deeper than
Python's recursion limit fell back to flat text, every line run into one.
"""

from __future__ import annotations

import lxml.html
import pytest
from lxml import etree

from pipelines.extraction import extract_document
from pipelines.html import parse_html, render_lines
from tests.fixtures.hostile.server import ARTICLE, page

PARAGRAPHS = ARTICLE["paragraphs"]


@pytest.mark.parametrize("depth", [254, 255, 256, 300, 2_048, 10_000, 100_000])
@pytest.mark.parametrize("kind", ["div", "unclosed inline"])
def test_attack_any_nesting_depth_keeps_the_article(depth: int, kind: str) -> None:
    if kind == "div":
        html = page(wrap=("<div>" * depth, "</div>" * depth))
    else:  # never closed, like a broken or hostile page
        html = page(wrap=("<b><i>" * (depth // 2), ""))
    article = extract_document(html.encode(), source=f"deep{depth}", content_type="text/html")
    assert article.title == ARTICLE["title"]
    for paragraph in PARAGRAPHS:
        assert paragraph in article.body.split("\n\n"), (depth, article.body[:300])


def test_attack_flattening_keeps_both_ends_of_the_nesting() -> None:
    from pipelines.markup_depth import KEEP_BOTTOM, KEEP_TOP, flatten_deep_markup

    html = page(wrap=("<section>" + "<div>" * 5_000, "</div>" * 5_000 + "</section>"))
    flat, removed = flatten_deep_markup(html)
    # start and end tags of the middle of the nesting: all but KEEP_TOP + KEEP_BOTTOM levels
    assert removed >= 2 * (5_000 - KEEP_TOP - KEEP_BOTTOM)
    root = lxml.html.document_fromstring(flat)
    assert max(len(list(e.iterancestors())) for e in root.iter()) < 256
    assert [p.text_content() for p in root.iter("p")][1:] == PARAGRAPHS  # structure kept


def test_attack_normal_pages_are_not_flattened() -> None:
    from pipelines.markup_depth import flatten_deep_markup

    html = page(wrap=("<div>" * 50, "</div>" * 50))
    assert flatten_deep_markup(html) == (html, 0)
    root = parse_html(html)
    assert root is not None and len(list(root.iter("div"))) == 50


def test_attack_render_lines_is_not_recursion_bound() -> None:
    """A tree 20,000 deep (built in memory: no parser limit) renders line by line; the old
    recursive renderer hit Python's recursion limit and ran every line into one."""
    root = etree.Element("div")
    node = root
    for _ in range(20_000):
        node = etree.SubElement(node, "div")
    for text in PARAGRAPHS:
        etree.SubElement(node, "p").text = text
    assert render_lines(root) == PARAGRAPHS
