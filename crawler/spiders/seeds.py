"""`scrapy crawl seeds`: ingest local article files (``seeds/`` by default) into the archive.

Each file becomes a ``file://`` request, so it goes through the same downloader, the same item
pipelines and the same archive as a page from a portal.

Bounded input (``pipelines.localfiles``): a folder walk takes only document extensions (others
are skipped and counted, so ``-a path=/etc`` reads nothing); devices, FIFOs and sockets are
refused with a message; every read stops at DOWNLOAD_MAXSIZE (``crawler.filehandler``). The
run must archive something: a missing path, or a path that yields no article, makes
``scrapy crawl seeds`` exit 1 (``crawler.commands.crawl``).
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import scrapy
from scrapy.http import Response
from scrapy.utils.conf import closest_scrapy_cfg
from w3lib.url import file_uri_to_path, path_to_file_uri

from crawler.items import ArticleItem
from pipelines.localfiles import DOCUMENT_SUFFIXES, file_kind, is_document

logger = logging.getLogger(__name__)


def project_root() -> Path:
    cfg = closest_scrapy_cfg()
    return Path(cfg).parent if cfg else Path.cwd()


def shown(path: Path) -> str:
    """The path as text that can be logged and stored: bytes that are not UTF-8 as ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def file_uri(path: Path) -> str:
    """``file://`` URI of ``path``, percent-encoding its bytes (whatever their encoding)."""
    return "file://" + quote(os.fsencode(path.absolute()))


# the reason given for files a folder walk does not read (see scan_input)
NOT_A_DOCUMENT = "not a document"


def scan_input(path: Path) -> Iterator[tuple[Path, str | None]]:
    """Every entry of ``path`` (itself, if it is not a directory), sorted: ``(file, None)`` for a
    file to read, ``(entry, reason)`` for one that is refused, ``(entry, NOT_A_DOCUMENT)`` for a
    file whose extension is not a document's (skipped, not refused).

    Symbolic links that lead out of the directory are refused: ``-a path=DIR`` is a promise about
    what the crawl reads. So are links that cannot be resolved (a loop, a missing target), and
    entries that are not regular files (devices, FIFOs, sockets).
    """
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        yield path, f"cannot read it: {exc.strerror or exc}"
        return
    if not path.is_dir():
        kind = file_kind(mode)
        yield (
            path,
            None if kind is None else f"{kind}, not a regular file: give a text or HTML file",
        )
        return
    root = path.resolve()
    for candidate in sorted(path.iterdir()):
        if candidate.name.startswith("."):
            continue
        if not is_document(candidate) and not candidate.is_dir():
            yield candidate, NOT_A_DOCUMENT
            continue
        if shown(candidate) != str(candidate):
            # no URL, log line or archive row can hold it as it is
            yield candidate, "its name is not valid UTF-8; rename the file"
            continue
        try:
            resolved = candidate.resolve(strict=True)
        except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop (Python < 3.13)
            yield candidate, f"cannot resolve it (a symbolic link loop or a missing target): {exc}"
            continue
        if not resolved.is_relative_to(root):
            yield candidate, f"it points outside {root}"
            continue
        if resolved.is_dir():
            continue  # not recursive
        kind = file_kind(resolved.stat().st_mode)
        yield candidate, None if kind is None else f"{kind}, not a regular file"


def list_input_files(path: Path) -> Iterator[Path]:
    """The regular files of ``path`` (itself, if it is a file), sorted, never outside it."""
    for file, reason in scan_input(path):
        if reason is None:
            yield file
        elif reason != NOT_A_DOCUMENT:
            logger.warning("skipping %s: %s", shown(file), reason)


class SeedsSpider(scrapy.Spider):
    name = "seeds"
    source_name = "Local seed articles"
    # a run that archives nothing has failed (crawler.commands.crawl exits 1)
    must_ingest = True
    custom_settings = {
        # Files are local: no robots.txt, no politeness delay.
        "ROBOTSTXT_OBEY": False,
        "AUTOTHROTTLE_ENABLED": False,
        "DOWNLOAD_DELAY": 0,
    }

    def __init__(self, path: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.input_path = Path(path) if path else project_root() / "seeds"
        self.base_url = path_to_file_uri(str(self.input_path.resolve()))

    async def start(self) -> AsyncIterator[Any]:
        if not self.input_path.exists() and not self.input_path.is_symlink():
            logger.error(
                "seed path %s does not exist: give a directory or a file with -a path=...",
                shown(self.input_path),
            )
            return
        count = 0
        skipped: list[Path] = []
        for file, refused in scan_input(self.input_path):
            if refused == NOT_A_DOCUMENT:
                skipped.append(file)
                continue
            count += 1
            if refused is not None:
                # named in the log here, recorded in fetch_failures by the storage pipeline
                logger.warning("skipping %s: %s", shown(file), refused)
                yield ArticleItem(
                    url=file_uri(file),
                    source="seeds",
                    raw=None,
                    fetch_error=f"{shown(file)}: {refused}",
                )
                continue
            yield scrapy.Request(
                path_to_file_uri(str(file.resolve())),
                callback=self.parse,
                errback=self.failed,
                dont_filter=True,
            )
        if skipped:
            self.crawler.stats.set_value("seeds/skipped_not_documents", len(skipped))
            examples = ", ".join(shown(p.relative_to(self.input_path)) for p in skipped[:5])
            logger.warning(
                "skipped %d file(s) of %s that are not documents (%s%s); a folder walk reads %s",
                len(skipped),
                shown(self.input_path),
                examples,
                ", ..." if len(skipped) > 5 else "",
                " ".join(sorted(DOCUMENT_SUFFIXES)),
            )
        if count == 0:
            logger.error(
                "no document to read in %s: give a text or HTML file, or a folder of them",
                shown(self.input_path),
            )

    def parse(self, response: Response, **kwargs: Any) -> Iterator[ArticleItem]:
        yield ArticleItem(
            url=response.url,
            final_url=response.url,
            canonical_url=response.url,
            source="seeds",
            status=response.status,
            headers={},
            raw=response.body,
            fetched_at=datetime.now(UTC),
        )

    def failed(self, failure: Any) -> Iterator[ArticleItem]:
        # an unreadable or refused file: an item with the reason goes to the pipelines, which
        # drop it with the file's name and record the failure in the archive
        request = failure.request
        path = file_uri_to_path(request.url)
        message = failure.getErrorMessage()
        if path not in message:
            message = f"{path}: cannot read it: {message}"
        logger.error("%s", message)
        yield ArticleItem(url=request.url, source="seeds", raw=None, fetch_error=message)
