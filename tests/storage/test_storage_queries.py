"""query_facts: filters, period ranges, provenance on every row, hostile input."""

from __future__ import annotations

import pytest
from sqlalchemy import func, inspect, select

from storage.db import session_factory
from storage.models import Article, IndicatorFact
from storage.queries import TOTAL, list_articles, query_facts, search_articles
from tests.storage.builders import build, load

ARTICLES = load("series_articles.json") + load("search_articles.json")

HOSTILE = [
    "'; DROP TABLE articles; --",
    "Robert'); DROP TABLE indicators;--",
    "%",
    "_",
    "%_%",
    '"',
    "\\",
    "' OR '1'='1",
    "Thái Nguyên' OR 1=1 --",
    "công\u200bnghiệp 🏭 ∑ ℌ 𝔄 ",
    'NEAR(a b) OR "x" * ^title: -body AND',
    "ア" * 5000,
    "x" * 100_000,
]


@pytest.fixture
def sessions(archive_url: str):  # type: ignore[no-untyped-def]
    engine = build(archive_url, ARTICLES)
    yield session_factory(engine)
    engine.dispose()


def test_every_row_carries_its_provenance(sessions) -> None:  # type: ignore[no-untyped-def]
    with sessions() as session:
        rows = query_facts(session, indicator="industrial_output_value", measure="level")
    assert rows
    for row in rows:
        assert row.url.startswith("https://") and row.source and row.evidence
        assert row.published_at and row.province_current == "Thái Nguyên"
    assert {r.source for r in rows} >= {"baothainguyen.vn", "cokhivietnam.vn"}


def test_period_range_compares_periods(sessions) -> None:  # type: ignore[no-untyped-def]
    with sessions() as session:
        q1 = query_facts(session, period_from="2024-01", period_to="2024-03")
        assert q1 and {r.period for r in q1} == {"2024-Q1"}
        h1 = query_facts(session, period_from="2024-Q1", period_to="2024-Q2", measure="level")
        assert {r.period for r in h1} == {"2024-Q1", "2024-Q2"}
        # in time order: Q1 before Q2
        assert [r.period for r in h1 if r.sector is None][-1] == "2024-Q2"
        assert {r.period for r in query_facts(session, period_from="2021")} >= {
            "2021-10",
            "2021-01..2021-10",
            "2024-Q1",
        }
        # the month is within October, the ten months are not
        october = query_facts(session, period_from="2021-10", period_to="2021-10")
        assert [r.period for r in october] == ["2021-10"]
        assert {r.period for r in query_facts(session, period_to="2023")} == {
            "2021-10",
            "2021-01..2021-10",
            "2023",
        }


def test_filters(sessions) -> None:  # type: ignore[no-untyped-def]
    with sessions() as session:
        bk = query_facts(session, province="Bắc Kạn")
        assert {r.province for r in bk} == {"Bắc Kạn"} and len(bk) == 2
        tn_now = query_facts(session, province_current="Thái Nguyên", measure="change")
        assert {r.province for r in tn_now} == {"Thái Nguyên", "Bắc Kạn"}
        total = query_facts(session, indicator="industrial_output_value", sector=TOTAL)
        assert total and all(r.sector is None for r in total)
        manufacturing = query_facts(session, sector="manufacturing")
        assert [r.value for r in manufacturing] == [2.019e14]
        assert {r.status for r in query_facts(session, status="estimate")} == {"estimate"}
        assert {r.source for r in query_facts(session, source="cokhivietnam.vn")} == {
            "cokhivietnam.vn"
        }
        assert len(query_facts(session, limit=3)) == 3
        with pytest.raises(ValueError, match="2024-Q1"):
            query_facts(session, period_from="Q1/2024")


def _counts(session) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    return (
        session.scalar(select(func.count()).select_from(Article)),
        session.scalar(select(func.count()).select_from(IndicatorFact)),
    )


@pytest.mark.parametrize("bad", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_is_only_data(sessions, bad: str) -> None:  # type: ignore[no-untyped-def]
    with sessions() as session:
        before = _counts(session)
        tables = set(inspect(session.connection()).get_table_names())
        for name in (
            "province",
            "province_current",
            "indicator",
            "sector",
            "measure",
            "status",
            "source",
        ):
            assert query_facts(session, **{name: bad}) == [], name
        for name in ("period_from", "period_to"):
            with pytest.raises(ValueError, match="not a period"):
                query_facts(session, **{name: bad})
        search_articles(session, bad)
        assert search_articles(session, "cong nghiep", source=bad, province=bad) == []
        assert list_articles(session, source=bad) == []
        assert list_articles(session, province=bad) == []
        for name in ("date_from", "date_to"):
            with pytest.raises(ValueError, match="not a date"):
                list_articles(session, **{name: bad})
        session.rollback()
        assert _counts(session) == before
        assert set(inspect(session.connection()).get_table_names()) == tables
