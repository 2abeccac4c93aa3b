"""`scrapy sites`: the first-live-run check. Per site, what still matches, as a table.

For each site (or those named) it fetches every entry point (listings' first pages, sitemaps — one
sub-sitemap of an index —, feeds), then the profile's example articles and a few articles the
entry points found, and prints per site: entry points reachable (HTTP status, off-site
redirects), links found and article URL pattern hits, and per article which selector version and
which source (JSON-LD, OpenGraph, selectors, fallback, text …) supplied each field. Nothing is
archived. Exit code 1 when a site has no working entry point, or an article lost its title, date
or body, or its body came from the generic fallback (the selectors stopped matching); else 0.

    scrapy sites                                   # every site, live
    scrapy sites congthuong -a articles=5          # one site, five articles
    scrapy sites -s REPLICA_URL=http://127.0.0.1:8765   # against the replicas
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

import scrapy
from scrapy import signals
from scrapy.commands import ScrapyCommand
from scrapy.exceptions import DontCloseSpider, UsageError
from scrapy.http import Response
from scrapy.utils.conf import arglist_to_dict
from scrapy.utils.sitemap import Sitemap

from crawler import discovery
from crawler.sites import all_profiles
from crawler.sites.base import SiteProfile
from pipelines.errors import BadInputError
from pipelines.extraction import extract_document

FIELDS = ("title", "published_at", "sapo", "body", "author")
LABELS = {"published_at": "date"}
REQUIRED = ("title", "published_at", "body")


@dataclass
class Entry:
    kind: str
    url: str
    status: int | str = "-"
    links: int = 0
    articles: int = 0
    problem: str = ""


@dataclass
class Checked:
    url: str
    status: int | str = "-"
    version: str = "-"
    sources: dict[str, str] = field(default_factory=dict)
    misses: tuple[str, ...] = ()
    error: str = ""

    @property
    def whole(self) -> bool:
        """Title, date and body extracted, the body by the site's selectors (not the fallback)."""
        fields = all(f in self.sources for f in REQUIRED)
        return not self.error and fields and self.sources.get("body") != "fallback"


@dataclass
class SiteReport:
    profile: SiteProfile
    entries: list[Entry] = field(default_factory=list)
    articles: list[Checked] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        working = any(e.articles and not e.problem for e in self.entries)
        return working and bool(self.articles) and all(a.whole for a in self.articles)


class SiteCheckSpider(scrapy.Spider):
    """Fetches one site's entry points, then its example and a few discovered articles."""

    name = "sitecheck"
    site: ClassVar[SiteProfile]
    report: ClassVar[SiteReport]

    def __init__(self, articles: str = "3", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.wanted = int(articles)
        self.found: dict[str, None] = {}
        self.articles_sent = False

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> SiteCheckSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.idle, signal=signals.spider_idle)
        return spider

    async def start(self) -> Any:
        for kind, urls in (
            ("listing", [li.url for li in self.site.listings]),
            ("sitemap", self.site.sitemaps),
            ("feed", self.site.feeds),
        ):
            for url in urls:
                entry = Entry(kind, url)
                self.report.entries.append(entry)
                yield self.entry_request(url, entry)

    def entry_request(self, url: str, entry: Entry) -> scrapy.Request:
        return scrapy.Request(
            url, callback=self.parse_entry, errback=self.entry_failed, dont_filter=True,
            cb_kwargs={"entry": entry},
        )  # fmt: skip

    def idle(self, spider: scrapy.Spider) -> None:
        if spider is not self or self.articles_sent or self.crawler.engine is None:
            return
        self.articles_sent = True
        urls = list(dict.fromkeys([*self.site.examples, *list(self.found)[: self.wanted]]))
        for url in urls:
            checked = Checked(url)
            self.report.articles.append(checked)
            self.crawler.engine.crawl(
                scrapy.Request(
                    url,
                    callback=self.parse_article,
                    errback=self.article_failed,
                    dont_filter=True,
                    cb_kwargs={"checked": checked},
                )
            )
        raise DontCloseSpider

    def note(self, entry: Entry, urls: list[str]) -> list[str]:
        articles = [self.site.canonical(u) for u in urls if self.site.is_article(u)]
        entry.links += len(urls)
        entry.articles += len(articles)
        for url in articles:
            self.found.setdefault(url, None)
        return articles

    def parse_entry(self, response: Response, entry: Entry) -> Iterator[Any]:
        entry.status = response.status
        if not self.site.owns(response.url):
            p = discovery.offsite_problem(self.site.key, entry.kind, entry.url, response.url)
            entry.problem = p.problem
            return
        problem: discovery.Problem | None = None
        if entry.kind == "listing":
            spec = next(li for li in self.site.listings if li.url == entry.url)
            hrefs = response.css(f"{spec.link_selector}::attr(href)").getall()
            self.note(entry, [response.urljoin(h) for h in hrefs])
            problem = discovery.listing_problem(
                self.site.key, entry.url, spec.link_selector, entry.links, entry.articles
            )
        elif entry.kind == "sitemap":
            try:
                sitemap = Sitemap(response.body)
                locs = [e.get("loc", "") for e in sitemap]
                kind = sitemap.type
            except Exception:
                locs, kind = [], None
            if kind == "sitemapindex" and locs:
                entry.links += len(locs)
                yield self.entry_request(locs[0], entry)  # the first (newest) sub-sitemap
                return
            articles = self.note(entry, locs) if kind == "urlset" else []
            skipped = sum(1 for u in locs if self.site.is_skipped(u))
            problem = discovery.sitemap_problem(
                self.site.key, entry.url, kind, len(locs), len(articles) + skipped
            )
        else:
            root = discovery.feed_root(response.body)
            links = []
            if root in discovery.FEED_ROOTS:
                sel = scrapy.Selector(text=response.text, type="xml")
                sel.remove_namespaces()
                links = [
                    response.urljoin((i.xpath("link/text()").get() or i.xpath("link/@href").get() or "").strip())
                    for i in sel.xpath("//item | //entry")
                ]  # fmt: skip
            self.note(entry, links)
            problem = discovery.feed_problem(self.site.key, entry.url, root, len(links))
        entry.problem = problem.problem if problem else ""

    def entry_failed(self, failure: Any) -> None:
        entry: Entry = failure.request.cb_kwargs["entry"]
        response = getattr(failure.value, "response", None)
        entry.status = response.status if response is not None else failure.type.__name__
        entry.problem = "unreachable" if response is None else f"http_{response.status}"

    def parse_article(self, response: Response, checked: Checked) -> None:
        checked.status = response.status
        try:
            article = extract_document(
                response.body, source=response.url, url=response.url,
                content_type=response.headers.get(b"Content-Type", b"").decode("latin-1") or None,
                selectors=self.site.selector_candidates(date.today()),
            )  # fmt: skip
        except BadInputError as err:
            checked.error = str(err)
            return
        checked.version = (article.selector_version or "-") + f" ({article.method})"
        checked.sources = {
            f: article.field_sources.get(f, "-") for f in FIELDS if getattr(article, f, None)
        }
        checked.misses = article.selector_misses

    def article_failed(self, failure: Any) -> None:
        checked: Checked = failure.request.cb_kwargs["checked"]
        response = getattr(failure.value, "response", None)
        checked.status = response.status if response is not None else failure.type.__name__
        checked.error = "not fetched"


def render(report: SiteReport) -> str:
    """The table of one site, as printed."""
    p = report.profile
    lines = [f"{p.key} — {p.name} ({p.base_url}): {'OK' if report.ok else 'NEEDS ATTENTION'}"]
    lines.append(f"  {'entry point':<72} {'status':>7} {'links':>6} {'articles':>8}  problem")
    for e in report.entries:
        lines.append(
            f"  {e.kind:<7} {e.url[:64]:<64} {e.status!s:>7} {e.links:>6} {e.articles:>8}  "
            f"{e.problem or 'ok'}"
        )
    header = "".join(f" {LABELS.get(f, f):<10}" for f in FIELDS)
    lines.append(f"  {'article':<52} {'status':>6} {'selector version (method)':<40}{header}")
    for a in report.articles:
        cells = "".join(f" {a.sources.get(f, 'MISSING')[:10]:<10}" for f in FIELDS)
        tail = f"  selectors missed: {', '.join(a.misses)}" if a.misses else ""
        if a.error:
            cells, tail = f" ERROR: {a.error[:80]}", ""
        lines.append(f"  {a.url[-52:]:<52} {a.status!s:>6} {a.version[:40]:<40}{cells}{tail}")
    versions = "; ".join(
        f"{v.selectors.version}: {v.source}"
        + (f" [unverified: {', '.join(v.unverified)}]" if v.unverified else "")
        for v in p.selectors
    )
    lines.append(f"  evidence: {versions}")
    return "\n".join(lines)


class Command(ScrapyCommand):
    requires_project = True
    default_settings: ClassVar[dict[str, Any]] = {"ITEM_PIPELINES": {}, "LOG_LEVEL": "WARNING"}

    def syntax(self) -> str:
        return "[options] [SITE ...]"

    def short_desc(self) -> str:
        return "Check each site's entry points, selectors and metadata; print what matched"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument(
            "-a", dest="spargs", action="append", default=[], metavar="NAME=VALUE",
            help="articles=N: discovered articles checked per site (default 3)",
        )  # fmt: skip

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        try:
            opts.spargs = arglist_to_dict(opts.spargs)
        except ValueError:
            raise UsageError("Invalid -a value, use -a articles=N", print_help=False) from None

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        profiles = {p.key: p for p in all_profiles()}
        unknown = [a for a in args if a not in profiles]
        if unknown:
            raise UsageError(f"unknown site(s) {', '.join(unknown)}; known: {', '.join(profiles)}")
        assert self.crawler_process is not None
        reports = []
        for key in args or list(profiles):
            report = SiteReport(profiles[key])
            spidercls = type(
                f"SiteCheck_{key}", (SiteCheckSpider,),
                {"name": f"sitecheck-{key}", "site": profiles[key], "report": report,
                 "allowed_domains": list(profiles[key].domains)},
            )  # fmt: skip
            self.crawler_process.crawl(spidercls, **opts.spargs)
            reports.append(report)
        self.crawler_process.start()
        for report in reports:
            sys.stdout.write(render(report) + "\n\n")
        bad = [r.profile.key for r in reports if not r.ok]
        if bad:
            sys.stdout.write(f"sites that need attention: {', '.join(bad)}\n")
        self.exitcode = 1 if bad else 0
