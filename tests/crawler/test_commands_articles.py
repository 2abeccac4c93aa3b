"""`scrapy articles [QUERY]`: lists and searches, diacritics optional."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.crawler.archive_cli import make_archive, scrapy


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> str:
    return make_archive(tmp_path_factory.mktemp("cli"), "search_articles.json")


def test_search_without_diacritics(archive: str) -> None:
    result = scrapy(archive, "articles", "cong", "nghiep", "Bac", "Kan", "--format", "json")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    urls = [h["url"] for h in hits]
    assert "https://baothainguyen.vn/bk-cong-nghiep.html" in urls
    assert "https://backan.gov.vn/bac-can-cong-dong.html" not in urls
    assert all(h["published_at"] and h["source"] for h in hits)


def test_exact_diacritics_first(archive: str) -> None:
    result = scrapy(archive, "articles", "công nghiệp Bắc Kạn", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[-1]["url"] == "https://cokhivietnam.vn/khong-dau.html"
    assert rows[0]["exact"] == "4" and rows[-1]["exact"] == "0"


def test_list_with_filters(archive: str) -> None:
    result = scrapy(
        archive, "articles", "--source", "backan.gov.vn", "--from", "2024-01-01", "--limit", "5"
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["published", "source", "province", "title", "url", "snippet"]
    assert [line[:10] for line in lines[2:-1]] == ["2025-03-15", "2024-09-09"]
    bad = scrapy(archive, "articles", "--from", "yesterday")
    assert bad.returncode == 2 and "not a date" in bad.stderr
