"""congthuong.vn (Báo Công Thương, MasterCMS): ``/<slug>-<6 digits>.html``, listings
``/{cat}?s_cond=&BRSR={offset}``.

Two layouts, as real-markup.md evidences them: articles published before ``LAYOUT_CHANGE`` keep
the 2020 MasterCMS markup (``.article-desc``, ``span.bx-time``, a body whose id starts with
``__MASTERCMS_CONTENT``; OpenGraph only), newer ones the 2025 markup (``h1.article-detail-title``,
``div#articleBody``…) with the time and the date in two spans (``span.format_time`` "14:30",
``span.format_date``), OpenGraph and a JSON-LD NewsArticle. The switch date is a guess. Sitemap:
an index of monthly sitemaps. RSS: ``/rss/home.rss``, ``/rss/dia-phuong.rss`` (named by public
RSS lists) and ``/rss/tin-moi-nhat.rss``.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import parse_qs

from tests.replica.corpus import Article, slugify
from tests.replica.sites.base import (
    TZ,
    Page,
    ReplicaSite,
    Served,
    article_head,
    clock,
    dmy,
    esc,
    hm,
    shell,
)

LAYOUT_CHANGE = datetime(2023, 7, 1, tzinfo=TZ)
CATEGORIES = {"cong-nghiep": "Công nghiệp", "dia-phuong": "Địa phương"}
MENU = ("Thời sự", "Công nghiệp", "Thương mại", "Địa phương", "Thị trường", "Kinh tế số")


def header(now: datetime) -> str:
    items = "".join(f'<li><a href="/{slugify(m)}">{esc(m)}</a></li>' for m in MENU)
    return (
        f'<header class="header"><div class="header-top"><span class="header-date">{clock(now)}'
        '</span> <a href="/lien-he">Liên hệ</a> <a href="/dat-bao">Đặt báo</a></div>'
        f'<nav class="main-menu"><ul><li><a href="/">Trang chủ</a></li>{items}</ul></nav></header>'
    )


FOOTER = (
    '<footer class="footer"><p>BÁO CÔNG THƯƠNG - Cơ quan của Bộ Công Thương</p>'
    "<p>Tòa soạn: Tầng 6, số 655 Phạm Văn Đồng, Bắc Từ Liêm, Hà Nội</p>"
    "<p>Điện thoại: 024.22218238 - Hotline: 0989.012.988</p></footer>"
)


class CongThuong(ReplicaSite):
    key = "congthuong"
    name = "Báo Công Thương"
    hosts = ("congthuong.vn",)
    start = datetime(2023, 6, 26, 6, 0, tzinfo=TZ)
    step = timedelta(days=1)
    provinces = ("Thái Nguyên", "Thái Nguyên", "Bắc Kạn", "Hải Dương", "Đồng Nai", "Tuyên Quang")
    page_size = 20
    sitemap_index = True
    feed_paths = ("/rss/home.rss", "/rss/dia-phuong.rss", "/rss/tin-moi-nhat.rss")

    def place(self, article: Article, slug: str) -> Served:
        article_id = 300000 + article.index * 13 + self.rng(article.index, "id").randrange(13)
        path = f"/{slug}-{article_id}.html"
        category = "cong-nghiep" if article.topic == "cong-nghiep" else "dia-phuong"
        layout = "2020" if article.published < LAYOUT_CHANGE else "2025"
        url = f"https://{self.hosts[0]}{path}"
        return Served(article, self.hosts[0], path, category, url, {"layout": layout})

    def parse_listing(self, host: str, path: str, query: str) -> tuple[str, int] | None:
        category = path.strip("/")
        if category not in CATEGORIES:
            return None
        offset = (parse_qs(query).get("BRSR") or ["0"])[0]
        if not offset.isdigit():
            return None
        return category, int(offset) // self.page_size + 1

    def extra_route(self, host: str, path: str, query: str) -> Page | None:
        # The mobile variant "/<slug>-<id>.html&mobile=yes&amp=1" (no "?"): the same article.
        served = self.lookup(host, path.split("&")[0]) if "&" in path else None
        return Page.html(self.render_article(served)) if served else None

    def render_article(self, s: Served) -> str:
        a = s.article
        related = "".join(
            f'<li><a href="{o.path}">{esc(o.article.title)}</a></li>' for o in self.older(s, 20)
        )
        inline = self.older(s, 1)
        more = (
            f'<div class="related-inline">Xem thêm: <a href="{inline[0].path}">'
            f"{esc(inline[0].article.title)}</a></div>"
            if inline
            else ""
        )
        figure = f'<figure class="image"><img src="/upload/{s.path[1:8]}.jpg" alt="{esc(a.caption)}"><figcaption>{esc(a.caption)}</figcaption></figure>'
        paras = [f"<p>{esc(p)}</p>" for p in a.paragraphs]
        body = "\n".join([figure, *paras[:2], more, *paras[2:]])
        views = 200 + self.rng(a.index, "views").randrange(5000)
        if s.extra.get("layout") == "2020":
            main = (
                f'<div class="article"><h1 class="article-title">{esc(a.title)}</h1>'
                f'<div class="bx-info"><span class="bx-time">{dmy(a.published)} {hm(a.published)}</span>'
                f' <span class="bx-view">{views} lượt xem</span></div>'
                f'<div class="article-desc">{esc(a.sapo)}</div>'
                f'<div id="__MASTERCMS_CONTENT_{a.index + 1}" class="article-content">{body}'
                f'\n<p class="author"><strong>{esc(a.author)}</strong></p></div>'
                "</div>"
            )
            kinds = frozenset({"canonical", "og"})
        else:
            kinds = frozenset({"canonical", "og", "jsonld"})
            main = (
                f'<article class="article-detail"><h1 class="article-detail-title">{esc(a.title)}</h1>'
                f'<div class="article-detail-meta"><span class="format_time">{hm(a.published)}</span>'
                f' <span class="format_date">{dmy(a.published)}</span>'
                f' <span class="view-count">{views} lượt xem</span></div>'
                '<div class="share-bar"><a href="#">Facebook</a> <a href="#">Zalo</a> <a href="#">In bài</a></div>'
                f'<div class="article-detail-desc">{esc(a.sapo)}</div>'
                f'<div id="articleBody" class="article-detail-body">{body}</div>'
                f'<div class="article-detail-author">{esc(a.author)}</div></article>'
            )
        tag = f'<a href="/tag/{slugify(a.tag)}.tag">{esc(a.tag)}</a>'
        page = (
            header(self.now())
            + f'<main><div class="breadcrumb"><a href="/{s.category}">{CATEGORIES[s.category]}</a></div>'
            + main
            + f'<div class="article-tags">Bài viết cùng chủ đề: {tag}</div>'
            + f'<section class="box-same-category"><h3>Tin cùng chuyên mục</h3><ul>{related}</ul></section>'
            + '<section class="comment-box"><h3>Bình luận</h3><form><label>Họ tên</label>'
            '<input name="name"><label>Email</label><input name="email"><label>Nội dung</label>'
            "<textarea></textarea><button>Gửi bình luận</button></form></section></main>" + FOOTER
        )
        return shell(a.title, page, article_head(s, kinds=kinds, site_name=self.name))

    def example(self, s: Served) -> Served:
        return Served(s.article, s.host, s.path, "cong-nghiep", s.url, {"layout": "2025"})

    def render_listing(self, category: str, page: int, items: list[Served], has_next: bool) -> str:
        rows = "".join(
            f'<div class="article-item"><h3 class="article-title"><a href="{s.path}">'
            f'{esc(s.article.title)}</a></h3><p class="article-sapo">{esc(s.article.sapo)}</p>'
            f'<span class="time">{dmy(s.article.published)}</span></div>'
            for s in items
        )
        nav = (
            f'<a class="next" href="/{category}?s_cond=&amp;BRSR={page * self.page_size}">Trang sau</a>'
            if has_next
            else ""
        )
        newest = "".join(
            f'<li><a href="{s.path}">{esc(s.article.title)}</a></li>'
            for s in list(reversed(self.served))[:5]
        )
        body = (
            header(self.now())
            + f'<main><h1 class="cat-title">{CATEGORIES[category]}</h1>'
            + f'<div class="bx-cat-content">{rows}</div><div class="pagination">{nav}</div>'
            + f'<aside class="most-read"><h3>Đọc nhiều</h3><ul>{newest}</ul></aside></main>'
            + FOOTER
        )
        return shell(f"{CATEGORIES[category]} - Báo Công Thương", body)
