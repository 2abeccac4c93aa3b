"""One writer at a time on an SQLite archive: a lock file beside it, and a clear refusal.

SQLite serialises writes, but two crawls interleaving their read-then-write transactions on one
file gave UNIQUE-constraint tracebacks, stale ``fetch_failures`` rows and "database is locked"
errors. A process that writes (``scrapy crawl``, ``scrapy reprocess``) first takes an exclusive
``flock`` on ``<archive>.lock``; a second writer is refused at once with a message that names
the process holding it. The kernel releases the lock when its process dies, however it dies, so
a killed crawl never leaves a stale lock behind. Readers (``scrapy articles``, ``indicators``,
``chart``) take no lock: WAL mode lets them read while a crawl writes.

PostgreSQL needs none of this: it takes any number of concurrent writers.
"""

from __future__ import annotations

import fcntl
import json
import os
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from sqlalchemy.engine import URL, make_url


class ArchiveBusyError(RuntimeError):
    """Another process is writing to this SQLite archive."""


def lock_path(url: str | URL) -> Path | None:
    """The lock file of an SQLite archive file; None for other backends and in-memory ones."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    database = Path(parsed.database or "").expanduser().absolute()
    return database.with_name(database.name + ".lock")


def _command() -> str:
    name = os.path.basename(sys.argv[0]) if sys.argv else "python"
    if name in ("__main__.py", "scrapy"):
        name = "scrapy"
    return " ".join([name, *sys.argv[1:3]])


class _Held:
    def __init__(self, handle: IO[str]) -> None:
        self.handle = handle
        self.count = 0


_held: dict[Path, _Held] = {}
_guard = threading.Lock()


def _holder(handle: IO[str]) -> str:
    handle.seek(0)
    try:
        info = json.loads(handle.read() or "{}")
    except ValueError:
        return "another process"
    return f"process {info.get('pid', '?')} (`{info.get('command', '?')}`, since {info.get('since', '?')})"


class WriterLock:
    """The writer lock of one archive, held by this process (re-entrant within it)."""

    def __init__(self, url: str | URL) -> None:
        self.path = lock_path(url)
        self.archive = str(make_url(url).database or "")
        self.acquired = False

    def acquire(self) -> WriterLock:
        if self.path is None or self.acquired:
            return self
        with _guard:
            held = _held.get(self.path)
            if held is None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 (kept open)
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    who = _holder(handle)
                    handle.close()
                    raise ArchiveBusyError(
                        f"the archive {self.archive} is being written by {who}. SQLite takes "
                        "one writer at a time: wait for it to finish (or stop it), then run this "
                        "again; for several crawlers at once, use PostgreSQL (ARCHIVE_URL)."
                    ) from None
                handle.seek(0)
                handle.truncate()
                handle.write(
                    json.dumps(
                        {
                            "pid": os.getpid(),
                            "command": _command(),
                            "since": datetime.now(UTC).isoformat(timespec="seconds"),
                        }
                    )
                )
                handle.flush()
                held = _held[self.path] = _Held(handle)
            held.count += 1
        self.acquired = True
        return self

    def release(self) -> None:
        if self.path is None or not self.acquired:
            return
        with _guard:
            held = _held.get(self.path)
            self.acquired = False
            if held is None:
                return
            held.count -= 1
            if held.count == 0:
                del _held[self.path]
                fcntl.flock(held.handle, fcntl.LOCK_UN)
                held.handle.close()

    def __enter__(self) -> WriterLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
