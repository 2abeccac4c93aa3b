"""Two crawler processes share one crawl through scrapy-redis, writing to one PostgreSQL archive."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from urllib.parse import urlsplit

import pytest
import redis
from sqlalchemy import create_engine, func, select

from storage.models import Article, CrawlRun, RawPage
from tests.conftest import ON_CI, PROJECT_ROOT
from tests.replica import ReplicaServer

REDIS_URL = os.environ.get("ARCHIVE_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
SITE = "congthuong"


@pytest.fixture
def redis_url() -> str:
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except redis.RedisError as exc:
        message = f"Redis not reachable at {REDIS_URL}: {exc}"
        if ON_CI:
            pytest.fail(message + " (CI=true: distributed tests must run)", pytrace=False)
        pytest.skip(message)
    return REDIS_URL


def start_worker(
    replica: ReplicaServer, archive_url: str, redis_url: str, run: str
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "scrapy",
            "crawl",
            SITE,
            "-s",
            f"REPLICA_URL={replica.url}",
            "-s",
            f"REDIS_URL={redis_url}",
            "-s",
            f"DISTRIBUTED_RUN={run}",
            "-s",
            "DISTRIBUTED_IDLE_SECONDS=3",
        ],
        cwd=PROJECT_ROOT,
        env={**os.environ, "ARCHIVE_URL": archive_url, "LOG_LEVEL": "INFO"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.postgres
def test_distributed_two_workers_fetch_each_article_once(pg_url: str, redis_url: str) -> None:
    run = f"test-{uuid.uuid4().hex[:10]}"
    # slow answers keep both workers busy long enough to share the queue
    with ReplicaServer(
        articles=60, seed=4, faults=0.5, fault_kinds=("slow",), slow_seconds=0.3
    ) as replica:
        workers = [start_worker(replica, pg_url, redis_url, run) for _ in range(2)]
        logs = [w.communicate(timeout=300)[1] for w in workers]
        truth = replica.truth(SITE)
        hits = {target: n for target, n in replica.hits.items()}
    for worker, log in zip(workers, logs, strict=True):
        assert worker.returncode == 0, log[-3000:]
        assert "Traceback" not in log, log[-3000:]
    targets = ["/" + urlsplit(str(t["url"])).netloc + urlsplit(str(t["url"])).path for t in truth]
    assert {t: hits.get(t, 0) for t in targets} == dict.fromkeys(targets, 1)  # each fetched once
    engine = create_engine(pg_url)
    with engine.connect() as conn:
        archived = list(conn.scalars(select(Article.canonical_url)))
        pages = conn.scalar(select(func.count()).select_from(RawPage))
        runs = conn.execute(select(CrawlRun.finish_reason, CrawlRun.articles_new)).all()
    engine.dispose()
    assert sorted(archived) == sorted(str(t["url"]) for t in truth)  # all archived, no duplicates
    assert pages == len(truth)
    assert [r.finish_reason for r in runs] == ["finished", "finished"]
    assert all(r.articles_new > 0 for r in runs), runs  # both workers did part of the work
    assert sum(r.articles_new for r in runs) == len(truth)
    redis.Redis.from_url(redis_url).delete(
        f"tn:{SITE}:{run}:requests", f"tn:{SITE}:{run}:dupefilter"
    )
