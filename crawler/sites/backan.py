"""backan.gov.vn — the Bắc Kạn provincial portal (SharePoint), with sokhdt.backan.gov.vn.

Article paths are real (portals.md): ``/Pages/<slug>-<4 hex>.aspx``,
``/Pages/tin-tuc-su-kien-215/kinh-te-152/<slug>-<16 hex>.aspx`` and, on the department site,
``/Pages/tin-tuc-hoat-dong-213/…/<slug>-<16 hex>.aspx``. Listings, their ``?PageIndex=``
pagination, the sitemap and every selector are unverified guesses at SharePoint publishing
markup; the rendered text ("PublishingPortal - Block_BanTin_Toolbar", date, "Tăng cỡ chữ Giảm cỡ
chữ", title, sapo, body, byline last) is what they were modelled on. What the portal does after
the 2025 merger is unknown: the spider must report DNS errors, 404s and redirects plainly.
"""

from __future__ import annotations

from crawler.sites.base import Listing, SelectorVersion, SiteProfile
from pipelines.html import SiteSelectors

BASE = "https://backan.gov.vn"
DEPT = "https://sokhdt.backan.gov.vn"

SELECTORS = SiteSelectors(  # unverified
    version="backan.gov.vn/1",
    title=("div.ChiTietBanTin h1.TieuDe", "h1.TieuDe"),
    sapo=("div.ChiTietBanTin div.TrichDan",),
    body=("div.ChiTietBanTin div.NoiDung",),
    # The portal prints a date only; department sites print "( Cập nhật lúc: … 00:00:00 )".
    date=("span.NgayDang", "span.NgayCapNhat"),
    author=("div.NoiDung p.TacGia",),
    drop=("p.TacGia", "div.HinhAnh", "script"),
    date_formats=("%d/%m/%Y", "( Cập nhật lúc: %d/%m/%Y %H:%M:%S )"),
)
_LINKS = "div.DanhSachTin a.TieuDe"  # unverified

PROFILE = SiteProfile(
    key="backan",
    name="Cổng Thông tin điện tử tỉnh Bắc Kạn",
    base_url=BASE,
    domains=("backan.gov.vn", "sokhdt.backan.gov.vn"),
    article_patterns=(
        r"^/Pages/[a-z0-9]+(?:-[a-z0-9]+)*-[0-9a-f]{4}\.aspx$",
        r"^/Pages/(?:[a-z0-9-]+/)+[a-z0-9]+(?:-[a-z0-9]+)*-[0-9a-f]{16}\.aspx$",
    ),
    listings=(
        Listing(  # unverified
            url=f"{BASE}/Pages/tin-tuc-su-kien-215/kinh-te-152.aspx",
            link_selector=_LINKS,
            page_url=f"{BASE}/Pages/tin-tuc-su-kien-215/kinh-te-152.aspx?PageIndex={{page}}",
            page_size=10,
        ),
        Listing(  # unverified
            url=f"{DEPT}/Pages/tin-tuc-hoat-dong-213.aspx",
            link_selector=_LINKS,
            page_url=f"{DEPT}/Pages/tin-tuc-hoat-dong-213.aspx?PageIndex={{page}}",
            page_size=10,
        ),
    ),
    sitemaps=(f"{BASE}/sitemap.xml", f"{DEPT}/sitemap.xml"),  # unverified
    selectors=(SelectorVersion(SELECTORS),),
    province="Bắc Kạn",
)
