"""score(): matching, tolerances, agreements, per-indicator breakdown and the text report."""

from __future__ import annotations

from typing import Any

import pytest

from pipelines.indicators.scoring import score


def _fact(**kw: Any) -> dict[str, Any]:
    base = {
        "indicator": "industrial_output_value",
        "sector": None,
        "measure": "level",
        "value": 100.0,
        "unit": "VND",
        "basis": None,
        "period": "2024",
        "status": "actual",
        "qualifier": None,
        "evidence": "x",
    }
    return {**base, **kw}


def test_tolerances() -> None:
    gold = {"d": {"facts": [_fact(value=1000.0), _fact(measure="change", value=6.0, basis="yoy")]}}
    near = [_fact(value=1004.9), _fact(measure="change", value=6.01, basis="yoy")]
    far = [_fact(value=1006.0), _fact(measure="change", value=6.02, basis="yoy")]
    assert score(gold, {"d": near}).tp == 2
    report = score(gold, {"d": far})
    assert (report.tp, report.fp, report.fn) == (0, 2, 2)


def test_each_gold_fact_matched_once_preferring_agreement() -> None:
    gold = {"d": {"facts": [_fact(period="2024-Q1"), _fact(period="2024")]}}
    pred = {"d": [_fact(period="2024"), _fact(period="2024-Q1"), _fact(period="2023")]}
    report = score(gold, pred)
    assert (report.tp, report.fp, report.fn) == (2, 1, 0)
    assert report.period_agreement == 1.0
    assert report.precision == pytest.approx(2 / 3) and report.recall == 1.0


def test_agreements_breakdown_and_unscored_facts() -> None:
    gold = {
        "d": {
            "facts": [
                _fact(status="estimate"),
                _fact(indicator="retail_sales", measure="change", value=5.0, basis="yoy"),
            ]
        }
    }
    pred = {
        "d": [
            _fact(status="actual"),
            _fact(indicator="other", value=7.0),  # kept by the extractor, never scored
            _fact(sector="non_state", value=8.0),
            _fact(indicator="export_value", measure="change", value=1.0, basis="yoy"),
        ]
    }
    report = score(gold, pred)
    assert (report.tp, report.fp, report.fn) == (1, 1, 1)
    assert report.status_agreement == 0.0 and report.basis_agreement == 1.0
    assert report.indicator_scores("retail_sales")["fn"] == 1
    assert report.indicator_scores("export_value")["fp"] == 1
    assert (
        report.misses[0]["doc"] == "d" and report.false_positives[0]["indicator"] == "export_value"
    )
    text = report.to_text(show=True)
    assert "MISSED" in text and "FALSE POSITIVE" in text and "F1=" in text
    assert "MISSED" not in report.to_text(show=False)


def test_empty_is_perfect_not_a_division_error() -> None:
    report = score({}, {})
    assert (report.precision, report.recall, report.period_agreement) == (1.0, 1.0, 1.0)


def test_area_must_be_present_on_both_sides_and_extra_areas_are_free() -> None:
    """Contract, "Scoring": both or neither carry an area; a predicted fact with an area that
    matches no gold fact is not counted against precision."""
    gold = {"d": {"facts": [_fact(area="huyện Phú Bình", value=5.0), _fact(value=7.0)]}}
    pred = {
        "d": [
            _fact(area="TP. Phú Bình (as written)", value=5.0),  # the area's text is not compared
            _fact(value=7.0, area="cả nước"),  # the province's figure given to the country
            _fact(value=9.0, area="Bắc Giang"),  # another place the gold did not label
        ]
    }
    report = score(gold, pred)
    assert (report.tp, report.fp, report.fn) == (1, 0, 1)


def test_periods_agree_when_they_cover_the_same_months() -> None:
    gold = {"d": {"facts": [_fact(period="2024-Q1"), _fact(period="2023", value=50.0)]}}
    pred = {"d": [_fact(period="2024-01..2024-03"), _fact(period="2023-01..2023-12", value=50.0)]}
    assert score(gold, pred).period_agreement == 1.0
    wrong = {"d": [_fact(period="2024-01..2024-02"), _fact(period="2023-Q4", value=50.0)]}
    assert score(gold, wrong).period_agreement == 0.0


def test_misses_are_counted_per_kind() -> None:
    gold = {
        "d": {
            "facts": [
                _fact(indicator="export_value", unit="USD", value=3.0),
                _fact(measure="share", unit="percent", value=40.0),
                _fact(area="cả nước", value=11.0),
                _fact(measure="change", unit="percent", basis="yoy", value=2.0),
            ]
        }
    }
    pred = {
        "d": [
            _fact(measure="change", unit="percent", basis="yoy", value=2.0, status="estimate"),
            _fact(indicator="retail_sales", value=4.0),
        ]
    }
    rows = {(r["by"], r["kind"]): r for r in score(gold, pred).kind_rows()}
    assert rows[("indicator", "export_value")]["fn"] == 1
    assert rows[("indicator", "retail_sales")]["fp"] == 1
    assert rows[("measure", "share")]["fn"] == 1
    assert rows[("measure", "change")]["tp"] == 1 and rows[("measure", "change")]["status"] == 1
    assert rows[("area", "other place")]["fn"] == 1
    text = score(gold, pred).to_text()
    assert "misses per kind" in text and "measure   share" in text
