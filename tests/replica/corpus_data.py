"""The raw material of the replica corpus, as data: places, people, sentence templates.

Templates are ``str.format`` strings. Slots: ``{province}``, ``{period}`` ("tháng 10/2021",
"quý III/2024", "9 tháng đầu năm 2024"), ``{month}``, ``{year}``, ``{value}`` (a figure already
formatted the Vietnamese way, "1.152,5"), ``{pct}``, ``{plan_pct}``, ``{unit}``, ``{count}``,
``{district}``, ``{company}``, ``{park}``, ``{agency}``. The figures are invented but of the right
order of magnitude for each province, so that later indicator tests see plausible numbers.
"""

from __future__ import annotations

# province -> (districts, companies, industrial parks, scale of monthly industrial output, tỷ đồng)
PLACES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], float]] = {
    "Thái Nguyên": (
        ("Phổ Yên", "Sông Công", "Đại Từ", "Phú Bình", "Đồng Hỷ", "Võ Nhai", "Định Hóa"),
        (
            "Công ty cổ phần Gang Thép Thái Nguyên",
            "Công ty TNHH Samsung Electronics Việt Nam Thái Nguyên",
            "Công ty cổ phần Cơ khí Phổ Yên",
            "Công ty TNHH Khai thác Chế biến Khoáng sản Núi Pháo",
        ),
        ("Khu công nghiệp Yên Bình", "Khu công nghiệp Điềm Thụy", "Khu công nghiệp Sông Công I"),
        80_000.0,
    ),
    "Bắc Kạn": (
        ("Chợ Mới", "Chợ Đồn", "Bạch Thông", "Na Rì", "Ba Bể", "Ngân Sơn", "Pác Nặm"),
        (
            "Công ty Cổ phần Khoáng sản Bắc Kạn",
            "Công ty TNHH Minh Ngọc",
            "Công ty TNHH Sản xuất giày Chung Jye Bắc Kạn - Việt Nam",
        ),
        ("Khu Công nghiệp Thanh Bình", "Cụm công nghiệp Huyền Tụng", "Cụm công nghiệp Quảng Chu"),
        130.0,
    ),
    "Hải Dương": (
        ("Kinh Môn", "Chí Linh", "Nam Sách", "Cẩm Giàng"),
        ("Công ty TNHH Ford Việt Nam", "Công ty cổ phần Thép Hòa Phát Hải Dương"),
        ("Khu công nghiệp Đại An", "Khu công nghiệp Phúc Điền"),
        25_000.0,
    ),
    "Đồng Nai": (
        ("Biên Hòa", "Long Thành", "Nhơn Trạch", "Trảng Bom"),
        ("Công ty TNHH Changshin Việt Nam", "Công ty cổ phần Sonadezi"),
        ("Khu công nghiệp Amata", "Khu công nghiệp Nhơn Trạch 3"),
        60_000.0,
    ),
    "Tuyên Quang": (
        ("Sơn Dương", "Yên Sơn", "Hàm Yên"),
        ("Công ty cổ phần Giấy An Hòa", "Công ty cổ phần Xi măng Tân Quang"),
        ("Khu công nghiệp Long Bình An", "Cụm công nghiệp Sơn Nam"),
        4_000.0,
    ),
}

AGENCIES = ("Cục Thống kê tỉnh", "Sở Công Thương", "Sở Kế hoạch và Đầu tư", "UBND tỉnh")

AUTHORS = (
    "Thu Cúc", "Hương Dịu", "Nhị Hà", "Vũ Pi", "Thảo Nguyên", "Minh Hằng", "Đức Anh",
    "Ngọc Lan", "Trần Hoàng", "Phương Thảo", "Lê Minh", "Hoàng Nam", "Bích Ngọc", "Quang Huy",
)  # fmt: skip

# topic -> (title templates, sapo templates, statistics paragraph templates, tag)
TOPICS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], str]] = {
    "cong-nghiep": (
        (
            "{province}: Giá trị sản xuất công nghiệp {period} ước đạt {value} tỷ đồng",
            "Chỉ số sản xuất công nghiệp {period} của {province} tăng {pct}%",
            "Sản xuất công nghiệp {province} {period} tăng trưởng {pct}%",
        ),
        (
            "Theo báo cáo của {agency}, giá trị sản xuất công nghiệp trên địa bàn tỉnh {province} {period} ước đạt {value} tỷ đồng, tăng {pct}% so với cùng kỳ năm trước.",
            "{period_cap}, chỉ số sản xuất công nghiệp của tỉnh {province} ước tăng {pct}% so với cùng kỳ, đạt {plan_pct}% kế hoạch năm.",
        ),
        (
            "Giá trị sản xuất công nghiệp {period} ước đạt {value} tỷ đồng, tăng {pct}% so với cùng kỳ năm {prev_year}, đạt {plan_pct}% kế hoạch. Trong đó, công nghiệp chế biến, chế tạo tăng {pct2}%; công nghiệp khai khoáng tăng {pct3}%; sản xuất và phân phối điện tăng {pct4}%.",
            "Một số sản phẩm công nghiệp chủ yếu tăng khá so với cùng kỳ như thép cán tăng {pct2}%, điện thương phẩm tăng {pct3}%, quần áo may sẵn tăng {pct4}%.",
            "Riêng tại huyện {district}, giá trị sản xuất công nghiệp địa phương {period} đạt {value2} tỷ đồng, tăng {pct2}% so với cùng kỳ.",
        ),
        "sản xuất công nghiệp",
    ),
    "thuong-mai": (
        (
            "Tổng mức bán lẻ hàng hóa {period} của {province} ước đạt {value} tỷ đồng",
            "{province}: Thương mại, dịch vụ {period} tăng {pct}%",
        ),
        (
            "{period_cap}, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng trên địa bàn tỉnh {province} ước đạt {value} tỷ đồng, tăng {pct}% so với cùng kỳ.",
        ),
        (
            "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng {period} ước đạt {value} tỷ đồng, tăng {pct}% so với cùng kỳ năm {prev_year}, đạt {plan_pct}% kế hoạch năm.",
            "Kim ngạch xuất khẩu {period} ước đạt {usd} triệu USD, tăng {pct2}%; kim ngạch nhập khẩu ước đạt {usd2} triệu USD, tăng {pct3}% so với cùng kỳ.",
            "Chỉ số giá tiêu dùng (CPI) {period} tăng {pct4}% so với tháng trước, chủ yếu do giá xăng dầu và giá lương thực tăng.",
        ),
        "thương mại",
    ),
    "dau-tu": (
        (
            "{province} thu hút {count} dự án đầu tư vào khu, cụm công nghiệp {period}",
            "{province}: Vốn đầu tư thực hiện {period} đạt {value} tỷ đồng",
        ),
        (
            "{period_cap}, tỉnh {province} đã cấp mới và điều chỉnh chủ trương đầu tư cho {count} dự án với tổng vốn đăng ký {value} tỷ đồng, tăng {pct}% so với cùng kỳ.",
        ),
        (
            "Vốn đầu tư thực hiện từ nguồn ngân sách nhà nước {period} ước đạt {value} tỷ đồng, tăng {pct}% so với cùng kỳ, bằng {plan_pct}% kế hoạch.",
            "Tại {park}, tỷ lệ lấp đầy đạt {pct2}%; {count} doanh nghiệp đang hoạt động, giải quyết việc làm cho hàng nghìn lao động.",
            "Tính chung {period}, toàn tỉnh có {count} doanh nghiệp thành lập mới với tổng vốn đăng ký {value2} tỷ đồng.",
        ),
        "thu hút đầu tư",
    ),
}

# Paragraphs that carry no figure: directions, causes, quotes. Same slots as above.
GENERIC_PARAGRAPHS = (
    "Để hoàn thành mục tiêu năm {year}, {agency} đề nghị các ngành, địa phương tập trung tháo gỡ khó khăn, vướng mắc cho doanh nghiệp, đẩy nhanh tiến độ giải phóng mặt bằng các dự án hạ tầng khu, cụm công nghiệp.",
    "Theo đánh giá của {agency}, các doanh nghiệp chủ động được nguồn nguyên liệu, ký kết thêm nhiều đơn hàng mới, đặc biệt là đơn hàng xuất khẩu, nên phải tuyển dụng thêm lao động.",
    "Hoạt động sản xuất tại {company} duy trì ổn định, đóng góp lớn vào giá trị sản xuất công nghiệp của tỉnh.",
    "Tuy nhiên, sản xuất kinh doanh vẫn còn gặp không ít khó khăn do giá nguyên vật liệu đầu vào tăng cao, thị trường tiêu thụ thu hẹp, một số dự án chậm tiến độ.",
    "Thời gian tới, tỉnh tiếp tục đẩy mạnh cải cách hành chính, cải thiện môi trường đầu tư kinh doanh, tăng cường đối thoại với doanh nghiệp để kịp thời tháo gỡ khó khăn.",
    "Lãnh đạo {agency} cho biết, ngành sẽ tiếp tục theo dõi sát tình hình sản xuất của các doanh nghiệp lớn, triển khai hiệu quả các chính sách hỗ trợ của Trung ương và của tỉnh.",
    "Huyện {district} đang tập trung hoàn thiện hạ tầng {park} để sẵn sàng đón các nhà đầu tư thứ cấp.",
)

CAPTIONS = (
    "Hoạt động sản xuất tại {company}",
    "Công nhân làm việc tại {park}",
    "Quang cảnh hội nghị",
    "Sản xuất tại một doanh nghiệp trên địa bàn huyện {district}",
)

# Seed files (by name prefix) -> the province they report on (None: names none, seed 002).
SEED_PROVINCES: dict[str, str | None] = {
    "000": "Thái Nguyên",
    "001": "Bắc Kạn",
    "002": None,
    "003": "Thái Nguyên",
    "004": "Bắc Kạn",
}

ROMAN_QUARTERS = ("I", "II", "III", "IV")
