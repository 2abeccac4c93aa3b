"""``file://`` downloads that read regular files only, and never more than DOWNLOAD_MAXSIZE.

Scrapy's own file handler reads the whole file whatever it is (``Path.read_bytes``): the seeds
spider pointed at ``/dev/zero`` grew to 21 GB, at a FIFO it hung for ever. This one reads
through :func:`pipelines.localfiles.read_document` (a ``stat`` check, a non-blocking open, a
bounded read, in a thread) and fails the request with the reason, which the spider's errback
records as a fetch failure.
"""

from __future__ import annotations

from typing import Any

from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.http import Request, Response
from scrapy.responsetypes import responsetypes
from scrapy.utils.asyncio import run_in_thread
from w3lib.url import file_uri_to_path

from pipelines.decoding import MAX_DOCUMENT_BYTES
from pipelines.localfiles import read_document


class BoundedFileDownloadHandler(BaseDownloadHandler):
    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        # 0 means "no limit" to Scrapy; a local read keeps the extraction's own bound then
        self.limit = crawler.settings.getint("DOWNLOAD_MAXSIZE") or MAX_DOCUMENT_BYTES

    async def download_request(self, request: Request) -> Response:
        path = file_uri_to_path(request.url)
        limit = int(request.meta.get("download_maxsize") or self.limit)
        body = await run_in_thread(read_document, path, limit=limit)
        respcls = responsetypes.from_args(filename=path, body=body)
        return respcls(url=request.url, body=body)
