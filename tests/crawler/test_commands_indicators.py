"""`scrapy indicators`: facts, series and conflicts with their sources, as table, CSV, JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.crawler.archive_cli import make_archive, scrapy


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> str:
    return make_archive(tmp_path_factory.mktemp("cli"), "series_articles.json")


def test_facts_as_csv_with_provenance(archive: str) -> None:
    result = scrapy(
        archive,
        "indicators",
        "--indicator=industrial_output_value",
        "--measure=level",
        "--from=2024-01",
        "--to=2024-03",
        "--format=csv",
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["period"] for r in rows} == {"2024-Q1"}
    assert len(rows) == 5
    for row in rows:
        assert row["url"].startswith("https://") and row["evidence"] and row["published"]
    bk = [r for r in rows if r["province"] == "Bắc Kạn"]
    assert bk[0]["value"] == "1200000000000.0" and bk[0]["province_current"] == "Thái Nguyên"


def test_series_counts_a_figure_once(archive: str, tmp_path: Path) -> None:
    out = tmp_path / "series.json"
    result = scrapy(
        archive,
        "indicators",
        "--series",
        "--province",
        "Thái Nguyên",
        "--indicator",
        "industrial_output_value",
        "--sector",
        "total",
        "--measure",
        "level",
        "--format",
        "json",
        "-o",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    points = json.loads(out.read_text(encoding="utf-8"))
    q1 = next(p for p in points if p["period"] == "2024-Q1")
    assert q1["n_sources"] == 3 and q1["value"] == 2.03e14
    assert q1["sources"] == ["baothainguyen.vn", "cokhivietnam.vn", "thainguyen.gov.vn"]
    assert all(a["url"] and a["evidence"] and a["published_at"] for a in q1["articles"])
    assert [p["period"] for p in points] == ["2023", "2024-Q1", "2024-Q2"]


def test_conflicts_and_table(archive: str) -> None:
    result = scrapy(archive, "indicators", "--conflicts")
    assert result.returncode == 0, result.stderr
    assert "(0 rows)" in result.stdout
    table = scrapy(archive, "indicators", "--source", "cokhivietnam.vn")
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].split()[:4] == ["indicator", "sector", "area", "measure"]
    assert "(2 rows)" in lines[-1]
    assert all("https://cokhivietnam.vn/" in line for line in lines[2:-1])


def test_bad_period_is_a_usage_error(archive: str) -> None:
    result = scrapy(archive, "indicators", "--from", "Q1/2024")
    assert result.returncode == 2
    assert "not a period" in result.stderr and "2024-Q1" in result.stderr


def test_missing_archive_says_what_to_do(tmp_path: Path) -> None:
    result = scrapy(f"sqlite:///{tmp_path / 'none.db'}", "indicators")
    assert result.returncode == 2 and "scrapy crawl seeds" in result.stderr
    assert not (tmp_path / "none.db").exists()


@pytest.fixture(scope="module")
def area_archive(tmp_path_factory: pytest.TempPathFactory) -> str:
    return make_archive(
        tmp_path_factory.mktemp("area"), "series_articles.json", "area_articles.json"
    )


def test_area_filter_and_column(area_archive: str) -> None:
    everything = scrapy(area_archive, "indicators", "--format=csv")
    assert everything.returncode == 0, everything.stderr
    rows = list(csv.DictReader(io.StringIO(everything.stdout)))
    assert {r["area"] for r in rows} == {"", "huyện Phú Bình", "cả nước", "Bắc Giang"}
    own = scrapy(area_archive, "indicators", "--area", "none", "--format=json")
    assert own.returncode == 0, own.stderr
    facts = json.loads(own.stdout)
    assert facts and all(f["area"] is None for f in facts)
    assert len(facts) == len(rows) - 4
    district = scrapy(area_archive, "indicators", "--area", "huyện Phú Bình", "--format=json")
    assert sorted(f["value"] for f in json.loads(district.stdout)) == [7.1, 12.4e12]
    others = scrapy(area_archive, "indicators", "--area", "any", "--series", "--format=csv")
    points = list(csv.DictReader(io.StringIO(others.stdout)))
    assert sorted(p["area"] for p in points) == [
        "Bắc Giang",
        "cả nước",
        "huyện Phú Bình",
        "huyện Phú Bình",
    ]


def test_series_of_the_province_keeps_its_own_figures(area_archive: str) -> None:
    result = scrapy(
        area_archive,
        "indicators",
        "--series",
        "--province",
        "Thái Nguyên",
        "--indicator",
        "industrial_output_value",
        "--sector",
        "total",
        "--measure",
        "change",
        "--format",
        "json",
    )
    assert result.returncode == 0, result.stderr
    q1 = [p for p in json.loads(result.stdout) if p["period"] == "2024-Q1"]
    # the province's 7,1 % (two sites) and the district's 7,1 % stay two points
    assert sorted((p["area"] or "", p["n_sources"]) for p in q1) == [
        ("", 2),
        ("huyện Phú Bình", 1),
    ]
