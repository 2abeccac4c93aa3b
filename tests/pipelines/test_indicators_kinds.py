"""The kinds of failure of issue 11, each on sentences of our own (fixture ``kinds.json``).

Kind 1 (tables flattened into text) has its own file, ``test_indicators_flat_tables.py``, and
kind 7 (titles of rendered text) is tested with the text rules (``test_extraction_text.py``).
Every case lists every scorable fact its text states, with its area, period, status and basis;
a missing or an extra fact fails.

2. breakdowns whose indicator is only implied (a sector or owner list after the total);
3. vocabulary and spelling variants (abbreviations, other names, lines without diacritics);
4. figures about another place (districts, parks, other provinces, the country): ``area``;
5. periods from context (title, month vs months, cumulative, spans, from-to, typo years);
6. status and measure (dự ước, dự tính, kịch bản, chỉ tiêu; plan progress; rank steps; goods).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipelines.indicators import extract_facts
from pipelines.indicators.scoring import scorable

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "indicators" / "kinds.json"
CASES: list[dict[str, Any]] = json.loads(FIXTURE.read_text(encoding="utf-8"))


def _cases(kind: int) -> list[Any]:
    return [pytest.param(c, id=c["id"]) for c in CASES if c["kind"] == kind]


def _agrees(fact: dict[str, Any], expected: dict[str, Any]) -> bool:
    for key, want in expected.items():
        got = fact.get(key)
        if key == "value":
            if abs(got - want) > 1e-6 * max(1.0, abs(want)):
                return False
        elif got != want:
            return False
    return True


def _check(case: dict[str, Any]) -> None:
    facts = extract_facts(
        case["text"], published_at=case["published_at"], province=case["province"]
    )
    for fact in facts:
        assert case["text"][fact["start"] : fact["end"]] == fact["evidence"]
    remaining = [f for f in facts if scorable(f)]
    for expected in case["facts"]:
        match = next((f for f in remaining if _agrees(f, expected)), None)
        assert match is not None, f"missing {expected}\ngot {remaining}"
        remaining.remove(match)
    assert not remaining, f"unexpected {remaining}"


def test_every_kind_has_cases() -> None:
    assert {c["kind"] for c in CASES} == {2, 3, 4, 5, 6}
    assert all(sum(c["kind"] == k for c in CASES) >= 5 for k in (2, 3, 4, 5, 6))


@pytest.mark.parametrize("case", _cases(2))
def test_kind_2_breakdowns_with_an_implied_indicator(case: dict[str, Any]) -> None:
    _check(case)


@pytest.mark.parametrize("case", _cases(3))
def test_kind_3_vocabulary_and_spelling_variants(case: dict[str, Any]) -> None:
    _check(case)


@pytest.mark.parametrize("case", _cases(4))
def test_kind_4_figures_about_another_place_carry_area(case: dict[str, Any]) -> None:
    _check(case)


@pytest.mark.parametrize("case", _cases(5))
def test_kind_5_periods_from_context(case: dict[str, Any]) -> None:
    _check(case)


@pytest.mark.parametrize("case", _cases(6))
def test_kind_6_status_and_measure(case: dict[str, Any]) -> None:
    _check(case)


def test_kind_3_restored_line_keeps_offsets_into_the_body() -> None:
    body = "Ảnh: gia tri san xuat cong nghiep 6 thang uoc dat 437 nghin ty dong"
    (fact,) = extract_facts(body, published_at="2024-07-08", province="Thái Nguyên")
    assert fact["evidence"] == "gia tri san xuat cong nghiep 6 thang uoc dat 437 nghin ty dong"
    assert fact["value"] == 437e12 and fact["status"] == "estimate"


def test_kind_5_a_year_with_no_plausible_reading_is_dropped() -> None:
    from datetime import date

    from pipelines.indicators.periods import plausible_year

    assert plausible_year(2108, date(2018, 7, 5)) == 2018
    assert plausible_year(2050, date(2020, 1, 1)) == 2050  # a horizon, not a typo
    assert plausible_year(9999, date(2020, 1, 1)) is None
