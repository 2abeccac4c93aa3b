"""Attach figures to indicators: one left-to-right pass over a sentence's mentions and figures.

Each figure takes the indicator, sector, period, status and basis in force at its position;
mentions update that state as they are read (``apply.py``). A sector list after a total
("Trong đó, khai khoáng tăng 6,9%; chế biến tăng 6,6%") therefore inherits the total's
indicator, period, basis and status, and an item with its own status word keeps it. Which
figures a place is the area of: ``placing.py``; the period a sentence is read in: ``frames.py``.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from pipelines.indicators.apply import (
    HOUSEHOLD,
    HOUSEHOLD_AFTER,
    OUTPUT,
    OUTPUT_BARE,
    TRADE_BARE,
    apply_mention,
)
from pipelines.indicators.events import prepare
from pipelines.indicators.figures import Figure
from pipelines.indicators.frames import (
    OPENS_WITH_YEAR,
    drop_agenda,
    looks_back,
    passing_period,
    retro_period,
)
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
from pipelines.indicators.periods import Period, classify_basis, months
from pipelines.indicators.placing import (
    PLACE_OF_WHOLE,
    apply_place,
    denominator_place,
    fact_area,
    fact_area_peek,
    inside,
    place_after,
)

logger = logging.getLogger(__name__)

# Between a share figure and its denominator ("chiếm 93,3% tổng giá trị sản xuất công nghiệp").
_DENOMINATOR_GAP = re.compile(r"[\s(]*(?:(?:của|trong|so với)\s+)?(?:tổng\s+)?", re.IGNORECASE)
# "Riêng tháng 10/2024, ...": a zoom into one part of the period under review, for its sentence.
_ASIDE = re.compile(r"\s*(?:tính\s+)?riêng\s", re.IGNORECASE)
_SUBJECT_NEXT = re.compile(r"[\s,]*(?:(?:của|về|trong|là)\s+)?(?:tổng\s+)?")
# Words opening a cause or circumstance: a subject named after them is not the list's next item.
_CAUSE = re.compile(r"(?<!\w)(?:do|nhờ|vì|bởi|khi|sau khi|trong khi|theo yêu cầu)(?!\w)", re.I)
# Indicators that are stocks at a date, not flows over a period.
STOCKS = {HOUSEHOLD}
# Indicators that state no amounts: a breakdown stated in money cannot be theirs.
_NO_LEVELS = GROWTH_INDICATORS | {INDUSTRY}


def _follow_total(measure: str, unit: str, st: State) -> None:
    """A breakdown stated in money belongs to the total stated in money. "IIP ước tăng 9,6%.
    Phân theo thành phần kinh tế, khu vực FDI ước đạt 357 nghìn tỷ đồng, tăng 10,5%": the list
    breaks down the output value named before the index, so it (and its changes) follow that."""
    total = st.level_indicator
    if measure != "level" or st.sector is None or st.indicator not in _NO_LEVELS:
        return
    if total is not None and unit in LEVEL_UNITS[total]:
        st.indicator = total


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
    area = fact_area(fig, st, text)
    # A part of a total stated before (a sector, a district) with no status word of its own
    # has the total's ("Khu vực các xã ... đóng góp khoảng 2.140 tỷ đồng" after "ước đạt").
    # Another province's or the country's figure is no part of the province's total.
    part = st.sector is not None or (area != st.home.default_area and inside(area, st))
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
        if st.sector is None and fact_area_peek(st) == st.home.default_area:
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
            retro_period(events, i, text, st, period_seen)
            led = _subject_after_fact(events, i, text, st)
            whole = _whole_named(events, i, text, st)
            if whole is _NO_FACT:
                fact = None
            else:
                fact = (
                    led or whole or _fact(event, st, text) or _denominator_fact(events, i, text, st)
                )
            after = place_after(events, i, text) if fact is not None else None
            if fact is not None and after is not None and after != fact["area"]:
                # another place's figure: not a part of the sector in force, and not under the
                # province's estimate word
                fact["area"] = after
                fact["sector"] = fact["sector"] if st.sector_end else None
                if st.status == "estimate" and not inside(after, st):
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
            gap = (PLACE_OF_WHOLE if event.kind == "place" else _DENOMINATOR_GAP).fullmatch(
                text, denominator_from, event.start
            )
            # "chiếm 3,5% kim ngạch xuất khẩu của cả nước": the whole, and where it is taken
            denominator_from = event.end if gap else -1
            if gap:
                denominator_place(event, facts, st)
                continue
        if event.kind == "place":
            apply_place(events, i, text, start, st)
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
        drop_agenda(st, frames)
    if not facts:
        passing_period(st, frames, before[1], text, start)
    elif (
        st.period != frames[0]
        and frames[0] is not None
        and _ASIDE.match(text, start)
        and st.resume_period is None
    ):
        st.resume_period, st.resume_basis = frames[0], before[2]
    if looks_back(frames, st) and not OPENS_WITH_YEAR.match(text, start):
        st.period, st.status, st.basis, st.last_total = before
    elif len(frames) > 2 and looks_back([frames[1], st.period], st):
        # "Tám tháng năm 2017, IIP tăng 8,64%, cao hơn mức tăng 7,9% của cùng kỳ năm 2016":
        # the sentence's own frame goes on after its look back
        st.period = frames[1]
    return facts
