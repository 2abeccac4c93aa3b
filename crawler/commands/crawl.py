"""`scrapy crawl`: Scrapy's own command, with an exit code that says whether the run worked.

Scrapy exits 0 whenever the spider could be created. Ours exits 1 when the run could not do its
job, with the reason on one line: the archive could not be opened or is locked by another
writer (finish reason ``archive_unavailable``), a failure could not even be recorded
(``archive/failures/unrecorded``), or a spider that ingests local files (``seeds``) archived
nothing at all. :func:`run_verdict` decides, from the run's stats, without Scrapy.
"""

from __future__ import annotations

import argparse
import logging
from typing import Any

from scrapy.commands.crawl import Command as ScrapyCrawlCommand

from pipelines.storage import ARCHIVE_UNAVAILABLE, UNRECORDED

logger = logging.getLogger(__name__)

# spider attribute: the run must archive at least one article (or refuse with exit 1)
MUST_INGEST = "must_ingest"


def run_verdict(stats: dict[str, Any], must_ingest: bool) -> str | None:
    """Why this run failed (one line), or None when it did its job."""
    reason = stats.get("finish_reason")
    if reason == ARCHIVE_UNAVAILABLE:
        return "the archive could not be opened (see the error above)"
    if stats.get(UNRECORDED):
        return f"{stats[UNRECORDED]} item(s) were neither archived nor recorded as failures"
    ingested = sum(stats.get(f"archive/articles/{o}", 0) for o in ("new", "updated", "unchanged"))
    if must_ingest and ingested == 0 and reason == "finished":
        failed = stats.get("archive/failures", 0)
        refused = f" ({failed} refused, see the warnings above)" if failed else ""
        return f"nothing was archived{refused}"
    return None


class Command(ScrapyCrawlCommand):
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        crawlers: list[Any] = []
        assert self.crawler_process
        create = self._create_crawler

        def tracked(name: str) -> Any:
            crawler = create(name)
            crawlers.append(crawler)
            return crawler

        self._create_crawler = tracked  # type: ignore[method-assign]
        super().run(args, opts)
        if self.exitcode:
            return
        for crawler in crawlers:
            stats = crawler.stats.get_stats() if crawler.stats is not None else {}
            spider = getattr(crawler, "spider", None)
            verdict = run_verdict(stats, bool(getattr(spider, MUST_INGEST, False)))
            if verdict is not None:
                logger.error("crawl %s failed: %s", getattr(spider, "name", "?"), verdict)
                self.exitcode = 1
