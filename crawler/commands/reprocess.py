"""`scrapy reprocess`: re-extract archived articles from their stored raw pages, offline."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime

from scrapy.exceptions import UsageError

from crawler.commands._archive import CommandError, one_line, one_line_errors
from crawler.quiet import QuietCommand
from crawler.sites import profile_for_url
from pipelines.html import SiteSelectors
from pipelines.reprocess import Change, reprocess
from pipelines.version import EXTRACTOR_VERSION
from storage.db import open_archive, redact_url, session_factory
from storage.lock import ArchiveBusyError, WriterLock


def site_selectors(url: str, fetched: datetime) -> Sequence[SiteSelectors]:
    """The selector versions of the page's site, the one valid when it was fetched first."""
    profile = profile_for_url(url)
    return profile.selector_candidates(fetched.date()) if profile else ()


def _fact(f: dict) -> str:
    sector = f"/{f['sector']}" if f.get("sector") else ""
    area = f" @{f['area']}" if f.get("area") else ""  # another place than the province
    return f"{f['indicator']}{sector}{area} {f['measure']} {f['period']} {f['status']} = {f['value']:g}"


def describe(change: Change) -> list[str]:
    if change.error:
        return [f"! {change.url}: {change.error}"]
    if change.outcome == "unchanged":
        return []
    lines = [f"* {change.url} ({change.from_version} -> {EXTRACTOR_VERSION})"]
    if change.fields:
        lines.append(f"    fields changed: {', '.join(change.fields)}")
    lines += [f"    + {_fact(f)}" for f in change.added]
    lines += [f"    - {_fact(f)}" for f in change.removed]
    lines += [f"    ~ {_fact(old)}  ->  {new['value']:g}" for old, new in change.changed]
    return lines


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"not a date (YYYY-MM-DD): {text!r}") from None


class Command(QuietCommand):
    requires_project = True

    def syntax(self) -> str:
        return "[--site KEY] [--from DATE] [--to DATE] [--extractor-version V | --all]"

    def short_desc(self) -> str:
        return "Re-extract archived articles from their raw pages (no network)"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--site", help="only this source key (spider name)")
        parser.add_argument("--from", dest="date_from", help="published on or after YYYY-MM-DD")
        parser.add_argument("--to", dest="date_to", help="published on or before YYYY-MM-DD")
        parser.add_argument("--extractor-version", help="only rows made by this extractor version")
        parser.add_argument(
            "--all", action="store_true", help="also rows already made by the current version"
        )

    @one_line_errors
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        url = self.settings.get("ARCHIVE_URL")
        # it writes: on SQLite it takes the writer lock (a crawl running on the archive refuses it)
        try:
            lock = WriterLock(url).acquire()
        except ArchiveBusyError as exc:
            raise CommandError(f"cannot reprocess: {exc}") from None
        except Exception:
            lock = None  # not a URL: open_archive says so below
        try:
            self._reprocess(url, opts)
        finally:
            if lock is not None:
                lock.release()

    def _reprocess(self, url: str, opts: argparse.Namespace) -> None:
        try:
            engine = open_archive(url)
        except Exception as exc:
            raise CommandError(
                f"cannot open the archive at {redact_url(url)}: {one_line(exc)}; check ARCHIVE_URL "
                "and that the database server is running"
            ) from None
        counts: Counter[str] = Counter()
        facts: Counter[str] = Counter()
        for change in reprocess(
            session_factory(engine),
            selectors_for=site_selectors,
            site=opts.site,
            date_from=_date(opts.date_from),
            date_to=_date(opts.date_to),
            extractor_version=opts.extractor_version,
            outdated_only=not opts.all,
        ):
            counts["error" if change.error else change.outcome] += 1
            facts["added"] += len(change.added)
            facts["removed"] += len(change.removed)
            facts["changed"] += len(change.changed)
            for line in describe(change):
                sys.stdout.write(line + "\n")
        engine.dispose()
        total = sum(counts.values())
        sys.stdout.write(
            f"reprocessed {total} articles with extractor {EXTRACTOR_VERSION}: "
            f"{counts['updated']} updated, {counts['unchanged']} unchanged, {counts['error']} failed; "
            f"facts +{facts['added']} -{facts['removed']} ~{facts['changed']}\n"
        )
        self.exitcode = 1 if counts["error"] else 0
