"""Scrapy settings for the archive crawler.

Every project setting is UPPER_SNAKE with a component prefix and a comment. Anything here can be
overridden per run with ``-s NAME=VALUE``; ``ARCHIVE_URL`` also from the environment.
"""

from __future__ import annotations

import os

from crawler import logfilter

# Scrapy logs overridden settings before any extension exists: hide database passwords now.
logfilter.install()

BOT_NAME = "tn_econ_archive"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
# Project commands: `scrapy extract`, `scrapy evaluate`, ...
COMMANDS_MODULE = "crawler.commands"

# --- Archive ------------------------------------------------------------------------------------
# Where the archive lives: any SQLAlchemy URL. Default: an SQLite file in the directory the crawl
# runs from (the project root). PostgreSQL: postgresql+psycopg://user:password@host:5432/dbname
ARCHIVE_URL = os.environ.get("ARCHIVE_URL", "sqlite:///archive.db")

# --- Politeness and identity --------------------------------------------------------------------
# Who we are, and how a site owner reaches us (set ARCHIVE_CONTACT to your address).
ARCHIVE_CONTACT = os.environ.get("ARCHIVE_CONTACT", "https://github.com/tn-econ-archive")
USER_AGENT = f"tn-econ-archive/0.1 (+{ARCHIVE_CONTACT})"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
# Refuse pages over 20 MiB, warn over 5 MiB: a news article is never that big.
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
DOWNLOAD_TIMEOUT = 60
# No URL length limit: Scrapy's default (2,083) drops longer links silently, and an article URL
# may be longer (the archive stores URLs as TEXT). A server that refuses a URL answers 414, and
# that failure is recorded like any other.
URLLENGTH_LIMIT = 0
RETRY_TIMES = 2

# --- Item pipelines (the one chain every spider uses, seeds included) ---------------------------
ITEM_PIPELINES = {
    # bytes -> clean article text and metadata (text path or HTML path)
    "pipelines.extraction.ExtractionPipeline": 100,
    # clean body -> economic indicator facts
    "pipelines.indicators.pipeline.IndicatorPipeline": 300,
    # article, raw page and facts -> the archive, one transaction per article
    "pipelines.storage.StoragePipeline": 900,
}

# --- Extensions and download handlers ----------------------------------------------------------
EXTENSIONS = {
    # robots.txt Crawl-delay becomes each site's minimum delay (after AutoThrottle's adjustments)
    "crawler.extensions.crawldelay.CrawlDelay": 600,
    # end-of-run verdict: selectors vs fallback, articles without date or body, failures
    "crawler.extensions.health.CrawlHealth": 100,
    # distributed mode only: a worker waits while other workers may still fill the shared queue
    "crawler.distributed.SharedIdle": 500,
}
# http(s) through the replica router: Scrapy's own handler unless REPLICA_URL is set
DOWNLOAD_HANDLERS = {
    "http": "crawler.replica.ReplicaDownloadHandler",
    "https": "crawler.replica.ReplicaDownloadHandler",
    # local files (scrapy crawl seeds): regular files only, at most DOWNLOAD_MAXSIZE bytes
    "file": "crawler.filehandler.BoundedFileDownloadHandler",
}
# Local portal replicas for tests and trials (python -m tests.replica): empty on real crawls
REPLICA_URL = os.environ.get("REPLICA_URL", "")

# Redirects off the site fail the request (recorded as a fetch failure) instead of vanishing in
# the offsite filter: crawler/redirects.py replaces Scrapy's RedirectMiddleware, same order
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "crawler.redirects.OffsiteAwareRedirectMiddleware": 600,
}

# Items are named, not dumped, in log lines: a dropped item carries its raw page (up to 20 MiB)
LOG_FORMATTER = "crawler.logformatter.ArchiveLogFormatter"

# --- Distributed crawling (scrapy-redis; see crawler/distributed.py) -----------------------------
# Set REDIS_URL (e.g. redis://127.0.0.1:6379/0) to share one crawl between several processes.
REDIS_URL = os.environ.get("REDIS_URL", "")
# Name of the shared crawl: every worker of one crawl uses the same (default: UTC date and hour).
DISTRIBUTED_RUN = os.environ.get("DISTRIBUTED_RUN", "")
# A worker stops after the shared queue has been idle this long.
DISTRIBUTED_IDLE_SECONDS = 8.0

# --- Misc -------------------------------------------------------------------------------------
FEED_EXPORT_ENCODING = "utf-8"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")

# --- Spider contracts (`scrapy check`, crawler/contracts.py) --------------------------------------
SPIDER_CONTRACTS = {
    # the first listing page yields article links
    "crawler.contracts.FindsArticlesContract": 10,
    # the current selector version finds the named fields on the example article
    "crawler.contracts.MatchesContract": 20,
    # the whole extraction (metadata, selectors, fallback) gives the named fields
    "crawler.contracts.ExtractsContract": 30,
}
