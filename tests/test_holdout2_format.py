"""Format checks for the second hold-out set (tests/data/holdout2).

The set only measures generality; these tests validate the gold file against the
indicator contract (/work/shared/indicators.md) and the documents it describes.
"""

import json
import re
import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.gold_contract import (
    ARTICLE_KEYS,
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

HERE = Path(__file__).parent / "data" / "holdout2"
DOCS = HERE / "docs"
GOLD = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))

OPTIONAL_ARTICLE_KEYS = {"notes"}
QUALIFIERS = {None, "over", "under", "about"}
PROVINCES = {None, "Thái Nguyên", "Bắc Kạn"}
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
PERIOD = re.compile(
    r"^(?:\d{4}"
    r"|\d{4}-Q[1-4]"
    r"|\d{4}-(?:0[1-9]|1[0-2])"
    r"|\d{4}-(?:0[1-9]|1[0-2])\.\.\d{4}-(?:0[1-9]|1[0-2])"
    r"|\d{4}\.\.\d{4})$"
)

NAMES = sorted(GOLD)


def _text(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def test_docs_and_gold_agree():
    assert sorted(p.name for p in DOCS.glob("*.txt")) == NAMES
    assert len(NAMES) == 10


def test_gold_file_is_canonical_json():
    raw = (HERE / "gold.json").read_text(encoding="utf-8")
    assert raw == json.dumps(GOLD, ensure_ascii=False, indent=1) + "\n"


@pytest.mark.parametrize("name", NAMES)
def test_document_text(name):
    text = _text(name)
    assert unicodedata.is_normalized("NFC", text)
    assert "\r" not in text
    assert 300 <= len(text.split()) <= 800
    # Vietnamese number style: "." groups thousands, "," marks decimals.
    assert not re.search(r"\d,\d{3}\.\d", text)
    assert not re.search(r"\d\.\d{1,2}%", text)


@pytest.mark.parametrize("name", NAMES)
def test_article_fields(name):
    art = GOLD[name]
    assert ARTICLE_KEYS <= set(art) <= ARTICLE_KEYS | OPTIONAL_ARTICLE_KEYS
    text = _text(name)
    assert art["title"] and art["title"] in text
    pub = art["published_at"]
    if "T" in pub:
        assert datetime.fromisoformat(pub).utcoffset().total_seconds() == 7 * 3600
    else:
        date.fromisoformat(pub)
    assert 2019 <= int(pub[:4]) <= 2025
    assert art["author"] and art["author"] in text
    assert art["province"] in PROVINCES
    assert art["views"] is None or (isinstance(art["views"], int) and art["views"] > 0)
    assert art["body_must_not_contain"]
    for junk in art["body_must_not_contain"]:
        assert junk in text, f"{junk!r} is not in the page, so the check is vacuous"


@pytest.mark.parametrize("name", NAMES)
def test_facts(name):
    art = GOLD[name]
    text = _text(name)
    facts = art["facts"]
    assert 6 <= len(facts) <= 20
    year = int(art["published_at"][:4])
    seen = set()
    for fact in facts:
        assert FACT_KEYS <= set(fact) <= FACT_KEYS | OPTIONAL_FACT_KEYS, fact
        check_area(fact)
        assert fact["indicator"] in INDICATORS, fact
        sector = fact["sector"]
        assert sector is None or sector in CONTRACT_SECTORS or SNAKE.match(sector), fact
        assert fact["measure"] in MEASURES, fact
        assert isinstance(fact["value"], float), fact
        if fact["measure"] == "level":
            assert fact["unit"] in LEVEL_UNITS, fact
            assert fact["basis"] is None, fact
            assert fact["value"] > 0, fact
        else:
            assert fact["unit"] == "percent", fact
        if fact["measure"] == "change":
            assert fact["basis"] in BASES, fact
        else:
            assert fact["basis"] is None, fact
        if fact["measure"] in {"plan_progress", "share"}:
            assert 0 < fact["value"] <= 200, fact
        if fact["indicator"] == "household_electricity_rate":
            assert fact["measure"] == "level" and fact["unit"] == "percent", fact
            assert 0 < fact["value"] <= 100, fact
        if fact["unit"] == "VND":
            assert fact["value"] >= 1e9, fact
        assert PERIOD.match(fact["period"]), fact
        years = [int(y) for y in re.findall(r"\d{4}", fact["period"])]
        assert all(year - 2 <= y <= year + 10 for y in years), fact
        assert fact["status"] in STATUSES, fact
        assert fact["qualifier"] in QUALIFIERS, fact
        assert fact["evidence"] and fact["evidence"] in text, fact
        key = (fact["indicator"], fact["sector"], fact["measure"], fact["value"], fact["period"])
        assert key not in seen, f"duplicate fact {key}"
        seen.add(key)


def test_counts():
    facts = [f for art in GOLD.values() for f in art["facts"]]
    assert len(facts) == 179
    assert {f["indicator"] for f in facts} == INDICATORS
