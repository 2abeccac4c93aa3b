"""Words of statistical tables, as data: what heads a column, what heads the label column, and
what is a note rather than a heading. Used by the reader of tables flattened into text
(``pipelines.indicators.flat_tables``); regular-expression sources, case insensitive.
"""

from __future__ import annotations

# A whole line that heads the label, index or unit column ("Chỉ tiêu", "STT", "ĐVT"), never a
# column of values.
LABEL_HEADERS = (
    r"(?:s[ốo] )?tt|stt|chỉ tiêu|tên chỉ tiêu|các chỉ tiêu|ngành(?: kinh tế)?|danh mục|nội dung"
    r"|đơn vị tính|đvt|đơn vị|địa phương|địa bàn|huyện, thành phố|huyện, thị xã, thành phố"
    r"|indicators?|items?|unit|(?:chỉ tiêu|ngành|địa phương) ?/ ?\w+(?: \w+){0,3}"
)
# A line that is a note about the whole table, not a column heading ("Đơn vị tính: %",
# "Năm trước = 100").
NOTE_LINES = r"đơn vị tính|đvt|=\s*100|^\s*\(?%\)?\s*$|unit\s*:"
# A column heading names a period, a base, a status or a measure.
COLUMN_WORDS = (
    r"(?:19|20)\d\d|tháng|quý|năm|kỳ|so với|so sánh|cùng kỳ|kế hoạch|\bKH\b|thực hiện|\bTH\b"
    r"|ước|cộng dồn|lũy kế|luỹ kế|tính chung|sơ bộ|prel|%|previous|same period|month|quarter"
    r"|year|tăng|giảm|chỉ số|giá trị|tốc độ|tỷ trọng|cơ cấu|\d{1,2} ?T\b"
)
# A status word alone on a line heads the column together with the line under it ("Sơ bộ" over
# "2016", "Ước tính" over "Tháng 6").
STATUS_ONLY = r"sơ bộ|ước tính|ước|ước thực hiện|dự ước|thực hiện|chính thức|kế hoạch"
# A unit written as a column of its own, at the end of a row's label once the row is flattened
# onto one line ("Giá trị sản xuất công nghiệp Tỷ đồng 21.450 198.320").
UNIT_COLUMN = (
    r"(?<!\w)(?:nghìn tỷ đồng|tỷ đồng|triệu đồng|nghìn đồng|triệu USD|nghìn USD|tỷ USD|Tr\.? ?USD"
    r"|USD|%|triệu kWh|nghìn tấn|tấn)"
)
