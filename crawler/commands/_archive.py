"""What the archive commands share: options, opening the archive, writing the output, errors.

Plain functions, not a base command class: Scrapy registers every ScrapyCommand subclass found
in ``crawler.commands`` as a command named after its module.

Errors a person can act on end the command with one line on standard error and exit code 1, never
a traceback (:func:`one_line_errors`): an archive that cannot be opened (server down, wrong URL,
locked), an output file that cannot be written (missing folder, a folder, a full disk), standard
output closed. Wrong options stay usage errors (exit 2), including a ``--limit`` out of range.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from scrapy.exceptions import UsageError
from scrapy.settings import BaseSettings
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from crawler.commands._output import FORMATS
from storage.db import open_archive, redact_url, session_factory
from storage.redaction import redact

# the largest value a LIMIT takes on both backends (64-bit signed)
MAX_LIMIT = 2**63 - 1

F = TypeVar("F", bound=Callable[..., Any])


class CommandError(Exception):
    """A failure the command reports on one line (exit code 1; 2 for a wrong option)."""

    def __init__(self, message: str, exitcode: int = 1) -> None:
        super().__init__(message)
        self.exitcode = exitcode


def one_line(exc: BaseException, limit: int = 300) -> str:
    """``Type: message`` on one line, without secrets, SQL or SQLAlchemy's help link."""
    text = " ".join(str(exc).split())
    for tail in (" [SQL:", " (Background on this error"):
        text = text.split(tail, 1)[0]
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return redact(f"{exc.__class__.__name__}: {text}" if text else exc.__class__.__name__)


def one_line_errors(run: F) -> F:
    """Decorate a command's ``run``: known failures become ``error: ...`` and exit code 1."""

    @functools.wraps(run)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        exitcode = 1
        try:
            return run(self, *args, **kwargs)
        except CommandError as exc:
            message, exitcode = str(exc), exc.exitcode
        except SQLAlchemyError as exc:
            message = (
                f"the archive at {redact_url(_archive_url(self))} failed: {one_line(exc)}; "
                "check that the database server is running and reachable"
            )
        except BrokenPipeError:
            # the reader went away (`| head`): not an error, and nothing more to say
            _silence_stdout()
            self.exitcode = 0
            return None
        self.exitcode = exitcode
        with contextlib.suppress(OSError):
            print(f"error: {message}", file=sys.stderr)
        return None

    return wrapper  # type: ignore[return-value]


def _archive_url(command: Any) -> str:
    settings = getattr(command, "settings", None)
    return (settings.get("ARCHIVE_URL") if settings is not None else None) or "sqlite:///archive.db"


def _silence_stdout() -> None:
    # Python flushes stdout at exit: point it at /dev/null so that flush cannot fail again
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def parse_limit(text: str | None) -> int | None:
    """The value of ``--limit``: an integer from 0 to 2**63-1 (what a LIMIT holds), or a
    one-line usage error (exit 2)."""
    if text is None:
        return None
    try:
        value = int(text)
    except ValueError:
        raise CommandError(f"--limit must be a whole number, not {text[:40]!r}", 2) from None
    if not 0 <= value <= MAX_LIMIT:
        shown = text if len(text) <= 40 else f"{text[:20]}… ({len(text)} digits)"
        raise CommandError(f"--limit must be between 0 and {MAX_LIMIT}, not {shown}", 2)
    return value


def add_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format", choices=FORMATS, default="table", help="output format (default: table)"
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )


def archive_sessions(settings: BaseSettings | None) -> sessionmaker[Session]:
    """Sessions on the archive at ARCHIVE_URL, refusing to create an empty SQLite file."""
    url = (settings.get("ARCHIVE_URL") if settings is not None else None) or "sqlite:///archive.db"
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise UsageError(
            f"ARCHIVE_URL is not a database URL: {redact_url(url)}", print_help=False
        ) from None
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        path = Path(parsed.database or "").expanduser()
        if not path.exists():
            raise UsageError(
                f"no archive at {path.resolve()}: run `scrapy crawl seeds` first, or point "
                "ARCHIVE_URL (environment or -s ARCHIVE_URL=...) at your archive",
                print_help=False,
            )
    try:
        return session_factory(open_archive(parsed))
    except Exception as exc:
        raise CommandError(
            f"cannot open the archive at {redact_url(parsed)}: {one_line(exc)}; check ARCHIVE_URL "
            "(environment or -s ARCHIVE_URL=...) and that the database server is running"
        ) from None


def write_file(output: str | Path, data: bytes) -> None:
    """Write ``data`` to ``output`` whole or not at all: a regular file through a temporary file
    beside it, renamed once complete (a full disk leaves no truncated file); a device or pipe
    directly. Failures become one-line CommandErrors naming the file and what to do."""
    path = Path(output)
    try:
        if path.is_dir():
            raise CommandError(f"cannot write {path}: it is a directory; give a file name")
        if not path.parent.is_dir():
            raise CommandError(
                f"cannot write {path}: the folder {path.parent} does not exist; create it first"
            )
        if path.exists() and not stat.S_ISREG(path.stat().st_mode):
            with open(path, "wb") as handle:  # /dev/stdout, a named pipe...
                handle.write(data)
            return
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise CommandError(f"cannot write {path}: {exc.strerror or exc}") from None


def emit(text: str, output: str | None) -> None:
    """Write ``text`` (UTF-8) to the file named, or to standard output."""
    if output:
        write_file(output, text.encode("utf-8"))
        print(f"wrote {output}", file=sys.stderr)
        return
    try:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise CommandError(f"cannot write to standard output: {exc.strerror or exc}") from None
