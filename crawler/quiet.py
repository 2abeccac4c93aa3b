"""Shared by the project's reporting commands: keep Scrapy's start-up chatter off the terminal."""

from __future__ import annotations

import argparse

from scrapy.commands import ScrapyCommand


class QuietCommand(ScrapyCommand):
    """A command whose output is data: logs at WARNING unless -L/--loglevel says otherwise."""

    requires_crawler_process = False

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        if not getattr(opts, "loglevel", None):
            self.settings.set("LOG_LEVEL", "WARNING", priority="cmdline")
