"""bbk.baothainguyen.vn — the archive of the former Báo Bắc Kạn (EPI CMS, closed with the merger).

Articles ``/<slug>-post<N>.html`` (post numbers are not in date order) and the 2021 form
``/kinh-te/<YYYYMM>/<slug>-<7 hex>/`` of baobackan.com.vn; the old hosts baobackan.vn,
baobackan.com.vn and baobackan.org.vn are rewritten to the archive, keeping the path.
``/sitemap.xml`` lists every article (portals.md). Posts numbered after the farewell post
(post71660–71665) are advertising and skipped. The body class and ``article:published_time``
(ISO, +0700) are confirmed; sibling EPI CMS sites date articles in ``div.article__meta
time.time[datetime]``; images come from a CDN host. The 2019 layout (baobackan.org.vn) is kept
as the older version. The topic listing's ``?page=`` pagination is unverified.
"""

from __future__ import annotations

from datetime import date

from crawler.sites.base import SLUG, Listing, SelectorVersion, SiteProfile
from pipelines.html import SiteSelectors

BASE = "https://bbk.baothainguyen.vn"
HOST = "bbk.baothainguyen.vn"
EVIDENCE_2025 = (
    "hieunguyen-lang/wb_view_python_3 @e146ca3 (2025-04): parse_config.cfg [baobackan.vn]"
)
EVIDENCE_2019 = "hailoc12/docbao @3af23da (2020, config of 2019): baobackan_org_vn.yaml"

V2019 = SiteSelectors(
    version="baobackan.org.vn/2019",
    title=("div#content h1", "h1.title"),  # unverified
    sapo=("div#content p:first-of-type > strong",),  # the sapo is the first "p strong"
    body=("div#content",),
    date=("div#date",),
    author=("div#content p.author",),  # unverified
    drop=("h1", "div#date", "p.author", "figure", "script"),
    date_formats=("%d/%m/%Y %H:%M", "%H:%M, %d/%m/%Y", "%d/%m/%Y"),
)
V2025 = SiteSelectors(
    version="bbk.baothainguyen.vn/2025",
    title=("h1.article__title",),  # unverified
    sapo=("div.article__sapo",),  # unverified
    body=("div.article__body",),
    date=("div.article__meta time.time", "time.article__time"),  # sibling EPI CMS sites
    author=("p.article__author",),  # unverified
    drop=("figure", "script"),  # the caption is printed twice ("… ảnh 1"), never article text
    date_formats=("%d/%m/%Y %H:%M", "%H:%M, %d/%m/%Y", "%H:%M %d/%m/%Y"),
)

# post71666 and above: 7166[6-9], 716[7-9]x, 71[7-9]xx, 7[2-9]xxx, [89]xxxx, six digits or more.
ADVERTISING = r"-post(?:7166[6-9]|716[7-9]\d|71[7-9]\d\d|7[2-9]\d{3}|[89]\d{4}|[1-9]\d{5,})\.html"

PROFILE = SiteProfile(
    key="baobackan",
    name="Báo Bắc Kạn",
    base_url=BASE,
    domains=(HOST,),
    article_patterns=(
        rf"^/{SLUG}-post\d+\.html$",
        rf"^/{SLUG}/\d{{6}}/{SLUG}-[0-9a-f]{{7}}/?$",
    ),
    listings=(
        Listing(  # the topic page is real, its pagination parameter is not known
            url=f"{BASE}/chu-de/kinh-te-3.html",
            link_selector="h2.story__heading a",
            page_url=f"{BASE}/chu-de/kinh-te-3.html?page={{page}}",
            page_size=20,
            source=EVIDENCE_2025,
        ),
    ),
    sitemaps=(f"{BASE}/sitemap.xml",),
    selectors=(
        # the switch date is not known: baobackan.vn replaced baobackan.org.vn around 2020
        SelectorVersion(
            V2019,
            valid_until=date(2020, 7, 1),
            source=EVIDENCE_2019,
            unverified=("title", "author"),
        ),
        SelectorVersion(
            V2025,
            source=f"{EVIDENCE_2025}; date: sibling EPI CMS sites of the same config",
            unverified=("title", "sapo", "author"),
        ),
    ),
    host_rewrites={
        "baobackan.vn": HOST,
        "baobackan.com.vn": HOST,
        "baobackan.org.vn": HOST,
    },
    skip_patterns=(ADVERTISING,),
    province="Bắc Kạn",
    # real (portals.md): baobackan.com.vn, 07/09/2021, on the archive host
    examples=(f"{BASE}/kinh-te/202109/gia-tri-san-xuat-cong-nghiep-dat-tren-887-ty-dong-10e6adb/",),
)
