"""backan.gov.vn — the Bắc Kạn provincial portal (SharePoint), with sokhdt.backan.gov.vn.

Article paths are real (portals.md): ``/Pages/<slug>-<4 hex>.aspx``,
``/Pages/tin-tuc-su-kien-215/kinh-te-152/<slug>-<16 hex>.aspx`` and, on the department site,
``/Pages/tin-tuc-hoat-dong-213/…/<slug>-<16 hex>.aspx``. The selectors come from a 2025 scraper
(real-markup.md), which contradicted every guessed one; the page text is a date ``DD/MM/YYYY``
without a time. SharePoint emits no JSON-LD or OpenGraph: here the selectors and the text rules
carry everything. Listing URLs, their ``?PageIndex=`` pagination and the sitemaps are unverified.
What the portal does after the 2025 merger is unknown: the spider reports DNS errors, 4xx/5xx and
off-site redirects of its entry points plainly.
"""

from __future__ import annotations

from crawler.sites.base import SLUG, Listing, SelectorVersion, SiteProfile
from pipelines.html import SiteSelectors

BASE = "https://backan.gov.vn"
DEPT = "https://sokhdt.backan.gov.vn"
EVIDENCE = "hieunguyen-lang/wb_view_python_3 @e146ca3 (2025-04): parse_config.cfg [backan.gov.vn]"

SELECTORS = SiteSelectors(
    version="backan.gov.vn/2025",
    title=("div.news-title",),
    sapo=("div.news-intro",),
    body=("#HtmlContent",),
    # "div.article-time" inside "div.col-xs-6"; department sites print
    # "( Cập nhật lúc: … 00:00:00 )" (portals.md, rendered text; its class is unverified)
    date=("div.col-xs-6 div.article-time", "div.article-time", "span.NgayCapNhat"),
    author=("#HtmlContent p.TacGia",),  # unverified: the byline is the body's last line
    drop=("div.ms-webpart-zone.ms-fullWidth", "#ctl00_PlaceHolderMain_ctl02_label", "script"),
    date_formats=("%d/%m/%Y", "( Cập nhật lúc: %d/%m/%Y %H:%M:%S )"),
)
# the second link of each item: the first is the thumbnail (//div[@class='news-item']/a[2])
_LINKS = "div.news-item > a:nth-of-type(2)"

PROFILE = SiteProfile(
    key="backan",
    name="Cổng Thông tin điện tử tỉnh Bắc Kạn",
    base_url=BASE,
    domains=("backan.gov.vn", "sokhdt.backan.gov.vn"),
    article_patterns=(
        rf"^/Pages/{SLUG}-[0-9a-f]{{4}}\.aspx$",
        rf"^/Pages/(?:{SLUG}/)+{SLUG}-[0-9a-f]{{16}}\.aspx$",
    ),
    listings=(
        Listing(  # the listing URL is unverified, its link selector evidenced
            url=f"{BASE}/Pages/tin-tuc-su-kien-215/kinh-te-152.aspx",
            link_selector=_LINKS,
            page_url=f"{BASE}/Pages/tin-tuc-su-kien-215/kinh-te-152.aspx?PageIndex={{page}}",
            page_size=10,
            source=EVIDENCE,
        ),
        Listing(
            url=f"{DEPT}/Pages/tin-tuc-hoat-dong-213.aspx",
            link_selector=_LINKS,
            page_url=f"{DEPT}/Pages/tin-tuc-hoat-dong-213.aspx?PageIndex={{page}}",
            page_size=10,
            source=EVIDENCE,
        ),
    ),
    sitemaps=(f"{BASE}/sitemap.xml", f"{DEPT}/sitemap.xml"),  # unverified
    selectors=(SelectorVersion(SELECTORS, source=EVIDENCE, unverified=("author",)),),
    province="Bắc Kạn",
    examples=(f"{BASE}/Pages/gia-tri-san-xuat-cong-nghiep-thang-102021-tang-47-f2d9.aspx",),
)
