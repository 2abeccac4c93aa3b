"""A site that is gone (DNS) or answers 404 everywhere: a clear message, a recorded failure, and
the other sites of the same run still complete."""

from __future__ import annotations

from sqlalchemy import create_engine, select

from storage.models import Article, FetchFailure, Source
from tests.crawler.test_crawler_portals import last_stats, run_scrapy
from tests.replica import ReplicaServer


def test_dead_sites_are_reported_and_the_rest_completes(sqlite_url: str) -> None:
    with ReplicaServer(articles=5, seed=11) as replica:
        replica.down = {"backan": "dns", "cokhivietnam": "404"}
        result = run_scrapy(
            replica, sqlite_url, "crawlall", "backan", "cokhivietnam", "baothainguyen", expect=2
        )
    log = result.stderr
    assert "DNSLookupError" in log and "backan.gov.vn" in log
    assert "404" in log and "cokhivietnam.vn" in log
    assert "sites that need attention: backan, cokhivietnam" in log
    assert "sites that yielded nothing at all: backan, cokhivietnam (exit code 2)" in log
    engine = create_engine(sqlite_url)
    with engine.connect() as conn:
        failures = conn.execute(
            select(FetchFailure.url, FetchFailure.error, FetchFailure.spider)
        ).all()
        archived = conn.execute(
            select(Source.key, Article.id).join(Source, Source.id == Article.source_id)
        ).all()
    engine.dispose()
    by_spider = {f.spider for f in failures}
    assert by_spider == {"backan", "cokhivietnam"}
    assert all("backan.gov.vn" in f.url for f in failures if f.spider == "backan")
    assert any("DNSLookupError" in f.error for f in failures if f.spider == "backan")
    assert any("404" in f.error for f in failures if f.spider == "cokhivietnam")
    assert sorted({a.key for a in archived}) == ["baothainguyen"]
    assert last_stats(sqlite_url, "baothainguyen")["archive/articles/new"] == 5
    assert last_stats(sqlite_url, "backan")["finish_reason"] == "finished"


def test_site_whose_selectors_stop_matching_is_named(sqlite_url: str) -> None:
    with ReplicaServer(articles=4, seed=12) as replica:
        replica.drift = {"tapchicongthuong"}
        result = run_scrapy(replica, sqlite_url, "crawlall", "tapchicongthuong", "cokhivietnam")
    stats = last_stats(sqlite_url, "tapchicongthuong")
    assert stats["health/selectors_broken"] == 1
    assert stats["health/from_fallback"] == 4  # the generic extractor still archived them
    assert stats["archive/articles/new"] == 4
    assert last_stats(sqlite_url, "cokhivietnam")["health/selectors_broken"] == 0
    assert "tapchicongthuong: the site's selectors matched nothing" in result.stderr
    assert "SELECTORS STOPPED MATCHING" in result.stderr
