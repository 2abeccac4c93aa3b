"""congthuongthainguyen.gov.vn — the Thái Nguyên Department of Industry and Trade (plain http).

Articles ``/vn/<category>/<slug>-<id>.phtml`` and the three categories are real; the category
pages ``/vn/<category>.phtml?page=N``, the sitemap and all selectors are unverified. Monthly and
quarterly reports (``bao-cao-thang-quy``) carry tables; reposts end with "*Theo Báo Thái Nguyên".
"""

from __future__ import annotations

from crawler.sites.base import Listing, SelectorVersion, SiteProfile
from pipelines.html import SiteSelectors

BASE = "http://congthuongthainguyen.gov.vn"
CATEGORIES = ("bao-cao-thang-quy", "tin-trong-nuoc", "linh-vuc-cong-nghiep")

SELECTORS = SiteSelectors(  # unverified
    version="congthuongthainguyen.gov.vn/1",
    title=("h1.title-detail",),
    sapo=("div.sapo-detail",),
    body=("div.body-detail",),
    date=("div.date-detail span.date",),
    author=("div.body-detail p.author",),
    drop=("p.author", "p.source", "script"),  # the repost credit is metadata, not text
    date_formats=("%d/%m/%Y %H:%M", "%d/%m/%Y"),
)

PROFILE = SiteProfile(
    key="congthuongthainguyen",
    name="Sở Công Thương Thái Nguyên",
    base_url=BASE,
    domains=("congthuongthainguyen.gov.vn",),
    article_patterns=(r"^/vn/[a-z0-9-]+/[a-z0-9]+(?:-[a-z0-9]+)*-\d+\.phtml$",),
    listings=tuple(
        Listing(  # unverified
            url=f"{BASE}/vn/{category}.phtml",
            link_selector="div.list-news a.news-title",
            page_url=f"{BASE}/vn/{category}.phtml?page={{page}}",
            page_size=10,
        )
        for category in CATEGORIES
    ),
    sitemaps=(f"{BASE}/sitemap.xml",),  # unverified
    selectors=(SelectorVersion(SELECTORS),),
    province="Thái Nguyên",
)
