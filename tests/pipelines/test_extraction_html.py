"""Portal pages (tests/fixtures/html): each through the generic fallback and through selectors.

Fixtures follow fundus: <site>_<YYYY_MM_DD>.html, expected <same>.json, meta.json (url, crawl
date), and selectors.json holding the SiteSelectors of each site for the test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipelines.extraction import Article, extract_document
from pipelines.html import SiteSelectors

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
META = json.loads((FIXTURES / "meta.json").read_text(encoding="utf-8"))
SELECTORS = json.loads((FIXTURES / "selectors.json").read_text(encoding="utf-8"))
PAGES = sorted(META)
FIELDS = (
    "title",
    "sapo",
    "published_at",
    "author",
    "province",
    "province_current",
    "views",
    "tables",
)


def site_selectors(page: str) -> SiteSelectors:
    raw = SELECTORS[page.rsplit("_", 3)[0]]
    return SiteSelectors(**{k: tuple(v) if isinstance(v, list) else v for k, v in raw.items()})


def run(page: str, with_selectors: bool) -> Article:
    return extract_document(
        (FIXTURES / page).read_bytes(),
        source=page,
        url=META[page]["url"],
        selectors=site_selectors(page) if with_selectors else None,
    )


@pytest.mark.parametrize("with_selectors", [False, True], ids=["fallback", "selectors"])
@pytest.mark.parametrize("page", PAGES)
def test_page(page: str, with_selectors: bool) -> None:
    expected = json.loads((FIXTURES / page.replace(".html", ".json")).read_text(encoding="utf-8"))
    article = run(page, with_selectors)
    assert {f: getattr(article, f) for f in FIELDS} == {f: expected[f] for f in FIELDS}
    assert [s for s in expected["body_must_contain"] if s not in article.body] == []
    assert [s for s in expected["body_must_not_contain"] if s in article.body] == []
    assert article.body.startswith(expected["title"] + "\n\n" + expected["sapo"] + "\n\n")
    assert article.method == ("selectors" if with_selectors else "fallback")
    assert article.field_sources["body"] == article.method


def test_selector_version_recorded() -> None:
    article = run("congthuong_vn_2024_09_20.html", True)
    assert article.selector_version == "congthuong.vn/2023"
    # metadata first: the page's JSON-LD NewsArticle gives title, date and author
    assert article.field_sources["title"] == "jsonld"
    assert article.field_sources["published_at"] == "jsonld"
    assert article.field_sources["body"] == "selectors"


def test_selectors_finding_nothing_fall_back() -> None:
    page = "baothainguyen_vn_2024_03_26.html"
    broken = SiteSelectors(version="baothainguyen.vn/2019", title=("h1.gone",), body=("div.gone",))
    article = extract_document((FIXTURES / page).read_bytes(), source=page, selectors=broken)
    assert article.method == "fallback"
    assert article.title == "Giá trị sản xuất công nghiệp đạt 203 nghìn tỷ đồng"
    assert article.selector_version == "baothainguyen.vn/2019"


def test_windows_1258_page_is_nfc() -> None:
    raw = (FIXTURES / "congthuongthainguyen_gov_vn_2020_11_05.html").read_bytes()
    assert b"\xec" in raw or b"\xcc" in raw  # combining tone marks of windows-1258
    article = run("congthuongthainguyen_gov_vn_2020_11_05.html", False)
    assert "Công Thương" in article.title and "\u0301" not in article.body


def test_header_clock_is_not_the_date() -> None:
    # congthuong.vn shows the crawl day's clock "Thứ bảy 21/12/2024 23:17" above the title.
    article = run("congthuong_vn_2024_09_20.html", False)
    assert article.published_at == "2024-09-20T08:30:00+07:00"
