"""Places in the reading of a sentence: which figures a place named in it is the area of.

Split out of ``attach.py``. The subject of a clause ("Tại huyện Phú Bình, ...", "IIP của cả
nước ...", "Bắc Giang (20%)") gives its area to the figures after it, to the sentence's end (and
the paragraph's when it opens it); places named together ("Thành phố Bắc Kạn và huyện Chợ Mới có
...") each get the figure; a place in the middle of a clause ("cao hơn mức tăng chung của cả nước
(5%)") or right after a figure ("8,65% của cả nước") only reaches that figure; a rank ("đứng thứ
3 cả nước") or a market ("xuất khẩu sang ...") names no area. Which places exist and how they are
written: ``areas.py``.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from pipelines.indicators.apply import CLAUSE_BREAK
from pipelines.indicators.areas import NATION_AREA
from pipelines.indicators.figures import Figure
from pipelines.indicators.lexicon import Mention
from pipelines.indicators.measures import State
from pipelines.provinces import canonical_province, current_province
from pipelines.vocab import places as pl

# Between the whole a share is of and the place it is taken in ("kim ngạch xuất khẩu của cả nước").
PLACE_OF_WHOLE = re.compile(r"\s*(?:(?:của|trong|toàn|trên)\s+)?", re.IGNORECASE)
_COORDINATION = re.compile(r"\s*(?:,\s*(?:và\s+)?|và\s+|cùng\s+)", re.IGNORECASE)
_AFTER_FIGURE = re.compile(pl.AFTER_FIGURE, re.IGNORECASE)
_CLAUSE_START = re.compile(r"[,;:(\n–]")
_TOPIC_LEAD = re.compile(r"\s*" + pl.TOPIC_LEAD + r"(?:tỉnh\s+)?", re.IGNORECASE)
_SUBJECT_LINK = re.compile(r"\s*" + pl.SUBJECT_LINK, re.IGNORECASE)
_NOT_AN_AREA = re.compile(f"(?:{pl.RANK_BEFORE})|(?:{pl.MARKET_BEFORE})")


def apply_place(events: list[Any], i: int, text: str, start: int, st: State) -> None:
    """A place named in the sentence: the subject of a clause ("Tại huyện Phú Bình, ...", "IIP
    của cả nước ...", "Bắc Giang (20%)") sets the area of the figures after it to the sentence's
    end, and to the paragraph's end when it opens the paragraph; a place in the middle of a
    clause ("cao hơn mức tăng chung của cả nước (5%)") only reaches the next figure in it. A rank
    ("đứng thứ 3 cả nước") or a market ("xuất khẩu sang Bắc Giang") names no area."""
    place = events[i]
    area = place.groups["area"]
    if place.key == "province" and area is not None:
        st.named_province = area
    elif st.named_province and (
        place.key == "homeref" or (place.key == "home" and st.home.province is None)
    ):
        # "Trong khi đó, công nghiệp của Bắc Ninh ... chỉ số IIP của tỉnh ...": "the province"
        # is the one the paragraph has just named, not the article's.
        area = st.named_province
    elif place.key == "anaphor":
        area = st.last_area  # "khu vực này"
    window = text[max(start, place.start - 40) : place.start]
    if _NOT_AN_AREA.search(window):
        return
    clause = start
    for match in _CLAUSE_START.finditer(text, start, place.start):
        clause = match.end()
    # The subject just before, periods and status words between ("kim ngạch xuất khẩu quý I
    # của Thái Nguyên", "IIP tháng 6 ước tính của cả nước").
    j = i - 1
    while j >= 0 and isinstance(events[j], Mention) and events[j].kind in ("period", "status"):
        j -= 1
    prev = events[j] if j >= 0 else None
    linked = (
        isinstance(prev, Mention)
        and prev.kind in ("indicator", "sector", "other", "place")
        and prev.start >= clause
        and _SUBJECT_LINK.fullmatch(_gaps(events, j, i, text), 0) is not None
    )
    topic = _TOPIC_LEAD.fullmatch(text, clause, place.start) is not None
    if not (linked or topic) and st.area_group and i > 0:
        # "Huyện Cao Lộc, TP. Lạng Sơn có ...": the second of places named together
        prev = events[i - 1]
        topic = isinstance(prev, Mention) and prev.kind == "place"
        topic = topic and _COORDINATION.fullmatch(text, prev.end, place.start) is not None
    if not (linked or topic):
        st.area_once = (area, place.end)
        return
    together = (
        i > 0
        and isinstance(events[i - 1], Mention)
        and events[i - 1].kind == "place"
        and _COORDINATION.fullmatch(text, events[i - 1].end, place.start) is not None
        and st.area_group
    )
    st.area_group = [*st.area_group, area] if together else [area]
    if st.subject_seen and not inside(area, st) and area != st.area and st.status == "estimate":
        # "ước tăng 15,7%, trong khi IIP của cả nước chỉ tăng 6,18%": another place's figure
        # does not take the province's status word
        st.status = None
    st.area, st.area_once = area, None
    if topic and (clause == start or together) and st.paragraph_sentence == 0:
        st.paragraph_area = area


def denominator_place(event: Any, facts: list[dict[str, Any]], st: State) -> None:
    """A share of a smaller place's whole ("ngành công nghiệp chiếm 67,6% GRDP của Bắc Ninh") is
    that place's; of the country's ("chiếm 3,5% kim ngạch xuất khẩu cả nước"), the subject's."""
    if not isinstance(event, Mention) or event.kind != "place" or not facts:
        return
    area, last = event.groups["area"], facts[-1]
    smaller = event.key in ("province", "unit", "park") and area is not None
    if smaller and last["measure"] == "share" and last["area"] == st.area == st.home.default_area:
        last["area"] = area
        if event.key == "province":
            st.named_province = area


def _gaps(events: list[Any], j: int, i: int, text: str) -> str:
    """The text between events ``j`` and ``i`` without the events in between."""
    return " ".join(text[a.end : b.start] for a, b in pairwise(events[j : i + 1]))


def place_after(events: list[Any], i: int, text: str) -> str | None:
    """A place named right after a figure, "của" or "ở" between ("tăng 8,65% ước tính của cả
    nước"): the place the figure is about."""
    fig = events[i]
    nxt = events[i + 1] if i + 1 < len(events) else None
    if not isinstance(nxt, Mention) or nxt.kind == "status":
        nxt = events[i + 2] if nxt is not None and i + 2 < len(events) else None
    if not isinstance(nxt, Mention) or nxt.kind != "place" or nxt.key in ("home", "homeref"):
        return None
    area = nxt.groups["area"]
    if area is None or fig.cue == "share":  # "chiếm 5% của cả nước": the whole's place
        return None
    return area if _AFTER_FIGURE.fullmatch(text[fig.end : nxt.start] + " ") else None


def fact_area(fig: Figure, st: State, text: str) -> str | None:
    """The area of a figure: a place just before it in its clause, else the one in force."""
    if st.area_once is not None:
        area, at = st.area_once
        st.area_once = None
        if not CLAUSE_BREAK.search(text, at, fig.number_start):
            st.last_area = area or st.last_area
            return area
    st.last_area = st.area or st.last_area
    return st.area


def inside(area: str | None, st: State) -> bool:
    """Whether an area lies inside the article's province (a district, a commune, a park, a
    province merged into it: "Bắc Kạn (cũ)" in Thái Nguyên after 2025), not another province or
    the country."""
    if area is None or area == NATION_AREA:
        return False
    province = canonical_province(area)
    return province is None or (
        st.home.province is not None and current_province(province) == st.home.province
    )


def fact_area_peek(st: State) -> str | None:
    return st.area_once[0] if st.area_once is not None else st.area
