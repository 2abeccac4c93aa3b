"""Repository functions: every write the crawler makes to the archive, as plain functions.

Callers own the transaction (``storage.db.transaction``): one article, with its raw page and its
facts, is written in one transaction, so a crash never leaves half an article.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Literal

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import (
    Article,
    ArticleVersion,
    CrawlRun,
    FetchFailure,
    IndicatorFact,
    RawPage,
    Source,
)
from storage.periods import period_bounds
from storage.redaction import redact

Outcome = Literal["new", "updated", "unchanged"]

# An archived body of at least this many words is not replaced by one with less than this share
# of them: a page that suddenly yields a few words is broken (a 100,000-deep page gave a
# 23-character body), not rewritten. The refusal is recorded as a failure; the body stays.
SHRINK_MIN_WORDS = 40
SHRINK_MIN_SHARE = 0.25


class BodyShrinkError(ValueError):
    """The new body is a sliver of the archived one: not written."""


# The fact fields of the contract (shared/indicators.md), in order.
FACT_FIELDS = (
    "indicator",
    "sector",
    "area",
    "measure",
    "value",
    "unit",
    "basis",
    "period",
    "status",
    "qualifier",
    "evidence",
)
# The article fields whose change makes a new version.
CONTENT_FIELDS = (
    "title",
    "sapo",
    "body",
    "published_at",
    "author",
    "province",
    "province_current",
    "views",
)


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class ArticleRecord:
    """What the pipelines made of one document, ready to be archived."""

    canonical_url: str
    url: str
    body: str
    extractor_version: str
    title: str | None = None
    sapo: str | None = None
    published_at: str | None = None
    author: str | None = None
    province: str | None = None
    province_current: str | None = None
    views: int | None = None
    method: str | None = None
    selector_version: str | None = None
    facts: list[dict[str, Any]] = field(default_factory=list)
    # how the text was obtained (decoding: encoding, bytes replaced...): articles.stats
    stats: dict[str, Any] | None = None


@dataclass
class RawFetch:
    """The exact bytes of one fetch."""

    url: str
    content: bytes
    final_url: str | None = None
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    fetched_at: datetime = field(default_factory=utcnow)


def sha256_hex(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def content_hash(record: ArticleRecord) -> str:
    payload = {name: getattr(record, name) for name in CONTENT_FIELDS}
    return sha256_hex(json.dumps(payload, ensure_ascii=False, sort_keys=True))


def facts_hash(facts: list[dict[str, Any]]) -> str:
    rows = sorted(json.dumps(_contract(f), ensure_ascii=False, sort_keys=True) for f in facts)
    return sha256_hex("\n".join(rows))


def _contract(fact: dict[str, Any]) -> dict[str, Any]:
    return {name: fact.get(name) for name in FACT_FIELDS}


def published_date(published_at: str | None) -> date | None:
    """The calendar date of an ISO 8601 string ("2024-04-26T00:04:00+07:00" or "2024-04-05")."""
    if not published_at:
        return None
    try:
        return date.fromisoformat(published_at[:10])
    except ValueError:
        return None


# --- sources ------------------------------------------------------------------------------------


def get_or_create_source(
    session: Session, key: str, name: str | None = None, base_url: str | None = None
) -> Source:
    source = session.scalar(select(Source).where(Source.key == key))
    if source is not None:
        return source
    try:
        # a savepoint: another crawler process may create the same source at the same moment
        with session.begin_nested():
            source = Source(key=key, name=name or key, base_url=base_url, created_at=utcnow())
            session.add(source)
    except IntegrityError:
        return session.scalars(select(Source).where(Source.key == key)).one()
    return source


# --- raw pages ----------------------------------------------------------------------------------


def store_raw_page(
    session: Session, fetch: RawFetch, source: Source | None = None, run_id: int | None = None
) -> RawPage:
    """Archive the fetched bytes; identical bytes for the same URL are stored once."""
    digest = sha256_hex(fetch.content)
    page = session.scalar(
        select(RawPage).where(RawPage.url == fetch.url, RawPage.content_sha256 == digest)
    )
    if page is not None:
        page.last_fetched_at = fetch.fetched_at
        return page
    page = RawPage(
        source_id=source.id if source else None,
        url=fetch.url,
        final_url=fetch.final_url,
        status=fetch.status,
        headers=dict(fetch.headers),
        content=fetch.content,
        content_sha256=digest,
        fetched_at=fetch.fetched_at,
        last_fetched_at=fetch.fetched_at,
        crawl_run_id=run_id,
    )
    session.add(page)
    session.flush()
    return page


# --- articles -----------------------------------------------------------------------------------


def upsert_article(
    session: Session,
    record: ArticleRecord,
    source: Source,
    raw_page: RawPage | None = None,
    now: datetime | None = None,
) -> tuple[Article, Outcome]:
    """Insert or update by canonical URL.

    Same content and same facts: nothing changes but ``last_fetched_at``. Different content or
    facts: the previous state goes to ``article_versions`` and the article is rewritten.
    """
    now = now or utcnow()
    chash = content_hash(record)
    fhash = facts_hash(record.facts)
    article = session.scalar(select(Article).where(Article.canonical_url == record.canonical_url))
    if article is None:
        article = Article(
            canonical_url=record.canonical_url,
            source_id=source.id,
            first_seen_at=now,
            content_hash=chash,
            facts_hash=fhash,
        )
        _assign(article, record, raw_page, now)
        session.add(article)
        session.flush()
        _replace_facts(session, article, record, now)
        return article, "new"

    check_body_shrink(article.body, record.body, record.canonical_url)
    article.last_fetched_at = now
    if raw_page is not None:
        article.raw_page_id = raw_page.id
    if record.stats is not None:
        article.stats = dict(record.stats)
    # the stored facts themselves, not the stored hash: rows edited by hand are compared too
    stored_fhash = facts_hash([_fact_dict(f) for f in article.facts])
    if article.content_hash == chash and stored_fhash == fhash:
        if article.extractor_version != record.extractor_version:
            # re-extracted by newer rules that agree with the old ones: say so on every row
            article.extractor_version = record.extractor_version
            article.selector_version = record.selector_version
            article.method = record.method
            for fact in article.facts:
                fact.extractor_version = record.extractor_version
        return article, "unchanged"

    session.add(
        ArticleVersion(
            article_id=article.id,
            title=article.title,
            sapo=article.sapo,
            body=article.body,
            published_at=article.published_at,
            author=article.author,
            province=article.province,
            views=article.views,
            content_hash=article.content_hash,
            extractor_version=article.extractor_version,
            facts=[_contract(_fact_dict(f)) for f in article.facts],
            raw_page_id=article.raw_page_id,
            valid_from=article.updated_at,
            replaced_at=now,
        )
    )
    _assign(article, record, raw_page, now)
    article.source_id = source.id
    article.content_hash = chash
    article.facts_hash = fhash
    _replace_facts(session, article, record, now)
    return article, "updated"


def check_body_shrink(old: str | None, new: str, url: str) -> None:
    """Refuse to replace a real archived body by a sliver of it (raises BodyShrinkError)."""
    before, after = len((old or "").split()), len(new.split())
    if before >= SHRINK_MIN_WORDS and after < before * SHRINK_MIN_SHARE:
        raise BodyShrinkError(
            f"{url}: the page now gives a body of {after} words where the archive holds "
            f"{before}: not overwritten (a broken or truncated page?). The archived body is "
            "kept; check the page, and re-crawl it when it is whole again"
        )


def _assign(
    article: Article, record: ArticleRecord, raw_page: RawPage | None, now: datetime
) -> None:
    article.url = record.url
    article.title = record.title
    article.sapo = record.sapo
    article.body = record.body
    article.published_at = record.published_at
    article.published_date = published_date(record.published_at)
    article.author = record.author
    article.province = record.province
    article.province_current = record.province_current
    article.views = record.views
    article.method = record.method
    article.selector_version = record.selector_version
    article.extractor_version = record.extractor_version
    if record.stats is not None:
        article.stats = dict(record.stats)
    article.last_fetched_at = now
    article.updated_at = now
    if raw_page is not None:
        article.raw_page_id = raw_page.id


def _fact_dict(fact: IndicatorFact) -> dict[str, Any]:
    return {name: getattr(fact, name) for name in FACT_FIELDS}


def _replace_facts(
    session: Session, article: Article, record: ArticleRecord, now: datetime
) -> None:
    article.facts.clear()
    session.flush()
    for fact in record.facts:
        if not _finite(fact.get("value")):
            # NaN or infinity is no figure (PostgreSQL would even store NaN): the fact goes,
            # the article stays, and its stats say so
            stats = dict(article.stats or {})
            stats["dropped_facts"] = [*stats.get("dropped_facts", []), _dropped(fact)]
            article.stats = stats
            continue
        period_start, period_end = period_bounds(fact.get("period"))
        article.facts.append(
            IndicatorFact(
                indicator=fact["indicator"],
                sector=fact.get("sector"),
                area=fact.get("area") or None,
                measure=fact["measure"],
                value=float(fact["value"]),
                unit=fact["unit"],
                basis=fact.get("basis"),
                period=fact.get("period"),
                period_start=period_start,
                period_end=period_end,
                status=fact.get("status"),
                qualifier=fact.get("qualifier"),
                evidence=fact.get("evidence") or "",
                start_offset=fact.get("start"),
                end_offset=fact.get("end"),
                extractor_version=record.extractor_version,
                created_at=now,
            )
        )
    session.flush()


def _finite(value: Any) -> bool:
    try:
        return math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def _dropped(fact: dict[str, Any]) -> str:
    return (
        f"{fact.get('indicator')} {fact.get('period')}: value {fact.get('value')!r} is not a number"
    )


def first_seen(session: Session, canonical_urls: list[str]) -> dict[str, datetime]:
    """For the canonical URLs the archive holds: when each was first archived."""
    found: dict[str, datetime] = {}
    for i in range(0, len(canonical_urls), 500):
        chunk = canonical_urls[i : i + 500]
        rows = session.execute(
            select(Article.canonical_url, Article.first_seen_at).where(
                Article.canonical_url.in_(chunk)
            )
        )
        found.update({url: when for url, when in rows})
    return found


def known_urls(session: Session, canonical_urls: list[str]) -> set[str]:
    """Which of these canonical URLs the archive already holds (for incremental crawling)."""
    found: set[str] = set()
    for i in range(0, len(canonical_urls), 500):
        chunk = canonical_urls[i : i + 500]
        found.update(
            session.scalars(select(Article.canonical_url).where(Article.canonical_url.in_(chunk)))
        )
    return found


# --- runs and failures --------------------------------------------------------------------------


def start_run(session: Session, spider: str) -> CrawlRun:
    run = CrawlRun(spider=spider, started_at=utcnow(), stats={})
    session.add(run)
    session.flush()
    return run


def finish_run(
    session: Session, run_id: int, reason: str, counts: dict[str, int], stats: dict[str, Any]
) -> None:
    session.execute(
        update(CrawlRun)
        .where(CrawlRun.id == run_id)
        .values(
            finished_at=utcnow(),
            finish_reason=reason,
            articles_new=counts.get("new", 0),
            articles_updated=counts.get("updated", 0),
            articles_unchanged=counts.get("unchanged", 0),
            failures=counts.get("failures", 0),
            stats=_jsonable(stats),
        )
    )


def printable(text: str) -> str:
    """Text any column takes: no NUL (PostgreSQL refuses it), no lone surrogate."""
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text.replace("\x00", "\\x00")


def record_failure(
    session: Session, url: str, error: str, spider: str | None = None, run_id: int | None = None
) -> FetchFailure:
    """Remember that ``url`` failed (again); the next run retries it."""
    now = utcnow()
    # the URL as it is (the next run retries it); the error without secrets (it may quote one)
    url, error = printable(url), redact(printable(error))
    failure = session.scalar(select(FetchFailure).where(FetchFailure.url == url))
    if failure is None:
        try:
            # a savepoint: in a distributed crawl another process may record the same URL
            with session.begin_nested():
                failure = FetchFailure(
                    url=url,
                    spider=spider,
                    error=error,
                    attempts=1,
                    first_failed_at=now,
                    last_failed_at=now,
                    crawl_run_id=run_id,
                )
                session.add(failure)
            return failure
        except IntegrityError:
            failure = session.scalars(select(FetchFailure).where(FetchFailure.url == url)).one()
    if failure is not None:
        failure.error = error
        failure.attempts += 1
        failure.last_failed_at = now
        failure.resolved_at = None
        failure.crawl_run_id = run_id
    session.flush()
    return failure


def resolve_failure(session: Session, url: str) -> None:
    """A URL that failed before has now been archived."""
    session.execute(
        update(FetchFailure)
        .where(FetchFailure.url == url, FetchFailure.resolved_at.is_(None))
        .values(resolved_at=utcnow())
    )


def pending_failures(session: Session, spider: str | None = None) -> list[FetchFailure]:
    query = select(FetchFailure).where(FetchFailure.resolved_at.is_(None))
    if spider is not None:
        query = query.where(FetchFailure.spider == spider)
    return list(session.scalars(query.order_by(FetchFailure.id)))


def _jsonable(stats: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in stats.items():
        if isinstance(value, int | float | str | bool) or value is None:
            out[key] = value
        else:
            out[key] = str(value)
    return out
