"""`scrapy extract PATH... [--url URL]`: run the extraction on files, one JSON line per file.

The work is done by ``extract_paths`` (no Scrapy in it), so tests and offline scripts call the
same code as the command; the command only parses options, prints and sets the exit code.

Inputs are bounded (``pipelines.localfiles``): regular files only, at most 20 MiB each, and a
folder walk reads document extensions only (the others are counted on standard error). The exit
code is 1 when any file holds no article, or when nothing at all was extracted.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from scrapy.exceptions import UsageError

from crawler.quiet import QuietCommand
from pipelines.errors import BadInputError
from pipelines.extraction import extract_document
from pipelines.localfiles import is_document, read_document
from pipelines.process import facts_for

logger = logging.getLogger(__name__)

_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".aspx", ".phtml"}


def expand_paths(paths: Iterable[str], skipped: list[Path] | None = None) -> list[Path]:
    """Files named (whatever they are), and the documents of directories named (sorted,
    recursive, hidden entries left out; other files are appended to ``skipped``).

    Broken symbolic links (dangling, or a loop) and special files (FIFOs, devices) in a folder are
    listed too: they get an error line instead of vanishing from the output."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for p in sorted(path.rglob("*")):
                if any(part.startswith(".") for part in p.relative_to(path).parts) or p.is_dir():
                    continue
                if is_document(p):
                    out.append(p)
                elif skipped is not None:
                    skipped.append(p)
        else:
            out.append(path)
    return out


def printable(text: str) -> str:
    """``text`` encodable as UTF-8: the bytes of a non-UTF-8 file name (surrogate escapes) and lone
    surrogates are shown as ``\\xNN``, so one odd name cannot break the JSON output."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "backslashreplace")


def _json_line(record: dict[str, Any]) -> bytes:
    line = json.dumps(record, ensure_ascii=False) + "\n"
    try:
        return line.encode("utf-8")
    except UnicodeEncodeError:
        clean = {k: printable(v) if isinstance(v, str) else v for k, v in record.items()}
        return (json.dumps(clean, ensure_ascii=False) + "\n").encode("utf-8", "backslashreplace")


def extract_paths(
    paths: Iterable[str], *, url: str | None = None, skipped: list[Path] | None = None
) -> Iterator[dict[str, Any]]:
    """One record per file: the article fields and facts, or {"file", "error"}."""
    for path in expand_paths(paths, skipped):
        record: dict[str, Any] = {"file": str(path)}
        try:
            data = read_document(path)
            content_type = "text/html" if path.suffix.lower() in _HTML_SUFFIXES else None
            article = extract_document(data, source=str(path), url=url, content_type=content_type)
        except (BadInputError, OSError) as err:
            record["error"] = str(err)
            yield record
            continue
        facts: list[dict[str, Any]] = []
        try:
            facts = facts_for(article)
        except Exception as err:  # a bug in the indicator rules must not hide the article
            logger.exception("%s: extract_facts failed", path)
            record["facts_error"] = f"{type(err).__name__}: {err}"
        record.update(
            title=article.title,
            sapo=article.sapo,
            published_at=article.published_at,
            author=article.author,
            province=article.province,
            province_current=article.province_current,
            views=article.views,
            body=article.body,
            facts=facts,
        )
        yield record


class Command(QuietCommand):
    requires_project = False

    def syntax(self) -> str:
        return "PATH... [--url URL]"

    def short_desc(self) -> str:
        return "Extract article fields and facts from files (one JSON object per line)"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--url", default=None, help="URL the file was fetched from")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if not args:
            raise UsageError("give at least one file or directory")
        failed = extracted = 0
        skipped: list[Path] = []
        for record in extract_paths(args, url=opts.url, skipped=skipped):
            failed += "error" in record
            extracted += "error" not in record
            sys.stdout.buffer.write(_json_line(record))
        sys.stdout.buffer.flush()
        if skipped:
            names = ", ".join(printable(str(p)) for p in skipped[:5])
            more = ", ..." if len(skipped) > 5 else ""
            print(
                f"skipped {len(skipped)} file(s) that are not documents: {names}{more}",
                file=sys.stderr,
            )
        if not extracted:
            print("nothing extracted: no file held an article", file=sys.stderr)
        self.exitcode = 1 if failed or not extracted else 0
