"""The five seed files against shared/gold/seeds.json (the acceptance test of issue 3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipelines.extraction import extract_document

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOLD_FILE = ROOT.parent / "shared" / "gold" / "seeds.json"
GOLD = json.loads(GOLD_FILE.read_text(encoding="utf-8")) if GOLD_FILE.exists() else {}
FIELDS = ("title", "published_at", "author", "province", "views")

pytestmark = pytest.mark.skipif(not GOLD, reason=f"gold file {GOLD_FILE} not found")


@pytest.fixture(scope="module")
def articles() -> dict[str, object]:
    return {name: extract_document((SEEDS / name).read_bytes(), source=name) for name in GOLD}


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_fields(articles: dict[str, object], name: str) -> None:
    article = articles[name]
    got = {f: getattr(article, f) for f in FIELDS}
    want = {f: GOLD[name][f] for f in FIELDS}
    assert got == want


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_body_clean(articles: dict[str, object], name: str) -> None:
    body = articles[name].body
    leaked = [s for s in GOLD[name]["body_must_not_contain"] if s in body]
    assert leaked == []


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_evidence_kept(articles: dict[str, object], name: str) -> None:
    body = articles[name].body
    missing = [f["evidence"] for f in GOLD[name]["facts"] if f["evidence"] not in body]
    assert missing == []


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_body_shape(articles: dict[str, object], name: str) -> None:
    article = articles[name]
    assert article.body.startswith(article.title + "\n\n")
    if article.sapo:
        assert article.body.split("\n\n")[1] == article.sapo
    assert "\n\n\n" not in article.body
    assert article.method == "text"


def test_seed_merger(articles: dict[str, object]) -> None:
    article = articles["001_55768d6cad423618.txt"]
    assert (article.province, article.province_current) == ("Bắc Kạn", "Thái Nguyên")
    assert articles["000_926c634ea363779c.txt"].sapo.startswith("Trong quý I/2024")
