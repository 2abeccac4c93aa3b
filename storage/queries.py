"""Read queries on the archive: facts with their articles, article lists, full-text search.

Every value a user gives goes to the database as a bound parameter; the only SQL text written
here is constant. Results are plain frozen dataclasses, the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    Float,
    Integer,
    Select,
    case,
    func,
    literal,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import REGCONFIG, TSVECTOR
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from storage.models import Article, ArticleLink, IndicatorFact, Source
from storage.periods import parse_period_filter
from storage.textsearch import (
    QueryWord,
    exact_variants,
    fts5_query,
    query_words,
    snippet,
    tsquery_text,
)

# Any SELECT, whatever its columns (Select is generic over the row's types in SQLAlchemy 2.1).
AnySelect = Select[*tuple[Any, ...]]

# ``sector=TOTAL`` asks for the facts about the whole (the contract's ``sector: null``).
TOTAL = "total"
# ``area=AREA_NONE``: the province's own figures (the contract's ``area: null``);
# ``area=AREA_ANY``: only figures about another place (a district, another province, the country).
AREA_NONE = "none"
AREA_ANY = "any"


@dataclass(frozen=True)
class FactRow:
    """One fact with the article that states it."""

    indicator: str
    sector: str | None
    measure: str
    value: float
    unit: str
    basis: str | None
    period: str | None
    status: str | None
    qualifier: str | None
    evidence: str
    url: str
    published_at: str | None
    source: str
    province: str | None
    province_current: str | None
    article_id: int
    fact_id: int
    published_date: date | None = None
    period_start: date | None = None
    period_end: date | None = None
    area: str | None = None  # the place the figure is about, when not the article's province


@dataclass(frozen=True)
class ArticleHit:
    """An article in a list or a search result."""

    article_id: int
    url: str
    title: str | None
    published_at: str | None
    source: str
    province: str | None
    province_current: str | None
    snippet: str
    # search only: how many query words with diacritics appear exactly, and the backend's rank
    exact: int = 0
    rank: float | None = None


def _as_date(value: date | str | None, name: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        shown = value if len(value) <= 40 else value[:37] + "..."
        raise ValueError(f"{name}: not a date: {shown!r}; write it as 2024-03-31") from None


def _check_limit(limit: int | None) -> int | None:
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be 0 or more, not {limit}")
    return limit


# --- facts --------------------------------------------------------------------------------------


def facts_select(
    *,
    province: str | None = None,
    province_current: str | None = None,
    indicator: str | None = None,
    sector: str | None = None,
    measure: str | None = None,
    period_from: str | None = None,
    period_to: str | None = None,
    status: str | None = None,
    source: str | None = None,
    area: str | None = None,
) -> AnySelect:
    """The SELECT behind :func:`query_facts` (also used by the series), filters applied."""
    query: AnySelect = (
        select(
            IndicatorFact.indicator,
            IndicatorFact.sector,
            IndicatorFact.measure,
            IndicatorFact.value,
            IndicatorFact.unit,
            IndicatorFact.basis,
            IndicatorFact.period,
            IndicatorFact.status,
            IndicatorFact.qualifier,
            IndicatorFact.evidence,
            Article.url,
            Article.published_at,
            Source.key.label("source"),
            Article.province,
            Article.province_current,
            Article.id.label("article_id"),
            IndicatorFact.id.label("fact_id"),
            Article.published_date,
            IndicatorFact.period_start,
            IndicatorFact.period_end,
            IndicatorFact.area,
        )
        .join(Article, Article.id == IndicatorFact.article_id)
        .join(Source, Source.id == Article.source_id)
    )
    equal = {
        Article.province: province,
        Article.province_current: province_current,
        IndicatorFact.indicator: indicator,
        IndicatorFact.measure: measure,
        IndicatorFact.status: status,
        Source.key: source,
    }
    for column, value in equal.items():
        if value is not None:
            query = query.where(column == value)
    if sector == TOTAL:
        query = query.where(IndicatorFact.sector.is_(None))
    elif sector is not None:
        query = query.where(IndicatorFact.sector == sector)
    if area == AREA_NONE:
        query = query.where(IndicatorFact.area.is_(None))
    elif area == AREA_ANY:
        query = query.where(IndicatorFact.area.is_not(None))
    elif area is not None:
        query = query.where(IndicatorFact.area == area)
    # A fact is in the range when its whole period lies inside it: "2024-Q1" is within
    # 2024-01..2024-03, the year 2024 is not.
    if period_from is not None:
        query = query.where(IndicatorFact.period_start >= parse_period_filter(period_from)[0])
    if period_to is not None:
        query = query.where(IndicatorFact.period_end <= parse_period_filter(period_to)[1])
    return query.order_by(
        IndicatorFact.indicator,
        IndicatorFact.sector.asc().nulls_first(),
        IndicatorFact.area.asc().nulls_first(),
        IndicatorFact.measure,
        IndicatorFact.period_end.asc().nulls_last(),
        IndicatorFact.period_start.desc().nulls_last(),
        Article.published_date.asc().nulls_last(),
        IndicatorFact.id,
    )


def query_facts(
    session: Session,
    *,
    province: str | None = None,
    province_current: str | None = None,
    indicator: str | None = None,
    sector: str | None = None,
    measure: str | None = None,
    period_from: str | None = None,
    period_to: str | None = None,
    status: str | None = None,
    source: str | None = None,
    area: str | None = None,
    limit: int | None = None,
) -> list[FactRow]:
    """Facts matching every filter given, with their article's URL, date, source and province.

    ``sector=TOTAL`` selects the whole (``sector`` null); ``area=AREA_NONE`` the province's own
    figures (``area`` null), ``area=AREA_ANY`` those about other places, any other value that
    place exactly as stored ("huyện Đại Từ", "Bắc Giang", "cả nước"); ``period_from`` / ``period_to`` take
    contract labels ("2024", "2024-Q1", "2024-03", "2024-01..2024-06"); a fact matches when its
    period lies within [start of period_from, end of period_to]. Ordered by indicator, sector,
    measure, period (in time), publication.
    """
    query = facts_select(
        province=province,
        province_current=province_current,
        indicator=indicator,
        sector=sector,
        measure=measure,
        period_from=period_from,
        period_to=period_to,
        status=status,
        source=source,
        area=area,
    )
    if _check_limit(limit) is not None:
        query = query.limit(limit)
    return [FactRow(**row._asdict()) for row in session.execute(query)]


# --- articles -----------------------------------------------------------------------------------


def _article_filters(
    query: AnySelect,
    source: str | None,
    date_from: date | str | None,
    date_to: date | str | None,
    province: str | None,
) -> AnySelect:
    if source is not None:
        query = query.where(Source.key == source)
    start = _as_date(date_from, "date_from")
    end = _as_date(date_to, "date_to")
    if start is not None:
        query = query.where(Article.published_date >= start)
    if end is not None:
        query = query.where(Article.published_date <= end)
    if province is not None:
        # the province reported on, or the one it belongs to now: "Thái Nguyên" also finds
        # Bắc Kạn's articles from before the merger of 1 July 2025
        query = query.where(or_(Article.province == province, Article.province_current == province))
    return query


_ARTICLE_COLUMNS = (
    Article.id.label("article_id"),
    Article.url,
    Article.title,
    Article.published_at,
    Source.key.label("source"),
    Article.province,
    Article.province_current,
    Article.sapo,
    Article.body,
)


def list_articles(
    session: Session,
    *,
    source: str | None = None,
    date_from: date | str | None = None,
    date_to: date | str | None = None,
    province: str | None = None,
    limit: int | None = 50,
    offset: int = 0,
) -> list[ArticleHit]:
    """Articles matching the filters, newest first."""
    query: AnySelect = select(*_ARTICLE_COLUMNS).join(Source, Source.id == Article.source_id)
    query = _article_filters(query, source, date_from, date_to, province)
    query = query.order_by(Article.published_date.desc().nulls_last(), Article.id.desc())
    if _check_limit(limit) is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(max(0, offset))
    hits = []
    for row in session.execute(query):
        lead = row.sapo or row.body or ""
        hits.append(_hit(row, snippet(lead, [])))
    return hits


def _hit(row: Any, text_snippet: str, exact: int = 0, rank: float | None = None) -> ArticleHit:
    return ArticleHit(
        article_id=row.article_id,
        url=row.url,
        title=row.title,
        published_at=row.published_at,
        source=row.source,
        province=row.province,
        province_current=row.province_current,
        snippet=text_snippet,
        exact=exact,
        rank=rank,
    )


def _exact_score(dialect: str, words: list[QueryWord]) -> ColumnElement[Any]:
    """How many of the query's words with diacritics the text contains exactly as typed."""
    full_text = (
        func.coalesce(Article.title, "")
        + " "
        + func.coalesce(Article.sapo, "")
        + " "
        + Article.body
    )
    position = func.instr if dialect == "sqlite" else func.strpos
    score: ColumnElement[Any] = literal(0, Integer)
    for word in words:
        if not word.has_diacritics:
            continue
        found = or_(*(position(full_text, literal(v)) > 0 for v in exact_variants(word)))
        score = score + case((found, 1), else_=0)
    return score


def search_articles(
    session: Session,
    query: str,
    *,
    source: str | None = None,
    date_from: date | str | None = None,
    date_to: date | str | None = None,
    province: str | None = None,
    limit: int = 20,
) -> list[ArticleHit]:
    """Articles whose title, sapo or body contain every word of ``query``, best first.

    Diacritics are ignored ("cong nghiep Bac Kan" finds "công nghiệp Bắc Kạn"); articles that
    contain the query's words with the diacritics as typed come first, then the backend's rank
    (FTS5 bm25 / ts_rank, title weighted above sapo above body), then the newest.
    """
    words = query_words(query)
    if not words or _check_limit(limit) == 0:
        return []
    dialect = session.get_bind().dialect.name
    exact = _exact_score(dialect, words).label("exact")
    if dialect == "sqlite":
        # bm25() is lower for better matches: negated so that higher is better on both backends
        matches = (
            text(
                "SELECT rowid AS id, -bm25(articles_fts, 10.0, 5.0, 1.0) AS rank "
                "FROM articles_fts WHERE articles_fts MATCH :fts_query"
            )
            .bindparams(fts_query=fts5_query(words))
            .columns(id=Integer, rank=Float)
            .subquery("matches")
        )
        rank: ColumnElement[Any] = matches.c.rank
        base = select(*_ARTICLE_COLUMNS, exact, rank.label("rank")).join(
            matches, matches.c.id == Article.id
        )
    else:
        # the generated column behind the GIN index ix_articles_search (not a model column)
        vector = literal_column("articles.search_vector", TSVECTOR)
        tsquery = func.plainto_tsquery(literal("simple", REGCONFIG), tsquery_text(words))
        rank = func.ts_rank(vector, tsquery)
        base = select(*_ARTICLE_COLUMNS, exact, rank.label("rank")).where(vector.op("@@")(tsquery))
    base = base.join(Source, Source.id == Article.source_id)
    base = _article_filters(base, source, date_from, date_to, province)
    base = base.order_by(
        exact.desc(),
        rank.desc(),
        Article.published_date.desc().nulls_last(),
        Article.id.desc(),
    ).limit(limit)
    hits = []
    for row in session.execute(base):
        body = " ".join(part for part in (row.title, row.sapo, row.body) if part)
        hits.append(_hit(row, snippet(body, words), int(row.exact), float(row.rank)))
    return hits


def near_duplicates(session: Session, article_id: int) -> list[tuple[int, float, str]]:
    """The articles linked to ``article_id`` as near-duplicates: (other id, similarity, method)."""
    other = case(
        (ArticleLink.article_id == article_id, ArticleLink.other_id),
        else_=ArticleLink.article_id,
    )
    query = (
        select(other, ArticleLink.similarity, ArticleLink.method)
        .where(or_(ArticleLink.article_id == article_id, ArticleLink.other_id == article_id))
        .order_by(ArticleLink.similarity.desc(), other)
    )
    return [(int(a), float(s), str(m)) for a, s, m in session.execute(query)]
