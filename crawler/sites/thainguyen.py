"""thainguyen.gov.vn — the Thái Nguyên provincial portal (Liferay). URL SCHEME INVENTED.

Only the image URLs (``/image/journal/article?img_id=…``), the ``/web/guest/…`` department sites
and the post-merger date form "21:28 22/09/2025" are known. Everything else is a plausible
Liferay 6.2 asset publisher, unverified and to be checked against the live site:
articles ``/web/guest/<page>/-/asset_publisher/<instance id>/content/<url-title>`` (any instance,
any page), the listing ``/web/guest/kinh-te`` paged by ``_101_INSTANCE_<id>_cur``, the selectors
(Liferay's ``asset-full-content``/``journal-content-article`` classes) and the sitemap.
"""

from __future__ import annotations

from crawler.sites.base import Listing, SelectorVersion, SiteProfile
from pipelines.html import SiteSelectors

BASE = "https://thainguyen.gov.vn"
INSTANCE = "kTn8uEcOnOmY"  # invented portlet instance id

SELECTORS = SiteSelectors(  # unverified
    version="thainguyen.gov.vn/1",
    title=("div.asset-full-content h3.header-title", "h1"),
    sapo=("div.journal-content-article p.sapo",),
    body=("div.journal-content-article",),
    date=("span.metadata-publish-date",),
    author=("div.journal-content-article p.author",),
    drop=("p.sapo", "p.author", "figure", "script"),  # the sapo sits inside the article body
    date_formats=("%H:%M %d/%m/%Y", "%d/%m/%Y"),
)

PROFILE = SiteProfile(
    key="thainguyen",
    name="Cổng thông tin điện tử tỉnh Thái Nguyên",
    base_url=BASE,
    domains=("thainguyen.gov.vn",),
    article_patterns=(
        r"^/web/[a-z0-9-]+/[a-z0-9-]+/-/asset_publisher/[A-Za-z0-9]+/content/[a-z0-9-]+$",
    ),
    listings=(
        Listing(  # invented
            url=f"{BASE}/web/guest/kinh-te",
            link_selector="div.asset-abstract h3.asset-title a",
            page_url=(
                f"{BASE}/web/guest/kinh-te?p_p_id=101_INSTANCE_{INSTANCE}"
                f"&_101_INSTANCE_{INSTANCE}_cur={{page}}"
            ),
            page_size=10,
        ),
    ),
    sitemaps=(f"{BASE}/sitemap.xml",),  # unverified
    selectors=(SelectorVersion(SELECTORS),),
    province="Thái Nguyên",
)
