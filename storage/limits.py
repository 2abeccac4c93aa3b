"""Values fitted to their columns before they are written, so a value never loses its row.

The web sends what it likes: a view counter of 23 digits, an author line of 3,000 characters, a
float that is not a number. Written as they are, one such value made the whole article fail on
both backends ("Python int too large to convert to SQLite INTEGER", PostgreSQL "integer out of
range", "value too long for type character varying(255)"). Here every new or changed row is
checked against its table's declared types just before the flush (an ORM ``before_flush`` hook
on the archive's sessions): an integer out of range is clamped into it, a string too long is cut,
a float that is not finite is dropped (NULL) where the column allows it (lengths only where the
backend enforces them: PostgreSQL; URL columns are TEXT there) — each with a warning that
names the row, and a note in ``articles.stats["fitted"]`` when the row is an article.

Pure parts: :func:`fit_value` and :func:`fit_object`. The hook: :func:`install`.
"""

from __future__ import annotations

import logging
import math
from typing import Any

from sqlalchemy import BigInteger, Float, Integer, String, event, inspect
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.types import TypeEngine

logger = logging.getLogger(__name__)

INT32 = (-(2**31), 2**31 - 1)
INT64 = (-(2**63), 2**63 - 1)
ELLIPSIS = "…"


def _int_range(kind: TypeEngine[Any], dialect: str) -> tuple[int, int]:
    if dialect == "sqlite" or isinstance(kind, BigInteger):
        return INT64  # SQLite INTEGER is 64 bits whatever is declared
    return INT32


def _dialect_type(kind: TypeEngine[Any], dialect: str) -> TypeEngine[Any]:
    variants = getattr(kind, "_variant_mapping", None) or {}
    return variants.get(dialect, kind)


def fit_value(kind: TypeEngine[Any], value: Any, dialect: str) -> tuple[Any, str | None]:
    """``value`` made to fit a column of type ``kind`` on ``dialect``: (value, what was done)."""
    if value is None:
        return None, None
    kind = _dialect_type(kind, dialect)
    if isinstance(kind, Integer) and isinstance(value, int) and not isinstance(value, bool):
        low, high = _int_range(kind, dialect)
        if value > high:
            return high, f"{_short(value)} clamped to {high}"
        if value < low:
            return low, f"{_short(value)} clamped to {low}"
        return value, None
    if isinstance(kind, Float) and isinstance(value, float) and not math.isfinite(value):
        return None, f"{value} is not a finite number: dropped"
    # SQLite never enforces declared lengths: nothing to cut there (a URL must never be cut)
    length = kind.length if isinstance(kind, String) and dialect != "sqlite" else None
    if length and isinstance(value, str) and len(value) > length:
        return value[: length - 1] + ELLIPSIS, f"{len(value)} characters cut to {length}"
    return value, None


def _short(value: int) -> str:
    text = str(value)
    return text if len(text) <= 30 else f"{text[:12]}…({len(text)} digits)"


def fit_object(obj: Any, dialect: str) -> list[str]:
    """Fit every column attribute of an ORM object in place; one note per value changed."""
    notes: list[str] = []
    mapper = inspect(obj).mapper
    for attr in mapper.column_attrs:
        column = attr.columns[0]
        value = getattr(obj, attr.key, None)
        fitted, note = fit_value(column.type, value, dialect)
        if note is None:
            continue
        if fitted is None and not column.nullable:
            # nothing sensible to put in a required column: let the write fail, and be recorded
            continue
        setattr(obj, attr.key, fitted)
        notes.append(f"{mapper.local_table.name}.{attr.key}: {note}")
    return notes


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    bind = session.get_bind()
    dialect = bind.dialect.name
    for obj in list(session.new) + list(session.dirty):
        notes = fit_object(obj, dialect)
        if not notes:
            continue
        where = getattr(obj, "canonical_url", None) or getattr(obj, "url", None) or repr(obj)
        for note in notes:
            logger.warning("%s: %s", where, note)
        if hasattr(obj, "stats") and obj.__tablename__ == "articles":
            stats = dict(obj.stats or {})
            stats["fitted"] = sorted(set(stats.get("fitted", [])) | set(notes))
            obj.stats = stats


def install(factory: sessionmaker[Session]) -> sessionmaker[Session]:
    """Fit values on every flush of sessions made by ``factory``."""
    if not event.contains(factory, "before_flush", _before_flush):
        event.listen(factory, "before_flush", _before_flush)
    return factory
