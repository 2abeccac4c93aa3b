"""Table columns: period, status and measure read from each column's header.

Typical statistics-office layout: "Chỉ tiêu | ĐVT | Thực hiện tháng 9/2024 | Ước tháng 10/2024 |
Cộng dồn 10 tháng | So với cùng kỳ (%)". Yearbooks head index columns with a ratio of years
("2015/2014": 2015 against 2014) or state the base once for the whole table ("Năm trước = 100",
"Cùng kỳ năm trước = 100"): their cells are indexes, 109,70 = +9,70 against that base. Used by
``tables.py``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise

from pipelines.indicators.figures import find_figures
from pipelines.indicators.measures import running
from pipelines.indicators.periods import Period, classify_basis, parse_period, year_period

logger = logging.getLogger(__name__)

_I = re.IGNORECASE
UNIT_HEADER = re.compile(r"đơn vị|đvt", _I)
# "Đơn vị tính: tỷ đồng" in a title or header row: the unit of every value of the table.
_UNIT_NOTE = re.compile(r"(?:đơn vị(?: tính)?|đvt)\s*[:.]?\s*([^;|()]+)", _I)
_ESTIMATE = re.compile(
    r"(?<!\w)(?:ước|dự ước|dự tính|sơ bộ|prel\.?|preliminary|estimated?)(?!\w)", _I
)
_TARGET = re.compile(r"(?<!\w)(?:kế hoạch|KH|dự kiến|mục tiêu|chỉ tiêu)(?!\w)", _I)
_COMPARE = re.compile(r"(?<!\w)(?:so với|so sánh|so|cùng kỳ|tốc độ tăng|tăng|giảm)(?!\w)", _I)
_SIGNED = re.compile(r"(?<!\w)(?:tăng|giảm|tốc độ tăng)(?!\w)", _I)
# "2015/2014", "2015 so với 2014", "Năm 2024 so với năm 2023": an index of one year on another.
_YEAR_RATIO = re.compile(
    r"(?<!\d)((?:19|20)\d\d)\s*(?:/|so với|so)\s*(?:năm\s+)?((?:19|20)\d\d)(?!\d)", _I
)
# A bare year heading ("2014", "Sơ bộ 2016", "Prel. 2016").
_YEAR = re.compile(r"(?<![\d/])((?:19|20)\d\d)(?![\d/])")
# The base of every index in the table, stated once ("Năm trước = 100", "Previous year = 100").
_BASE_NOTE = re.compile(
    r"(?P<base>(?:năm|tháng|quý|kỳ) trước|cùng kỳ(?: năm trước)?|previous (?:year|month|quarter)"
    r"|same period(?: (?:of|in) (?:the )?previous year)?)\s*=\s*100",
    _I,
)
PARENS = re.compile(r"\(([^)]*)\)")


@dataclass(frozen=True)
class Column:
    header: str
    period: Period | None
    status: str
    measure: str  # level, change or plan_progress
    basis: str | None
    signed: bool  # "Tăng/giảm (%)": the value is already the change
    unit: str | None = None  # "Cộng dồn 10 tháng (tỷ đồng)": the column's own unit
    scale: float = 1.0


def unit_of(text: str) -> tuple[str | None, float]:
    """("VND", 1e9) for "Tỷ đồng", ("percent", 1) for "%"; read by the figure recogniser."""
    figures = find_figures("1 " + text.strip().lower().lstrip("(").rstrip(")"))
    if figures and figures[0].unit:
        return figures[0].unit, figures[0].value
    return None, 1.0


def table_unit(header_text: str) -> tuple[str | None, float]:
    """The unit a note above or in the header gives the whole table ("ĐVT: Tỷ đồng")."""
    note = _UNIT_NOTE.search(header_text)
    return unit_of(note.group(1)) if note else (None, 1.0)


def base_note(text: str) -> str | None:
    """The basis every index of the table is against ("Năm trước = 100" -> "yoy"), or None."""
    note = _BASE_NOTE.search(text)
    if note is None:
        return None
    base = note.group("base").lower()
    return (
        "prev_period"
        if base.startswith(("tháng", "quý", "kỳ", "previous m", "previous q"))
        else "yoy"
    )


def _column(
    header: str, previous: Column | None, published: date | None, base: str | None = None
) -> Column:
    # A column without a period of its own ("So với cùng kỳ (%)") is about the one before it.
    ratio = _YEAR_RATIO.search(header)
    year = _YEAR.search(header)
    period = (
        (year_period(int(ratio.group(1))) if ratio else None)
        or parse_period(header, published=published)
        or (year_period(int(year.group(1))) if year else None)
        or (previous.period if previous else None)
    )
    status = "estimate" if _ESTIMATE.search(header) else "actual"
    if ratio:
        basis = "yoy" if int(ratio.group(2)) == int(ratio.group(1)) - 1 else "other"
        return Column(header, period, status, "change", basis, False)
    parens = [unit_of(p) for p in PARENS.findall(header)]
    unit, scale = next(((u, s) for u, s in parens if u and u != "percent"), (None, 1.0))
    if _COMPARE.search(header) and _TARGET.search(header):
        return Column(header, period, status, "plan_progress", None, False)
    if _TARGET.search(header):
        status = "target"
    compare = _COMPARE.search(header)
    if compare:
        # the base is what follows "so với" ("Năm 2015 so với năm 2014"), not the column's period
        stated = header[compare.start() :]
        basis = classify_basis(stated, period, published) if "so" in stated.lower() else "yoy"
        return Column(header, period, status, "change", basis, bool(_SIGNED.search(header)))
    if base is not None and unit is None:
        return Column(header, period, status, "change", base, False)  # "Năm trước = 100"
    return Column(header, period, status, "level", None, False, unit, scale)


def _covers_estimate(col: Column, columns: list[Column]) -> bool:
    """ "Cộng dồn 10 tháng" beside "Ước tháng 10": a total that includes an estimated month is
    itself an estimate."""
    return col.period is not None and any(
        o.status == "estimate" and o.period is not None and col.period.contains(o.period)
        for o in columns
        if o is not col
    )


def read_columns(
    headers: list[str], skip: set[int], published: date | None, base: str | None = None
) -> dict[int, Column]:
    """Column index -> Column for every value column (``skip``: label and unit columns;
    ``base``: the basis a "Năm trước = 100" note gives every index column)."""
    columns: dict[int, Column] = {}
    previous: Column | None = None
    for j, text in enumerate(headers):
        if j in skip or not text:
            continue
        columns[j] = previous = _column(text, previous, published, base)
    for j, col in columns.items():
        if col.status == "actual" and (
            _covers_estimate(col, list(columns.values())) or running(col.period, published)
        ):
            columns[j] = replace(col, status="estimate")
    # A comparison ("So với cùng kỳ (%)") has the status of the column it compares, known only
    # now that cumulative columns are settled.
    ordered = sorted(columns)
    for a, b in pairwise(ordered):
        col, prev = columns[b], columns[a]
        if (
            col.measure != "level"
            and col.period == prev.period
            and not _ESTIMATE.search(col.header)
        ):
            columns[b] = replace(col, status=prev.status)
    return columns
