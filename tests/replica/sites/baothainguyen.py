"""baothainguyen.vn (Báo Thái Nguyên), in the two layouts real-markup.md evidences.

Current articles ``/kinh-te/cong-nghiep/<YYYYMM>/<slug>-<7 hex>/`` (slugs keep a hyphen per
removed punctuation mark: "thai-nguyen--gia-tri…"), in the layout of the 2026 scraper: the
listing's ``a.title2`` links, the category ``a.title.color1``, the sapo ``div.desc``, the body
``div.content-detail`` whose images sit in ``<table class="image center">`` with the caption in
``<td class="desc">`` and whose first paragraph repeats the sapo in bold (a real 2022 body).
OpenGraph and a JSON-LD NewsArticle in the head. The first articles are of 2020, at the
``/tin-tuc/<category>/<slug>-<id>-<catid>.html`` form, in the 2019 layout (``span.date_up``,
``div.news_detail``, ``div.Summary``), without metadata. The listing also links an advertising
page (``thong-tin-quang-cao``, skipped) and a multimedia listing. ``?page=N`` pagination and the
RSS feed ``/rss/home.rss`` are unverified on the live site. The byline and time share a line:
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
    slugify_runs,
)

HOST = "baothainguyen.vn"
LISTING = "/kinh-te/cong-nghiep/"
MENU = (
    '<nav class="main-nav"><a href="/">Trang chủ</a> <a href="/thoi-su-thai-nguyen/">Thời sự</a> '
    '<a href="/kinh-te/">Kinh tế</a> <a href="/kinh-te/cong-nghiep/">Công nghiệp</a> '
    '<a href="/the-thao/">Thể thao</a> <a href="/tim-kiem/?key=">Tìm kiếm</a></nav>'
)
FOOTER = (
    '<footer class="site-footer">Báo Thái Nguyên điện tử. Địa chỉ: Số 5, đường Đội Cấn, TP Thái '
    "Nguyên. Điện thoại: 0208.3855.276 - Đường dây nóng: 0912.345.678</footer>"
)
ADVERT = "/thong-tin-quang-cao/202403/khuyen-mai-mua-sam-tai-sieu-thi-dien-may-4f5e6d7/"

ORIGINAL_INDEX = 84
OLD_LAYOUT = 4  # articles 0-3: 2020, the 2019 layout
OLD_START = datetime(2020, 9, 7, 7, 0, tzinfo=TZ)


class BaoThaiNguyen(ReplicaSite):
    key = "baothainguyen"
    name = "Báo Thái Nguyên"
    hosts = (HOST,)
    start = datetime(2024, 1, 6, 6, 0, tzinfo=TZ)  # article 84 (the seed's original): 26/03/2024
    step = timedelta(days=1)
    provinces = ("Thái Nguyên",)
    page_size = 15
    feed_paths = ("/rss/home.rss",)

    def published(self, index: int) -> datetime:
        if index < OLD_LAYOUT:
            return OLD_START + timedelta(days=21 * index)
        return super().published(index - OLD_LAYOUT)

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
        slug = slugify_runs(article.title)
        if article.index < OLD_LAYOUT:
            path = f"/tin-tuc/kinh-te/{slug}-{140000 + article.index * 7}-12.html"
            return Served(
                article, HOST, path, "cong-nghiep", f"https://{HOST}{path}", {"layout": "2019"}
            )
        month = article.published.strftime("%Y%m")
        path = f"/kinh-te/cong-nghiep/{month}/{slug}-{self.token(article.index, 7)}/"
        return Served(
            article, HOST, path, "cong-nghiep", f"https://{HOST}{path}", {"layout": "2026"}
        )

    def example(self, s: Served) -> Served:
        return Served(s.article, s.host, s.path, s.category, s.url, {"layout": "2026"})

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
        image = f"/uploads/{self.token(a.index, 7, 'img')}.jpg"
        caption_table = (
            f'<table class="image center"><tbody><tr><td><img src="{image}" alt=""></td></tr>'
            f'<tr><td class="desc">{esc(a.caption)}</td></tr></tbody></table>'
        )
        paras = [f"<p>{esc(p)}</p>" for p in a.paragraphs]
        if s.extra.get("layout") == "2019":
            body = (
                f'{MENU}<div class="news"><h1 class="title_detail">{esc(a.title)}</h1>'
                f'<span class="date_up">{hm(a.published)}, {dmy(a.published)}</span>'
                f'<div class="Summary">{esc(a.sapo)}</div><div class="news_detail">'
                + caption_table
                + "\n".join(paras)
                + f'<p class="author" align="right"><strong>{esc(a.author)}</strong></p></div>'
                f'<div class="other"><h3>Tin khác</h3><ul>{related}</ul></div></div>{FOOTER}'
            )
            return shell(a.title, body)
        body = (
            f'{MENU}<article class="detail"><a class="title color1" href="{LISTING}">Công nghiệp</a>'
            f'<h1 class="detail__title">{esc(a.title)}</h1>'
            f'<div class="detail__meta"><span class="detail__author">{esc(a.author)}</span> '
            f'<span class="detail__time">{hm(a.published)}, {dmy(a.published)}</span></div>'
            f'<div class="desc">{esc(a.sapo)}</div>'
            f'<div class="content-detail"><p><strong>{esc(a.sapo)}</strong></p>'
            + "\n".join([*paras[:1], caption_table, *paras[1:]])
            + '</div><div class="share"><a href="#">Chia sẻ</a> <a href="#">In</a></div>'
            f'<div class="related"><h3>Tin liên quan</h3><ul>{related}</ul></div></article>{FOOTER}'
        )
        head = article_head(s, kinds=frozenset({"canonical", "og", "jsonld"}), site_name=self.name)
        return shell(a.title, body, head)

    def render_listing(self, category: str, page: int, items: list[Served], has_next: bool) -> str:
        rows = "".join(
            f'<div class="item"><a class="title2" href="{s.path}">{esc(s.article.title)}</a>'
            f'<div class="sapo">{esc(s.article.sapo)}</div></div>'
            for s in items
        )
        if page == 1:
            rows += (
                f'<div class="item"><a class="title2" href="{ADVERT}">Khuyến mại mua sắm</a></div>'
                '<div class="item"><a class="title2" href="/multimedia/emagazine/">Emagazine</a></div>'
            )
        nav = f'<a class="next" href="{LISTING}?page={page + 1}">Trang tiếp</a>' if has_next else ""
        body = f'{MENU}<div class="category-news">{rows}</div><div class="pagination">{nav}</div>{FOOTER}'
        return shell("Công nghiệp - Báo Thái Nguyên", body)
