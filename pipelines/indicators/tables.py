"""Facts from report tables (placeholder until the table reader lands)."""

from __future__ import annotations

from datetime import date
from typing import Any


def table_facts(tables: list[list[list[str]]], *, published: date | None) -> list[dict[str, Any]]:
    return []
