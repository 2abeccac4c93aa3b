"""Unit rules of pipelines.metadata and pipelines.provinces, in phrasings other than the seeds'."""

from __future__ import annotations

import pytest

from pipelines.metadata import (
    classify_date_line,
    clean_author,
    find_lead_date,
    parse_date_text,
    parse_iso,
    parse_views,
    strip_views,
)
from pipelines.provinces import current_province, detect_province


@pytest.mark.parametrize(
    ("line", "value", "kind"),
    [
        ("26/04/2024 00:04", "2024-04-26T00:04:00+07:00", "plain"),
        ("Nhị Hà 15:13, 26/03/2024", "2024-03-26T15:13:00+07:00", "plain"),
        ("21:28 22/09/2025", "2025-09-22T21:28:00+07:00", "plain"),
        ("( Cập nhật lúc: 06/09/2021 00:00:00 )", "2021-09-06", "updated"),
        ("Thứ bảy 21/12/2024 23:17", "2024-12-21T23:17:00+07:00", "clock"),
        ("Thứ hai, 05/05/2025", "2025-05-05", "clock"),
        ("Ngày đăng: 07/09/2021 - 08:30", "2021-09-07T08:30:00+07:00", "published"),
        ("ngày 5 tháng 9 năm 2024", "2024-09-05", "plain"),
        ("Thứ Sáu, 12/1/2024 | 3:05 PM", "2024-01-12T15:05:00+07:00", "clock"),
    ],
)
def test_date_lines(line: str, value: str, kind: str) -> None:
    hit = classify_date_line(line)
    assert hit is not None and (hit.value, hit.kind) == (value, kind)


@pytest.mark.parametrize(
    "line",
    [
        "31/02/2024",
        "Ngày 26/4/2024, Sở Công Thương tổ chức hội nghị sơ kết quý I với nhiều đại biểu",
        "tháng 10/2021",
    ],
)
def test_not_date_lines(line: str) -> None:
    assert classify_date_line(line) is None


def test_iso_and_wordy() -> None:
    assert parse_iso("2024-03-26T15:13:00+0700") == ("2024-03-26T15:13:00+07:00", True)
    assert parse_iso("2024-03-26T08:13:00Z") == ("2024-03-26T15:13:00+07:00", True)
    assert parse_date_text("Thứ Năm, mồng 05 tháng 09 năm 2024") == ("2024-09-05", False)
    assert parse_date_text("20/09/2024 08:30", ("%d/%m/%Y %H:%M",)) == (
        "2024-09-20T08:30:00+07:00",
        True,
    )


@pytest.mark.parametrize(
    ("lead", "context", "value"),
    [
        (
            "Chiều ngày 2/1, Sở tổ chức hội nghị",
            "tổng kết công tác năm 2023 và triển khai nhiệm vụ năm 2024",
            "2024-01-02",
        ),
        ("Sáng 5/1, hội nghị tổng kết năm 2024 diễn ra", "tổng kết năm 2024", "2025-01-05"),
        (
            "Ngày 19/12, thành phố tổ chức lễ khởi công",
            "kế hoạch năm 2024, mục tiêu đến năm 2030",
            "2024-12-19",
        ),
        ("Sáng 27/11/2025, tại Hà Nội đã diễn ra hội thảo", "", "2025-11-27"),
    ],
)
def test_lead_dates(lead: str, context: str, value: str) -> None:
    hit = find_lead_date(lead, context)
    assert hit is not None and hit.value == value


def test_lead_date_without_year_evidence_is_none() -> None:
    assert find_lead_date("Chiều ngày 2/1, Sở tổ chức hội nghị", "không có năm nào") is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Vũ Pi", "Vũ Pi"),
        ("Thảo Nguyên", "Thảo Nguyên"),
        ("Bài và ảnh: Thu Hà", "Thu Hà"),
        ("Quang Minh (TH)", "Quang Minh"),
        ("Hoàng Anh - Minh Thu", "Hoàng Anh - Minh Thu"),
        ("TTXVN", "TTXVN"),
        ("Phòng Đăng ký kinh doanh", "Phòng Đăng ký kinh doanh"),
        ("Hoàn thành kế hoạch năm./.", None),
        ("Sản xuất gỗ tại Công ty TNHH Minh Ngọc, huyện Chợ Mới", None),
        ("Quang cảnh hội nghị", None),
    ],
)
def test_bylines(line: str, name: str | None) -> None:
    assert clean_author(line) == name


@pytest.mark.parametrize(
    ("title", "body", "province"),
    [
        (
            "Thái Nguyên xác định không gian phát triển",
            "UBND tỉnh Thái Nguyên; Hà Nội - Bắc Ninh",
            "Thái Nguyên",
        ),
        ("Sở Công Thương tổng kết năm", "Giám đốc Sở phát biểu; quy hoạch điện VIII", None),
        ("Khánh Hoà thu hút đầu tư", "Tỉnh Khánh Hòa có nhiều dự án", "Khánh Hòa"),
        ("Hội thảo tư tưởng Hồ Chí Minh", "Học tập tư tưởng Hồ Chí Minh", None),
        ("Xuất khẩu tăng", "TP.HCM dẫn đầu cả nước về xuất khẩu", "Hồ Chí Minh"),
        ("Khu công nghiệp mới", "Các dự án tại Sông Công và Phổ Yên", "Thái Nguyên"),
        ("BR-VT thu hút FDI", "Bà Rịa – Vũng Tàu dẫn đầu", "Bà Rịa - Vũng Tàu"),
    ],
)
def test_provinces(title: str, body: str, province: str | None) -> None:
    assert detect_province(title, body) == province


@pytest.mark.parametrize(
    ("name", "today"),
    [
        ("Bắc Kạn", "Thái Nguyên"),
        ("Thái Nguyên", "Thái Nguyên"),
        ("Trà Vinh", "Vĩnh Long"),
        ("Hà Giang", "Tuyên Quang"),
        (None, None),
    ],
)
def test_merger(name: str | None, today: str | None) -> None:
    assert current_province(name) == today


@pytest.mark.parametrize(
    ("line", "views"),
    [
        ("1681 Lượt xem", 1681),
        ("Lượt xem: 6.541", 6541),
        ("Số lượt xem: 12", 12),
        ("3.207 lượt đọc", 3207),
        # Site statistics widgets: never an article's views.
        ("Lượt truy cập: 12.480.316", None),
        ("Tổng lượt truy cập: 3.418.552", None),
        ("Đang truy cập: 27", None),
    ],
)
def test_view_counters(line: str, views: int | None) -> None:
    assert parse_views(line) == views


@pytest.mark.parametrize(
    ("line", "rest", "views"),
    [
        # The clock's minutes glued to the label are not the count.
        ("Thứ Tư, 05/06/2024 - 09:12 Lượt xem: 407", "Thứ Tư, 05/06/2024 - 09:12", 407),
        ("Đăng ngày 05/06/2024 | 88 lượt xem", "Đăng ngày 05/06/2024", 88),
    ],
)
def test_views_inside_date_lines(line: str, rest: str, views: int) -> None:
    assert strip_views(line) == (rest, views)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Phòng Quản lý thương mại - Sở Công Thương", "Phòng Quản lý thương mại - Sở Công Thương"),
        ("Phòng Kinh tế - Hạ tầng", "Phòng Kinh tế - Hạ tầng"),
        ("Trung tâm Khuyến công và Tư vấn phát triển công nghiệp",
         "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp"),
        ("Lan Anh - Đức Thịnh", "Lan Anh - Đức Thịnh"),
        ("Phòng họp trực tuyến được kết nối tới 9 huyện, thành phố.", None),
    ],
)  # fmt: skip
def test_office_and_pair_bylines(line: str, name: str | None) -> None:
    assert clean_author(line) == name


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("Lan Anh - Đức Thịnh 07:30, 14/02/2024", "Lan Anh - Đức Thịnh"),
        ("Bài, ảnh: Hữu Nghĩa | 10:05 21/08/2023", "Bài, ảnh: Hữu Nghĩa"),
        ("21/08/2023 10:05", ""),
    ],
)
def test_date_line_keeps_byline_joiners(line: str, rest: str) -> None:
    hit = classify_date_line(line)
    assert hit is not None and hit.rest == rest
    assert clean_author(rest) in ({"Lan Anh - Đức Thịnh", "Hữu Nghĩa"} if rest else {None})
