"""What the archive commands share: options, opening the archive, writing the output.

Plain functions, not a base command class: Scrapy registers every ScrapyCommand subclass found
in ``crawler.commands`` as a command named after its module.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scrapy.exceptions import UsageError
from scrapy.settings import BaseSettings
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from crawler.commands._output import FORMATS
from storage.db import open_archive, redact_url, session_factory


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
    return session_factory(open_archive(parsed))


def emit(text: str, output: str | None) -> None:
    """Write ``text`` (UTF-8) to the file named, or to standard output."""
    if output:
        Path(output).write_text(text, encoding="utf-8")
        print(f"wrote {output}", file=sys.stderr)
        return
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()
