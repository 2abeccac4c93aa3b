"""The archive's tables, as typed SQLAlchemy 2 models.

The schema is created and changed only by the Alembic migrations in ``storage/migrations``; a test
checks that autogenerate finds no difference between these models and the migrated database.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# BigInteger primary keys on PostgreSQL, INTEGER (rowid alias) on SQLite.
Id = BigInteger().with_variant(Integer(), "sqlite")
Timestamp = DateTime(timezone=True)
# Counters the web sends (view counts): 64 bits on PostgreSQL (SQLite's INTEGER already is);
# larger values are clamped with a warning before they are written (storage.limits).
Count = BigInteger().with_variant(Integer(), "sqlite")
# URLs have no length limit on the web (browsers take 2 MB): TEXT on PostgreSQL, where a unique
# btree on the text itself would fail past ~2,700 bytes, so uniqueness goes through a hash of the
# URL (migration 0003: ``archive_url_key()``) and lookups through a hash index. SQLite ignores
# declared lengths and indexes text of any length, so its columns and constraints stay as made.
Url = String(2048).with_variant(Text(), "postgresql")


# Objects the migrations create that are not models (full-text search tables, their shadow tables
# and index, views, functions): autogenerate must neither drop nor compare them. Views and
# functions are never reflected as tables; the FTS5 tables (SQLite), the generated tsvector
# column and its index (PostgreSQL) are, hence this filter, used by migrations/env.py and the
# migration test.
NON_MODEL_TABLE_PREFIXES = ("articles_fts",)
NON_MODEL_INDEXES = frozenset(
    {
        "ix_articles_search",
        # PostgreSQL: URL uniqueness by hash, and hash indexes for URL lookups (migration 0003)
        "uq_articles_canonical_url_key",
        "ix_articles_canonical_url_hash",
        "uq_fetch_failures_url_key",
        "ix_fetch_failures_url_hash",
        "uq_raw_pages_url_key_sha",
        "ix_raw_pages_url_hash",
    }
)
NON_MODEL_COLUMNS = frozenset({("articles", "search_vector")})
# info key of a constraint that exists on some backends only: {"dialects": ("sqlite",)}
DIALECTS = "dialects"
SQLITE_ONLY = {DIALECTS: ("sqlite",)}


def include_in_autogenerate(
    obj: object,
    name: str | None,
    type_: str,
    reflected: bool,
    compare_to: object,
    dialect: str | None = None,
) -> bool:
    """Alembic ``include_object`` hook: skip the search objects that no model describes, and
    (when ``dialect`` is given) the constraints that exist on other backends only."""
    if type_ == "table" and name and name.startswith(NON_MODEL_TABLE_PREFIXES):
        return False
    if type_ == "column":
        table = getattr(getattr(obj, "table", None), "name", None)
        return (table, name) not in NON_MODEL_COLUMNS
    if dialect is not None:
        model_obj = compare_to if reflected else obj
        only = (getattr(model_obj, "info", None) or {}).get(DIALECTS)
        if only and dialect not in only:
            return False
    return not (type_ in ("index", "unique_constraint") and name in NON_MODEL_INDEXES)


def autogenerate_filter(dialect: str) -> Any:
    """``include_in_autogenerate`` for one backend (``connection.dialect.name``)."""

    def include(obj: object, name: str | None, type_: str, reflected: bool, other: object) -> bool:
        return include_in_autogenerate(obj, name, type_, reflected, other, dialect)

    return include


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Source(Base):
    """One row per site (or per local input such as the seed files)."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    key: Mapped[str] = mapped_column(String(255), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    base_url: Mapped[str | None] = mapped_column(Url)
    created_at: Mapped[datetime] = mapped_column(Timestamp)


class RawPage(Base):
    """The exact bytes of one fetch, so that everything can be re-extracted with no network.

    A refetch that brings the same bytes for the same URL does not add a row (``content_sha256``
    is unique per URL); it only moves ``last_fetched_at``.
    """

    __tablename__ = "raw_pages"
    __table_args__ = (
        UniqueConstraint("url", "content_sha256", name="uq_raw_pages_url_sha", info=SQLITE_ONLY),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), index=True)
    url: Mapped[str] = mapped_column(Url)
    final_url: Mapped[str | None] = mapped_column(Url)
    status: Mapped[int | None]
    headers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    content_sha256: Mapped[str] = mapped_column(String(64))
    fetched_at: Mapped[datetime] = mapped_column(Timestamp)
    last_fetched_at: Mapped[datetime] = mapped_column(Timestamp)
    crawl_run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id"))


class Article(Base):
    """The current version of an article, keyed by its canonical URL."""

    __tablename__ = "articles"
    __table_args__ = (
        UniqueConstraint("canonical_url", name="uq_articles_canonical_url", info=SQLITE_ONLY),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    canonical_url: Mapped[str] = mapped_column(Url)
    url: Mapped[str] = mapped_column(Url)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    sapo: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    # ISO 8601 as extracted ("2024-04-26T00:04:00+07:00" or date-only "2024-04-05")
    published_at: Mapped[str | None] = mapped_column(String(40))
    # the calendar date of published_at, for range queries
    published_date: Mapped[date | None] = mapped_column(Date, index=True)
    author: Mapped[str | None] = mapped_column(String(255))
    province: Mapped[str | None] = mapped_column(String(100), index=True)
    province_current: Mapped[str | None] = mapped_column(String(100), index=True)
    views: Mapped[int | None] = mapped_column(Count)
    content_hash: Mapped[str] = mapped_column(String(64))
    facts_hash: Mapped[str | None] = mapped_column(String(64))
    method: Mapped[str | None] = mapped_column(String(20))
    selector_version: Mapped[str | None] = mapped_column(String(100))
    extractor_version: Mapped[str] = mapped_column(String(40))
    raw_page_id: Mapped[int | None] = mapped_column(ForeignKey("raw_pages.id"))
    first_seen_at: Mapped[datetime] = mapped_column(Timestamp)
    last_fetched_at: Mapped[datetime] = mapped_column(Timestamp)
    updated_at: Mapped[datetime] = mapped_column(Timestamp)
    # how the stored text was obtained: {"decoding": {"encoding", "replaced", ...}, "fitted": [...]}
    # (bytes replaced by the tolerant decoder, values clamped or cut to fit their columns)
    stats: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    source: Mapped[Source] = relationship()
    versions: Mapped[list[ArticleVersion]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="ArticleVersion.id"
    )
    facts: Mapped[list[IndicatorFact]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="IndicatorFact.id"
    )


class ArticleVersion(Base):
    """A previous state of an article, kept when a refetch or re-extraction changed it."""

    __tablename__ = "article_versions"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str | None] = mapped_column(Text)
    sapo: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    published_at: Mapped[str | None] = mapped_column(String(40))
    author: Mapped[str | None] = mapped_column(String(255))
    province: Mapped[str | None] = mapped_column(String(100))
    views: Mapped[int | None] = mapped_column(Count)
    content_hash: Mapped[str] = mapped_column(String(64))
    extractor_version: Mapped[str] = mapped_column(String(40))
    # the facts as they were, in the contract's shape (history of re-extractions)
    facts: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    raw_page_id: Mapped[int | None] = mapped_column(ForeignKey("raw_pages.id"))
    valid_from: Mapped[datetime] = mapped_column(Timestamp)
    replaced_at: Mapped[datetime] = mapped_column(Timestamp)

    article: Mapped[Article] = relationship(back_populates="versions")


class IndicatorFact(Base):
    """One economic figure, in the shape of shared/indicators.md, linked to its article."""

    __tablename__ = "indicators"
    __table_args__ = (
        Index("ix_indicators_lookup", "indicator", "sector", "measure", "period"),
        # period range filters ("2024-01..2024-06") on one indicator: storage.queries.query_facts
        Index("ix_indicators_period_range", "indicator", "period_start", "period_end"),
        # scrapy indicators --area: storage.queries.query_facts
        Index("ix_indicators_area", "area"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    indicator: Mapped[str] = mapped_column(String(64))
    sector: Mapped[str | None] = mapped_column(String(64))
    # the place the figure is about when it is not the article's province ("huyện Đại Từ",
    # "Bắc Giang", "cả nước"); null for the province's own figures (migration 0004)
    area: Mapped[str | None] = mapped_column(String(255))
    measure: Mapped[str] = mapped_column(String(20))
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(20))
    basis: Mapped[str | None] = mapped_column(String(20))
    period: Mapped[str | None] = mapped_column(String(40), index=True)
    # first and last day the period covers (storage.periods.period_bounds), for range queries
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str | None] = mapped_column(String(20))
    qualifier: Mapped[str | None] = mapped_column(String(20))
    evidence: Mapped[str] = mapped_column(Text)
    start_offset: Mapped[int | None]
    end_offset: Mapped[int | None]
    extractor_version: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(Timestamp)

    article: Mapped[Article] = relationship(back_populates="facts")


class ArticleLink(Base):
    """Two articles that are near-duplicates (a repost or a rewrite on another site).

    One row per pair, ``article_id < other_id``; made by storage.duplicates.link_near_duplicates.
    """

    __tablename__ = "article_links"
    __table_args__ = (UniqueConstraint("article_id", "other_id", name="uq_article_links_pair"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    other_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    # Jaccard similarity of the two bodies' word shingles, 0..1
    similarity: Mapped[float] = mapped_column(Float)
    method: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(Timestamp)


class ArticleBand(Base):
    """One MinHash LSH band of an article's body: articles sharing a band are duplicate candidates.

    Looking candidates up by (band, bucket) is what keeps linking cheap: no scan of the archive.
    """

    __tablename__ = "article_lsh_bands"
    __table_args__ = (Index("ix_article_lsh_bands_bucket", "band", "bucket"),)

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    band: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    bucket: Mapped[int] = mapped_column(BigInteger)


class CrawlRun(Base):
    """One `scrapy crawl` run: what it did and how it ended."""

    __tablename__ = "crawl_runs"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    spider: Mapped[str] = mapped_column(String(100), index=True)
    started_at: Mapped[datetime] = mapped_column(Timestamp)
    finished_at: Mapped[datetime | None] = mapped_column(Timestamp)
    finish_reason: Mapped[str | None] = mapped_column(String(100))
    articles_new: Mapped[int] = mapped_column(default=0)
    articles_updated: Mapped[int] = mapped_column(default=0)
    articles_unchanged: Mapped[int] = mapped_column(default=0)
    failures: Mapped[int] = mapped_column(default=0)
    stats: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class FetchFailure(Base):
    """A URL or file that could not be archived; kept until a later run succeeds."""

    __tablename__ = "fetch_failures"
    __table_args__ = (UniqueConstraint("url", name="uq_fetch_failures_url", info=SQLITE_ONLY),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    url: Mapped[str] = mapped_column(Url)
    spider: Mapped[str | None] = mapped_column(String(100))
    error: Mapped[str] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(default=1)
    first_failed_at: Mapped[datetime] = mapped_column(Timestamp)
    last_failed_at: Mapped[datetime] = mapped_column(Timestamp)
    resolved_at: Mapped[datetime | None] = mapped_column(Timestamp)
    crawl_run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id"))
