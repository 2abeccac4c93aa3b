"""using the archive: full-text search, SQL views, period bounds, near-duplicate links

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 11:30:00

- indicators.period_start / period_end (filled here for existing facts) and their index;
- article_links (near-duplicate pairs) and article_lsh_bands (MinHash LSH candidates);
- full-text search over title, sapo and body, ignoring diacritics and folding đ -> d:
  SQLite: FTS5 table ``articles_fts`` (external content: the view ``articles_fts_source``, which
  holds the folded text) kept in sync by triggers on ``articles``;
  PostgreSQL: unaccent, IMMUTABLE wrappers ``archive_unaccent`` / ``archive_fold`` /
  ``archive_search_vector``, the generated column ``articles.search_vector`` (not a model
  column) and its GIN index ``ix_articles_search``;
- views ``indicator_facts``, ``latest_articles`` and ``indicator_series`` for SQL users.

The SQL is written out here, not imported, so that this revision keeps doing what it did.
SQLite caveat for later revisions: a batch (table-rebuilding) alter of ``articles`` drops the
``articles_fts_*`` triggers; such a revision must recreate them (copy them from this file).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage.periods import period_bounds

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _fold_sqlite(column: str) -> str:
    # unicode61 "remove_diacritics 2" strips every combining mark but đ/Đ have no decomposition
    return f"replace(replace(coalesce({column}, ''), 'đ', 'd'), 'Đ', 'D')"


def _fts_row(prefix: str) -> str:
    return ", ".join(_fold_sqlite(f"{prefix}.{c}") for c in ("title", "sapo", "body"))


SQLITE_SEARCH = [
    f"""CREATE VIEW articles_fts_source AS
        SELECT id, {_fold_sqlite("title")} AS title, {_fold_sqlite("sapo")} AS sapo,
               {_fold_sqlite("body")} AS body
        FROM articles""",
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, sapo, body,
        content='articles_fts_source', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    f"""CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, sapo, body) VALUES (new.id, {_fts_row("new")});
    END""",
    # an external-content FTS5 index is told what to remove: exactly the values it indexed
    f"""CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, sapo, body)
        VALUES ('delete', old.id, {_fts_row("old")});
    END""",
    f"""CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, sapo, body ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, sapo, body)
        VALUES ('delete', old.id, {_fts_row("old")});
        INSERT INTO articles_fts(rowid, title, sapo, body) VALUES (new.id, {_fts_row("new")});
    END""",
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
]

# Every name schema-qualified: index expressions are evaluated with an empty search_path during
# pg_restore and autovacuum. The regexp turns punctuation into spaces so that PostgreSQL splits
# words where FTS5's unicode61 does ("201,9" -> "201" "9"), keeping both backends' results equal.
# Bodies are cut at 200,000 characters: a tsvector may not exceed 1 MiB, and a failed index
# computation would make the article's INSERT fail.
POSTGRES_SEARCH = [
    "CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public",
    """CREATE OR REPLACE FUNCTION public.archive_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$""",
    """CREATE OR REPLACE FUNCTION public.archive_fold(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT regexp_replace(
            lower(translate(public.archive_unaccent(coalesce($1, '')), 'đĐ', 'dD')),
            '[^[:alnum:]]+', ' ', 'g') $$""",
    """CREATE OR REPLACE FUNCTION public.archive_search_vector(text, text, text) RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT
            setweight(to_tsvector('pg_catalog.simple', public.archive_fold($1)), 'A')
            || setweight(to_tsvector('pg_catalog.simple', public.archive_fold($2)), 'B')
            || to_tsvector('pg_catalog.simple', public.archive_fold(left($3, 200000))) $$""",
    # Stored, not only indexed: ranking reads every match's vector, and recomputing it (unaccent,
    # regexp) per row made a common-word search take seconds (bench/bench_queries.py).
    """ALTER TABLE articles ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (public.archive_search_vector(title, sapo, body)) STORED""",
    "CREATE INDEX ix_articles_search ON articles USING gin (search_vector)",
]

INDICATOR_FACTS = """CREATE VIEW indicator_facts AS
    SELECT i.id AS fact_id, i.indicator, i.sector, i.measure, i.value, i.unit, i.basis,
           i.period, i.period_start, i.period_end, i.status, i.qualifier, i.evidence,
           a.id AS article_id, a.url, a.canonical_url, a.title, a.published_at,
           a.published_date, a.province, a.province_current, s.key AS source
    FROM indicators i
    JOIN articles a ON a.id = i.article_id
    JOIN sources s ON s.id = a.source_id"""

LATEST_ARTICLES = """CREATE VIEW latest_articles AS
    SELECT a.id AS article_id, a.published_at, a.published_date, s.key AS source,
           a.province, a.province_current, a.title, a.url, a.canonical_url, a.author, a.views,
           (SELECT count(*) FROM indicators i WHERE i.article_id = a.id) AS n_facts
    FROM articles a
    JOIN sources s ON s.id = a.source_id
    ORDER BY a.published_date DESC NULLS LAST, a.id DESC"""

# One row per figure: facts with the same key whose values agree within the contract's tolerance
# (0.5 % relative for level, 0.01 points otherwise), chained in value order, form one point.
# storage/series.py applies the same rule in Python; a test checks that both agree.
_KEY = "province_current, province, indicator, sector, measure, basis, period, status, unit"


def _series_view(greatest: str, sources_agg: str, urls_agg: str) -> str:
    return f"""CREATE VIEW indicator_series AS
    WITH ordered AS (
        SELECT f.*, lag(value) OVER (PARTITION BY {_KEY} ORDER BY value, fact_id) AS prev
        FROM indicator_facts f
    ), breaks AS (
        SELECT ordered.*,
               CASE WHEN prev IS NOT NULL AND value - prev > 1e-9 + CASE
                        WHEN measure = 'level' THEN 0.005 * {greatest}(abs(value), abs(prev))
                        ELSE 0.01 END
                    THEN 1 ELSE 0 END AS brk
        FROM ordered
    ), clustered AS (
        SELECT breaks.*,
               sum(brk) OVER (PARTITION BY {_KEY} ORDER BY value, fact_id
                              ROWS UNBOUNDED PRECEDING) AS cluster
        FROM breaks
    ), ranked AS (
        SELECT clustered.*,
               first_value(value) OVER (PARTITION BY {_KEY}, cluster
                   ORDER BY published_date NULLS LAST, fact_id) AS anchor_value,
               row_number() OVER (PARTITION BY {_KEY}, cluster, article_id
                   ORDER BY fact_id) AS article_rank
        FROM clustered
    )
    SELECT province_current, province, indicator, sector, measure, basis, period,
           min(period_start) AS period_start, min(period_end) AS period_end, status, unit,
           min(anchor_value) AS value, min(value) AS value_min, max(value) AS value_max,
           count(DISTINCT article_id) AS n_articles, count(DISTINCT source) AS n_sources,
           {sources_agg} AS sources, {urls_agg} AS urls,
           min(published_date) AS first_published, max(published_date) AS last_published,
           CASE WHEN max(cluster) OVER (PARTITION BY {_KEY}) > 0 THEN 1 ELSE 0 END AS conflict
    FROM ranked
    GROUP BY {_KEY}, cluster"""


SQLITE_SERIES = _series_view(
    "max",
    "group_concat(DISTINCT source)",
    "group_concat(CASE WHEN article_rank = 1 THEN url END, ' ')",
)
POSTGRES_SERIES = _series_view(
    "greatest",
    "string_agg(DISTINCT source, ',' ORDER BY source)",
    "string_agg(url, ' ' ORDER BY published_date, url) FILTER (WHERE article_rank = 1)",
)

VIEWS = ("indicator_series", "latest_articles", "indicator_facts")


def upgrade() -> None:
    with op.batch_alter_table("indicators", schema=None) as batch_op:
        batch_op.add_column(sa.Column("period_start", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("period_end", sa.Date(), nullable=True))
        batch_op.create_index(
            "ix_indicators_period_range",
            ["indicator", "period_start", "period_end"],
            unique=False,
        )
    _fill_period_bounds()

    op.create_table(
        "article_links",
        sa.Column("id", Id, nullable=False),
        sa.Column("article_id", Id, nullable=False),
        sa.Column("other_id", Id, nullable=False),
        sa.Column("similarity", sa.Float(), nullable=False),
        sa.Column("method", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_links_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["other_id"],
            ["articles.id"],
            name=op.f("fk_article_links_other_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_links")),
        sa.UniqueConstraint("article_id", "other_id", name="uq_article_links_pair"),
    )
    with op.batch_alter_table("article_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_article_links_article_id"), ["article_id"])
        batch_op.create_index(batch_op.f("ix_article_links_other_id"), ["other_id"])

    op.create_table(
        "article_lsh_bands",
        sa.Column("article_id", Id, autoincrement=False, nullable=False),
        sa.Column("band", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("bucket", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_lsh_bands_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "band", name=op.f("pk_article_lsh_bands")),
    )
    with op.batch_alter_table("article_lsh_bands", schema=None) as batch_op:
        batch_op.create_index("ix_article_lsh_bands_bucket", ["band", "bucket"])

    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in SQLITE_SEARCH if sqlite else POSTGRES_SEARCH:
        op.execute(statement)
    op.execute(INDICATOR_FACTS)
    op.execute(LATEST_ARTICLES)
    op.execute(SQLITE_SERIES if sqlite else POSTGRES_SERIES)


def _fill_period_bounds() -> None:
    bind = op.get_bind()
    indicators = sa.table(
        "indicators",
        sa.column("id", Id),
        sa.column("period", sa.String()),
        sa.column("period_start", sa.Date()),
        sa.column("period_end", sa.Date()),
    )
    rows = bind.execute(
        sa.select(indicators.c.id, indicators.c.period).where(indicators.c.period.is_not(None))
    ).all()
    updates = []
    for fact_id, period in rows:
        start, end = period_bounds(period)
        if start is not None:
            updates.append({"fact_id": fact_id, "start": start, "end": end})
    if updates:
        bind.execute(
            indicators.update()
            .where(indicators.c.id == sa.bindparam("fact_id"))
            .values(period_start=sa.bindparam("start"), period_end=sa.bindparam("end")),
            updates,
        )


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for view in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {view}")
    if sqlite:
        for trigger in ("articles_fts_insert", "articles_fts_delete", "articles_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
        op.execute("DROP VIEW IF EXISTS articles_fts_source")
    else:
        op.execute("DROP INDEX IF EXISTS ix_articles_search")
        op.execute("ALTER TABLE articles DROP COLUMN IF EXISTS search_vector")
        op.execute("DROP FUNCTION IF EXISTS public.archive_search_vector(text, text, text)")
        op.execute("DROP FUNCTION IF EXISTS public.archive_fold(text)")
        op.execute("DROP FUNCTION IF EXISTS public.archive_unaccent(text)")
        # the unaccent extension stays: other objects may use it

    with op.batch_alter_table("article_lsh_bands", schema=None) as batch_op:
        batch_op.drop_index("ix_article_lsh_bands_bucket")
    op.drop_table("article_lsh_bands")
    with op.batch_alter_table("article_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_links_other_id"))
        batch_op.drop_index(batch_op.f("ix_article_links_article_id"))
    op.drop_table("article_links")
    with op.batch_alter_table("indicators", schema=None) as batch_op:
        batch_op.drop_index("ix_indicators_period_range")
        batch_op.drop_column("period_end")
        batch_op.drop_column("period_start")
