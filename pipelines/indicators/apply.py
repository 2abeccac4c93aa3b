"""How each phrase mention changes the extraction state (indicator, sector, period, status ...).

Split out of ``attach.py``: that module orders mentions and figures; this one says what a
mention means. The rules follow the contract (shared/indicators.md).
"""

from __future__ import annotations

import logging
import re

from pipelines.indicators.lexicon import Mention
from pipelines.indicators.measures import INDUSTRY, OTHER, State
from pipelines.indicators.periods import Period, resolve_period

logger = logging.getLogger(__name__)

CLAUSE_BREAK = re.compile(r"[,;:]")
_GRDP_FRAME = re.compile(r"(?:trong|cơ cấu|của|vào|so với)\s+$", re.IGNORECASE)
OUTPUT = "industrial_output_value"
# "giá trị sản xuất" with no "công nghiệp" (vocab.py): industrial output only where a breakdown
# or the output value is already in force ("Khu vực FDI ... với giá trị sản xuất ước đạt X").
OUTPUT_BARE = "output_bare"
# Bare "kim ngạch" (vocab.py): the export or import value named before it ("Về xuất khẩu, ...").
TRADE_BARE = "trade_bare"
TRADE_FLOWS = ("export_value", "import_value")
HOUSEHOLD = "household_electricity_rate"
HOUSEHOLD_AFTER = "household_after"  # "số hộ sử dụng điện" after a percentage (attach.py)
RETAIL_GOODS = "retail_goods"  # "doanh thu bán lẻ hàng hóa" alone: retail sales, sector goods
GOODS = "goods"
OWNERS = ("central", "local")
RATE_ANAPHOR = "rate_anaphor"  # "tỷ lệ này": the rate named just before
# Period phrases that also state a target ("kế hoạch năm là X": the plan for the whole year).
TARGET_PERIODS = {"plan_year"}


def base_period(m: Mention, st: State) -> Period | None:
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
        if st.subject_seen and st.status != "target":
            # "ước đạt 17,2%, cao hơn kịch bản đề ra (15%); giá trị tăng thêm tăng 18,4%": a
            # plan named in comparison after a figure is a target for its clause only
            st.target_aside = (st.status, m.end)
        st.status = "target"
    elif m.key == "estimate":
        st.status = "estimate"
        st.status_frame = st.status_frame or not st.subject_seen
    elif st.status == "estimate" and (
        st.status_frame or not CLAUSE_BREAK.search(text, st.status_end, m.start)
    ):
        pass
    elif st.status != "target":
        st.status = "actual"
    st.status_end = m.end
    st.status_period = st.period


def _apply_period(m: Mention, st: State) -> None:
    period = resolve_period(m.key, m.groups, base_period(m, st), st.published)
    if m.key in TARGET_PERIODS:
        st.status = "target"
    if period is None:
        return
    st.period, st.basis = period, None
    if period.last - period.first < 11:
        st.last_subyear = period
    future = st.published is None or period.year > st.published.year
    if m.key == "horizon" and future:
        st.horizons.add(period.year)


def _apply_indicator(m: Mention, st: State, text: str) -> None:
    key = m.key
    if key == TRADE_BARE:
        if st.indicator not in TRADE_FLOWS:
            return  # "kim ngạch" of a flow the text has not named: no subject
        key = st.indicator
    elif key == HOUSEHOLD_AFTER:
        key = OTHER  # a count of households; attach.py takes it as the rate after a percentage
    elif key == RATE_ANAPHOR:
        recent = st.sentence - st.indicator_sentence <= 1
        key = HOUSEHOLD if st.indicator == HOUSEHOLD and recent else OTHER
    if key == OTHER:
        st.indicator, st.sector, st.anchor = OTHER, None, m.start
        st.indicator_sentence = st.sentence
        return
    if key == OUTPUT_BARE:
        if st.sector is None and st.indicator != OUTPUT:
            return  # "giá trị sản xuất" of something the text has not named: no subject
        key = OUTPUT
    if key == RETAIL_GOODS:
        st.indicator, st.indicator_sentence, st.sector = "retail_sales", st.sentence, GOODS
        st.anchor, st.subject_seen, st.sector_end = m.start, True, m.end
        return
    st.anchor, st.subject_seen = m.start, True
    # A breakdown named just before the measure, in the same clause, keeps it ("Khu vực có vốn
    # đầu tư nước ngoài ... với giá trị sản xuất ước đạt X"); after a comma it was a preamble
    # ("Nhờ khu vực FDI, chỉ số sản xuất công nghiệp tăng 9%" is the total).
    fresh = st.sector_end is not None and not CLAUSE_BREAK.search(text, st.sector_end, m.start)
    keep = st.sector if fresh else None
    if key != INDUSTRY:
        st.indicator, st.indicator_sentence, st.sector = key, st.sentence, keep
    elif st.indicator_sentence != st.sentence or st.indicator in (None, OTHER, INDUSTRY):
        st.indicator, st.indicator_sentence, st.sector = INDUSTRY, st.sentence, None
    else:  # "... giá trị gia tăng của ngành công nghiệp": a qualifier, not a new subject
        st.sector = None


def apply_mention(m: Mention, st: State, text: str) -> None:
    """Update ``st`` for one mention read at its place in the sentence."""
    if m.kind == "status":
        _apply_status(m, st, text)
    elif m.kind in ("basis", "inline_basis"):
        st.pending_basis = text[m.start : m.end]
        st.basis_inline = m.kind == "inline_basis"
    elif m.kind == "period":
        _apply_period(m, st)
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
        _apply_indicator(m, st, text)
    elif m.kind == "sector" and m.key.startswith("owner_"):
        if st.sector in OWNERS:  # the list is one of owners: its next item
            st.sector, st.anchor, st.subject_seen = m.key[len("owner_") :], m.start, True
            st.sector_end = m.end
    elif m.kind == "sector":
        if st.indicator is None and st.carried is not None:
            # A breakdown opening a paragraph with no subject of its own ("Theo Sở Công Thương,
            # ngành chế biến, chế tạo tăng 9,3%; ...", or after a photo caption) continues the
            # total stated in the paragraph before: it takes its indicator, status and basis.
            st.indicator, st.status, st.basis = st.carried
            st.indicator_sentence = st.sentence
        st.sector, st.anchor, st.subject_seen = m.key, m.start, True
        st.sector_end = m.end
