"""`scrapy articles [QUERY]`: list the archive's articles, or search them (diacritics optional)."""

from __future__ import annotations

import argparse
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
from crawler.commands._output import ARTICLE_COLUMNS, SEARCH_COLUMNS, article_rows, render
from storage.queries import list_articles, search_articles


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings: ClassVar[dict[str, Any]] = {"LOG_LEVEL": "WARNING"}

    def syntax(self) -> str:
        return "[options] [QUERY ...]"

    def short_desc(self) -> str:
        return "List archived articles, newest first, or full-text search them"

    def long_desc(self) -> str:
        return (
            "Without QUERY: the articles, newest first. With QUERY: the articles containing "
            "every word, diacritics optional ('cong nghiep Bac Kan' finds 'công nghiệp Bắc "
            "Kạn'); those with the diacritics as typed come first."
        )

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--source", metavar="KEY", help="source key, e.g. baothainguyen.vn")
        parser.add_argument("--from", dest="date_from", metavar="DATE", help="published on/after")
        parser.add_argument("--to", dest="date_to", metavar="DATE", help="published on/before")
        parser.add_argument(
            "--province", help="the province reported on, or today's (Thái Nguyên has Bắc Kạn)"
        )
        parser.add_argument("--limit", default="20", help="at most N (default 20)")
        add_output_options(parser)

    @one_line_errors
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        query = " ".join(args).strip()
        opts.limit = parse_limit(opts.limit)
        filters: dict[str, Any] = {
            "source": opts.source,
            "date_from": opts.date_from,
            "date_to": opts.date_to,
            "province": opts.province,
            "limit": opts.limit,
        }
        sessions = archive_sessions(self.settings)
        try:
            with sessions() as session:
                if query:
                    hits = search_articles(session, query, **filters)
                else:
                    hits = list_articles(session, **filters)
        except ValueError as exc:
            raise UsageError(str(exc), print_help=False) from None
        columns = SEARCH_COLUMNS if query else ARTICLE_COLUMNS
        emit(render(article_rows(hits), columns, opts.format), opts.output)
