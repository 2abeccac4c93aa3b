"""Attack: values the columns could not hold, a store that fails, a failure that cannot be
recorded, and a page that shrinks to a sliver — on SQLite and PostgreSQL.

Before: a 23-digit view counter lost the article on both backends, every run; a 2,049-character
URL was lost without trace on PostgreSQL (the store failed, recording the failure failed too);
a 23-character body replaced a good one.
"""

from __future__ import annotations

import logging
import math
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from crawler.items import ArticleItem
from crawler.spiders.seeds import SeedsSpider
from pipelines.storage import StoragePipeline
from storage import repository as repo
from storage.db import open_archive, session_factory, transaction
from storage.models import Article, FetchFailure, IndicatorFact
from tests.conftest import PROJECT_ROOT, SEEDS_DIR

BODY = "\n\n".join(
    [
        "Thái Nguyên: công nghiệp tăng trưởng",
        "Giá trị sản xuất công nghiệp của tỉnh ước đạt 18.500 tỷ đồng, tăng 7,4% so với cùng kỳ.",
    ]
)


def _record(url: str, **fields: object) -> repo.ArticleRecord:
    values: dict[str, object] = {"canonical_url": url, "url": url, "body": BODY}
    values |= {"extractor_version": "t", **fields}
    return repo.ArticleRecord(**values)  # type: ignore[arg-type]


def _store(archive_url: str, record: repo.ArticleRecord) -> None:
    engine = open_archive(archive_url)
    with transaction(session_factory(engine)) as session:
        source = repo.get_or_create_source(session, "attack")
        repo.upsert_article(session, record, source)
    engine.dispose()


def _article(archive_url: str, url: str) -> Article:
    engine = create_engine(archive_url)
    with engine.connect() as conn:
        row = conn.execute(select(Article).where(Article.canonical_url == url)).one()
    engine.dispose()
    return row  # type: ignore[return-value]


@pytest.mark.parametrize("views", [10**22, 2**63, -(10**20)])
def test_attack_view_counter_overflow(archive_url: str, views: int) -> None:
    url = f"https://baothainguyen.vn/kinh-te/202403/views-{abs(views) % 97}/"
    _store(archive_url, _record(url, views=views))
    article = _article(archive_url, url)
    assert article.views == (2**63 - 1 if views > 0 else -(2**63))
    assert any("clamped" in note for note in article.stats["fitted"])


@pytest.mark.parametrize("length", [2049, 2083, 2700, 8000, 100_000])
def test_attack_long_urls(archive_url: str, length: int) -> None:
    prefix = "https://baothainguyen.vn/kinh-te/202403/"
    url = prefix + "a" * (length - len(prefix))
    _store(archive_url, _record(url))
    _store(archive_url, _record(url))  # the same URL again: found, not duplicated
    article = _article(archive_url, url)
    assert article.canonical_url == url and article.url == url
    engine = open_archive(archive_url)
    with transaction(session_factory(engine)) as session:
        repo.record_failure(session, url + "/x", "a failure of a long URL")
        repo.record_failure(session, url + "/x", "again")
        assert repo.known_urls(session, [url]) == {url}
    with engine.connect() as conn:
        attempts = conn.scalar(select(FetchFailure.attempts).where(FetchFailure.url == url + "/x"))
        assert conn.scalar(text("SELECT count(*) FROM articles")) == 1
    engine.dispose()
    assert attempts == 2


def test_attack_too_long_text_fields_on_postgresql_are_cut(archive_url: str) -> None:
    url = "https://baothainguyen.vn/kinh-te/202403/author-1/"
    author = "Nguyễn Văn A " * 100  # 1,300 characters for a varchar(255)
    _store(archive_url, _record(url, author=author, published_at="2024-03-26T08:30:00+07:00" * 3))
    article = _article(archive_url, url)
    if make_url(archive_url).get_backend_name() == "postgresql":
        assert article.author is not None and len(article.author) == 255
        assert any("author" in note for note in article.stats["fitted"])
    else:  # SQLite enforces no length: nothing is cut
        assert article.author == author


@pytest.mark.parametrize("value", [math.nan, math.inf, "n/a"])
def test_attack_non_finite_fact_is_dropped_not_the_article(archive_url: str, value: object) -> None:
    url = f"https://baothainguyen.vn/kinh-te/202403/nan-{value!s:.3}/"
    good = {"indicator": "industrial_output_value", "measure": "level", "value": 1.85e13,
            "unit": "VND", "period": "2024-Q1", "evidence": "18.500 tỷ đồng"}  # fmt: skip
    bad = {**good, "value": value, "period": "2024-03"}
    _store(archive_url, _record(url, facts=[good, bad]))
    article = _article(archive_url, url)
    engine = create_engine(archive_url)
    with engine.connect() as conn:
        values = list(conn.scalars(select(IndicatorFact.value)))
    engine.dispose()
    assert values == [1.85e13]
    assert "not a number" in article.stats["dropped_facts"][0]


REFUSE = {
    "sqlite": [
        "CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN NEW.title LIKE '%refuse me%' "
        "BEGIN SELECT RAISE(ABORT, 'refused by the database'); END"
    ],
    "postgresql": [
        "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF NEW.title LIKE '%refuse me%' THEN RAISE EXCEPTION 'refused by the database'; END IF; "
        "RETURN NEW; END $$",
        "CREATE TRIGGER refuse BEFORE INSERT ON articles FOR EACH ROW EXECUTE FUNCTION refuse()",
    ],
}


def test_attack_store_failure_is_recorded(archive_url: str) -> None:
    """The database refuses the article (here: a trigger): the item is a recorded failure."""
    crawler = get_crawler(SeedsSpider, {"ARCHIVE_URL": archive_url})
    crawler.spider = crawler._create_spider()
    crawler.stats.open_spider()
    pipeline = StoragePipeline.from_crawler(crawler)
    pipeline.open_spider()
    assert pipeline.engine is not None
    with pipeline.engine.begin() as conn:
        for statement in REFUSE[pipeline.engine.dialect.name]:
            conn.execute(text(statement))
    url = "file:///attack/refused.txt"
    item = ArticleItem(url=url, canonical_url=url, source="seeds", raw=b"x", body=BODY,
                       title="Bài viết refuse me")  # fmt: skip
    with pytest.raises(DropItem) as dropped:
        pipeline.process_item(item)
    pipeline.item_dropped(item, None, dropped.value, crawler.spider)
    pipeline.spider_closed(crawler.spider, "finished")
    engine = create_engine(archive_url)
    with engine.connect() as conn:
        failure = conn.execute(select(FetchFailure.url, FetchFailure.error)).one()
        assert conn.scalar(text("SELECT count(*) FROM articles")) == 0
        assert conn.scalar(text("SELECT count(*) FROM raw_pages")) == 0  # rolled back whole
    engine.dispose()
    assert failure.url == url
    assert "could not be archived" in failure.error and "refused by the database" in failure.error
    assert crawler.stats.get_value("archive/failures") == 1


@pytest.mark.postgres
def test_attack_failure_that_cannot_be_recorded_is_loud(
    pg_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    """The archive turns read-only mid-run: neither the article nor its failure can be written.
    The loss is an ERROR naming the URL and a stat that makes the crawl exit 1."""
    crawler = get_crawler(SeedsSpider, {"ARCHIVE_URL": pg_url})
    crawler.spider = crawler._create_spider()
    crawler.stats.open_spider()
    pipeline = StoragePipeline.from_crawler(crawler)
    pipeline.open_spider()
    name = make_url(pg_url).database
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'))
        conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = :d AND pid <> pg_backend_pid()"
            ),
            {"d": name},
        )
    url = "file:///attack/read-only.txt"
    item = ArticleItem(url=url, canonical_url=url, source="seeds", raw=b"x", body=BODY)
    try:
        with caplog.at_level(logging.ERROR):
            with pytest.raises(DropItem) as dropped:
                pipeline.process_item(item)
            pipeline.item_dropped(item, None, dropped.value, crawler.spider)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" RESET default_transaction_read_only'))
        admin.dispose()
        pipeline._release()
    assert crawler.stats.get_value("archive/failures/unrecorded") == 1
    assert any(url in r.getMessage() and "NOT RECORDED" in r.getMessage() for r in caplog.records)


def _crawl(archive_url: str, folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "seeds", "-a", f"path={folder}"],
        cwd=PROJECT_ROOT,
        env={**os.environ, "ARCHIVE_URL": archive_url},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_attack_body_shrunk_to_a_sliver_is_refused(archive_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    seed = folder / "bai.txt"
    shutil.copy(SEEDS_DIR / "004_5efc145616acfbbc.txt", seed)
    assert _crawl(archive_url, folder).returncode == 0
    engine = create_engine(archive_url)
    with engine.connect() as conn:
        before = conn.execute(select(Article.body, Article.content_hash)).one()
    # the page now holds only its date, its title and two short sentences (~10 % of its words)
    title = next(line for line in seed.read_text(encoding="utf-8").splitlines() if "tăng" in line)
    sentences = (
        "Sản xuất công nghiệp của tỉnh trong tháng tiếp tục tăng trưởng khá so với cùng kỳ năm "
        "trước.\n\nCác doanh nghiệp điện tử và cơ khí đều mở rộng sản xuất, xuất khẩu tăng."
    )
    seed.write_text(f"10/11/2021\n\n{title}\n\n{sentences}\n", encoding="utf-8")
    result = _crawl(archive_url, folder)
    assert result.returncode == 1, result.stderr[-3000:]  # nothing archived: the run says so
    assert "not overwritten" in result.stderr
    with engine.connect() as conn:
        after = conn.execute(select(Article.body, Article.content_hash)).one()
        failure = conn.scalar(select(FetchFailure.error))
    engine.dispose()
    assert after == before
    assert failure is not None and "not overwritten" in failure


def test_attack_runs_of_one_process_are_not_marked_interrupted(archive_url: str) -> None:
    """`scrapy crawlall` runs several spiders in one process: the second to start must not take
    the first for a dead run."""
    pipelines = []
    for _ in range(2):
        crawler = get_crawler(SeedsSpider, {"ARCHIVE_URL": archive_url})
        crawler.spider = crawler._create_spider()
        crawler.stats.open_spider()
        pipeline = StoragePipeline.from_crawler(crawler)
        pipeline.open_spider()
        pipelines.append((crawler, pipeline))
    engine = create_engine(archive_url)
    with engine.connect() as conn:
        reasons = conn.execute(text("SELECT finish_reason FROM crawl_runs ORDER BY id")).all()
    assert [r[0] for r in reasons] == [None, None]
    for crawler, pipeline in pipelines:
        pipeline.spider_closed(crawler.spider, "finished")
    with engine.connect() as conn:
        reasons = conn.execute(text("SELECT finish_reason FROM crawl_runs ORDER BY id")).all()
    engine.dispose()
    assert [r[0] for r in reasons] == ["finished", "finished"]
