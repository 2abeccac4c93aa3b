"""One series point per figure, with all its sources; disagreements are conflicts."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from storage.db import session_factory
from storage.queries import AREA_ANY, AREA_NONE, TOTAL, query_facts
from storage.series import agree, conflicts, series
from tests.storage.builders import build, load, write

ARTICLES = load("series_articles.json")
# A district's, the country's and another province's figures stated in Thái Nguyên's articles;
# the district's change (7,1 %) equals the province's own for the same quarter.
AREA_ARTICLES = load("area_articles.json")
IOV = {"indicator": "industrial_output_value", "sector": TOTAL, "measure": "level"}


def _conflicting_article() -> dict:  # type: ignore[type-arg]
    article = dict(ARTICLES[1], key="sai-so-quy-1", source="congthuong.vn")
    article["facts"] = [dict(article["facts"][0], value=2.3e14)]
    return article


def test_two_sources_one_point(archive_url: str) -> None:
    """The acceptance case: baothainguyen.vn and its rewrite on cokhivietnam.vn."""
    engine = build(archive_url, ARTICLES[:2])
    with session_factory(engine)() as session:
        points = series(session, province_current="Thái Nguyên", period_from="2024-Q1", **IOV)
        assert len(points) == 1
        point = points[0]
        assert point.value == 2.03e14 and point.period == "2024-Q1" and not point.conflict
        assert point.source_keys == ("baothainguyen.vn", "cokhivietnam.vn")
        assert [s.published_at for s in point.sources] == [
            "2024-03-26T15:13:00+07:00",
            "2024-03-28",
        ]
        assert all(s.url.startswith("https://") and s.evidence for s in point.sources)
        assert conflicts(session) == []
    engine.dispose()


def test_values_within_tolerance_join_and_provinces_stay_apart(archive_url: str) -> None:
    engine = build(archive_url, ARTICLES)
    with session_factory(engine)() as session:
        points = series(session, province_current="Thái Nguyên", **IOV)
        by_province_period = {(p.province, p.period): p for p in points}
        # 203,6 nghìn tỷ agrees with 203 (0.3 %): a third source, the value first published kept
        q1 = by_province_period[("Thái Nguyên", "2024-Q1")]
        assert len(q1.sources) == 3 and q1.value == 2.03e14 and q1.value_max == 2.036e14
        # Bắc Kạn's own Q1 figure is another figure, not a conflict, although it is
        # Thái Nguyên's today
        assert by_province_period[("Bắc Kạn", "2024-Q1")].value == 1.2e12
        assert [p.period for p in points if p.province == "Thái Nguyên"] == [
            "2023",
            "2024-Q1",
            "2024-Q2",
        ]
        assert conflicts(session) == []
    engine.dispose()


def test_conflicting_value_is_flagged(archive_url: str) -> None:
    engine = build(archive_url, ARTICLES)
    write(engine, [_conflicting_article()])
    with session_factory(engine)() as session:
        found = conflicts(session)
        assert len(found) == 1
        assert sorted(found[0].values) == [2.03e14, 2.3e14]
        point = found[0].points[0]
        assert point.measure == "level" and point.period == "2024-Q1" and point.area is None
        odd = next(p for p in found[0].points if p.value == 2.3e14)
        assert [s.source for s in odd.sources] == ["congthuong.vn"]
        flagged = [p for p in series(session, **IOV) if p.conflict]
        assert len(flagged) == 2
    engine.dispose()


def test_a_figure_with_an_area_never_joins_the_province_series(archive_url: str) -> None:
    engine = build(archive_url, ARTICLES + AREA_ARTICLES)
    change = {"indicator": "industrial_output_value", "sector": TOTAL, "measure": "change"}
    with session_factory(engine)() as session:
        points = series(session, province="Thái Nguyên", period_from="2024-Q1", **change)
        q1 = [p for p in points if p.period == "2024-Q1"]
        # the same value, one quarter, one province's articles: still two series points
        assert sorted((p.area or "", p.value) for p in q1) == [("", 7.1), ("huyện Phú Bình", 7.1)]
        assert not any(p.conflict for p in q1)
        own = next(p for p in q1 if p.area is None)
        assert [s.source for s in own.sources] == ["baothainguyen.vn", "cokhivietnam.vn"]
        assert all("Phú Bình" not in s.evidence for s in own.sources)
        level = series(session, province="Thái Nguyên", area=AREA_NONE, **IOV)
        assert all(p.area is None for p in level)
        # the province's total restated by the district article joins the province's point
        q1_level = next(p for p in level if p.period == "2024-Q1")
        assert q1_level.value == 2.03e14 and len(q1_level.sources) == 4
        places = {p.area for p in series(session, area=AREA_ANY)}
        assert places == {"huyện Phú Bình", "cả nước", "Bắc Giang"}
        (bg,) = query_facts(session, area="Bắc Giang")
        assert bg.indicator == "export_value" and bg.value == 7.2e9 and bg.unit == "USD"
        assert conflicts(session) == []
    engine.dispose()


def test_sql_view_agrees_with_python(archive_url: str) -> None:
    engine = build(archive_url, ARTICLES + AREA_ARTICLES)
    write(engine, [_conflicting_article()])
    with session_factory(engine)() as session:
        rows = session.execute(
            text(
                "SELECT province, area, indicator, sector, measure, period, status, value, "
                "n_articles, n_sources, conflict, sources, urls FROM indicator_series"
            )
        ).all()
        points = series(session)
        assert len(rows) == len(points)
        expected = {
            (p.province, p.area, p.indicator, p.sector, p.measure, p.period, p.status, p.value): (
                len(p.sources),
                len(p.source_keys),
                int(p.conflict),
                ",".join(p.source_keys),
                {s.url for s in p.sources},
            )
            for p in points
        }
        for row in rows:
            n_articles, n_sources, conflict, sources, urls = expected[tuple(row[:8])]
            assert (row.n_articles, row.n_sources, row.conflict) == (
                n_articles,
                n_sources,
                conflict,
            )
            assert sorted(row.sources.split(",")) == sorted(sources.split(","))
            assert set(row.urls.split(" ")) == urls
        facts = session.execute(text("SELECT count(*), min(url) FROM indicator_facts")).one()
        assert facts[0] == sum(len(a["facts"]) for a in ARTICLES + AREA_ARTICLES) + 1
        areas = session.execute(text("SELECT count(area) FROM indicator_facts")).scalar_one()
        assert areas == 4
        latest = session.execute(text("SELECT title FROM latest_articles")).scalars().first()
        assert latest == "Công nghiệp 6 tháng và quý II năm 2024"
    engine.dispose()


@pytest.mark.parametrize(
    ("measure", "a", "b", "same"),
    [
        ("level", 2.03e14, 2.036e14, True),
        ("level", 2.03e14, 2.045e14, False),
        ("level", 100.0, 100.5, True),
        ("change", 6.0, 6.01, True),
        ("change", 6.0, 6.02, False),
        ("share", -10.1, -10.1, True),
    ],
)
def test_tolerance_is_the_contracts(measure: str, a: float, b: float, same: bool) -> None:
    assert agree(measure, a, b) is same
