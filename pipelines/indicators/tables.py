"""Facts from report tables: rows are indicators, sectors or places, columns periods or
comparisons.

Typical statistics-office layout: "TT | Chỉ tiêu | ĐVT | Thực hiện tháng 9/2024 | Ước tháng
10/2024 | Cộng dồn 10 tháng | So với cùng kỳ (%)". Header rows are the leading rows without
numbers (years such as "2014 | 2015 | 2015/2014" are headers, not values); each column gets a
period, status and measure from its header (``table_columns.py``), each row an indicator, sector
or place from its label. A sector row ("- Khai khoáng", "B. Khai khoáng", "a) Cung cấp nước ...")
inherits the indicator of the row or title above it; a deeper row under a sector ("05. Khai thác
than", "+ Doanh nghiệp chế biến gỗ") is a part of it, not the sector; a row naming a place
("Huyện Đại Từ", "Bắc Giang") gives its figures that ``area``.

The same reader serves HTML tables (``pipelines.html``) and tables flattened into text, one cell
a line (``flat_tables.py``), which also give each cell's offsets in the text.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import Any

from pipelines.indicators.areas import Home, find_places
from pipelines.indicators.lexicon import PHRASES, key_of
from pipelines.indicators.measures import INDEX_FLOOR, INDUSTRY, State, resolve_indicator
from pipelines.indicators.numbers import parse_number
from pipelines.indicators.table_columns import (
    PARENS,
    UNIT_HEADER,
    Column,
    base_note,
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
_TOTAL_ROW = re.compile(
    r"^\s*(?:tổng số|tổng cộng|tổng|cộng|toàn tỉnh|toàn ngành|toàn thành phố|chung|total|"
    r"whole industry)(?!\w)",
    _I,
)
# A header cell that is a year or a ratio of years ("2015", "2015/2014", "Sơ bộ 2016"): a column
# heading, however much it looks like a number.
_YEAR_CELL = re.compile(r"^\D{0,30}(?:19|20)\d\d(?:\s*/\s*(?:19|20)\d\d)?\D{0,12}$")
# "(row, column) -> (start, end)": where each cell of a table flattened into text lies in it.
Spans = dict[tuple[int, int], tuple[int, int]]


def _label_keys(label: str) -> tuple[str | None, str | None]:
    indicator = PHRASES["indicator"].search(label) or PHRASES["other"].search(label)
    sector = PHRASES["sector"].search(label)
    ind_key = key_of(indicator) if indicator else None
    return ("other" if indicator and indicator.re is PHRASES["other"] else ind_key), (
        key_of(sector) if sector else None
    )


def _is_value(cell: str) -> bool:
    return parse_number(cell.replace(" ", "")) is not None


def _split_header(table: list[list[str]]) -> tuple[list[list[str]], list[list[str]]]:
    for i, row in enumerate(table):
        cells = [c for c in row[1:] if c.strip()]
        if any(_is_value(c) for c in cells) and not all(_YEAR_CELL.match(c) for c in cells):
            return table[:i], table[i:]
    return table, []


def table_facts(
    tables: list[list[list[str]]], *, published: date | None, home: Home | None = None
) -> list[dict[str, Any]]:
    """Facts of every table (evidence is "row label | column header: cell"; no offsets)."""
    facts: list[dict[str, Any]] = []
    for table in tables:
        try:
            facts.extend(read_table(table, published, home or Home()))
        except (IndexError, ValueError) as exc:  # malformed rows: skip the table, keep the article
            logger.warning("skipping a malformed table (%s); check the HTML table reader", exc)
    return facts


def read_table(
    table: list[list[str]],
    published: date | None,
    home: Home,
    spans: Spans | None = None,
    context: str = "",
) -> list[dict[str, Any]]:
    """Facts of one table. ``spans``: where the cells lie in the text (a flattened table), so
    that each fact gets offsets; ``context``: text just before the table, which names the
    indicator when the table's own title does not ("Chỉ số sản xuất công nghiệp như sau:")."""
    rows = [(i, [c or "" for c in row]) for i, row in enumerate(table) if row]
    header, body = _split_header([row for _, row in rows])
    index_of = [i for i, _ in rows][len(header) :]
    # A header row with one filled cell is a title or a note ("Đơn vị tính: Tỷ đồng").
    titles = [r for r in header if sum(bool(c.strip()) for c in r) <= 1]
    grid = [r for r in header if r not in titles]
    width = max((len(r) for r in table), default=0)
    headers = [" ".join(r[j] for r in grid if j < len(r)).strip() for j in range(width)]
    title_text = " ".join(" ".join(r) for r in header)
    base = base_note(title_text)
    indexed = sum(bool(r and _ROW_INDEX.match(r[0])) for r in body) * 2 > len(body)
    label_col = 1 if width > 2 and (_INDEX_HEADER.match(headers[0]) or indexed) else 0
    unit_col = _unit_col(headers, label_col)
    columns = read_columns(headers, {0, label_col, unit_col or 0}, published, base)
    default = table_unit(title_text)
    if default[0] is None and label_col < len(headers):
        parens = PARENS.search(headers[label_col])  # "Chỉ tiêu (tỷ đồng)"
        default = unit_of(parens.group(1)) if parens else default
    indicator, _ = _label_keys(title_text)
    if indicator is None and context:
        indicator, _ = _label_keys(context)
    state = State(published=published)
    facts: list[dict[str, Any]] = []
    sector_rank: float | None = None  # the outline depth of the last sector row
    for n, row in enumerate(body):
        label, rank, values = _row_parts(row, columns)
        row_indicator, sector = _label_keys(label)
        if row_indicator == INDUSTRY and indicator not in (None, "other"):
            row_indicator = None  # "Toàn ngành công nghiệp": the whole of the table's indicator
        area, is_place = _row_area(label, home)
        if not values:
            note = table_unit(" ".join(row))
            default = note if note[0] else default  # a unit row between sections
            if row_indicator and not is_place:  # "I. Giá trị sản xuất công nghiệp" over its rows
                indicator, sector_rank = row_indicator, None
            continue
        if row_indicator and not is_place:
            indicator, sector_rank = row_indicator, None
        elif sector is not None:
            if sector_rank is not None and rank is not None and rank > sector_rank:
                continue  # "+ Doanh nghiệp chế biến gỗ" under "b) Chế biến": part of a sector
            sector_rank = rank
        elif not is_place and (rank is not None or not _TOTAL_ROW.match(label)):
            continue  # a breakdown the contract has no key for, never the total
        unit, scale = _row_unit(row, unit_col, label, default)
        for j, value in values.items():
            col = columns[j]
            u, s = (col.unit, col.scale) if col.unit else (unit, scale)
            fact = _fact(indicator, sector, col, value, u, s, state)
            if not fact:
                continue
            fact["area"] = area
            fact["evidence"] = f"{label} | {col.header}: {row[j].strip()}"
            if spans is not None:
                at = index_of[n]
                first, last = spans.get((at, label_col), spans.get((at, 0))), spans.get((at, j))
                if first and last:
                    fact["start"], fact["end"] = first[0], last[1]
            facts.append(fact)
    return facts


def _row_area(label: str, home: Home) -> tuple[str | None, bool]:
    """(area, is a place?) of a row label: "Huyện Đại Từ", "TP. Sông Công", "Bắc Giang" are
    places; "Toàn tỉnh" is the home province (no area); anything else is no place."""
    places = find_places(label, 0, len(label), home)
    if not places or places[0].start > 4 or places[0].key == "anaphor":
        return home.default_area, False
    return places[0].groups["area"], places[0].key not in ("home", "homeref")


def _rank(marker: str) -> float:
    """Outline depth of a row marker, the Vietnamese report order: I, A, 1, 1.1, a, -, +, *.
    Capital letters are the sections of the industry classification ("B. Khai khoáng", "C.
    Công nghiệp chế biến, chế tạo"), above its numbered divisions ("05. Khai thác than")."""
    m = marker.strip().rstrip(".)")
    if m in _BULLETS:
        return _BULLETS[m]
    if _ROMAN.fullmatch(m):
        return 0
    if len(m) == 1 and m.isupper():
        return 0.5
    return 1 if m.isdigit() else 2 if m[:1].isdigit() else 3


def _number(cell: str) -> float | None:
    """A cell's number; "-2,1" in a "Tăng/giảm (%)" column is negative."""
    text = cell.strip().replace("\u2212", "-")
    sign = -1.0 if len(text) > 1 and text[0] in "-–" else 1.0
    value = parse_number(text.lstrip("-–+ ") if sign < 0 or text[:1] == "+" else text)
    return None if value is None else sign * value


def _row_parts(row: list[str], columns: dict[int, Column]) -> tuple[str, float | None, dict]:
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
        if measure == "change" and not col.signed and value < INDEX_FLOOR:
            return None  # no index ("11" where 111,35 was cut off): not a figure of the column
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
