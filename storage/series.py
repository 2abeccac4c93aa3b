"""One series point per figure, however many articles and sites report it.

cokhivietnam.vn rewrites baothainguyen.vn, newspapers repost the statistics office: the same
figure arrives many times. Facts with the same key — (province_current, province, area,
indicator, sector, measure, basis, period, status, unit), provinces taken from the article —
whose values agree within
the contract's tolerance (0.5 % relative for ``level``, 0.01 points otherwise) are one point with
all their sources. Values for one key that do not agree are a :class:`Conflict`.

The SQL view ``indicator_series`` (migration 0002) applies the same rule: values sorted, a new
point wherever the gap to the previous value exceeds the tolerance. The unit is in the key
because figures in different units cannot be compared (and are not the same figure); so is the
basis (a change on the same period last year and one on the previous quarter differ). So is the
article's own province: province_current alone would merge Bắc Kạn's pre-2025 figures with
Thái Nguyên's (both are "Thái Nguyên" today) and flag every such pair as a conflict. So is the
fact's area: a district's, another province's or the country's figure stated in a provincial
article is a point of that place's series, never of the province's own (area null).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from sqlalchemy.orm import Session

from storage.queries import FactRow, query_facts

SeriesKey = tuple[
    str | None,
    str | None,
    str | None,
    str,
    str | None,
    str,
    str | None,
    str | None,
    str | None,
    str,
]

RELATIVE_TOLERANCE = 0.005  # level: 0.5 % (shared/indicators.md, "Scoring")
POINTS_TOLERANCE = 0.01  # change, plan_progress, share: 0.01 percentage points
_EPSILON = 1e-9  # float noise: 6.0 and 6.01 are 0.01 apart even when stored as 0.0099999


@dataclass(frozen=True)
class SourceRef:
    """One article stating the figure."""

    url: str
    source: str
    published_at: str | None
    article_id: int
    value: float
    evidence: str


@dataclass(frozen=True)
class SeriesPoint:
    province_current: str | None
    province: str | None
    indicator: str
    sector: str | None
    measure: str
    basis: str | None
    period: str | None
    status: str | None
    unit: str
    # the value as first published (reposts copy it); min and max of what the sources say
    value: float
    value_min: float
    value_max: float
    period_start: date | None
    period_end: date | None
    sources: tuple[SourceRef, ...]
    # another point with the same key states a different value
    conflict: bool = False
    area: str | None = None  # another place than the article's province (contract: area)

    @property
    def key(self) -> SeriesKey:
        return (
            self.province_current,
            self.province,
            self.area,
            self.indicator,
            self.sector,
            self.measure,
            self.basis,
            self.period,
            self.status,
            self.unit,
        )

    @property
    def source_keys(self) -> tuple[str, ...]:
        return tuple(sorted({s.source for s in self.sources}))


@dataclass(frozen=True)
class Conflict:
    """Sources that disagree on one figure: the points (value groups) they form."""

    points: tuple[SeriesPoint, ...]

    @property
    def key(self) -> SeriesKey:
        return self.points[0].key

    @property
    def values(self) -> tuple[float, ...]:
        return tuple(p.value for p in self.points)


def agree(measure: str, a: float, b: float) -> bool:
    """Whether two values of one figure are the same within the contract's tolerance."""
    if measure == "level":
        return abs(a - b) <= RELATIVE_TOLERANCE * max(abs(a), abs(b)) + _EPSILON
    return abs(a - b) <= POINTS_TOLERANCE + _EPSILON


def fact_key(row: FactRow) -> SeriesKey:
    return (
        row.province_current,
        row.province,
        row.area,
        row.indicator,
        row.sector,
        row.measure,
        row.basis,
        row.period,
        row.status,
        row.unit,
    )


def _published(row: FactRow) -> tuple[int, date, int]:
    # earliest first, undated last, then the order facts were stored
    return (row.published_date is None, row.published_date or date.max, row.fact_id)


def _point(rows: list[FactRow], conflict: bool) -> SeriesPoint:
    first = min(rows, key=_published)
    sources: dict[int, SourceRef] = {}
    for row in sorted(rows, key=_published):
        sources.setdefault(
            row.article_id,
            SourceRef(
                row.url, row.source, row.published_at, row.article_id, row.value, row.evidence
            ),
        )
    return SeriesPoint(
        province_current=first.province_current,
        province=first.province,
        indicator=first.indicator,
        sector=first.sector,
        measure=first.measure,
        basis=first.basis,
        period=first.period,
        status=first.status,
        unit=first.unit,
        value=first.value,
        value_min=min(r.value for r in rows),
        value_max=max(r.value for r in rows),
        period_start=first.period_start,
        period_end=first.period_end,
        sources=tuple(sources.values()),
        conflict=conflict,
        area=first.area,
    )


def group_points(rows: Iterable[FactRow]) -> list[SeriesPoint]:
    """Facts -> series points (pure): same key and agreeing values make one point."""
    by_key: dict[SeriesKey, list[FactRow]] = {}
    for row in rows:
        by_key.setdefault(fact_key(row), []).append(row)
    points: list[SeriesPoint] = []
    for key_rows in by_key.values():
        key_rows.sort(key=lambda r: (r.value, r.fact_id))
        clusters: list[list[FactRow]] = [[key_rows[0]]]
        for previous, row in pairwise(key_rows):
            if agree(row.measure, previous.value, row.value):
                clusters[-1].append(row)
            else:
                clusters.append([row])
        points.extend(_point(c, len(clusters) > 1) for c in clusters)
    return points


def series(session: Session, **filters: Any) -> list[SeriesPoint]:
    """Series points for the facts matching ``filters`` (those of storage.queries.query_facts).

    Ordered like the facts: indicator, sector, measure, then period in time.
    """
    filters.pop("limit", None)
    return group_points(query_facts(session, **filters))


def conflicts(session: Session, **filters: Any) -> list[Conflict]:
    """Figures whose sources disagree, each with its groups of agreeing sources."""
    by_key: dict[SeriesKey, list[SeriesPoint]] = {}
    for point in series(session, **filters):
        if point.conflict:
            by_key.setdefault(point.key, []).append(point)
    return [Conflict(tuple(points)) for points in by_key.values()]
