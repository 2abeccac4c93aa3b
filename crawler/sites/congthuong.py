"""congthuong.vn — Báo Công Thương, the national trade newspaper (MasterCMS).

Articles ``/<slug>-<6 digits>.html`` (confirmed); the mobile variant appends
``&mobile=yes&amp=1`` without a "?", which ``pipelines.urls.canonicalize`` removes. Category
listings ``/{category}?s_cond=&BRSR={offset}`` (20 per page) and ``/sitemap.xml`` come from public
scrapers (unverified); the RSS feeds ``/rss/home.rss`` and ``/rss/dia-phuong.rss`` are named by
public RSS lists, ``/rss/tin-moi-nhat.rss`` by nothing dated (unverified).

Layouts (real-markup.md): both 2020 sources show ``.article-desc``, ``span.bx-time`` and a body
whose id starts with ``__MASTERCMS_CONTENT``; one 2025 scraper gives the current set. A sibling
MasterCMS site prints the time and the date in two spans (``span.format_time`` "14:30" and
``span.format_date``): the extraction joins them. The ``detail-*`` set of an earlier profile has
no dated source and is kept, unverified. The switch dates are guesses.
"""

from __future__ import annotations

from datetime import date

from crawler.sites.base import SLUG, Listing, SelectorVersion, SiteProfile
from pipelines.html import SiteSelectors

BASE = "https://congthuong.vn"
EVIDENCE_2020 = (
    "nguyenducduy/scrapy-vietnamese-news-spiders @afc25db/@252f03e (2020-05); "
    "hailoc12/docbao @3af23da (2020): cong_thuong_full_content.yaml"
)
EVIDENCE_2025 = "lantuan2205/crawler_news @cdec210 (2025-05): crawler/congthuong.py"
# Every layout: the "Xem thêm" box inside the text, figures (the caption is not article text).
_DROP = ("figure", "div.related-inline", "script", "div.share-bar")

V2020 = SiteSelectors(
    version="congthuong.vn/2020",
    title=("h1.article-title", "h1.title-detail"),  # unverified
    sapo=(".article-desc",),
    body=('[id^="__MASTERCMS_CONTENT"]',),
    date=("span.bx-time",),
    author=("p.author", "div.author"),  # unverified
    drop=(*_DROP, "p.author"),
    date_formats=("%d/%m/%Y %H:%M", "%d/%m/%Y | %H:%M", "%H:%M %d/%m/%Y"),
)
DETAIL = SiteSelectors(  # no dated source: kept from an earlier profile, unverified
    version="congthuong.vn/1",
    title=("h1.detail-title",),
    sapo=("div.detail-sapo",),
    body=("div.detail-content",),
    date=("div.detail-info span.time", "span.time"),
    author=("div.detail-content p.author",),
    drop=(*_DROP, "p.author"),
    date_formats=("%d/%m/%Y | %H:%M", "%d/%m/%Y %H:%M"),
)
V2025 = SiteSelectors(
    version="congthuong.vn/2025",
    title=("h1.article-detail-title",),
    sapo=("div.article-detail-desc",),
    body=("div#articleBody",),
    # a time alone ("14:30") is joined with the date of the next selector, never parsed alone
    date=("span.format_time", "span.format_date"),
    author=("div.article-detail-author",),
    drop=_DROP,
    date_formats=("%d/%m/%Y %H:%M", "%d/%m/%Y - %H:%M", "%H:%M %d/%m/%Y"),
)

_LINKS = "div.bx-cat-content h3.article-title a"

PROFILE = SiteProfile(
    key="congthuong",
    name="Báo Công Thương",
    base_url=BASE,
    domains=("congthuong.vn",),
    article_patterns=(rf"^/{SLUG}-\d{{6,}}\.html$",),
    listings=tuple(
        Listing(
            url=f"{BASE}/{category}",
            link_selector=_LINKS,
            page_url=f"{BASE}/{category}?s_cond=&BRSR={{offset}}",
            page_size=20,
            source=EVIDENCE_2025,
        )
        for category in ("cong-nghiep", "dia-phuong")
    ),
    sitemaps=(f"{BASE}/sitemap.xml",),
    feeds=(f"{BASE}/rss/home.rss", f"{BASE}/rss/dia-phuong.rss", f"{BASE}/rss/tin-moi-nhat.rss"),
    selectors=(
        # no date is known for the detail-* set: placed first, tried after the current one
        SelectorVersion(DETAIL, valid_until=date(2020, 1, 1), unverified=("all",)),
        SelectorVersion(
            V2020,
            valid_until=date(2023, 7, 1),  # a guess
            source=EVIDENCE_2020,
            unverified=("title", "author"),
        ),
        SelectorVersion(
            V2025, source=f"{EVIDENCE_2025}; split date spans: a sibling MasterCMS site"
        ),
    ),
    province=None,  # national: the province comes from the text
    examples=(f"{BASE}/thai-nguyen-xac-dinh-khong-gian-phat-trien-cong-nghiep-342466.html",),
)
