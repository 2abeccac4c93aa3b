"""Periods: parse period phrases into the contract's labels and compare them.

A period is a closed range of months (``first``..``last`` as ``year * 12 + month - 1``) plus the
label the contract wants ("2024", "2024-Q1", "2021-10", "2021-01..2021-10", "2021..2030").
A missing year comes from the period already in force in the article, else from the article's
date (rolled back a year when the month would otherwise lie after the publication).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import date

from pipelines.indicators.lexicon import BASIS_WORDS_RE, find_periods

logger = logging.getLogger(__name__)

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_WORDS = ["một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"]
MONTH_WORDS = {w: i + 1 for i, w in enumerate(_WORDS)} | {"mười một": 11, "mười hai": 12}


# A span of years without "giai đoạn" ("2021-2025") is read only up to this length.
MAX_SPAN_YEARS = 30
# A year this far after the article's is a typo ("2108" for 2018), not a horizon ("đến năm 2050").
MAX_YEARS_AHEAD = 40


def plausible_year(year: int, published: date | None) -> int | None:
    """``year``, or the year it is a typo of: two digits swapped ("2108" -> 2018, "2012" stays)
    when the written year lies implausibly far after the article. None when no reading fits."""
    if published is None or year <= published.year + MAX_YEARS_AHEAD:
        return year
    digits = str(year)
    candidates = {
        int(digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :])
        for i in range(len(digits) - 1)
    }
    fits = [y for y in candidates if published.year - 30 <= y <= published.year + 1]
    if not fits:
        logger.debug("year %d is implausible for an article of %s; ignored", year, published)
        return None
    return min(fits, key=lambda y: abs(y - published.year))


def _plausible(groups: dict[str, str | None], published: date | None) -> dict[str, str | None]:
    if published is None or not any(groups.get(k) for k in ("y", "y1", "y2")):
        return groups
    fixed = dict(groups)
    for key in ("y", "y1", "y2"):
        if fixed.get(key):
            year = plausible_year(int(fixed[key] or 0), published)
            fixed[key] = str(year) if year is not None else None
    return fixed


def _count(text: str | None) -> int:
    text = " ".join((text or "").lower().split())
    return int(text) if text.isdigit() else MONTH_WORDS.get(text, 0)


@dataclass(frozen=True)
class Period:
    label: str
    first: int
    last: int
    # "tính đến hết tháng 4": January to April for a flow, but a stock (a rate) is as of April
    as_of: int | None = None

    @property
    def year(self) -> int:
        return self.last // 12

    def contains(self, other: Period) -> bool:
        return self.first <= other.first and other.last <= self.last


def _month_label(index: int) -> str:
    return f"{index // 12}-{index % 12 + 1:02d}"


def months(first: int, last: int) -> Period:
    """The period covering months ``first``..``last``, labelled the contract's way."""
    y1, y2 = first // 12, last // 12
    if first == last:
        return Period(_month_label(first), first, last)
    if first % 12 == 0 and last % 12 == 11:
        label = str(y1) if y1 == y2 else f"{y1}..{y2}"
        return Period(label, first, last)
    if y1 == y2 and first % 3 == 0 and last == first + 2:
        return Period(f"{y1}-Q{first % 12 // 3 + 1}", first, last)
    return Period(f"{_month_label(first)}..{_month_label(last)}", first, last)


_LABEL_PART = re.compile(r"(\d{4})(?:-(?:Q([1-4])|(0[1-9]|1[0-2])))?")


def _label_part(text: str) -> tuple[int, int] | None:
    m = _LABEL_PART.fullmatch(text)
    if m is None:
        return None
    year = int(m.group(1))
    if m.group(2):
        first = year * 12 + 3 * (int(m.group(2)) - 1)
        return first, first + 2
    if m.group(3):
        return (year * 12 + int(m.group(3)) - 1,) * 2
    return year * 12, year * 12 + 11


def label_months(label: str) -> tuple[int, int] | None:
    """The months a contract label covers ("2024-Q1" -> the same as "2024-01..2024-03")."""
    first, sep, last = label.strip().partition("..")
    a = _label_part(first)
    b = _label_part(last) if sep else a
    if a is None or b is None or a[0] > b[1]:
        return None
    return a[0], b[1]


def year_period(year: int) -> Period:
    return months(year * 12, year * 12 + 11)


def _year(
    groups: dict[str, str | None], state: Period | None, published: date | None
) -> int | None:
    if groups.get("y"):
        return int(groups["y"] or 0)
    if state is not None:
        return state.year
    return published.year if published else None


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _rollback(first: int, explicit: bool, published: date | None) -> int:
    """A month stated without a year that would lie after the article's date is last year's."""
    if explicit or published is None:
        return 0
    return 12 if first > published.year * 12 + published.month - 1 else 0


def resolve_period(
    kind: str, groups: dict[str, str | None], state: Period | None, published: date | None
) -> Period | None:
    """The period a matched phrase denotes (None when it cannot be placed in time)."""
    groups = _plausible(groups, published)
    explicit = bool(groups.get("y"))
    if kind in ("span", "span_bare"):
        y1, y2 = int(groups.get("y1") or 0), int(groups.get("y2") or 0)
        if kind == "span_bare" and not 1 <= y2 - y1 <= MAX_SPAN_YEARS:
            return None  # "2019-2019", "1990-2030": not a plan or review span
        return months(y1 * 12, y2 * 12 + 11) if 1900 < y1 <= y2 < 2200 else None
    if kind in ("year", "horizon"):
        return year_period(int(groups.get("y") or 0)) if groups.get("y") else None
    if kind == "ytd":
        # January to the month in force ("lũy kế từ đầu năm" after "tháng 10"), else to the
        # month before the article's
        if state is not None and state.last % 12 != 11:
            return months(state.year * 12, state.last)
        if published is not None and published.month > 1:
            return months(published.year * 12, published.year * 12 + published.month - 2)
        return state
    if kind == "last_year":
        # "năm qua" written in the first half of a year is about the year before (seed 002).
        if published is None:
            return state
        return year_period(published.year - 1 if published.month <= 6 else published.year)
    if kind == "same_period":
        base_year = int(groups.get("y") or 0)
        if state is None or not 1900 < base_year < 2200:
            return year_period(base_year) if 1900 < base_year < 2200 else None
        shift = (base_year - state.year) * 12
        return months(state.first + shift, state.last + shift)
    if kind == "now":
        # the review the sentence is in (this year's, or one just ended: "Đến nay" in a
        # January review of last year), else the article's year
        if (
            state is not None
            and published is not None
            and (state.year == published.year or _month_index(published) - state.last <= 2)
        ):
            return state
        return year_period(published.year) if published else state
    if kind == "this_year":
        return year_period(published.year) if published else state
    if kind in ("context_year", "plan_year"):
        year = state.year if state else (published.year if published else None)
        return year_period(year) if year else None
    if kind == "remaining":
        if state is None or state.last % 12 == 11:
            # After a whole year nothing remains, unless the article is written inside it.
            if state and published and published.year == state.year and published.month > 1:
                return months(published.year * 12 + published.month - 1, published.year * 12 + 11)
            return None
        return months(state.last + 1, state.year * 12 + 11)
    year = _year(groups, state if not explicit else None, published)
    if year is None:
        return None
    if kind == "months":
        n = _count(groups["n"])
        if not 2 <= n <= 12:
            return None  # "một tháng", "1 tháng": a length of time ("tháng 1" is January)
        if groups.get("pos") == "cuối":
            first, last = year * 12 + 12 - n, year * 12 + 11
        else:
            first, last = year * 12, year * 12 + n - 1
        return months(first, last)
    if kind == "to_month":
        m = int(groups["m"] or 0)
        if not 1 <= m <= 12:
            return None
        last = year * 12 + m - 1
        last -= _rollback(last, explicit or state is not None, published)
        return replace(months(last - m + 1, last), as_of=last)
    if kind == "month":
        m = int(groups["m"] or 0)
        if not 1 <= m <= 12:
            return None
        index = year * 12 + m - 1
        index -= _rollback(index, explicit or state is not None, published)
        return months(index, index)
    if kind == "quarter":
        q = groups["q"] or ""
        n = _ROMAN.get(q.upper(), int(q) if q.isdigit() else 0)
        first = year * 12 + 3 * (n - 1)
        first -= _rollback(first, explicit or state is not None, published)
        return months(first, first + 2)
    return None


def parse_period(
    text: str, *, state: Period | None = None, published: date | None = None
) -> Period | None:
    """The first period stated in ``text`` (a convenience for tables and tests)."""
    for mention in find_periods(text):
        period = resolve_period(mention.key, mention.groups, state, published)
        if period is not None:
            return period
    return None


def classify_basis(text: str, period: Period | None, published: date | None) -> str:
    """yoy / prev_period / other for a comparison phrase ("so với tháng 9/2021")."""
    word = BASIS_WORDS_RE.search(text)
    if word:
        return (word.lastgroup or "other").rsplit("_", 1)[0]
    base = parse_period(text, state=period, published=published)
    if base is None or period is None:
        return "other"
    length = period.last - period.first
    if base.last - base.first == length:
        if base.first == period.first - 12:
            return "yoy"
        if base.last == period.first - 1:
            return "prev_period"
    return "other"
