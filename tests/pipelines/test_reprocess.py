"""Reprocessing re-extracts archived articles from their raw pages, offline, keeping history."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select, update

from pipelines.process import process_document
from pipelines.reprocess import diff_facts, reprocess
from pipelines.storage import archive_document
from pipelines.version import EXTRACTOR_VERSION
from storage import repository as repo
from storage.db import open_archive, session_factory, transaction
from storage.models import Article, ArticleVersion, IndicatorFact
from tests.conftest import PROJECT_ROOT, SEEDS_DIR


def ingest_seeds(archive_url: str) -> None:
    """The seeds archived as a crawl archives them: raw bytes, article and facts."""
    engine = open_archive(archive_url)
    sessions = session_factory(engine)
    for path in sorted(SEEDS_DIR.iterdir()):
        url = path.resolve().as_uri()
        processed = process_document(path.read_bytes(), source=url)
        a = processed.article
        record = repo.ArticleRecord(
            canonical_url=url, url=url, body=a.body, extractor_version=EXTRACTOR_VERSION,
            title=a.title, sapo=a.sapo, published_at=a.published_at, author=a.author,
            province=a.province, province_current=a.province_current, views=a.views,
            method=a.method, facts=processed.facts,
        )  # fmt: skip
        fetch = repo.RawFetch(
            url=url, content=path.read_bytes(), status=200, fetched_at=datetime.now(UTC)
        )
        with transaction(sessions) as session:
            archive_document(session, record, "seeds", fetch)
    engine.dispose()


def age_the_archive(archive_url: str) -> int:
    """What rules of an older version left behind: one article with two wrong facts."""
    engine = open_archive(archive_url)
    with engine.begin() as conn:
        article_id = conn.scalar(select(Article.id).where(Article.canonical_url.like("%/000_%")))
        wrong = conn.scalars(
            select(IndicatorFact.id).where(IndicatorFact.article_id == article_id).limit(2)
        ).all()
        conn.execute(
            update(IndicatorFact)
            .where(IndicatorFact.id.in_(wrong))
            .values(value=1.0, extractor_version="0.0.1")
        )
        conn.execute(
            update(Article).where(Article.id == article_id).values(extractor_version="0.0.1")
        )
    engine.dispose()
    return article_id


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("reprocessing tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_reprocess_repairs_old_facts_offline(
    archive_url: str, request: pytest.FixtureRequest
) -> None:
    ingest_seeds(archive_url)
    article_id = age_the_archive(archive_url)
    engine = open_archive(archive_url)
    sessions = session_factory(engine)
    if archive_url.startswith("sqlite"):  # a PostgreSQL session needs its socket; SQLite none
        request.getfixturevalue("no_network")
    changes = list(reprocess(sessions))
    assert [c.outcome for c in changes] == ["updated"]
    assert len(changes[0].changed) == 2 and not changes[0].added and not changes[0].removed
    with sessions() as session:
        article = session.get(Article, article_id)
        assert article is not None and article.extractor_version == EXTRACTOR_VERSION
        assert all(f.extractor_version == EXTRACTOR_VERSION for f in article.facts)
        assert 1.0 not in [f.value for f in article.facts]
        version = session.scalars(select(ArticleVersion)).one()  # both versions' history
        assert version.extractor_version == "0.0.1"
        assert [f["value"] for f in version.facts].count(1.0) == 2
        assert session.scalar(select(func.count()).select_from(Article)) == 5
    # nothing left to do: a second pass touches nothing
    assert list(reprocess(sessions)) == []
    engine.dispose()


def test_reprocess_command(sqlite_url: str) -> None:
    ingest_seeds(sqlite_url)
    age_the_archive(sqlite_url)
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "reprocess"],
        cwd=PROJECT_ROOT,
        env={**os.environ, "ARCHIVE_URL": sqlite_url},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"(0.0.1 -> {EXTRACTOR_VERSION})" in result.stdout
    assert "1 updated, 0 unchanged, 0 failed; facts +0 -0 ~2" in result.stdout


def test_diff_facts() -> None:
    a = {
        "indicator": "x",
        "sector": None,
        "measure": "level",
        "period": "2024",
        "status": "actual",
        "basis": None,
        "value": 1.0,
    }
    b = {**a, "value": 2.0}
    c = {**a, "period": "2023"}
    added, removed, changed = diff_facts([a, c], [b])
    assert added == [] and removed == [c] and changed == [(a, b)]
