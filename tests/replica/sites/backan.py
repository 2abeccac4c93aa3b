"""backan.gov.vn and its department site sokhdt.backan.gov.vn (SharePoint publishing portals).

Article paths are the two real forms (``/Pages/<slug>-<4 hex>.aspx`` and the long
``/Pages/tin-tuc-su-kien-215/kinh-te-152/<slug>-<16 hex>.aspx``); the department site uses
``/Pages/tin-tuc-hoat-dong-213/<sub>/<slug>-<16 hex>.aspx``; some slugs keep the editor's
capitals. The markup is the 2025 evidence (real-markup.md): listing items ``div.news-item`` whose
second link is the article, ``div.news-title``, ``div.news-intro``, the body ``#HtmlContent`` with
its web-part zone and label to drop, the date ``div.article-time`` inside ``div.col-xs-6``
(``DD/MM/YYYY``, no time). SharePoint emits no OpenGraph or JSON-LD. The listing URLs and their
``?PageIndex=`` pagination are invented.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import parse_qs

from tests.replica.corpus import Article
from tests.replica.sites.base import (
    TZ,
    ReplicaSite,
    Served,
    dmy,
    esc,
    page_number,
    shell,
)

MAIN, DEPT = "backan.gov.vn", "sokhdt.backan.gov.vn"
# category -> (host, listing path)
LISTINGS = {
    "kinh-te": (MAIN, "/Pages/tin-tuc-su-kien-215/kinh-te-152.aspx"),
    "sokhdt": (DEPT, "/Pages/tin-tuc-hoat-dong-213.aspx"),
}
RIBBON = (
    '<div id="s4-ribbonrow"><a href="#" class="ms-skip">Skip Ribbon Commands</a>'
    '<a href="#mainContent" class="ms-skip">Skip to main content</a></div>'
)
MENU = (
    '<div class="top-menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/Pages/gioi-thieu.aspx">'
    'Giới thiệu</a></li><li><a href="/Pages/tin-tuc-su-kien-215/kinh-te-152.aspx">Kinh tế</a></li>'
    '<li><a href="/Pages/van-ban.aspx">Văn bản</a></li></ul></div>'
)
FOOTER = (
    '<div class="footer">Cổng Thông tin điện tử tỉnh Bắc Kạn. Địa chỉ: Số 7, đường Trường Chinh, '
    "phường Đức Xuân, thành phố Bắc Kạn. Điện thoại: 0209.3870.133 - Email: bbt@backan.gov.vn</div>"
)


class BacKan(ReplicaSite):
    key = "backan"
    name = "Cổng Thông tin điện tử tỉnh Bắc Kạn"
    hosts = (MAIN, DEPT)
    start = datetime(2021, 1, 4, tzinfo=TZ)
    step = timedelta(days=3)
    provinces = ("Bắc Kạn",)
    page_size = 10
    date_only = True

    def place(self, article: Article, slug: str) -> Served:
        rng, i = self.rng(article.index, "place"), article.index
        if rng.random() < 0.25:
            host, category = DEPT, "sokhdt"
            path = f"/Pages/tin-tuc-hoat-dong-213/tin-kinh-te-214/{slug}-{self.token(i, 16)}.aspx"
        elif rng.random() < 0.4:
            host, category = MAIN, "kinh-te"
            path = f"/Pages/tin-tuc-su-kien-215/kinh-te-152/{slug}-{self.token(i, 16)}.aspx"
        else:
            host, category = MAIN, "kinh-te"
            if rng.random() < 0.3:  # typed by an editor: capitals in the slug
                slug = "-".join(w.capitalize() for w in slug.split("-"))
            path = f"/Pages/{slug}-{self.token(i, 4)}.aspx"
        return Served(article, host, path, category, f"https://{host}{path}")

    def parse_listing(self, host: str, path: str, query: str) -> tuple[str, int] | None:
        for category, (h, p) in LISTINGS.items():
            if (host, path) == (h, p):
                page = page_number((parse_qs(query).get("PageIndex") or [""])[0])
                return (category, page) if page else None
        return None

    def render_article(self, s: Served) -> str:
        a = s.article
        dept = s.host == DEPT
        date = f"( Cập nhật lúc: {dmy(a.published)} 00:00:00 )" if dept else dmy(a.published)
        picture = f"/PictureLibrary/{a.published.year}/{self.token(a.index, 8, 'img')}.jpg"
        body = (
            f'{RIBBON if dept else ""}{MENU}<div id="mainContent" class="container">'
            '<div class="ms-webpart-chrome"><h2 class="ms-webpart-titleText">'
            "PublishingPortal - Block_BanTin_Toolbar</h2>"
            f'<div class="row"><div class="col-xs-6"><div class="article-time">{date}</div></div>'
            '<div class="col-xs-6 text-right"><a class="TangCo" href="#">Tăng cỡ chữ</a> '
            '<a class="GiamCo" href="#">Giảm cỡ chữ</a> <a href="#">In trang</a></div></div></div>'
            f'<div class="news-detail"><div class="news-title">{esc(a.title)}</div>'
            f'<div class="news-intro">{esc(a.sapo)}</div>'
            '<div id="HtmlContent"><div class="ms-webpart-zone ms-fullWidth">'
            '<h2 class="ms-webpart-titleText">PublishingPortal - Block_BanTin_ViewData</h2></div>'
            '<span id="ctl00_PlaceHolderMain_ctl02_label">Nội dung</span>'
            f'<p style="text-align:center"><img src="{picture}" alt=""></p>'
            f'<p style="text-align:center"><em>{esc(a.caption)}</em></p>\n'
            + "\n".join(f"<p>{esc(p)}</p>" for p in a.paragraphs)
            + f'\n<p class="TacGia" style="text-align: right;"><strong>{esc(a.author)}</strong></p>'
            "</div></div>" + self._others(s) + f"</div>{FOOTER}"
        )
        return shell(a.title, body)

    def _others(self, s: Served) -> str:
        items = "".join(
            f'<li><a href="{o.url}">{esc(o.article.title)}</a> ({dmy(o.article.published)})</li>'
            for o in self.older(s, 5)
        )
        return f'<div class="TinKhac"><h3>Các tin khác</h3><ul>{items}</ul></div>'

    def render_listing(self, category: str, page: int, items: list[Served], has_next: bool) -> str:
        host, path = LISTINGS[category]
        # the first link is the thumbnail, the second the title (//div[@class='news-item']/a[2])
        rows = "".join(
            f'<div class="news-item"><a class="thumb" href="{s.path}"><img src="/PictureLibrary/t.jpg" alt=""></a>'
            f'<a href="{s.path}">{esc(s.article.title)}</a>'
            f'<span class="date">{dmy(s.article.published)}</span><p>{esc(s.article.sapo)}</p></div>'
            for s in items
        )
        nav = f'<a href="{path}?PageIndex={page + 1}">Trang sau</a>' if has_next else ""
        body = (
            f'{RIBBON if host == DEPT else ""}{MENU}<div class="news-list">{rows}</div>'
            f'<div class="PhanTrang">{nav}</div>{FOOTER}'
        )
        return shell("Tin kinh tế", body)
