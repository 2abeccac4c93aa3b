"""`scrapy check` (spider contracts) and `scrapy sites` (the first-live-run table), offline against
the replicas: both pass on the evidenced markup and fail, naming the site, when selectors break."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from crawler.sites import all_profiles
from tests.crawler.test_crawler_discovery import BREAK_LISTINGS
from tests.crawler.test_crawler_portals import run_scrapy
from tests.replica import ReplicaServer

SITES = [p.key for p in all_profiles()]


@pytest.fixture
def replica() -> Iterator[ReplicaServer]:
    with ReplicaServer(articles=8, seed=31) as server:
        yield server


def test_scrapy_check_passes_for_every_spider(replica: ReplicaServer, sqlite_url: str) -> None:
    result = run_scrapy(replica, sqlite_url, "check", "-v")
    out = result.stderr
    # per site: the listing's first page finds articles; the example article matches the
    # current selectors, is one item, and extracts title, date and body
    for site in SITES:
        for hook in ("check_listing (@finds_articles post-hook)", "check_article (@matches pre-hook)",
                     "check_article (@returns post-hook)", "check_article (@extracts post-hook)"):  # fmt: skip
            assert f"[{site}] {hook} ... ok" in out, (site, hook)
    assert "FAILED" not in out and out.rstrip().endswith("OK")
    assert f"Ran {len(SITES) * 4} contracts" in out


def test_scrapy_check_fails_when_a_site_is_redesigned(
    replica: ReplicaServer, sqlite_url: str
) -> None:
    replica.redesign = {"congthuong"}
    result = run_scrapy(replica, sqlite_url, "check", "congthuong", "cokhivietnam", expect=1)
    out = result.stderr
    assert "FAILED" in out
    assert "no selector version (congthuong.vn/2025, congthuong.vn/2020, congthuong.vn/1)" in out
    assert "[congthuong]" in out and "[cokhivietnam]" not in out


def test_scrapy_check_fails_when_a_listing_selector_is_broken(
    replica: ReplicaServer, sqlite_url: str
) -> None:
    patch = BREAK_LISTINGS.format(keys='"tapchicongthuong",')
    result = run_scrapy(replica, sqlite_url, "check", "tapchicongthuong", expect=1, patch=patch)
    assert "no article link found" in result.stderr


def test_scrapy_sites_prints_what_matched(replica: ReplicaServer, sqlite_url: str) -> None:
    result = run_scrapy(replica, sqlite_url, "sites", "congthuong", "backan", "-a", "articles=2")
    out = result.stdout
    assert "congthuong — Báo Công Thương (https://congthuong.vn): OK" in out
    assert "backan — Cổng Thông tin điện tử tỉnh Bắc Kạn (https://backan.gov.vn): OK" in out
    assert "listing https://congthuong.vn/cong-nghiep" in out
    assert "feed    https://congthuong.vn/rss/dia-phuong.rss" in out
    # the example article and two discovered ones, with the version and the field sources
    rows = [line for line in out.splitlines() if "congthuong.vn/2025 (selectors)" in line]
    # title, date, sapo from the JSON-LD NewsArticle; the body from the selectors
    sources = ["jsonld", "jsonld", "jsonld", "selectors", "jsonld"]
    assert len(rows) == 3 and all(line.split()[4:9] == sources for line in rows)
    # SharePoint emits no metadata: the evidenced selectors (and the byline from the text)
    rows = [line.split()[4:8] for line in out.splitlines() if "backan.gov.vn/2025 (sel" in line]
    assert len(rows) == 3 and all(r == ["selectors"] * 4 for r in rows)
    assert (
        "evidence: backan.gov.vn/2025: hieunguyen-lang/wb_view_python_3 @e146ca3 (2025-04)" in out
    )


def test_scrapy_sites_fails_and_names_a_redesigned_site(
    replica: ReplicaServer, sqlite_url: str
) -> None:
    replica.redesign = {"tapchicongthuong"}
    result = run_scrapy(replica, sqlite_url, "sites", "tapchicongthuong", expect=1)
    out = result.stdout
    assert (
        "tapchicongthuong — Tạp chí Công Thương (https://tapchicongthuong.vn): NEEDS ATTENTION"
        in out
    )
    assert "(fallback)" in out and "selectors missed: title, sapo, date, body" in out
    assert "broken" in out  # the listing's link selector matched nothing either
    assert out.rstrip().endswith("sites that need attention: tapchicongthuong")
