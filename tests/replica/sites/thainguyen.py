"""thainguyen.gov.vn (Thái Nguyên provincial portal, Liferay).

Articles ``/web/guest/kinh-te/-/asset_publisher/<instance>/content/<url-title>``; the listing
``/web/guest/kinh-te?p_p_id=101_INSTANCE_<instance>&_101_INSTANCE_<instance>_cur=N`` is invented
and links some articles on ``cms.thainguyen.vn`` with a long ``redirect=`` query, as real links
were (real-markup.md); that host serves the same pages. The body is ``div.journal-content-article``
whose first ``<p>`` is the sapo, the date ``p.date_post`` "21:28 22/09/2025". Liferay emits a
canonical link, no OpenGraph. Articles start after the 2025 merger.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import parse_qs, quote

from tests.replica.corpus import Article
from tests.replica.sites.base import (
    TZ,
    ReplicaSite,
    Served,
    article_head,
    dmy,
    esc,
    hm,
    page_number,
    shell,
)

HOST = "thainguyen.gov.vn"
INSTANCE = "kTn8uEcOnOmY"
LISTING = "/web/guest/kinh-te"
CUR = f"_101_INSTANCE_{INSTANCE}_cur"
BANNER = (
    '<div id="banner"><div class="site-title">CỔNG THÔNG TIN ĐIỆN TỬ TỈNH THÁI NGUYÊN</div>'
    '<nav id="navigation"><ul><li><a href="/web/guest/home">Trang chủ</a></li>'
    f'<li><a href="{LISTING}">Kinh tế</a></li><li><a href="/web/guest/van-hoa-xa-hoi">Văn hóa - Xã hội'
    "</a></li></ul></nav></div>"
)
FOOTER = (
    '<footer id="footer">Cơ quan chủ quản: UBND tỉnh Thái Nguyên. Địa chỉ: Số 18, đường Nha Trang, '
    "TP Thái Nguyên. Điện thoại: 0208.3856.421</footer>"
)


class ThaiNguyen(ReplicaSite):
    key = "thainguyen"
    name = "Cổng thông tin điện tử tỉnh Thái Nguyên"
    hosts = (HOST,)
    mirror_hosts = ("cms.thainguyen.vn",)
    start = datetime(2025, 7, 1, 7, 0, tzinfo=TZ)
    step = timedelta(days=1)
    provinces = ("Thái Nguyên",)
    page_size = 10

    def place(self, article: Article, slug: str) -> Served:
        path = f"{LISTING}/-/asset_publisher/{INSTANCE}/content/{self.unique(slug)}"
        return Served(article, HOST, path, "kinh-te", f"https://{HOST}{path}")

    def parse_listing(self, host: str, path: str, query: str) -> tuple[str, int] | None:
        if path != LISTING:
            return None
        page = page_number((parse_qs(query).get(CUR) or [""])[0])
        return ("kinh-te", page) if page else None

    def render_article(self, s: Served) -> str:
        a = s.article
        links = "".join(
            f'<li><a href="{o.path}">{esc(o.article.title)}</a></li>' for o in self.older(s, 5)
        )
        views = 30 + self.rng(a.index, "views").randrange(3000)
        body = (
            f'{BANNER}<div class="portlet-body"><div class="asset-full-content">'
            f'<h3 class="header-title"><span>{esc(a.title)}</span></h3>'
            f'<p class="date_post">{hm(a.published)} {dmy(a.published)}</p>'
            f'<div class="asset-metadata"><span class="metadata-entry metadata-view-count">{views} Lượt xem</span></div>'
            '<div class="asset-content"><div class="journal-content-article">'
            f"<p><strong>{esc(a.sapo)}</strong></p>"
            f'<figure><img src="/image/journal/article?img_id={10000 + a.index}" alt=""><figcaption>'
            f"{esc(a.caption)}</figcaption></figure>\n"
            + "\n".join(f"<p>{esc(p)}</p>" for p in a.paragraphs)
            + f'<p class="author" style="text-align: right;"><strong>{esc(a.author)}</strong></p>'
            '</div></div><div class="taglib-social-bookmarks">Chia sẻ: Facebook Twitter</div>'
            f'<div class="asset-links"><h4>Tin liên quan</h4><ul>{links}</ul></div></div></div>{FOOTER}'
        )
        return shell(a.title, body, article_head(s, kinds=frozenset({"canonical"})))

    def href(self, s: Served) -> str:
        """Every third article is linked on cms.thainguyen.vn with Liferay's redirect= query."""
        if s.article.index % 3 != 2:
            return s.path
        back = quote(f"https://cms.thainguyen.vn{LISTING}?p_p_id=101_INSTANCE_{INSTANCE}", safe="")
        return f"https://cms.thainguyen.vn{s.path}?redirect={back}&inheritRedirect=true"

    def render_listing(self, category: str, page: int, items: list[Served], has_next: bool) -> str:
        rows = "".join(
            f'<div class="asset-abstract"><h3 class="asset-title"><a href="{esc(self.href(s))}">'
            f'{esc(s.article.title)}</a></h3><div class="asset-summary">{esc(s.article.sapo)}</div></div>'
            for s in items
        )
        nav = (
            f'<a href="{LISTING}?p_p_id=101_INSTANCE_{INSTANCE}&amp;{CUR}={page + 1}">Tiếp</a>'
            if has_next
            else ""
        )
        body = f'{BANNER}<div class="portlet-body">{rows}<div class="taglib-page-iterator">{nav}</div></div>{FOOTER}'
        return shell("Kinh tế", body)
