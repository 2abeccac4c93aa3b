"""ExtractionPipeline (the thin Scrapy component) and `scrapy extract`'s pure part."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from crawler.commands.extract import extract_paths
from crawler.items import ArticleItem
from pipelines.extraction import ExtractionPipeline

ROOT = Path(__file__).resolve().parents[2]
HTML = ROOT / "tests" / "fixtures" / "html"


def make_pipeline() -> tuple[ExtractionPipeline, object]:
    crawler = get_crawler()
    crawler.stats.open_spider()
    return ExtractionPipeline.from_crawler(crawler), crawler.stats


def test_pipeline_fills_item_and_stats() -> None:
    pipeline, stats = make_pipeline()
    page = HTML / "congthuong_vn_2024_09_20.html"
    item = ArticleItem(url="https://congthuong.vn/x-1.html", raw=page.read_bytes(),
                       headers={"Content-Type": "text/html; charset=utf-8"})  # fmt: skip
    out = pipeline.process_item(item)
    assert out["title"].startswith("Tuyên Quang:") and out["method"] == "fallback"
    assert out["published_at"] == "2024-09-20T08:30:00+07:00"
    assert stats.get_value("extraction/method/fallback") == 1
    assert stats.get_value("extraction/field/published_at/jsonld") == 1
    assert stats.get_value("extraction/field/body/fallback") == 1


def test_pipeline_drops_bad_input() -> None:
    pipeline, stats = make_pipeline()
    item = ArticleItem(url="https://x.vn/a.png", raw=b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)
    with pytest.raises(DropItem, match="PNG image"):
        pipeline.process_item(item)
    assert stats.get_value("extraction/no_body") == 1


def test_extract_paths_records() -> None:
    records = list(
        extract_paths([str(ROOT / "seeds"), str(ROOT / "tests/fixtures/bad_input/empty.txt")])
    )
    assert len(records) == 6
    assert all(
        set(r) >= {"file", "title", "body", "facts", "province_current"} for r in records[:5]
    )
    assert "error" in records[5] and "empty document" in records[5]["error"]
    json.dumps(records, ensure_ascii=False)
