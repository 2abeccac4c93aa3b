"""IndicatorPipeline: a thin Scrapy component around extract_facts."""

from __future__ import annotations

from scrapy.utils.test import get_crawler

from crawler.items import ArticleItem
from pipelines.indicators.pipeline import IndicatorPipeline
from pipelines.version import EXTRACTOR_VERSION

BODY = "Giá trị sản xuất công nghiệp tháng 10/2021 tăng 4,7%\n\nGiá trị sản xuất công nghiệp tháng 10 ước đạt 135 tỷ đồng."


def _pipeline() -> tuple[IndicatorPipeline, object]:
    crawler = get_crawler()
    crawler.stats.open_spider()
    return IndicatorPipeline.from_crawler(crawler), crawler.stats


def test_sets_facts_version_and_stats() -> None:
    pipeline, stats = _pipeline()
    item = ArticleItem(body=BODY, published_at="2021-11-10", tables=None)
    out = pipeline.process_item(item)
    assert out["extractor_version"] == EXTRACTOR_VERSION
    assert {(f["measure"], f["period"]) for f in out["facts"]} == {
        ("change", "2021-10"),
        ("level", "2021-10"),
    }
    assert stats.get_value("indicators/facts") == 2  # type: ignore[attr-defined]
    assert stats.get_value("indicators/articles_with_facts") == 1  # type: ignore[attr-defined]


def test_empty_body_gives_no_facts() -> None:
    pipeline, stats = _pipeline()
    out = pipeline.process_item(ArticleItem(body="", published_at=None))
    assert out["facts"] == []
    assert stats.get_value("indicators/articles_with_facts") is None  # type: ignore[attr-defined]
