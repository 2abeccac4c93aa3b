"""Output of the archive commands as pure functions: rows -> table, CSV or JSON text.

Shared by ``scrapy indicators`` and ``scrapy articles``. A row is a dict; table and CSV show the
columns given, in order (lists joined with spaces); JSON keeps every key and nested lists as they
are, with non-ASCII text written as is (``ensure_ascii=False``).
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from datetime import date
from typing import Any

from storage.queries import ArticleHit, FactRow
from storage.series import Conflict, SeriesPoint

FORMATS = ("table", "csv", "json")
# Table cells longer than this are cut (CSV and JSON keep everything): evidence and snippets
# would otherwise make every line wrap.
MAX_CELL = {"evidence": 70, "snippet": 90, "title": 60}

FACT_COLUMNS = (
    "indicator",
    "sector",
    "area",
    "measure",
    "value",
    "unit",
    "basis",
    "period",
    "status",
    "qualifier",
    "published",
    "source",
    "province",
    "province_current",
    "url",
    "evidence",
)
SERIES_COLUMNS = (
    "indicator",
    "sector",
    "area",
    "measure",
    "basis",
    "period",
    "status",
    "value",
    "unit",
    "province",
    "province_current",
    "n_sources",
    "sources",
    "published",
    "conflict",
    "urls",
    "evidence",
)
CONFLICT_COLUMNS = ("conflict_id", *SERIES_COLUMNS)
ARTICLE_COLUMNS = ("published", "source", "province", "title", "url", "snippet")
SEARCH_COLUMNS = ("published", "source", "province", "exact", "title", "url", "snippet")


def _date(published_at: str | None) -> str:
    return (published_at or "")[:10]


def fact_rows(facts: Iterable[FactRow]) -> list[dict[str, Any]]:
    rows = []
    for fact in facts:
        row = asdict(fact)
        row["published"] = _date(fact.published_at)
        rows.append(row)
    return rows


def series_row(point: SeriesPoint) -> dict[str, Any]:
    first = point.sources[0]
    return {
        "indicator": point.indicator,
        "sector": point.sector,
        "area": point.area,
        "measure": point.measure,
        "basis": point.basis,
        "period": point.period,
        "status": point.status,
        "value": point.value,
        "value_min": point.value_min,
        "value_max": point.value_max,
        "unit": point.unit,
        "province": point.province,
        "province_current": point.province_current,
        "n_sources": len(point.sources),
        "sources": list(point.source_keys),
        "published": _date(first.published_at),
        "conflict": point.conflict,
        "urls": [s.url for s in point.sources],
        "evidence": first.evidence,
        "articles": [asdict(s) for s in point.sources],
    }


def series_rows(points: Iterable[SeriesPoint]) -> list[dict[str, Any]]:
    return [series_row(p) for p in points]


def conflict_rows(found: Iterable[Conflict]) -> list[dict[str, Any]]:
    """One row per disagreeing value, numbered by figure so they can be read together."""
    rows = []
    for number, conflict in enumerate(found, 1):
        for point in conflict.points:
            rows.append({"conflict_id": number, **series_row(point)})
    return rows


def article_rows(hits: Iterable[ArticleHit]) -> list[dict[str, Any]]:
    rows = []
    for hit in hits:
        row = asdict(hit)
        row["published"] = _date(hit.published_at)
        rows.append(row)
    return rows


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, list | tuple):
        return " ".join(_cell(v) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    return " ".join(str(value).split())


def _width(text: str) -> int:
    """Columns taken on a terminal: wide (CJK) characters take two, combining marks none."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _cut(text: str, limit: int | None) -> str:
    if limit is None or len(text) <= limit:
        return text
    return text[: limit - 1] + "…"


def render_table(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    cells = [[_cut(_cell(row.get(c)), MAX_CELL.get(c)) for c in columns] for row in rows]
    widths = [max([_width(c), *(_width(r[i]) for r in cells)]) for i, c in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        padded = (v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True))
        return "  ".join(padded).rstrip()

    out = [line(columns), line(["-" * w for w in widths])]
    out.extend(line(r) for r in cells)
    out.append(f"({len(rows)} rows)")
    return "\n".join(out) + "\n"


def render_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(
            [repr(v) if isinstance(v := row.get(c), float) else _cell(v) for c in columns]
        )
    return buffer.getvalue()


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | set):
        return list(value)
    raise TypeError(f"not serialisable: {type(value).__name__}")


def render_json(rows: Sequence[dict[str, Any]]) -> str:
    return json.dumps(list(rows), ensure_ascii=False, indent=2, default=_json_default) + "\n"


def render(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str) -> str:
    """Rows as text in ``fmt`` (table, csv or json)."""
    if fmt == "table":
        return render_table(rows, columns)
    if fmt == "csv":
        return render_csv(rows, columns)
    if fmt == "json":
        return render_json(rows)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
