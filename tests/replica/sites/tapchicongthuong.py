"""tapchicongthuong.vn (Tạp chí Công Thương): ``/<slug>-<id>.htm``, before 2022 ``/bai-viet/…``.

Listings are the real hashtag pages ``/hashtag/<slug-id>`` and ``/hashtag/<slug-id>/page-<n>``.
``div.list-view a[href]`` also matches thumbnails and category links, as on the real site.
Slugs keep a hyphen per removed punctuation mark ("bac-kan--tong-muc…", real-markup.md).
Two layouts: articles of 2021 (``/bai-viet/…``) in the 2020 markup (``.post-content``,
``.post-date`` "DD/MM/YYYY lúc HH:MM", no metadata), the others in the 2025 markup
(``h1.post-title.text-left.font-playfair``, ``div#post_content``), with OpenGraph and JSON-LD.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from tests.replica.corpus import Article
from tests.replica.sites.base import (
    TZ,
    ReplicaSite,
    Served,
    article_head,
    dmy,
    esc,
    hm,
    shell,
    slugify_runs,
)

HOST = "tapchicongthuong.vn"
OLD_PATHS_UNTIL = datetime(2022, 1, 1, tzinfo=TZ)
CATEGORIES = {"dia-phuong-8307": "Địa phương", "kinh-te-4": "Kinh tế"}
_LISTING = re.compile(r"^/hashtag/(?P<cat>[a-z0-9-]+)(?:/page-(?P<page>[1-9]\d*))?/?$")
HEADER = (
    '<header><div class="logo">TẠP CHÍ CÔNG THƯƠNG</div><nav class="menu">'
    + "".join(f'<a href="/hashtag/{c}">{n}</a> ' for c, n in CATEGORIES.items())
    + "</nav></header>"
)
FOOTER = (
    "<footer>Tạp chí Công Thương - Cơ quan của Bộ Công Thương. Tòa soạn: Số 655 Phạm Văn Đồng, "
    "Hà Nội. Điện thoại: 024.22218228</footer>"
)


class TapChiCongThuong(ReplicaSite):
    key = "tapchicongthuong"
    name = "Tạp chí Công Thương"
    hosts = (HOST,)
    start = datetime(2021, 12, 26, 7, 0, tzinfo=TZ)
    step = timedelta(days=1)
    provinces = ("Thái Nguyên", "Bắc Kạn", "Hải Dương", "Đồng Nai", "Tuyên Quang")
    page_size = 20
    sitemap_index = True

    def place(self, article: Article, slug: str) -> Served:
        article_id = 90000 + article.index * 11 + self.rng(article.index, "id").randrange(11)
        old = article.published < OLD_PATHS_UNTIL
        path = f"{'/bai-viet' if old else ''}/{slugify_runs(article.title)}-{article_id}.htm"
        category = "kinh-te-4" if article.topic == "thuong-mai" else "dia-phuong-8307"
        layout = {"layout": "2020" if old else "2025"}
        return Served(article, HOST, path, category, f"https://{HOST}{path}", layout)

    def example(self, s: Served) -> Served:
        return Served(s.article, s.host, s.path, "kinh-te-4", s.url, {"layout": "2025"})

    def parse_listing(self, host: str, path: str, query: str) -> tuple[str, int] | None:
        m = _LISTING.match(path)
        if not m or m["cat"] not in CATEGORIES:
            return None
        return m["cat"], int(m["page"] or 1)

    def render_article(self, s: Served) -> str:
        a = s.article
        related = "".join(
            f'<li><a href="{o.path}">{esc(o.article.title)}</a></li>' for o in self.older(s, 6)
        )
        views = 100 + self.rng(a.index, "views").randrange(4000)
        crumb = f'<div class="breadcrumb"><a href="/hashtag/{s.category}">{CATEGORIES[s.category]}</a></div>'
        figure = f'<figure><img src="/images/{s.path[-9:-4]}.jpg" alt=""><figcaption>{esc(a.caption)}</figcaption></figure>\n'
        paras = "\n".join(f"<p>{esc(p)}</p>" for p in a.paragraphs)
        tail = (
            f'<div class="post-tags">Tags: <a href="/hashtag/{s.category}">{esc(a.tag)}</a></div>'
            f'<div class="related-posts"><h3>Bài viết liên quan</h3><ul>{related}</ul></div>'
        )
        if s.extra.get("layout") == "2020":
            body = (
                f'{HEADER}<div class="post">{crumb}<h1 class="post-title">{esc(a.title)}</h1>'
                f'<div class="post-date">{dmy(a.published)} lúc {hm(a.published)}</div>'
                f'<div class="post-author">{esc(a.author)}</div>'
                f'<div class="post-sapo">TCCT - {esc(a.sapo)}</div>'
                f'<div class="post-content">{figure}{paras}</div>{tail}</div>{FOOTER}'
            )
            return shell(a.title, body)
        body = (
            f'{HEADER}<article class="post-detail">{crumb}'
            f'<h1 class="post-title text-left font-playfair">{esc(a.title)}</h1>'
            f'<div class="post-meta"><span>{dmy(a.published)} {hm(a.published)}</span> '
            f"<span>Lượt xem: {views}</span></div>"
            f'<div class="meta-info"><span class="source">Tác giả: <strong>{esc(a.author)}</strong></span></div>'
            f'<div class="sapo">TCCT - {esc(a.sapo)}</div><div id="post_content" class="detail">'
            f"{figure}{paras}</div>{tail}</article>{FOOTER}"
        )
        head = article_head(s, kinds=frozenset({"canonical", "og", "jsonld"}), site_name=self.name)
        return shell(a.title, body, head)

    def render_listing(self, category: str, page: int, items: list[Served], has_next: bool) -> str:
        rows = "".join(
            f'<div class="item"><a class="thumb" href="{s.path}"><img src="/images/t.jpg" alt=""></a>'
            f'<h3><a href="{s.path}">{esc(s.article.title)}</a></h3>'
            f'<a class="cat" href="/hashtag/{category}">{CATEGORIES[category]}</a></div>'
            for s in items
        )
        nav = f'<a href="/hashtag/{category}/page-{page + 1}">Trang sau</a>' if has_next else ""
        body = f'{HEADER}<div class="list-view">{rows}</div><div class="pagination">{nav}</div>{FOOTER}'
        return shell(CATEGORIES[category], body)
