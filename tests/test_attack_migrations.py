"""Attack: SIGKILL the process that migrates the archive, at every step of every migration.

A step is one SQL statement sent to the database, or the final COMMIT. For each start state (an
empty database, then the archive at every revision before head, holding rows) and each step, a
forked child runs the migration and kills itself with SIGKILL just before that step. The next
``open_archive`` must then succeed, reach head, keep every row, and leave a schema that matches
the models (autogenerate finds no difference) on SQLite and on PostgreSQL.

Before the fix, pysqlite ran SQLite DDL outside any transaction: killed during first creation,
the archive kept its tables with an empty ``alembic_version`` ("table crawl_runs already exists"
for ever); killed during 0001 -> 0002, it stayed at 0001 ("duplicate column name").
"""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from storage.db import alembic_config, make_engine, open_archive, upgrade
from storage.models import Base, autogenerate_filter
from tests.conftest import _pg_admin_engine

SCRIPT = ScriptDirectory.from_config(alembic_config())
HEAD = SCRIPT.get_current_head()
# every revision, oldest first; None is the empty database
REVISIONS: list[str | None] = [
    None,
    *reversed([r.revision for r in SCRIPT.walk_revisions()]),
]
STARTS = REVISIONS[:-1]


def count_steps(url: str) -> int:
    """How many statements (plus the commit) the migration of ``url`` to head sends."""
    engine = make_engine(url, poolclass=NullPool)
    steps = 0

    def statement(*_: Any) -> None:
        nonlocal steps
        steps += 1

    event.listen(engine, "before_cursor_execute", statement)
    upgrade(engine)
    engine.dispose()
    return steps + 1  # the commit


def migrate_and_die(url: str, kill_at: int) -> int:
    """Fork a child that migrates ``url`` to head and SIGKILLs itself before step ``kill_at``.

    Returns the child's wait status."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            engine = make_engine(url, poolclass=NullPool)
            steps = 0

            def step(*_: Any) -> None:
                nonlocal steps
                steps += 1
                if steps == kill_at:
                    os.kill(os.getpid(), signal.SIGKILL)

            event.listen(engine, "before_cursor_execute", step)
            event.listen(engine, "commit", step)
            upgrade(engine)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return status


# --- rows in an old schema ------------------------------------------------------------------


def _value(column: sa.Column[Any], n: int) -> Any:
    kind = column.type
    if isinstance(kind, sa.DateTime):
        return datetime(2024, 1, n, 8, 0, tzinfo=UTC)
    if isinstance(kind, sa.Date):
        return date(2024, 1, n)
    if isinstance(kind, sa.Integer):
        return n
    if isinstance(kind, sa.Float):
        return float(n)
    if isinstance(kind, sa.LargeBinary):
        return f"raw bytes {n}".encode()
    if isinstance(kind, sa.JSON):
        return {"n": n}
    if isinstance(kind, sa.String):
        return f"{column.name}-{n}"[: kind.length or None]
    return None


ORDER = ("crawl_runs", "sources", "raw_pages", "fetch_failures", "articles", "article_versions",
         "indicators", "article_links", "article_lsh_bands")  # fmt: skip


def fill(url: str) -> dict[str, int]:
    """Two rows in every table of the schema as it is (any revision); the row counts."""
    engine = make_engine(url, poolclass=NullPool)
    meta = sa.MetaData()
    meta.reflect(engine, only=lambda name, _: name in ORDER)
    with engine.begin() as conn:
        for name in ORDER:
            if name not in meta.tables:
                continue
            table = meta.tables[name]
            for n in (1, 2):
                row: dict[str, Any] = {}
                for column in table.columns:
                    if column.computed is not None:
                        continue
                    if column.foreign_keys or name == "article_lsh_bands":
                        row[column.name] = n if column.name != "other_id" else 3 - n
                    elif column.name == "id":
                        row[column.name] = n
                    else:
                        row[column.name] = _value(column, n)
                conn.execute(table.insert().values(**row))
        counts = {
            name: conn.scalar(sa.select(sa.func.count()).select_from(meta.tables[name])) or 0
            for name in ORDER
            if name in meta.tables
        }
    engine.dispose()
    return counts


def assert_archive_complete(url: str, counts: dict[str, int]) -> None:
    engine = open_archive(url, poolclass=NullPool)
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == HEAD
        versions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        assert versions == [HEAD]
        if engine.dialect.name == "sqlite":
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
        for table, n in counts.items():
            assert conn.scalar(text(f'SELECT count(*) FROM "{table}"')) == n, table
        opts = {"compare_type": True, "include_object": autogenerate_filter(engine.dialect.name)}
        assert compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata) == []
        # and the archive works: the search objects and views answer
        conn.execute(text("SELECT count(*) FROM indicator_series")).scalar()
        conn.execute(text("SELECT count(*) FROM latest_articles")).scalar()
    engine.dispose()


# --- the backends ---------------------------------------------------------------------------


Factory = Callable[[], Iterator[str]]


def sqlite_states(tmp_path: Path, start: str | None) -> tuple[Callable[[], str], dict[str, int]]:
    """A function that makes a fresh copy of the archive at ``start``, and its row counts."""
    template = tmp_path / "template.db"
    url = f"sqlite:///{template}"
    counts: dict[str, int] = {}
    if start is not None:
        upgrade(make_engine(url, poolclass=NullPool), start)
        counts = fill(url)
        engine = make_engine(url, poolclass=NullPool)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        engine.dispose()
    copies = iter(range(10_000))

    def fresh() -> str:
        target = tmp_path / f"copy{next(copies)}.db"
        if template.exists():
            shutil.copy(template, target)
        return f"sqlite:///{target}"

    return fresh, counts


def pg_states(server_url: str, start: str | None) -> tuple[Callable[[], str], dict[str, int]]:
    admin = _pg_admin_engine()
    template = f"migration_tpl_{start or 'empty'}_{os.getpid()}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{template}"'))
    url = make_url(server_url).set(database=template).render_as_string(hide_password=False)
    counts: dict[str, int] = {}
    if start is not None:
        engine = make_engine(url, poolclass=NullPool)
        upgrade(engine, start)
        engine.dispose()
        counts = fill(url)
    copies = iter(range(10_000))
    made: list[str] = [template]

    def fresh() -> str:
        name = f"{template}_{next(copies)}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
        made.append(name)
        return make_url(server_url).set(database=name).render_as_string(hide_password=False)

    fresh.made = made  # type: ignore[attr-defined]
    fresh.admin = admin  # type: ignore[attr-defined]
    return fresh, counts


def drop_pg(fresh: Callable[[], str]) -> None:
    admin = fresh.admin  # type: ignore[attr-defined]
    with admin.connect() as conn:
        for name in reversed(fresh.made):  # type: ignore[attr-defined]
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def kill_at_every_step(fresh: Callable[[], str], counts: dict[str, int]) -> int:
    steps = count_steps(fresh())
    for kill_at in range(1, steps + 1):
        url = fresh()
        status = migrate_and_die(url, kill_at)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (kill_at, status)
        assert_archive_complete(url, counts)
    return steps


@pytest.mark.slow
@pytest.mark.parametrize("start", STARTS, ids=[s or "empty" for s in STARTS])
def test_attack_kill_sqlite_migration_at_every_step(tmp_path: Path, start: str | None) -> None:
    fresh, counts = sqlite_states(tmp_path, start)
    steps = kill_at_every_step(fresh, counts)
    assert steps >= 3


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.parametrize("start", STARTS, ids=[s or "empty" for s in STARTS])
def test_attack_kill_postgresql_migration_at_every_step(
    pg_server_url: str, start: str | None
) -> None:
    fresh, counts = pg_states(pg_server_url, start)
    try:
        steps = kill_at_every_step(fresh, counts)
    finally:
        drop_pg(fresh)
    assert steps >= 3
