"""`scrapy chart`: a PNG and a self-contained HTML page of one indicator."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.commands._chart import chart_data, format_number, period_label
from storage.db import open_archive, session_factory
from storage.series import series
from tests.crawler.archive_cli import make_archive, scrapy


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> str:
    return make_archive(tmp_path_factory.mktemp("cli"), "series_articles.json")


def test_png_and_html(archive: str, tmp_path: Path) -> None:
    png = tmp_path / "iov.png"
    result = scrapy(
        archive, "chart", "industrial_output_value", "--province", "Thái Nguyên", "-o", str(png)
    )
    assert result.returncode == 0, result.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
    page = tmp_path / "iov.html"
    result = scrapy(
        archive, "chart", "industrial_output_value", "--by", "province", "-o", str(page)
    )
    assert result.returncode == 0, result.stderr
    text = page.read_text(encoding="utf-8")
    assert "<svg" in text and "<script" not in text
    assert "Giá trị sản xuất công nghiệp" in text
    assert 'href="https://cokhivietnam.vn/co-khi-thai-nguyen-quy-1.html"' in text
    assert "Quý I/2024" in text


def test_nothing_to_draw_is_a_usage_error(archive: str, tmp_path: Path) -> None:
    result = scrapy(archive, "chart", "retail_sales", "-o", str(tmp_path / "x.png"))
    assert result.returncode == 2 and "no level figures for retail_sales" in result.stderr


def test_chart_data_scales_and_labels(archive: str) -> None:
    engine = open_archive(archive)
    with session_factory(engine)() as session:
        points = series(session, indicator="industrial_output_value", province="Thái Nguyên")
    engine.dispose()
    data = chart_data(points, "industrial_output_value")
    assert data.title == "Giá trị sản xuất công nghiệp — Thái Nguyên"
    assert data.y_label == "nghìn tỷ đồng"
    assert data.periods == ["2023", "2024-Q1", "2024-Q2"]
    quarters = next(line for line in data.lines if line.label == "Theo quý")
    assert quarters.values == [203.0, 221.5]
    assert "baothainguyen.vn" in data.note and "cokhivietnam.vn" in data.note
    change = chart_data(points, "industrial_output_value", measure="change")
    assert change.y_label == "Tốc độ tăng so với cùng kỳ (%)"


@pytest.mark.parametrize(
    ("period", "label"),
    [
        ("2024-Q1", "Quý I/2024"),
        ("2024", "2024"),
        ("2021-10", "T10/2021"),
        ("2021-01..2021-10", "10T/2021"),
        ("2024-04..2024-12", "T4–T12/2024"),
        ("2021..2030", "2021–2030"),
    ],
)
def test_period_labels(period: str, label: str) -> None:
    assert period_label(period) == label


def test_vietnamese_numbers() -> None:
    assert format_number(201.9) == "201,9"
    assert format_number(1234567) == "1.234.567"
    assert format_number(203.0) == "203"


def test_chart_draws_the_province_not_its_districts(tmp_path: Path) -> None:
    archive = make_archive(tmp_path, "series_articles.json", "area_articles.json")
    engine = open_archive(archive)
    with session_factory(engine)() as session:
        points = series(session, indicator="industrial_output_value", province="Thái Nguyên")
    engine.dispose()
    # the district's 12,4 nghìn tỷ in the same quarter is not the province's 203 nghìn tỷ
    data = chart_data(points, "industrial_output_value")
    quarters = next(line for line in data.lines if line.label == "Theo quý")
    assert quarters.values == [203.0, 221.5]
    by_area = chart_data(points, "industrial_output_value", by="area")
    labels = {line.label for line in by_area.lines}
    assert any(label.startswith("Huyện Phú Bình") for label in labels)
    page = tmp_path / "district.html"
    result = scrapy(
        archive, "chart", "industrial_output_value", "--area", "huyện Phú Bình", "-o", str(page)
    )
    assert result.returncode == 0, result.stderr
    text = page.read_text(encoding="utf-8")
    assert "huyện Phú Bình" in text and "phu-binh-quy-1" in text and "gtsx-quy-1" not in text
