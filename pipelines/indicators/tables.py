"""Facts from report tables: rows are indicators or sectors, columns periods or comparisons.

Typical statistics-office layout: "TT | Chỉ tiêu | ĐVT | Thực hiện tháng 9/2024 | Ước tháng
10/2024 | Cộng dồn 10 tháng | So với cùng kỳ (%)". Header rows are the leading rows without
numbers; each column gets a period, status and measure from its header (``table_columns.py``),
each row an indicator/sector from its label. A sector row ("- Khai khoáng", "1. Công nghiệp
chế biến, chế tạo", "a) Cung cấp nước ...") inherits the indicator of the row or title above it.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import Any

from pipelines.indicators.lexicon import PHRASES, key_of
from pipelines.indicators.measures import State, resolve_indicator
from pipelines.indicators.numbers import parse_number
from pipelines.indicators.table_columns import (
    PARENS,
    UNIT_HEADER,
    Column,
    read_columns,
    table_unit,
    unit_of,
)

logger = logging.getLogger(__name__)

_I = re.IGNORECASE
# An index cell: "1", "2.1", "a", "II", "a)", or a sub-item dash/plus/bullet.
_ROW_INDEX = re.compile(r"^\s*(?:(?:\d+(?:\.\d+)*|[a-zđ]|[IVX]+)[.)]?|[-–+*•])\s*$", _I)
# The same markers opening a label cell ("- Khai khoáng", "1. Chế biến", "a) Điện").
_LABEL_MARKER = re.compile(r"^\s*(?:[-–+*•]|(?:\d+(?:\.\d+)*|[a-zđ]|[IVX]+)[.)])\s*", _I)
_BULLETS = {"-": 4, "–": 4, "+": 5, "*": 6, "•": 6}
_ROMAN = re.compile(r"[IVX]+")  # upper case only: "i)" is a letter item
_INDEX_HEADER = re.compile(r"^\s*(?:s[ốo]\s*)?(?:tt|thứ tự)\s*$", _I)  # "TT", "STT", "Số TT"
# A row that restates the whole ("Tổng số", "Toàn tỉnh") belongs to the indicator above it.
_TOTAL_ROW = re.compile(r"^\s*(?:tổng số|tổng cộng|tổng|cộng|toàn tỉnh|toàn ngành)(?!\w)", _I)


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
    # A header row with one filled cell is a title or a note ("Đơn vị tính: Tỷ đồng").
    titles = [r for r in header if sum(bool(c.strip()) for c in r) <= 1]
    grid = [r for r in header if r not in titles]
    width = max((len(r) for r in table), default=0)
    headers = [" ".join(r[j] for r in grid if j < len(r)).strip() for j in range(width)]
    title_text = " ".join(" ".join(r) for r in header)
    indexed = sum(bool(r and _ROW_INDEX.match(r[0])) for r in body) * 2 > len(body)
    label_col = 1 if width > 2 and (_INDEX_HEADER.match(headers[0]) or indexed) else 0
    unit_col = _unit_col(headers, label_col)
    columns = read_columns(headers, {0, label_col, unit_col or 0}, published)
    default = table_unit(title_text)
    if default[0] is None and label_col < len(headers):
        parens = PARENS.search(headers[label_col])  # "Chỉ tiêu (tỷ đồng)"
        default = unit_of(parens.group(1)) if parens else default
    indicator, _ = _label_keys(title_text)
    state = State(published=published)
    facts: list[dict[str, Any]] = []
    sector_rank: int | None = None  # the outline depth of the last sector row
    for row in body:
        label, rank, values = _row_parts(row, columns)
        if not values:
            note = table_unit(" ".join(row))
            default = note if note[0] else default  # a unit row between sections
            continue
        row_indicator, sector = _label_keys(label)
        if row_indicator:
            indicator, sector_rank = row_indicator, None
        elif sector is not None:
            if sector_rank is not None and rank is not None and rank > sector_rank:
                continue  # "+ Doanh nghiệp chế biến gỗ" under "b) Chế biến": part of a sector
            sector_rank = rank
        elif rank is not None or not _TOTAL_ROW.match(label):
            continue  # a breakdown the contract has no key for, never the total
        unit, scale = _row_unit(row, unit_col, label, default)
        for j, value in values.items():
            col = columns[j]
            u, s = (col.unit, col.scale) if col.unit else (unit, scale)
            fact = _fact(indicator, sector, col, value, u, s, state)
            if fact:
                facts.append({**fact, "evidence": f"{label} | {col.header}: {row[j].strip()}"})
    return facts


def _rank(marker: str) -> int:
    """Outline depth of a row marker, the Vietnamese report order: I, 1, 1.1, a, -, +, *."""
    m = marker.strip().rstrip(".)")
    if m in _BULLETS:
        return _BULLETS[m]
    if _ROMAN.fullmatch(m):
        return 0
    return 1 if m.isdigit() else 2 if m[:1].isdigit() else 3


def _number(cell: str) -> float | None:
    """A cell's number; "-2,1" in a "Tăng/giảm (%)" column is negative."""
    text = cell.strip().replace("\u2212", "-")
    sign = -1.0 if len(text) > 1 and text[0] in "-–" else 1.0
    value = parse_number(text.lstrip("-–+ ") if sign < 0 or text[:1] == "+" else text)
    return None if value is None else sign * value


def _row_parts(row: list[str], columns: dict[int, Column]) -> tuple[str, int | None, dict]:
    """(label without its marker, outline depth or None, column index -> value)."""
    label_at = 1 if len(row) > 1 and _ROW_INDEX.match(row[0]) else 0
    marker = _LABEL_MARKER.match(row[label_at])
    label = row[label_at][marker.end() :] if marker else row[label_at]
    rank = (
        _rank(marker.group(0)) if marker else _rank(row[0]) if label_at and row[0].strip() else None
    )
    values = {
        j: v for j in columns if label_at < j < len(row) and (v := _number(row[j])) is not None
    }
    return label, rank, values


def _unit_col(headers: list[str], label_col: int) -> int | None:
    return next(
        (
            j
            for j, h in enumerate(headers)
            if j > label_col and len(h) < 24 and UNIT_HEADER.search(h)
        ),
        None,
    )


def _row_unit(
    row: list[str], unit_col: int | None, label: str, default: tuple[str | None, float]
) -> tuple[str | None, float]:
    """The unit cell, else "(tỷ đồng)" in the label, else the table's unit."""
    if unit_col is not None and unit_col < len(row):
        unit = unit_of(row[unit_col])
        if unit[0]:
            return unit
    for inner in PARENS.findall(label):
        unit = unit_of(inner)
        if unit[0]:
            return unit
    return default


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
        "area": None,
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
