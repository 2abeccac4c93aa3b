"""Vietnam's provinces before and after the 2025 reform (63 -> 34), as data.

Source: Nghị quyết 202/2025/QH15 (in force 1 July 2025). ``MERGED_INTO`` maps every pre-2025
province that disappeared to the province it became part of; the 11 unchanged ones map to
themselves implicitly. Names are NFC with the modern tone placement ("Hòa", "Hóa"); spelling
variants found in articles are listed in ``VARIANTS``.
"""

from __future__ import annotations

# The 63 provinces and centrally-run cities before 1 July 2025 (canonical names).
PROVINCES_2024: tuple[str, ...] = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre",
    "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ",
    "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang",
    "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hồ Chí Minh",
    "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lạng Sơn", "Lào Cai",
    "Lâm Đồng", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên",
    "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La",
    "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang",
    "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)  # fmt: skip

# Pre-2025 province -> the post-2025 province that absorbed it (Nghị quyết 202/2025/QH15).
MERGED_INTO: dict[str, str] = {
    "Hà Giang": "Tuyên Quang",
    "Yên Bái": "Lào Cai",
    "Bắc Kạn": "Thái Nguyên",
    "Vĩnh Phúc": "Phú Thọ",
    "Hòa Bình": "Phú Thọ",
    "Bắc Giang": "Bắc Ninh",
    "Thái Bình": "Hưng Yên",
    "Hải Dương": "Hải Phòng",
    "Hà Nam": "Ninh Bình",
    "Nam Định": "Ninh Bình",
    "Quảng Bình": "Quảng Trị",
    "Quảng Nam": "Đà Nẵng",
    "Kon Tum": "Quảng Ngãi",
    "Bình Định": "Gia Lai",
    "Ninh Thuận": "Khánh Hòa",
    "Đắk Nông": "Lâm Đồng",
    "Bình Thuận": "Lâm Đồng",
    "Phú Yên": "Đắk Lắk",
    "Bình Dương": "Hồ Chí Minh",
    "Bà Rịa - Vũng Tàu": "Hồ Chí Minh",
    "Bình Phước": "Đồng Nai",
    "Long An": "Tây Ninh",
    "Sóc Trăng": "Cần Thơ",
    "Hậu Giang": "Cần Thơ",
    "Bến Tre": "Vĩnh Long",
    "Trà Vinh": "Vĩnh Long",
    "Tiền Giang": "Đồng Tháp",
    "Bạc Liêu": "Cà Mau",
    "Kiên Giang": "An Giang",
    # Renamed rather than merged: Huế became a centrally-run city on 1 January 2025.
    "Thừa Thiên Huế": "Huế",
}

# From this day (ISO date) a province in MERGED_INTO no longer exists: an article published on or
# after it that names one ("các xã thuộc tỉnh Bắc Kạn cũ") speaks of a former area of the province
# that absorbed it. Huế's renaming came earlier.
MERGER_DATE = "2025-07-01"
CHANGE_DATES: dict[str, str] = {"Thừa Thiên Huế": "2025-01-01"}

# The 34 provinces and cities from 1 July 2025.
PROVINCES_2025: tuple[str, ...] = tuple(
    sorted({MERGED_INTO.get(name, name) for name in PROVINCES_2024})
)

# Spellings met in articles -> canonical name. Tone-placement variants ("Hoà"/"Hòa") are generated
# in pipelines.provinces, not listed here.
VARIANTS: dict[str, str] = {
    "Bắc Cạn": "Bắc Kạn",
    "Bà Rịa – Vũng Tàu": "Bà Rịa - Vũng Tàu",
    "Bà Rịa-Vũng Tàu": "Bà Rịa - Vũng Tàu",
    "Bà Rịa — Vũng Tàu": "Bà Rịa - Vũng Tàu",
    "BR-VT": "Bà Rịa - Vũng Tàu",
    "Thừa Thiên - Huế": "Thừa Thiên Huế",
    "Thừa Thiên – Huế": "Thừa Thiên Huế",
    "TP.HCM": "Hồ Chí Minh",
    "TP. HCM": "Hồ Chí Minh",
    "TPHCM": "Hồ Chí Minh",
    "Sài Gòn": "Hồ Chí Minh",
    "Đăk Lăk": "Đắk Lắk",
    "Đắc Lắc": "Đắk Lắk",
    "Đắk Lăk": "Đắk Lắk",
    "Đăk Nông": "Đắk Nông",
    "Đắc Nông": "Đắk Nông",
    "Kontum": "Kon Tum",
}

# Cities and districts that stand for their province when the province itself is not named
# ("3 TP: Thái Nguyên, Sông Công, Phổ Yên"). They weigh less than the province name (see
# pipelines.provinces.PLACE_WEIGHT): "Chợ Mới" is also a district of An Giang.
PLACES: dict[str, str] = {
    # Thái Nguyên
    "Sông Công": "Thái Nguyên",
    "Phổ Yên": "Thái Nguyên",
    "Đại Từ": "Thái Nguyên",
    "Định Hóa": "Thái Nguyên",
    "Phú Lương": "Thái Nguyên",
    "Võ Nhai": "Thái Nguyên",
    "Đồng Hỷ": "Thái Nguyên",
    "Phú Bình": "Thái Nguyên",
    "Điềm Thụy": "Thái Nguyên",
    # Bắc Kạn
    "Chợ Mới": "Bắc Kạn",
    "Chợ Đồn": "Bắc Kạn",
    "Ba Bể": "Bắc Kạn",
    "Bạch Thông": "Bắc Kạn",
    "Na Rì": "Bắc Kạn",
    "Ngân Sơn": "Bắc Kạn",
    "Pác Nặm": "Bắc Kạn",
    # Other large cities
    "Hạ Long": "Quảng Ninh",
    "Việt Trì": "Phú Thọ",
    "Biên Hòa": "Đồng Nai",
    "Thủ Dầu Một": "Bình Dương",
    "Vũng Tàu": "Bà Rịa - Vũng Tàu",
    "Nha Trang": "Khánh Hòa",
    "Đà Lạt": "Lâm Đồng",
    "Buôn Ma Thuột": "Đắk Lắk",
    "Quy Nhơn": "Bình Định",
    "Pleiku": "Gia Lai",
    "Phan Thiết": "Bình Thuận",
}

# Phrases of a national article (about the whole country or many provinces at once). In the title
# or the lead, with no province named there, they make the article national: province None.
# Regular expressions, case insensitive.
NATIONAL_PHRASES: tuple[str, ...] = (
    r"cả nước",
    r"toàn quốc",
    r"trên phạm vi cả nước",
    r"(các|nhiều|hầu hết|\d{2}(/\d{2})?) (địa phương|tỉnh,? thành( phố)?|tỉnh và thành phố)"
    # "các địa phương trong tỉnh" are the province's own districts and communes.
    r"(?!\s+(trong|trên địa bàn|thuộc|của)\s+tỉnh)",
)
# In a title, a group of provinces ("Các tỉnh phía Bắc vượt khó"): a round-up. (In a lead the
# same words are mostly a comparison: "cao hơn bình quân của các tỉnh vùng Trung du".)
ROUND_UP_TITLE_PHRASES: tuple[str, ...] = (
    r"(các|nhiều|hầu hết) tỉnh (phía|miền|vùng|khu vực|trung du|đồng bằng|biên giới|duyên hải)",
)

# Words before a national phrase that make it a comparison, not the subject ("chiếm 9,8% kim
# ngạch xuất khẩu cả nước", "so với cả nước", "đứng thứ 3 cả nước", "cao hơn mức chung").
COMPARISON_BEFORE = (
    r"chiếm|so với|thứ\s+\d+|cao hơn|thấp hơn|dẫn đầu|đứng đầu|tốp|top|nhất|mức (tăng )?chung"
    r"|bình quân chung|góp phần"
)
