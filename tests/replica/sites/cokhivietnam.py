"""cokhivietnam.vn (Tạp chí Cơ khí Việt Nam): articles ``/post/<slug>``.

The section listing ``/su-kien-van-de?page=N`` is invented (listings are unknown). The page
frame follows seed 000: section label, title, "DD/MM/YYYY HH:MM", "N Lượt xem", a sapo starting
"TCCKVN", byline, "Có thể bạn quan tâm" and the footer "0904177637 • Zalo • Messenger • Back to top".
"""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import parse_qs

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

HOST = "cokhivietnam.vn"
LISTING = "/su-kien-van-de"
HEADER = (
    '<header class="site-header"><a href="/" class="logo">TẠP CHÍ CƠ KHÍ VIỆT NAM</a><nav>'
    f'<a href="{LISTING}">Sự kiện - Vấn đề</a> <a href="/cong-nghe">Công nghệ</a> '
    '<a href="/doanh-nghiep">Doanh nghiệp</a></nav></header>'
)
FOOTER = (
    '<footer class="site-footer"><div class="contact-fixed"><a href="tel:0904177637">0904177637</a>'
    "<ul><li>Zalo</li><li>Messenger</li><li>Back to top</li></ul></div></footer>"
)


class CoKhiVietNam(ReplicaSite):
    key = "cokhivietnam"
    name = "Tạp chí Cơ khí Việt Nam"
    hosts = (HOST,)
    start = datetime(2024, 3, 1, 0, 0, tzinfo=TZ)
    step = timedelta(days=2)
    provinces = ("Thái Nguyên", "Thái Nguyên", "Hải Dương", "Đồng Nai")
    page_size = 12

    def place(self, article: Article, slug: str) -> Served:
        path = f"/post/{self.unique(slug)}"
        return Served(article, HOST, path, "su-kien-van-de", f"https://{HOST}{path}")

    def parse_listing(self, host: str, path: str, query: str) -> tuple[str, int] | None:
        if path != LISTING:
            return None
        page = page_number((parse_qs(query).get("page") or [""])[0])
        return ("su-kien-van-de", page) if page else None

    def render_article(self, s: Served) -> str:
        a = s.article
        maybe = "".join(
            f'<div class="item"><h4><a href="{o.path}">{esc(o.article.title)}</a></h4>'
            f"<p>{esc(o.article.sapo)}</p></div>"
            for o in self.older(s, 5)
        )
        views = 300 + self.rng(a.index, "views").randrange(3000)
        body = (
            f'{HEADER}<div class="post-detail"><div class="post-category"><a href="{LISTING}">'
            f'Sự kiện - Vấn đề</a></div><h1 class="post-title">{esc(a.title)}</h1>'
            f'<div class="post-info"><span class="post-date">{dmy(a.published)} {hm(a.published)}</span>'
            f' <span class="post-views">{views} Lượt xem</span></div>'
            f'<div class="post-sapo">TCCKVN {esc(a.sapo)}</div><div class="post-content">'
            + "\n".join(f"<p>{esc(p)}</p>" for p in a.paragraphs)
            + f'<p class="post-author"><strong>{esc(a.author)}</strong></p></div></div>'
            f'<section class="maybe-interested"><h3>Có thể bạn quan tâm</h3>{maybe}</section>{FOOTER}'
        )
        return shell(
            a.title,
            body,
            article_head(s, kinds=frozenset({"canonical", "og"}), site_name=self.name),
        )

    def render_listing(self, category: str, page: int, items: list[Served], has_next: bool) -> str:
        rows = "".join(
            f'<div class="news-item"><h3><a href="{s.path}">{esc(s.article.title)}</a></h3>'
            f"<p>{esc(s.article.sapo)}</p></div>"
            for s in items
        )
        nav = f'<a href="{LISTING}?page={page + 1}">Xem thêm</a>' if has_next else ""
        body = f'{HEADER}<div class="list-news">{rows}</div><div class="pager">{nav}</div>{FOOTER}'
        return shell("Sự kiện - Vấn đề", body)
