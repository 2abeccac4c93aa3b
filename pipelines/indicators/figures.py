"""The figure recogniser: number + magnitude + unit, the cue and qualifier to its left, and a
plan or comparison tail to its right ("vượt 4,44% kế hoạch", "tăng 6% so với cùng kỳ").

Figures know nothing of indicators; ``attach.py`` decides what they measure.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from pipelines.indicators import lexicon as lx
from pipelines.indicators.numbers import NUMBER_RE, parse_number

logger = logging.getLogger(__name__)

_LEFT_WINDOW = 48  # chars: the longest cue + qualifier ("chiếm tỷ trọng khoảng") fits
# chars: "cao hơn so với cùng kỳ năm trước khoảng " and room for spacing.
_COMPARE_WINDOW = 64
_SPACES = re.compile(r"[ \t\u00a0]*")
_AFTER_MAGNITUDE = re.compile(r"\.?[ \t\u00a0]*")  # "Tr.USD": the abbreviation's dot


@dataclass(frozen=True)
class Figure:
    start: int  # qualifier or number start: mentions after this belong to the figure
    number_start: int
    end: int  # after the unit and any tail
    cue_start: int  # where the evidence may begin when no subject is near
    value: float  # the number times its magnitude
    unit: str | None  # VND, USD, percent, kWh, ton, m3, points, count or None
    magnitude: bool  # a magnitude word was present ("252,4 tỷ" has no currency)
    cue: str | None  # up, down, over, share, reach, level or None
    cue_text: str
    qualifier: str | None  # over, under, about
    plan: bool  # followed by "kế hoạch": progress against the plan
    basis_text: str | None  # the "so với ..." tail, if any


def _named(match: re.Match[str], skip: tuple[str, ...]) -> str | None:
    for name, value in match.groupdict().items():
        if value is not None and name not in skip:
            return name.rsplit("_", 1)[0]
    return None


def _unit_at(text: str, pos: int) -> tuple[str | None, bool, float, int]:
    """(unit, magnitude?, multiplier, end) of the words right after a number."""
    multiplier, has_magnitude = 1.0, False
    at = _SPACES.match(text, pos).end()  # type: ignore[union-attr]
    magnitude = lx.MAGNITUDE_RE.match(text, at)
    if magnitude:
        has_magnitude = True
        multiplier = lx.MAGNITUDE_VALUES[int((magnitude.lastgroup or "m0_0").split("_")[0][1:])]
        pos = magnitude.end()
        at = _AFTER_MAGNITUDE.match(text, pos).end()  # type: ignore[union-attr]
    if text.startswith("%", at) or text.startswith("%", pos):
        return "percent", has_magnitude, multiplier, text.index("%", pos) + 1
    unit = lx.UNIT_RE.match(text, at)
    if unit:
        return lx.key_of(unit), has_magnitude, multiplier, unit.end()
    return None, has_magnitude, multiplier, pos


def _figure(text: str, match: re.Match[str]) -> Figure | None:
    number = parse_number(match.group(0))
    if number is None:
        return None
    unit, has_magnitude, multiplier, end = _unit_at(text, match.end())
    left_from = max(0, match.start() - _LEFT_WINDOW)
    left = lx.LEFT_RE.search(text[left_from : match.start()])
    cue = qualifier = None
    cue_text = ""
    start = cue_start = match.start()
    compared = None if left and left.group("cue") else _comparative(text, match.start())
    if compared:
        left = compared
        cue, cue_text = ("up" if compared.group("cmpup") else "down"), compared.group(0)
        start = cue_start = max(0, match.start() - _COMPARE_WINDOW) + compared.start()
    elif left and left.group("cue"):
        cue, cue_text = _named(left, ("cue", "qual")), left.group("cue")
        cue_start = left_from + left.start("cue")
    if left and left.group("qual"):
        qualifier = _qual_key(left)
        # A comparative's figure starts at the comparative: the base inside it ("tháng 8")
        # is part of the figure, never a new period for the text.
        start = start if compared else left_from + left.start("qual")
        cue_start = min(cue_start, start)
    if unit != "percent" and lx.PER_UNIT_RE.match(text, end):
        unit = "count"  # "1,8 tỷ USD mỗi tháng": a pace, not a level
    if unit == "percent":
        per_year = lx.PER_YEAR_RE.match(text, end)
        end = per_year.end() if per_year else end
        if lx.PLACES_SHARE_RE.match(text, end):
            unit = "count"  # "100% số xã": a share of communes, not a rate of households
    plan, basis_text = False, (compared.group("base") if compared else None)
    plan_match = lx.PLAN_TAIL_RE.match(text, end) if unit in ("percent", None) else None
    if plan_match and not compared:
        plan, end = True, plan_match.end()
    elif not compared:  # a comparative already stated its base
        basis = lx.BASIS_TAIL_RE.match(text, end)
        if basis:
            basis_text, end = basis.group("basis"), basis.end()
        elif unit == "percent" and cue is None and lx.SHARE_TAIL_RE.match(text, end):
            cue = "share"  # "xấp xỉ 89,1% giá trị sản xuất toàn ngành": a part of that whole
    return Figure(
        start,
        match.start(),
        end,
        cue_start,
        number * multiplier,
        unit,
        has_magnitude,
        cue,
        cue_text,
        qualifier or None,
        plan,
        basis_text,
    )


def _comparative(text: str, number_start: int) -> re.Match[str] | None:
    """ "cao hơn tháng trước khoảng 3,1%" ending at the number (offsets from the window)."""
    return lx.COMPARE_RE.search(text[max(0, number_start - _COMPARE_WINDOW) : number_start])


def _qual_key(left: re.Match[str]) -> str | None:
    for name, value in left.groupdict().items():
        if value is not None and name.startswith("q") and name not in ("qual",):
            key = name.rsplit("_", 1)[0][1:]
            return None if key == "none" else key
    return None


def find_figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Every figure in ``text[start:end]``, in text order (offsets into ``text``)."""
    found: list[Figure] = []
    for match in NUMBER_RE.finditer(text, start, len(text) if end is None else end):
        figure = _figure(text, match)
        if figure is not None:
            found.append(figure)
    return found
