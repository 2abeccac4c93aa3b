"""cokhivietnam.vn — Tạp chí Cơ khí Việt Nam ("TCCKVN").

Articles ``/post/<slug>`` are confirmed (seed 000, real-markup.md); nothing else is evidenced. The
section listing ``/su-kien-van-de?page=N``, the sitemap and all selectors are unverified; the
rendered text they were modelled on: section label, title, "DD/MM/YYYY HH:MM", "N Lượt xem", sapo
starting "TCCKVN", body, byline, "Có thể bạn quan tâm" + unrelated items, footer "0904177637 •
Zalo • Messenger • Back to top". Its texts often rewrite baothainguyen.vn articles: expect
cross-site duplicates.
"""

from __future__ import annotations

from crawler.sites.base import SLUG, Listing, SelectorVersion, SiteProfile
from pipelines.html import SiteSelectors

BASE = "https://cokhivietnam.vn"

SELECTORS = SiteSelectors(
    version="cokhivietnam.vn/1",
    title=("div.post-detail h1.post-title",),
    sapo=("div.post-detail div.post-sapo",),
    body=("div.post-detail div.post-content",),
    date=("span.post-date",),
    author=("div.post-content p.post-author",),
    drop=("p.post-author", "figure", "script"),
    date_formats=("%d/%m/%Y %H:%M",),
)

PROFILE = SiteProfile(
    key="cokhivietnam",
    name="Tạp chí Cơ khí Việt Nam",
    base_url=BASE,
    domains=("cokhivietnam.vn",),
    article_patterns=(rf"^/post/{SLUG}/?$",),
    listings=(
        Listing(  # unverified
            url=f"{BASE}/su-kien-van-de",
            link_selector="div.list-news h3 a",
            page_url=f"{BASE}/su-kien-van-de?page={{page}}",
            page_size=12,
        ),
    ),
    sitemaps=(f"{BASE}/sitemap.xml",),  # unverified
    selectors=(SelectorVersion(SELECTORS, unverified=("title", "sapo", "body", "date", "author")),),
    province=None,  # national magazine
    examples=(
        f"{BASE}/post/nganh-cong-thuong-thai-nguyen-no-luc-dong-hanh-cung-doanh-nghiep-phan-dau-dat-muc-tieu-nam-2024",
    ),
)
