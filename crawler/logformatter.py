"""Log lines about items that name the item instead of dumping it.

Scrapy's own formatter prints the whole item when it is dropped, fails or is scraped; ours carries
the raw page (up to DOWNLOAD_MAXSIZE) and the body, so one rejected 30 MB file wrote ~80 MB of
pretty-printed bytes into the log. The pipelines already log why an item was not archived.
"""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter, is_item
from scrapy import Spider
from scrapy.http import Response
from scrapy.logformatter import LogFormatter, LogFormatterResult
from twisted.python.failure import Failure


def summarize(item: Any) -> str:
    """``<ArticleItem file:///x.txt, 1234 bytes, 7 facts>``: enough to find it, nothing more."""
    if not is_item(item):
        return repr(item)[:200]
    adapter = ItemAdapter(item)
    parts = [str(adapter.get("url") or "?")]
    raw = adapter.get("raw")
    if raw is not None:
        parts.append(f"{len(raw)} bytes")
    if adapter.get("facts") is not None:
        parts.append(f"{len(adapter.get('facts') or [])} facts")
    return f"<{type(item).__name__} {', '.join(parts)}>"


class ArchiveLogFormatter(LogFormatter):
    def dropped(
        self, item: Any, exception: BaseException, response: Response | Failure | None,
        spider: Spider,
    ) -> LogFormatterResult:  # fmt: skip
        result = super().dropped(item, exception, response, spider)
        result["args"] = {**result["args"], "item": summarize(item)}
        return result

    def item_error(
        self, item: Any, exception: BaseException, response: Response | Failure | None,
        spider: Spider,
    ) -> LogFormatterResult:  # fmt: skip
        result = super().item_error(item, exception, response, spider)
        result["args"] = {**result["args"], "item": summarize(item)}
        return result

    def scraped(
        self, item: Any, response: Response | Failure | None, spider: Spider
    ) -> LogFormatterResult:
        result = super().scraped(item, response, spider)
        result["args"] = {**result["args"], "item": summarize(item)}
        return result
