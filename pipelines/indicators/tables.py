"""Facts from report tables: rows are indicators or sectors, columns periods or comparisons.

Typical statistics-office layout: "Chỉ tiêu | ĐVT | Thực hiện tháng 10/2021 | Ước tháng 11/2021 |
Cộng dồn 11 tháng | So với cùng kỳ (%)". Header rows are the leading rows without numbers; each
column gets a period, status and measure from its header text, each row an indicator/sector
from its label (a sector row inherits the indicator of the row or title above it).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from pipelines.indicators.figures import find_figures
from pipelines.indicators.lexicon import PHRASES, key_of
from pipelines.indicators.measures import State, resolve_indicator
from pipelines.indicators.numbers import parse_number
from pipelines.indicators.periods import Period, classify_basis, parse_period

logger = logging.getLogger(__name__)

_I = re.IGNORECASE
_UNIT_HEADER = re.compile(r"đơn vị|đvt", _I)
_ESTIMATE = re.compile(r"(?<!\w)(?:ước|dự ước|sơ bộ)(?!\w)", _I)
_TARGET = re.compile(r"(?<!\w)(?:kế hoạch|KH|dự kiến|mục tiêu|chỉ tiêu)(?!\w)", _I)
_COMPARE = re.compile(r"(?<!\w)(?:so với|so sánh|so|cùng kỳ|tốc độ tăng|tăng|giảm)(?!\w)", _I)
_SIGNED = re.compile(r"(?<!\w)(?:tăng|giảm|tốc độ tăng)(?!\w)", _I)
_PARENS = re.compile(r"\(([^)]*)\)")
_ROW_INDEX = re.compile(r"^\s*(?:\d+|[a-zđ]|[IVX]+)[.)]?\s*$", _I)


@dataclass(frozen=True)
class Column:
    header: str
    period: Period | None
    status: str
    measure: str  # level, change or plan_progress
    basis: str | None
    signed: bool  # "Tăng/giảm (%)": the value is already the change


def _column(header: str, previous: Period | None, published: date | None) -> Column:
    period = parse_period(header, published=published) or previous
    status = "estimate" if _ESTIMATE.search(header) else "actual"
    if _COMPARE.search(header) and _TARGET.search(header):
        return Column(header, period, status, "plan_progress", None, False)
    if _TARGET.search(header):
        status = "target"
    if _COMPARE.search(header):
        basis = classify_basis(header, period, published) if "so" in header.lower() else "yoy"
        return Column(header, period, status, "change", basis, bool(_SIGNED.search(header)))
    return Column(header, period, status, "level", None, False)


def _unit(text: str) -> tuple[str | None, float]:
    """("VND", 1e9) for "Tỷ đồng", ("percent", 1) for "%"; read by the figure recogniser."""
    figures = find_figures("1 " + text.strip().lower().lstrip("(").rstrip(")"))
    if figures and figures[0].unit:
        return figures[0].unit, figures[0].value
    return None, 1.0


def _label_keys(label: str) -> tuple[str | None, str | None]:
    indicator = PHRASES["indicator"].search(label) or PHRASES["other"].search(label)
    sector = PHRASES["sector"].search(label)
    ind_key = key_of(indicator) if indicator else None
    return ("other" if indicator and indicator.re is PHRASES["other"] else ind_key), (
        key_of(sector) if sector else None
    )


def _split_header(table: list[list[str]]) -> tuple[list[list[str]], list[list[str]]]:
    for i, row in enumerate(table):
        if any(parse_number(c.replace(" ", "")) is not None for c in row[1:]):
            return table[:i], table[i:]
    return table, []


def table_facts(tables: list[list[list[str]]], *, published: date | None) -> list[dict[str, Any]]:
    """Facts of every table (evidence is "row label | column header: cell"; no offsets)."""
    facts: list[dict[str, Any]] = []
    for table in tables:
        try:
            facts.extend(_one_table(table, published))
        except (IndexError, ValueError) as exc:  # malformed rows: skip the table, keep the article
            logger.warning("skipping a malformed table (%s); check the HTML table reader", exc)
    return facts


def _one_table(table: list[list[str]], published: date | None) -> list[dict[str, Any]]:
    header, body = _split_header([[c or "" for c in row] for row in table if row])
    width = max((len(r) for r in table), default=0)
    headers = [" ".join(r[j] for r in header if j < len(r)).strip() for j in range(width)]
    unit_col = next((j for j, h in enumerate(headers) if _UNIT_HEADER.search(h)), None)
    columns: dict[int, Column] = {}
    previous: Period | None = None
    for j, text in enumerate(headers):
        if j == 0 or j == unit_col or not text:
            continue
        columns[j] = _column(text, previous, published)
        previous = columns[j].period
    state = State(published=published)
    title_indicator, _ = _label_keys(" ".join(" ".join(r) for r in header))
    indicator = title_indicator
    facts: list[dict[str, Any]] = []
    for row in body:
        label_at = 1 if _ROW_INDEX.match(row[0]) and len(row) > 1 else 0
        label = row[label_at]
        row_indicator, sector = _label_keys(label)
        if row_indicator:
            indicator = row_indicator
        unit, scale = _unit(
            row[unit_col] if unit_col is not None and unit_col < len(row) else label
        )
        if unit is None:  # "Chỉ tiêu (tỷ đồng)": the unit of the whole label column
            parens = _PARENS.search(headers[label_at])
            unit, scale = _unit(parens.group(1) if parens else "")
        for j, col in columns.items():
            if j <= label_at or j >= len(row) or (value := parse_number(row[j].strip())) is None:
                continue
            fact = _fact(indicator, sector, col, value, unit, scale, state)
            if fact:
                facts.append({**fact, "evidence": f"{label} | {col.header}: {row[j].strip()}"})
    return facts


def _fact(
    indicator: str | None,
    sector: str | None,
    col: Column,
    value: float,
    unit: str | None,
    scale: float,
    state: State,
) -> dict[str, Any] | None:
    if col.measure == "level":
        measure, unit, value = "level", unit or "", value * scale
    else:
        measure, unit = col.measure, "percent"
        value = value if col.signed or col.measure == "plan_progress" else round(value - 100, 6)
    key = resolve_indicator(indicator, measure, unit, state)
    if key is None:
        return None
    return {
        "indicator": key,
        "sector": sector,
        "measure": measure,
        "value": float(value),
        "unit": unit,
        "basis": col.basis,
        "period": col.period.label if col.period else None,
        "status": col.status,
        "qualifier": None,
        "start": None,
        "end": None,
    }
