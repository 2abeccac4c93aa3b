"""Metadata first (pipelines.pagemeta), caption tables, split date spans, repeated sapos.

Pages in tests/fixtures/markup, written in the markup real systems emit (JSON-LD graphs,
OpenGraph with a site suffix, microdata, baothainguyen.vn's caption tables of 2022, MasterCMS's
split time and date spans).
"""

from __future__ import annotations

from pathlib import Path

from pipelines import html as hp
from pipelines import pagemeta as pm
from pipelines.extraction import extract_document
from pipelines.html import SiteSelectors

MARKUP = Path(__file__).resolve().parents[1] / "fixtures" / "markup"


def page(name: str) -> bytes:
    return (MARKUP / name).read_bytes()


def test_jsonld_article_wins_over_opengraph_and_meta_names() -> None:
    root = hp.parse_html(page("jsonld_graph.html").decode())
    meta = pm.read_page_meta(root, "https://baomau.vn/x")
    assert meta.title == pm.Found("Xuất khẩu của tỉnh tăng mạnh trong quý III", "jsonld")
    assert meta.published == pm.Found("2024-10-02T08:15:00+07:00", "jsonld")
    assert meta.author == pm.Found("Minh Hằng - Đức Anh", "jsonld")
    assert meta.canonical is not None and meta.canonical.origin == "canonical"
    assert meta.site_name == "Báo Mẫu"
    assert meta.extra["modified"].value == "2024-10-03T09:00:00+07:00"


def test_metadata_first_extraction_records_each_origin() -> None:
    article = extract_document(page("jsonld_graph.html"), source="jsonld_graph.html")
    assert article.title == "Xuất khẩu của tỉnh tăng mạnh trong quý III"
    assert article.published_at == "2024-10-02T08:15:00+07:00"  # not the header clock
    assert article.author == "Minh Hằng - Đức Anh"  # a JSON-LD Person, not meta name=author
    assert article.sapo is not None and article.sapo.startswith("Kim ngạch xuất khẩu quý III")
    assert article.canonical_url == "https://baomau.vn/xuat-khau-tang-manh-123456.html"
    assert article.field_sources == {
        "title": "jsonld", "published_at": "jsonld", "author": "jsonld", "sapo": "jsonld",
        "body": "fallback", "canonical_url": "canonical",
    }  # fmt: skip


def test_opengraph_title_loses_the_site_suffix() -> None:
    assert pm.clean_title("Tiêu đề bài viết - Báo Mẫu", [], "Báo Mẫu") == "Tiêu đề bài viết"
    assert pm.clean_title("Tiêu đề bài viết | BM", ["Tiêu đề bài viết"]) == "Tiêu đề bài viết"
    assert pm.clean_title("Tiêu đề bài viết rất dài…", ["Tiêu đề bài viết rất dài và đủ"]) == (
        "Tiêu đề bài viết rất dài và đủ"
    )
    assert pm.clean_title("Một tiêu đề khác hẳn", ["Tiêu đề"], "Báo Mẫu") == "Một tiêu đề khác hẳn"


def test_time_elements_of_related_lists_are_not_the_article_date() -> None:
    html = '<html><body><ul><li><time datetime="2020-01-01">x</time></li></ul></body></html>'
    assert pm.read_page_meta(hp.parse_html(html)).published is None


def test_microdata_and_a_date_only_meta_refined_by_the_printed_time() -> None:
    article = extract_document(page("microdata_date_only.html"), source="microdata.html")
    assert article.title == "Thương mại dịch vụ 6 tháng đầu năm tăng 11%"
    assert article.field_sources["title"] == "microdata"
    # <meta name="pubdate" content="2023-07-05">, the page prints "09:45 05/07/2023"
    assert article.published_at == "2023-07-05T09:45:00+07:00"
    assert article.author == "Ngọc Lan" and article.field_sources["author"] == "microdata"


def test_caption_tables_are_images_not_body_nor_tables() -> None:
    root = hp.parse_html(page("caption_tables.html").decode())
    tables = [t for t in root.iter("table")]
    assert [hp.is_caption_table(t) for t in tables] == [True, True, False]
    assert hp.caption_tables_to_figures(root) == 2
    assert [t.get("class") for t in root.iter("table")] == ["data"]
    selectors = SiteSelectors(
        version="test/2026", title=("h1.detail__title",), sapo=("div.desc",),
        body=("div.content-detail",), date=("span.detail__time",), drop=("figure",),
        date_formats=("%H:%M, %d/%m/%Y",),
    )  # fmt: skip
    for chosen in (selectors, None):
        article = extract_document(page("caption_tables.html"), source="c.html", selectors=chosen)
        assert "Công nhân làm việc" not in article.body and "Dây chuyền" not in article.body
        assert article.tables == [
            [["Chỉ tiêu", "Quý I/2022"], ["Giá trị sản xuất công nghiệp (tỷ đồng)", "203.000"]]
        ]
        # the sapo, repeated in bold as the body's first paragraph, is kept once
        assert article.body.count("ước đạt 203 nghìn tỷ đồng") == 1
        assert article.published_at == "2022-03-26T15:13:00+07:00"


def test_split_time_and_date_spans_are_joined() -> None:
    selectors = SiteSelectors(
        version="test/mastercms", title=("h1.article-detail-title",),
        sapo=("div.article-detail-desc",), body=("div#articleBody",),
        date=("span.format_time", "span.format_date"), date_formats=("%d/%m/%Y %H:%M",),
    )  # fmt: skip
    article = extract_document(
        page("mastercms_split_date.html"), source="m.html", selectors=selectors
    )
    assert article.published_at == "2024-04-26T14:30:00+07:00"
    assert article.field_sources["published_at"] == "selectors"
    assert article.selector_misses == ()


def test_selector_misses_are_named_per_field() -> None:
    selectors = SiteSelectors(
        version="test/old", title=("h1.gone",), sapo=("div.gone",), body=("div#articleBody",),
        date=("span.gone",), date_formats=("%d/%m/%Y",),
    )  # fmt: skip
    article = extract_document(
        page("mastercms_split_date.html"), source="m.html", selectors=selectors
    )
    assert article.method == "selectors"
    assert article.selector_misses == ("title", "sapo", "date")
    assert article.title == "Sản xuất công nghiệp tháng 4 tăng trưởng"  # the page's h1
    assert article.published_at == "2024-04-26T14:30:00+07:00"  # the text rules
