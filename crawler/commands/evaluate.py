"""`scrapy evaluate GOLD.json [--docs DIR] [--show]`: score the pipeline against a gold file.

The gold file has the format of ``shared/gold/seeds.json``: document file name -> expected
article fields and facts. Each document is read from ``--docs`` (default: a ``docs`` folder
beside the gold file if there is one, else the project's ``seeds/``), run through the same
``process_document`` recipe as a crawl, and scored as the contract's "Scoring" section says. The report counts misses and false positives
per kind (by indicator, by measure, and with or without an ``area``) and, for matched facts, the
fields they get wrong, so that a drop in F1 says which kind of fact is being lost.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from scrapy.exceptions import UsageError

from crawler.quiet import QuietCommand
from pipelines.errors import BadInputError
from pipelines.indicators.scoring import ScoreReport, score
from pipelines.process import process_document

ARTICLE_FIELDS = ("title", "published_at", "author", "province", "views")


def default_docs_dir(gold_path: Path) -> Path:
    beside = gold_path.parent / "docs"
    if beside.is_dir():
        return beside
    from crawler.spiders.seeds import project_root

    return project_root() / "seeds"


def evaluate(gold: dict[str, dict[str, Any]], docs: Path) -> tuple[ScoreReport, dict[str, Any]]:
    """Facts scored by the contract; article fields counted as exact matches."""
    predicted: dict[str, list[dict[str, Any]]] = {}
    fields = {"checked": 0, "right": 0, "wrong": []}
    for name, expected in sorted(gold.items()):
        path = docs / name
        try:
            processed = process_document(path.read_bytes(), source=str(path))
        except (OSError, BadInputError) as err:
            predicted[name] = []
            fields["wrong"].append({"doc": name, "error": str(err)})
            continue
        predicted[name] = processed.facts
        for field_name in ARTICLE_FIELDS:
            if field_name not in expected:
                continue
            fields["checked"] += 1
            got = getattr(processed.article, field_name)
            if got == expected[field_name]:
                fields["right"] += 1
            else:
                fields["wrong"].append(
                    {"doc": name, "field": field_name, "expected": expected[field_name], "got": got}
                )
    return score(gold, predicted), fields


class Command(QuietCommand):
    requires_project = False

    def syntax(self) -> str:
        return "GOLD.json [--docs DIR] [--show] [--json]"

    def short_desc(self) -> str:
        return "Score extraction against a gold file (precision, recall, F1, agreements)"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--docs", help="folder holding the gold file's documents")
        parser.add_argument("--show", action="store_true", help="list misses and false positives")
        parser.add_argument("--json", action="store_true", help="print the figures as JSON")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give one gold file")
        gold_path = Path(args[0])
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise UsageError(f"cannot read gold file {gold_path}: {err}") from None
        docs = Path(opts.docs) if opts.docs else default_docs_dir(gold_path)
        if not docs.is_dir():
            raise UsageError(f"documents folder {docs} does not exist (use --docs DIR)")
        report, fields = evaluate(gold, docs)
        if opts.json:
            out = {
                "precision": report.precision,
                "recall": report.recall,
                "f1": report.f1,
                "period_agreement": report.period_agreement,
                "status_agreement": report.status_agreement,
                "basis_agreement": report.basis_agreement,
                "article_fields": {"checked": fields["checked"], "right": fields["right"]},
                "tp": report.tp,
                "fp": report.fp,
                "fn": report.fn,
                # misses (fn) and false positives per indicator, per measure, area or not
                "kinds": report.kind_rows(),
            }
            sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=1) + "\n")
            return
        sys.stdout.write(report.to_text(show=opts.show) + "\n")
        sys.stdout.write(f"article fields: {fields['right']}/{fields['checked']} right\n")
        if opts.show:
            for wrong in fields["wrong"]:
                sys.stdout.write(f"  {json.dumps(wrong, ensure_ascii=False)}\n")
