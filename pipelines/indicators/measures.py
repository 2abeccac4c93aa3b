"""What a figure measures, given the state around it: measure, value, unit, indicator, status.

Pure functions over a ``Figure`` and the extraction ``State``; the rules follow the contract
(shared/indicators.md) and are exercised by tests/pipelines/test_indicators_measures.py.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from pipelines.indicators.areas import Home
from pipelines.indicators.figures import Figure
from pipelines.indicators.periods import Period

if TYPE_CHECKING:  # scan.py imports this module's neighbours; only the type is needed here
    from pipelines.indicators.scan import ArticleScan

logger = logging.getLogger(__name__)

OTHER = "other"
INDUSTRY = "industry"  # "ngành công nghiệp": a key only once context says which
KEYS = (
    "industrial_output_value",
    "industrial_production_index",
    "industry_growth",
    "industry_value_added",
    "retail_sales",
    "export_value",
    "import_value",
    "household_electricity_rate",
)
# Units a level may have, per indicator: anything else (tonnes, projects) is not that indicator.
LEVEL_UNITS: dict[str, set[str]] = {
    "industrial_output_value": {"VND"},
    "industry_value_added": {"VND"},
    "retail_sales": {"VND"},
    "export_value": {"USD", "VND"},
    "import_value": {"USD", "VND"},
    "household_electricity_rate": {"percent"},
}
MONEY_DEFAULT = {"export_value": "USD", "import_value": "USD"}  # otherwise VND
GROWTH_INDICATORS = {"industry_growth", "industrial_production_index"}
INDEX_FLOOR = 50.0  # "bằng/đạt X% so với cùng kỳ" is an index (X - 100) when X is at least this


@dataclass
class State:
    """What the text has established so far (article, paragraph and sentence scope)."""

    published: date | None
    period: Period | None = None
    last_subyear: Period | None = None  # the last quarter/month/month range stated
    horizons: set[int] = field(default_factory=set)
    indicator: str | None = None
    indicator_sentence: int = -1
    sector: str | None = None
    status: str | None = None
    basis: str | None = None
    money_unit: str | None = None
    sentence: int = 0
    growth: bool = False
    share: bool = False
    grdp: bool = False
    last_pct_measure: str | None = None
    plan_pending: bool = False  # "so với kế hoạch" stated before the figure
    pending_basis: str | None = None  # "So với cùng kỳ, ..." stated before the figures
    basis_inline: bool = False  # the pending base is one figure's ("so với quý IV giảm 6,3%")
    status_frame: bool = False  # the status word opened the sentence
    status_end: int = 0
    subject_seen: bool = False
    anchor: int | None = None
    sector_end: int | None = None  # a sector named since the last figure, in this sentence
    level_indicator: str | None = None  # the last total stated as an amount (see attach.py)
    resume_period: Period | None = None  # the period before a "Riêng tháng 10, ..." aside
    resume_basis: str | None = None  # and the basis before it
    # The last paragraph's total (indicator, status, basis): a sector list in a later paragraph
    # that names no indicator of its own breaks that total down (see apply.py).
    carried: tuple[str, str | None, str | None] | None = None
    last_total: tuple[str, str | None, str | None] | None = None  # the last total's fact
    # per indicator, the status and period of its last total: a part stated later with no
    # status word of its own (a sector, a district) has the total's status
    totals: dict[tuple[str, Period | None], str] = field(default_factory=dict)
    fact_status: str | None = None  # the status of the sentence's last fact
    status_period: Period | None = None  # the period in force when the status word was read
    target_aside: tuple[str | None, int] | None = None  # (status before a plan compared, where)
    # Places (areas.py): what the article reports on; the area of the figures being read (the
    # subject's place, to the sentence's end), the paragraph's (a place opening it), and a place
    # in the middle of a clause that only reaches the next figure ("... của cả nước (5%)").
    home: Home = field(default_factory=Home)
    scan: ArticleScan | None = None  # the article's mentions, found once (scan.py)
    area: str | None = None
    paragraph_area: str | None = None
    area_once: tuple[str | None, int] | None = None  # (area, where it was named)
    paragraph_sentence: int = 0  # sentences read in this paragraph before the current one
    # places named together as one subject ("Thành phố Bắc Kạn và huyện Chợ Mới có ... 99%"):
    # the figure is each one's
    area_group: list[str | None] = field(default_factory=list)
    # the last other province named in this paragraph ("của tỉnh" after it is that one), and
    # the last area given to a figure ("khu vực này")
    named_province: str | None = None
    last_area: str | None = None

    def __post_init__(self) -> None:
        self.area = self.paragraph_area = self.home.default_area

    def new_paragraph(self, continuation: bool, breakdown: bool = False) -> None:
        """``continuation``: the paragraph goes on with the one before ("Trong đó, ...");
        ``breakdown``: it opens a new breakdown of the total ("Chia theo loại hình kinh tế, ..."),
        whose items have the total's status, not the last item's."""
        if self.resume_period is not None:  # "Riêng tháng 10, ..." is over
            self.period, self.resume_period = self.resume_period, None
            self.basis = self.resume_basis
        if breakdown:
            self.status = None  # a new list: its items have the total's status (attach.py)
        if continuation:
            return
        self.paragraph_area = self.area = self.home.default_area
        self.paragraph_sentence, self.named_province = -1, None
        # The total as stated, not the state at the paragraph's end: a closing look back
        # ("..., khi năm 2023 chỉ đạt 97,4%") must not change the status the list inherits.
        if self.last_total is not None or self.indicator is not None:
            self.carried = self.last_total if self.indicator != OTHER else None
        self.last_total = None
        self.indicator = self.sector = self.status = self.basis = self.money_unit = None

    def new_sentence(
        self, states_period: bool, continued: bool = False, breakdown: bool = False
    ) -> None:
        """``continued``: the sentence opens with "Trong đó", "Cụ thể" ... and goes on about
        the place of the sentence before; ``breakdown``: it opens a new breakdown ("Xét theo
        ngành, ..."), whose items take the total's status."""
        self.sentence += 1
        self.target_aside = None
        if self.resume_period is not None and not continued:
            # "Riêng quý III, IIP tăng 4,4%. Về giá trị, khu vực FDI đóng góp ...": the aside
            # was one sentence
            self.period, self.resume_period = self.resume_period, None
            self.basis = self.resume_basis
        self.paragraph_sentence += 1
        self.growth = self.share = self.grdp = self.plan_pending = False
        self.status_frame = self.subject_seen = False
        self.pending_basis = None
        self.fact_status = None
        self.last_pct_measure, self.anchor, self.sector_end = None, None, None
        self.area_once = None
        self.area_group = []
        if not continued:
            self.area = self.paragraph_area
        if states_period:  # a new time frame: the old status and basis no longer hold
            self.status, self.basis = None, None
        elif (breakdown or not continued) and self.status != "target":
            # a new sentence about a new figure with no status word of its own states it (the
            # gold files' convention); "Trong đó, ..." goes on with the sentence before
            self.status = None


def _percent_measure(fig: Figure, st: State, indicator: str | None) -> tuple[str, float] | None:
    """Measure of a bare percentage ("đạt 7,7%", "với 11,9%")."""
    x = fig.value
    if st.plan_pending and fig.cue in ("reach", None):
        return "plan_progress", x
    if (fig.basis_text or st.pending_basis) and fig.cue in ("reach", None) and x >= INDEX_FLOOR:
        return "change", round(x - 100, 6)
    if indicator == "household_electricity_rate":
        return "level", x
    if indicator == "industrial_production_index" and x >= INDEX_FLOOR:
        return "change", round(x - 100, 6)
    if st.growth or indicator in GROWTH_INDICATORS:
        return "change", x
    if st.share:
        return "share", x
    if st.last_pct_measure in ("share", "change"):
        return st.last_pct_measure, x
    return None


def measure_of(fig: Figure, st: State, indicator: str | None) -> tuple[str, float, str] | None:
    """(measure, value, unit) of a figure, or None when it states no measurable fact."""
    unit = fig.unit
    if unit in ("count", "points"):
        return None
    if unit is None:
        if fig.magnitude:  # "252,4 tỷ": the currency of the text so far
            unit = st.money_unit or MONEY_DEFAULT.get(indicator or "", "VND")
        elif fig.cue in ("up", "down") or fig.plan or fig.basis_text:
            unit = "percent"  # "tăng 6,03 so với cùng kỳ": the % was dropped
        else:
            return None
    x = fig.value
    plan_cue = fig.cue == "over" and fig.cue_text.lower() != "vượt"
    if fig.plan or plan_cue:
        if unit != "percent":
            return None
        return "plan_progress", round(100 + x, 6) if fig.cue == "over" else x, "percent"
    if fig.cue in ("up", "down"):
        return ("change", x if fig.cue == "up" else -x, "percent") if unit == "percent" else None
    if fig.cue == "over":
        return None
    if fig.cue == "share":
        return ("share", x, "percent") if unit == "percent" else None
    if unit != "percent":
        return "level", x, unit
    found = _percent_measure(fig, st, indicator)
    return (found[0], found[1], "percent") if found else None


def resolve_indicator(indicator: str | None, measure: str, unit: str, st: State) -> str | None:
    """The contract key for this fact, or None when the figure is not one of ours."""
    if indicator == INDUSTRY:
        if measure == "share" and st.grdp:
            return "industry_value_added"
        if measure == "change" and st.growth:
            return "industry_growth"
        return None
    if indicator is None or indicator == OTHER:
        return None
    if measure == "level" and unit not in LEVEL_UNITS.get(indicator, set()):
        return None
    if indicator in GROWTH_INDICATORS and measure != "change":
        return None
    return indicator


def _month(day: date) -> int:
    return day.year * 12 + day.month - 1


def resolve_status(st: State, stock: bool = False) -> str:
    """target / estimate / actual from the words seen and the period's place in time."""
    period, published = st.period, st.published
    future = bool(period and published and period.first > _month(published))
    horizon = bool(period and period.year in st.horizons)
    # A span of years with a year or more still to run when the article was written is a plan
    # ("thời kỳ 2021-2030"); one ending within the year is being reviewed ("5 năm 2016-2020" in
    # October 2020).
    horizon = horizon or bool(
        period
        and published
        and period.last - period.first > 11
        and period.last - _month(published) >= 12
    )
    if st.status in ("target", "estimate"):
        return st.status
    if future or horizon:
        return "target"
    # no status word at all: a figure for a period still running is an estimate; "đạt" keeps
    # an item actual (the contract's list rule), whatever the period
    return "estimate" if st.status is None and running(period, published, stock) else "actual"


def running(period: Period | None, published: date | None, stock: bool = False) -> bool:
    """Whether the period was not over when the article was published: a flow over it can only
    be an estimate ("Tháng 12/2015" in a report of 24/12/2015), whatever the verb. A stock (a
    rate "hiện nay") is observed, not estimated."""
    return bool(not stock and period and published and period.last >= _month(published))
