"""The period a sentence's figures are read in: periods named after a figure, agendas, look
backs, passing mentions of a plan's span or of the whole year.

Split out of ``attach.py``, which calls these while and after it reads a sentence.
"""

from __future__ import annotations

import re
from typing import Any

from pipelines.indicators.apply import CLAUSE_BREAK, base_period
from pipelines.indicators.figures import Figure
from pipelines.indicators.measures import State
from pipelines.indicators.periods import Period, resolve_period

_RIGHT_AFTER = re.compile(r"\s*(?:(?:trong|vào|của)\s+)?")
# A sentence that opens with its year ("Năm 2023, ...", "Trong năm 2023, ...") sets the frame of
# what follows (seed 001 reviews 2023 under a 2024 headline); only a year inside the sentence
# ("sau giai đoạn sụt giảm của năm 2023, khi ...") is a look back.
OPENS_WITH_YEAR = re.compile(r"\s*(?:(?:[Tt]rong|[Tt]ính chung|[Cc]ả|[Vv]ới)\s+)?[Nn]ăm\s+\d{4}\b")


def retro_period(events: list[Any], i: int, text: str, st: State, seen: bool) -> None:
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


def not_begun(period: Period | None, st: State) -> bool:
    published = st.published
    return bool(period and published and period.first >= published.year * 12 + published.month - 1)


def drop_agenda(st: State, frames: list[Period | None]) -> None:
    """A period not yet begun, named in a sentence that states no figure, is an agenda
    ("tổng kết năm 2022, triển khai nhiệm vụ năm 2023"), not the frame of the figures after: the
    last period under review in the sentence (else the one before it) stays in force. A plan
    announced for it ("Kế hoạch năm 2023 như sau:") still frames them."""
    if st.status == "target" or not not_begun(st.period, st):
        return
    st.period = next((p for p in reversed(frames) if not not_begun(p, st)), frames[0])


def is_span(period: Period | None) -> bool:
    return period is not None and period.last // 12 != period.first // 12


def passing_period(
    st: State, frames: list[Period | None], status: str | None, text: str, start: int
) -> None:
    """A sentence stating no fact does not move the frame to a span of years naming a plan or a
    term ("thực hiện kế hoạch 5 năm 2026 - 2030"), nor, in passing, to the whole year around
    the months under review ("năm nay có thêm 3 dự án đi vào sản xuất" in a 7-month report):
    the figures after it keep the period in force (or one the sentence names besides)."""
    old, new = frames[0], st.period
    if new is None or new == old:
        return
    if is_span(new) and (old is None or not is_span(old)):
        st.period = next((p for p in reversed(frames[1:]) if p and not is_span(p)), old)
        st.status = status
    elif old is not None and new.contains(old) and not OPENS_WITH_YEAR.match(text, start):
        st.period = old


def looks_back(frames: list[Period | None], st: State) -> bool:
    """A sentence that moves from the period under review to an earlier year ("sau giai đoạn
    sụt giảm của năm 2023, khi ...", "số liệu cùng kỳ năm 2024 đã được tính lại") is a look
    back: it frames its own figures only, and the text then goes on with the period before."""
    old, new = frames[0], st.period
    if old is None or new is None or new.year >= old.year or st.status == "target":
        return False
    return not not_begun(old, st) and new.last < old.first
