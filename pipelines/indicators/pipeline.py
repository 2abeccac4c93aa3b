"""The thin Scrapy component: calls ``extract_facts`` on each item's clean body.

Offline reprocessing calls the same pure function without Scrapy (pipelines.indicators).
"""

from __future__ import annotations

import logging
from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler

from pipelines.indicators import extract_facts
from pipelines.version import EXTRACTOR_VERSION

logger = logging.getLogger(__name__)


class IndicatorPipeline:
    """Sets ``facts`` and ``extractor_version``; counts indicators/facts and
    indicators/articles_with_facts."""

    def __init__(self, stats: Any = None) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IndicatorPipeline:
        return cls(crawler.stats)

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        body = adapter.get("body")
        if not body:
            # Nothing to read (the extraction stage found no text): an empty list, not a crash.
            logger.debug("no body for %s; no facts", adapter.get("url"))
            facts: list[dict[str, Any]] = []
        else:
            facts = extract_facts(
                body, published_at=adapter.get("published_at"), tables=adapter.get("tables")
            )
        adapter["facts"] = facts
        adapter["extractor_version"] = EXTRACTOR_VERSION
        if self.stats is not None:
            self.stats.inc_value("indicators/facts", len(facts))
            if facts:
                self.stats.inc_value("indicators/articles_with_facts")
        return item
