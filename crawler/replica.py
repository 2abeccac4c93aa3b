"""Route the unchanged spiders to the local portal replicas (``-s REPLICA_URL=http://127.0.0.1:PORT``).

A download handler, not a middleware: the live URL is rewritten only for the wire
(``https://congthuong.vn/a-1.html`` -> ``http://127.0.0.1:PORT/congthuong.vn/a-1.html``) and restored
on the response, so spiders, robots.txt, the duplicate filter, stats and the archive all see the
live URLs. Without ``REPLICA_URL`` it is Scrapy's own HTTP/1.1 handler, untouched.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.crawler import Crawler
from scrapy.http import Request, Response
from twisted.internet.error import DNSLookupError

# The replica's answer for a host it does not serve: turned into the error a real crawl would see.
DNS_ERROR_HEADER = b"X-Replica-Error"


def to_replica(url: str, replica: str) -> str:
    """``https://host/path?q`` -> ``<replica>/host/path?q``."""
    parts = urlsplit(url)
    base = urlsplit(replica)
    return urlunsplit(
        (base.scheme, base.netloc, f"/{parts.netloc}{parts.path or '/'}", parts.query, "")
    )


def from_replica(url: str, replica: str, scheme: str) -> str:
    """The inverse of :func:`to_replica` (for redirect targets); other URLs are returned as is."""
    base = urlsplit(replica)
    parts = urlsplit(url)
    if parts.netloc and parts.netloc != base.netloc:
        return url
    match = re.match(r"/([^/]+)(/.*)?$", parts.path)
    if not match:
        return url
    return urlunsplit((scheme, match.group(1), match.group(2) or "/", parts.query, parts.fragment))


class ReplicaDownloadHandler(HTTP11DownloadHandler):
    lazy = False

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.replica: str | None = crawler.settings.get("REPLICA_URL") or None

    async def download_request(self, request: Request) -> Response:
        if not self.replica:
            return await super().download_request(request)
        wire = request.replace(url=to_replica(request.url, self.replica))
        response = await super().download_request(wire)
        if response.headers.get(DNS_ERROR_HEADER) == b"dns":
            raise DNSLookupError(f"no such host: {urlsplit(request.url).hostname}")
        location = response.headers.get(b"Location")
        if location:
            scheme = urlsplit(request.url).scheme
            live = from_replica(location.decode("latin-1"), self.replica, scheme)
            response.headers[b"Location"] = live.encode("latin-1")
        return response.replace(url=request.url)
