"""Rendered text of other portals and phrasings (tests/fixtures/text), beyond the five seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipelines.extraction import extract_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "text"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_text_fixture(name: str) -> None:
    expected = EXPECTED[name]
    article = extract_document((FIXTURES / name).read_bytes(), source=name)
    for field, value in expected.items():
        if field == "body_must_contain":
            assert [s for s in value if s not in article.body] == []
        elif field == "body_must_not_contain":
            assert [s for s in value if s in article.body] == []
        else:
            assert getattr(article, field) == value, field
    assert article.method == "text"
    assert article.field_sources["body"] == "text"


def test_str_input_and_entities() -> None:
    text = (
        "Lào Cai: Xuất khẩu tăng mạnh\n10/03/2024\n"
        "Kim ngạch xuất khẩu qua cửa khẩu Lào Cai tăng 35%&nbsp;so với cùng kỳ &amp; "
        "vượt kế hoạch đề ra trong quý I năm 2024 nhờ nông sản.\nĐức Minh\n"
    )
    article = extract_document(text, source="inline")
    assert article.sapo.startswith(
        "Kim ngạch xuất khẩu qua cửa khẩu Lào Cai tăng 35% so với cùng kỳ & "
    )
    assert (article.published_at, article.author, article.province) == (
        "2024-03-10",
        "Đức Minh",
        "Lào Cai",
    )


def test_province_from_the_site_name_when_the_article_names_none() -> None:
    """A provincial paper's article that says only "tỉnh": the site's name says which."""
    text = (
        "BÁO LAI CHÂU ĐIỆN TỬ\nKinh tế\nSản xuất công nghiệp 6 tháng tăng khá\n"
        "Cập nhật: 05/07/2023 - 08:10\n"
        "Sáu tháng đầu năm, giá trị sản xuất công nghiệp trên địa bàn tỉnh ước đạt 3.120 tỷ "
        "đồng, tăng 8,2% so với cùng kỳ, chủ yếu nhờ các nhà máy thủy điện phát điện ổn định.\n"
        "Chỉ số sản xuất công nghiệp tăng 7,9%, cao hơn mức tăng chung của cả nước.\nMinh Anh\n"
    )
    article = extract_document(text, source="inline")
    assert article.title == "Sản xuất công nghiệp 6 tháng tăng khá"
    assert article.province == "Lai Châu"
