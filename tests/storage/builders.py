"""Build small archives for tests with the repository functions, from JSON fixtures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from storage import repository as repo
from storage.db import open_archive, session_factory, transaction

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "archive"


def load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def url_of(article: dict[str, Any]) -> str:
    return f"https://{article['source']}/{article['key']}.html"


def record(article: dict[str, Any]) -> repo.ArticleRecord:
    url = url_of(article)
    return repo.ArticleRecord(
        canonical_url=url,
        url=url,
        title=article.get("title"),
        sapo=article.get("sapo"),
        body=article["body"],
        published_at=article.get("published_at"),
        province=article.get("province"),
        province_current=article.get("province_current"),
        extractor_version="test-1",
        facts=[dict(f) for f in article.get("facts", [])],
    )


def write(engine: Engine, articles: list[dict[str, Any]]) -> list[int]:
    """Store each article in its own transaction (as the pipeline does); their ids."""
    sessions = session_factory(engine)
    ids = []
    for article in articles:
        with transaction(sessions) as session:
            source = repo.get_or_create_source(session, article["source"])
            stored, _ = repo.upsert_article(session, record(article), source)
            ids.append(stored.id)
    return ids


def build(url: str, articles: list[dict[str, Any]]) -> Engine:
    engine = open_archive(url)
    write(engine, articles)
    return engine
