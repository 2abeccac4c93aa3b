"""Attack: a hostile site crawled by an unchanged portal spider, on SQLite and PostgreSQL.

``tests/fixtures/hostile/server.py`` serves one attack per article (a 23-digit view counter, URLs
of 2,049 to 4,000 characters, one invalid byte, a lying BOM, a NUL byte, passages in TCVN3, VNI,
VISCII and windows-1258 inside UTF-8 pages, charsets declared wrong in the header and the meta tag,
255 and 100,000 nested divs, an SQL-injection title, a redirect off the site, a gzip bomb, a
server error). The crawl must end normally, print no traceback, and account for every article:
archived with the right text, or recorded in ``fetch_failures`` with the reason.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, select

from storage.models import Article, CrawlRun, FetchFailure
from tests.conftest import PROJECT_ROOT
from tests.fixtures.hostile.server import ARTICLE, CASES, SPIDER, HostileServer, case_url

BY_NAME = {c.name: c for c in CASES}
INT64_MAX = 2**63 - 1


@pytest.fixture(scope="module")
def hostile() -> Iterator[HostileServer]:
    with HostileServer() as server:
        yield server


def crawl(server: HostileServer, archive_url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", SPIDER, "-s", f"REPLICA_URL={server.url}"],
        cwd=PROJECT_ROOT,
        env={**os.environ, "ARCHIVE_URL": archive_url, "LOG_LEVEL": "INFO"},
        capture_output=True,
        text=True,
        errors="replace",
        timeout=300,
        check=False,
    )


def attack(server: HostileServer, archive_url: str) -> None:
    result = crawl(server, archive_url)
    log = result.stderr
    assert result.returncode == 0, log[-4000:]
    for crash in ("Traceback", "Task exception was never retrieved", "AssertionError"):
        assert crash not in log, log[-4000:]
    engine = create_engine(archive_url)
    with engine.connect() as conn:
        articles = {a.canonical_url: a for a in conn.execute(select(Article))}
        failures = {f.url: f for f in conn.execute(select(FetchFailure))}
        run = conn.execute(select(CrawlRun)).one()
    engine.dispose()
    title = ARTICLE["title"]
    for case in CASES:
        url = case_url(case)
        # every case lands in exactly one place: nothing is lost
        assert (url in articles) != (url in failures), (case.name, url in articles)
        if not case.archived:
            assert case.failure in failures[url].error, (case.name, failures[url].error)
            continue
        article = articles[url]
        assert article.url == url and len(article.canonical_url) == len(url), case.name
        assert ARTICLE["paragraphs"][1] in article.body, (case.name, article.body[:300])
        if not case.name.startswith("sql"):
            assert article.title == title, (case.name, article.title)
        assert "\ufffd" not in article.title, case.name
    assert run.finish_reason == "finished"
    assert run.failures == len([c for c in CASES if not c.archived])

    # what each oddity became
    views = articles[case_url(BY_NAME["views_overflow"])]
    assert views.views == INT64_MAX
    assert any("views" in note for note in views.stats["fitted"])
    bad = articles[case_url(BY_NAME["bad_byte"])]
    assert bad.stats["decoding"]["replaced"] == 1
    assert articles[case_url(BY_NAME["nul_byte"])].stats["decoding"]["removed"] == 1
    assert "lying BOM" in " ".join(
        articles[case_url(BY_NAME["lying_bom"])].stats["decoding"]["notes"]
    )
    for name in ("tcvn3_passage", "vni_passage", "viscii_passage", "cp1258_passage"):
        article = articles[case_url(BY_NAME[name])]
        assert ARTICLE["legacy_paragraph"] in article.body, (name, article.body[-400:])
        assert article.stats["decoding"]["converted"] > 0, name
    for name, encoding in (
        ("lying_charsets_tcvn3", "tcvn3"),
        ("lying_charsets_cp1258", "windows-1258"),
    ):
        assert articles[case_url(BY_NAME[name])].stats["decoding"]["encoding"] == encoding
    for name in ("nested_255", "nested_100000"):
        body = articles[case_url(BY_NAME[name])].body
        assert all(p in body for p in ARTICLE["paragraphs"]), name
    sql = articles[case_url(BY_NAME["sql_title"])]
    assert sql.title is not None and "DROP TABLE articles" in sql.title
    assert "moved off the site" in log  # the offsite redirect is named in the log


def test_attack_hostile_site_sqlite(hostile: HostileServer, sqlite_url: str) -> None:
    attack(hostile, sqlite_url)


@pytest.mark.postgres
def test_attack_hostile_site_postgresql(hostile: HostileServer, pg_url: str) -> None:
    attack(hostile, pg_url)
