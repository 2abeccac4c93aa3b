"""Format checks for the blind set tests/data/holdout3 (see its README.md).

The set only measures generality; these tests validate its gold against the indicator contract
and the documents it describes (tests/blind_set_format.py), not against the extractor.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.blind_set_format import BlindSet

SET = BlindSet(Path(__file__).parent / "data" / "holdout3")
FACTS = 242
WITH_AREA = 10


def test_layout() -> None:
    SET.check_layout()
    assert len(SET.names) == 16


@pytest.mark.parametrize("name", SET.names)
def test_document(name: str) -> None:
    SET.check_document(name)


@pytest.mark.parametrize("name", SET.names)
def test_article_fields(name: str) -> None:
    SET.check_article(name)


@pytest.mark.parametrize("name", SET.names)
def test_facts(name: str) -> None:
    SET.check_facts(name)


def test_counts() -> None:
    facts = SET.facts()
    assert len(facts) == FACTS
    assert {f["indicator"] for f in facts} <= {
        "industrial_output_value",
        "industrial_production_index",
        "industry_growth",
        "industry_value_added",
        "retail_sales",
        "export_value",
        "import_value",
        "household_electricity_rate",
    }
    assert sum(bool(f.get("area")) for f in facts) == WITH_AREA
