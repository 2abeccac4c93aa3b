"""congthuongthainguyen.gov.vn (Sở Công Thương Thái Nguyên): ``/vn/<category>/<slug>-<id>.phtml``.

Plain http, like the real URLs. The three real categories; their listing pages
``/vn/<category>.phtml?page=N`` are invented. Monthly reports carry a data table (its rows are in
the truth as ``tables``, not in ``body_text``); reposts end with "*Theo Báo Thái Nguyên".
The legacy host ``beta.congthuongthainguyen.gov.vn`` serves the same paths (real-markup.md), and
some listing links still point at it. The old CMS emits no OpenGraph or JSON-LD.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import parse_qs

from tests.replica.corpus import Article, vn_number
from tests.replica.sites.base import (
    TZ,
    ReplicaSite,
    Served,
    dmy,
    esc,
    hm,
    page_number,
    shell,
)

HOST = "congthuongthainguyen.gov.vn"
CATEGORIES = {
    "bao-cao-thang-quy": "Báo cáo tháng, quý",
    "tin-trong-nuoc": "Tin trong nước",
    "linh-vuc-cong-nghiep": "Lĩnh vực công nghiệp",
}
MENU = "".join(f'<li><a href="/vn/{c}.phtml">{esc(n)}</a></li>' for c, n in CATEGORIES.items())
HEADER = (
    '<div id="header"><div class="banner">SỞ CÔNG THƯƠNG TỈNH THÁI NGUYÊN</div>'
    f'<ul class="menu"><li><a href="/">Trang chủ</a></li>{MENU}</ul></div>'
)
FOOTER = (
    '<div id="footer">Sở Công Thương tỉnh Thái Nguyên. Địa chỉ: Số 2, đường Đội Cấn, TP Thái '
    "Nguyên. Điện thoại: 0208.3855.369 - Fax: 0208.3856.004</div>"
)


class CongThuongThaiNguyen(ReplicaSite):
    key = "congthuongthainguyen"
    name = "Sở Công Thương Thái Nguyên"
    hosts = (HOST,)
    mirror_hosts = (f"beta.{HOST}",)
    scheme = "http"
    start = datetime(2020, 6, 1, 7, 0, tzinfo=TZ)
    step = timedelta(days=4)
    provinces = ("Thái Nguyên",)
    page_size = 10

    def place(self, article: Article, slug: str) -> Served:
        rng = self.rng(article.index, "place")
        article_id = 5000 + article.index * 3 + rng.randrange(3)
        category = rng.choice(sorted(CATEGORIES))
        path = f"/vn/{category}/{slug}-{article_id}.phtml"
        extra: dict[str, object] = {"repost": rng.random() < 0.3}
        if category == "bao-cao-thang-quy":
            extra["table"] = [
                ["Chỉ tiêu", "Đơn vị", "Thực hiện", "So cùng kỳ (%)"],
                ["Giá trị sản xuất công nghiệp", "Tỷ đồng", vn_number(rng.uniform(6e4, 9e4)), vn_number(rng.uniform(95, 115))],
                ["Tổng mức bán lẻ hàng hóa", "Tỷ đồng", vn_number(rng.uniform(3e3, 5e3)), vn_number(rng.uniform(100, 120))],
                ["Kim ngạch xuất khẩu", "Triệu USD", vn_number(rng.uniform(2e3, 4e3)), vn_number(rng.uniform(90, 120))],
            ]  # fmt: skip
        return Served(article, HOST, path, category, f"http://{HOST}{path}", extra)

    def truth_extra(self, s: Served) -> dict[str, object]:
        return {"tables": [s.extra["table"]] if "table" in s.extra else []}

    def parse_listing(self, host: str, path: str, query: str) -> tuple[str, int] | None:
        category = path.removeprefix("/vn/").removesuffix(".phtml")
        if category not in CATEGORIES or not path.endswith(".phtml"):
            return None
        page = page_number((parse_qs(query).get("page") or [""])[0])
        return (category, page) if page else None

    def render_article(self, s: Served) -> str:
        a = s.article
        table = ""
        if "table" in s.extra:
            rows = "".join(
                "<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>"
                for row in s.extra["table"]  # type: ignore[attr-defined]
            )
            table = f'<table class="data" border="1">{rows}</table>'
        credit = '<p class="source"><em>*Theo Báo Thái Nguyên</em></p>' if s.extra["repost"] else ""
        others = "".join(
            f'<li><a href="{o.path}">{esc(o.article.title)}</a></li>' for o in self.older(s, 8)
        )
        views = 50 + self.rng(a.index, "views").randrange(900)
        body = (
            f'{HEADER}<div class="content-detail"><h1 class="title-detail">{esc(a.title)}</h1>'
            f'<div class="date-detail"><span class="date">{dmy(a.published)} {hm(a.published)}</span>'
            f' <span class="view">Lượt xem: {views}</span></div>'
            f'<div class="sapo-detail"><strong>{esc(a.sapo)}</strong></div><div class="body-detail">'
            + "\n".join(f"<p>{esc(p)}</p>" for p in a.paragraphs)
            + f'{table}<p class="author" align="right"><strong>{esc(a.author)}</strong></p>{credit}</div>'
            f'<div class="other-news"><h3>Các tin khác</h3><ul>{others}</ul></div></div>{FOOTER}'
        )
        return shell(a.title, body)

    def example(self, s: Served) -> Served:
        return Served(s.article, s.host, s.path, "bao-cao-thang-quy", s.url, {"repost": False})

    def href(self, s: Served) -> str:
        """Every fourth article is linked on the legacy host, as reports circulate there."""
        return f"http://beta.{HOST}{s.path}" if s.article.index % 4 == 1 else s.path

    def render_listing(self, category: str, page: int, items: list[Served], has_next: bool) -> str:
        rows = "".join(
            f'<div class="news-item"><a class="news-title" href="{self.href(s)}">{esc(s.article.title)}</a>'
            f'<span class="news-date">({dmy(s.article.published)})</span></div>'
            for s in items
        )
        nav = f'<a href="/vn/{category}.phtml?page={page + 1}">Trang sau</a>' if has_next else ""
        body = f'{HEADER}<div class="list-news">{rows}</div><div class="paging">{nav}</div>{FOOTER}'
        return shell(CATEGORIES[category], body)
