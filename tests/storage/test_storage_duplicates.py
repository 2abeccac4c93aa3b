"""Near-duplicate articles across sites are linked, cheaply."""

from __future__ import annotations

from sqlalchemy import func, select

from storage.db import session_factory, transaction
from storage.duplicates import (
    LINK_THRESHOLD,
    _candidates,
    jaccard,
    link_all,
    link_near_duplicates,
    shingles,
)
from storage.models import ArticleBand, ArticleLink
from storage.queries import near_duplicates
from tests.storage.builders import build, load

ARTICLES = load("duplicate_articles.json")


def test_rewrite_on_another_site_is_linked(archive_url: str) -> None:
    engine = build(archive_url, ARTICLES)
    original, rewrite, other, short = 1, 2, 3, 4
    sessions = session_factory(engine)
    with transaction(sessions) as session:
        assert link_near_duplicates(session, original) == []  # nothing to compare with yet
        assert link_near_duplicates(session, other) == []
        links = link_near_duplicates(session, rewrite)
        assert [(link.article_id, link.other_id) for link in links] == [(original, rewrite)]
        assert LINK_THRESHOLD <= links[0].similarity < 1.0
        assert link_near_duplicates(session, short) == []
        # candidates come from shared LSH buckets: the unrelated article is not even compared
        assert _candidates(session, rewrite) == [original]
    with sessions() as session:
        assert near_duplicates(session, original) == [
            (rewrite, links[0].similarity, links[0].method)
        ]
        assert [o for o, _, _ in near_duplicates(session, rewrite)] == [original]
        assert near_duplicates(session, other) == []
    engine.dispose()


def test_relinking_is_idempotent(archive_url: str) -> None:
    engine = build(archive_url, ARTICLES)
    sessions = session_factory(engine)
    with transaction(sessions) as session:
        link_all(session)
        link_all(session)
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(ArticleLink)) == 1
        bands = session.scalar(select(func.count(func.distinct(ArticleBand.article_id))))
        assert bands == 3  # the short one has too few shingles to be indexed
    engine.dispose()


def test_shingles_ignore_diacritics_and_punctuation() -> None:
    a = shingles("Giá trị sản xuất công nghiệp đạt 203 nghìn tỷ đồng.")
    b = shingles("Gia tri san xuat cong nghiep dat 203 nghin ty dong")
    assert a == b and jaccard(a, b) == 1.0
    assert jaccard(a, set()) == 0.0
