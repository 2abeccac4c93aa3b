"""baothainguyen.vn (Báo Thái Nguyên): ``/kinh-te/cong-nghiep/<YYYYMM>/<slug>-<7 hex>/``.

The category ``/kinh-te/cong-nghiep/`` is real; its ``?page=N`` pagination is invented. RSS at
``/rss/home.rss`` (unverified on the live site). The byline and time share a line:
"Nhị Hà 15:13, 26/03/2024".
"""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import parse_qs

from tests.replica.corpus import Article, seed_original
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

HOST = "baothainguyen.vn"
LISTING = "/kinh-te/cong-nghiep/"
MENU = (
    '<nav class="main-nav"><a href="/">Trang chủ</a> <a href="/chinh-tri/">Chính trị</a> '
    '<a href="/kinh-te/">Kinh tế</a> <a href="/kinh-te/cong-nghiep/">Công nghiệp</a> '
    '<a href="/xa-hoi/">Xã hội</a> <a href="/tim-kiem/?key=">Tìm kiếm</a></nav>'
)
FOOTER = (
    '<footer class="site-footer">Báo Thái Nguyên điện tử. Địa chỉ: Số 5, đường Đội Cấn, TP Thái '
    "Nguyên. Điện thoại: 0208.3855.276 - Đường dây nóng: 0912.345.678</footer>"
)


ORIGINAL_INDEX = 84


class BaoThaiNguyen(ReplicaSite):
    key = "baothainguyen"
    name = "Báo Thái Nguyên"
    hosts = (HOST,)
    start = datetime(2024, 1, 2, 6, 0, tzinfo=TZ)
    step = timedelta(days=1)
    provinces = ("Thái Nguyên",)
    page_size = 15
    feed_path = "/rss/home.rss"

    def original(self, index: int) -> Article | None:
        # 26/03/2024 (index 84): the article cokhivietnam.vn rewrote as seed 000, with the same
        # figures (portals.md), so an archive of both holds one figure from two sources
        if index != ORIGINAL_INDEX:
            return None
        return seed_original(
            "000_926c634ea363779c.txt",
            index=index,
            title="Giá trị sản xuất công nghiệp đạt 203 nghìn tỷ đồng",
            author="Nhị Hà",
            published=self.published(index),
            province="Thái Nguyên",
        )

    def place(self, article: Article, slug: str) -> Served:
        month = article.published.strftime("%Y%m")
        path = f"/kinh-te/cong-nghiep/{month}/{slug}-{self.token(article.index, 7)}/"
        return Served(article, HOST, path, "cong-nghiep", f"https://{HOST}{path}")

    def parse_listing(self, host: str, path: str, query: str) -> tuple[str, int] | None:
        if path != LISTING:
            return None
        page = page_number((parse_qs(query).get("page") or [""])[0])
        return ("cong-nghiep", page) if page else None

    def render_article(self, s: Served) -> str:
        a = s.article
        related = "".join(
            f'<li><a href="{o.path}">{esc(o.article.title)}</a></li>' for o in self.older(s, 6)
        )
        body = (
            f'{MENU}<article class="detail"><h1 class="detail__title">{esc(a.title)}</h1>'
            f'<div class="detail__meta"><span class="detail__author">{esc(a.author)}</span> '
            f'<span class="detail__time">{hm(a.published)}, {dmy(a.published)}</span></div>'
            f'<div class="detail__sapo">{esc(a.sapo)}</div>'
            f'<div class="detail__content"><figure class="image"><img src="/uploads/{s.path[-8:-1]}.jpg" '
            f'alt="{esc(a.caption)}"><figcaption><p>{esc(a.caption)}</p><p>{esc(a.caption)}</p>'
            "</figcaption></figure>\n"
            + "\n".join(f"<p>{esc(p)}</p>" for p in a.paragraphs)
            + '</div><div class="share"><a href="#">Chia sẻ</a> <a href="#">In</a></div>'
            f'<div class="related"><h3>Tin liên quan</h3><ul>{related}</ul></div></article>{FOOTER}'
        )
        return shell(a.title, body, article_head(s))

    def render_listing(self, category: str, page: int, items: list[Served], has_next: bool) -> str:
        rows = "".join(
            f'<article class="story"><h2 class="story__heading"><a href="{s.path}">'
            f'{esc(s.article.title)}</a></h2><div class="story__summary">{esc(s.article.sapo)}</div></article>'
            for s in items
        )
        nav = f'<a class="next" href="{LISTING}?page={page + 1}">Trang tiếp</a>' if has_next else ""
        body = f'{MENU}<div class="category-news">{rows}</div><div class="pagination">{nav}</div>{FOOTER}'
        return shell("Công nghiệp - Báo Thái Nguyên", body)
