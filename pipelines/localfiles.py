"""Local input files: what a folder walk takes, and a bounded, non-blocking read.

``scrapy crawl seeds -a path=...`` and ``scrapy extract PATH`` read files a person names. Before,
``/dev/zero`` was read until the machine ran out of memory (21 GB), a FIFO blocked the run for
ever, and ``-a path=/etc`` archived ``/etc/shadow`` as an article. Now:

- only regular files are read; a device, FIFO, socket or directory is refused with a message
  that says what it is (checked with ``stat`` before opening, and again with ``fstat`` on a
  descriptor opened with ``O_NONBLOCK``, so nothing can block or swap the file in between);
- every read stops at a size limit (the crawler's ``DOWNLOAD_MAXSIZE``, 20 MiB by default):
  a file that is, or grows, larger is refused, without reading past the limit;
- a folder walk takes only document extensions (:data:`DOCUMENT_SUFFIXES`); other files are
  skipped and counted (a configuration or home folder yields nothing). A file named on the
  command line is read whatever its extension.

Pure functions, no Scrapy: the seeds spider, its download handler and ``scrapy extract`` share them.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from pipelines.decoding import MAX_DOCUMENT_BYTES
from pipelines.errors import BadInputError

# Extensions of the documents a folder walk reads: text, and pages saved from the web (which keep
# the extension of their URL).
DOCUMENT_SUFFIXES = frozenset(
    {".txt", ".text", ".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx", ".jsp"}
)
_CHUNK = 1024 * 1024


def file_kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, name in (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def refusal(path: Path, limit: int = MAX_DOCUMENT_BYTES) -> str | None:
    """Why ``path`` cannot be read as a document (None when it can): missing, not a regular
    file, or over the size limit."""
    try:
        info = path.stat()
    except OSError as exc:
        return f"cannot read it: {exc.strerror or exc}"
    kind = file_kind(info.st_mode)
    if kind is not None:
        return f"{kind}, not a regular file: give a text or HTML file"
    if info.st_size > limit:
        return _too_large(info.st_size, limit)
    return None


def _too_large(size: int | None, limit: int = MAX_DOCUMENT_BYTES) -> str:
    what = f"{size} bytes > {limit}" if size is not None else f"over {limit} bytes"
    return f"document too large ({what}); not an article — check the file"


def is_document(path: Path) -> bool:
    return path.suffix.lower() in DOCUMENT_SUFFIXES


def read_document(path: Path | str, *, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """The bytes of a regular file, at most ``limit`` of them; BadInputError otherwise."""
    path = Path(path)
    reason = refusal(path, limit)
    if reason is not None:
        raise BadInputError(str(path), reason)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except OSError as exc:
        raise BadInputError(str(path), f"cannot read it: {exc.strerror or exc}") from None
    try:
        kind = file_kind(os.fstat(fd).st_mode)
        if kind is not None:  # swapped after the first check
            raise BadInputError(str(path), f"{kind}, not a regular file")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise BadInputError(str(path), _too_large(None, limit))
        return b"".join(chunks)
    finally:
        os.close(fd)
