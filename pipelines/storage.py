"""The storage step: every item that reaches it is written to the archive.

Pure part: :func:`record_from_item` and :func:`archive_document` (also used by offline
reprocessing). Thin part: :class:`StoragePipeline`, which owns the engine, the crawl run row, the
stats, and records every dropped item as a fetch failure so that nothing is silently lost.
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import UTC, datetime
from typing import Any

from itemadapter import ItemAdapter
from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from pipelines.urls import canonicalize
from pipelines.version import EXTRACTOR_VERSION
from storage import repository as repo
from storage.db import open_archive, redact_url, session_factory, transaction
from storage.duplicates import link_near_duplicates

logger = logging.getLogger(__name__)


def record_from_item(item: Any) -> repo.ArticleRecord:
    adapter = ItemAdapter(item)
    url = str(adapter.get("url"))
    return repo.ArticleRecord(
        canonical_url=adapter.get("canonical_url") or canonicalize(url),
        url=adapter.get("final_url") or url,
        title=adapter.get("title"),
        sapo=adapter.get("sapo"),
        body=adapter.get("body") or "",
        published_at=adapter.get("published_at"),
        author=adapter.get("author"),
        province=adapter.get("province"),
        province_current=adapter.get("province_current"),
        views=adapter.get("views"),
        method=adapter.get("method"),
        selector_version=adapter.get("selector_version"),
        extractor_version=adapter.get("extractor_version") or EXTRACTOR_VERSION,
        facts=list(adapter.get("facts") or []),
    )


def raw_fetch_from_item(item: Any) -> repo.RawFetch | None:
    adapter = ItemAdapter(item)
    raw = adapter.get("raw")
    if raw is None:
        return None
    return repo.RawFetch(
        url=str(adapter.get("url")),
        final_url=adapter.get("final_url"),
        status=adapter.get("status"),
        headers=dict(adapter.get("headers") or {}),
        content=raw,
        fetched_at=adapter.get("fetched_at") or datetime.now(UTC),
    )


def archive_document(
    session: Session,
    record: repo.ArticleRecord,
    source_key: str,
    fetch: repo.RawFetch | None = None,
    *,
    source_name: str | None = None,
    base_url: str | None = None,
    run_id: int | None = None,
    link_duplicates: bool = True,
) -> repo.Outcome:
    """Write one article with its raw page and facts (inside the caller's transaction)."""
    source = repo.get_or_create_source(session, source_key, source_name, base_url)
    page = repo.store_raw_page(session, fetch, source, run_id) if fetch is not None else None
    article, outcome = repo.upsert_article(session, record, source, page)
    repo.resolve_failure(session, fetch.url if fetch is not None else record.url)
    if link_duplicates and outcome != "unchanged":
        # reposts and rewrites across sites (cokhivietnam.vn rewrites baothainguyen.vn, ...)
        link_near_duplicates(session, article.id)
    return outcome


class StoragePipeline:
    """Writes each item in its own transaction; counts new / updated / unchanged articles."""

    def __init__(self, crawler: Crawler, archive_url: str) -> None:
        self.crawler = crawler
        self.archive_url = archive_url
        self.engine: Engine | None = None
        self.sessions: sessionmaker[Session] | None = None
        self.run_id: int | None = None
        self.counts: Counter[str] = Counter()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StoragePipeline:
        pipeline = cls(crawler, crawler.settings.get("ARCHIVE_URL") or "sqlite:///archive.db")
        crawler.signals.connect(pipeline.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(pipeline.item_error, signal=signals.item_error)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    @property
    def spider(self) -> Spider | None:
        return self.crawler.spider

    def open_spider(self) -> None:
        try:
            self.engine = open_archive(self.archive_url)
        except Exception as exc:
            # the message names the archive (password hidden) and what to check
            raise RuntimeError(
                f"cannot open the archive at {redact_url(self.archive_url)}: {exc.__class__.__name__}: "
                f"{str(exc).splitlines()[0] if str(exc) else ''}. Check ARCHIVE_URL "
                "(setting or environment variable) and that the database server is running."
            ) from None
        self.sessions = session_factory(self.engine)
        spider_name = self.spider.name if self.spider else "?"
        with transaction(self.sessions) as session:
            self.run_id = repo.start_run(session, spider_name).id
        logger.info("archive %s, crawl run %s", redact_url(self.engine.url), self.run_id)

    def process_item(self, item: Any) -> Any:
        assert self.sessions is not None, "open_spider was not called"
        adapter = ItemAdapter(item)
        source_key = adapter.get("source") or (self.spider.name if self.spider else "unknown")
        record = record_from_item(item)
        with transaction(self.sessions) as session:
            outcome = archive_document(
                session,
                record,
                source_key,
                raw_fetch_from_item(item),
                source_name=getattr(self.spider, "source_name", None),
                base_url=getattr(self.spider, "base_url", None),
                run_id=self.run_id,
            )
        self.counts[outcome] += 1
        stats = self.crawler.stats
        if stats is not None:
            stats.inc_value(f"archive/articles/{outcome}")
            if outcome != "unchanged":
                stats.inc_value("archive/facts/written", len(record.facts))
        logger.debug("%s: %s (%d facts)", outcome, record.canonical_url, len(record.facts))
        return item

    def _failure(self, item: Any, error: str) -> None:
        if self.sessions is None:
            return
        adapter = ItemAdapter(item)
        url = adapter.get("url") or "<unknown>"
        with transaction(self.sessions) as session:
            repo.record_failure(
                session, url, error, self.spider.name if self.spider else None, self.run_id
            )
        self.counts["failures"] += 1
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value("archive/failures")

    def item_dropped(
        self, item: Any, response: Any, exception: BaseException, spider: Spider
    ) -> None:
        if isinstance(exception, DropItem):
            logger.warning("not archived: %s", exception)
            self._failure(item, str(exception))

    def item_error(self, item: Any, response: Any, spider: Spider, failure: Any) -> None:
        self._failure(item, f"pipeline error: {failure.getErrorMessage()}")

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.sessions is None or self.run_id is None or self.engine is None:
            return
        stats = self.crawler.stats.get_stats() if self.crawler.stats is not None else {}
        with transaction(self.sessions) as session:
            repo.finish_run(session, self.run_id, reason, dict(self.counts), stats)
        logger.info(
            "archive run %s finished (%s): %d new, %d updated, %d unchanged, %d failed",
            self.run_id,
            reason,
            self.counts["new"],
            self.counts["updated"],
            self.counts["unchanged"],
            self.counts["failures"],
        )
        self.engine.dispose()
