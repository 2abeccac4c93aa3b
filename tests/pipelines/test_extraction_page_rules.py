"""Page-shape rules of pipelines.textclean on lines of our own making (tests/fixtures/text/
page_lines.json): one-line site menus, mastheads above the title, the metadata under the last
paragraph, a title echoed as the first sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipelines.extraction import extract_document
from pipelines.textclean import (
    drop_title_echo,
    is_lead,
    is_masthead,
    is_menu_line,
    is_navigation,
    is_section_label,
    parse_rendered_text,
    read_tail_metadata,
)

LINES = json.loads(
    (Path(__file__).resolve().parents[1] / "fixtures" / "text" / "page_lines.json").read_text(
        encoding="utf-8"
    )
)
SAPO = (
    "Quý I năm 2024, giá trị sản xuất công nghiệp trên địa bàn tỉnh Cao Bằng ước đạt 1.320 tỷ "
    "đồng, tăng 8,4% so với cùng kỳ năm trước."
)
BODY = (
    "Trong đó, ngành chế biến, chế tạo tăng 9,6%; ngành sản xuất và phân phối điện tăng 4,1%; "
    "các sản phẩm chủ yếu như xi măng, quặng mangan đều tăng khá."
)
TITLE = "Cao Bằng: Giá trị sản xuất công nghiệp quý I tăng 8,4%"


@pytest.mark.parametrize("line", LINES["menus"])
def test_menu_lines(line: str) -> None:
    assert is_menu_line(line)


@pytest.mark.parametrize("line", LINES["not_menus"])
def test_not_menu_lines(line: str) -> None:
    assert not is_menu_line(line)


@pytest.mark.parametrize("line", LINES["mastheads"])
def test_mastheads(line: str) -> None:
    assert is_masthead(line)


@pytest.mark.parametrize("line", LINES["not_mastheads"])
def test_not_mastheads(line: str) -> None:
    assert not is_masthead(line)


@pytest.mark.parametrize("banner", LINES["mastheads"])
@pytest.mark.parametrize("menu", LINES["menus"][:2])
def test_title_under_banner_and_menu(banner: str, menu: str) -> None:
    page = f"{banner}\n{menu}\nKinh tế\n{TITLE}\n08:15 | 02/04/2024\n{SAPO}\n{BODY}\nĐức Lương\n"
    article = extract_document(page, source="inline")
    assert (article.title, article.published_at, article.author) == (
        TITLE,
        "2024-04-02T08:15:00+07:00",
        "Đức Lương",
    )
    assert banner not in article.body and menu not in article.body


def test_all_caps_title_followed_by_sapo_is_kept() -> None:
    title = "CAO BẰNG ĐẨY MẠNH PHÁT TRIỂN CÔNG NGHIỆP CHẾ BIẾN"
    article = extract_document(f"{title}\n{SAPO}\n{BODY}\n", source="inline")
    assert article.title == title


def test_site_counter_is_not_views() -> None:
    page = (
        f"Thống kê truy cập\nLượt truy cập: 5.112.904\nĐang online: 61\n{TITLE}\n{SAPO}\n{BODY}\n"
    )
    article = extract_document(page, source="inline")
    assert (article.title, article.views) == (TITLE, None)
    assert "5.112.904" not in article.body


def test_tail_metadata_stops_at_other_lines() -> None:
    tail = read_tail_metadata(
        ["Hà Phương - Ngọc Sơn", "Lượt xem: 918", "Gửi cho bạn bè", "Bắc Ninh"]
    )
    assert (tail.author, tail.views) == ("Hà Phương - Ngọc Sơn", 918)
    sidebar = read_tail_metadata(["In trang", "Thái Bình"])
    assert (sidebar.author, sidebar.views) == (None, None)
    related = read_tail_metadata(["Tin khác", "Quang Huy"])
    assert related.author is None


def test_title_echo() -> None:
    echoed = f"{TITLE}. {SAPO}"
    assert drop_title_echo(TITLE, echoed) == SAPO
    assert drop_title_echo(TITLE, f"{TITLE} là kết quả đáng ghi nhận.") == (
        f"{TITLE} là kết quả đáng ghi nhận."
    )
    article = extract_document(f"{TITLE}\n02/04/2024\n{echoed}\n{BODY}\n", source="inline")
    assert article.body.count("tăng 8,4%") == 2  # the title and the sapo, not a third copy


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings_tabs_and_repeats(newline: str) -> None:
    lines = ["UBND TỈNH CAO BẰNG", TITLE, "Ngày đăng:\t02/04/2024", SAPO, BODY, BODY, "Đức Lương"]
    article = extract_document(newline.join(lines), source="inline")
    assert (article.title, article.published_at, article.author) == (
        TITLE,
        "2024-04-02",
        "Đức Lương",
    )
    assert article.body.count(BODY) == 1 and "\t" not in article.body and "\r" not in article.body


@pytest.mark.parametrize("line", LINES["section_labels"])
def test_section_labels(line: str) -> None:
    assert is_section_label(line)


@pytest.mark.parametrize("line", LINES["not_section_labels"])
def test_not_section_labels(line: str) -> None:
    assert not is_section_label(line)


@pytest.mark.parametrize("labels", LINES["stacked_labels"])
def test_title_under_stacked_section_labels(labels: list[str]) -> None:
    # A vertical menu or breadcrumb: one category per line above the title; none is the title,
    # and the date and byline under the real title are still found.
    page = "\n".join([*labels, TITLE, "Bài và ảnh: Đức Lương 09:40, 03/04/2024", SAPO, BODY])
    article = extract_document(page, source="inline")
    assert (article.title, article.published_at, article.author) == (
        TITLE,
        "2024-04-03T09:40:00+07:00",
        "Đức Lương",
    )


@pytest.mark.parametrize("chrome", LINES["chrome_lines"])
def test_chrome_lines_are_never_the_title_or_text(chrome: str) -> None:
    """Kind 7 of issue 11: skip links, back links, "you are here" heads, counters' labels."""
    layout = parse_rendered_text(
        f"{chrome}\nKinh tế\n{TITLE}\n08:15 | 02/04/2024\n{SAPO}\n{BODY}\n"
    )
    assert layout.title == TITLE
    assert all(chrome not in p for p in layout.paragraphs) and layout.sapo == SAPO


@pytest.mark.parametrize("line", LINES["not_chrome_lines"])
def test_sentences_opening_like_chrome_are_text(line: str) -> None:
    layout = parse_rendered_text(f"{TITLE}\n{SAPO}\n{line}\n{BODY}\n")
    assert line in layout.paragraphs


@pytest.mark.parametrize("line", LINES["leads"])
def test_leads(line: str) -> None:
    assert is_lead(line)


@pytest.mark.parametrize("line", LINES["not_leads"])
def test_not_leads(line: str) -> None:
    assert not is_lead(line)


@pytest.mark.parametrize("banner", LINES["mastheads"][:3])
def test_text_opening_with_its_lead_has_no_title(banner: str) -> None:
    """The portal's name, a date, then the lead: no title (never the lead, never the name)."""
    layout = parse_rendered_text(f"{banner}\nTruy cập nội dung\n02/04/2024\n{SAPO}\n{BODY}\n")
    assert layout.title is None
    assert layout.sapo == SAPO and layout.paragraphs == [BODY]


@pytest.mark.parametrize("line", LINES["navigation"])
def test_navigation_lines(line: str) -> None:
    """Breadcrumbs and menus written with separators, or made of section names."""
    assert is_navigation(line)


@pytest.mark.parametrize("line", LINES["not_navigation"])
def test_not_navigation_lines(line: str) -> None:
    assert not is_navigation(line)


def test_title_is_the_line_above_its_dateline() -> None:
    """Kind 7: whatever short lines a portal prints above the headline (its name, a vertical
    menu of its own sections, a section label), the headline is the line right above its date."""
    page = (
        "SỞ CÔNG THƯƠNG TỈNH YÊN BÁI\nTrang chủ\nHoạt động ngành\nChuyên mục thống kê\n"
        f"Tin cơ sở\nThông tin chuyên ngành\n{TITLE}\nNgày đăng: 02/04/2024\n{SAPO}\n{BODY}\n"
    )
    layout = parse_rendered_text(page)
    assert layout.title == TITLE and layout.sapo == SAPO
    assert layout.mastheads == ["SỞ CÔNG THƯƠNG TỈNH YÊN BÁI"]
