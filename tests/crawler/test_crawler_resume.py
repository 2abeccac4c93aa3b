"""Pause and resume with JOBDIR: the resumed run fetches only what is missing, and loses nothing."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, select

from storage.models import Article, CrawlRun
from tests.crawler.test_crawler_portals import entry_requests, run_scrapy
from tests.replica import ReplicaServer


def test_jobdir_pause_and_resume(sqlite_url: str, tmp_path: Path) -> None:
    jobdir = tmp_path / "job"
    site = "baothainguyen"
    with ReplicaServer(articles=40, seed=5) as replica:
        # stop gracefully after a few items, as Ctrl-C would
        run_scrapy(replica, sqlite_url, "crawl", site, "-s", f"JOBDIR={jobdir}",
                   "-s", "CLOSESPIDER_ITEMCOUNT=6", "-s", "CONCURRENT_REQUESTS=2")  # fmt: skip
        engine = create_engine(sqlite_url)
        with engine.connect() as conn:
            first = set(conn.scalars(select(Article.canonical_url)))
            reason = conn.scalar(select(CrawlRun.finish_reason))
        assert reason == "closespider_itemcount"
        assert 6 <= len(first) < 40
        run_scrapy(replica, sqlite_url, "crawl", site, "-s", f"JOBDIR={jobdir}")
        truth = {str(t["url"]) for t in replica.truth(site)}

    with engine.connect() as conn:
        archived = list(conn.scalars(select(Article.canonical_url)))
        runs = conn.execute(
            select(CrawlRun.finish_reason, CrawlRun.stats).order_by(CrawlRun.id)
        ).all()
    engine.dispose()
    assert sorted(archived) == sorted(truth)  # everything, each once
    assert runs[-1].finish_reason == "finished"
    # the resumed run asked only for articles the first run had not archived
    assert runs[-1].stats.get("archive/articles/new") == 40 - len(first)
    assert runs[-1].stats.get("archive/articles/unchanged", 0) <= 2  # in flight at the pause
    # requests restored from the JOBDIR queue are not re-counted by the spider: count downloads
    stats = runs[-1].stats
    articles_downloaded = (
        stats["downloader/request_count"]
        - entry_requests(stats)
        - stats["incremental/listing_pages"]
    )
    assert 40 - len(first) <= articles_downloaded <= 40 - len(first) + 2
