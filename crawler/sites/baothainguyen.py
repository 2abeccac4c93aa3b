"""baothainguyen.vn — Báo Thái Nguyên, the provincial newspaper.

Articles ``/<category>[/<sub>]/<YYYYMM>/<slug>-<7 hex>/`` (portals.md) and, around January 2022
on this host too, ``/tin-tuc/<category>/<slug>-<id>-<catid>.html`` (the form of the old domain
baothainguyen.org.vn, whose pages are kept as articles of this site but not rewritten).
``thong-tin-quang-cao`` is advertising (skipped); ``multimedia/…`` pages are listings. The English
edition (en.baothainguyen.vn) is left out: the archive is of Vietnamese texts.

Selectors (real-markup.md): a 2026 scraper gives the listing links ``a.title2``, the sapo
``div.desc``, the body ``div.content-detail`` and the article's category ``a.title.color1``
(not used: the archive keeps no category); a 2019 configuration the date ``span.date_up``,
body ``div.news_detail`` and sapo ``div.Summary``. Images sit in ``<table class="image center">``
with the caption in ``<td class="desc">`` (2022), and the sapo is repeated as the body's bold
first paragraph: the extraction turns caption tables into figures and keeps the sapo once.
The byline and time share a line: "Nhị Hà 15:13, 26/03/2024". Title and date selectors of the
current layout, the pagination, sitemap and RSS feed are unverified.
"""

from __future__ import annotations

from datetime import date

from crawler.sites.base import SLUG, Listing, SelectorVersion, SiteProfile
from pipelines.html import SiteSelectors

BASE = "https://baothainguyen.vn"
EVIDENCE_2026 = (
    "tammuoichanhoa/crawl_lastest_news @2573360 (2026-02): config/sites/baothainguyen.py, "
    "crawler/site_configs/baothainguyen.vn.yml"
)
EVIDENCE_2019 = "hailoc12/docbao @3af23da (2020, config of 2019): baothainguyen_vn.yaml"

V2019 = SiteSelectors(
    version="baothainguyen.vn/2019",
    title=("h1.title_detail", "div.news_title h1"),  # unverified
    sapo=("div.Summary",),
    body=("div.news_detail",),
    date=("span.date_up",),
    author=("p.author",),  # unverified
    drop=("figure", "table.image", "script", "p.author"),
    date_formats=("%H:%M, %d/%m/%Y", "%d/%m/%Y %H:%M", "%d/%m/%Y"),
)
V2026 = SiteSelectors(
    version="baothainguyen.vn/2026",
    title=("h1.detail__title", "h1.title-detail"),  # unverified
    sapo=("div.desc",),
    body=("div.content-detail",),
    date=("span.detail__time", "div.detail-time"),  # unverified
    author=("span.detail__author",),  # unverified
    drop=("figure", "table.image", "script"),  # the caption is printed twice
    date_formats=("%H:%M, %d/%m/%Y", "%H:%M %d/%m/%Y"),
)

PROFILE = SiteProfile(
    key="baothainguyen",
    name="Báo Thái Nguyên",
    base_url=BASE,
    domains=("baothainguyen.vn", "baothainguyen.org.vn"),
    article_patterns=(
        rf"^/{SLUG}(?:/{SLUG})?/\d{{6}}/{SLUG}-[0-9a-f]{{7}}/?$",
        rf"^/tin-tuc/{SLUG}/{SLUG}-\d+-\d+\.html$",  # baothainguyen.org.vn, and this host in 2022
    ),
    listings=(
        Listing(
            url=f"{BASE}/kinh-te/cong-nghiep/",
            link_selector="a.title2",
            page_url=f"{BASE}/kinh-te/cong-nghiep/?page={{page}}",  # unverified
            page_size=15,
            source=EVIDENCE_2026,
        ),
    ),
    sitemaps=(f"{BASE}/sitemap.xml",),  # unverified
    feeds=(f"{BASE}/rss/home.rss",),  # unverified
    selectors=(
        # the redesign date is not known: between the 2019 configuration and a 2022 page
        SelectorVersion(
            V2019,
            valid_until=date(2021, 1, 1),
            source=EVIDENCE_2019,
            unverified=("title", "author"),
        ),
        SelectorVersion(V2026, source=EVIDENCE_2026, unverified=("title", "date", "author")),
    ),
    skip_patterns=(r"^https?://(?:www\.)?baothainguyen\.vn/thong-tin-quang-cao/",),
    province="Thái Nguyên",
    examples=(  # real (portals.md)
        f"{BASE}/kinh-te/cong-nghiep/202403/gia-tri-san-xuat-cong-nghiep-dat-203-nghin-ty-dong-89d12aa/",
    ),
)
