"""`scrapy crawl seeds`: ingest local article files (``seeds/`` by default) into the archive.

Each file becomes a ``file://`` request, so it goes through the same downloader, the same item
pipelines and the same archive as a page from a portal.
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


def scan_input(path: Path) -> Iterator[tuple[Path, str | None]]:
    """Every entry of ``path`` (itself, if it is a file), sorted: ``(file, None)`` for a file to
    read, ``(entry, reason)`` for one that is refused.

    Symbolic links that lead out of the directory are refused: ``-a path=DIR`` is a promise about
    what the crawl reads. So are links that cannot be resolved (a loop, a missing target).
    """
    if path.is_file():
        yield path, None
        return
    root = path.resolve()
    for candidate in sorted(path.iterdir()):
        if candidate.name.startswith("."):
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
        if resolved.is_file():
            yield candidate, None


def list_input_files(path: Path) -> Iterator[Path]:
    """The regular files of ``path`` (itself, if it is a file), sorted, never outside it."""
    for file, reason in scan_input(path):
        if reason is None:
            yield file
        else:
            logger.warning("skipping %s: %s", shown(file), reason)


class SeedsSpider(scrapy.Spider):
    name = "seeds"
    source_name = "Local seed articles"
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
        if not self.input_path.exists():
            logger.error(
                "seed path %s does not exist: give a directory or a file with -a path=...",
                self.input_path,
            )
            return
        count = 0
        for file, refused in scan_input(self.input_path):
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
        if count == 0:
            logger.warning("no files in %s", self.input_path)

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
        # an unreadable file: hand an item with no bytes to the pipelines, which drop it with
        # the file's name and record the failure in the archive
        request = failure.request
        logger.error("cannot read %s: %s", file_uri_to_path(request.url), failure.getErrorMessage())
        yield ArticleItem(url=request.url, source="seeds", raw=None)
