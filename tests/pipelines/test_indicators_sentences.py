"""Sentences of our own, in other phrasings than the seeds (fixture: sentences.json).

Each case lists every scorable fact the sentence states; a missing or extra fact fails. Cases
with an empty list check that numbers about other things (trade totals, GRDP shares of other
sectors, projects, hectares) never land under one of the contract's keys.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipelines.indicators import extract_facts
from pipelines.indicators.scoring import scorable

CASES_PATH = Path(__file__).resolve().parents[1] / "fixtures" / "indicators" / "sentences.json"
CASES: list[dict[str, Any]] = json.loads(CASES_PATH.read_text(encoding="utf-8"))


def _agrees(fact: dict[str, Any], expected: dict[str, Any]) -> bool:
    for key, want in expected.items():
        got = fact.get(key)
        if key == "value":
            if abs(got - want) > 1e-6 * max(1.0, abs(want)):
                return False
        elif got != want:
            return False
    return True


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_sentence(case: dict[str, Any]) -> None:
    facts = [
        f for f in extract_facts(case["text"], published_at=case["published_at"]) if scorable(f)
    ]
    remaining = list(facts)
    for expected in case["facts"]:
        expected = {"sector": None, **expected}
        match = next((f for f in remaining if _agrees(f, expected)), None)
        assert match is not None, f"missing {expected}\ngot {facts}"
        remaining.remove(match)
    assert not remaining, f"unexpected {remaining}"


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_offsets(case: dict[str, Any]) -> None:
    for fact in extract_facts(case["text"], published_at=case["published_at"]):
        assert case["text"][fact["start"] : fact["end"]] == fact["evidence"]
