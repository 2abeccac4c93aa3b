"""What every replica site shares: its articles, robots.txt, sitemaps, RSS, routing, page chrome.

A site subclass says where an article lives (``place``), how listings are addressed
(``listing_path``/``parse_listing``) and what its pages look like (``render_*``). Article ``i`` of a
site is a pure function of (seed, site, i), so growing a site only adds newer articles.

What the real systems emit for machines is emitted here too, per site (``meta_kinds``): OpenGraph
and ``article:*`` meta (EPI CMS, MasterCMS, most newspapers), JSON-LD ``NewsArticle``, or nothing
(SharePoint, the old ``.phtml`` CMS). Legacy hosts named in the evidence either serve the same
pages (``mirror_hosts``) or redirect to the main host (``redirect_hosts``). Each site also serves
its profile's example article URLs (``scrapy check``), outside listings, sitemaps and truth.
"""

from __future__ import annotations

import hashlib
import html
import json
import random
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from typing import ClassVar
from urllib.parse import urlsplit

from tests.replica.corpus import Article, make_article, slugify

EXAMPLE_INDEX = 1_000_000  # article indices of the example pages (never in listings or truth)

TZ = timezone(timedelta(hours=7))  # Asia/Ho_Chi_Minh, no DST
WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")
ROBOTS = """User-agent: *
Disallow: /admin/
Disallow: /search
Crawl-delay: 1
{sitemaps}"""


@dataclass(frozen=True)
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def html(cls, text: str, status: int = 200) -> Page:
        return cls(text.encode("utf-8"), status=status)


@dataclass(frozen=True)
class Served:
    """One article as a site serves it."""

    article: Article
    host: str
    path: str
    category: str  # the key of the listing it appears on
    url: str  # the canonical live URL
    extra: dict[str, object] = field(default_factory=dict)  # site-specific (post number, layout…)


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def dmy(dt: datetime) -> str:
    return dt.strftime("%d/%m/%Y")


def hm(dt: datetime) -> str:
    return dt.strftime("%H:%M")


def clock(dt: datetime) -> str:
    """The header clock most portals print: "Thứ bảy 21/12/2024 23:17"."""
    return f"{WEEKDAYS[dt.weekday()]} {dmy(dt)} {hm(dt)}"


def paragraphs(article: Article) -> str:
    return "\n".join(f"<p>{esc(p)}</p>" for p in article.paragraphs)


def shell(title: str, body: str, head: str = "", lang: str = "vi") -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{esc(title)}</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"{head}</head>\n<body>\n{body}\n</body></html>\n"
    )


def article_head(
    s: Served,
    iso_format: str = "%Y-%m-%dT%H:%M:%S%z",
    kinds: frozenset[str] = frozenset({"canonical", "og"}),
    site_name: str = "",
) -> str:
    """The machine-readable head of an article page: ``kinds`` among "canonical", "og" (with
    ``article:published_time``) and "jsonld" (a NewsArticle)."""
    a = s.article
    parts = []
    if "canonical" in kinds:
        parts.append(f'<link rel="canonical" href="{esc(s.url)}">')
    if "og" in kinds:
        title = f"{a.title} - {site_name}" if site_name else a.title  # suffixed, as sites do
        parts.append(
            f'<meta property="og:url" content="{esc(s.url)}">'
            f'<meta property="og:site_name" content="{esc(site_name)}">'
            f'<meta property="og:title" content="{esc(title)}">'
            f'<meta property="og:description" content="{esc(a.sapo)}">'
            f'<meta property="article:published_time" content="{a.published.strftime(iso_format)}">'
        )
    if "jsonld" in kinds:
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": a.title,
            "description": a.sapo,
            "datePublished": a.published.isoformat(),
            "author": {"@type": "Person", "name": a.author},
            "mainEntityOfPage": s.url,
            "publisher": {"@type": "Organization", "name": site_name},
        }
        payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
        parts.append(f'<script type="application/ld+json">{payload}</script>')
    return "".join(parts)


def slugify_runs(text: str) -> str:
    """A slug where each removed punctuation mark leaves its own hyphen ("thai-nguyen--gia-tri"),
    as tapchicongthuong.vn and baothainguyen.vn make them (real-markup.md)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    ascii_text = unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode().lower()
    ascii_text = re.sub(r"[^a-z0-9\s]", "-", ascii_text)
    return re.sub(r"\s+", "-", ascii_text.strip())[:90].strip("-")


class ReplicaSite:
    key: ClassVar[str]
    name: ClassVar[str]
    hosts: ClassVar[tuple[str, ...]]  # the first is the main host
    scheme: ClassVar[str] = "https"
    start: ClassVar[datetime]  # publication time of article 0
    step: ClassVar[timedelta]  # mean interval between articles
    provinces: ClassVar[tuple[str, ...]]
    page_size: ClassVar[int] = 20
    sitemap_index: ClassVar[bool] = False  # /sitemap.xml is an index of monthly sitemaps
    feed_paths: ClassVar[tuple[str, ...]] = ()
    date_only: ClassVar[bool] = False  # the site prints no time: articles at 00:00
    mirror_hosts: ClassVar[tuple[str, ...]] = ()  # legacy hosts serving the same pages
    redirect_hosts: ClassVar[tuple[str, ...]] = ()  # legacy hosts redirecting to the main one

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.count = 0
        self._all: list[Served] = []  # grows only, so URLs and texts never change
        self._by_path: dict[tuple[str, str], Served] = {}
        self._taken: set[str] = set()
        self._examples = self._make_examples()

    def _make_examples(self) -> dict[tuple[str, str], Served]:
        """The profile's example article URLs (``scrapy check``), in the current layout."""
        from crawler.sites import get_profile  # the URLs are the profile's, by definition

        examples = {}
        for n, url in enumerate(get_profile(self.key).examples):
            parts = urlsplit(url)
            index = EXAMPLE_INDEX + n
            published = self.example_date()
            article = make_article(self.seed, self.key, index, published, self.provinces)
            served = self.example(Served(article, parts.hostname or "", parts.path, "", url))
            examples[(served.host, served.path)] = served
        return examples

    def example_date(self) -> datetime:
        """After any article a test serves: the current layout."""
        return self.published(1000)

    def example(self, s: Served) -> Served:
        """The example page as this site serves it (sites add their ``extra``)."""
        return s

    # --- articles ------------------------------------------------------------------------------
    def rng(self, index: int, salt: str = "") -> random.Random:
        return random.Random(f"{self.seed}:{self.key}:{index}:{salt}")

    def token(self, index: int, length: int, salt: str = "") -> str:
        """Deterministic hex id, as the portals put at the end of slugs."""
        raw = f"{self.seed}:{self.key}:{index}:{salt}".encode()
        return hashlib.sha256(raw).hexdigest()[:length]

    def published(self, index: int) -> datetime:
        slot = self.start + index * self.step
        if self.date_only:
            return slot.replace(hour=0, minute=0, second=0)
        # Somewhere in the first 80% of the slot, on the minute: strictly increasing.
        jitter = self.rng(index, "time").randrange(int(self.step.total_seconds() * 0.8) // 60)
        return (slot + timedelta(minutes=jitter)).replace(second=0)

    def original(self, index: int) -> Article | None:
        """A real article this site published at ``index``, when the replica reproduces one."""
        return None

    def unique(self, candidate: str) -> str:
        """``candidate``, or ``candidate-2``… if an older article already took it."""
        name, n = candidate, 1
        while name in self._taken:
            n += 1
            name = f"{candidate}-{n}"
        self._taken.add(name)
        return name

    def resize(self, count: int) -> None:
        while len(self._all) < count:
            index = len(self._all)
            article = self.original(index) or make_article(
                self.seed, self.key, index, self.published(index), self.provinces
            )
            served = self.place(article, slugify(article.title))
            self._all.append(served)
            self._by_path[(served.host, served.path)] = served
        self.count = count

    @property
    def served(self) -> list[Served]:
        return self._all[: self.count]

    def lookup(self, host: str, path: str) -> Served | None:
        served = self._by_path.get((host, path))
        return served if served is not None and served.article.index < self.count else None

    def now(self) -> datetime:
        """The site's clock: a little after its newest article (deterministic for a given N)."""
        newest = self._all[self.count - 1].article.published if self.count else self.start
        return newest + timedelta(hours=2, minutes=17)

    def listing_items(self, category: str) -> list[Served]:
        return [s for s in reversed(self.served) if s.category == category]

    def older(self, s: Served, n: int) -> list[Served]:
        """Up to ``n`` older articles: related lists that do not change when the site grows."""
        i = s.article.index
        return self._all[max(0, i - n) : i][::-1]

    # --- routing -------------------------------------------------------------------------------
    def handle(self, host: str, path: str, query: str) -> Page | None:
        if path == "/robots.txt":
            return self.robots(host)
        if host in self.redirect_hosts:
            target = f"{self.scheme}://{self.hosts[0]}{path}" + (f"?{query}" if query else "")
            return Page(b"", "text/html; charset=utf-8", 301, (("Location", target),))
        if host in self.mirror_hosts:
            host = self.hosts[0]
        if path == "/sitemap.xml" or path.startswith("/sitemaps/"):
            return self.sitemap(host, path)
        if path in self.feed_paths and host == self.hosts[0]:
            return self.feed(path)
        example = self._examples.get((host, path))
        if example is not None:
            return Page.html(self.render_article(example))
        served = self.lookup(host, path)
        if served is not None:
            return Page.html(self.render_article(served))
        found = self.parse_listing(host, path, query)
        if found is not None:
            category, page = found
            items = self.listing_items(category)
            chunk = items[(page - 1) * self.page_size : page * self.page_size]
            has_next = page * self.page_size < len(items)
            return Page.html(self.render_listing(category, page, chunk, has_next))
        return self.extra_route(host, path, query)

    def robots(self, host: str) -> Page:
        sitemaps = f"Sitemap: {self.scheme}://{host}/sitemap.xml\n"
        return Page(ROBOTS.format(sitemaps=sitemaps).encode(), "text/plain; charset=utf-8")

    def sitemap_entries(self, host: str) -> list[tuple[str, datetime]]:
        """(URL, lastmod) of every article on ``host``; subclasses add their oddities."""
        return [(s.url, s.article.published) for s in self.served if s.host == host]

    def sitemap(self, host: str, path: str) -> Page | None:
        entries = sorted(self.sitemap_entries(host), key=lambda e: e[1], reverse=True)
        if self.sitemap_index:
            months = sorted({d.strftime("%Y-%m") for _, d in entries}, reverse=True)
            if path == "/sitemap.xml":
                base = f"{self.scheme}://{host}/sitemaps"
                items = [
                    (f"{base}/{m}.xml", max(d for _, d in entries if d.strftime("%Y-%m") == m))
                    for m in months
                ]
                return xml_page(sitemap_xml(items, index=True))
            month = path.removeprefix("/sitemaps/").removesuffix(".xml")
            if month not in months:
                return None
            entries = [e for e in entries if e[1].strftime("%Y-%m") == month]
        elif path != "/sitemap.xml":
            return None
        return xml_page(sitemap_xml(entries, index=False))

    def feed(self, path: str) -> Page:
        items = []
        for s in list(reversed(self.served))[:30]:
            a = s.article
            items.append(
                f"<item><title>{esc(a.title)}</title><link>{esc(s.url)}</link>"
                f'<guid isPermaLink="true">{esc(s.url)}</guid>'
                f"<description><![CDATA[{a.sapo}]]></description>"
                f"<pubDate>{format_datetime(a.published)}</pubDate></item>"
            )
        home = f"{self.scheme}://{self.hosts[0]}/"
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            f"<title>{esc(self.name)}</title><link>{home}</link>"
            f"<description>{esc(self.name)} - Tin mới nhất</description><language>vi</language>"
            + "\n".join(items)
            + "</channel></rss>\n"
        )
        return Page(body.encode("utf-8"), "application/rss+xml; charset=utf-8")

    def truth(self) -> list[dict[str, object]]:
        """What a perfect crawl of this site would archive, oldest first."""
        out = []
        for s in self.served:
            a = s.article
            record: dict[str, object] = {
                "url": s.url,
                "title": a.title,
                "sapo": a.sapo,
                "published_at": a.published.isoformat(),
                "author": a.author,
                "body_text": a.body_text,
                "province": a.province,
                "layout": s.extra.get("layout", "current"),
            }
            out.append(record | self.truth_extra(s))
        return out

    def truth_extra(self, s: Served) -> dict[str, object]:
        return {}

    # --- what subclasses define ----------------------------------------------------------------
    def place(self, article: Article, slug: str) -> Served:
        raise NotImplementedError

    def parse_listing(self, host: str, path: str, query: str) -> tuple[str, int] | None:
        raise NotImplementedError

    def render_article(self, s: Served) -> str:
        raise NotImplementedError

    def render_listing(self, category: str, page: int, items: list[Served], has_next: bool) -> str:
        raise NotImplementedError

    def extra_route(self, host: str, path: str, query: str) -> Page | None:
        return None


def xml_page(text: str) -> Page:
    return Page(text.encode("utf-8"), "application/xml; charset=utf-8")


def sitemap_xml(entries: list[tuple[str, datetime]], index: bool) -> str:
    tag, outer = ("sitemap", "sitemapindex") if index else ("url", "urlset")
    rows = "\n".join(
        f"<{tag}><loc>{esc(url)}</loc><lastmod>{when.isoformat()}</lastmod></{tag}>"
        for url, when in entries
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<{outer} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{rows}\n</{outer}>\n'
    )


def page_number(text: str | None, default: int = 1) -> int | None:
    """A listing page number from a query value or path part; None when it is not one."""
    if text is None or text == "":
        return default
    return int(text) if text.isdigit() and int(text) >= 1 else None
