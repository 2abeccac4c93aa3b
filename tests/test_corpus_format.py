"""Format checks for the independent indicator test corpus (tests/data/indicator_corpus).

The corpus is a labelled set of short Vietnamese economic reports used to measure how well the
indicator extractor generalises beyond the five seed articles. These tests only validate the
corpus itself (layout, field values, evidence, size and variety); they do not run the extractor.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.gold_contract import (
    BASES,
    CONTRACT_SECTORS,
    FACT_KEYS,
    INDICATORS,
    LEVEL_UNITS,
    MEASURES,
    OPTIONAL_FACT_KEYS,
    STATUSES,
    check_area,
)

CORPUS = Path(__file__).resolve().parent / "data" / "indicator_corpus"
DOCS_DIR = CORPUS / "docs"
GOLD_PATH = CORPUS / "gold.json"

QUALIFIERS = {"over", "under", "about"}

YEAR = r"(?:19|20)\d\d"
MONTH = rf"{YEAR}-(?:0[1-9]|1[0-2])"
PERIOD_KINDS = {
    "year": re.compile(rf"{YEAR}"),
    "quarter": re.compile(rf"{YEAR}-Q[1-4]"),
    "month": re.compile(MONTH),
    "month_range": re.compile(rf"{MONTH}\.\.{MONTH}"),
    "year_span": re.compile(rf"{YEAR}\.\.{YEAR}"),
}
PUBLISHED_RE = re.compile(r"\d{4}-\d\d-\d\d(?:T\d\d:\d\d:\d\d\+07:00)?")
DATELINE_DATE_RE = re.compile(r"(\d{2})/(\d{2})/(\d{4})")
SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])\s+|\n+")

MIN_DOCS = 50
MAX_DOCS = 70
MIN_LABELLED_SENTENCES = 150


def _gold() -> dict[str, Any]:
    return json.loads(GOLD_PATH.read_text(encoding="utf-8"))


def _split_doc(text: str) -> tuple[str, str, str]:
    """Return (dateline, title, body) of a corpus document."""
    parts = text.split("\n\n", 2)
    assert len(parts) == 3, "expected: dateline, blank line, title, blank line, body"
    dateline, title, body = parts
    return dateline, title, body.strip()


def _period_kind(period: str) -> str | None:
    for kind, rx in PERIOD_KINDS.items():
        if rx.fullmatch(period):
            return kind
    return None


def _sentences(body: str) -> list[str]:
    return [s for s in SENTENCE_SPLIT.split(body) if s.strip()]


GOLD = _gold()
ALL_FACTS = [(name, f) for name, entry in GOLD.items() for f in entry["facts"]]
FACT_IDS = [f"{name[:3]}-{i}" for name, entry in GOLD.items() for i in range(len(entry["facts"]))]


def test_gold_file_is_canonical_json() -> None:
    raw = GOLD_PATH.read_text(encoding="utf-8")
    assert list(GOLD) == sorted(GOLD), "document keys must be sorted"
    assert raw == json.dumps(GOLD, ensure_ascii=False, indent=1) + "\n"


def test_docs_and_gold_cover_the_same_files() -> None:
    files = sorted(p.name for p in DOCS_DIR.glob("*.txt"))
    assert files == sorted(GOLD)
    assert MIN_DOCS <= len(files) <= MAX_DOCS
    for name in files:
        assert re.fullmatch(r"\d{3}_[a-z0-9-]+\.txt", name), name


@pytest.mark.parametrize("name", sorted(GOLD))
def test_document_layout_and_dates(name: str) -> None:
    text = (DOCS_DIR / name).read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text, "text must be NFC"
    dateline, title, body = _split_doc(text)
    assert "\n" not in dateline and "\n" not in title
    assert title.strip() == title and title
    assert body
    entry = GOLD[name]
    published = entry["published_at"]
    assert PUBLISHED_RE.fullmatch(published), published
    match = DATELINE_DATE_RE.search(dateline)
    assert match, dateline
    day, month, year = match.groups()
    assert published[:10] == f"{year}-{month}-{day}"
    has_time = re.search(r"\d{1,2}:\d{2}", dateline) is not None
    assert ("T" in published) == has_time
    if "title" in entry:
        assert entry["title"] == title
    assert entry["facts"], "every document carries labelled facts"


@pytest.mark.parametrize(("name", "fact"), ALL_FACTS, ids=FACT_IDS)
def test_fact_fields(name: str, fact: dict[str, Any]) -> None:
    assert FACT_KEYS <= set(fact) <= FACT_KEYS | OPTIONAL_FACT_KEYS
    check_area(fact)
    assert fact["indicator"] in INDICATORS
    sector = fact["sector"]
    assert sector is None or sector in CONTRACT_SECTORS or re.fullmatch(r"[a-z]+(_[a-z]+)*", sector)
    measure = fact["measure"]
    assert measure in MEASURES
    assert isinstance(fact["value"], float)
    if measure == "level":
        assert fact["unit"] in LEVEL_UNITS
        assert fact["value"] > 0
    else:
        assert fact["unit"] == "percent"
    if fact["indicator"] == "household_electricity_rate":
        assert (measure, fact["unit"]) == ("level", "percent")
        assert 0 < fact["value"] <= 100
    if fact["indicator"] in {"export_value", "import_value"} and measure == "level":
        assert fact["unit"] == "USD"
    if measure == "change":
        assert fact["basis"] in BASES
    else:
        assert fact["basis"] is None
    if measure in {"plan_progress", "share"}:
        assert 0 < fact["value"] <= 200
    assert fact["status"] in STATUSES
    assert fact["qualifier"] is None or fact["qualifier"] in QUALIFIERS
    period = fact["period"]
    kind = _period_kind(period)
    assert kind, period
    if ".." in period:
        start, end = period.split("..")
        assert start < end, period


@pytest.mark.parametrize("name", sorted(GOLD))
def test_evidence_is_in_the_body(name: str) -> None:
    _, _, body = _split_doc((DOCS_DIR / name).read_text(encoding="utf-8"))
    for fact in GOLD[name]["facts"]:
        evidence = fact["evidence"]
        assert evidence and evidence == evidence.strip()
        assert evidence in body, evidence
        assert re.search(r"\d", evidence), evidence


def test_no_duplicate_facts_within_a_document() -> None:
    for name, entry in GOLD.items():
        keys = Counter(
            (f["indicator"], f["sector"], f["measure"], f["value"], f["period"])
            for f in entry["facts"]
        )
        dupes = [k for k, n in keys.items() if n > 1]
        assert not dupes, (name, dupes)


def test_enough_labelled_sentences() -> None:
    labelled = 0
    for name, entry in GOLD.items():
        _, _, body = _split_doc((DOCS_DIR / name).read_text(encoding="utf-8"))
        evidences = [f["evidence"] for f in entry["facts"]]
        labelled += sum(1 for s in _sentences(body) if any(e in s for e in evidences))
    assert labelled >= MIN_LABELLED_SENTENCES


def test_variety() -> None:
    facts = [f for _, f in ALL_FACTS]
    assert {f["indicator"] for f in facts} == INDICATORS
    assert {f["measure"] for f in facts} == MEASURES
    assert {f["basis"] for f in facts} - {None} == BASES
    assert {f["status"] for f in facts} == STATUSES
    assert {f["qualifier"] for f in facts} - {None} == QUALIFIERS
    assert {f["sector"] for f in facts} >= CONTRACT_SECTORS
    assert {_period_kind(f["period"]) for f in facts} == set(PERIOD_KINDS)
    ranges = [f["period"] for f in facts if _period_kind(f["period"]) == "month_range"]
    assert any(p.split("..")[0].endswith("-01") for p in ranges)
    assert any(not p.split("..")[0].endswith("-01") for p in ranges)
    assert {f["unit"] for f in facts} >= {"VND", "USD", "percent"}
