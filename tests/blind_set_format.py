"""Format checks shared by the blind labelled sets (tests/data/holdout3, holdout4).

The sets were written by annotators who never saw the extractor (``README.md`` of each set);
these checks validate the gold against the indicator contract (``../shared/indicators.md``) and
the documents it describes, never against the extractor's output.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from datetime import date, datetime
from pathlib import Path
from typing import Any

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

QUALIFIERS = {None, "over", "under", "about"}
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
PERIOD = re.compile(
    r"^(?:\d{4}|\d{4}-Q[1-4]|\d{4}-(?:0[1-9]|1[0-2])"
    r"|\d{4}-(?:0[1-9]|1[0-2])\.\.\d{4}-(?:0[1-9]|1[0-2])|\d{4}\.\.\d{4})$"
)
_HIDDEN = re.compile(r"<(head|script|style)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")


def collapse(text: str) -> str:
    return " ".join(text.split())


def visible_texts(path: Path) -> list[str]:
    """The document's text as a reader sees it; for HTML, two readings (tags dropped, tags as
    spaces), whitespace collapsed: the annotators' checks used one or the other."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix != ".html":
        return [raw, collapse(raw)]
    body = _HIDDEN.sub(" ", raw)
    return [collapse(html.unescape(_TAG.sub(sep, body))) for sep in ("", " ")]


def _in_document(text: str, readings: list[str]) -> bool:
    return any(text in r or collapse(text) in r for r in readings)


class BlindSet:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.docs = folder / "docs"
        self.raw = (folder / "gold.json").read_text(encoding="utf-8")
        self.gold: dict[str, Any] = json.loads(self.raw)
        self.names = sorted(self.gold)

    def check_layout(self) -> None:
        assert sorted(p.name for p in self.docs.iterdir()) == self.names
        assert self.raw == json.dumps(self.gold, ensure_ascii=False, indent=1) + "\n"
        assert unicodedata.is_normalized("NFC", self.raw)
        assert (self.folder / "README.md").is_file()

    def check_document(self, name: str) -> None:
        text = (self.docs / name).read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", text) and "\r" not in text

    def check_article(self, name: str) -> None:
        art = self.gold[name]
        assert ARTICLE_KEYS <= set(art) <= ARTICLE_KEYS | {"notes"}, sorted(art)
        readings = visible_texts(self.docs / name)
        raw = (self.docs / name).read_text(encoding="utf-8")
        assert art["title"] is None or _in_document(art["title"], readings), art["title"]
        pub = art["published_at"]
        if pub is not None:
            if "T" in pub:
                offset = datetime.fromisoformat(pub).utcoffset()
                assert offset is not None and offset.total_seconds() == 7 * 3600, pub
            else:
                date.fromisoformat(pub)
            assert 2010 <= int(pub[:4]) <= 2030
        assert art["author"] is None or _in_document(art["author"], readings)
        assert art["province"] is None or isinstance(art["province"], str)
        assert art["views"] is None or (isinstance(art["views"], int) and art["views"] > 0)
        for junk in art["body_must_not_contain"]:
            assert junk in raw, f"{junk!r} is not in the page: the check would be vacuous"

    def check_facts(self, name: str) -> None:
        readings = visible_texts(self.docs / name)
        seen = set()
        for fact in self.gold[name]["facts"]:
            assert FACT_KEYS <= set(fact) <= FACT_KEYS | OPTIONAL_FACT_KEYS, fact
            check_area(fact)
            assert fact["indicator"] in INDICATORS, fact
            sector = fact["sector"]
            assert sector is None or sector in CONTRACT_SECTORS or SNAKE.match(sector), fact
            assert fact["measure"] in MEASURES, fact
            assert isinstance(fact["value"], float), fact
            if fact["measure"] == "level":
                assert fact["unit"] in LEVEL_UNITS and fact["basis"] is None, fact
                assert fact["value"] > 0, fact
            else:
                assert fact["unit"] == "percent", fact
            if fact["measure"] == "change":
                assert fact["basis"] in BASES, fact
            else:
                assert fact["basis"] is None, fact
            if fact["unit"] in ("VND", "USD"):
                assert fact["value"] >= 1e6, fact
            assert PERIOD.match(fact["period"]), fact
            assert fact["status"] in STATUSES, fact
            assert fact["qualifier"] in QUALIFIERS, fact
            assert fact["evidence"] and _in_document(fact["evidence"], readings), fact
            key = (
                fact["indicator"],
                fact["sector"],
                fact.get("area"),
                fact["measure"],
                fact["value"],
                fact["period"],
            )
            assert key not in seen, f"duplicate fact {key}"
            seen.add(key)

    def facts(self) -> list[dict[str, Any]]:
        return [f for art in self.gold.values() for f in art["facts"]]
