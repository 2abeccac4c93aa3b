"""Period labels of the indicator contract as date ranges, so that periods can be compared in SQL.

The contract's labels ("2024", "2024-Q1", "2021-10", "2021-01..2021-10", "2021..2030") are strings
that do not sort or compare sensibly ("2024-Q1" < "2024-03" as text). Each fact also stores the
first and last day its period covers (``indicators.period_start`` / ``period_end``), and a range
filter becomes "the fact's period lies within [start of FROM, end of TO]".
"""

from __future__ import annotations

import calendar
import re
from datetime import date

# One end of a period: a year, a quarter, a half-year or a month. Half-years ("2024-H1") are not in
# the contract but cost nothing and read naturally on a command line.
_PART = re.compile(r"(?P<y>\d{4})(?:-(?:Q(?P<q>[1-4])|H(?P<h>[12])|(?P<m>0[1-9]|1[0-2])))?")


def _part_bounds(text: str) -> tuple[date, date] | None:
    match = _PART.fullmatch(text.strip())
    if match is None:
        return None
    year = int(match["y"])
    if year < 1:
        return None
    if match["q"]:
        first = (int(match["q"]) - 1) * 3 + 1
        last = first + 2
    elif match["h"]:
        first = 1 if match["h"] == "1" else 7
        last = first + 5
    elif match["m"]:
        first = last = int(match["m"])
    else:
        first, last = 1, 12
    return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])


def period_bounds(period: str | None) -> tuple[date | None, date | None]:
    """The first and last day of a contract period label; ``(None, None)`` when it is not one.

    >>> period_bounds("2024-Q1")
    (datetime.date(2024, 1, 1), datetime.date(2024, 3, 31))
    >>> period_bounds("2021-01..2021-10")
    (datetime.date(2021, 1, 1), datetime.date(2021, 10, 31))
    """
    if not period or len(period) > 40:
        return None, None
    first, sep, last = period.partition("..")
    start = _part_bounds(first)
    end = _part_bounds(last) if sep else start
    if start is None or end is None or start[0] > end[1]:
        return None, None
    return start[0], end[1]


def parse_period_filter(period: str) -> tuple[date, date]:
    """Bounds of a period given by a user as a filter; a clear ValueError when it is not one."""
    start, end = period_bounds(period)
    if start is None or end is None:
        shown = period if len(period) <= 60 else period[:57] + "..."
        raise ValueError(
            f"not a period: {shown!r}; write a year (2024), a quarter (2024-Q1), a month "
            "(2024-03), a half-year (2024-H1) or a range (2024-01..2024-06)"
        )
    return start, end


def period_sort_key(period: str | None) -> tuple[int, int, str]:
    """Order periods in time: by end, then the shorter first (March, then Q1, then the year)."""
    start, end = period_bounds(period)
    if start is None or end is None:
        return (date.max.toordinal(), 0, period or "")
    return (end.toordinal(), -start.toordinal(), period or "")


def period_kind(period: str | None) -> str:
    """'year', 'quarter', 'month', 'ytd' (months from January), 'months', 'years' or 'other'."""
    start, end = period_bounds(period)
    if start is None or end is None or period is None:
        return "other"
    if ".." not in period:
        if "-Q" in period:
            return "quarter"
        if "-H" in period:
            return "half"
        return "month" if "-" in period else "year"
    if all(len(part) == 4 for part in period.split("..")):
        return "years"
    return "ytd" if start.month == 1 and start.year == end.year else "months"
