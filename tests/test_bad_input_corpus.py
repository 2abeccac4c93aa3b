"""The bad-input corpus through `scrapy extract` and through the ingest crawl, end to end.

The corpus is ``tests/fixtures/bad_input_corpus/`` plus the generated cases of
``tests.bad_input_generator`` (30 MB text, 25 MB HTML, HTML bombs, symbolic-link loops, a file
name that is not UTF-8), built in a temporary directory. Every case must be refused with a clear
message naming the file, or come out as an article with valid fields; nothing may crash, hang,
or touch what the archive already holds.
"""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from sqlalchemy import create_engine, select

from pipelines.localfiles import DOCUMENT_SUFFIXES
from storage.models import Article, CrawlRun, FetchFailure, IndicatorFact
from tests.bad_input_generator import GENERATED, STORED, build_corpus, case_names
from tests.conftest import PROJECT_ROOT

# Cases refused whatever the route (`scrapy extract` or the crawl), and a word of the reason.
MUST_REFUSE = {
    "empty.txt": "empty document",
    "whitespace_only.txt": "empty document",
    "bom_only.txt": "empty document",
    "image.png": "binary content (PNG image)",
    "image_named_as_article.html": "binary content (PNG image)",
    "photo.jpg": "binary content (JPEG image)",
    "document.pdf": "binary content (PDF document)",
    "report.zip": "binary content (ZIP archive",
    "page.html.gz": "binary content (gzip",
    "random_bytes.bin": "binary content",
    "mostly_control_chars.txt": "binary content (control characters)",
    "json_data.json": "JSON data",
    "huge_30mb.txt": "too large",
    "huge_25mb.html": "too large",
    "million_empty_p.html": "too large",
    "script_only.html": "no article text",
    "title_only.txt": "no article text",
    "one_word_2mb.txt": "no article text",
    "symlink_loop_a.txt": "symbolic link",
    "symlink_self.txt": "symbolic link",
}
# Cases that are articles despite their oddities, with what must hold of them.
MUST_EXTRACT = {
    "nfd_vietnamese.txt",
    "windows1258_combining.txt",
    "windows1258_declared.html",
    "utf16le_bom.txt",
    "utf16be_bom.txt",
    "html_inside_p.html",
    "impossible_dates.txt",
    "date_year_9999.txt",
    "numbers_weird.txt",
    "prompt_injection.txt",
    "sql_title.txt",
    "sql_title.html",
    "title_5000_chars.txt",
    "nul_after_8kb.txt",
    "nul_at_start.txt",  # one NUL byte does not make a document binary (issue 12)
    "xxe_page.html",
    'tin "công nghiệp" it\'s (bản 2).txt',
}
ARTICLE_KEYS = {"file", "title", "sapo", "published_at", "author", "province",
                "province_current", "views", "body", "facts"}  # fmt: skip
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?\+07:00)?$")
# No legitimate run over the corpus comes near this: a hang or a catastrophic regex would.
TIME_LIMIT = 240
# A few kB per case; Scrapy's default item dump made it ~150 MB.
LOG_LIMIT = 1_000_000


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("bad_input") / "corpus")


def shown(name: str) -> str:
    """How a file name appears in JSON output and logs (bytes that are not UTF-8 as \\xNN)."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def scrapy(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", *args],
        cwd=PROJECT_ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", "LOG_LEVEL": "INFO", **(env or {})},
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=TIME_LIMIT,
        check=False,
    )
    assert time.monotonic() - started < TIME_LIMIT
    assert "Traceback" not in result.stderr, result.stderr[-4000:]
    return result


def test_bad_input_corpus_has_the_cases(corpus: Path) -> None:
    names = case_names(corpus)
    assert len(names) >= 40
    assert len(list(STORED.iterdir())) + len(GENERATED) <= len(names)
    assert set(MUST_REFUSE) | MUST_EXTRACT <= set(names)
    stored = sum(p.stat().st_size for p in STORED.iterdir())
    assert stored < 2_000_000, "big cases belong in tests/bad_input_generator.py, not in git"


def _valid_article(record: dict[str, Any]) -> None:
    assert set(record) >= ARTICLE_KEYS, record.keys()
    for key in ("title", "sapo", "author", "province", "province_current", "published_at"):
        assert record[key] is None or isinstance(record[key], str), key
    assert isinstance(record["body"], str) and record["body"].strip()
    assert "\x00" not in record["body"]
    assert record["views"] is None or (isinstance(record["views"], int) and record["views"] >= 0)
    if record["published_at"] is not None:
        assert ISO.match(record["published_at"]), record["published_at"]
        date.fromisoformat(record["published_at"][:10])  # a real calendar day
    assert isinstance(record["facts"], list)
    for fact in record["facts"]:
        assert isinstance(fact["value"], int | float) and math.isfinite(fact["value"]), fact
    assert "facts_error" not in record


def test_bad_input_extract_every_case_in_one_run(corpus: Path) -> None:
    # every case named on the command line: a named file is read whatever its extension
    result = scrapy("extract", *(str(corpus / n) for n in case_names(corpus)))
    assert result.returncode == 1, result.stderr[-2000:]  # some files hold no article
    records = [json.loads(line) for line in result.stdout.splitlines()]
    by_name = {Path(r["file"]).name: r for r in records}
    assert len(records) == len(by_name)
    assert sorted(by_name) == sorted(shown(n) for n in case_names(corpus))
    for name, record in by_name.items():
        if "error" in record:
            error = record["error"]
            assert isinstance(error, str) and len(error) > len(record["file"]) + 10, name
            assert record["file"] in error or name in error, (name, error)
        else:
            _valid_article(record)
    for name, reason in MUST_REFUSE.items():
        assert reason in by_name[name].get("error", ""), (name, by_name[name])
    for name in MUST_EXTRACT:
        assert "error" not in by_name[name], (name, by_name[name]["error"])
    # what the oddities must come out as
    assert by_name["impossible_dates.txt"]["published_at"] is None
    assert by_name["date_year_9999.txt"]["published_at"] is None
    assert by_name["sql_title.txt"]["title"] == "'; DROP TABLE articles; --"
    nfc = "Thái Nguyên: Sản xuất công nghiệp quý I tăng trưởng khá"
    for name in ("nfd_vietnamese.txt", "windows1258_combining.txt", "utf16be_bom.txt"):
        assert by_name[name]["title"] == nfc, name
    assert "root:" not in by_name["xxe_page.html"]["body"]  # no external entity was read
    assert "lollol" not in by_name["billion_laughs.xml"].get("body", "")


# --- the ingest path --------------------------------------------------------------------------


def crawl(archive_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    result = scrapy("crawl", "seeds", *args, env={"ARCHIVE_URL": archive_url})
    assert result.returncode == 0, result.stderr[-4000:]
    return result


def _snapshot(archive_url: str) -> tuple[list[Any], list[Any]]:
    """Every column of every article and fact row, in id order."""
    engine = create_engine(archive_url)
    with engine.connect() as conn:
        articles = conn.execute(select(Article.__table__).order_by(Article.id)).all()
        facts = conn.execute(select(IndicatorFact.__table__).order_by(IndicatorFact.id)).all()
    engine.dispose()
    return [tuple(r) for r in articles], [tuple(r) for r in facts]


def _ingest_corpus(archive_url: str, corpus: Path) -> None:
    crawl(archive_url)  # the five seeds
    seeds_before, facts_before = _snapshot(archive_url)
    assert len(seeds_before) == 5 and facts_before
    result = crawl(archive_url, "-a", f"path={corpus}")
    log = result.stderr
    assert "Spider closed (finished)" in log
    assert len(log) < LOG_LIMIT, f"log of {len(log)} characters"

    engine = create_engine(archive_url)
    with engine.connect() as conn:
        failures = conn.execute(select(FetchFailure.url, FetchFailure.error)).all()
        articles = conn.execute(select(Article.id, Article.url)).all()
        run = conn.execute(select(CrawlRun).order_by(CrawlRun.id.desc()).limit(1)).one()
    engine.dispose()
    failed = {Path(unquote(f.url, errors="backslashreplace")).name: f.error for f in failures}
    for name, error in failed.items():
        assert error and name in error, (name, error)
        assert name in log, f"{name} is not named in the log"
    # a folder walk reads documents only; the other files are skipped, and counted in the log
    documents = {
        shown(n) for n in case_names(corpus) if Path(n).suffix.lower() in DOCUMENT_SUFFIXES
    }
    skipped = {shown(n) for n in case_names(corpus)} - documents
    assert f"skipped {len(skipped)} file(s)" in log
    for name in set(MUST_REFUSE) & documents:
        assert name in failed, f"{name} was not recorded in fetch_failures"
    assert shown(next(n for n in case_names(corpus) if "khong_utf8" in n)) in failed
    # every document is accounted for: archived as an article, or recorded as a failure
    new = [a for a in articles if a.id not in {row[0] for row in seeds_before}]
    archived = {Path(unquote(a.url)).name for a in new}
    assert archived | set(failed) == documents
    assert not archived & set(failed)
    assert archived >= MUST_EXTRACT
    assert run.finish_reason == "finished" and run.failures == len(failed)

    seeds_after, facts_after = _snapshot(archive_url)
    seed_ids = {row[0] for row in seeds_before}
    assert [r for r in seeds_after if r[0] in seed_ids] == seeds_before
    article_col = [c.name for c in IndicatorFact.__table__.columns].index("article_id")
    assert [f for f in facts_after if f[article_col] in seed_ids] == facts_before


def test_bad_input_ingest_sqlite_leaves_the_seeds_untouched(sqlite_url: str, corpus: Path) -> None:
    _ingest_corpus(sqlite_url, corpus)


@pytest.mark.postgres
def test_bad_input_ingest_postgresql_leaves_the_seeds_untouched(pg_url: str, corpus: Path) -> None:
    _ingest_corpus(pg_url, corpus)
