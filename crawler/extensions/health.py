"""Crawl health: did the site's selectors still work, did articles come with dates and bodies?

At the end of a run this extension turns the extraction stats into a verdict, stores it in the
stats (which the storage pipeline writes into ``crawl_runs``) and, when a site's selectors
stopped matching, says so by name in the log.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


def health_verdict(stats: dict[str, Any], has_selectors: bool) -> dict[str, Any]:
    """Pure: the health figures of one run from its stats."""
    articles = sum(v for k, v in stats.items() if k.startswith("extraction/method/"))
    from_selectors = stats.get("extraction/method/selectors", 0)
    from_fallback = stats.get("extraction/method/fallback", 0)
    verdict = {
        "health/articles": articles,
        "health/from_selectors": from_selectors,
        "health/from_fallback": from_fallback,
        "health/no_date": stats.get("extraction/no_date", 0),
        "health/no_body": stats.get("extraction/no_body", 0),
        "health/failures": stats.get("archive/failures", 0),
        "health/selectors_broken": int(has_selectors and articles > 0 and from_selectors == 0),
    }
    return verdict


class CrawlHealth:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlHealth:
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_closed(self, spider: Spider, reason: str) -> None:
        stats = self.crawler.stats
        if stats is None:
            return
        profile = getattr(spider, "profile", None)
        verdict = health_verdict(stats.get_stats(), bool(profile and profile.selectors))
        for key, value in verdict.items():
            stats.set_value(key, value)
        if verdict["health/selectors_broken"]:
            logger.warning(
                "%s: the site's selectors matched nothing in %d articles (all came from the "
                "generic fallback): the layout has probably changed, add a selector version in "
                "crawler/sites/%s.py",
                spider.name,
                verdict["health/articles"],
                spider.name,
            )
        if verdict["health/no_body"] or verdict["health/no_date"]:
            logger.warning(
                "%s: %d articles without a date, %d without a body",
                spider.name,
                verdict["health/no_date"],
                verdict["health/no_body"],
            )
