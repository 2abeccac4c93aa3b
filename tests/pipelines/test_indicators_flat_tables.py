"""Tables flattened into text, one cell a line (kind 1 of issue 11), read as tables.

Fixture ``flat_tables.json``: tables of our own in the layouts statistical reports take once
converted from PDF (statistics office monthly IIP tables, bilingual yearbooks, "Năm trước = 100"
index tables, report tables one row a line, a table by district). Each case lists every
scorable fact; a missing or extra one fails.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipelines.indicators import extract_facts
from pipelines.indicators.flat_tables import find_flat_tables
from pipelines.indicators.scoring import scorable

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "indicators" / "flat_tables.json"
CASES: list[dict[str, Any]] = json.loads(FIXTURE.read_text(encoding="utf-8"))


def _agrees(fact: dict[str, Any], expected: dict[str, Any]) -> bool:
    return all(
        fact.get(k) == pytest.approx(v) if k == "value" else fact.get(k) == v
        for k, v in expected.items()
    )


def _facts(case: dict[str, Any]) -> list[dict[str, Any]]:
    return extract_facts(case["text"], published_at=case["published_at"], province=case["province"])


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_flat_table_case(case: dict[str, Any]) -> None:
    remaining = [f for f in _facts(case) if scorable(f)]
    for expected in case["facts"]:
        match = next((f for f in remaining if _agrees(f, expected)), None)
        assert match is not None, f"missing {expected}\ngot {remaining}"
        remaining.remove(match)
    assert not remaining, f"unexpected {remaining}"


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_evidence_runs_from_the_row_label_to_the_cell(case: dict[str, Any]) -> None:
    for fact in _facts(case):
        assert case["text"][fact["start"] : fact["end"]] == fact["evidence"]
        if fact["evidence"].count("\n"):  # a table fact: label first, its cell last
            cell = fact["evidence"].split()[-1]
            assert cell[0].isdigit(), fact


def test_a_row_missing_a_cell_is_left_alone() -> None:
    text = "\n".join(
        [
            "Chỉ số sản xuất công nghiệp",
            "Tháng 5 so với tháng trước",
            "Tháng 5 so với cùng kỳ",
            "Toàn ngành",
            "102,10",
            "107,30",
            "Khai khoáng",
            "96,20",
            "Chế biến, chế tạo",
            "103,00",
            "109,40",
        ]
    )
    facts = extract_facts(text, published_at="2024-06-03", province="Thái Nguyên")
    assert sorted((f["sector"] or "", f["value"]) for f in facts) == [
        ("", 2.1),
        ("", 7.3),
        ("manufacturing", 3.0),
        ("manufacturing", 9.4),
    ]


def test_running_text_with_numbers_is_no_table() -> None:
    text = (
        "Giá trị sản xuất công nghiệp tháng 5 ước đạt 21.400 tỷ đồng.\n"
        "Tăng 7,3% so với cùng kỳ.\n"
        "Chỉ số sản xuất công nghiệp tăng 8,1%.\n"
        "Kim ngạch xuất khẩu đạt 2,4 tỷ USD.\n"
    )
    assert find_flat_tables(text) == []
