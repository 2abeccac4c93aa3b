"""baothainguyen.vn — Báo Thái Nguyên, the provincial newspaper.

Articles ``/<category>[/<sub>]/<YYYYMM>/<slug>-<7 hex>/`` (real). The old domain
baothainguyen.org.vn used ``/tin-tuc/<category>/<slug>-<id>-<catid>.html``: its pages are kept as
articles of this site but not rewritten, the paths do not exist on the new host. The English
edition (en.baothainguyen.vn) is left out: the archive is of Vietnamese texts. The category
``/kinh-te/cong-nghiep/`` is real; its ``?page=`` pagination, the sitemap, the RSS feed
``/rss/home.rss`` and all selectors are unverified. The byline and time share a line:
"Nhị Hà 15:13, 26/03/2024".
"""

from __future__ import annotations

from crawler.sites.base import Listing, SelectorVersion, SiteProfile
from pipelines.html import SiteSelectors

BASE = "https://baothainguyen.vn"

SELECTORS = SiteSelectors(  # unverified
    version="baothainguyen.vn/1",
    title=("h1.detail__title",),
    sapo=("div.detail__sapo",),
    body=("div.detail__content",),
    date=("span.detail__time",),
    author=("span.detail__author",),
    drop=("figure", "script"),  # the caption is printed twice
    date_formats=("%H:%M, %d/%m/%Y", "%H:%M %d/%m/%Y"),
)

PROFILE = SiteProfile(
    key="baothainguyen",
    name="Báo Thái Nguyên",
    base_url=BASE,
    domains=("baothainguyen.vn", "baothainguyen.org.vn"),
    article_patterns=(
        r"^/[a-z0-9-]+(?:/[a-z0-9-]+)?/\d{6}/[a-z0-9]+(?:-[a-z0-9]+)*-[0-9a-f]{7}/?$",
        r"^/tin-tuc/[a-z0-9-]+/[a-z0-9]+(?:-[a-z0-9]+)*-\d+-\d+\.html$",  # baothainguyen.org.vn
    ),
    listings=(
        Listing(
            url=f"{BASE}/kinh-te/cong-nghiep/",
            link_selector="div.category-news h2.story__heading a",  # unverified
            page_url=f"{BASE}/kinh-te/cong-nghiep/?page={{page}}",  # unverified
            page_size=15,
        ),
    ),
    sitemaps=(f"{BASE}/sitemap.xml",),  # unverified
    feeds=(f"{BASE}/rss/home.rss",),  # unverified
    selectors=(SelectorVersion(SELECTORS),),
    province="Thái Nguyên",
)
