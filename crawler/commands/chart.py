"""`scrapy chart INDICATOR`: one indicator over time, as a PNG or a self-contained HTML page."""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path
from typing import Any, ClassVar

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.commands._archive import archive_sessions, one_line_errors, write_file
from crawler.commands._chart import chart_data, render_html, render_png
from storage.queries import AREA_NONE, TOTAL
from storage.series import series


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings: ClassVar[dict[str, Any]] = {"LOG_LEVEL": "WARNING"}

    def syntax(self) -> str:
        return "[options] INDICATOR"

    def short_desc(self) -> str:
        return "Chart one indicator over time (PNG or HTML), with its sources"

    def long_desc(self) -> str:
        return (
            "Draw INDICATOR (e.g. industrial_output_value) over time from the archive's series "
            "points: each figure once however many articles repeat it, actual figures before "
            "estimates, periods of different lengths on separate lines, sources under the chart. "
            "Without --sector or --by sector, the whole (no sector) is drawn; without --area or "
            "--by area, the province's own figures (a district's, another province's or the "
            "country's figures stated in its articles are other series)."
        )

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--sector", help="e.g. manufacturing (default: the whole)")
        parser.add_argument("--province", help="the province the articles report on")
        parser.add_argument("--province-current", help="the province today")
        parser.add_argument("--measure", default="level", help="level (default), change, ...")
        parser.add_argument(
            "--area",
            help="a place's series ('huyện Đại Từ', 'cả nước'; default: the province's own)",
        )
        parser.add_argument("--by", choices=("sector", "province", "area"), help="one line per ...")
        parser.add_argument(
            "--status",
            action="append",
            choices=("actual", "estimate", "target"),
            help="statuses to draw (repeatable; default: actual and estimate)",
        )
        parser.add_argument("--from", dest="period_from", metavar="PERIOD", help="first period")
        parser.add_argument("--to", dest="period_to", metavar="PERIOD", help="last period")
        parser.add_argument(
            "-o", "--output", metavar="FILE", help="FILE.png or FILE.html (default INDICATOR.png)"
        )

    @one_line_errors
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give one INDICATOR, e.g. scrapy chart industrial_output_value")
        indicator = args[0]
        output = Path(opts.output or f"{indicator}.png")
        if output.suffix.lower() not in (".png", ".html", ".htm"):
            raise UsageError(f"{output}: write a .png or an .html file", print_help=False)
        sector = opts.sector
        if sector is None and opts.by != "sector":
            sector = TOTAL
        area = opts.area
        if area is None and opts.by != "area":
            area = AREA_NONE
        sessions = archive_sessions(self.settings)
        try:
            with sessions() as session:
                points = series(
                    session,
                    indicator=indicator,
                    sector=sector,
                    area=area,
                    province=opts.province,
                    province_current=opts.province_current,
                    period_from=opts.period_from,
                    period_to=opts.period_to,
                )
            data = chart_data(
                points,
                indicator,
                measure=opts.measure,
                by=opts.by,
                statuses=tuple(opts.status or ("actual", "estimate")),
            )
        except ValueError as exc:
            raise UsageError(str(exc), print_help=False) from None
        if output.suffix.lower() == ".png":
            buffer = io.BytesIO()
            render_png(data, buffer)
            write_file(output, buffer.getvalue())
        else:
            write_file(output, render_html(data).encode("utf-8"))
        print(f"wrote {output}", file=sys.stderr)
