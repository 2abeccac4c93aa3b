"""The hold-out gold (tests/data/holdout) follows the indicator contract.

Checks the form of every label, not the pipeline: allowed field values, evidence that really
occurs in the document (the visible text for HTML pages), numbers in the evidence that agree
with the labelled value, and article fields that can be found in the page.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import datetime
from html.parser import HTMLParser
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

HOLDOUT = Path(__file__).resolve().parent / "data" / "holdout"
DOCS = HOLDOUT / "docs"
GOLD = json.loads((HOLDOUT / "gold.json").read_text(encoding="utf-8"))

OPTIONAL_ARTICLE_KEYS = {"notes"}
QUALIFIERS = {None, "over", "under", "about"}
PROVINCES = {"Thái Nguyên", "Bắc Kạn", "Lạng Sơn", "Tuyên Quang", None}

SNAKE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
PERIOD = re.compile(
    r"^(?P<y>\d{4})(?:-Q[1-4]|-(?:0[1-9]|1[0-2])|-(?:0[1-9]|1[0-2])\.\.\d{4}-(?:0[1-9]|1[0-2])"
    r"|\.\.\d{4})?$"
)
PUBLISHED = re.compile(r"^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}\+07:00)?$")
VI_NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
LEVEL_SCALES = (1, 10**6, 10**9, 10**12, 10**15)

# Elements whose text is never shown, and elements that break the text into separate runs.
HIDDEN = {"head", "title", "script", "style", "noscript", "template"}
BLOCKS = {
    "address", "article", "aside", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "option", "p", "section", "select", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "ul",
}  # fmt: skip


class _VisibleText(HTMLParser):
    """Text a browser shows: hidden elements dropped, block boundaries become spaces."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.rows: list[list[str]] = []
        self._hidden = 0
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN:
            self._hidden += 1
        elif tag in BLOCKS:
            self.parts.append(" ")
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in BLOCKS:
            self.parts.append(" ")
        if tag in ("td", "th") and self._cell is not None and self.rows:
            self.rows[-1].append(_collapse("".join(self._cell)))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)
            if self._cell is not None:
                self._cell.append(data)


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _load(name: str) -> tuple[str, dict[str, str]]:
    """The searchable text of a document and, for HTML, its table rows: label -> other cells."""
    raw = (DOCS / name).read_text(encoding="utf-8")
    if name.endswith(".html"):
        parser = _VisibleText()
        parser.feed(raw)
        parser.close()
        rows = {}
        for cells in parser.rows:
            for i, cell in enumerate(cells):
                if cell and not VI_NUMBER.fullmatch(cell):
                    rows[cell] = " ".join(cells[i + 1 :])
        return _collapse("".join(parser.parts)), rows
    return raw, {}


def _vi_number(token: str) -> float:
    return float(token.replace(".", "").replace(",", "."))


def _value_agrees(fact: dict, evidence: str) -> bool:
    """A number in the evidence is the labelled value (scaled, or as 'bằng'/'vượt' percentages)."""
    value = fact["value"]
    measure = fact["measure"]
    if measure == "level":
        candidates = [value / scale for scale in LEVEL_SCALES]
    elif measure == "change":
        candidates = [abs(value), value + 100]
    elif measure == "plan_progress":
        candidates = [value, value - 100]
    else:
        candidates = [value]
    numbers = [_vi_number(tok) for tok in VI_NUMBER.findall(evidence)]
    return any(abs(n - c) <= 1e-6 * max(1.0, abs(c)) for n in numbers for c in candidates)


def test_every_document_is_labelled() -> None:
    files = sorted(p.name for p in DOCS.iterdir() if p.is_file())
    assert files == sorted(GOLD), "gold.json and docs/ must list the same files"
    assert len(files) == 14
    assert sum(f.endswith(".txt") for f in files) == 8
    assert sum(f.endswith(".html") for f in files) == 6
    assert all(re.match(r"^\d{2}_[a-z0-9-]+_[a-z0-9-]+\.(txt|html)$", f) for f in files)


def test_text_is_nfc() -> None:
    paths = [HOLDOUT / "gold.json", *DOCS.iterdir()]
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert unicodedata.normalize("NFC", text) == text, f"{path.name} is not NFC"


@pytest.mark.parametrize("name", sorted(GOLD))
def test_article_fields(name: str) -> None:
    article = GOLD[name]
    text, _ = _load(name)
    assert ARTICLE_KEYS <= set(article) <= ARTICLE_KEYS | OPTIONAL_ARTICLE_KEYS

    assert article["title"] and article["title"] in text
    assert article["author"] and article["author"] in text
    assert article["province"] in PROVINCES
    if article["province"] is not None:
        assert article["province"] in text, "province must be named by the text, never guessed"

    published = article["published_at"]
    if published is not None:
        assert PUBLISHED.match(published), published
        when = datetime.fromisoformat(published)
        assert 2020 <= when.year <= 2025
        assert when.strftime("%d/%m/%Y") in text, "the publication date must be shown in the page"

    views = article["views"]
    if views is not None:
        assert isinstance(views, int) and views > 0
        assert str(views) in text or f"{views:,}".replace(",", ".") in text

    boilerplate = article["body_must_not_contain"]
    assert 3 <= len(boilerplate) <= 8
    for snippet in boilerplate:
        assert snippet in text, f"boilerplate {snippet!r} does not occur in the page"


@pytest.mark.parametrize("name", sorted(GOLD))
def test_facts(name: str) -> None:
    facts = GOLD[name]["facts"]
    text, rows = _load(name)
    assert 5 <= len(facts) <= 45
    seen = set()
    for fact in facts:
        where = f"{name}: {fact.get('evidence')!r}"
        assert FACT_KEYS <= set(fact) <= FACT_KEYS | OPTIONAL_FACT_KEYS, where
        check_area(fact)
        assert fact["indicator"] in INDICATORS, where
        sector = fact["sector"]
        assert sector is None or sector in CONTRACT_SECTORS or SNAKE.match(sector), where
        assert fact["measure"] in MEASURES, where
        assert isinstance(fact["value"], float), where
        if fact["measure"] == "level":
            assert fact["unit"] in LEVEL_UNITS, where
            if fact["indicator"] == "household_electricity_rate":
                assert fact["unit"] == "percent", where
        else:
            assert fact["unit"] == "percent", where
        if fact["measure"] == "change":
            assert fact["basis"] in BASES, where
        else:
            assert fact["basis"] is None, where
        if fact["measure"] in ("share", "plan_progress"):
            assert 0 < fact["value"] <= 200, where

        match = PERIOD.match(fact["period"])
        assert match, where
        years = [int(y) for y in re.findall(r"\d{4}", fact["period"])]
        assert years == sorted(years) and 2019 <= years[0] <= 2030, where
        assert fact["status"] in STATUSES, where
        assert fact["qualifier"] in QUALIFIERS, where

        evidence = fact["evidence"]
        assert evidence and evidence in text, f"evidence not in the document text: {where}"
        if evidence in rows:  # a table row label: the value is one of the row's cells
            assert _value_agrees(fact, rows[evidence]), f"value {fact['value']} not in row {where}"
        else:
            assert _value_agrees(fact, evidence), f"value {fact['value']} not in {where}"
            if fact["measure"] == "change" and "bằng" not in evidence:
                if "giảm" in evidence:
                    assert fact["value"] < 0, where
                elif "tăng" in evidence:
                    assert fact["value"] > 0, where

        key = (fact["indicator"], fact["sector"], fact["measure"], fact["value"], fact["period"])
        assert key not in seen, f"duplicate fact {key} in {name}"
        seen.add(key)


def test_indicators_and_measures_are_all_covered() -> None:
    facts = [fact for article in GOLD.values() for fact in article["facts"]]
    assert {f["indicator"] for f in facts} == INDICATORS
    assert {f["measure"] for f in facts} == MEASURES
    assert {f["status"] for f in facts} == STATUSES
    assert {f["basis"] for f in facts} == BASES | {None}
    assert {f["qualifier"] for f in facts} == QUALIFIERS
