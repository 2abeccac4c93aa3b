"""Crawl health: did the site's entry points and selectors still work, did articles come whole?

At the end of a run this extension turns the stats into a verdict, stores it in the stats (which
the storage pipeline writes into ``crawl_runs``) and names, in the log, whatever stopped working:
entry points (``crawler.discovery``: broken listings, missing or empty sitemaps, feeds that are
not feeds, off-site redirects, 4xx/5xx), selectors that matched nothing (per field), articles
without a date or a body, and a site that yielded nothing at all.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler

from crawler.discovery import ARTICLE_LINKS, problems_of

logger = logging.getLogger(__name__)

# The fields whose selectors are watched one by one (extraction/selector_miss/<field>).
WATCHED_FIELDS = ("title", "sapo", "date", "body")


def health_verdict(stats: dict[str, Any], has_selectors: bool) -> dict[str, Any]:
    """Pure: the health figures of one run from its stats."""
    articles = sum(v for k, v in stats.items() if k.startswith("extraction/method/"))
    from_selectors = stats.get("extraction/method/selectors", 0)
    from_fallback = stats.get("extraction/method/fallback", 0)
    archived = sum(stats.get(f"archive/articles/{k}", 0) for k in ("new", "updated", "unchanged"))
    broken_fields = [
        f
        for f in WATCHED_FIELDS
        if has_selectors
        and articles > 0
        and stats.get(f"extraction/selector_miss/{f}", 0) >= articles
    ]
    problems = problems_of(stats)
    verdict = {
        "health/articles": articles,
        "health/from_selectors": from_selectors,
        "health/from_fallback": from_fallback,
        "health/no_date": stats.get("extraction/no_date", 0),
        "health/no_body": stats.get("extraction/no_body", 0),
        "health/failures": stats.get("archive/failures", 0),
        "health/selectors_broken": int(has_selectors and articles > 0 and from_selectors == 0),
        "health/selector_fields_broken": ",".join(broken_fields),  # "" when none
        "health/discovery_problems": len(problems),
        # no entry point gave a single article link and nothing was archived (not even a retry)
        "health/yielded_nothing": int(stats.get(ARTICLE_LINKS, 0) == 0 and archived == 0),
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
        if profile is None or self.crawler.settings.get("REDIS_URL"):
            # the seeds spider reads files; a distributed worker may rightly have fetched no
            # entry point (another worker did): neither can judge the site as a whole
            verdict["health/yielded_nothing"] = 0
        for key, value in verdict.items():
            stats.set_value(key, value)
        report(spider.name, verdict, problems_of(stats.get_stats()))


def report(site: str, verdict: dict[str, Any], problems: list[dict[str, str]]) -> None:
    """The end-of-run warnings, by site and by part (entry points, selectors, fields)."""
    for p in problems:
        logger.warning("%s: %s %s: %s", site, p["kind"], p["url"], p["detail"])
    if verdict["health/selectors_broken"]:
        logger.warning(
            "%s: the site's selectors matched nothing in %d articles (all came from the "
            "generic fallback): the layout has probably changed, add a selector version in "
            "crawler/sites/%s.py",
            site,
            verdict["health/articles"],
            site,
        )
    elif verdict["health/selector_fields_broken"]:
        logger.warning(
            "%s: the site's selectors for %s matched nothing in %d articles (metadata or the "
            "text rules stood in): add a selector version in crawler/sites/%s.py",
            site,
            verdict["health/selector_fields_broken"].replace(",", ", "),
            verdict["health/articles"],
            site,
        )
    if verdict["health/no_body"] or verdict["health/no_date"]:
        logger.warning(
            "%s: %d articles without a date, %d without a body",
            site,
            verdict["health/no_date"],
            verdict["health/no_body"],
        )
    if verdict["health/yielded_nothing"]:
        logger.warning(
            "%s: the site yielded nothing at all: no entry point gave an article link (%d "
            "discovery problems above)",
            site,
            len(problems),
        )
