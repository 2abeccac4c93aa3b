"""congthuong.vn — Báo Công Thương, the national trade newspaper.

Articles ``/<slug>-<id>.html``; the mobile variant appends ``&mobile=yes&amp=1`` without a "?",
which ``pipelines.urls.canonicalize`` removes. Category listings ``/{category}?s_cond=&BRSR={offset}``
(20 per page), ``/sitemap.xml`` and ``/rss/tin-moi-nhat.rss`` are from public scrapers, unverified.

Two layouts are known from public scrapers (unverified). Which one is older, and when the site
switched, is not known: the date below is a guess. The replica serves articles published before it
in the old layout, so both versions are exercised.
"""

from __future__ import annotations

from datetime import date

from crawler.sites.base import Listing, SelectorVersion, SiteProfile
from pipelines.html import SiteSelectors

BASE = "https://congthuong.vn"
# Both layouts: the "Xem thêm" box inside the text, figures (the caption is not article text).
_DROP = ("figure", "div.related-inline", "script", "div.share-bar")

OLD = SiteSelectors(
    version="congthuong.vn/1",
    title=("h1.detail-title",),
    sapo=("div.detail-sapo",),
    body=("div.detail-content",),
    date=("div.detail-info span.time", "span.time"),
    author=("div.detail-content p.author",),
    drop=(*_DROP, "p.author"),
    date_formats=("%d/%m/%Y | %H:%M", "%d/%m/%Y %H:%M"),
)
CURRENT = SiteSelectors(
    version="congthuong.vn/2",
    title=("h1.article-detail-title",),
    sapo=("div.article-detail-desc",),
    body=("div#articleBody",),
    date=("span.format_time",),
    author=("div.article-detail-author",),
    drop=_DROP,
    date_formats=("%d/%m/%Y %H:%M", "%d/%m/%Y - %H:%M"),
)

_LINKS = "div.bx-cat-content h3.article-title a"

PROFILE = SiteProfile(
    key="congthuong",
    name="Báo Công Thương",
    base_url=BASE,
    domains=("congthuong.vn",),
    article_patterns=(r"^/[a-z0-9]+(?:-[a-z0-9]+)*-\d+\.html$",),
    listings=tuple(
        Listing(
            url=f"{BASE}/{category}",
            link_selector=_LINKS,
            page_url=f"{BASE}/{category}?s_cond=&BRSR={{offset}}",
            page_size=20,
        )
        for category in ("cong-nghiep", "dia-phuong")
    ),
    sitemaps=(f"{BASE}/sitemap.xml",),
    feeds=(f"{BASE}/rss/tin-moi-nhat.rss",),
    selectors=(
        SelectorVersion(OLD, valid_until=date(2023, 7, 1)),  # guessed switch date, unverified
        SelectorVersion(CURRENT),
    ),
    province=None,  # national: the province comes from the text
)
