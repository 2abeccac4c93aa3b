"""Full-text search: diacritics ignored, exact diacritics first, same hits on both backends."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from storage import repository as repo
from storage.db import session_factory, transaction
from storage.queries import ArticleHit, list_articles, search_articles
from tests.storage.builders import build, load, record, url_of

ARTICLES = load("search_articles.json")
KEYS = {url_of(a): a["key"] for a in ARTICLES}

# query -> the articles it must find (by fixture key), in any order
EXPECTED = {
    "cong nghiep Bac Kan": {"bk-cong-nghiep", "khong-dau", "hoa-chu", "sau-sap-nhap"},
    "công nghiệp Bắc Kạn": {"bk-cong-nghiep", "khong-dau", "hoa-chu", "sau-sap-nhap"},
    "Bac Can": {"bac-can-cong-dong"},
    # "đồng" of "tỷ đồng", "động" of "động lực": both fold to "dong"
    "cộng đồng": {
        "bac-can-cong-dong",
        "bk-cong-nghiep",
        "tn-cong-nghiep-q1",
        "khong-dau",
        "sau-sap-nhap",
    },
    "dien luc Dong Hy": {"dien-luc-dong-hy"},
    "Điện lực": {"dien-luc-dong-hy"},
    "ở vùng cao": {"o-bac-kan"},
    "co khi": {"co-khi"},
    "cống": {
        "bk-cong-nghiep",
        "bac-can-cong-dong",
        "cong-thoat-nuoc",
        "khong-dau",
        "tn-cong-nghiep-q1",
        "iip-thang-10",
        "sau-sap-nhap",
        "hoa-chu",
        "co-khi",
    },
    "xuất khẩu 33 tỷ USD": {"xuat-khau"},
    "nonexistentword": set(),
}


def _keys(hits: list[ArticleHit]) -> list[str]:
    return [KEYS[h.url] for h in hits]


@pytest.fixture
def sessions(archive_url: str):  # type: ignore[no-untyped-def]
    engine = build(archive_url, ARTICLES)
    yield session_factory(engine)
    engine.dispose()


@pytest.mark.parametrize("query", sorted(EXPECTED))
def test_finds_with_or_without_diacritics(sessions, query: str) -> None:  # type: ignore[no-untyped-def]
    with sessions() as session:
        assert set(_keys(search_articles(session, query, limit=50))) == EXPECTED[query]


def test_exact_diacritics_rank_first(sessions) -> None:  # type: ignore[no-untyped-def]
    with sessions() as session:
        hits = search_articles(session, "công nghiệp Bắc Kạn")
        # the article typed without diacritics matches, but after every exact one
        assert _keys(hits)[-1] == "khong-dau"
        assert [h.exact for h in hits] == sorted((h.exact for h in hits), reverse=True)
        assert hits[0].exact == 4
        cong = search_articles(session, "cống", limit=50)
        assert _keys(cong)[0] == "cong-thoat-nuoc"
        assert _keys(search_articles(session, "cộng", limit=50))[0] == "bac-can-cong-dong"
        # all caps title: "BẮC KẠN: CÔNG NGHIỆP" is an exact match too
        assert next(h for h in hits if KEYS[h.url] == "hoa-chu").exact == 4


def test_filters_and_snippet(sessions) -> None:  # type: ignore[no-untyped-def]
    with sessions() as session:
        # "cộng đồng doanh nghiệp" holds both words too
        hits = search_articles(session, "cong nghiep", source="backan.gov.vn")
        assert set(_keys(hits)) == {"hoa-chu", "bac-can-cong-dong"}
        hits = search_articles(session, "cong nghiep", date_from="2024-04-01", date_to="2024-04-30")
        assert set(_keys(hits)) == {"bk-cong-nghiep", "khong-dau"}
        hits = search_articles(session, "cong nghiep", province="Bắc Kạn")
        assert set(_keys(hits)) == {"bk-cong-nghiep", "khong-dau", "hoa-chu", "bac-can-cong-dong"}
        hit = search_articles(session, "Dong Hy")[0]
        assert "Đồng Hỷ" in hit.snippet
        assert len(search_articles(session, "cong", limit=2)) == 2
        assert search_articles(session, "  ;; ** ") == []


def test_list_articles_newest_first(sessions) -> None:  # type: ignore[no-untyped-def]
    with sessions() as session:
        hits = list_articles(session, limit=3)
        assert _keys(hits) == ["sau-sap-nhap", "o-bac-kan", "xuat-khau"]
        # Bắc Kạn's articles are Thái Nguyên's today
        tn = _keys(list_articles(session, province="Thái Nguyên", limit=None))
        assert "bk-cong-nghiep" in tn and "co-khi" not in tn
        assert _keys(list_articles(session, source="cokhivietnam.vn")) == ["co-khi", "khong-dau"]


def test_index_follows_updates_and_deletes(archive_url: str) -> None:
    engine = build(archive_url, ARTICLES[:3])
    sessions = session_factory(engine)
    changed = dict(ARTICLES[0], body="Sản lượng chè búp tươi ước đạt 260 nghìn tấn.")
    with transaction(sessions) as session:
        source = repo.get_or_create_source(session, changed["source"])
        repo.upsert_article(session, record(changed), source)
    with sessions() as session:
        assert _keys(search_articles(session, "che bup tuoi")) == ["bk-cong-nghiep"]
        assert "bk-cong-nghiep" not in _keys(search_articles(session, "1.200 ty"))
    with transaction(sessions) as session:
        session.execute(
            text("DELETE FROM articles WHERE canonical_url = :u"), {"u": url_of(changed)}
        )
    with sessions() as session:
        assert search_articles(session, "che bup tuoi") == []
        if engine.dialect.name == "sqlite":
            session.execute(
                text("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
            )
    engine.dispose()


@pytest.mark.postgres
def test_same_hits_on_sqlite_and_postgresql(sqlite_url: str, pg_url: str) -> None:
    results = {}
    for url in (sqlite_url, pg_url):
        engine = build(url, ARTICLES)
        with session_factory(engine)() as session:
            results[engine.dialect.name] = {
                q: [(KEYS[h.url], h.exact) for h in search_articles(session, q, limit=50)]
                for q in EXPECTED
            }
        engine.dispose()
    for query in EXPECTED:
        lite, pg = results["sqlite"][query], results["postgresql"][query]
        # the same articles, each with the same exact-diacritics score, in the same tiers;
        # within a tier the order is each backend's own rank (bm25 / ts_rank)
        assert sorted(lite) == sorted(pg), query
        assert [e for _, e in lite] == [e for _, e in pg], query
