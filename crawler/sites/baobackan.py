"""bbk.baothainguyen.vn — the archive of the former Báo Bắc Kạn (closed with the 2025 merger).

Articles ``/<slug>-post<N>.html`` (post numbers are not in date order) and the 2021 form
``/kinh-te/<YYYYMM>/<slug>-<7 hex>/`` of baobackan.com.vn; the old hosts are rewritten to the
archive, keeping the path. ``/sitemap.xml`` lists every article (real). Posts numbered after the
farewell post (post71660–71665) are advertising and skipped. The topic listing's ``?page=``
pagination and all selectors are unverified. The ISO time is also in ``article:published_time``.
"""

from __future__ import annotations

from crawler.sites.base import Listing, SelectorVersion, SiteProfile
from pipelines.html import SiteSelectors

BASE = "https://bbk.baothainguyen.vn"
HOST = "bbk.baothainguyen.vn"

SELECTORS = SiteSelectors(  # unverified
    version="bbk.baothainguyen.vn/1",
    title=("h1.article__title",),
    sapo=("div.article__sapo",),
    body=("div.article__body",),
    date=("time.article__time",),
    author=("p.article__author",),
    drop=("figure", "script"),  # the caption is printed twice ("… ảnh 1"), never article text
    date_formats=("%d/%m/%Y %H:%M", "%H:%M, %d/%m/%Y"),
)

# post71666 and above: 7166[6-9], 716[7-9]x, 71[7-9]xx, 7[2-9]xxx, [89]xxxx, six digits or more.
ADVERTISING = r"-post(?:7166[6-9]|716[7-9]\d|71[7-9]\d\d|7[2-9]\d{3}|[89]\d{4}|[1-9]\d{5,})\.html"

PROFILE = SiteProfile(
    key="baobackan",
    name="Báo Bắc Kạn",
    base_url=BASE,
    domains=(HOST,),
    article_patterns=(
        r"^/[a-z0-9]+(?:-[a-z0-9]+)*-post\d+\.html$",
        r"^/[a-z0-9-]+/\d{6}/[a-z0-9]+(?:-[a-z0-9]+)*-[0-9a-f]{7}/?$",
    ),
    listings=(
        Listing(  # the topic page is real, its pagination parameter is not known
            url=f"{BASE}/chu-de/kinh-te-3.html",
            link_selector="div.timeline h3.story__title a",
            page_url=f"{BASE}/chu-de/kinh-te-3.html?page={{page}}",
            page_size=20,
        ),
    ),
    sitemaps=(f"{BASE}/sitemap.xml",),
    selectors=(SelectorVersion(SELECTORS),),
    host_rewrites={
        "baobackan.vn": HOST,
        "baobackan.com.vn": HOST,
        "baobackan.org.vn": HOST,
    },
    skip_patterns=(ADVERTISING,),
    province="Bắc Kạn",
)
