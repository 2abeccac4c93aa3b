"""`scrapy crawlall`: every portal spider (or those named) in one process, then one summary."""

from __future__ import annotations

import argparse
import logging

from scrapy.commands import BaseRunSpiderCommand
from scrapy.crawler import Crawler
from scrapy.exceptions import UsageError

logger = logging.getLogger(__name__)


class Command(BaseRunSpiderCommand):
    requires_project = True

    def syntax(self) -> str:
        return "[options] [SITE ...]"

    def short_desc(self) -> str:
        return "Crawl every portal (or the sites named) in one process"

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        from crawler.spiders.portals import SPIDERS

        names = args or sorted(SPIDERS)
        unknown = [n for n in names if n not in SPIDERS]
        if unknown:
            raise UsageError(
                f"unknown site(s) {', '.join(unknown)}; known: {', '.join(sorted(SPIDERS))}"
            )
        assert self.crawler_process is not None
        crawlers: list[tuple[str, Crawler]] = []
        for name in names:
            crawler = self._create_crawler(name)
            crawlers.append((name, crawler))
            self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        self.exitcode = self.summarise(crawlers)

    @staticmethod
    def summarise(crawlers: list[tuple[str, Crawler]]) -> int:
        lines, troubled = [], []
        for name, crawler in crawlers:
            stats = crawler.stats.get_stats() if crawler.stats else {}
            reason = stats.get("finish_reason", "not started")
            new = stats.get("archive/articles/new", 0)
            failures = stats.get("archive/failures", 0)
            note = ""
            if stats.get("health/selectors_broken"):
                note = " SELECTORS STOPPED MATCHING"
            if failures and not new and not stats.get("archive/articles/unchanged", 0):
                note += " NOTHING ARCHIVED (see fetch_failures)"
            if reason != "finished" or note:
                troubled.append(name)
            lines.append(f"  {name:<22} {reason:<12} new={new:<5} failures={failures}{note}")
        logger.info("crawl summary:\n%s", "\n".join(lines))
        if troubled:
            logger.warning("sites that need attention: %s", ", ".join(troubled))
        return 0
