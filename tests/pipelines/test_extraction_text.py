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
