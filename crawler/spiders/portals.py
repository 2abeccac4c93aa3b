"""One spider per site profile (``crawler/sites``), all from one generic, archive-aware class.

Discovery: listing pages (with pagination), sitemaps (filtered by ``lastmod``) and RSS feeds.
Incremental: a URL the archive already holds is never requested again; pagination stops at the
first listing page that holds only known articles (``-a backfill=1`` walks everything and ignores
``lastmod``); URLs that failed in earlier runs are retried first.

Self-diagnosing: every entry point reports what it found (``crawler.discovery``): a listing whose
first page yields no article links, a missing or empty sitemap, a feed that is not a feed, an
entry point that redirects off-site or answers 4xx/5xx.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any, ClassVar

import scrapy
from parsel import Selector
from scrapy import signals
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.sitemap import Sitemap

from crawler import discovery, distributed
from crawler.archive_index import ENTRY_FAILURES, ArchiveIndex
from crawler.items import ArticleItem
from crawler.sites import all_profiles
from crawler.sites.base import Listing, SiteProfile

logger = logging.getLogger(__name__)

TRUE_WORDS = ("1", "true", "yes", "on")


def parse_lastmod(text: str | None) -> date | None:
    """The date of a sitemap ``<lastmod>`` (W3C datetime) or RSS ``<pubDate>`` (RFC 822)."""
    if not text:
        return None
    text = text.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def requested_url(failure: Any) -> str:
    """The URL the spider asked for, before any redirect (failures are recorded under it)."""
    request = failure.request
    return (request.meta.get("redirect_urls") or [request.url])[0]


def describe_failure(failure: Any) -> str:
    """One line a person can act on: the URL, and the HTTP status or the network error."""
    url = requested_url(failure)
    response = getattr(failure.value, "response", None)
    if response is not None:
        return f"{url}: HTTP {response.status} ({failure.type.__name__})"
    return f"{url}: {failure.type.__name__}: {failure.getErrorMessage()}"


# the newest HTTP Date the site's entry points answered with, kept in the run's stats
SITE_CLOCK = "incremental/site_clock"


def parse_http_date(value: bytes | str | None) -> datetime | None:
    """An HTTP Date header, or an ISO string stored from one, as an aware datetime."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else str(value)
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


class PortalSpider(scrapy.Spider):
    profile: ClassVar[SiteProfile]

    def __init__(self, backfill: str = "0", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.backfill = str(backfill).lower() in TRUE_WORDS
        self.index: ArchiveIndex | None = None
        self.scheduled: set[str] = set()  # article URLs requested in this run
        self.failed_entries: set[str] = set()  # entry points that failed in earlier runs
        self.rewalk = True  # entry points bypass the duplicate filter (not in distributed mode)
        self.cutoff: date | None = None
        self.last_run: datetime | None = None
        self.source_name = self.profile.name
        self.base_url = self.profile.base_url

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        super().update_settings(settings)
        distributed.configure(settings)
        if settings.get("REPLICA_URL"):
            # our own server on loopback: no politeness delays (robots.txt is still obeyed)
            settings.set("DOWNLOAD_DELAY", 0, priority="spider")
            settings.set("AUTOTHROTTLE_ENABLED", False, priority="spider")
            settings.set("CONCURRENT_REQUESTS_PER_DOMAIN", 16, priority="spider")

    # --- start ------------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[Any]:
        self.rewalk = not self.settings.get("REDIS_URL")
        # Entry points bypass the duplicate filter (self.rewalk): a run resumed from JOBDIR walks
        # them again, and the archive (not the saved filter) decides what is still missing. In
        # distributed mode they go through the shared filter, so one worker fetches each.
        self.index = ArchiveIndex(self.settings.get("ARCHIVE_URL"))
        last = None if self.backfill else self.index.last_finished_run(self.name)
        if last is not None:
            started, self.last_run, stats = last
            # lastmod is compared with the site's own clock (its HTTP Date) at the last clean
            # run, when it was seen; a day's margin: lastmod is often a local date
            site_clock = parse_http_date(stats.get(SITE_CLOCK)) or started
            self.cutoff = site_clock.date() - timedelta(days=1)
        pending = self.index.pending_failures(self.name)
        self.failed_entries = {u for u in pending if not self.profile.is_article(u)}
        retry = [u for u in pending if self.profile.is_article(u)]
        if retry:
            logger.info("%s: retrying %d URLs that failed before", self.name, len(retry))
        for url in retry:
            # a URL that failed is in a resumed run's saved filter: retry it past the filter
            yield self.article_request(url, again=self.rewalk)
        self.crawler.stats.set_value(discovery.ARTICLE_LINKS, 0)
        for feed in self.profile.feeds:
            self.crawler.stats.inc_value("incremental/feed_requests")
            yield scrapy.Request(
                feed,
                callback=self.parse_feed,
                errback=self.entry_failed,
                dont_filter=self.rewalk,
                meta={"entry_kind": "feed"},
            )
        for sitemap in self.profile.sitemaps:
            self.crawler.stats.inc_value("incremental/sitemap_requests")
            yield scrapy.Request(
                sitemap,
                callback=self.parse_sitemap,
                errback=self.entry_failed,
                dont_filter=self.rewalk,
                meta={"entry_kind": "sitemap"},
            )
        for i, listing in enumerate(self.profile.listings):
            yield scrapy.Request(
                listing.url,
                callback=self.parse_listing,
                errback=self.entry_failed,
                dont_filter=self.rewalk,
                cb_kwargs={"listing": i, "page": 1},
                meta={"entry_kind": "listing"},
            )

    def closed(self, reason: str) -> None:
        if self.index is not None:
            self.index.close()

    # --- discovery ----------------------------------------------------------------------------

    def sort_out(self, urls: Iterable[str]) -> tuple[list[str], set[str]]:
        """Canonical article URLs among ``urls``: those to fetch now, and the *settled* ones.

        Settled: archived before the last run that finished normally started. Articles archived
        by an interrupted run may have gaps around them, so they do not stop a listing walk.
        """
        seen: dict[str, None] = {}
        for url in urls:
            if self.profile.is_article(url):
                seen.setdefault(self.profile.canonical(url), None)
        candidates = list(seen)
        known = self.index.first_seen(candidates) if self.index else {}
        self.crawler.stats.inc_value("incremental/known_skipped", len(known))
        fetch = [u for u in candidates if u not in known and u not in self.scheduled]
        settled = {u for u, when in known.items() if self._settled(when)}
        return fetch, settled

    def _settled(self, first_seen: datetime) -> bool:
        if self.last_run is None:
            return False
        if first_seen.tzinfo is None:  # SQLite returns naive UTC
            first_seen = first_seen.replace(tzinfo=UTC)
        return first_seen < self.last_run

    def new_articles(self, urls: Iterable[str]) -> list[str]:
        return self.sort_out(urls)[0]

    def article_request(self, url: str, *, again: bool = False) -> scrapy.Request:
        self.scheduled.add(url)
        self.crawler.stats.inc_value("incremental/article_requests")
        # Through the duplicate filter: it is saved with JOBDIR and shared in distributed mode,
        # so a resumed or parallel run never fetches an article twice. A retry bypasses it.
        return scrapy.Request(
            url, callback=self.parse_article, errback=self.article_failed, dont_filter=again
        )

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> PortalSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.request_dropped, signal=signals.request_dropped)
        return spider

    def request_dropped(self, request: scrapy.Request, spider: Any) -> None:
        """A redirect that leads back to a URL already requested is dropped by the duplicate
        filter without an error: retry the article once past the filter, so that a loop ends in
        "max redirections" and the errback records (and retries) it."""
        chain = request.meta.get("redirect_urls")
        if not chain or request.dont_filter or spider is not self:
            return
        original = chain[0]
        if self.profile.is_article(original) and self.crawler.engine is not None:
            self.crawler.stats.inc_value("incremental/redirect_loops")
            self.crawler.engine.crawl(self.article_request(original, again=True))

    def entry_fetched(self, response: Response) -> None:
        """An entry point answered: note the site's clock; resolve an earlier failure of it."""
        clock = parse_http_date(response.headers.get(b"Date"))
        if clock is not None:
            current = parse_http_date(self.crawler.stats.get_value(SITE_CLOCK))
            if current is None or clock > current:
                self.crawler.stats.set_value(SITE_CLOCK, clock.isoformat())
        url = response.request.url if response.request else response.url
        if url in self.failed_entries and self.index is not None:
            self.index.resolve(url)
            self.failed_entries.discard(url)

    def problem(self, found: discovery.Problem | None) -> None:
        if found is not None:
            logger.warning("%s", found.line())
            discovery.record(self.crawler.stats, found)

    def landed_offsite(self, response: Response, kind: str) -> bool:
        """An entry point that redirected to another site: reported, not parsed."""
        if self.profile.owns(response.url):
            return False
        asked = (response.meta.get("redirect_urls") or [response.url])[0]
        self.problem(discovery.offsite_problem(self.name, kind, asked, response.url))
        return True

    def parse_listing(self, response: Response, listing: int, page: int) -> Iterator[Any]:
        self.entry_fetched(response)
        if self.landed_offsite(response, "listing"):
            return
        spec: Listing = self.profile.listings[listing]
        links = [
            response.urljoin(h) for h in response.css(f"{spec.link_selector}::attr(href)").getall()
        ]
        articles = [self.profile.canonical(u) for u in links if self.profile.is_article(u)]
        self.crawler.stats.inc_value(discovery.ARTICLE_LINKS, len(articles))
        if page == 1:
            self.problem(
                discovery.listing_problem(
                    self.name, spec.url, spec.link_selector, len(links), len(articles)
                )
            )
        new, settled = self.sort_out(articles)
        self.crawler.stats.inc_value("incremental/listing_pages")
        for url in new:
            yield self.article_request(url)
        if not articles:
            logger.debug("%s: listing page %d is empty: end of %s", self.name, page, spec.url)
            return
        if not self.backfill and articles[-1] in settled:
            # listings are newest first: once the oldest entry of a page is settled, so is
            # everything after it (pinned articles at the top do not stop the walk)
            logger.info("%s: listing page %d reaches known articles: stop", self.name, page)
            return
        if spec.page_url and page < spec.max_pages:
            nxt = spec.page_url.format(page=page + 1, offset=page * spec.page_size)
            yield response.follow(
                nxt,
                callback=self.parse_listing,
                errback=self.entry_failed,
                cb_kwargs={"listing": listing, "page": page + 1},
                meta={"entry_kind": "listing"},
            )

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        self.entry_fetched(response)
        if self.landed_offsite(response, "sitemap"):
            return
        try:
            sitemap = Sitemap(response.body)  # lxml without entity resolution: safe on hostile XML
            entries = list(sitemap)
        except Exception as exc:
            logger.debug("%s: sitemap %s is not valid XML: %s", self.name, response.url, exc)
            self.problem(discovery.sitemap_problem(self.name, response.url, None, 0, None))
            return
        known = None
        if sitemap.type == "urlset":
            locs = [e.get("loc", "") for e in entries]
            articles = sum(1 for u in locs if self.profile.is_article(u))
            self.crawler.stats.inc_value(discovery.ARTICLE_LINKS, articles)
            # entries skipped on purpose (advertising) are recognised, not a sign of breakage
            known = articles + sum(1 for u in locs if self.profile.is_skipped(u))
        self.problem(
            discovery.sitemap_problem(self.name, response.url, sitemap.type, len(entries), known)
        )
        fresh = [e for e in entries if self._fresh(e.get("lastmod"))]
        self.crawler.stats.inc_value("incremental/sitemap_stale", len(entries) - len(fresh))
        if sitemap.type == "sitemapindex":
            for entry in fresh:
                self.crawler.stats.inc_value("incremental/sitemap_requests")
                yield scrapy.Request(
                    entry["loc"],
                    callback=self.parse_sitemap,
                    errback=self.entry_failed,
                    meta={"entry_kind": "sitemap"},
                )
            return
        for url in self.new_articles(e["loc"] for e in fresh):
            yield self.article_request(url)

    def parse_feed(self, response: Response) -> Iterator[Any]:
        self.entry_fetched(response)
        if self.landed_offsite(response, "feed"):
            return
        root = discovery.feed_root(response.body)
        items = []
        if root in discovery.FEED_ROOTS:
            selector = Selector(text=response.text, type="xml")
            selector.remove_namespaces()
            items = selector.xpath("//item | //entry")
        self.problem(discovery.feed_problem(self.name, response.url, root, len(items)))
        urls, found = [], 0
        for item in items:
            link = item.xpath("link/text()").get() or item.xpath("link/@href").get()
            when = item.xpath("pubDate/text() | updated/text() | published/text()").get()
            if link and self.profile.is_article(response.urljoin(link.strip())):
                found += 1
            if link and self._fresh(when):
                urls.append(response.urljoin(link.strip()))
        self.crawler.stats.inc_value(discovery.ARTICLE_LINKS, found)
        for url in self.new_articles(urls):
            yield self.article_request(url)

    def _fresh(self, lastmod: str | None) -> bool:
        if self.cutoff is None:
            return True
        when = parse_lastmod(lastmod)
        return when is None or when >= self.cutoff

    # --- articles -----------------------------------------------------------------------------

    def parse_article(self, response: Response) -> Iterator[ArticleItem]:
        fetched = datetime.now(UTC)
        requested = response.request.url if response.request else response.url
        yield ArticleItem(
            url=requested,
            final_url=response.url,
            canonical_url=self.profile.canonical(requested),
            source=self.name,
            status=response.status,
            headers={
                k.decode("latin-1"): b", ".join(v).decode("latin-1")
                for k, v in response.headers.items()
            },
            raw=response.body,
            fetched_at=fetched,
            profile=self.profile.selector_candidates(fetched.date()),
        )

    def article_failed(self, failure: Any) -> Iterator[Any]:
        url = requested_url(failure)
        if failure.check(IgnoreRequest) and "redirect" in failure.getErrorMessage():
            # Scrapy retries network errors and 5xx, not redirect loops: a loop may be a passing
            # fault of the site, so it gets the same number of attempts (RETRY_TIMES)
            again = get_retry_request(
                failure.request.replace(url=url), spider=self, reason="redirect loop"
            )
            if again is not None:
                yield again
                return
        message = describe_failure(failure)
        logger.error("%s: article not fetched: %s", self.name, message)
        self.crawler.stats.inc_value("incremental/article_failures")
        yield ArticleItem(url=url, source=self.name, fetch_error=message)

    def entry_failed(self, failure: Any) -> Iterator[ArticleItem]:
        url = requested_url(failure)
        kind = failure.request.meta.get("entry_kind", "listing")
        response = getattr(failure.value, "response", None)
        message = describe_failure(failure)
        if failure.check(IgnoreRequest) and not self.profile.owns(failure.request.url):
            # a redirect to another host, filtered as off-site
            self.problem(discovery.offsite_problem(self.name, kind, url, failure.request.url))
        else:
            status = response.status if response is not None else None
            self.problem(discovery.fetch_problem(self.name, kind, url, status, message))
        logger.error("%s: entry point not fetched: %s", self.name, message)
        self.crawler.stats.inc_value(ENTRY_FAILURES)
        yield ArticleItem(url=url, source=self.name, fetch_error=message)


def _contract_callbacks(profile: SiteProfile) -> dict[str, Any]:
    """``scrapy check`` callbacks of one site, their contracts written from its profile
    (see ``crawler/contracts.py``)."""
    methods: dict[str, Any] = {}
    if profile.listings:

        def check_listing(self: PortalSpider, response: Response, **kwargs: Any) -> Iterator[Any]:
            yield from self.parse_listing(response, **kwargs)

        check_listing.__doc__ = (
            f"The first page of {profile.name}'s first listing yields article links.\n\n"
            f"@url {profile.listings[0].url}\n"
            '@cb_kwargs {"listing": 0, "page": 1}\n'
            "@finds_articles\n"
        )
        methods["check_listing"] = check_listing
    if profile.examples:

        def check_article(self: PortalSpider, response: Response) -> Iterator[Any]:
            yield from self.parse_article(response)

        check_article.__doc__ = (
            f"An article of {profile.name}: selectors and extraction.\n\n"
            f"@url {profile.examples[0]}\n"
            "@returns items 1 1\n"
            "@matches title date body\n"
            "@extracts title published_at body\n"
        )
        methods["check_article"] = check_article
    return methods


def _spider_class(profile: SiteProfile) -> type[PortalSpider]:
    class_name = "".join(part.capitalize() for part in profile.key.split("_")) + "Spider"
    return type(
        class_name,
        (PortalSpider,),
        {
            "name": profile.key,
            "profile": profile,
            "allowed_domains": list(profile.domains),
            "__module__": __name__,
            "__doc__": f"Crawls {profile.name} ({profile.base_url}).",
            **_contract_callbacks(profile),
        },
    )


SPIDERS: dict[str, type[PortalSpider]] = {_p.key: _spider_class(_p) for _p in all_profiles()}
# module attributes, so that Scrapy's spider loader finds them (each exactly once)
globals().update({cls.__name__: cls for cls in SPIDERS.values()})
