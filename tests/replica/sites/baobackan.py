"""bbk.baothainguyen.vn, the archive of the former Báo Bắc Kạn (EPI CMS).

Articles ``/<slug>-post<N>.html`` with post numbers not in date order, all at most 71659 (the
farewell posts are 71660–71665). The sitemap (an index of monthly sitemaps) also lists two
advertising posts numbered after the farewell post, which a crawl must skip: they are not in the
truth. The topic listing ``/chu-de/kinh-te-3.html?page=N`` is invented. The publication time is
also in ``article:published_time`` as ``YYYY-MM-DDTHH:MM:SS+0700``.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import parse_qs

from tests.replica.corpus import Article
from tests.replica.sites.base import (
    TZ,
    Page,
    ReplicaSite,
    Served,
    article_head,
    dmy,
    esc,
    hm,
    page_number,
    shell,
)

HOST = "bbk.baothainguyen.vn"
LISTING = "/chu-de/kinh-te-3.html"
LAST_POST = 71659  # the farewell posts follow
ADVERTS = {
    "/khuyen-mai-mua-sam-cuoi-nam-tai-sieu-thi-dien-may-post71670.html": datetime(
        2025, 8, 5, 9, 0, tzinfo=TZ
    ),
    "/dich-vu-vay-tieu-dung-lai-suat-uu-dai-post71702.html": datetime(
        2025, 9, 12, 14, 30, tzinfo=TZ
    ),
}
MENU = (
    '<nav class="menu"><a href="/">Trang chủ</a> <a href="/chu-de/kinh-te-3.html">Kinh tế</a> '
    '<a href="/chu-de/xa-hoi-5.html">Xã hội</a> <a href="/chu-de/chinh-tri-1.html">Chính trị</a></nav>'
)
FOOTER = (
    '<footer class="footer">Báo Bắc Kạn điện tử. Tòa soạn: Tổ 1, phường Đức Xuân, TP Bắc Kạn. '
    "Điện thoại: 0209.3870.374</footer>"
)


class BaoBacKan(ReplicaSite):
    key = "baobackan"
    name = "Báo Bắc Kạn"
    hosts = (HOST,)
    start = datetime(2023, 1, 3, 6, 0, tzinfo=TZ)
    step = timedelta(days=2)  # about 450 articles before the paper closed in June 2025
    provinces = ("Bắc Kạn",)
    page_size = 20
    sitemap_index = True

    def __init__(self, seed: int) -> None:
        super().__init__(seed)
        self._posts: set[int] = set()

    def place(self, article: Article, slug: str) -> Served:
        post = 20000 + self.rng(article.index, "post").randrange(LAST_POST - 20000)
        while post in self._posts:  # older articles keep theirs: the probe is in index order
            post = post + 1 if post < LAST_POST else 20000
        self._posts.add(post)
        path = f"/{slug}-post{post}.html"
        prefix = "BBK - " if self.rng(article.index, "bbk").random() < 0.5 else ""
        return Served(article, HOST, path, "kinh-te", f"https://{HOST}{path}", {"prefix": prefix})

    def parse_listing(self, host: str, path: str, query: str) -> tuple[str, int] | None:
        if path != LISTING:
            return None
        page = page_number((parse_qs(query).get("page") or [""])[0])
        return ("kinh-te", page) if page else None

    def sitemap_entries(self, host: str) -> list[tuple[str, datetime]]:
        adverts = [(f"https://{HOST}{p}", when) for p, when in ADVERTS.items()]
        return super().sitemap_entries(host) + adverts

    def extra_route(self, host: str, path: str, query: str) -> Page | None:
        if path not in ADVERTS:
            return None
        body = f'{MENU}<div class="article"><h1 class="article__title">Thông tin quảng cáo</h1><div class="article__body"><p>Nội dung quảng cáo.</p></div></div>{FOOTER}'
        return Page.html(shell("Quảng cáo", body))

    def render_article(self, s: Served) -> str:
        a = s.article
        related = "".join(
            f'<li><a href="{o.path}">{esc(o.article.title)}</a></li>' for o in self.older(s, 5)
        )
        body = (
            f'{MENU}<div class="article"><h1 class="article__title">{esc(a.title)}</h1>'
            f'<div class="article__meta"><time class="article__time">{dmy(a.published)} {hm(a.published)}</time></div>'
            f'<div class="article__sapo">{esc(s.extra["prefix"])}{esc(a.sapo)}</div>'
            f'<div class="article__body"><figure class="article__image"><div class="image-title">'
            f'{esc(a.caption)} ảnh 1</div><img src="/uploads/{s.path[-10:-5]}.jpg" alt="">'
            f"<figcaption>{esc(a.caption)}</figcaption></figure>\n"
            + "\n".join(f"<p>{esc(p)}</p>" for p in a.paragraphs)
            + f'</div><p class="article__author">{esc(a.author)}</p>'
            f'<div class="related"><h3>Xem thêm</h3><ul>{related}</ul></div></div>{FOOTER}'
        )
        return shell(a.title, body, article_head(s))

    def render_listing(self, category: str, page: int, items: list[Served], has_next: bool) -> str:
        rows = "".join(
            f'<div class="story"><h3 class="story__title"><a href="{s.path}">{esc(s.article.title)}'
            f'</a></h3><p class="story__sapo">{esc(s.article.sapo)}</p></div>'
            for s in items
        )
        nav = f'<a href="{LISTING}?page={page + 1}">Xem tiếp</a>' if has_next else ""
        return shell(
            "Kinh tế",
            f'{MENU}<div class="timeline">{rows}</div><div class="paging">{nav}</div>{FOOTER}',
        )
