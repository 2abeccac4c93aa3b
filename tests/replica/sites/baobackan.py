"""bbk.baothainguyen.vn, the archive of the former Báo Bắc Kạn (EPI CMS).

Articles ``/<slug>-post<N>.html`` with post numbers not in date order, all at most 71659 (the
farewell posts are 71660–71665). The sitemap (an index of monthly sitemaps) also lists two
advertising posts numbered after the farewell post, which a crawl must skip: they are not in the
truth. The topic listing ``/chu-de/kinh-te-3.html?page=N`` is invented; its links are
``h2.story__heading a`` and some still point at the old host baobackan.vn (the crawler rewrites
it; the replica redirects it). Two layouts (real-markup.md): the first articles are of 2019–2020,
at the 2021 path form ``/kinh-te/<YYYYMM>/<slug>-<7 hex>/``, in the baobackan.org.vn layout (body
``div#content``, date ``div#date``, sapo the first ``p strong``, no metadata); the others in the
EPI CMS layout (``div.article__body zce-content-body cms-body``, ``div.article__meta
time.time[datetime]``, images on the CDN host, ``article:published_time`` as
``YYYY-MM-DDTHH:MM:SS+0700``).
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


OLD_LAYOUT = 6  # articles 0-5: the 2019 layout, one a month from December 2019
OLD_START = datetime(2019, 12, 2, 8, 0, tzinfo=TZ)
CDN = "https://photo-cms-baobackan.epicdn.me"


class BaoBacKan(ReplicaSite):
    key = "baobackan"
    name = "Báo Bắc Kạn"
    hosts = (HOST,)
    redirect_hosts = ("baobackan.vn", "baobackan.com.vn", "baobackan.org.vn")
    start = datetime(2023, 1, 3, 6, 0, tzinfo=TZ)
    step = timedelta(days=2)  # about 450 articles before the paper closed in June 2025
    provinces = ("Bắc Kạn",)
    page_size = 20
    sitemap_index = True

    def published(self, index: int) -> datetime:
        if index < OLD_LAYOUT:
            return OLD_START + timedelta(days=30 * index)
        return super().published(index - OLD_LAYOUT)

    def __init__(self, seed: int) -> None:
        super().__init__(seed)
        self._posts: set[int] = set()

    def place(self, article: Article, slug: str) -> Served:
        prefix = "BBK - " if self.rng(article.index, "bbk").random() < 0.5 else ""
        if article.index < OLD_LAYOUT:
            month = article.published.strftime("%Y%m")
            path = f"/kinh-te/{month}/{slug}-{self.token(article.index, 7)}/"
            extra = {"prefix": prefix, "layout": "2019", "legacy": "baobackan.com.vn"}
            return Served(article, HOST, path, "kinh-te", f"https://{HOST}{path}", extra)
        post = 20000 + self.rng(article.index, "post").randrange(LAST_POST - 20000)
        while post in self._posts:  # older articles keep theirs: the probe is in index order
            post = post + 1 if post < LAST_POST else 20000
        self._posts.add(post)
        path = f"/{slug}-post{post}.html"
        legacy = "baobackan.vn" if article.index % 3 == 0 else None
        extra = {"prefix": prefix, "layout": "2025", "legacy": legacy}
        return Served(article, HOST, path, "kinh-te", f"https://{HOST}{path}", extra)

    def example(self, s: Served) -> Served:
        return Served(
            s.article, s.host, s.path, s.category, s.url, {"prefix": "", "layout": "2025"}
        )

    def href(self, s: Served) -> str:
        """Listings and sitemaps still link some articles on their old hosts."""
        legacy = s.extra.get("legacy")
        return f"https://{legacy}{s.path}" if legacy else s.path

    def parse_listing(self, host: str, path: str, query: str) -> tuple[str, int] | None:
        if path != LISTING:
            return None
        page = page_number((parse_qs(query).get("page") or [""])[0])
        return ("kinh-te", page) if page else None

    def sitemap_entries(self, host: str) -> list[tuple[str, datetime]]:
        adverts = [(f"https://{HOST}{p}", when) for p, when in ADVERTS.items()]
        entries = [
            (f"https://{s.extra['legacy']}{s.path}" if s.extra.get("legacy") else s.url,
             s.article.published)
            for s in self.served
        ]  # fmt: skip
        return entries + adverts

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
        if s.extra.get("layout") == "2019":
            body = (
                f'{MENU}<div class="main"><h1 class="title">{esc(a.title)}</h1>'
                f'<div id="date">{dmy(a.published)} {hm(a.published)}</div>'
                f'<div id="content"><p><strong>{esc(s.extra["prefix"])}{esc(a.sapo)}</strong></p>'
                + "\n".join(f"<p>{esc(p)}</p>" for p in a.paragraphs)
                + f'<p class="author">{esc(a.author)}</p></div>'
                f'<div class="tinkhac"><h3>Tin khác</h3><ul>{related}</ul></div></div>{FOOTER}'
            )
            return shell(a.title, body)
        image = f"{CDN}/uploads/{self.token(a.index, 10, 'img')}.jpg"
        body = (
            f'{MENU}<div class="article"><h1 class="article__title">{esc(a.title)}</h1>'
            f'<div class="article__meta"><time class="time" datetime="{a.published.isoformat()}">'
            f"{dmy(a.published)} {hm(a.published)}</time></div>"
            f'<div class="article__sapo">{esc(s.extra["prefix"])}{esc(a.sapo)}</div>'
            f'<div class="article__body zce-content-body cms-body"><figure class="article__image">'
            f'<div class="image-title">{esc(a.caption)} ảnh 1</div><img src="{image}" alt="">'
            f"<figcaption>{esc(a.caption)}</figcaption></figure>\n"
            + "\n".join(f"<p>{esc(p)}</p>" for p in a.paragraphs)
            + f'</div><p class="article__author">{esc(a.author)}</p>'
            f'<div class="related"><h3>Xem thêm</h3><ul>{related}</ul></div></div>{FOOTER}'
        )
        head = article_head(s, "%Y-%m-%dT%H:%M:%S%z", frozenset({"canonical", "og"}), self.name)
        return shell(a.title, body, head)

    def render_listing(self, category: str, page: int, items: list[Served], has_next: bool) -> str:
        rows = "".join(
            f'<div class="story"><h2 class="story__heading"><a href="{self.href(s)}">'
            f'{esc(s.article.title)}</a></h2><p class="story__sapo">{esc(s.article.sapo)}</p></div>'
            for s in items
        )
        nav = f'<a href="{LISTING}?page={page + 1}">Xem tiếp</a>' if has_next else ""
        return shell(
            "Kinh tế",
            f'{MENU}<div class="timeline">{rows}</div><div class="paging">{nav}</div>{FOOTER}',
        )
