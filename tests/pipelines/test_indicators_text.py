"""Text handling: decomposed Unicode, variant spellings, offsets, odd inputs."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.indicators import extract_facts

SENTENCE = "Năm 2023, giá trị sản xuất công nghiệp đạt 35.360 tỷ đồng, tăng 12,06% so với cùng kỳ."


def test_decomposed_body_gives_same_facts_and_true_offsets() -> None:
    nfd = "Tiêu đề\n\n" + unicodedata.normalize("NFD", SENTENCE)
    facts = extract_facts(nfd, published_at="2024-01-02")
    assert [(f["measure"], f["value"]) for f in facts] == [("level", 3.536e13), ("change", 12.06)]
    for fact in facts:
        assert nfd[fact["start"] : fact["end"]] == fact["evidence"]


def test_variant_spellings() -> None:
    text = "Năm 2023, tổng mức bán lẻ hàng hoá và dịch vụ đạt 12 nghìn tỉ đồng; luỹ kế 6 tháng đạt 5 ngàn tỉ."
    facts = extract_facts(text, published_at="2024-01-05")
    assert {(f["indicator"], f["value"], f["period"]) for f in facts} == {
        ("retail_sales", 1.2e13, "2023"),
        ("retail_sales", 5e12, "2023-01..2023-06"),
    }


def test_bad_published_at_is_tolerated() -> None:
    assert extract_facts(SENTENCE, published_at="hôm qua")[0]["period"] == "2023"


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet="0123456789.,%; ()\nđạttăngiảmquýthángnămtỷđồngGiá trị sản xuất công nghiệp",
        max_size=120,
    )
)
def test_never_raises_and_offsets_hold(text: str) -> None:
    for fact in extract_facts(text, published_at="2024-04-26"):
        assert text[fact["start"] : fact["end"]] == fact["evidence"]
