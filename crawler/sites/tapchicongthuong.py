"""tapchicongthuong.vn — Tạp chí Công Thương (the ministry's magazine).

Articles ``/<slug>-<id>.htm`` (older ``/bai-viet/<slug>-<id>.htm``); real slugs contain runs of
hyphens where a punctuation mark was removed (real-markup.md), so the slug is never required to be
single-hyphen words. Listings ``/hashtag/<category-slug-id>/page-<n>`` (portals.md; in 2020
``/hashtag/<slug>-<id>.htm``). Selectors: the title ``.post-title`` (2025, also
``.post-title.text-left.font-playfair``); the body ``.detail`` in one 2025 configuration,
``div#post_content`` in another; the 2020 layout ``.post-content`` with the date ``.post-date``
("DD/MM/YYYY lúc HH:MM"). The sapo starts with "TCCT" (the cleaning rules strip it). The sitemap,
the listing link selector, the current sapo, date and author selectors are unverified.
"""

from __future__ import annotations

from datetime import date

from crawler.sites.base import SLUG, Listing, SelectorVersion, SiteProfile
from pipelines.html import SiteSelectors

BASE = "https://tapchicongthuong.vn"
EVIDENCE_2020 = "nguyenducduy/scrapy-vietnamese-news-spiders @afc25db/@252f03e (2020-05)"
EVIDENCE_2025 = (
    "lantuan2205/crawler_news @cdec210 (2025-05): crawler/tapchicongthuong.py; "
    "giapham123/crawl-news-python @28b68ea (2025-12): config.py"
)

V2020 = SiteSelectors(
    version="tapchicongthuong.vn/2020",
    title=("h1.post-title", "h1.title"),  # unverified
    sapo=("div.post-sapo", "div.sapo"),  # unverified
    body=("div.post-content", ".post-content"),
    date=(".post-date",),
    author=("div.post-author",),  # unverified
    drop=("figure", "script", "div.box-related"),
    date_formats=("%d/%m/%Y lúc %H:%M", "%d/%m/%Y %H:%M", "%d/%m/%Y"),
)
V2025 = SiteSelectors(
    version="tapchicongthuong.vn/2025",
    title=("h1.post-title", ".post-title"),
    sapo=("div.sapo",),  # unverified
    body=("div#post_content", "div.detail"),
    date=("div.post-meta span",),  # unverified
    author=("div.meta-info .source strong",),  # unverified
    drop=("figure", "script", "div.box-related"),
    date_formats=("%d/%m/%Y %H:%M", "%H:%M %d/%m/%Y", "%d/%m/%Y"),
)

PROFILE = SiteProfile(
    key="tapchicongthuong",
    name="Tạp chí Công Thương",
    base_url=BASE,
    domains=("tapchicongthuong.vn",),
    article_patterns=(rf"^/(?:bai-viet/)?{SLUG}-\d+\.htm$",),
    listings=tuple(
        Listing(  # the hashtag pages are real; the link selector is unverified
            url=f"{BASE}/hashtag/{tag}",
            # Also matches thumbnails and category links: the spider keeps article URLs only.
            link_selector="div.list-view a[href]",
            page_url=f"{BASE}/hashtag/{tag}/page-{{page}}",
            page_size=20,
        )
        for tag in ("dia-phuong-8307", "kinh-te-4")
    ),
    sitemaps=(f"{BASE}/sitemap.xml",),  # unverified
    selectors=(
        SelectorVersion(
            V2020,
            valid_until=date(2022, 1, 1),  # the switch date is a guess
            source=EVIDENCE_2020,
            unverified=("title", "sapo", "author"),
        ),
        SelectorVersion(V2025, source=EVIDENCE_2025, unverified=("sapo", "date", "author")),
    ),
    province=None,  # national: the province comes from the text
    # the kind of URL the evidence shows (a run of hyphens where a colon was), not a known page
    examples=(f"{BASE}/thai-nguyen--thu-hut-dau-tu-vao-khu-cong-nghiep-128450.htm",),
)
