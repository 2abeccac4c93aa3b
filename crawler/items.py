"""The one item every spider yields: a fetched document plus what the pipelines add to it.

Spiders fill the *fetch* fields; the pipelines (see ``ITEM_PIPELINES`` in ``crawler/settings.py``)
fill the rest, in order: extraction (text or HTML path, metadata), indicators, storage.
"""

from __future__ import annotations

import scrapy


class ArticleItem(scrapy.Item):
    # --- fetch: set by the spider -------------------------------------------------------------
    url = scrapy.Field()  # the URL requested
    final_url = scrapy.Field()  # the URL answered (after redirects)
    canonical_url = scrapy.Field()  # archive key (pipelines.urls.canonicalize)
    source = scrapy.Field()  # site key, e.g. "backan.gov.vn" or "seeds"
    status = scrapy.Field()  # HTTP status (200 for file://)
    headers = scrapy.Field()  # dict[str, str] of response headers
    raw = scrapy.Field()  # the exact bytes fetched
    fetched_at = scrapy.Field()  # timezone-aware datetime (UTC)
    profile = scrapy.Field()  # optional pipelines.html.SiteSelectors for the HTML path
    fetch_error = scrapy.Field()  # set instead of raw when the fetch failed: recorded, not archived
    # --- extraction: set by pipelines.extraction ---------------------------------------------
    title = scrapy.Field()
    sapo = scrapy.Field()
    body = scrapy.Field()
    published_at = scrapy.Field()  # ISO 8601 string (Asia/Ho_Chi_Minh) or date-only, or None
    author = scrapy.Field()
    province = scrapy.Field()
    province_current = scrapy.Field()
    views = scrapy.Field()
    tables = scrapy.Field()  # list of tables, each a list of rows of cell strings
    method = scrapy.Field()  # "text", "selectors" or "fallback"
    selector_version = scrapy.Field()  # which dated selector version produced it (or None)
    decoding = (
        scrapy.Field()
    )  # how the bytes became text: encoding, bytes replaced (articles.stats)
    # --- indicators: set by pipelines.indicators ---------------------------------------------
    facts = scrapy.Field()  # list[dict] in the shape of shared/indicators.md, plus start/end
    extractor_version = scrapy.Field()
