"""The one-walk scan of an article (scan.py) finds exactly what each kind's regex finds with
``finditer``: the gate on opening words may only skip words where no match can start."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipelines.indicators.areas import Home
from pipelines.indicators.lexicon import Mention
from pipelines.indicators.scan import KINDS, ArticleScan, openings

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "indicators"


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for name in ("sentences.json", "kinds.json", "flat_tables.json"):
        texts.extend(c["text"] for c in json.loads((FIXTURES / name).read_text(encoding="utf-8")))
    for folder in ("holdout", "holdout2", "holdout3", "holdout4", "indicator_corpus"):
        texts.extend(
            p.read_text(encoding="utf-8")
            for p in sorted((ROOT / "tests" / "data" / folder / "docs").glob("*.txt"))
        )
    return texts


def _by_finditer(text: str, home: Home) -> list[Mention]:
    scan = ArticleScan("", home)  # only for its way of making mentions
    found = [
        scan._mention(index, m)
        for index, (_, pattern, _) in enumerate(KINDS)
        for m in pattern.finditer(text)
    ]
    return sorted(found, key=lambda m: (m.start, m.kind, m.end))


def test_every_kind_has_an_opening_gate() -> None:
    assert all(openings(pattern) for _, pattern, _ in KINDS)


@pytest.mark.parametrize("province", ["Thái Nguyên", None])
def test_scan_equals_finditer_on_every_text_we_have(province: str | None) -> None:
    home = Home(province)
    for text in _texts():
        got = sorted(ArticleScan(text, home).mentions, key=lambda m: (m.start, m.kind, m.end))
        assert got == _by_finditer(text, home), text[:80]
