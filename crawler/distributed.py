"""Distributed crawling on scrapy-redis: several crawler processes, one crawl, one archive.

Switched on by ``REDIS_URL``. Every process runs the same ``scrapy crawl SITE`` command with the
same ``DISTRIBUTED_RUN`` name: they share one request queue and one duplicate filter in Redis
(keys ``tn:<spider>:<run>:requests`` / ``...:dupefilter``), so each URL is fetched by exactly one
of them, and they all write to the same (PostgreSQL) archive. A new crawl needs a new run name
(default: the UTC date and hour), so the filter of yesterday's crawl does not hide today's pages.

Checked with scrapy-redis 0.9.1 on Scrapy 2.19 (pinned in pyproject.toml): its scheduler and
duplicate filter use ``from_crawler``/``from_spider`` and ``Request.to_dict``, which this Scrapy
still has.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy.settings import BaseSettings
from twisted.internet import task

logger = logging.getLogger(__name__)


def default_run_name() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H")


def configure(settings: BaseSettings) -> None:
    """Turn a crawl's settings into a scrapy-redis crawl when REDIS_URL is set."""
    if not settings.get("REDIS_URL"):
        return
    run = settings.get("DISTRIBUTED_RUN") or default_run_name()
    settings.set("SCHEDULER", "scrapy_redis.scheduler.Scheduler", priority="spider")
    settings.set("DUPEFILTER_CLASS", "scrapy_redis.dupefilter.RFPDupeFilter", priority="spider")
    # keep queue and filter when one worker finishes: the others may still be working
    settings.set("SCHEDULER_PERSIST", True, priority="spider")
    settings.set("SCHEDULER_QUEUE_KEY", f"tn:%(spider)s:{run}:requests", priority="spider")
    settings.set("SCHEDULER_DUPEFILTER_KEY", f"tn:%(spider)s:{run}:dupefilter", priority="spider")


class SharedIdle:
    """Keeps a worker alive while the shared queue may still fill up.

    A worker whose local work is done would close at once, while another worker is about to push
    the links of a listing page into the shared queue; it waits until nothing has happened for
    ``DISTRIBUTED_IDLE_SECONDS``.
    """

    # How often an idle worker looks at the shared queue again.
    POLL_SECONDS = 0.5

    def __init__(self, crawler: Crawler, idle_seconds: float) -> None:
        self.crawler = crawler
        self.idle_seconds = idle_seconds
        self.last_activity = time.monotonic()
        self.poll = task.LoopingCall(self.wake)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SharedIdle:
        if not crawler.settings.get("REDIS_URL"):
            raise NotConfigured
        ext = cls(crawler, crawler.settings.getfloat("DISTRIBUTED_IDLE_SECONDS", 8.0))
        for signal in (signals.response_received, signals.item_scraped, signals.request_scheduled):
            crawler.signals.connect(ext.activity, signal=signal)
        crawler.signals.connect(ext.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider: Spider) -> None:
        self.poll.start(self.POLL_SECONDS, now=False)

    def spider_closed(self, spider: Spider) -> None:
        if self.poll.running:
            self.poll.stop()

    def wake(self) -> None:
        """Make an idle engine ask the scheduler (and so the shared queue) for work now.

        Scrapy's engine asks again only on its own events or every 5 s (its heartbeat); work
        pushed by another worker would wait that long. There is no public hook for this, so
        this uses the engine slot's ``nextcall``, guarded for engines that lack it.
        """
        slot = getattr(self.crawler.engine, "_slot", None)
        nextcall = getattr(slot, "nextcall", None)
        if nextcall is not None:
            nextcall.schedule()

    def activity(self, *args: Any, **kwargs: Any) -> None:
        self.last_activity = time.monotonic()

    def spider_idle(self, spider: Spider) -> None:
        if time.monotonic() - self.last_activity < self.idle_seconds:
            raise DontCloseSpider
        logger.info(
            "%s: shared queue idle for %.0fs: this worker stops", spider.name, self.idle_seconds
        )
