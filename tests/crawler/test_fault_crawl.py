"""Crawls through a bad network: 5xx, hangs, truncated bodies, slow answers, wrong Content-Type,
mis-declared encodings, redirect loops. After at most two runs every article is archived exactly
once and right; every URL that failed is in fetch_failures until a later run succeeds."""

from __future__ import annotations

from sqlalchemy import create_engine, select

from crawler.sites import all_profiles
from storage.models import Article, FetchFailure, Source
from tests.crawler.test_crawler_portals import as_published, run_scrapy
from tests.replica import ReplicaServer

SITES = [p.key for p in all_profiles()]
FAST_FAILURE = ("-s", "DOWNLOAD_TIMEOUT=3")


def archived(archive_url: str) -> dict[str, dict[str, object]]:
    engine = create_engine(archive_url)
    with engine.connect() as conn:
        rows = conn.execute(
            select(Source.key, Article.canonical_url, Article.title, Article.published_at).join(
                Source, Source.id == Article.source_id
            )
        ).all()
    engine.dispose()
    return {
        r.canonical_url: {"site": r.key, "title": r.title, "published_at": r.published_at}
        for r in rows
    }


def failures(archive_url: str) -> dict[str, tuple[str, bool]]:
    engine = create_engine(archive_url)
    with engine.connect() as conn:
        rows = conn.execute(
            select(FetchFailure.url, FetchFailure.error, FetchFailure.resolved_at)
        ).all()
    engine.dispose()
    return {r.url: (r.error, r.resolved_at is not None) for r in rows}


def test_fault_crawl_archives_everything_within_two_runs(sqlite_url: str) -> None:
    with ReplicaServer(
        articles=25, seed=21, faults=0.2, hang_seconds=5.0, slow_seconds=0.3
    ) as replica:
        # the first run gives up at once (no retries), so that failures are certain to happen
        run_scrapy(replica, sqlite_url, "crawlall", *FAST_FAILURE, "-s", "RETRY_TIMES=0")
        after_first = failures(sqlite_url)
        run_scrapy(replica, sqlite_url, "crawlall", *FAST_FAILURE, "-s", "RETRY_TIMES=2")
        kinds = {kind for _, _, kind in replica.fault_log}
        truth = {str(t["url"]): t for site in SITES for t in replica.truth(site)}
    assert len(kinds) >= 6, kinds  # the network really misbehaved, in many ways
    got = archived(sqlite_url)
    assert set(got) == set(truth)  # every article, once (canonical_url is unique)
    for url, t in truth.items():
        assert got[url]["title"] == t["title"], url  # no mojibake from mis-declared encodings
        assert got[url]["published_at"] == as_published(str(t["published_at"])), url
    # what failed in the first run was recorded with a reason, and resolved once it succeeded
    assert len(after_first) >= 10, "at 20 % faults with no retries many URLs fail"
    assert all(error for error, _ in after_first.values())
    now = failures(sqlite_url)
    for url in after_first:
        error, resolved = now[url]
        assert resolved or url not in truth, (url, error)
