"""Words around dates in Vietnamese pages, as regular-expression source strings."""

from __future__ import annotations

# Weekday names ("Thứ bảy", "Chủ nhật", "T7", "CN"). A line that starts with one, above the
# title, is the site's clock (seed 003, doanhnghiephoinhap.vn), not a publication time.
WEEKDAY = r"(?:Thứ\s*(?:hai|ba|tư|năm|sáu|bảy|bẩy|2|3|4|5|6|7)|Chủ\s*nhật|CN|T[2-7])"

# Parts of the day that introduce an event date in a lead ("Chiều ngày 2/1, …").
DAY_PART = r"(?:Sáng|Chiều|Trưa|Tối|Đêm|Rạng sáng|Sáng sớm|Cuối giờ chiều|Đầu giờ chiều)"

# Labels of the publication time ("Ngày đăng: …") and of the update time ("Cập nhật lúc: …").
# A labelled publication time beats an unlabelled one; an update time is used only when nothing
# else is found.
PUBLISHED_LABEL = r"(?:Ngày đăng|Đăng ngày|Đăng lúc|Ngày xuất bản|Xuất bản|Thời gian đăng|Đăng)"
UPDATED_LABEL = r"(?:Cập nhật lúc|Cập nhật ngày|Cập nhật|Ngày cập nhật|Sửa đổi|Updated?)"

# Phrases naming the year a meeting reviews ("tổng kết công tác năm 2023"): such a meeting held
# in January or February belongs to the following year. Group "y" is the reviewed year.
REVIEW_YEAR: tuple[str, ...] = (
    r"tổng kết(?: công tác| hoạt động| nhiệm vụ| tình hình)?[^.;]{0,60}?năm (?P<y>(?:19|20)\d{2})",
    r"(?:trong |cả )?năm (?P<y>(?:19|20)\d{2}) vừa qua",
    r"kết quả (?:thực hiện )?(?:nhiệm vụ )?năm (?P<y>(?:19|20)\d{2})",
)

# Words before a year that make it a horizon, not the present ("đến năm 2030", "tầm nhìn 2050").
HORIZON_BEFORE_YEAR = (
    r"(?:đến|tới|vào|trước|sau|tầm nhìn(?: đến)?|giai đoạn(?: \d{4}\s*[-–]\s*)?|hướng đến)"
    r"\s+(?:năm\s+)?$"
)
