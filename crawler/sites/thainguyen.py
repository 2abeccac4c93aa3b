"""thainguyen.gov.vn — the Thái Nguyên provincial portal (Liferay).

The body ``div.journal-content-article`` is confirmed (2019–2020), its first ``<p>`` being the
sapo; the date is ``p.date_post`` (real-markup.md). Article pages were also served from
``cms.thainguyen.vn/web/guest/<section>/-/asset_publisher/<id>/content/<slug>`` with a long
``redirect=`` query: that host is rewritten to the portal's and the query dropped. Subsites
(``ict.thainguyen.gov.vn``, ``hotropldn.thainguyen.gov.vn``) belong to the portal; their dates
read "21:28 22/09/2025". Images are at ``/image/journal/article?img_id=…``. The listing
``/web/guest/kinh-te`` paged by ``_101_INSTANCE_<id>_cur``, the title selector and the sitemap
are unverified (a typical Liferay 6.2 asset publisher).
"""

from __future__ import annotations

from crawler.sites.base import Listing, SelectorVersion, SiteProfile
from pipelines.html import SiteSelectors

BASE = "https://thainguyen.gov.vn"
INSTANCE = "kTn8uEcOnOmY"  # invented portlet instance id
EVIDENCE = "hailoc12/docbao @3af23da (2020, configs of 2019): cttdt_thainguyen.yaml"

SELECTORS = SiteSelectors(
    version="thainguyen.gov.vn/2019",
    title=("div.asset-full-content h3.header-title", "h3.header-title"),  # unverified
    sapo=("div.journal-content-article > p:first-of-type",),
    body=("div.journal-content-article",),
    date=("p.date_post",),
    author=("div.journal-content-article p.author",),  # unverified
    drop=("p.author", "figure", "script"),
    date_formats=("%H:%M %d/%m/%Y", "%d/%m/%Y %H:%M", "%d/%m/%Y"),
)

PROFILE = SiteProfile(
    key="thainguyen",
    name="Cổng thông tin điện tử tỉnh Thái Nguyên",
    base_url=BASE,
    domains=("thainguyen.gov.vn", "ict.thainguyen.gov.vn", "hotropldn.thainguyen.gov.vn"),
    article_patterns=(
        r"^/web/[^/?]+/(?:[^/?]+/)*-/asset_publisher/[a-z0-9]+/content/[^/?]+(?:\?.*)?$",
    ),
    listings=(
        Listing(  # unverified
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
    selectors=(SelectorVersion(SELECTORS, source=EVIDENCE, unverified=("title", "author")),),
    host_rewrites={"cms.thainguyen.vn": "thainguyen.gov.vn"},
    drop_params=("redirect", "inheritRedirect"),
    province="Thái Nguyên",
    examples=(  # the kind of URL the evidence shows, not a known page
        f"{BASE}/web/guest/kinh-te/-/asset_publisher/{INSTANCE}/content/thai-nguyen-gia-tri-san-xuat-cong-nghiep-tang-8-5",
    ),
)
