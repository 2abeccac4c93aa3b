"""Facts from monthly report tables (rows = indicators/sectors, columns = periods/changes)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipelines.indicators import extract_facts

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "indicators" / "tables.json"


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
