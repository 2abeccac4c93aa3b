"""Scoring, exactly the "Scoring" section of shared/indicators.md.

A predicted fact matches a gold fact when indicator, sector and measure are equal, both or neither
carry an ``area``, and the value agrees within 0.5 % (relative) for ``level`` or 0.01 points
otherwise; each gold fact is matched once. Matching is greedy: candidate pairs that also agree on
period/status/basis first, then the closest values. Periods agree when they cover the same months
("2024-Q1" and "2024-01..2024-03"). A predicted fact with an area that matches no gold fact is not
a false positive (gold files need not label every other place). Facts outside the contract
(indicator "other", sectors without a contract key) are kept by the extractor but not scored, on
either side.

Misses and false positives are also counted per kind (by indicator and by measure, and with or
without an area), so that ``scrapy evaluate`` says what kind of fact is being lost.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from pipelines.indicators.measures import KEYS
from pipelines.indicators.periods import label_months

logger = logging.getLogger(__name__)

SECTOR_KEYS = {"mining", "manufacturing", "electricity", "water_waste", "fdi", "local", "central"}
LEVEL_TOLERANCE = 0.005
POINT_TOLERANCE = 0.01 + 1e-9  # float noise: 104.44 vs 100 + 4.44
AGREEMENT_FIELDS = ("period", "status", "basis")


def scorable(fact: dict[str, Any]) -> bool:
    return fact.get("indicator") in KEYS and (
        fact.get("sector") is None or fact.get("sector") in SECTOR_KEYS
    )


def has_area(fact: dict[str, Any]) -> bool:
    """Whether the fact is about another place than the article's province (contract: area)."""
    return bool(fact.get("area"))


def distance(gold: dict[str, Any], pred: dict[str, Any]) -> float | None:
    """How far apart two facts' values are, or None when they cannot match."""
    if any(gold.get(k) != pred.get(k) for k in ("indicator", "sector", "measure")):
        return None
    if has_area(gold) != has_area(pred):
        return None
    g, p = float(gold["value"]), float(pred["value"])
    if gold["measure"] == "level":
        diff = abs(g - p) / abs(g) if g else abs(p)
        return diff if diff <= LEVEL_TOLERANCE else None
    diff = abs(g - p)
    return diff if diff <= POINT_TOLERANCE else None


def agrees(name: str, gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Whether a matched pair agrees on ``name``; periods agree when they cover the same months."""
    g, p = gold.get(name), pred.get(name)
    if name == "period" and g != p and g and p:
        months = label_months(str(g))
        return months is not None and months == label_months(str(p))
    return bool(g == p)


def _agreements(gold: dict[str, Any], pred: dict[str, Any]) -> int:
    return sum(agrees(f, gold, pred) for f in AGREEMENT_FIELDS)


def kinds(fact: dict[str, Any]) -> tuple[str, str, str]:
    """The kinds a fact is counted under: its indicator, its measure, and area or province."""
    return (
        f"indicator:{fact.get('indicator')}",
        f"measure:{fact.get('measure')}",
        "area:other place" if has_area(fact) else "area:province",
    )


@dataclass
class ScoreReport:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    agree: Counter[str] = field(default_factory=Counter)
    per_indicator: dict[str, Counter[str]] = field(default_factory=dict)
    # kind ("indicator:retail_sales", "measure:share", "area:province") -> tp/fp/fn counts, and
    # for matched facts the fields they disagree on ("period", "status", "basis")
    per_kind: dict[str, Counter[str]] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    disagreements: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def agreement(self, name: str) -> float:
        """Share of matched facts that agree on ``name`` (period, status or basis)."""
        return self.agree[name] / self.tp if self.tp else 1.0

    @property
    def period_agreement(self) -> float:
        return self.agreement("period")

    @property
    def status_agreement(self) -> float:
        return self.agreement("status")

    @property
    def basis_agreement(self) -> float:
        return self.agreement("basis")

    def indicator_scores(self, key: str) -> dict[str, float]:
        c = self.per_indicator.get(key, Counter())
        tp, fp, fn = c["tp"], c["fp"], c["fn"]
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return {
            "tp": tp,
            "fp": fp,
            "fn": fn,
            "p": p,
            "r": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0,
        }

    def _count(self, fact: dict[str, Any], what: str) -> None:
        self.per_indicator.setdefault(fact["indicator"], Counter())[what] += 1
        for kind in kinds(fact):
            self.per_kind.setdefault(kind, Counter())[what] += 1

    def kind_rows(self) -> list[dict[str, Any]]:
        """Per kind: tp, fp, fn and the disagreements of matched facts, misses first."""
        rows = []
        for kind, c in self.per_kind.items():
            group, _, name = kind.partition(":")
            row: dict[str, Any] = {"by": group, "kind": name}
            row.update({k: c[k] for k in ("tp", "fp", "fn", *AGREEMENT_FIELDS)})
            rows.append(row)
        order = {"indicator": 0, "measure": 1, "area": 2}
        return sorted(rows, key=lambda r: (order.get(r["by"], 3), -(r["fn"] + r["fp"]), r["kind"]))

    def to_text(self, show: bool = False) -> str:
        lines = [
            f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} (tp={self.tp} fp={self.fp} fn={self.fn})",
            "agreement: " + " ".join(f"{n}={self.agreement(n):.3f}" for n in AGREEMENT_FIELDS),
        ]
        for key in sorted(self.per_indicator):
            s = self.indicator_scores(key)
            lines.append(
                f"  {key:28} tp={s['tp']:<3} fp={s['fp']:<3} fn={s['fn']:<3} P={s['p']:.2f} R={s['r']:.2f} F1={s['f1']:.2f}"
            )
        lines.append(
            "misses per kind (fn = missed, fp = false positive; wrong field of matched facts):"
        )
        for row in self.kind_rows():
            wrong = " ".join(f"{f}={row[f]}" for f in AGREEMENT_FIELDS if row[f])
            lines.append(
                f"  {row['by']:9} {row['kind']:28} fn={row['fn']:<3} fp={row['fp']:<3} "
                f"tp={row['tp']:<3} {('wrong ' + wrong) if wrong else ''}".rstrip()
            )
        if show:
            for title, facts in (
                ("MISSED", self.misses),
                ("FALSE POSITIVE", self.false_positives),
                ("DISAGREES", self.disagreements),
            ):
                lines.extend(f"{title}: {_brief(f)}" for f in facts)
        return "\n".join(lines)


def _brief(fact: dict[str, Any]) -> str:
    fields = (
        "doc",
        "indicator",
        "sector",
        "measure",
        "value",
        "area",
        "period",
        "status",
        "basis",
        "evidence",
    )
    text = " | ".join(" ".join(str(fact.get(k)).split()) for k in fields)
    if "gold" in fact:  # a matched fact: what the gold says where it disagrees
        wrong = {k: v for k, v in fact["gold"].items() if v != fact.get(k)}
        text += f" | gold: {wrong}"
    return text


def _score_doc(
    report: ScoreReport, doc: str, gold: list[dict[str, Any]], pred: list[dict[str, Any]]
) -> None:
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            d = distance(g, p)
            if d is not None:
                pairs.append((-_agreements(g, p), d, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, _, gi, pi in sorted(pairs):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        g, p = gold[gi], pred[pi]
        report.tp += 1
        report._count(g, "tp")
        for name in AGREEMENT_FIELDS:
            same = agrees(name, g, p)
            report.agree[name] += same
            if not same:
                report._count(g, name)
        if _agreements(g, p) < len(AGREEMENT_FIELDS):
            report.disagreements.append(
                {**p, "doc": doc, "gold": {f: g.get(f) for f in AGREEMENT_FIELDS}}
            )
    for gi, g in enumerate(gold):
        if gi not in used_g:
            report.fn += 1
            report._count(g, "fn")
            report.misses.append({**g, "doc": doc})
    for pi, p in enumerate(pred):
        # Gold files need not label every other place: an unmatched figure with an area is no
        # false positive (contract, "Scoring").
        if pi not in used_p and not has_area(p):
            report.fp += 1
            report._count(p, "fp")
            report.false_positives.append({**p, "doc": doc})


def score(
    gold: dict[str, dict[str, Any]], predicted: dict[str, list[dict[str, Any]]]
) -> ScoreReport:
    """Score predicted facts (doc name -> facts) against gold in the format of seeds.json."""
    report = ScoreReport()
    for doc in sorted(gold):  # a document without gold annotations cannot be scored
        gold_facts = [f for f in gold.get(doc, {}).get("facts", []) if scorable(f)]
        pred_facts = [f for f in predicted.get(doc, []) if scorable(f)]
        _score_doc(report, doc, gold_facts, pred_facts)
    return report
