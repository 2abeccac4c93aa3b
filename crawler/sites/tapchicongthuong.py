"""tapchicongthuong.vn — Tạp chí Công Thương (the ministry's magazine).

Articles ``/<slug>-<id>.htm`` (older ``/bai-viet/<slug>-<id>.htm``) and listings
``/hashtag/<category-slug-id>/page-<n>`` are real; selectors come from a public scraper and are
unverified; the sitemap is a guess. The sapo starts with "TCCT" (the cleaning rules strip it).
"""

from __future__ import annotations

from crawler.sites.base import Listing, SelectorVersion, SiteProfile
from pipelines.html import SiteSelectors

BASE = "https://tapchicongthuong.vn"

SELECTORS = SiteSelectors(  # from a public scraper, unverified
    version="tapchicongthuong.vn/1",
    title=("h1.post-title",),
    sapo=("div.sapo",),
    body=("div#post_content",),
    date=("div.post-meta span",),
    author=("div.meta-info .source strong",),
    drop=("figure", "script", "div.box-related"),
    date_formats=("%d/%m/%Y %H:%M", "%H:%M %d/%m/%Y", "%d/%m/%Y"),
)

PROFILE = SiteProfile(
    key="tapchicongthuong",
    name="Tạp chí Công Thương",
    base_url=BASE,
    domains=("tapchicongthuong.vn",),
    article_patterns=(r"^/(?:bai-viet/)?[a-z0-9]+(?:-[a-z0-9]+)*-\d+\.htm$",),
    listings=tuple(
        Listing(
            url=f"{BASE}/hashtag/{tag}",
            # Also matches thumbnails and category links: the spider keeps article URLs only.
            link_selector="div.list-view a[href]",
            page_url=f"{BASE}/hashtag/{tag}/page-{{page}}",
            page_size=20,
        )
        for tag in ("dia-phuong-8307", "kinh-te-4")
    ),
    sitemaps=(f"{BASE}/sitemap.xml",),  # unverified
    selectors=(SelectorVersion(SELECTORS),),
    province=None,  # national: the province comes from the text
)
