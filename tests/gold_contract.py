"""The allowed values of the indicator contract (shared/indicators.md), for the gold-file tests.

Written once here, from the contract's tables, so that the corpus and hold-out format tests check
the same vocabulary. (The scorer in pipelines/indicators/scoring.py keeps its own copy on purpose:
the tests must not take the pipeline's word for what the contract says.)
"""

from __future__ import annotations

FACT_KEYS = {
    "indicator",
    "sector",
    "measure",
    "value",
    "unit",
    "basis",
    "period",
    "status",
    "qualifier",
    "evidence",
}
# Optional on a fact: the place it is about when not the article's province (contract: ``area``).
OPTIONAL_FACT_KEYS = {"area"}


def check_area(fact: dict) -> None:  # type: ignore[type-arg]
    """``area`` is absent, null, or a non-empty place name as written."""
    area = fact.get("area")
    assert area is None or (isinstance(area, str) and area.strip() == area and area), fact


INDICATORS = {
    "industrial_output_value",
    "industrial_production_index",
    "industry_growth",
    "industry_value_added",
    "retail_sales",
    "export_value",
    "import_value",
    "household_electricity_rate",
}
CONTRACT_SECTORS = {
    "mining",
    "manufacturing",
    "electricity",
    "water_waste",
    "fdi",
    "local",
    "central",
}
MEASURES = {"level", "change", "plan_progress", "share"}
LEVEL_UNITS = {"VND", "USD", "percent", "kWh", "ton", "unit"}
BASES = {"yoy", "prev_period", "other"}
STATUSES = {"actual", "estimate", "target"}
ARTICLE_KEYS = {
    "title",
    "published_at",
    "author",
    "province",
    "views",
    "body_must_not_contain",
    "facts",
}
