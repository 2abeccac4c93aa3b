"""Unit rules of pipelines.metadata and pipelines.provinces, in phrasings other than the seeds'."""

from __future__ import annotations

import pytest

from pipelines.extraction import extract_document
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
    ("title", "lead", "rest", "province"),
    [
        # Two provinces compared: the one the title names first wins over the mention count.
        (
            "Hải Phòng, Quảng Ninh: Cảng biển hút khách",
            "Lượng hàng qua cảng của hai địa phương tăng mạnh.",
            "Quảng Ninh có cảng Cái Lân. Quảng Ninh tăng 12%. Tỉnh Quảng Ninh đạt kế hoạch.",
            "Hải Phòng",
        ),
        # No province in the title: the first one of the lead wins.
        (
            "Sản lượng điện mặt trời tăng",
            "Tại Ninh Thuận, sản lượng điện tăng 9%, cao hơn Bình Thuận.",
            "Bình Thuận có nhiều dự án. Bình Thuận tăng 4%. Tỉnh Bình Thuận chậm tiến độ.",
            "Ninh Thuận",
        ),
        # National: the title or the lead is about the whole country and names no province.
        (
            "Xuất khẩu toàn quốc 8 tháng vượt 260 tỷ USD",
            "Kim ngạch xuất khẩu 8 tháng tăng 14,5% so với cùng kỳ.",
            "Dẫn đầu là Bắc Ninh, tiếp đến Hải Phòng. Bắc Ninh đạt 30 tỷ USD.",
            None,
        ),
        (
            "Giải ngân đầu tư công còn chậm",
            "Nhiều tỉnh, thành phố mới giải ngân được dưới 40% kế hoạch vốn.",
            "Lai Châu thấp nhất. Tỉnh Lai Châu giải ngân 20%.",
            None,
        ),
        # Many provinces listed, none dominant, no national phrase: still national.
        (
            "Chỉ số sản xuất công nghiệp quý III",
            "IIP quý III tăng 8% so với cùng kỳ năm trước.",
            "Tăng cao: Nghệ An 25%, Hà Nam 21%, Phú Thọ 19%, Long An 15%, Cà Mau 12%.",
            None,
        ),
        # "Các địa phương trong tỉnh" are the province's districts: not national.
        (
            "Đẩy nhanh giải ngân vốn",
            "Các địa phương trong tỉnh được yêu cầu hoàn thành giải ngân trước 30/11.",
            "UBND tỉnh Sơn La chỉ đạo quyết liệt; Sơn La đạt 70% kế hoạch.",
            "Sơn La",
        ),
    ],
)
def test_province_title_lead_national(
    title: str, lead: str, rest: str, province: str | None
) -> None:
    assert detect_province(title, f"{lead}\n{rest}", lead=lead) == province


MERGED_AREA = (
    "Các xã vùng cao thuộc tỉnh Hà Giang cũ có 120 hợp tác xã chè. Hà Giang trước đây là vùng "
    "chè Shan tuyết lớn; Tuyên Quang hỗ trợ các xã này xây dựng thương hiệu."
)


@pytest.mark.parametrize(
    ("published_at", "province"),
    [
        ("2025-06-30T17:00:00+07:00", "Hà Giang"),  # the day before the merger: still a province
        ("2025-07-01", "Tuyên Quang"),
        ("2025-11-03T08:00:00+07:00", "Tuyên Quang"),
        (None, "Hà Giang"),  # no date: the province as named
    ],
)
def test_province_after_merger(published_at: str | None, province: str) -> None:
    assert (
        detect_province("Chè vùng cao tìm đường ra", MERGED_AREA, published_at=published_at)
        == province
    )


def test_former_province_in_extracted_article() -> None:
    # End to end: the extracted publication date decides that "Bắc Kạn (cũ)" is a former area.
    text = (
        "Hợp tác xã miền núi mở rộng sản xuất\n14:20, 18/08/2025\n"
        "Các hợp tác xã ở xã Chợ Rã, Bằng Thành thuộc huyện Pác Nặm, Bắc Kạn (cũ) tăng doanh "
        "thu 18% nhờ liên kết tiêu thụ măng và miến dong.\n"
        "Trước đây, sản phẩm của địa bàn Bắc Kạn trước đây chủ yếu bán lẻ; nay đã vào chuỗi "
        "siêu thị. Bắc Kạn cũ có 400 hợp tác xã, tỉnh Bắc Kạn cũ đặt mục tiêu mới.\nMinh Khôi\n"
    )
    article = extract_document(text, source="inline")
    assert article.published_at == "2025-08-18T14:20:00+07:00"
    assert (article.province, article.province_current) == ("Thái Nguyên", "Thái Nguyên")
    earlier = extract_document(text.replace("18/08/2025", "18/08/2024"), source="inline")
    assert earlier.province == "Bắc Kạn"


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
