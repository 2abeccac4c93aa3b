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
