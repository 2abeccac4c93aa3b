"""Round trips through the repository on a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

from sqlalchemy import func, select

from storage import repository as repo
from storage.db import open_archive, session_factory, transaction
from storage.models import Article, ArticleVersion, FetchFailure, IndicatorFact, RawPage, Source

FACT = {
    "indicator": "industrial_output_value",
    "sector": None,
    "measure": "level",
    "value": 203e12,
    "unit": "VND",
    "basis": None,
    "period": "2024-Q1",
    "status": "actual",
    "qualifier": None,
    "evidence": "giá trị sản xuất công nghiệp đạt 203 nghìn tỷ đồng",
    "start": 10,
    "end": 61,
}


def _record(**overrides: object) -> repo.ArticleRecord:
    values: dict[str, object] = {
        "canonical_url": "https://baothainguyen.vn/kinh-te/202403/gia-tri-89d12aa/",
        "url": "https://baothainguyen.vn/kinh-te/202403/gia-tri-89d12aa/",
        "title": "Giá trị sản xuất công nghiệp đạt 203 nghìn tỷ đồng",
        "body": "Giá trị sản xuất công nghiệp đạt 203 nghìn tỷ đồng.",
        "published_at": "2024-03-26T15:13:00+07:00",
        "author": "Nhị Hà",
        "province": "Thái Nguyên",
        "province_current": "Thái Nguyên",
        "extractor_version": "test-1",
        "facts": [dict(FACT)],
    }
    values.update(overrides)
    return repo.ArticleRecord(**values)  # type: ignore[arg-type]


def _write(sessions, record, content=b"<html>page</html>"):  # type: ignore[no-untyped-def]
    with transaction(sessions) as session:
        source = repo.get_or_create_source(session, "baothainguyen.vn", "Báo Thái Nguyên")
        page = repo.store_raw_page(
            session,
            repo.RawFetch(
                url=record.url, content=content, status=200, headers={"Content-Type": "text/html"}
            ),
            source,
        )
        return repo.upsert_article(session, record, source, page)[1]


def test_round_trip_keeps_every_field(archive_url: str) -> None:
    engine = open_archive(archive_url)
    sessions = session_factory(engine)
    assert _write(sessions, _record()) == "new"
    with sessions() as session:
        article = session.scalars(select(Article)).one()
        assert article.title == "Giá trị sản xuất công nghiệp đạt 203 nghìn tỷ đồng"
        assert article.author == "Nhị Hà"
        assert article.published_at == "2024-03-26T15:13:00+07:00"
        assert str(article.published_date) == "2024-03-26"
        assert article.source.name == "Báo Thái Nguyên"
        fact = session.scalars(select(IndicatorFact)).one()
        assert fact.value == 203e12 and fact.period == "2024-Q1" and fact.start_offset == 10
        assert fact.extractor_version == "test-1"
        page = session.get(RawPage, article.raw_page_id)
        assert page is not None and page.content == b"<html>page</html>"
        assert page.headers == {"Content-Type": "text/html"}
        assert article.first_seen_at.tzinfo is not None or engine.dialect.name == "sqlite"
    engine.dispose()


def test_same_content_twice_is_unchanged(archive_url: str) -> None:
    engine = open_archive(archive_url)
    sessions = session_factory(engine)
    assert _write(sessions, _record()) == "new"
    assert _write(sessions, _record()) == "unchanged"
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Article)) == 1
        assert session.scalar(select(func.count()).select_from(ArticleVersion)) == 0
        assert session.scalar(select(func.count()).select_from(RawPage)) == 1
        assert session.scalar(select(func.count()).select_from(IndicatorFact)) == 1
    engine.dispose()


def test_changed_body_creates_a_version(archive_url: str) -> None:
    engine = open_archive(archive_url)
    sessions = session_factory(engine)
    _write(sessions, _record())
    changed = _record(
        body="Giá trị sản xuất công nghiệp đạt 204 nghìn tỷ đồng.", extractor_version="test-2"
    )
    assert _write(sessions, changed, content=b"<html>page v2</html>") == "updated"
    with sessions() as session:
        article = session.scalars(select(Article)).one()
        assert "204" in article.body and article.extractor_version == "test-2"
        version = session.scalars(select(ArticleVersion)).one()
        assert "203" in version.body and version.extractor_version == "test-1"
        assert version.facts[0]["value"] == 203e12
        assert session.scalar(select(func.count()).select_from(RawPage)) == 2
        # facts were replaced, not added to
        assert session.scalar(select(func.count()).select_from(IndicatorFact)) == 1
        assert session.scalars(select(IndicatorFact)).one().extractor_version == "test-2"
    engine.dispose()


def test_failures_are_counted_and_resolved(archive_url: str) -> None:
    engine = open_archive(archive_url)
    sessions = session_factory(engine)
    url = "https://backan.gov.vn/Pages/x-1a2b.aspx"
    for _ in range(2):
        with transaction(sessions) as session:
            repo.record_failure(session, url, "HTTP 503", "backan")
    with sessions() as session:
        failure = session.scalars(select(FetchFailure)).one()
        assert failure.attempts == 2 and failure.resolved_at is None
        assert [f.url for f in repo.pending_failures(session)] == [url]
    with transaction(sessions) as session:
        repo.resolve_failure(session, url)
    with sessions() as session:
        assert repo.pending_failures(session) == []
    engine.dispose()


def test_known_urls(archive_url: str) -> None:
    engine = open_archive(archive_url)
    sessions = session_factory(engine)
    _write(sessions, _record())
    with sessions() as session:
        known = repo.known_urls(session, [_record().canonical_url, "https://other.vn/a"])
        assert known == {_record().canonical_url}
        assert session.scalar(select(func.count()).select_from(Source)) == 1
    engine.dispose()
