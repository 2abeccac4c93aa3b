"""Facts from monthly report tables (rows = indicators/sectors, columns = periods/changes).

The "cases" of the fixture are tables of our own in the layouts provincial reports use (outline
markers I / 1 / a) / - / +, unit notes and unit columns, cumulative and comparison columns, a
table restating the text); each lists every scorable fact, so a missing or extra one fails.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipelines.indicators import extract_facts
from pipelines.indicators.scoring import scorable

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "indicators" / "tables.json"
CASES: list[dict[str, Any]] = json.loads(FIXTURE.read_text(encoding="utf-8"))["cases"]


@pytest.fixture(scope="module")
def facts() -> list[dict[str, Any]]:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return extract_facts("", published_at=data["published_at"], tables=data["tables"])


def _find(facts: list[dict[str, Any]], **want: Any) -> list[dict[str, Any]]:
    return [f for f in facts if all(f.get(k) == v for k, v in want.items())]


def test_level_columns(facts: list[dict[str, Any]]) -> None:
    (oct_,) = _find(facts, indicator="industrial_output_value", sector=None, period="2021-10")
    assert oct_["value"] == pytest.approx(135e9) and oct_["unit"] == "VND"
    assert oct_["status"] == "actual" and oct_["start"] is None and oct_["end"] is None
    (nov,) = _find(facts, indicator="industrial_output_value", sector=None, period="2021-11")
    assert nov["status"] == "estimate" and nov["value"] == pytest.approx(140.2e9)


def test_comparison_column_is_index_minus_100(facts: list[dict[str, Any]]) -> None:
    (change,) = _find(facts, indicator="industrial_output_value", sector="mining", measure="change")
    assert change["value"] == pytest.approx(-4.5)
    assert change["basis"] == "yoy" and change["period"] == "2021-01..2021-11"


def test_signed_growth_column_and_plan_column(facts: list[dict[str, Any]]) -> None:
    (growth,) = _find(facts, indicator="retail_sales", measure="change")
    assert growth["value"] == pytest.approx(12.5)
    (level,) = _find(facts, indicator="retail_sales", measure="level")
    assert level["value"] == pytest.approx(8350.4e9) and level["period"] == "2021-01..2021-11"
    (plan,) = _find(facts, indicator="retail_sales", measure="plan_progress")
    assert plan["value"] == pytest.approx(91.2)


def test_rows_that_are_not_indicators_are_dropped(facts: list[dict[str, Any]]) -> None:
    assert not [f for f in facts if "Sản lượng" in f["evidence"]]
    assert all(f["indicator"] != "other" for f in facts)


def test_malformed_tables_do_not_raise() -> None:
    assert extract_facts("", published_at=None, tables=[[], [[]], [["a"], ["1", "2", "3"]]]) == []


def _agrees(fact: dict[str, Any], expected: dict[str, Any]) -> bool:
    return all(
        fact.get(k) == pytest.approx(v) if k == "value" else fact.get(k) == v
        for k, v in {"sector": None, **expected}.items()
    )


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_table_case(case: dict[str, Any]) -> None:
    facts = extract_facts(case["text"], published_at=case["published_at"], tables=case["tables"])
    remaining = [f for f in facts if scorable(f)]
    for expected in case["facts"]:
        match = next((f for f in remaining if _agrees(f, expected)), None)
        assert match is not None, f"missing {expected}\ngot {remaining}"
        remaining.remove(match)
    assert not remaining, f"unexpected {remaining}"
