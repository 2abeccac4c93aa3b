"""Figure vocabulary, as data: magnitudes, units, measure cues, qualifiers, periods, bases.

Same notation as ``vocab.py`` (a space = one or more spaces; VARIANTS spellings accepted).
Order inside each alternation matters where one entry is a prefix of another: longest first.
"""

from __future__ import annotations

# Magnitude words -> multiplier. "nghìn tỷ" before "tỷ" (longest first).
MAGNITUDES: list[tuple[str, float]] = [
    ("nghìn tỷ", 1e12),
    ("triệu tỷ", 1e15),
    ("tỷ", 1e9),
    ("triệu", 1e6),
    ("nghìn", 1e3),
    # table and report abbreviations: "412,6 Tr.USD", "35 tr.đồng", "2,1 Tr. USD"
    ("tr(?=\\.? ?(?:USD|đ))", 1e6),
]

# Unit words -> base unit. Units in COUNT_UNITS describe things that are never one of the
# contract's indicators (projects, households, hectares ...): a figure in them is dropped.
UNITS: list[tuple[str, str]] = [
    ("điểm phần trăm|điểm %", "points"),
    ("%|phần trăm", "percent"),
    ("đồng|VNĐ|VND|đ(?!\\w)", "VND"),
    ("USD|US\\$|đô la Mỹ|đô-la Mỹ|đô la|đôla", "USD"),
    ("kWh", "kWh"),
    ("tấn", "ton"),
    ("m3|m³|mét khối", "m3"),
]
COUNT_UNITS = (
    "lần|hộ|dự án|doanh nghiệp|cơ sở|lao động|người|ha|héc-ta|km|trạm|cụm|CCN|KCN|sản phẩm"
    "|lượt|công trình|xã|huyện|tỉnh|con|chiếc|cái|mặt hàng|hợp tác xã|HTX|giờ|ngày|tháng|năm"
    "|vụ|phương tiện|thôn|bản|gian hàng|phiên|điểm bán|bậc|hạng|điểm(?! phần trăm| ?%)"
)

# An amount per unit of time ("cần đạt bình quân gần 1,8 tỷ USD mỗi tháng"): a required pace,
# not the level of a period.
PER_UNIT_TAIL = "(?:mỗi|một|/) ?(?:tháng|ngày|tuần)(?!\\w)"

# A percentage of communes, villages or districts ("100% số xã đã có điện lưới"): a count of
# places, never one of the indicators' rates.
PLACES_SHARE_TAIL = "(?:số )?(?:xã|phường|thị trấn|thôn|bản|xóm|làng|huyện|tổ dân phố)(?!\\w)"

# Measure cues read from the words just left of a number.
CUES: list[tuple[str, str]] = [
    ("level", "tăng lên|tăng đến|giảm xuống|giảm còn"),  # "tăng lên 40 tỷ": the new level
    ("up", "tăng trưởng|tăng thêm|tăng"),
    ("down", "giảm"),
    ("over", "vượt (?:kế hoạch|KH|chỉ tiêu)(?: đề ra)?|vượt"),
    ("share", "chiếm (?:tỷ trọng|tỷ lệ)|chiếm"),
    ("reach", "đạt được|đạt|bằng|là|với giá trị|với|hoàn thành|ở mức|được"),
]
# Degree adverbs between the verb and the number ("giảm nhẹ 0,7%", "tăng mạnh 21%"): they keep
# the verb's sign and add no hedge.
DEGREE_ADVERBS = "nhẹ|mạnh|sâu|nhanh|khá|đáng kể|ấn tượng|tương ứng|lần lượt"
QUALIFIERS: list[tuple[str, str]] = [
    ("about", "khoảng|xấp xỉ|chừng|ước khoảng"),
    ("over", "trên|hơn"),
    ("under", "gần|dưới|chưa đến|chưa tới"),
    ("", "tới|đến|chỉ|mới chỉ|mới|thêm"),  # words that add nothing
]

# A percentage followed by one of these is progress against the plan.
PLAN_TAIL = "(?:so (?:với )?)?(?:kế hoạch|KH|chỉ tiêu|dự toán|kịch bản(?: tăng trưởng)?)(?: (?:cả )?năm(?: \\d{4})?| đề ra| năm \\d{4}| được giao)?"
# "so với ..." after a figure: the comparison base, classified by periods.classify_basis.
BASIS_TAIL = "(?:so (?:với )?|(?=cùng kỳ))(?:.*?)(?=\\s*(?:[,;.()\\n]|\\s(?:và|trong đó|đạt|tăng|giảm|vượt|chiếm)\\s|$))"
# A comparative with its base before the number ("cao hơn tháng trước khoảng 3,1%", "thấp hơn
# cùng kỳ 2,4%"): the verb gives the sign, the base the basis (periods.classify_basis).
COMPARATIVE_UP = "cao hơn|nhiều hơn|lớn hơn"
COMPARATIVE_DOWN = "thấp hơn|ít hơn|nhỏ hơn"
COMPARATIVE_BASE = (
    "(?:so (?:với )?)?(?:cùng kỳ(?: năm (?:trước|ngoái|\\d{4}))?|(?:tháng|quý|kỳ|năm) (?:trước|liền kề)"
    "|tháng \\d{1,2}(?: ?/ ?\\d{4})?|quý (?:IV|I{1,3}|[1-4])(?: ?/ ?\\d{4})?|năm \\d{4})"
)
# The whole a bare percentage is taken of, right after it ("xấp xỉ 89,1% giá trị sản xuất toàn
# ngành", "84,8% tổng kim ngạch"): the figure is a share even with no "chiếm".
SHARE_TAIL = "\\(? ?(?:của |trong )?(?:tổng )?(?:giá trị sản xuất|GTSX|kim ngạch|mức bán lẻ)"
# Basis words that settle the basis without reading a period.
BASIS_WORDS: list[tuple[str, str]] = [
    ("yoy", "cùng kỳ|năm trước|năm ngoái"),
    ("prev_period", "tháng trước|quý trước|kỳ trước|tháng liền kề|quý liền kề"),
]

# Period phrases, one named pattern per shape (parsed by periods.resolve_period).
# Spelled-out month counts ("Sáu tháng đầu năm"), longest first; periods.MONTH_WORDS reads them.
_COUNTS = "mười một|mười hai|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười"
_Y = "(?: ?[/-] ?| năm | )(?P<y>\\d{4})"
# "trong gần một tháng", "hơn 2 tháng", "mất 3 tháng": a length of time, not months from January.
# (Lookbehinds need a fixed width: "\\x20" is one space where " " would be any spaces.)
_NOT_A_DURATION = (
    "(?<!gần\\x20)(?<!hơn\\x20)(?<!khoảng\\x20)(?<!suốt\\x20)(?<!mất\\x20)(?<!vòng\\x20)"
    "(?<!sau\\x20)(?<!trong\\x20gần\\x20)"
)
PERIODS: list[tuple[str, str]] = [
    (
        "span",
        "(?:giai đoạn|thời kỳ|nhiệm kỳ) (?:từ )?(?:năm )?(?P<y1>\\d{4}) ?(?:[-–—]|đến) ?(?:năm )?(?P<y2>\\d{4})",
    ),
    # "trong 5 năm 2016-2020", "(2021 - 2025)", "2021–2030": a span of years without its noun.
    (
        "span_bare",
        "(?:(?:trong )?(?:\\d{1,2}|năm|mười) năm )?\\(?(?P<y1>\\d{4}) ?[-–—] ?(?P<y2>\\d{4})\\)?",
    ),
    # "lũy kế đến hết tháng 11", "tính đến tháng 9/2024", "từ đầu năm đến hết tháng 10":
    # the months from January to that month.
    (
        "to_month",
        f"(?:(?:lũy kế|cộng dồn|tính chung|tính)(?: từ đầu năm)? (?:đến|tới)(?: hết| cuối)?"
        f"|từ đầu năm (?:đến|tới)(?: hết| cuối)?|(?:đến|tới) hết) tháng (?P<m>\\d{{1,2}})(?:{_Y})?",
    ),
    # "lũy kế từ đầu năm", "từ đầu năm đến nay": January to the month in force.
    ("ytd", "(?:(?:lũy kế|cộng dồn|tính chung|tính) )?từ đầu năm(?: (?:đến|tới) nay)?"),
    (
        "months",
        f"{_NOT_A_DURATION}(?:(?:lũy kế|cộng dồn|tính chung) )?(?P<n>\\d{{1,2}}|{_COUNTS}) tháng"
        f"(?: (?P<pos>đầu|cuối))?(?: năm)?(?:{_Y})?",
    ),
    ("month", f"tháng (?P<m>\\d{{1,2}})(?:{_Y})?"),
    # "mức tăng 7,9% của cùng kỳ năm 2016": the months under review, in that year.
    ("same_period", "cùng kỳ(?: năm)? (?P<y>\\d{4})"),
    ("quarter", f"quý (?P<q>IV|I{{1,3}}|[1-4])(?:{_Y})?"),
    ("horizon", "(?:đến|tới|vào) (?:cuối )?năm (?P<y>\\d{4})"),
    ("year", "(?:cả |trong )?năm (?P<y>\\d{4})"),
    ("last_year", "(?:trong )?năm (?:vừa )?qua"),
    ("this_year", "năm nay"),
    # "đã lên 97% hiện nay": the review in force, else the article's year (periods.py).
    ("now", "hiện nay|hiện tại|đến nay"),
    ("context_year", "cả năm|trong năm(?! (?:vừa )?qua)"),
    # "hoàn thành kế hoạch năm là 835,6 nghìn tỷ": the plan for the whole year (also a target).
    ("plan_year", "(?:kế hoạch|chỉ tiêu|kịch bản|mục tiêu)(?: tăng trưởng)?(?: cả)? năm(?! ?\\d)"),
    ("remaining", "(?:các|những) tháng (?:tiếp theo|còn lại|cuối năm)|từ nay đến cuối năm"),
]
