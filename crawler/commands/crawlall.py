"""`scrapy crawlall`: every portal spider (or those named) in one process, then one summary.

Exit code: 0 when every site yielded something (article links, or archived articles); 2 when at
least one site yielded nothing at all (every entry point broken, missing, off-site or down), so
that cron, systemd or CI notice. Sites with lesser trouble are named in the summary.
"""

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
        lines, troubled, empty = [], [], []
        for name, crawler in crawlers:
            stats = crawler.stats.get_stats() if crawler.stats else {}
            reason = stats.get("finish_reason", "not started")
            new = stats.get("archive/articles/new", 0)
            failures = stats.get("archive/failures", 0)
            note = ""
            if stats.get("health/selectors_broken"):
                note = " SELECTORS STOPPED MATCHING"
            elif stats.get("health/selector_fields_broken"):
                fields = stats["health/selector_fields_broken"]
                note = f" SELECTORS FOR {fields.upper()} STOPPED MATCHING"
            if stats.get("health/discovery_problems"):
                note += f" ENTRY POINTS: {stats['health/discovery_problems']} problem(s)"
            if stats.get("health/yielded_nothing"):
                note += " YIELDED NOTHING"
                empty.append(name)
            elif failures and not new and not stats.get("archive/articles/unchanged", 0):
                note += " NOTHING ARCHIVED (see fetch_failures)"
            if reason != "finished" or note:
                troubled.append(name)
            lines.append(f"  {name:<22} {reason:<12} new={new:<5} failures={failures}{note}")
        logger.info("crawl summary:\n%s", "\n".join(lines))
        if troubled:
            logger.warning("sites that need attention: %s", ", ".join(troubled))
        if empty:
            logger.error(
                "sites that yielded nothing at all: %s (exit code 2); the warnings above name "
                "each entry point and what went wrong",
                ", ".join(empty),
            )
            return 2
        return 0
