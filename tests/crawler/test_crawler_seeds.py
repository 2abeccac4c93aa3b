"""`scrapy crawl seeds` end to end, in a subprocess, into real archives."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from storage.models import Article, ArticleVersion, CrawlRun, FetchFailure, RawPage
from tests.conftest import PROJECT_ROOT, SEEDS_DIR


def crawl(archive_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ARCHIVE_URL": archive_url, "LOG_LEVEL": "INFO"}
    return subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "seeds", *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def count(engine, model) -> int:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(model)) or 0


def test_crawl_seeds_into_sqlite(sqlite_url: str) -> None:
    result = crawl(sqlite_url)
    assert result.returncode == 0, result.stderr[-3000:]
    engine = create_engine(sqlite_url)
    with engine.connect() as conn:
        articles = conn.execute(select(Article.canonical_url, Article.title, Article.body)).all()
        assert len(articles) == 5
        assert all(a.body.strip() for a in articles)
        pages = conn.execute(select(RawPage.url, RawPage.content)).all()
        on_disk = {p.name: p.read_bytes() for p in SEEDS_DIR.iterdir()}
        assert sorted(Path(p.url).name for p in pages) == sorted(on_disk)
        for page in pages:
            assert page.content == on_disk[Path(page.url).name]  # the exact bytes
        run = conn.execute(select(CrawlRun)).one()
        assert run.spider == "seeds" and run.finish_reason == "finished"
        assert run.articles_new == 5 and run.failures == 0
        assert run.stats.get("archive/articles/new") == 5
    engine.dispose()


def test_crawl_seeds_twice_changes_nothing(sqlite_url: str) -> None:
    assert crawl(sqlite_url).returncode == 0
    second = crawl(sqlite_url)
    assert second.returncode == 0, second.stderr[-3000:]
    engine = create_engine(sqlite_url)
    assert count(engine, Article) == 5
    assert count(engine, ArticleVersion) == 0
    assert count(engine, RawPage) == 5
    with engine.connect() as conn:
        runs = conn.execute(select(CrawlRun).order_by(CrawlRun.id)).all()
    assert [(r.articles_new, r.articles_unchanged) for r in runs] == [(5, 0), (0, 5)]
    engine.dispose()


def test_changed_seed_creates_a_version(sqlite_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    seed = folder / "004.txt"
    shutil.copy(SEEDS_DIR / "004_5efc145616acfbbc.txt", seed)
    assert crawl(sqlite_url, "-a", f"path={folder}").returncode == 0
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("135 tỷ đồng", "136 tỷ đồng"), encoding="utf-8"
    )
    result = crawl(sqlite_url, "-a", f"path={folder}")
    assert result.returncode == 0, result.stderr[-3000:]
    engine = create_engine(sqlite_url)
    assert count(engine, Article) == 1
    assert count(engine, ArticleVersion) == 1
    with engine.connect() as conn:
        body = conn.scalar(select(Article.body))
        old = conn.scalar(select(ArticleVersion.body))
        assert body is not None and "136 tỷ đồng" in body
        assert old is not None and "135 tỷ đồng" in old
    engine.dispose()


def test_bad_files_are_named_recorded_and_skipped(sqlite_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(SEEDS_DIR / "001_55768d6cad423618.txt", folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    )
    (folder / "zzz_also_good.txt").write_bytes(
        (SEEDS_DIR / "004_5efc145616acfbbc.txt").read_bytes()
    )
    result = crawl(sqlite_url, "-a", f"path={folder}")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "empty.txt" in result.stderr and "image.txt" in result.stderr
    engine = create_engine(sqlite_url)
    assert count(engine, Article) == 2  # the crawl went on past the bad files
    with engine.connect() as conn:
        failures = conn.execute(select(FetchFailure.url, FetchFailure.error)).all()
        run = conn.execute(select(CrawlRun)).one()
    assert sorted(Path(f.url).name for f in failures) == ["empty.txt", "image.txt"]
    assert all(f.error for f in failures)
    assert run.failures == 2
    engine.dispose()


def test_single_file_path(sqlite_url: str) -> None:
    result = crawl(sqlite_url, "-a", f"path={SEEDS_DIR / '002_1bdef0a6c397766b.txt'}")
    assert result.returncode == 0, result.stderr[-3000:]
    engine = create_engine(sqlite_url)
    assert count(engine, Article) == 1
    engine.dispose()


@pytest.mark.postgres
def test_crawl_seeds_into_postgresql_hides_the_password(pg_url: str) -> None:
    # trust auth ignores the password, so the crawl works while carrying a secret in its URL
    secret = "Sup3rSecretPw"
    url = pg_url.replace("postgres@", f"postgres:{secret}@", 1)
    assert secret in url
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "seeds", "-s", f"ARCHIVE_URL={url}"],
        cwd=PROJECT_ROOT,
        env={**os.environ, "LOG_LEVEL": "DEBUG"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "postgres:***@127.0.0.1" in result.stderr  # the archive is named in the log ...
    assert secret not in result.stderr + result.stdout  # ... without its password
    engine = create_engine(pg_url)
    assert count(engine, Article) == 5
    with engine.connect() as conn:
        stored = " ".join(str(v) for v in conn.execute(select(CrawlRun.stats)).scalars())
    assert secret not in stored
    engine.dispose()
