"""The indicator vocabulary, as data: phrases and the keys they map to.

Patterns use a small notation compiled by ``lexicon.py``: a space means "one or more spaces",
and the syllables in ``VARIANTS`` accept their common alternative spellings (hóa/hoá, tỷ/tỉ ...).
Add phrasings here, not in code; re-run the seed and corpus tests after any change, because a
broad phrase silently moves figures from one indicator to another.
"""

from __future__ import annotations

# Alternative spellings accepted everywhere (old/new tone placement, i/y, a common typo:
# "tăng trường" for "tăng trưởng" appears in real provincial articles, e.g. seed 001).
VARIANTS: dict[str, str] = {
    "hóa": "(?:hóa|hoá)",
    "hòa": "(?:hòa|hoà)",
    "thủy": "(?:thủy|thuỷ)",
    "lũy": "(?:lũy|luỹ)",
    "tỷ": "(?:tỷ|tỉ)",
    "kỳ": "(?:kỳ|kì)",
    "quý": "(?:quý|quí)",
    "trưởng": "(?:trưởng|trường)",
    "nghìn": "(?:nghìn|ngàn)",
}

_CN = "(?:công nghiệp|CN)"
_OWNERS = "(?:do )?(?:địa phương|trung ương)"
_NOT_OWNER = f"(?! {_OWNERS})"
_SECTOR_START = "(?:khai khoáng|khai thác|chế biến|sản xuất,? (?:và )?phân phối điện|cung cấp nước)"
_SECTOR_CORES = (
    f"khai khoáng|khai thác|chế biến|sản xuất,? (?:và )?phân phối điện|cung cấp nước|{_OWNERS}"
)
_BRANCH = "(?:(?:toàn )?ngành |khu vực |lĩnh vực )?"
_TRADE_LEAD = "(?:về|đối với|riêng|lĩnh vực|hoạt động)"
_EXPORT = "(?:xuất khẩu|XK)"
_IMPORT = "(?:nhập khẩu|NK)"
_NOT_SERVICES = "(?!,? (?:và )?(?:doanh thu )?dịch vụ)"
# A bare "xuất khẩu" names the export value when its verb follows, maybe after its period
# ("Nhập khẩu 11 tháng ước đạt ..."), or when an amount in dollars follows in the clause
# ("địa phương xuất khẩu lớn thứ 2 cả nước với 78,3 tỷ USD"); "hàng xuất khẩu" does not.
_PERIOD_WORDS = "(?:\\d{1,2} tháng|tháng \\d{1,2}|quý [IV\\d]+|năm \\d{4}|cả năm)(?:[ /]\\d{4})?"
_FLOW_NEXT = (
    f"(?:(?= (?:hàng hóa )?(?:{_PERIOD_WORDS} )?(?:của tỉnh )?(?:ước|đạt|tăng|giảm|là|dự kiến))"
    "|(?=[^.;:\\n]{0,48}?\\d[\\d.,]* (?:tỷ |triệu |nghìn )?(?:USD|đô la)))"
)
_LEAD_END = "(?= ?[,:]|[^.;,:\\n]{0,60}:)"

# Indicator phrases -> contract keys. "industry" is the bare industry subject ("ngành công
# nghiệp"): it becomes a key only from context (growth words, GRDP shares), see attach.py.
INDICATORS: list[tuple[str, str]] = [
    (
        "industrial_output_value",
        rf"(?:tổng )?giá trị sản xuất {_BRANCH}{_CN}(?: ?[-–] ?(?:tiểu thủ công nghiệp|TTCN))?{_NOT_OWNER}(?! {_SECTOR_START})",
    ),
    # "giá trị sản xuất ngành khai khoáng", "... công nghiệp địa phương": the sector follows.
    (
        "industrial_output_value",
        rf"(?:tổng )?giá trị sản xuất(?= {_BRANCH}(?:công nghiệp )?(?:{_SECTOR_CORES}))",
    ),
    # Abbreviations of reports and tables: GTSX (giá trị sản xuất), SXCN (sản xuất công nghiệp).
    (
        "industrial_output_value",
        rf"(?:tổng )?(?:GTSX ?{_BRANCH}{_CN}(?: ?[-–] ?TTCN)?|GTSXCN|giá trị SXCN|giá trị SX {_CN})",
    ),
    (
        "industrial_production_index",
        rf"chỉ số (?:sản xuất|SX) {_BRANCH}{_CN}(?: toàn ngành)?(?: \(IIP\))?|chỉ số IIP|IIP"
        rf"|chỉ số SXCN|chỉ số (?:{_CN}|phát triển {_CN}) toàn ngành|chỉ số toàn ngành {_CN}"
        rf"|chỉ số phát triển (?:sản xuất )?{_CN}",
    ),
    ("industry_growth", rf"tốc độ tăng trưởng (?:kinh tế )?(?:của )?{_BRANCH}công nghiệp"),
    ("industry_growth", rf"tăng trưởng (?:của )?{_BRANCH}công nghiệp"),
    (
        "industry_value_added",
        rf"giá trị (?:tăng thêm|gia tăng)(?: \(VA\))?(?: (?:của )?{_BRANCH}công nghiệp(?! {_SECTOR_START}))?",
    ),
    (
        "retail_sales",
        "tổng mức (?:bán lẻ|lưu chuyển) hàng hóa(?: bán lẻ)?(?:,? (?:và )?(?:doanh thu )?dịch vụ"
        "(?: tiêu dùng)?)?|tổng mức bán lẻ|tổng mức lưu chuyển hàng hóa",
    ),
    # Goods alone are a part of retail sales, not the total (contract): sector "goods".
    (
        "retail_goods",
        f"doanh thu bán lẻ hàng hóa{_NOT_SERVICES}|bán lẻ hàng hóa{_NOT_SERVICES}(?= (?:ước|đạt|tăng|giảm))",
    ),
    (
        "export_value",
        f"(?:tổng )?(?:kim ngạch|giá trị|trị giá) (?:hàng hóa )?{_EXPORT}(?: hàng hóa)?|KNXK",
    ),
    (
        "retail_sales",
        "(?:doanh thu )?bán lẻ(?: hàng hóa,? (?:và )?(?:doanh thu )?dịch vụ(?: tiêu dùng)?)?(?= (?:ước|đạt|tăng|giảm))",
    ),
    ("export_value", f"{_EXPORT}{_FLOW_NEXT}"),
    (
        "import_value",
        f"(?:tổng )?(?:kim ngạch|giá trị|trị giá) (?:hàng hóa )?{_IMPORT}(?: hàng hóa)?|KNNK",
    ),
    ("import_value", f"{_IMPORT}{_FLOW_NEXT}"),
    (
        "household_electricity_rate",
        "tỷ lệ (?:số )?hộ (?:dân )?(?:gia đình )?(?:được )?(?:sử dụng|dùng|có) điện"
        "(?: lưới(?: điện)?(?: quốc gia)?)?",
    ),
    # A lead-in naming the trade flow ("Về xuất khẩu, kim ngạch ...", "Đối với nhập khẩu, ..."):
    # the figures after it, and a bare "kim ngạch" among them, are that flow's.
    # "Hoạt động xuất khẩu của tỉnh tiếp tục tăng trưởng: kim ngạch ...": the colon may come later.
    ("export_value", f"{_TRADE_LEAD} xuất khẩu(?: hàng hóa)?{_LEAD_END}"),
    ("import_value", f"{_TRADE_LEAD} nhập khẩu(?: hàng hóa)?{_LEAD_END}"),
    # Bare "kim ngạch": the export or import value only when that flow is already in force
    # (apply.py); otherwise it names no subject.
    ("trade_bare", "(?:tổng )?kim ngạch(?! (?:hàng hóa )?(?:xuất|nhập))"),
    # "96,8% số hộ được sử dụng điện lưới quốc gia": the rate when a percentage comes right
    # before it (attach.py); a count of households otherwise, like the "số hộ" subject below.
    (
        "household_after",
        "(?:số )?hộ (?:dân )?(?:gia đình )?(?:được )?(?:sử dụng|dùng|có) điện"
        "(?: lưới(?: điện)?(?: quốc gia)?)?",
    ),
    # "nâng tỷ lệ này lên 99,5%": the rate named just before (apply.py), else any other rate.
    ("rate_anaphor", "tỷ lệ (?:này|trên|đó)"),
    ("industry", "(?:ngành|lĩnh vực|khu vực) công nghiệp(?! ?(?:[-–]|và) ?(?:xây dựng|tiểu thủ))"),
    # Bare "giá trị sản xuất": the output value only inside an industrial breakdown or after
    # the total (attach.py); last, so that the sector-led entry above wins at equal length.
    ("output_bare", "(?:tổng )?giá trị sản xuất(?! (?:kinh doanh|và kinh doanh))"),
]

# Subjects that are NOT one of the keys: figures after them are dropped. They must out-match
# the key phrases they contain (longest match wins), e.g. "kim ngạch xuất nhập khẩu".
OTHER_SUBJECTS: list[str] = [
    "(?:khu vực |ngành )?công nghiệp ?(?:[-–,]|và) ?(?:xây dựng|tiểu thủ công nghiệp|TTCN)",
    "(?:tổng )?kim ngạch xuất,? nhập khẩu|xuất,? nhập khẩu",
    "(?:khu vực |ngành )?nông,? lâm nghiệp(?:,? và thủy sản)?|(?:ngành |khu vực )?nông nghiệp",
    "(?:khu vực |ngành )?dịch vụ(?! tiêu dùng)|thuế sản phẩm|(?:ngành|khu vực|lĩnh vực) xây dựng",
    "tăng trưởng kinh tế(?! khu vực công nghiệp)",
    "số hộ(?: dân)?(?: được)? sử dụng điện|tỷ lệ hộ (?:dân )?(?:được )?sử dụng điện (?:thường xuyên|an toàn|nông thôn)",
    "(?:thu hút |tổng )?vốn đầu tư(?: nước ngoài)?|vốn FDI|chỉ số giá tiêu dùng|CPI",
    "sản lượng|doanh thu|lợi nhuận|giá trị sản xuất (?:nông|lâm|thủy)",
    # A product list ("Một số sản phẩm chủ yếu tăng khá như: xi măng tăng 6,4% ...") reports
    # tonnages and their changes, never the total's: its figures must not fall to the IIP.
    # (No "một số" prefix: every extra first letter slows this regex, bench_indicators.py.)
    "(?:sản phẩm|mặt hàng)(?: công nghiệp)?(?: chủ yếu| chủ lực)?",
    # Budget amounts in trade paragraphs ("thu nộp ngân sách trên 6,8 tỷ đồng").
    "ngân sách(?: nhà nước)?",
    "cán cân thương mại|xuất siêu|nhập siêu",
    "chỉ số (?:tiêu thụ|tồn kho|sử dụng lao động|giá)",
    # Any other rate ("tỷ lệ hộ dân sử dụng nước sạch"); "chiếm tỷ lệ X%" is a share cue.
    "(?<!chiếm\\x20)tỷ lệ",
]

# Sector phrases -> keys. Bare cores ("chế biến, chế tạo") so that they also match after an
# indicator phrase that already consumed "công nghiệp".
_SECTOR_HEAD = "(?:(?:ngành |lĩnh vực |khu vực )?(?:công nghiệp )?)"
# (a lookbehind must have a fixed width: "\\x20" is one space, where " " would be any spaces)
_AFTER_OUTPUT = "(?:(?<=sản\\x20xuất\\x20)|(?<=GTSX\\x20))"
SECTORS: list[tuple[str, str]] = [
    ("mining", f"{_SECTOR_HEAD}(?:khai khoáng|khai thác(?: mỏ| khoáng sản)?)"),
    ("manufacturing", f"{_SECTOR_HEAD}chế biến(?:,? chế tạo)?"),
    (
        "electricity",
        f"{_SECTOR_HEAD}sản xuất,? (?:và )?phân phối điện(?:,? (?:và )?khí đốt)?"
        "(?:,? (?:và )?nước nóng)?(?:,? (?:và )?hơi nước)?(?:,? (?:và )?điều hòa không khí)?",
    ),
    (
        "water_waste",
        f"{_SECTOR_HEAD}(?:cung cấp nước(?: sạch)?(?:,? (?:hoạt động )?(?:quản lý(?: và)? )?"
        "(?:xử lý )?rác thải(?:,? nước thải)?)?|(?:hoạt động )?quản lý và xử lý rác thải(?:,? nước thải)?)",
    ),
    (
        "fdi",
        "(?:khu vực |công nghiệp |doanh nghiệp )?(?:kinh tế )?có vốn đầu tư nước ngoài|(?:khu vực |doanh nghiệp )?FDI",
    ),
    ("electricity", "(?:ngành|lĩnh vực) (?:sản xuất )?điện(?! tử| thoại| máy| gia dụng)"),
    # Product branches: kept as a breakdown of their own (not scored), so that their figures
    # never fall to the total or to the sector before them.
    (
        "other_branch",
        "(?:ngành|nhóm ngành|lĩnh vực) (?:sản xuất )?(?:điện tử|dệt may|may mặc|da giày|cơ khí"
        "|hóa chất|luyện kim|thực phẩm|đồ uống|vật liệu xây dựng|chế biến gỗ|gỗ)",
    ),
    # "khu vực công nghiệp trung ương": longer than the bare "khu vực công nghiệp" subject.
    ("local", "(?:khu vực |khối )?công nghiệp (?:do )?địa phương(?: quản lý)?"),
    ("central", "(?:khu vực |khối )?công nghiệp (?:do )?trung ương(?: quản lý)?"),
    # "giá trị sản xuất trung ương / địa phương": the owner right after the output phrase.
    ("local", f"{_AFTER_OUTPUT}(?:khu vực |khối )?(?:do )?địa phương(?: quản lý)?"),
    ("central", f"{_AFTER_OUTPUT}(?:khu vực |khối )?(?:do )?trung ương(?: quản lý)?"),
    ("local", "(?:khu vực|khối|kinh tế) (?:do )?địa phương quản lý"),
    ("central", "(?:khu vực|khối|kinh tế) (?:do )?trung ương quản lý"),
    # The next item of an owner list ("giá trị sản xuất trung ương đạt ...; địa phương ước đạt
    # ..."): an owner only while the list is one of owners (apply.py).
    ("owner_local", "(?:(?<=;\\x20)|(?<=,\\x20)|(?<=và\\x20))(?:khu vực |khối )?địa phương"),
    ("owner_central", "(?:(?<=;\\x20)|(?<=,\\x20)|(?<=và\\x20))(?:khu vực |khối )?trung ương"),
    ("non_state", "(?:khu vực )?(?:kinh tế )?ngoài (?:nhà nước|quốc doanh)"),
    ("state", "khu vực (?:kinh tế )?nhà nước|doanh nghiệp nhà nước"),
    ("domestic", "khu vực (?:kinh tế )?trong nước|doanh nghiệp trong nước"),
]

# Status words. "target" is a frame: once stated in a sentence a later "đạt" does not undo it
# ("phấn đấu ... đạt X; trong đó ... đạt Y" are both targets, seed 000).
STATUS: list[tuple[str, str]] = [
    # ("sơ bộ", preliminary, is an official first release, not one of the contract's estimates)
    ("estimate", "ước(?: tính| đạt| thực hiện| khoảng)?|dự ước|dự tính"),
    (
        "target",
        "phấn đấu|mục tiêu|kế hoạch|quy hoạch|dự kiến|chỉ tiêu|phải đạt|cần đạt|sẽ đạt|định hướng"
        "|đề ra|hướng tới|kịch bản",
    ),
    ("actual", "(?:đã )?đạt(?: được)?|(?:đã )?thực hiện"),
]

# Phrases that look like cues but are names: consumed with no effect.
NEUTRAL: list[str] = [
    "(?:Sở|Bộ) Kế hoạch (?:và|&) Đầu tư|Kế hoạch (?:và|&) Đầu tư",
    "Cục Thống kê|Tổng cục Thống kê|kết quả thực hiện",
    # The price base of a value ("(theo giá so sánh 2010)"): not a comparison, not a period.
    "(?:theo )?giá (?:so sánh|SS|cố định|hiện hành)(?: (?:năm )?\\d{4})?",
]

# A paragraph opening with these continues the previous one: it keeps its indicator, sector,
# status and basis ("Trong đó, công nghiệp có vốn đầu tư nước ngoài ...", seed 000).
CONTINUATION = "trong đó|chia theo|cụ thể|riêng|trong khi đó|theo đó|tính riêng|xét theo|phân theo"
# Of those, the ones opening a new breakdown of the total (by industry, by owner): its items have
# the total's status, not the status of the previous list's last item.
BREAKDOWN = "chia theo|xét theo|phân theo"
# "So với kế hoạch năm, giá trị ... mới đạt 70,3%": a comparison with the plan stated first.
PLAN_BASIS = "so (?:với )?(?:kế hoạch|KH|chỉ tiêu)(?: (?:cả )?năm(?: \\d{4})?| đề ra| được giao)?"
# "So với cùng kỳ, ngành khai khoáng tăng 2,1%": the base stated before the figures it governs.
LEAD_BASIS = (
    "so (?:với )?(?!kế hoạch|KH|chỉ tiêu|sánh|kịch bản|mục tiêu)[^,;.()\\n]{2,48}?(?=,(?!\\d))"
)
# "so với quý IV/2021 giảm 6,3%": the base right before the verb of one figure (that figure's
# only, where "So với cùng kỳ, ..." governs the figures after it).
INLINE_BASIS = (
    "so (?:với )?(?!kế hoạch|KH|chỉ tiêu|sánh|kịch bản|mục tiêu)[^,;.()\\n]{2,48}?"
    "(?= (?:(?:vẫn|chỉ|đã|lại) )?(?:tăng(?! trưởng)|giảm|bằng|cao hơn|thấp hơn) )"
)
# Words that make the rest of the sentence about growth rates: a bare "đạt 7,7%" is a change.
GROWTH = "tốc độ tăng trưởng|tăng trưởng|tốc độ tăng"
# Words that make a bare percentage a share of a whole.
SHARE_CONTEXT = "cơ cấu|tỷ trọng"
# A GRDP frame turns "ngành công nghiệp chiếm X%" into the industry value-added share.
GRDP_CONTEXT = "GRDP|cơ cấu kinh tế|tổng sản phẩm(?: trên địa bàn| trong tỉnh)?"
# A parenthesis or clause that restates the figure for another scope: its figures are skipped
# ("(không kể Tổ hợp ... Samsung là 12,03%/năm)", seed 003).
EXCLUSION = "không kể|không tính|nếu không tính|nếu loại trừ|loại trừ|ngoại trừ"
