"""Attach figures to indicators: one left-to-right pass over a sentence's mentions and figures.

Each figure takes the indicator, sector, period, status and basis in force at its position;
mentions update that state as they are read. A sector list after a total ("Trong đó, khai
khoáng tăng 6,9%; chế biến tăng 6,6%") therefore inherits the total's indicator, period, basis
and status, and an item with its own status word keeps it.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from pipelines.indicators.figures import Figure, find_figures
from pipelines.indicators.lexicon import Mention, find_mentions, find_periods
from pipelines.indicators.measures import (
    INDUSTRY,
    OTHER,
    State,
    measure_of,
    resolve_indicator,
    resolve_status,
)
from pipelines.indicators.periods import Period, classify_basis, resolve_period

logger = logging.getLogger(__name__)

# Between a share figure and its denominator ("chiếm 93,3% tổng giá trị sản xuất công nghiệp").
_DENOMINATOR_GAP = re.compile(r"[\s(]*(?:(?:của|trong|so với)\s+)?(?:tổng\s+)?", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:]")
_GRDP_FRAME = re.compile(r"(?:trong|cơ cấu|của|vào|so với)\s+$", re.IGNORECASE)


def _exclusion_zones(text: str, mentions: list[Mention], end: int) -> list[tuple[int, int]]:
    """Spans restating a figure for another scope: "(không kể Samsung là 12,03%)"."""
    zones = []
    for m in mentions:
        if m.kind != "exclusion":
            continue
        before = text[max(0, m.start - 3) : m.start]
        if "(" in before:
            close = text.find(")", m.end, end)
            zones.append((m.start - 3 + before.index("("), close if close >= 0 else end))
        else:
            stop = re.compile(r"[;)]").search(text, m.end, end)
            zones.append((m.start, stop.start() if stop else end))
    return zones


def _inside(pos: int, zones: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in zones)


def _prepare(text: str, start: int, end: int) -> tuple[list[Mention], list[Figure]]:
    mentions = [
        Mention(m.start + start, m.end + start, m.kind, m.key, m.groups)
        for m in find_mentions(text[start:end])
    ]
    zones = _exclusion_zones(text, mentions, end)
    periods = [m for m in mentions if m.kind == "period"]
    figures = [
        f
        for f in find_figures(text, start, end)
        if not _inside(f.number_start, zones)
        and not any(p.start <= f.number_start < p.end for p in periods)
    ]
    mentions = [
        m
        for m in mentions
        if m.kind != "exclusion"
        and not _inside(m.start, zones)
        and not any(
            f.start <= m.start < f.end or m.start <= f.number_start < m.end for f in figures
        )
    ]
    return mentions, figures


def _base(m: Mention, st: State) -> Period | None:
    """The period a phrase is resolved against; "các tháng còn lại" follow the last quarter or
    month stated in the article even when a whole year was named since (seed 000)."""
    whole_year = st.period is None or st.period.last - st.period.first >= 11
    sub = st.last_subyear
    if (
        m.key == "remaining"
        and whole_year
        and sub
        and (st.period is None or sub.year == st.period.year)
    ):
        return sub
    return st.period


def _apply_status(m: Mention, st: State, text: str) -> None:
    """Target is a frame; an estimate word is one too when it opens the sentence ("Ước cả năm
    2023, ... đạt X"), and otherwise holds to the end of its clause ("được ước tính đạt X")."""
    if m.key == "target":
        st.status = "target"
    elif m.key == "estimate":
        st.status = "estimate"
        st.status_frame = st.status_frame or not st.subject_seen
    elif st.status == "estimate" and (
        st.status_frame or not _CLAUSE_BREAK.search(text, st.status_end, m.start)
    ):
        pass
    elif st.status != "target":
        st.status = "actual"
    st.status_end = m.end


def _apply_mention(m: Mention, st: State, text: str) -> None:
    if m.kind == "status":
        _apply_status(m, st, text)
    elif m.kind == "basis":
        st.pending_basis = text[m.start : m.end]
    elif m.kind == "period":
        period = resolve_period(m.key, m.groups, _base(m, st), st.published)
        if period is not None:
            st.period, st.basis = period, None
            if period.last - period.first < 11:
                st.last_subyear = period
            future = st.published is None or period.year > st.published.year
            if m.key == "horizon" and future:
                st.horizons.add(period.year)
    elif m.kind == "growth":
        st.growth = True
    elif m.kind == "share":
        st.share = True
    elif m.kind == "plan":
        st.plan_pending = True
    elif m.kind == "grdp":
        st.grdp = st.share = True
        # "trong cơ cấu GRDP" frames an industry share; "GRDP tăng 5,1%" has its own subject.
        if not _GRDP_FRAME.search(text, max(0, m.start - 16), m.start):
            st.indicator, st.sector = OTHER, None
    elif m.kind == "other":
        st.indicator, st.sector, st.anchor = OTHER, None, m.start
        st.indicator_sentence = st.sentence
    elif m.kind == "indicator":
        st.anchor, st.subject_seen = m.start, True
        if m.key != INDUSTRY:
            st.indicator, st.indicator_sentence, st.sector = m.key, st.sentence, None
        elif st.indicator_sentence != st.sentence or st.indicator in (None, OTHER, INDUSTRY):
            st.indicator, st.indicator_sentence, st.sector = INDUSTRY, st.sentence, None
        else:  # "... giá trị gia tăng của ngành công nghiệp": a qualifier, not a new subject
            st.sector = None
    elif m.kind == "sector":
        st.sector, st.anchor, st.subject_seen = m.key, m.start, True


def _retro_period(events: list[Any], i: int, text: str, st: State) -> None:
    """A period stated right after the figure, in the same clause ("đạt 203 tỷ trong quý I")."""
    fig = events[i]
    for nxt in events[i + 1 :]:
        if isinstance(nxt, Figure) or _CLAUSE_BREAK.search(text, fig.end, nxt.start):
            return
        if nxt.kind == "period":
            period = resolve_period(nxt.key, nxt.groups, _base(nxt, st), st.published)
            if period is not None:
                st.period = period
            return


def _fact(fig: Figure, st: State, text: str) -> dict[str, Any] | None:
    found = measure_of(fig, st, st.indicator)
    if found is None:
        return None
    measure, value, unit = found
    if unit == "percent":
        st.last_pct_measure = measure
    elif measure == "level" and unit in ("VND", "USD"):
        st.money_unit = unit
    indicator = resolve_indicator(st.indicator, measure, unit, st)
    if indicator is None:
        return None
    basis = None
    if measure == "change":
        stated = fig.basis_text or st.pending_basis
        if stated:
            basis = st.basis = classify_basis(stated, st.period, st.published)
        else:
            basis = st.basis or "yoy"
    start = st.anchor if st.anchor is not None else fig.cue_start
    return {
        "indicator": indicator,
        "sector": st.sector,
        "measure": measure,
        "value": float(value),
        "unit": unit,
        "basis": basis,
        "period": st.period.label if st.period else None,
        "status": resolve_status(st),
        "qualifier": fig.qualifier,
        "start": start,
        "end": fig.end,
        "_explicit_basis": bool(fig.basis_text or st.pending_basis),
    }


def read_periods_only(text: str, start: int, end: int, st: State) -> None:
    """A paragraph without a single digit states no figure: only its periods ("Trong năm qua")
    can matter later, so skip the phrase scan (the costliest step, bench_indicators.py)."""
    for m in find_periods(text[start:end]):
        _apply_mention(m, st, text)


def _denominator_fact(events: list[Any], i: int, text: str, st: State) -> dict[str, Any] | None:
    """ "Ngành điện chiếm 68,5% trong tổng giá trị sản xuất công nghiệp": with no indicator yet,
    the whole a share is taken of names the indicator."""
    fig = events[i]
    nxt = events[i + 1] if i + 1 < len(events) else None
    if fig.cue != "share" or st.indicator is not None or not isinstance(nxt, Mention):
        return None
    if nxt.kind != "indicator" or not _DENOMINATOR_GAP.fullmatch(text, fig.end, nxt.start):
        return None
    st.indicator = nxt.key
    try:
        return _fact(fig, st, text)
    finally:
        st.indicator = None


def sentence_facts(text: str, start: int, end: int, st: State) -> list[dict[str, Any]]:
    """Facts of the sentence ``text[start:end]``, updating ``st`` as the text is read."""
    mentions, figures = _prepare(text, start, end)
    st.new_sentence(states_period=any(m.kind == "period" for m in mentions))
    # A GRDP frame anywhere in the sentence ("công nghiệp chiếm 52,6% trong cơ cấu GRDP").
    st.grdp = any(m.kind == "grdp" for m in mentions)
    events: list[Any] = sorted([*mentions, *figures], key=lambda e: e.start)
    facts: list[dict[str, Any]] = []
    denominator_from = -1
    period_seen = False
    for i, event in enumerate(events):
        if isinstance(event, Figure):
            if not period_seen:
                _retro_period(events, i, text, st)
            fact = _fact(event, st, text) or _denominator_fact(events, i, text, st)
            if fact is not None:
                facts.append(fact)
            st.anchor, st.subject_seen = None, True
            denominator_from = event.end if event.cue == "share" else -1
            continue
        if denominator_from >= 0 and event.kind in ("indicator", "other", "grdp", "sector"):
            gap = _DENOMINATOR_GAP.fullmatch(text, denominator_from, event.start)
            denominator_from = -1
            if gap:
                continue
        period_seen = period_seen or event.kind == "period"
        _apply_mention(event, st, text)
    return facts
