"""`scrapy indicators`: the archive's facts (or series points, or conflicts) with their sources."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any, ClassVar

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.commands._archive import (
    add_output_options,
    archive_sessions,
    emit,
    one_line_errors,
    parse_limit,
)
from crawler.commands._output import (
    CONFLICT_COLUMNS,
    FACT_COLUMNS,
    SERIES_COLUMNS,
    conflict_rows,
    fact_rows,
    render,
    series_rows,
)
from storage.queries import query_facts
from storage.series import conflicts, series


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    # stdout is the output: only warnings and errors go to the log (stderr)
    default_settings: ClassVar[dict[str, Any]] = {"LOG_LEVEL": "WARNING"}

    def syntax(self) -> str:
        return "[options]"

    def short_desc(self) -> str:
        return "List the archived economic figures with their article, date and evidence"

    def long_desc(self) -> str:
        return (
            "List facts from the archive, filtered. --series counts a figure reported by several "
            "articles or sites once, with all its sources; --conflicts shows figures whose "
            "sources disagree. Periods: 2024, 2024-Q1, 2024-03, 2024-H1, 2024-01..2024-06; "
            "--sector total selects the whole (no sector). A figure about another place than "
            "the article's province (a district, another province, the country) has an area and "
            "is its own series: --area none keeps the province's own figures, --area any the "
            "others, --area 'huyện Đại Từ' one place."
        )

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--province", help="the province the article reports on")
        parser.add_argument(
            "--province-current", help="the province today (Thái Nguyên includes Bắc Kạn)"
        )
        parser.add_argument("--indicator", help="e.g. industrial_output_value")
        parser.add_argument("--sector", help="e.g. manufacturing; 'total' for the whole")
        parser.add_argument(
            "--area",
            help="'none': the province's own figures; 'any': other places; or one place "
            "as stored, e.g. 'huyện Đại Từ', 'Bắc Giang', 'cả nước'",
        )
        parser.add_argument("--measure", help="level, change, plan_progress or share")
        parser.add_argument("--from", dest="period_from", metavar="PERIOD", help="first period")
        parser.add_argument("--to", dest="period_to", metavar="PERIOD", help="last period")
        parser.add_argument("--status", help="actual, estimate or target")
        parser.add_argument("--source", metavar="KEY", help="source key, e.g. baothainguyen.vn")
        parser.add_argument("--limit", help="at most this many facts")
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--series", action="store_true", help="one row per figure")
        mode.add_argument("--conflicts", action="store_true", help="figures sources disagree on")
        add_output_options(parser)

    @one_line_errors
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if args:
            raise UsageError(f"unexpected argument(s): {' '.join(args)}")
        opts.limit = parse_limit(opts.limit)
        filters: dict[str, Any] = {
            "province": opts.province,
            "province_current": opts.province_current,
            "indicator": opts.indicator,
            "sector": opts.sector,
            "area": opts.area,
            "measure": opts.measure,
            "period_from": opts.period_from,
            "period_to": opts.period_to,
            "status": opts.status,
            "source": opts.source,
        }
        sessions = archive_sessions(self.settings)
        columns: Sequence[str]
        try:
            with sessions() as session:
                if opts.series:
                    rows = series_rows(series(session, **filters))
                    columns = SERIES_COLUMNS
                elif opts.conflicts:
                    rows = conflict_rows(conflicts(session, **filters))
                    columns = CONFLICT_COLUMNS
                else:
                    rows = fact_rows(query_facts(session, **filters, limit=opts.limit))
                    columns = FACT_COLUMNS
        except ValueError as exc:
            raise UsageError(str(exc), print_help=False) from None
        if opts.limit is not None and (opts.series or opts.conflicts):
            rows = rows[: max(0, opts.limit)]
        emit(render(rows, columns, opts.format), opts.output)
