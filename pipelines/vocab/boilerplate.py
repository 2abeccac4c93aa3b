"""Boilerplate of Vietnamese news portals, as regular-expression source strings.

Every pattern is matched against one *normalised* line (NFC, spaces collapsed, stripped), case
insensitively unless noted. Sources: shared/portals.md ("Boilerplate to strip") and the rendered
text of the seed pages; the generic entries (share bars, footers, comment forms) are the words
Vietnamese CMSs use for them, so that pages of neighbouring portals are cleaned too.
"""

from __future__ import annotations

# Lines dropped wherever they appear: toolbars, font-size buttons, SharePoint skip links, media
# players, image placeholders, share bars, print buttons, login/search widgets.
DROP_LINES: tuple[str, ...] = (
    r"PublishingPortal\s*-\s*Block_\w+",
    r"Tăng cỡ chữ\s*Giảm cỡ chữ",
    r"(Tăng|Giảm) cỡ chữ",
    r"Cỡ chữ\s*[:+\-A\s]*",
    r"Skip Ribbon Commands",
    r"Skip to main content",
    r"Bỏ qua nội dung chính",
    r"\d{1,2}:\d{2}\s*/\s*\d{1,2}:\d{2}",  # audio/video player "0:00 / 0:00"
    r"anh tin bai",
    r"no image",
    r"(Nghe|Dừng|Tạm dừng) (đọc )?bài( viết)?",
    r"(Chia sẻ|Share|Like|Tweet|Facebook|Twitter|Zalo|Messenger|Email|E-mail|Gửi email|In bài|"
    r"In bài viết|Bản in|Print|Lưu|Lưu bài|Copy link|Sao chép liên kết|Back to top|Lên đầu trang|"
    r"Về đầu trang|Quay lại|Trở về|Trang chủ|Home)(\s*[•|·/,]\s*(Chia sẻ|Share|Like|Tweet|Facebook|"
    r"Twitter|Zalo|Messenger|Email|E-mail|Gửi email|In bài|Print|Lưu|Copy link|Back to top))*",
    r"[•·|/\s]*(Zalo|Messenger|Back to top|Facebook)[•·|/\s]*",
    r"Đăng nhập|Đăng ký|Tìm kiếm|Search|Menu|Close|Đóng",
    r"Gửi (bài|tin|ý kiến)|Gửi|Hủy|Nhập lại|Làm mới|Refresh",
    r"Bản quyền.*|Copyright.*|©.*",
    r"\(?\s*(Hotline|Đường dây nóng|Điện thoại|ĐT|Tel|Fax)\s*:?\s*[\d\s.()+-]{8,}\)?",
    r"(\+84|0)\d(?:[\s.-]?\d){7,10}",  # a line that is only a phone number (footer)
    r"[-=_*•·]{3,}",
    r"\d+\s*(bình luận|comments?)",
)

# Site chrome rendered as lines of their own: skip links, back links, "you are here" breadcrumb
# heads, the visit counter's label. Never article text and never a title; dropped wherever they
# appear (case insensitive, whole line).
CHROME_LINES: tuple[str, ...] = (
    r"(Truy cập|Chuyển (đến|tới)|Đi (đến|tới)|Nhảy (đến|tới)|Bỏ qua để đến) nội dung( chính)?",
    r"Skip (to )?(main )?(content|navigation)|Skip navigation|Bỏ qua (điều hướng|menu)",
    r"[«<‹←\s]*(Quay (lại|về)|Trở (lại|về)|Về trang trước|Back)\b.{0,40}",
    r"(You are here|Bạn đang ở( đây)?|Vị trí( hiện tại)?|Đang ở trang)\s*([:>»›].{0,120})?",
    r"(Tổng |Số |Tổng số )?(lượt truy cập|lượt truy nhập|người truy cập)\s*:?",
    r"(Thống kê|Bộ đếm) (truy cập|lượt truy cập|website)\s*:?",
    r"(Phiên bản|Giao diện) (di động|mobile|máy tính)|Mobile version|Desktop version",
    r"(Đăng nhập|Đăng xuất|Sơ đồ (cổng|trang|site)|Site ?map|Liên kết website|Hỏi đáp)\s*:?",
    # a newspaper's masthead line: "Cơ quan của Đảng bộ ... tỉnh X", "Báo X - Cơ quan của Bộ Y"
    r"(.{2,60}\s[-–—|]\s*)?(Cơ quan|Tiếng nói) (ngôn luận |chủ quản )?của .{3,100}",
)
# Separators of a breadcrumb or a menu written on one line ("Trang chủ > Kinh tế > Công nghiệp",
# "Trang chủ | Giới thiệu | Số liệu thống kê"): with spaces around them, unlike "quý I/2024".
NAV_SEPARATORS = r"\s+[>»›|/]\s+"

# Headings that start the "related articles" lists, the comment section or the site footer. The
# article is over when one of them appears: it and EVERYTHING after it is dropped (the lists name
# other provinces and carry other dates, which must not reach the metadata rules). Matched at the
# whole line, optionally followed by ": <tag>" or "(<count>)".
CUT_HEADINGS: tuple[str, ...] = (
    r"Có thể bạn quan tâm",
    r"Có thể bạn muốn xem",
    r"Bạn có thể quan tâm",
    r"Tin cùng chuyên mục",
    r"Cùng chuyên mục",
    r"Bài viết cùng chủ đề",
    r"Tin cùng chủ đề",
    r"Bài cùng chủ đề",
    r"Cùng chủ đề",
    r"Tin liên quan",
    r"Bài liên quan",
    r"Bài viết liên quan",
    r"Tin bài liên quan",
    r"Các tin (khác|đã đưa|mới|cũ hơn|tiếp theo)",
    r"Tin (khác|mới|mới nhất|mới hơn|cũ hơn|đọc nhiều|xem nhiều|nổi bật|tiêu điểm)",
    r"Bài (khác|mới|đọc nhiều|xem nhiều)",
    r"Đọc nhiều( nhất)?",
    r"Xem nhiều( nhất)?",
    r"Xem thêm",
    r"Đọc thêm",
    r"Ý kiến bạn đọc",
    r"Ý kiến của bạn",
    r"Gửi ý kiến( của bạn)?",
    r"Bình luận( \(\d+\))?",
    r"Viết bình luận",
    r"Gửi bình luận",
    r"Họ (và )?tên\b.{0,30}",  # comment form: "Họ tên / Tiêu đề / Nội dung / Mã kiểm tra"
    r"Mã (kiểm tra|xác nhận|bảo mật)\b.{0,30}",
    r"Từ khóa|Từ khoá|Tags?\b",
    r"Chủ đề\s*:",
    r"Cơ quan chủ quản",
    r"Giấy phép( xuất bản| hoạt động)?( số)?",
    r"Chịu trách nhiệm (nội dung|xuất bản)",
    r"Tổng biên tập\s*:",
    r"Trưởng ban biên tập\s*:",
    r"Bản quyền",
    r"©|Copyright",
)

# "Xem thêm: <title of another article>" inside the body is an inline link to another article:
# only that line goes (a cut there would lose the rest of the article).
INLINE_RELATED: tuple[str, ...] = (r"(Xem thêm|Đọc thêm|Tin liên quan|Xem tiếp|>>)\s*[:>»]\s*\S.*",)

# Image placeholders: the line right after one is the caption (when it is caption-shaped).
IMAGE_MARKERS: tuple[str, ...] = (
    r"anh tin bai",
    r"PublishingPortal\s*-\s*Block_BanTin_ViewData",
    r"no image",
    r"\[?(hình|ảnh|image|photo)\]?",
)

# Caption shapes: alt texts "… ảnh 1" (EPI CMS), "(Ảnh: X)", "Ảnh minh họa", "Ảnh: X".
CAPTION_LINES: tuple[str, ...] = (
    r".{0,200}\sảnh \d{1,2}",
    r"\(?Ảnh\s*(minh họa|minh hoạ|tư liệu|internet)\)?.{0,60}",
    r"\(?Ảnh\s*:\s*[^.]{1,60}\)?",
    r".{5,200}\((Ảnh|Nguồn ảnh)\s*:[^)]{1,60}\)",
    r".{5,200}\(ảnh (minh họa|minh hoạ|tư liệu|internet)\)",
)

# Labels of the site's section printed above the title ("Sự kiện - Vấn đề").
SECTION_LABELS: tuple[str, ...] = (
    r"Sự kiện\s*-\s*Vấn đề",
    r"Tin tức\s*(-\s*)?Sự kiện",
    r"Kinh tế(\s*-\s*(Xã hội|Đầu tư|Công nghiệp))?",
    r"Công nghiệp(\s*-\s*Thương mại)?",
    r"Thương mại|Thời sự|Xã hội|Địa phương|Đầu tư|Doanh nghiệp|Thị trường|Chính trị",
    r"Tin (tức|hoạt động|trong tỉnh|trong nước|địa phương|tổng hợp)",
    r"Hoạt động (của )?(sở|ngành|địa phương)",
    r"Báo cáo tháng,? quý",
    r"Lĩnh vực công nghiệp",
    r"Trang chủ\s*[>»›/|].*",
    r".{1,40}\s[>»›]\s.{1,40}",  # breadcrumbs "Kinh tế > Công nghiệp", "Kinh tế › Công nghiệp"
)

# Sapo prefixes: the publication's tag glued to the lead paragraph. Case sensitive.
SAPO_PREFIXES: tuple[str, ...] = (
    r"\(?(TCCKVN|TCCT|BBK|BTN|TNO|TTXVN|VOV|VTV|TTO|BCT|ĐCSVN|CTTĐT|CTTÐT|QĐND|ANTĐ)\)?\s*[-–—:.]?\s+",
    r"\((?:[\w.-]{2,30}\.(?:vn|com|net|org)(?:\.vn)?)\)\s*[-–—:]?\s+",  # "(Baothainguyen.vn) - "
    r"(?:[Bb]aothainguyen|[Bb]aobackan|[Cc]ongthuong)\.(?:vn|org\.vn|com\.vn)\s*[-–—:]\s+",
)

# Source credits ending reposts: "*Theo Báo Thái Nguyên", "(Theo TTXVN)", "Nguồn: …". They are
# not bylines and not article text; they are dropped from the body (see metadata.find_author).
CREDIT_LINES: tuple[str, ...] = (
    r"[*(\[]?\s*(Theo|Nguồn|Nguồn tin|Trích nguồn|Tổng hợp từ)\s*:?\s+.{2,120}",
)

# Words that introduce a byline ("Bài và ảnh: Thu Hà").
BYLINE_PREFIXES: tuple[str, ...] = (
    r"(Bài\s*(và|,|&)?\s*ảnh|Tin\s*(và|,|&)?\s*ảnh|Bài|Tin|Tác giả|Người viết|Phóng viên|PV|"
    r"Nhóm PV|Thực hiện|Bút danh|Tin bài)\s*:\s*",
)

# Bylines signed by an office rather than a person ("Phòng Đăng ký kinh doanh"), case sensitive.
BYLINE_OFFICES: tuple[str, ...] = (
    r"(Phòng|Sở|Ban|Văn phòng|Trung tâm|Chi cục|Cục|UBND|Ủy ban|Nhóm|Hội|Báo|Đài|Cổng TTĐT) [^.;:!?]{2,60}",
)

# Parenthesised notes after a byline name ("Thu Hà (TH)") that are not part of the name.
BYLINE_NOTES: tuple[str, ...] = (
    r"\s*\((TH|T/H|t/h|th|tổng hợp|Tổng hợp|lược dịch|biên dịch|CTV|ctv|[^()]{1,40})\)\s*$",
)

# View counters of the article; the number is the group "n". Label-first is tried first: in
# "30/12/2022 - 18:35 Lượt xem: 856" the number-first pattern would read the clock's minutes
# ("35 Lượt xem"), so a number glued to ":" or to the label's own number is never taken.
# "Lượt truy cập" is NOT here: on Vietnamese portals it labels the site-wide visit statistics
# (see SITE_COUNTERS), not one article's readers.
VIEW_COUNTERS: tuple[str, ...] = (
    r"(Số lượt xem|Lượt xem|Lượt đọc|Đã xem|Views?)\s*:?\s*(?P<n>\d[\d.,]*)",
    r"(?<![\d:.,])(?P<n>\d[\d.,]*)\s*(Lượt xem|lượt xem|Lượt đọc|lượt đọc|views?)(?!\s*:?\s*\d)",
)

# The site's visit statistics widget ("Thống kê truy cập": "Đang truy cập: 27", "Tổng lượt truy
# cập: 3.418.552", "Hôm nay: 1.204"). Present on almost every provincial government CMS, usually
# in a side column; never an article's view count. Lines dropped wherever they appear.
SITE_COUNTERS: tuple[str, ...] = (
    r"(Thống kê|Bộ đếm) (truy cập|lượt truy cập)",
    r"(Tổng|Tổng số|Số)?\s*(lượt truy cập|lượt truy nhập|lượt khách|lượt xem trang|người truy cập)"
    r"\s*(trang|website|cổng)?\s*[:-]?\s*\d[\d.,]*",
    r"(Đang|Hiện đang) (truy cập|online|trực tuyến|xem)\s*[:-]?\s*\d[\d.,]*",
    r"(Online|Trực tuyến|Hôm nay|Hôm qua|Tuần này|Trong tuần|Tháng này|Trong tháng|Năm nay|"
    r"Tất cả|Tổng cộng|Truy cập hôm nay|Truy cập trong tháng)\s*:\s*\d[\d.,]*",
)

# Category names of site menus. A rendered menu is one line of them ("Thời sự Chính trị Kinh tế Xã
# hội ..."); ``textclean.is_menu_line`` recognises such a line by its shape (short capitalised
# segments, no punctuation, no digits) and needs one of these in it (a title-cased headline such
# as "Khởi công Nhà máy Chế biến Gỗ Chợ Mới" has the shape too); mostly these words also make a
# menu of one-word entries ("Video Podcast Multimedia"), which the shape cannot tell from a list
# of names. The words are the usual sections of Vietnamese news and government portals, not the
# entries of one site.
NAV_TERMS: tuple[str, ...] = (
    "Trang chủ", "Thời sự", "Chính trị", "Kinh tế", "Xã hội", "Văn hóa", "Văn hoá", "Thể thao",
    "Pháp luật", "Quốc tế", "Thế giới", "Giáo dục", "Y tế", "Sức khỏe", "Đời sống", "Du lịch",
    "Giải trí", "Khoa học", "Công nghệ", "Môi trường", "Nông nghiệp", "Công nghiệp", "Thị trường",
    "Doanh nghiệp", "Địa phương", "Bạn đọc", "Tin tức", "Sự kiện", "Giới thiệu", "Liên hệ",
    "Văn bản", "Chính quyền", "Công dân", "Multimedia", "Media", "Video", "Videos", "Ảnh",
    "Podcast", "Infographic", "Infographics", "E-magazine", "Emagazine", "Longform", "Phóng sự",
    "Tiêu điểm", "Góc nhìn", "Xuất nhập khẩu", "Năng lượng", "Đầu tư", "Tài chính", "Ngân hàng",
    "Bất động sản", "Thương mại", "Dịch vụ", "Phát thanh", "Truyền hình", "English", "RSS",
    "Tin trong nước", "Tin trong tỉnh", "Tin mới", "Hỏi đáp", "Xây dựng Đảng", "Nông thôn mới",
    "Quốc phòng", "An ninh", "Quốc phòng - An ninh", "Nội chính", "Tổng quan", "Chứng khoán",
    "Tài chính - Ngân hàng", "Lao động", "Việc làm", "Giao thông", "Tin nổi bật",
    "Số liệu thống kê", "Tin hoạt động", "Phổ biến thông tin", "Báo cáo tháng", "Văn bản pháp luật",
    "Tình hình kinh tế - xã hội", "Thông tin kinh tế - xã hội", "Thủ tục hành chính",
)  # fmt: skip

# Function words and headline verbs: a line holding one outside a menu term is a headline or a
# sentence, never a menu ("Sức hút ở Triển lãm Quốc tế Trang trí nhà & Cảnh quan Việt Nam" is a
# title-cased headline in seed 000's related list). Menu entries are bare noun phrases.
SENTENCE_WORDS: frozenset[str] = frozenset(
    {"ở", "tại", "của", "cho", "với", "về", "từ", "đến", "tới", "là", "có", "được", "bị", "đã",
     "đang", "sẽ", "đạt", "tăng", "giảm", "những", "các", "một", "nhiều", "vào", "ra", "khi", "để",
     "như", "theo", "hơn", "trên", "dưới", "không", "cần", "phải", "thêm", "nay", "này", "sau",
     "trước", "gần", "vượt", "mới", "làm", "đưa", "giữ", "thu", "hút"}
)  # fmt: skip

# Kinds of organisation that sign a portal's masthead or banner ("Báo Công Thương", "Sở Công
# Thương tỉnh Thái Nguyên", "Cổng thông tin điện tử tỉnh ..."). Case sensitive, at line start.
MASTHEAD_KINDS: tuple[str, ...] = (
    r"Báo", r"Tạp chí", r"Tạp Chí", r"Đài", r"Cổng [Tt]hông tin", r"Trang [Tt]hông tin",
    r"Thông tấn xã", r"Sở", r"Bộ", r"Cục", r"Tổng cục", r"Chi cục", r"Ban", r"Văn phòng",
    r"Trung tâm", r"UBND", r"Ủy ban nhân dân", r"Uỷ ban nhân dân", r"Hội đồng nhân dân", r"HĐND",
    r"Tỉnh ủy", r"Tỉnh uỷ", r"Hiệp hội", r"Cơ quan",
)  # fmt: skip

# The same kinds written in capitals ("SỞ CÔNG THƯƠNG TỈNH THÁI NGUYÊN", "CỔNG THÔNG TIN ĐIỆN TỬ
# ..."): a line in capitals is a masthead only when it opens with one (a headline in capitals
# opens with its subject: "THÁI NGUYÊN: CHỈ SỐ ... TĂNG").
MASTHEAD_KINDS_UPPER: tuple[str, ...] = (
    r"BÁO", r"TẠP CHÍ", r"ĐÀI", r"CỔNG THÔNG TIN", r"TRANG THÔNG TIN", r"THÔNG TẤN XÃ", r"SỞ",
    r"BỘ", r"CỤC", r"TỔNG CỤC", r"CHI CỤC", r"BAN", r"VĂN PHÒNG", r"TRUNG TÂM", r"UBND",
    r"ỦY BAN NHÂN DÂN", r"UỶ BAN NHÂN DÂN", r"HỘI ĐỒNG NHÂN DÂN", r"HĐND", r"TỈNH ỦY", r"TỈNH UỶ",
    r"HIỆP HỘI", r"CƠ QUAN", r"THỐNG KÊ",
)  # fmt: skip
# Words that make a line in capitals a site's name wherever they stand in it ("THANH HÓA TV -
# ĐÀI PHÁT THANH ...", "BINH DUONG DEPARTMENT OF INDUSTRY AND TRADE").
MASTHEAD_WORDS_UPPER: tuple[str, ...] = (
    r"BÁO(?! CÁO)", r"ĐÀI", r"TV", r"TRUYỀN HÌNH", r"PHÁT THANH", r"ĐIỆN TỬ", r"ONLINE",
    r"CỔNG THÔNG TIN", r"TẠP CHÍ", r"DEPARTMENT", r"STATISTICS", r"OFFICE", r"PORTAL",
    r"NEWSPAPER", r"NEWS", r"MAGAZINE", r"PEOPLE'S COMMITTEE",
)  # fmt: skip

# Lowercase words allowed inside such a name ("Báo Thái Nguyên điện tử", "Sở Công Thương tỉnh
# Bắc Kạn"); any other lowercase word makes the line a sentence or a headline ("Sở Công Thương
# tổ chức hội nghị").
MASTHEAD_LOWER_WORDS: frozenset[str] = frozenset(
    {"điện", "tử", "tỉnh", "thành", "phố", "huyện", "thị", "xã", "và", "của", "online",
     "nhân", "dân", "trực", "tuyến", "thông", "tin", "phát", "thanh", "truyền", "hình", "-", "–"}
)  # fmt: skip

# English words of a site's name printed under or beside its Vietnamese one ("Phu Tho
# Statistics Office", "Bac Giang Department of Industry and Trade"): such a line is a masthead.
ENGLISH_NAME_WORDS: tuple[str, ...] = (
    "Statistics Office", "Statistical Office", "Department", "People's Committee",
    "Portal", "Newspaper", "News", "Magazine", "Television", "Radio", "Online", "Office",
)  # fmt: skip
