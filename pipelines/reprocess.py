"""Offline reprocessing: re-run extraction and indicators over the raw pages the archive kept.

No network: the bytes come from ``raw_pages``. Every article touched records the current
extractor version; an article whose text or facts change keeps its previous state in
``article_versions`` (see ``storage.repository.upsert_article``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from pipelines.errors import BadInputError
from pipelines.html import SiteSelectors
from pipelines.process import process_document
from pipelines.version import EXTRACTOR_VERSION
from storage import repository as repo
from storage.db import transaction
from storage.models import Article, RawPage, Source

logger = logging.getLogger(__name__)

SelectorsFor = Callable[[str, datetime], Sequence[SiteSelectors]]
FACT_KEY = ("indicator", "sector", "area", "measure", "period", "status", "basis")


@dataclass
class Change:
    url: str
    outcome: str  # "new", "updated", "unchanged", or "error"
    from_version: str
    added: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    changed: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)  # article fields whose value changed
    error: str | None = None


def diff_facts(
    old: list[dict[str, Any]], new: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[tuple[dict[str, Any], dict[str, Any]]]]:
    """Facts added, removed, and changed (same key, other value or qualifier)."""

    def keyed(facts: list[dict[str, Any]]) -> dict[tuple[Any, ...], dict[str, Any]]:
        return {tuple(f.get(k) for k in FACT_KEY): f for f in facts}

    before, after = keyed(old), keyed(new)
    added = [f for k, f in after.items() if k not in before]
    removed = [f for k, f in before.items() if k not in after]
    changed = [
        (before[k], f)
        for k, f in after.items()
        if k in before
        and (
            before[k].get("value") != f.get("value")
            or before[k].get("qualifier") != f.get("qualifier")
        )
    ]
    return added, removed, changed


def select_articles(
    session: Session,
    *,
    site: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    extractor_version: str | None = None,
    outdated_only: bool = True,
) -> list[int]:
    """Ids of the articles to reprocess (bound parameters only)."""
    query = select(Article.id).join(Source, Source.id == Article.source_id)
    if site:
        query = query.where(Source.key == site)
    if date_from:
        query = query.where(Article.published_date >= date_from)
    if date_to:
        query = query.where(Article.published_date <= date_to)
    if extractor_version:
        query = query.where(Article.extractor_version == extractor_version)
    elif outdated_only:
        query = query.where(Article.extractor_version != EXTRACTOR_VERSION)
    return list(session.scalars(query.order_by(Article.id)))


def reprocess_article(
    sessions: sessionmaker[Session], article_id: int, selectors_for: SelectorsFor | None = None
) -> Change:
    """Re-extract one article from its raw page, in one transaction."""
    with transaction(sessions) as session:
        article = session.get(Article, article_id)
        assert article is not None
        old_facts = [{k: getattr(f, k) for k in (*repo.FACT_FIELDS,)} for f in article.facts]
        change = Change(
            url=article.canonical_url, outcome="error", from_version=article.extractor_version
        )
        page = session.get(RawPage, article.raw_page_id) if article.raw_page_id else None
        if page is None:
            change.error = "no raw page stored: fetch it again with a crawl"
            return change
        headers = {str(k).lower(): str(v) for k, v in (page.headers or {}).items()}
        fetched = page.fetched_at
        selectors = selectors_for(page.url, fetched) if selectors_for else None
        try:
            processed = process_document(
                page.content,
                source=page.url,
                url=page.final_url or page.url,
                content_type=headers.get("content-type"),
                selectors=list(selectors) if selectors else None,
            )
        except BadInputError as err:
            change.error = str(err)
            return change
        a = processed.article
        record = repo.ArticleRecord(
            canonical_url=article.canonical_url,
            url=article.url,
            body=a.body,
            extractor_version=processed.extractor_version,
            title=a.title,
            sapo=a.sapo,
            published_at=a.published_at,
            author=a.author,
            province=a.province,
            province_current=a.province_current,
            views=a.views,
            method=a.method,
            selector_version=a.selector_version,
            facts=processed.facts,
        )
        change.fields = [
            name for name in repo.CONTENT_FIELDS if getattr(article, name) != getattr(record, name)
        ]
        change.added, change.removed, change.changed = diff_facts(old_facts, processed.facts)
        try:
            with session.begin_nested():  # a refused write leaves the article as it was
                _, change.outcome = repo.upsert_article(session, record, article.source)
        except (repo.BodyShrinkError, SQLAlchemyError) as err:
            change.outcome, change.error = "error", str(err).splitlines()[0]
            change.added = change.removed = []
            change.changed = []
            change.fields = []
        return change


def reprocess(
    sessions: sessionmaker[Session],
    *,
    selectors_for: SelectorsFor | None = None,
    **filters: Any,
) -> Iterator[Change]:
    with sessions() as session:
        ids = select_articles(session, **filters)
    logger.info("reprocessing %d articles", len(ids))
    for article_id in ids:
        yield reprocess_article(sessions, article_id, selectors_for)
