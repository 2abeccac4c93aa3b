"""One document in, one article with its facts out: the recipe every entry point shares.

``scrapy crawl`` (through the pipelines), ``scrapy extract``, ``scrapy evaluate`` and
``scrapy reprocess`` all call :func:`process_document`, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pipelines.extraction import Article, extract_document
from pipelines.html import SiteSelectors
from pipelines.indicators import extract_facts
from pipelines.version import EXTRACTOR_VERSION

# Facts outside the contract's indicator keys are not reported: the contract allows keeping them
# as "other", but gold files do not label them, so reporting them only adds noise for users.
REPORTED_OTHER = False


@dataclass
class Processed:
    article: Article
    facts: list[dict[str, Any]] = field(default_factory=list)
    extractor_version: str = EXTRACTOR_VERSION


def facts_for(article: Article) -> list[dict[str, Any]]:
    """Step 2 of the recipe: the indicator facts of an extracted article."""
    facts = extract_facts(
        article.body,
        published_at=article.published_at,
        tables=article.tables,
        province=article.province,
    )
    if not REPORTED_OTHER:
        facts = [f for f in facts if f.get("indicator") != "other"]
    return facts


def process_document(
    data: bytes | str,
    *,
    source: str,
    url: str | None = None,
    content_type: str | None = None,
    selectors: SiteSelectors | Sequence[SiteSelectors] | None = None,
) -> Processed:
    """1. decode and extract the article (text or HTML path); 2. extract its facts.

    Raises :class:`pipelines.errors.BadInputError` for input that holds no article.
    """
    article = extract_document(
        data, source=source, url=url, content_type=content_type, selectors=selectors
    )
    return Processed(article=article, facts=facts_for(article))


def as_json(name: str, processed: Processed) -> dict[str, Any]:
    """The one-line JSON shape of ``scrapy extract``."""
    a = processed.article
    return {
        "file": name,
        "title": a.title,
        "sapo": a.sapo,
        "published_at": a.published_at,
        "author": a.author,
        "province": a.province,
        "province_current": a.province_current,
        "views": a.views,
        "body": a.body,
        "facts": processed.facts,
    }
