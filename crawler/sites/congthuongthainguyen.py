"""congthuongthainguyen.gov.vn — the Thái Nguyên Department of Industry and Trade (plain http).

Articles ``/vn/<category>/<slug>-<id>.phtml`` and the categories ``tin-trong-nuoc`` and
``bao-cao-thang-quy`` are confirmed (real-markup.md); reports also circulate under the legacy host
``beta.congthuongthainguyen.gov.vn`` with the same paths, rewritten here to the main host. The
category pages ``/vn/<category>.phtml?page=N``, the sitemap and all selectors are unverified.
Monthly and quarterly reports (``bao-cao-thang-quy``) carry tables; reposts end with
"*Theo Báo Thái Nguyên".
"""

from __future__ import annotations

from crawler.sites.base import SLUG, Listing, SelectorVersion, SiteProfile
from pipelines.html import SiteSelectors

BASE = "http://congthuongthainguyen.gov.vn"
HOST = "congthuongthainguyen.gov.vn"
CATEGORIES = ("bao-cao-thang-quy", "tin-trong-nuoc", "linh-vuc-cong-nghiep")

SELECTORS = SiteSelectors(
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
    domains=(HOST,),
    article_patterns=(rf"^/vn/{SLUG}/{SLUG}-\d+\.phtml$",),
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
    selectors=(SelectorVersion(SELECTORS, unverified=("title", "sapo", "body", "date", "author")),),
    host_rewrites={f"beta.{HOST}": HOST},
    province="Thái Nguyên",
    examples=(  # real (portals.md)
        f"{BASE}/vn/bao-cao-thang-quy/tinh-hinh-hoat-dong-nganh-cong-thuong-thang-10-nam-2020-5205.phtml",
    ),
)
