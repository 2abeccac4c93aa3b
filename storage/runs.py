"""Which crawl runs are alive, and marking the dead ones ``interrupted``.

A crawl killed with SIGKILL (or by the OOM killer, or a power cut) never writes its end: its
``crawl_runs`` row stayed "running" for ever. A live run proves it is alive by holding a lock
that dies with its process:

- SQLite: the archive's writer lock (``storage.lock``): whoever holds it is the only writer, so
  every other unfinished run is dead;
- PostgreSQL: a session-level advisory lock keyed on the run id, held on a connection of its
  own for the whole run. The server releases it when the process's connection goes away.

:func:`mark_interrupted` runs when a crawl starts: unfinished runs whose lock can be taken get
``finish_reason = 'interrupted'`` and, as ``finished_at``, the last moment they were seen working
(their last raw page or failure, else their start).
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import Connection, Engine, func, select, text, update

from storage.models import CrawlRun, FetchFailure, RawPage

logger = logging.getLogger(__name__)

# First key of the two-key advisory locks of live runs (any fixed number; storage.db uses
# another for migrations).
RUN_LOCK_CLASS = 727_415_002
INTERRUPTED = "interrupted"


def _key(run_id: int) -> int:
    return run_id % 2**31  # the two-key form takes int4 keys


# runs of this process that are alive (several spiders in one process: `scrapy crawlall`)
_ALIVE_HERE: set[tuple[str, int]] = set()


def _here(engine: Engine, run_id: int) -> tuple[str, int]:
    return (engine.url.render_as_string(hide_password=True), run_id)


class RunLiveness:
    """Proof that run ``run_id`` is alive, for as long as this object is held: in this process's
    registry, and (PostgreSQL) as an advisory lock other processes can see."""

    def __init__(self, engine: Engine, run_id: int) -> None:
        self.connection: Connection | None = None
        self.key = _here(engine, run_id)
        _ALIVE_HERE.add(self.key)
        if engine.dialect.name != "postgresql":
            return
        self.connection = engine.connect()
        self.connection.execute(
            text("SELECT pg_advisory_lock(:c, :k)"), {"c": RUN_LOCK_CLASS, "k": _key(run_id)}
        )
        self.connection.commit()

    def release(self) -> None:
        _ALIVE_HERE.discard(self.key)
        if self.connection is not None:
            self.connection.close()  # the session ends, and its advisory lock with it
            self.connection = None


def _dead_on_postgresql(connection: Connection, run_id: int) -> bool:
    params = {"c": RUN_LOCK_CLASS, "k": _key(run_id)}
    got = bool(connection.scalar(text("SELECT pg_try_advisory_lock(:c, :k)"), params))
    if got:
        connection.execute(text("SELECT pg_advisory_unlock(:c, :k)"), params)
    return got


def mark_interrupted(engine: Engine, own_run_id: int | None = None) -> list[int]:
    """Mark the unfinished runs that are not alive as interrupted; their ids.

    On SQLite the caller must hold the archive's writer lock: no other process writes, and the
    runs of this process are in its registry."""
    marked: list[int] = []
    with engine.connect() as connection:
        unfinished = list(
            connection.scalars(
                select(CrawlRun.id).where(CrawlRun.finished_at.is_(None)).order_by(CrawlRun.id)
            )
        )
        for run_id in unfinished:
            if run_id == own_run_id or _here(engine, run_id) in _ALIVE_HERE:
                continue
            if engine.dialect.name == "postgresql" and not _dead_on_postgresql(connection, run_id):
                continue
            marked.append(run_id)
        connection.commit()
    if not marked:
        return marked
    with engine.begin() as connection:
        for run_id in marked:
            last = _last_seen(connection, run_id)
            connection.execute(
                update(CrawlRun)
                .where(CrawlRun.id == run_id, CrawlRun.finished_at.is_(None))
                .values(finish_reason=INTERRUPTED, finished_at=last)
            )
    logger.warning(
        "crawl run(s) %s ended without finishing (killed?): marked %s",
        ", ".join(map(str, marked)),
        INTERRUPTED,
    )
    return marked


def _last_seen(connection: Connection, run_id: int) -> datetime | None:
    moments = [
        connection.scalar(
            select(func.max(RawPage.last_fetched_at)).where(RawPage.crawl_run_id == run_id)
        ),
        connection.scalar(
            select(func.max(FetchFailure.last_failed_at)).where(FetchFailure.crawl_run_id == run_id)
        ),
        connection.scalar(select(CrawlRun.started_at).where(CrawlRun.id == run_id)),
    ]
    found = [m for m in moments if m is not None]
    return max(found) if found else None
