"""Portal spiders against the local replicas: exact archive content and incremental request counts.

The replica runs in this process (a thread); each crawl is a real `scrapy` subprocess routed to it
with REPLICA_URL. Request counts come from the Scrapy stats each run stores in `crawl_runs`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from crawler.sites import all_profiles, get_profile
from storage import repository as repo
from storage.db import open_archive, session_factory, transaction
from storage.models import Article, CrawlRun, Source
from tests.conftest import PROJECT_ROOT
from tests.replica import ReplicaServer

SITES = [p.key for p in all_profiles()]


def run_scrapy(
    replica: ReplicaServer, archive_url: str, *args: str, expect: int = 0, patch: str = ""
) -> subprocess.CompletedProcess[str]:
    """``scrapy <args>`` against the replica; ``patch``: Python run first in the subprocess
    (e.g. a site profile broken on purpose), before Scrapy loads the spiders."""
    command = ["-m", "scrapy"]
    if patch:
        command = ["-c", f"{patch}\nfrom scrapy.cmdline import execute\nexecute()"]
    result = subprocess.run(
        [sys.executable, *command, *args, "-s", f"REPLICA_URL={replica.url}"],
        cwd=PROJECT_ROOT,
        env={**os.environ, "ARCHIVE_URL": archive_url, "LOG_LEVEL": "INFO"},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == expect, result.stderr[-4000:]
    if args[0] != "check":  # failed contracts are reported with unittest's tracebacks
        assert "Traceback" not in result.stderr, result.stderr[-4000:]
    return result


def last_stats(archive_url: str, spider: str) -> dict:
    engine = create_engine(archive_url)
    with engine.connect() as conn:
        stats = conn.scalar(
            select(CrawlRun.stats)
            .where(CrawlRun.spider == spider)
            .order_by(CrawlRun.id.desc())
            .limit(1)
        )
    engine.dispose()
    assert stats is not None, f"no crawl run of {spider}"
    return stats


def entry_requests(stats: dict) -> int:
    """robots.txt, sitemaps and feeds: fetched every run, whatever the archive holds."""
    return (
        stats.get("robotstxt/request_count", 0)
        + stats.get("incremental/sitemap_requests", 0)
        + stats.get("incremental/feed_requests", 0)
    )


def as_published(iso: str) -> str:
    """The replica's time as the archive states it: midnight means the page shows a date only."""
    return iso[:10] if iso.endswith("T00:00:00+07:00") else iso


@pytest.fixture
def replica() -> Iterator[ReplicaServer]:
    with ReplicaServer(articles=12, seed=7) as server:
        yield server


def test_first_crawl_archives_exactly_the_replica(replica: ReplicaServer, sqlite_url: str) -> None:
    run_scrapy(replica, sqlite_url, "crawlall")
    engine = create_engine(sqlite_url)
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                Source.key,
                Article.canonical_url,
                Article.title,
                Article.published_at,
                Article.body,
                Article.author,
            ).join(Source, Source.id == Article.source_id)
        ).all()
    engine.dispose()
    for site in SITES:
        truth = {t["url"]: t for t in replica.truth(site)}
        archived = {r.canonical_url: r for r in rows if r.key == site}
        assert set(archived) == set(truth), site
        for url, expected in truth.items():
            got = archived[url]
            assert got.title == expected["title"], url
            assert got.published_at == as_published(str(expected["published_at"])), url
            assert got.author == expected["author"], url
            for paragraph in str(expected["body_text"]).split("\n\n"):
                assert paragraph in got.body, (url, paragraph)
        stats = last_stats(sqlite_url, site)
        assert stats["health/selectors_broken"] == 0, site
        assert stats["health/selector_fields_broken"] == "", site
        assert stats["health/discovery_problems"] == 0, site
        assert stats["archive/articles/new"] == 12, site
    # where two layouts are evidenced, the replica serves both, older articles in the older one
    for site in ("baobackan", "baothainguyen", "congthuong", "tapchicongthuong"):
        assert len({t["layout"] for t in replica.truth(site)}) == 2, site


def test_second_crawl_fetches_only_entry_points(replica: ReplicaServer, sqlite_url: str) -> None:
    run_scrapy(replica, sqlite_url, "crawlall")
    run_scrapy(replica, sqlite_url, "crawlall")
    for site in SITES:
        stats = last_stats(sqlite_url, site)
        listings = len(get_profile(site).listings)
        assert stats.get("incremental/article_requests", 0) == 0, site
        assert stats.get("incremental/listing_pages", 0) == listings, site
        assert stats["downloader/request_count"] == entry_requests(stats) + listings, site
        assert stats.get("archive/articles/new", 0) == 0


def test_new_articles_cost_only_their_own_requests(replica: ReplicaServer, sqlite_url: str) -> None:
    run_scrapy(replica, sqlite_url, "crawlall")
    replica.set_articles(15)  # three newer articles on every site
    run_scrapy(replica, sqlite_url, "crawlall")
    for site in SITES:
        stats = last_stats(sqlite_url, site)
        listings = len(get_profile(site).listings)
        assert stats["incremental/article_requests"] == 3, site
        assert stats["archive/articles/new"] == 3, site
        # the three new ones are on the first page of every listing
        assert stats["incremental/listing_pages"] == listings, site
        assert stats["downloader/request_count"] == entry_requests(stats) + listings + 3, site


def _preload(archive_url: str, replica: ReplicaServer, site: str) -> None:
    """An archive that already holds every article the replica serves, as a past clean run of
    the spider left it (including the site clock that run saw in the HTTP Date headers)."""
    engine = open_archive(archive_url)
    sessions = session_factory(engine)
    profile = get_profile(site)
    with transaction(sessions) as session:
        source = repo.get_or_create_source(session, site, profile.name, profile.base_url)
        for t in replica.truth(site):
            record = repo.ArticleRecord(
                canonical_url=str(t["url"]), url=str(t["url"]), body=str(t["body_text"]),
                title=str(t["title"]), extractor_version="preload",
            )  # fmt: skip
            repo.upsert_article(session, record, source)
    clock = replica.sites[site].now().isoformat()
    with transaction(sessions) as session:  # the run that archived them finished normally
        run = repo.start_run(session, site)
        repo.finish_run(session, run.id, "finished", {}, {"incremental/site_clock": clock})
    engine.dispose()


def incremental_costs(archived: int, sqlite_url: str, site: str) -> tuple[dict, dict]:
    with ReplicaServer(articles=archived, seed=3) as replica:
        _preload(sqlite_url, replica, site)
        run_scrapy(replica, sqlite_url, "crawl", site)
        idle = last_stats(sqlite_url, site)
        replica.set_articles(archived + 4)
        run_scrapy(replica, sqlite_url, "crawl", site)
        busy = last_stats(sqlite_url, site)
    return idle, busy


def test_incremental_cost_does_not_grow_with_the_archive(tmp_path: Path) -> None:
    site = "congthuong"  # listings, a monthly sitemap index and RSS: every kind of entry point
    costs = {}
    for archived in (100, 5000):
        costs[archived] = incremental_costs(
            archived, f"sqlite:///{tmp_path / f'a{archived}.db'}", site
        )
    listings = len(get_profile(site).listings)
    for idle, busy in costs.values():
        assert idle.get("incremental/article_requests", 0) == 0
        assert idle["downloader/request_count"] == entry_requests(idle) + listings
        assert busy["incremental/article_requests"] == 4
        assert busy["archive/articles/new"] == 4
        assert busy["downloader/request_count"] == entry_requests(busy) + listings + 4
    # the same number of requests, whether the archive holds 100 or 5,000 articles
    small, large = costs[100], costs[5000]
    assert small[0]["downloader/request_count"] == large[0]["downloader/request_count"]
    assert small[1]["downloader/request_count"] == large[1]["downloader/request_count"]
