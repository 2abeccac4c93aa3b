"""What the spiders ask the archive before fetching: known URLs, the last run, pending failures.

Incremental crawling is backed by the archive itself (no state files beside it), so any number of
crawler processes sharing one archive agree on what is already known.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from storage import repository as repo
from storage.db import open_archive, session_factory, transaction
from storage.models import CrawlRun

# the stat a spider raises when a listing page, sitemap or feed could not be fetched
ENTRY_FAILURES = "incremental/entry_failures"


class ArchiveIndex:
    def __init__(self, archive_url: str) -> None:
        self.engine = open_archive(archive_url)
        self.sessions = session_factory(self.engine)

    def known(self, canonical_urls: list[str]) -> set[str]:
        if not canonical_urls:
            return set()
        with self.sessions() as session:
            return repo.known_urls(session, canonical_urls)

    def first_seen(self, canonical_urls: list[str]) -> dict[str, datetime]:
        if not canonical_urls:
            return {}
        with self.sessions() as session:
            return repo.first_seen(session, canonical_urls)

    def last_finished_run(self, spider: str) -> tuple[datetime, datetime, dict] | None:
        """(start, end, stats) of the spider's last *clean* run, or None.

        Clean: it finished normally and fetched all its entry points (listings, sitemaps,
        feeds); a run that missed a listing page may have missed the articles on it. Its start
        bounds sitemap ``lastmod``; its end separates settled articles (archived by clean runs)
        from those of a run that was interrupted or incomplete afterwards.
        """
        with self.sessions() as session:
            rows = session.execute(
                select(CrawlRun.started_at, CrawlRun.finished_at, CrawlRun.stats)
                .where(CrawlRun.spider == spider, CrawlRun.finish_reason == "finished")
                .order_by(CrawlRun.started_at.desc())
                .limit(50)
            ).all()
        for row in rows:
            if row.finished_at is not None and not (row.stats or {}).get(ENTRY_FAILURES):
                return _aware(row.started_at), _aware(row.finished_at), dict(row.stats or {})
        return None

    def pending_failures(self, spider: str) -> list[str]:
        with self.sessions() as session:
            return [f.url for f in repo.pending_failures(session, spider)]

    def resolve(self, url: str) -> None:
        """An entry point that failed before was fetched now."""
        with transaction(self.sessions) as session:
            repo.resolve_failure(session, url)

    def close(self) -> None:
        self.engine.dispose()


def _aware(when: datetime) -> datetime:
    """SQLite hands back naive datetimes; the archive stores UTC."""
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)
