"""Places a figure can be about, as data: the words that name an area other than the province an
article reports on (the contract's fact-level ``area``).

Regular-expression sources, matched case-sensitively unless wrapped in ``(?i:...)``: a place's own
name is capitalised ("huyện Định Hóa", "xã Tân Cương", "KCN Yên Bình"); the prefix that says what
kind of place it is may open a sentence ("Huyện Phú Bình ..."). Province names come from
``pipelines.vocab.provinces``; this module holds the kinds of place and the phrases around them.
"""

from __future__ import annotations

# Administrative units below a province, each followed by a capitalised name. The key is the
# canonical prefix written in ``area`` ("TP. Sông Công" -> "thành phố Sông Công").
UNIT_PREFIXES: list[tuple[str, str]] = [
    ("thành phố", r"(?i:thành phố)|TP\.?|Tp\.?"),
    ("thị xã", r"(?i:thị xã)|TX\.?"),
    ("thị trấn", r"(?i:thị trấn)|TT\."),
    ("huyện", r"(?i:huyện)"),
    ("quận", r"(?i:quận)"),
    ("phường", r"(?i:phường)"),
    ("xã", r"(?i:xã)"),
]
# Industrial zones, each followed by a capitalised name (or a numbered one: "KCN Sông Công II").
PARK_PREFIXES: list[tuple[str, str]] = [
    ("khu công nghiệp", r"(?i:khu công nghiệp)|KCN"),
    ("cụm công nghiệp", r"(?i:cụm công nghiệp)|CCN"),
    ("khu kinh tế", r"(?i:khu kinh tế)|KKT"),
    ("khu chế xuất", r"(?i:khu chế xuất)|KCX"),
]
# The industrial zones of a province taken together ("các KCN trên địa bàn tỉnh"): a part of it.
PARKS_TOGETHER = r"(?i:(?:các|\d{1,3}) (?:khu|cụm) công nghiệp)|(?:các|\d{1,3}) (?:KCN|CCN)"
# Words that may follow a park prefix as its name although they are not capitalised names
# ("KCN số 2"): a numbered zone.
PARK_NUMBER = r"(?:số )?(?:\d{1,2}|[IVX]{1,4})(?!\w)"

# The whole country, and regions of several provinces: every figure after them is about them.
NATION = (
    r"(?i:cả nước|toàn quốc|nước ta|phạm vi cả nước|trên toàn quốc|bình quân chung cả nước)"
    r"|(?i:của|toàn|cả) Việt Nam|Việt Nam (?=(?:ước|đạt|tăng|giảm|xuất|nhập))"
)
REGIONS = (
    r"(?i:vùng) (?:[Tt]rung du (?:và )?miền núi (?:phía )?[Bb]ắc|[Đđ]ồng bằng sông (?:Hồng|Cửu Long)"
    r"|Đông Nam Bộ|Tây Nguyên|Bắc Trung Bộ(?: và [Dd]uyên hải miền Trung)?|[Dd]uyên hải [Nn]am Trung Bộ)"
    r"|(?i:các tỉnh) (?:[Tt]rung du (?:và )?miền núi (?:phía )?[Bb]ắc|[Đđ]ồng bằng sông Hồng|"
    r"miền núi phía Bắc)"
)
# The province the article reports on, named without its name: figures after these are its own.
# HOME_WHOLE is all of it ("toàn tỉnh"); HOME_REF refers back to "the province", which after a
# paragraph has named another one ("Trong khi đó, công nghiệp của Bắc Ninh ... IIP của tỉnh") is
# that one.
HOME_WHOLE = (
    r"(?i:toàn tỉnh|cả tỉnh|trên địa bàn toàn tỉnh|tỉnh ta|tỉnh nhà|toàn thành phố)(?! \w*[A-ZĐ])"
)
HOME_REF = (
    r"(?i:của tỉnh|trên địa bàn tỉnh|địa bàn tỉnh|của thành phố|trên địa bàn thành phố)"
    r"(?! \w*[A-ZĐ])"
)
# Prefixes written before a province's name ("tỉnh Bắc Giang", "TP. Hà Nội"); dropped from ``area``.
PROVINCE_PREFIX = r"(?:(?i:tỉnh)|(?i:thành phố)|TP\.?|Tp\.?) ?"
# Centrally-run cities: "thành phố Hà Nội" is the province-level city, not a city inside a province.
CENTRAL_CITIES = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế")

# Before a place, the words that make it the topic of what follows ("Tại huyện Phú Bình, ...",
# "Riêng KCN Yên Bình, ...", "tiếp theo là Bắc Giang (20%)"); with nothing else between the
# clause start and the place, the place is the clause's subject.
TOPIC_LEAD = (
    r"(?:(?:tại|ở|riêng|đối với|còn|trong khi đó|trong khi|tiếp theo là|tiếp đến là|tiếp đến"
    r"|tiếp theo|sau đó là|đứng đầu là|dẫn đầu là|đứng sau là|kế đến là|theo sau là|là|và|với"
    r"|trong đó|cụ thể|như|gồm|trong số đó|cao nhất là|thấp nhất là|các|trên địa bàn|địa bàn"
    r"|doanh nghiệp|doanh nghiệp trong|doanh nghiệp tại|doanh nghiệp ở|của|khu vực|nhóm|vùng"
    r"|thuộc|các xã|các phường|các huyện|các xã, phường|các địa phương|cơ sở|nhà máy)\s+)*"
)
# A place named again by a demonstrative ("Kim ngạch xuất khẩu của khu vực này ..."): the last
# area named before it.
ANAPHOR = (
    r"(?i:(?:khu vực|địa bàn|địa phương|các xã|huyện|thành phố|tỉnh|vùng) (?:này|đó|nói trên))"
)
# Between a subject phrase and a place that narrows it ("giá trị sản xuất công nghiệp của huyện
# Phú Bình", "IIP cả nước", "kim ngạch xuất khẩu trên địa bàn TP. Phổ Yên").
SUBJECT_LINK = r"(?:(?:của|tại|ở|trên địa bàn|thuộc|trong|toàn|chung)\s+)*"
# A rank ("đứng thứ 3 cả nước", "dẫn đầu cả nước với ...", "cao nhất vùng"): the place after it is
# what the province is ranked in, never the area of the figure that follows.
RANK_BEFORE = (
    r"(?i:(?:thứ\s+\d+(?:/\d+)?|dẫn đầu|đứng đầu|nhất|tốp(?:\s+\d+)?|top(?:\s+\d+)?)\s*"
    r"(?:(?:trong|của|trên|so với|toàn|các tỉnh)\s+)*)$"
)
# A place where goods go or come from ("xuất khẩu sang Hàn Quốc", "nhập từ Trung Quốc") is a
# market, never the place the figure is about.
MARKET_BEFORE = r"(?i:sang|từ|qua|tới|vào thị trường|thị trường)\s+$"
# Right after a figure, the place it is about ("mức tăng 8,65% ước tính của cả nước"): the
# words that may stand between.
AFTER_FIGURE = r"\s*(?:(?:ước tính|ước|bình quân|chung)\s+)?(?:của|ở|tại)\s+$"
