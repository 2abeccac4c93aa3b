"""column types that hold what the web sends; per-article extraction stats

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-08 01:00:00

- ``articles.stats`` (JSON): how the stored text was obtained (bytes replaced by the tolerant
  decoder, legacy Vietnamese encoding converted, values clamped to fit their columns);
- PostgreSQL only (SQLite ignores declared lengths and its INTEGER is already 64 bits):
  - view counters ``articles.views`` / ``article_versions.views`` become BIGINT (an int4 counter
    lost the article: "integer out of range");
  - every URL column becomes TEXT (a 2,049-character URL was lost without trace);
  - URL uniqueness moves to a hash of the URL, ``public.archive_url_key(text)`` (SHA-256 of
    its UTF-8 bytes): a btree on the text itself refuses entries over ~2,700 bytes. Equality
    lookups on the URL use hash indexes, which take any length;
  - the SQL views read these columns, so they are dropped and made again, exactly as 0002
    made them (its SQL is reused through Alembic's script directory, not copied).

Only ALTER TYPE, DDL and index builds: the whole revision runs in the upgrade's one transaction
(storage.db.upgrade), so a kill leaves the archive at 0002.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context, op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

URL_KEY = """CREATE OR REPLACE FUNCTION public.archive_url_key(text) RETURNS bytea
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT pg_catalog.sha256(pg_catalog.convert_to($1, 'UTF8')) $$"""

# (table, column) made TEXT on PostgreSQL
URL_COLUMNS = (
    ("articles", "canonical_url"),
    ("articles", "url"),
    ("raw_pages", "url"),
    ("raw_pages", "final_url"),
    ("fetch_failures", "url"),
    ("sources", "base_url"),
)
COUNT_COLUMNS = (("articles", "views"), ("article_versions", "views"))
# (table, old unique constraint, new unique index, its expression, hash index, hashed column)
UNIQUE_URLS = (
    ("articles", "uq_articles_canonical_url", "uq_articles_canonical_url_key",
     "public.archive_url_key(canonical_url)", "ix_articles_canonical_url_hash", "canonical_url"),
    ("fetch_failures", "uq_fetch_failures_url", "uq_fetch_failures_url_key",
     "public.archive_url_key(url)", "ix_fetch_failures_url_hash", "url"),
    ("raw_pages", "uq_raw_pages_url_sha", "uq_raw_pages_url_key_sha",
     "public.archive_url_key(url), content_sha256", "ix_raw_pages_url_hash", "url"),
)  # fmt: skip


def _views_of_0002():  # type: ignore[no-untyped-def]
    return context.script.get_revision("0002").module


def upgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("stats", sa.JSON(), nullable=True))
    if op.get_bind().dialect.name != "postgresql":
        return
    views = _views_of_0002()
    for view in views.VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {view}")
    for table, column in URL_COLUMNS:
        op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE text")
    for table, column in COUNT_COLUMNS:
        op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE bigint")
    op.execute(URL_KEY)
    for table, constraint, unique, expression, hashed, column in UNIQUE_URLS:
        op.execute(f"ALTER TABLE {table} DROP CONSTRAINT {constraint}")
        op.execute(f"CREATE UNIQUE INDEX {unique} ON {table} ({expression})")
        op.execute(f"CREATE INDEX {hashed} ON {table} USING hash ({column})")
    op.execute(views.INDICATOR_FACTS)
    op.execute(views.LATEST_ARTICLES)
    op.execute(views.POSTGRES_SERIES)


def downgrade() -> None:
    # Fails on an archive that holds URLs over 2,048 characters or counters over 32 bits:
    # such rows cannot go back to the old columns.
    if op.get_bind().dialect.name == "postgresql":
        views = _views_of_0002()
        for view in views.VIEWS:
            op.execute(f"DROP VIEW IF EXISTS {view}")
        for table, constraint, unique, expression, hashed, column in UNIQUE_URLS:
            op.execute(f"DROP INDEX IF EXISTS {hashed}")
            op.execute(f"DROP INDEX IF EXISTS {unique}")
        for table, column in URL_COLUMNS:
            op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE varchar(2048)")
        for table, column in COUNT_COLUMNS:
            op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE integer")
        op.execute("ALTER TABLE articles ADD CONSTRAINT uq_articles_canonical_url UNIQUE (canonical_url)")
        op.execute("ALTER TABLE fetch_failures ADD CONSTRAINT uq_fetch_failures_url UNIQUE (url)")
        op.execute(
            "ALTER TABLE raw_pages ADD CONSTRAINT uq_raw_pages_url_sha UNIQUE (url, content_sha256)"
        )
        op.execute("DROP FUNCTION IF EXISTS public.archive_url_key(text)")
        op.execute(views.INDICATOR_FACTS)
        op.execute(views.LATEST_ARTICLES)
        op.execute(views.POSTGRES_SERIES)
        op.execute("ALTER TABLE articles DROP COLUMN stats")
    else:
        # native DROP COLUMN (SQLite 3.35+): a batch rebuild of articles would drop its
        # full-text triggers and, with foreign keys on, cascade-delete its facts
        op.execute("ALTER TABLE articles DROP COLUMN stats")
