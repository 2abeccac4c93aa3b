"""Honour robots.txt ``Crawl-delay``, which Scrapy parses (Protego) but does not apply.

When a site's robots.txt is parsed, its Crawl-delay becomes the floor of that site's download slot
delay; after every response the floor is applied again, because AutoThrottle may lower the delay
(this extension is ordered after it). Off with ``CRAWL_DELAY_ENABLED=False``, and when
``REPLICA_URL`` is set (our own server on loopback needs no politeness) unless
``CRAWL_DELAY_ON_REPLICA=True`` (tests of this extension).
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

logger = logging.getLogger(__name__)


class CrawlDelay:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.floors: dict[str, float] = {}  # download slot key -> Crawl-delay seconds
        self.max_delay = crawler.settings.getfloat("CRAWL_DELAY_MAX", 60.0)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlDelay:
        settings = crawler.settings
        if not settings.getbool("CRAWL_DELAY_ENABLED", True):
            raise NotConfigured
        if settings.get("REPLICA_URL") and not settings.getbool("CRAWL_DELAY_ON_REPLICA"):
            raise NotConfigured
        ext = cls(crawler)
        crawler.signals.connect(ext.robots_parsed, signal=signals.robots_parsed)
        crawler.signals.connect(ext.response_downloaded, signal=signals.response_downloaded)
        return ext

    def _user_agent(self, request: Request) -> str:
        agent = self.crawler.settings.get("ROBOTSTXT_USER_AGENT") or request.headers.get(
            b"User-Agent", self.crawler.settings.get("USER_AGENT")
        )
        return agent.decode() if isinstance(agent, bytes) else str(agent)

    def robots_parsed(self, robotparser: Any, request: Request) -> None:
        delay = robotparser.crawl_delay(self._user_agent(request))
        if not delay:
            return
        delay = min(float(delay), self.max_delay)
        key = self._slot_key(request)
        self.floors[key] = delay
        logger.info("%s asks for Crawl-delay %.1fs: honoured", key, delay)
        if self.crawler.stats is not None:
            self.crawler.stats.max_value("crawldelay/seconds", delay)
        self._apply(key)

    def response_downloaded(self, response: Any, request: Request, spider: Any) -> None:
        key = self._slot_key(request)
        if key in self.floors:
            self._apply(key)

    def _slot_key(self, request: Request) -> str:
        assert self.crawler.engine is not None
        return self.crawler.engine.downloader.get_slot_key(request)

    def _apply(self, key: str) -> None:
        assert self.crawler.engine is not None
        slot = self.crawler.engine.downloader.slots.get(key)
        if slot is not None and slot.delay < self.floors[key]:
            slot.delay = self.floors[key]
            if self.crawler.stats is not None:
                self.crawler.stats.inc_value("crawldelay/applied")
