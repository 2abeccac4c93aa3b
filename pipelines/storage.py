"""The storage step: every item that reaches it is written to the archive.

Pure part: :func:`record_from_item` and :func:`archive_document` (also used by offline
reprocessing). Thin part: :class:`StoragePipeline`, which owns the engine, the crawl run row, the
stats, and records every dropped item as a fetch failure so that nothing is silently lost.

Every item ends in ``articles`` or in ``fetch_failures``: a write that fails (a value the database
refuses, a body that shrank to a sliver, a lost connection) drops the item with the reason, and
the drop is recorded like any other. If recording the failure fails too, it is tried again with
the bare minimum (URL and a short reason); if even that fails, the loss is logged as an ERROR,
counted in ``archive/failures/unrecorded`` and the crawl exits non-zero: never silent.

On SQLite the pipeline holds the archive's writer lock (``storage.lock``) for the whole run, and
at start marks runs killed earlier as ``interrupted`` (``storage.runs``).
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import UTC, datetime
from typing import Any

from itemadapter import ItemAdapter
from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider, DropItem
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from pipelines.urls import canonicalize
from pipelines.version import EXTRACTOR_VERSION
from storage import repository as repo
from storage.db import open_archive, redact_url, session_factory, transaction
from storage.duplicates import link_near_duplicates
from storage.lock import ArchiveBusyError, WriterLock
from storage.redaction import redact
from storage.runs import RunLiveness, mark_interrupted

logger = logging.getLogger(__name__)

# finish reason of a run that could not open its archive (the crawl command exits 1)
ARCHIVE_UNAVAILABLE = "archive_unavailable"
# a failure that could not even be recorded (logged as an ERROR; the crawl exits 1)
UNRECORDED = "archive/failures/unrecorded"
# error text stored per failure, at most (a traceback can be megabytes)
MAX_ERROR_CHARS = 4000


def one_line(exc: BaseException, limit: int = 400) -> str:
    """``Type: message`` on one line, without secrets or SQLAlchemy's SQL and help link."""
    text = " ".join(str(exc).split())
    for tail in (" [SQL:", " (Background on this error"):
        text = text.split(tail, 1)[0]
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return redact(f"{exc.__class__.__name__}: {text}" if text else exc.__class__.__name__)


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
        stats=_article_stats(adapter),
    )


def _article_stats(adapter: ItemAdapter) -> dict[str, Any] | None:
    decoding = adapter.get("decoding") if "decoding" in adapter.field_names() else None
    return {"decoding": dict(decoding)} if decoding else None


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
        self.lock = WriterLock(archive_url) if _is_url(archive_url) else None
        self.liveness: RunLiveness | None = None

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

    def _stat(self, key: str, count: int = 1) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(key, count)

    def open_spider(self) -> None:
        """Open (and upgrade) the archive, take the writer lock, start the run row.

        Any failure closes the spider at once with one clear ERROR line and the finish reason
        ``archive_unavailable`` (the crawl exits 1): no traceback, nothing half-started."""
        try:
            if self.lock is not None:
                self.lock.acquire()
            self.engine = open_archive(self.archive_url)
            self.sessions = session_factory(self.engine)
            spider_name = self.spider.name if self.spider else "?"
            with transaction(self.sessions) as session:
                self.run_id = repo.start_run(session, spider_name).id
            self.liveness = RunLiveness(self.engine, self.run_id)
            mark_interrupted(self.engine, self.run_id)
        except ArchiveBusyError as exc:
            self._unavailable(f"cannot write to the archive: {exc}")
        except Exception as exc:
            self._unavailable(
                f"cannot open the archive at {redact_url(self.archive_url)}: {one_line(exc)}. "
                "Check ARCHIVE_URL (setting or environment variable), that the database server "
                "is running and that the file or database is writable."
            )
        logger.info("archive %s, crawl run %s", redact_url(self.archive_url), self.run_id)

    def _unavailable(self, message: str) -> None:
        logger.error("%s", message)
        self._stat("archive/unavailable")
        self._release()
        self.sessions = None
        raise CloseSpider(ARCHIVE_UNAVAILABLE)

    def _release(self) -> None:
        if self.liveness is not None:
            self.liveness.release()
            self.liveness = None
        if self.engine is not None:
            self.engine.dispose()
            self.engine = None
        if self.lock is not None:
            self.lock.release()

    def process_item(self, item: Any) -> Any:
        if self.sessions is None:
            raise DropItem("the archive is not open")
        adapter = ItemAdapter(item)
        source_key = adapter.get("source") or (self.spider.name if self.spider else "unknown")
        record = record_from_item(item)
        try:
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
        except repo.BodyShrinkError as exc:
            self._stat("archive/refused/body_shrink")
            raise DropItem(str(exc)) from None
        except (SQLAlchemyError, ValueError, TypeError, OverflowError) as exc:
            # the write failed: the item is dropped with the reason, and item_dropped records it
            self._stat("archive/store_errors")
            raise DropItem(
                f"{record.canonical_url}: could not be archived: {one_line(exc)}"
            ) from None
        self.counts[outcome] += 1
        self._stat(f"archive/articles/{outcome}")
        if outcome != "unchanged":
            self._stat("archive/facts/written", len(record.facts))
        logger.debug("%s: %s (%d facts)", outcome, record.canonical_url, len(record.facts))
        return item

    def _failure(self, item: Any, error: str) -> None:
        if self.sessions is None:
            return
        adapter = ItemAdapter(item)
        url = str(adapter.get("url") or "<unknown>")
        spider = self.spider.name if self.spider else None
        error = error if len(error) <= MAX_ERROR_CHARS else error[:MAX_ERROR_CHARS] + "…"
        attempts = [(url, error), (url, error[:200])]
        for attempt_url, attempt_error in attempts:
            try:
                with transaction(self.sessions) as session:
                    repo.record_failure(session, attempt_url, attempt_error, spider, self.run_id)
                break
            except Exception as exc:
                logger.error("%s: recording the failure failed: %s", url[:300], one_line(exc))
        else:
            # the loss is loud: an ERROR naming the URL, a stat, and the crawl exits 1
            logger.error("NOT ARCHIVED AND NOT RECORDED: %s (%s)", url[:2000], error[:500])
            self._stat(UNRECORDED)
        self.counts["failures"] += 1
        self._stat("archive/failures")

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
            self._release()
            return
        stats = self.crawler.stats.get_stats() if self.crawler.stats is not None else {}
        try:
            with transaction(self.sessions) as session:
                repo.finish_run(session, self.run_id, reason, dict(self.counts), stats)
        except Exception as exc:  # the next start marks the run interrupted
            logger.error(
                "archive run %s: its end could not be written: %s", self.run_id, one_line(exc)
            )
        logger.info(
            "archive run %s finished (%s): %d new, %d updated, %d unchanged, %d failed",
            self.run_id,
            reason,
            self.counts["new"],
            self.counts["updated"],
            self.counts["unchanged"],
            self.counts["failures"],
        )
        self._release()


def _is_url(text: str) -> bool:
    try:
        make_url(text)
    except Exception:
        return False
    return True
