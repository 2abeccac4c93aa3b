"""Engine and session factory for the archive, and its self-upgrade on first use.

SQLite transactions are real transactions here. pysqlite's legacy mode (Python < 3.12, and the
default after) opens a transaction only before INSERT/UPDATE/DELETE: every CREATE/ALTER/DROP ran
in autocommit, so a migration killed half-way left its tables without its ``alembic_version``
row, and the archive could never be opened again. Following SQLAlchemy's documented recipe
("pysqlite: serializable isolation / savepoints / transactional DDL"), the driver is put in
autocommit mode and SQLAlchemy emits ``BEGIN`` itself: DDL, DML and savepoints then all belong
to the transaction, and a migration commits whole or not at all (tests/test_attack_migrations.py
kills it at every statement).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from storage import limits
from storage.redaction import redact

logger = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# Any fixed number: serialises concurrent upgrades of one PostgreSQL archive (several crawlers).
_PG_MIGRATION_LOCK = 727_415_001


def redact_url(url: str | URL) -> str:
    """The URL with its password (userinfo, ``password=``/``sslpassword=`` query parameters)
    replaced by ***, for logs and messages."""
    try:
        return redact(make_url(url).render_as_string(hide_password=True))
    except Exception:  # not a URL at all: say nothing of it
        return "<unparsable archive URL>"


# execution option naming the statement that opens an SQLite transaction ("BEGIN IMMEDIATE"
# takes the write lock at once: used by migrations and by writers that read before writing)
SQLITE_BEGIN = "sqlite_begin"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # autocommit at the driver level: transactions are opened by _sqlite_begin, never implicitly
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # WAL: readers are never blocked by the crawl; foreign keys are off by default in SQLite.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    connection.exec_driver_sql(connection.get_execution_options().get(SQLITE_BEGIN, "BEGIN"))


def make_engine(url: str | URL, **kwargs: Any) -> Engine:
    """An engine for any SQLAlchemy URL; SQLite gets WAL mode and enforced foreign keys."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(parsed, **kwargs)


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        # alembic's ini interpolation treats % specially
        cfg.set_main_option(
            "sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%")
        )
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the archive's schema to ``revision`` (idempotent; safe with concurrent crawlers).

    The whole upgrade, every revision of it, is one transaction on both backends: killed at any
    point, the archive stays at the revision it had. SQLite takes its write lock first
    (``BEGIN IMMEDIATE``), so two processes opening a new archive do not both create it."""
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            connection = connection.execution_options(**{SQLITE_BEGIN: "BEGIN IMMEDIATE"})
        with connection.begin():
            if engine.dialect.name == "postgresql":
                connection.execute(
                    text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK}
                )
            cfg = alembic_config(engine)
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, revision)


def open_archive(url: str | URL, **engine_kwargs: Any) -> Engine:
    """An engine on an archive that is migrated to the latest schema."""
    engine = make_engine(url, **engine_kwargs)
    upgrade(engine)
    logger.debug("archive ready at %s", redact_url(engine.url))
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions whose values are fitted to their columns before every flush (storage.limits)."""
    return limits.install(sessionmaker(engine, expire_on_commit=False))


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: committed if the block ends normally, rolled back otherwise."""
    with factory() as session, session.begin():
        yield session
