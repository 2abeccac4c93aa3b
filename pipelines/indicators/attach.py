"""Attach figures to indicators: one left-to-right pass over a sentence's mentions and figures.

Each figure takes the indicator, sector, period, status and basis in force at its position;
mentions update that state as they are read (``apply.py``). A sector list after a total
("Trong đó, khai khoáng tăng 6,9%; chế biến tăng 6,6%") therefore inherits the total's
indicator, period, basis and status, and an item with its own status word keeps it.
"""

from __future__ import annotations

import logging
import re
from itertools import pairwise
from typing import Any

from pipelines.indicators.apply import (
    CLAUSE_BREAK,
    HOUSEHOLD,
    HOUSEHOLD_AFTER,
    OUTPUT,
    OUTPUT_BARE,
    TRADE_BARE,
    apply_mention,
    base_period,
)
from pipelines.indicators.areas import NATION_AREA
from pipelines.indicators.events import prepare
from pipelines.indicators.figures import Figure
from pipelines.indicators.lexicon import (
    BASIS_WORDS_RE,
    BREAKDOWN_RE,
    CONTINUATION_RE,
    Mention,
    find_periods,
)
from pipelines.indicators.measures import (
    GROWTH_INDICATORS,
    INDUSTRY,
    LEVEL_UNITS,
    OTHER,
    State,
    measure_of,
    resolve_indicator,
    resolve_status,
)
from pipelines.indicators.periods import Period, classify_basis, months, resolve_period
from pipelines.provinces import canonical_province, current_province
from pipelines.vocab import places as pl

logger = logging.getLogger(__name__)

# Between a share figure and its denominator ("chiếm 93,3% tổng giá trị sản xuất công nghiệp").
_DENOMINATOR_GAP = re.compile(r"[\s(]*(?:(?:của|trong|so với)\s+)?(?:tổng\s+)?", re.IGNORECASE)
# "Riêng tháng 10/2024, ...": a zoom into one part of the period under review, for its paragraph.
_ASIDE = re.compile(r"\s*(?:tính\s+)?riêng\s", re.IGNORECASE)
# Between the whole a share is of and the place it is taken in ("kim ngạch xuất khẩu của cả nước").
_PLACE_OF_WHOLE = re.compile(r"\s*(?:(?:của|trong|toàn|trên)\s+)?", re.IGNORECASE)
_SUBJECT_NEXT = re.compile(r"[\s,]*(?:(?:của|về|trong|là)\s+)?(?:tổng\s+)?")
_RIGHT_AFTER = re.compile(r"\s*(?:(?:trong|vào|của)\s+)?")
# Words opening a cause or circumstance: a subject named after them is not the list's next item.
_CAUSE = re.compile(r"(?<!\w)(?:do|nhờ|vì|bởi|khi|sau khi|trong khi|theo yêu cầu)(?!\w)", re.I)
_COORDINATION = re.compile(r"\s*(?:,\s*(?:và\s+)?|và\s+|cùng\s+)", re.IGNORECASE)
_AFTER_FIGURE = re.compile(pl.AFTER_FIGURE, re.IGNORECASE)
_CLAUSE_START = re.compile(r"[,;:(\n–]")
_TOPIC_LEAD = re.compile(r"\s*" + pl.TOPIC_LEAD + r"(?:tỉnh\s+)?", re.IGNORECASE)
_SUBJECT_LINK = re.compile(r"\s*" + pl.SUBJECT_LINK, re.IGNORECASE)
_NOT_AN_AREA = re.compile(f"(?:{pl.RANK_BEFORE})|(?:{pl.MARKET_BEFORE})")
# Indicators that are stocks at a date, not flows over a period.
STOCKS = {HOUSEHOLD}
# Indicators that state no amounts: a breakdown stated in money cannot be theirs.
_NO_LEVELS = GROWTH_INDICATORS | {INDUSTRY}


def _retro_period(events: list[Any], i: int, text: str, st: State, seen: bool) -> None:
    """A period stated right after the figure, in the same clause ("đạt 203 tỷ trong quý I").
    Once the sentence has named a period (``seen``), only one written right after the figure
    counts ("từ 30,5 nghìn tỷ đồng năm 2014 lên 52,1 nghìn tỷ đồng năm 2015")."""
    fig = events[i]
    for nxt in events[i + 1 :]:
        if isinstance(nxt, Figure) or CLAUSE_BREAK.search(text, fig.end, nxt.start):
            return
        if seen and (nxt.kind != "period" or not _RIGHT_AFTER.fullmatch(text, fig.end, nxt.start)):
            return
        if nxt.kind == "period":
            period = resolve_period(nxt.key, nxt.groups, base_period(nxt, st), st.published)
            if period is not None:
                st.period = period
            return


def _follow_total(measure: str, unit: str, st: State) -> None:
    """A breakdown stated in money belongs to the total stated in money. "IIP ước tăng 9,6%.
    Phân theo thành phần kinh tế, khu vực FDI ước đạt 357 nghìn tỷ đồng, tăng 10,5%": the list
    breaks down the output value named before the index, so it (and its changes) follow that."""
    total = st.level_indicator
    if measure != "level" or st.sector is None or st.indicator not in _NO_LEVELS:
        return
    if total is not None and unit in LEVEL_UNITS[total]:
        st.indicator = total


def _apply_place(events: list[Any], i: int, text: str, start: int, st: State) -> None:
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
    if st.subject_seen and not _inside(area, st) and area != st.area and st.status == "estimate":
        # "ước tăng 15,7%, trong khi IIP của cả nước chỉ tăng 6,18%": another place's figure
        # does not take the province's status word
        st.status = None
    st.area, st.area_once = area, None
    if topic and (clause == start or together) and st.paragraph_sentence == 0:
        st.paragraph_area = area


def _denominator_place(event: Any, facts: list[dict[str, Any]], st: State) -> None:
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


def _place_after(events: list[Any], i: int, text: str) -> str | None:
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


def _fact_area(fig: Figure, st: State, text: str) -> str | None:
    """The area of a figure: a place just before it in its clause, else the one in force."""
    if st.area_once is not None:
        area, at = st.area_once
        st.area_once = None
        if not CLAUSE_BREAK.search(text, at, fig.number_start):
            st.last_area = area or st.last_area
            return area
    st.last_area = st.area or st.last_area
    return st.area


def _change_basis(fig: Figure, st: State) -> str:
    stated = fig.basis_text or st.pending_basis
    if stated and not BASIS_WORDS_RE.search(stated) and find_periods(stated) == []:
        stated = None  # "so với mức tăng chung của cả nước": a place compared, not a time base
    if not stated:
        return st.basis or "yoy"
    basis = classify_basis(stated, st.period, st.published)
    if st.pending_basis and st.basis_inline and not fig.basis_text:
        st.pending_basis, st.basis_inline = None, False  # that figure's base only
        return basis
    # "tăng 41,4% so với năm 2019" is an aside: the next figures go back to the usual base.
    if basis != "other":
        st.basis = basis
    return basis


def _inside(area: str | None, st: State) -> bool:
    """Whether an area lies inside the article's province (a district, a commune, a park, a
    province merged into it: "Bắc Kạn (cũ)" in Thái Nguyên after 2025), not another province or
    the country."""
    if area is None or area == NATION_AREA:
        return False
    province = canonical_province(area)
    return province is None or (
        st.home.province is not None and current_province(province) == st.home.province
    )


def _period_label(period: Period | None, indicator: str) -> str | None:
    """The fact's period; a stock ("tỷ lệ hộ sử dụng điện tính đến hết tháng 4") is as of the
    month named, where a flow in the same words is the months from January."""
    if period is None:
        return None
    if period.as_of is not None and indicator in STOCKS:
        return months(period.as_of, period.as_of).label
    return period.label


def _fact(fig: Figure, st: State, text: str) -> dict[str, Any] | None:
    found = measure_of(fig, st, st.indicator)
    if found is None:
        return None
    measure, value, unit = found
    if unit == "percent":
        st.last_pct_measure = measure
    elif measure == "level" and unit in ("VND", "USD"):
        st.money_unit = unit
    _follow_total(measure, unit, st)
    indicator = resolve_indicator(st.indicator, measure, unit, st)
    if indicator is None:
        return None
    if measure == "level" and st.sector is None and unit in ("VND", "USD"):
        st.level_indicator = indicator
    basis = _change_basis(fig, st) if measure == "change" else None
    if st.sector is None:
        st.last_total = (indicator, st.status, st.basis)
    start = st.anchor if st.anchor is not None else fig.cue_start
    if st.target_aside is not None and ";" in text[st.target_aside[1] : fig.start]:
        st.status, st.target_aside = st.target_aside[0], None
    status = resolve_status(st, stock=indicator in STOCKS)
    past = st.status_period
    if status == "estimate" and st.period and past and st.period.last < past.first:
        # "ước tăng 8,64%, cao hơn mức tăng 7,9% của cùng kỳ năm 2016": the estimate is of
        # the period under review; a figure of an earlier one is a known result
        status = "actual"
    area = _fact_area(fig, st, text)
    # A part of a total stated before (a sector, a district) with no status word of its own
    # has the total's ("Khu vực các xã ... đóng góp khoảng 2.140 tỷ đồng" after "ước đạt").
    # Another province's or the country's figure is no part of the province's total.
    part = st.sector is not None or (area != st.home.default_area and _inside(area, st))
    total = st.totals.get((indicator, st.period))
    if st.status is None and part and total is not None:
        status = total
    elif st.status is None and part and st.carried and st.carried[0] == indicator:
        status = st.carried[1] or status
    if st.sector is None and area == st.home.default_area:
        st.totals[(indicator, st.period)] = status
    # "ước đạt 1.412 tỷ đồng, đạt 71,3% kế hoạch năm": the share of the plan of an estimated
    # amount is itself estimated; this "đạt" is the progress verb, not a word of status.
    if measure == "plan_progress" and status == "actual" and st.fact_status == "estimate":
        status = "estimate"
    st.fact_status = status
    return {
        "indicator": indicator,
        "sector": st.sector,
        "area": area,
        "measure": measure,
        "value": float(value),
        "unit": unit,
        "basis": basis,
        "period": _period_label(st.period, indicator),
        "status": status,
        "qualifier": fig.qualifier,
        "start": start,
        "end": fig.end,
        "_explicit_basis": bool(fig.basis_text or st.pending_basis),
    }


def read_periods_only(text: str, start: int, end: int, st: State) -> None:
    """A paragraph without a single digit states no figure: only its periods ("Trong năm qua")
    can matter later, so skip the phrase scan (the costliest step, bench_indicators.py)."""
    found = (
        st.scan.between(start, end, ("period",))
        if st.scan is not None
        else [
            Mention(m.start + start, m.end + start, m.kind, m.key, m.groups)
            for m in find_periods(text[start:end])
        ]
    )
    for m in found:
        apply_mention(m, st, text)


def _denominator_fact(events: list[Any], i: int, text: str, st: State) -> dict[str, Any] | None:
    """ "Ngành điện chiếm 68,5% trong tổng giá trị sản xuất công nghiệp": with no indicator yet,
    the whole a share is taken of names the indicator."""
    fig = events[i]
    nxt = events[i + 1] if i + 1 < len(events) else None
    if st.indicator not in (None, OTHER) or not isinstance(nxt, Mention) or nxt.kind != "indicator":
        return None
    if fig.cue == "share":
        if st.indicator is not None or not _DENOMINATOR_GAP.fullmatch(text, fig.end, nxt.start):
            return None
        keep = None
    elif fig.magnitude and fig.unit in (None, "VND", "USD") and fig.cue in (None, "reach"):
        # "Với 430,9 nghìn tỷ đồng, giá trị sản xuất công nghiệp ...", "đóng góp khoảng 2.140
        # tỷ đồng giá trị sản xuất công nghiệp": an amount whose subject follows it, and stays
        # the subject of the figures after.
        if not _SUBJECT_NEXT.fullmatch(text, fig.end, nxt.start):
            return None
        keep = OUTPUT if nxt.key == OUTPUT_BARE else nxt.key
    else:
        return None
    st.indicator = OUTPUT if nxt.key == OUTPUT_BARE else nxt.key
    try:
        return _fact(fig, st, text)
    finally:
        st.indicator = keep


_NO_FACT: dict[str, Any] = {}  # a figure that states none of our facts


def _whole_named(events: list[Any], i: int, text: str, st: State) -> dict[str, Any] | None:
    """ "khu vực FDI chiếm gần 80% kim ngạch xuất khẩu", "các doanh nghiệp trong KCN Thụy Vân
    đóng góp khoảng 35% kim ngạch xuất khẩu": the whole named after a share is the share's
    indicator, whatever was in force. A share of the total in force taken by no sector or place
    ("qua cửa khẩu Hữu Nghị chiếm trên 60% tổng kim ngạch") is a part the contract has no key
    for: no fact."""
    fig = events[i]
    nxt = events[i + 1] if i + 1 < len(events) else None
    if fig.cue != "share" or not isinstance(nxt, Mention) or nxt.kind != "indicator":
        return None
    if not _DENOMINATOR_GAP.fullmatch(text, fig.end, nxt.start):
        return None
    bare = nxt.key in (TRADE_BARE, OUTPUT_BARE)
    if bare:
        if st.sector is None and _fact_area_peek(st) == st.home.default_area:
            return _NO_FACT
        return None  # "chiếm 92% tổng giá trị sản xuất": the part of the total in force
    if nxt.key not in LEVEL_UNITS or st.indicator == nxt.key:
        return None
    kept = st.indicator
    st.indicator = nxt.key
    try:
        return _fact(fig, st, text)
    finally:
        st.indicator = kept


def _fact_area_peek(st: State) -> str | None:
    return st.area_once[0] if st.area_once is not None else st.area


def _subject_after_fact(events: list[Any], i: int, text: str, st: State) -> dict[str, Any] | None:
    """ "96,8% số hộ được sử dụng điện lưới quốc gia": a percentage right before the households
    using power is the electrification rate (the subject follows the figure)."""
    fig = events[i]
    nxt = events[i + 1] if i + 1 < len(events) else None
    if fig.unit != "percent" or not isinstance(nxt, Mention) or nxt.key != HOUSEHOLD_AFTER:
        return None
    if text[fig.end : nxt.start].strip():
        return None
    st.indicator, st.indicator_sentence, st.sector = HOUSEHOLD, st.sentence, None
    fact = _fact(fig, st, text)
    if fact is not None:
        fact["end"] = nxt.end
    return fact


def _not_begun(period: Period | None, st: State) -> bool:
    published = st.published
    return bool(period and published and period.first >= published.year * 12 + published.month - 1)


def _drop_agenda(st: State, frames: list[Period | None]) -> None:
    """A period not yet begun, named in a sentence that states no figure, is an agenda
    ("tổng kết năm 2022, triển khai nhiệm vụ năm 2023"), not the frame of the figures after: the
    last period under review in the sentence (else the one before it) stays in force. A plan
    announced for it ("Kế hoạch năm 2023 như sau:") still frames them."""
    if st.status == "target" or not _not_begun(st.period, st):
        return
    st.period = next((p for p in reversed(frames) if not _not_begun(p, st)), frames[0])


def sentence_facts(text: str, start: int, end: int, st: State) -> list[dict[str, Any]]:
    """Facts of the sentence ``text[start:end]``, updating ``st`` as the text is read."""
    mentions, figures = prepare(text, start, end, st.home, st.scan)
    before = (st.period, st.status, st.basis, st.last_total)
    st.new_sentence(
        states_period=any(m.kind == "period" for m in mentions),
        continued=CONTINUATION_RE.match(text, start) is not None,
        breakdown=BREAKDOWN_RE.match(text, start) is not None,
    )
    # A GRDP frame anywhere in the sentence ("công nghiệp chiếm 52,6% trong cơ cấu GRDP").
    st.grdp = any(m.kind == "grdp" for m in mentions)
    events: list[Any] = sorted([*mentions, *figures], key=lambda e: e.start)
    facts: list[dict[str, Any]] = []
    denominator_from = -1
    period_seen = False
    frames = [st.period]  # the period before the sentence, then each one it names
    # (indicator, sector) before a subject named in a cause clause, and where it was named
    aside: tuple[str | None, str | None, int] | None = None
    for i, event in enumerate(events):
        if aside is not None and ";" in text[aside[2] : event.start]:
            # "khu vực nhà nước giảm 3,2% do sản lượng điện giảm; ngoài nhà nước ...": a subject
            # named in a cause, with no figure of its own, does not end the list
            st.indicator, st.sector, aside = aside[0], aside[1], None
        if isinstance(event, Figure):
            aside = None
            _retro_period(events, i, text, st, period_seen)
            led = _subject_after_fact(events, i, text, st)
            whole = _whole_named(events, i, text, st)
            if whole is _NO_FACT:
                fact = None
            else:
                fact = (
                    led or whole or _fact(event, st, text) or _denominator_fact(events, i, text, st)
                )
            after = _place_after(events, i, text) if fact is not None else None
            if fact is not None and after is not None and after != fact["area"]:
                # another place's figure: not a part of the sector in force, and not under the
                # province's estimate word
                fact["area"] = after
                fact["sector"] = fact["sector"] if st.sector_end else None
                if st.status == "estimate" and not _inside(after, st):
                    kept, st.status = st.status, None
                    fact["status"] = resolve_status(st, stock=fact["indicator"] in STOCKS)
                    st.status = kept
            if fact is not None:
                facts.append(fact)
                if len(st.area_group) > 1 and fact["area"] == st.area_group[-1]:
                    facts.extend({**fact, "area": a} for a in st.area_group[:-1])
            st.anchor, st.subject_seen, st.sector_end = None, True, None
            # The whole a share is of, or the subject just read, is not a new subject.
            denominator_from = event.end if event.cue == "share" or led else -1
            continue
        if denominator_from >= 0 and event.kind in (
            "indicator",
            "other",
            "grdp",
            "sector",
            "place",
        ):
            gap = (_PLACE_OF_WHOLE if event.kind == "place" else _DENOMINATOR_GAP).fullmatch(
                text, denominator_from, event.start
            )
            # "chiếm 3,5% kim ngạch xuất khẩu của cả nước": the whole, and where it is taken
            denominator_from = event.end if gap else -1
            if gap:
                _denominator_place(event, facts, st)
                continue
        if event.kind == "place":
            _apply_place(events, i, text, start, st)
            continue
        if st.area_once is not None and event.kind in ("indicator", "sector", "other"):
            st.area_once = None  # "dẫn đầu cả nước với IIP tăng 20%": a new subject
        period_seen = period_seen or event.kind == "period"
        was = (st.indicator, st.sector)
        apply_mention(event, st, text)
        if st.indicator == OTHER and was[0] != OTHER and aside is None:
            clause = max(text.rfind(c, start, event.start) for c in ";:")
            if _CAUSE.search(text, max(clause, start), event.start):
                aside = (*was, event.start)
        if event.kind == "period":
            frames.append(st.period)
    if aside is not None:  # "... nhờ các doanh nghiệp tăng mạnh sản lượng." and no figure after
        st.indicator, st.sector = aside[0], aside[1]
    if not figures:
        _drop_agenda(st, frames)
    if not facts:
        _passing_period(st, frames, before[1], text, start)
    elif (
        st.period != frames[0]
        and frames[0] is not None
        and _ASIDE.match(text, start)
        and st.resume_period is None
    ):
        st.resume_period, st.resume_basis = frames[0], before[2]
    if _looks_back(frames, st) and not _OPENS_WITH_YEAR.match(text, start):
        st.period, st.status, st.basis, st.last_total = before
    elif len(frames) > 2 and _looks_back([frames[1], st.period], st):
        # "Tám tháng năm 2017, IIP tăng 8,64%, cao hơn mức tăng 7,9% của cùng kỳ năm 2016":
        # the sentence's own frame goes on after its look back
        st.period = frames[1]
    return facts


def _is_span(period: Period | None) -> bool:
    return period is not None and period.last // 12 != period.first // 12


def _passing_period(
    st: State, frames: list[Period | None], status: str | None, text: str, start: int
) -> None:
    """A sentence stating no fact does not move the frame to a span of years naming a plan or a
    term ("thực hiện kế hoạch 5 năm 2026 - 2030"), nor, in passing, to the whole year around
    the months under review ("năm nay có thêm 3 dự án đi vào sản xuất" in a 7-month report):
    the figures after it keep the period in force (or one the sentence names besides)."""
    old, new = frames[0], st.period
    if new is None or new == old:
        return
    if _is_span(new) and (old is None or not _is_span(old)):
        st.period = next((p for p in reversed(frames[1:]) if p and not _is_span(p)), old)
        st.status = status
    elif old is not None and new.contains(old) and not _OPENS_WITH_YEAR.match(text, start):
        st.period = old


# A sentence that opens with its year ("Năm 2023, ...", "Trong năm 2023, ...") sets the frame of
# what follows (seed 001 reviews 2023 under a 2024 headline); only a year inside the sentence
# ("sau giai đoạn sụt giảm của năm 2023, khi ...") is a look back.
_OPENS_WITH_YEAR = re.compile(r"\s*(?:(?:[Tt]rong|[Tt]ính chung|[Cc]ả|[Vv]ới)\s+)?[Nn]ăm\s+\d{4}\b")


def _looks_back(frames: list[Period | None], st: State) -> bool:
    """A sentence that moves from the period under review to an earlier year ("sau giai đoạn
    sụt giảm của năm 2023, khi ...", "số liệu cùng kỳ năm 2024 đã được tính lại") is a look
    back: it frames its own figures only, and the text then goes on with the period before."""
    old, new = frames[0], st.period
    if old is None or new is None or new.year >= old.year or st.status == "target":
        return False
    return not _not_begun(old, st) and new.last < old.first
