"""A crawl killed with SIGKILL mid-run leaves a consistent archive, and the next run completes it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import create_engine, func, select, text

from storage.models import Article, CrawlRun, IndicatorFact, RawPage
from tests.conftest import PROJECT_ROOT
from tests.crawler.test_crawler_portals import run_scrapy
from tests.replica import ReplicaServer

SITE = "congthuong"


def count_articles(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(Article)) or 0
    except Exception:  # the schema may not exist yet
        return 0
    finally:
        engine.dispose()


def kill_mid_crawl(replica: ReplicaServer, archive_url: str, after: int) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "scrapy", "crawl", SITE, "-s", f"REPLICA_URL={replica.url}"],
        cwd=PROJECT_ROOT,
        env={**os.environ, "ARCHIVE_URL": archive_url, "LOG_LEVEL": "WARNING"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    try:
        while count_articles(archive_url) < after:
            assert proc.poll() is None, "the crawl ended before it could be killed"
            assert time.monotonic() < deadline, "the crawl made no progress"
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL


def assert_consistent(archive_url: str) -> None:
    engine = create_engine(archive_url)
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
        assert (
            conn.scalar(select(func.count()).where((Article.body.is_(None)) | (Article.body == "")))
            == 0
        )
        orphans = conn.scalar(
            select(func.count())
            .select_from(IndicatorFact)
            .where(~IndicatorFact.article_id.in_(select(Article.id)))
        )
        assert orphans == 0
        missing_pages = conn.scalar(
            select(func.count())
            .select_from(Article)
            .where(Article.raw_page_id.is_not(None), ~Article.raw_page_id.in_(select(RawPage.id)))
        )
        assert missing_pages == 0
        # every archived article has its raw page: it can be re-extracted offline
        assert conn.scalar(select(func.count()).where(Article.raw_page_id.is_(None))) == 0
    engine.dispose()


def crash_and_recover(archive_url: str) -> None:
    # slow answers keep the crawl going long enough to be killed in the middle
    with ReplicaServer(
        articles=120, seed=9, faults=0.15, fault_kinds=("slow",), slow_seconds=0.2
    ) as replica:
        kill_mid_crawl(replica, archive_url, after=15)
        survived = count_articles(archive_url)
        assert 15 <= survived < 120
        assert_consistent(archive_url)
        engine = create_engine(archive_url)
        with engine.connect() as conn:
            killed_run = conn.execute(select(CrawlRun.finished_at, CrawlRun.finish_reason)).one()
        engine.dispose()
        assert killed_run.finished_at is None  # the run is visibly unfinished
        run_scrapy(replica, archive_url, "crawl", SITE)
        truth = {str(t["url"]) for t in replica.truth(SITE)}
    assert_consistent(archive_url)
    engine = create_engine(archive_url)
    with engine.connect() as conn:
        archived = list(conn.scalars(select(Article.canonical_url)))
        last = conn.execute(
            select(CrawlRun.stats).order_by(CrawlRun.id.desc()).limit(1)
        ).scalar_one()
        killed = conn.execute(
            select(CrawlRun.finished_at, CrawlRun.finish_reason).order_by(CrawlRun.id).limit(1)
        ).one()
    engine.dispose()
    # the next run marked the killed one: no run stays "running" for ever
    assert killed.finish_reason == "interrupted" and killed.finished_at is not None
    assert sorted(archived) == sorted(truth)
    assert last["archive/articles/new"] == 120 - survived  # nothing fetched twice into the archive


def test_crash_sigkill_sqlite(sqlite_url: str) -> None:
    crash_and_recover(sqlite_url)


@pytest.mark.postgres
def test_crash_sigkill_postgresql(pg_url: str) -> None:
    crash_and_recover(pg_url)
