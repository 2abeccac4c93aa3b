"""Vietnamese labels for charts: indicator, sector, measure and status names, unit scales.

Data, not code (as trafilatura keeps its word lists): extend the tables, not the functions.
"""

from __future__ import annotations

INDICATORS = {
    "industrial_output_value": "Giá trị sản xuất công nghiệp",
    "industrial_production_index": "Chỉ số sản xuất công nghiệp (IIP)",
    "industry_growth": "Tăng trưởng ngành công nghiệp",
    "industry_value_added": "Giá trị tăng thêm ngành công nghiệp",
    "retail_sales": "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ",
    "export_value": "Kim ngạch xuất khẩu",
    "import_value": "Kim ngạch nhập khẩu",
    "household_electricity_rate": "Tỷ lệ hộ sử dụng điện",
    "other": "Chỉ tiêu khác",
}

SECTORS = {
    None: "Toàn ngành",
    "mining": "Khai khoáng",
    "manufacturing": "Chế biến, chế tạo",
    "electricity": "Sản xuất, phân phối điện",
    "water_waste": "Cấp nước, xử lý rác thải, nước thải",
    "fdi": "Khu vực có vốn đầu tư nước ngoài",
    "local": "Công nghiệp địa phương",
    "central": "Công nghiệp trung ương",
    "domestic": "Khu vực kinh tế trong nước",
    "state": "Khu vực nhà nước",
    "non_state": "Khu vực ngoài nhà nước",
}

# what the y axis shows for each measure other than level
MEASURES = {
    "level": "",
    "change": "tốc độ tăng so với {basis} (%)",
    "plan_progress": "mức thực hiện so với kế hoạch (%)",
    "share": "tỷ trọng (%)",
}
BASES = {"yoy": "cùng kỳ", "prev_period": "kỳ trước", "other": "kỳ gốc", None: "kỳ gốc"}

STATUSES = {"actual": "thực hiện", "estimate": "ước tính", "target": "kế hoạch"}

# period kinds (storage.periods.period_kind) as legend words
PERIOD_KINDS = {
    "month": "theo tháng",
    "quarter": "theo quý",
    "half": "theo 6 tháng",
    "ytd": "lũy kế từ đầu năm",
    "months": "nhiều tháng",
    "year": "cả năm",
    "years": "nhiều năm",
    "other": "kỳ khác",
}

# unit -> (divisor, label) from the largest: the first whose divisor the largest value reaches
SCALES = {
    "VND": [(1e12, "nghìn tỷ đồng"), (1e9, "tỷ đồng"), (1e6, "triệu đồng"), (1.0, "đồng")],
    "USD": [(1e9, "tỷ USD"), (1e6, "triệu USD"), (1e3, "nghìn USD"), (1.0, "USD")],
    "kWh": [(1e9, "tỷ kWh"), (1e6, "triệu kWh"), (1.0, "kWh")],
    "ton": [(1e6, "triệu tấn"), (1e3, "nghìn tấn"), (1.0, "tấn")],
    "percent": [(1.0, "%")],
    "unit": [(1.0, "")],
}
