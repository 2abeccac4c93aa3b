"""The schema comes only from migrations, and the migrations match the models."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from storage.db import alembic_config, make_engine, open_archive, upgrade
from storage.models import Base, autogenerate_filter

TABLES = {
    "sources",
    "articles",
    "article_versions",
    "raw_pages",
    "indicators",
    "crawl_runs",
    "fetch_failures",
}


def test_upgrade_empty_database_to_head(archive_url: str) -> None:
    engine = make_engine(archive_url)
    assert not TABLES & set(inspect(engine).get_table_names())
    upgrade(engine)
    assert set(inspect(engine).get_table_names()) >= TABLES | {"alembic_version"}
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head
    engine.dispose()


def test_upgrade_twice_is_harmless(archive_url: str) -> None:
    open_archive(archive_url).dispose()
    engine = open_archive(archive_url)
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with engine.connect() as conn:
        versions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    engine.dispose()
    assert versions == [head]  # one row, at head: the second upgrade changed nothing


def test_autogenerate_finds_no_difference(archive_url: str) -> None:
    engine = open_archive(archive_url)
    with engine.connect() as conn:
        # the same filter as migrations/env.py: search tables and indexes are not models
        opts = {"compare_type": True, "include_object": autogenerate_filter(engine.dialect.name)}
        context = MigrationContext.configure(conn, opts=opts)
        diff = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert diff == []


def test_area_migration_keeps_facts_stored_before_it(archive_url: str) -> None:
    """0004 adds indicators.area to an archive that already holds facts: they stay, with no
    area (the province's own figures until re-extracted), and the views gain the column."""
    engine = make_engine(archive_url)
    upgrade(engine, "0002")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO sources (id, key, name, created_at) "
                "VALUES (1, 'baothainguyen.vn', 'Báo Thái Nguyên', CURRENT_TIMESTAMP)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO articles (id, canonical_url, url, source_id, body, content_hash, "
                "extractor_version, first_seen_at, last_fetched_at, updated_at) VALUES (1, "
                "'https://x/1', 'https://x/1', 1, 'b', 'h', '0.3.0', CURRENT_TIMESTAMP, "
                "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO indicators (article_id, indicator, measure, value, unit, period, "
                "evidence, extractor_version, created_at) VALUES (1, 'export_value', 'level', "
                "7.2e9, 'USD', '2024-Q1', 'e', '0.3.0', CURRENT_TIMESTAMP)"
            )
        )
    upgrade(engine)
    with engine.connect() as conn:
        row = conn.execute(text("SELECT indicator, area FROM indicator_facts")).one()
        assert tuple(row) == ("export_value", None)
        series_columns = conn.execute(text("SELECT * FROM indicator_series")).keys()
        assert "area" in series_columns
    engine.dispose()
