"""Attack: a database password in every form a URL or an error can carry it, on every log line
and every error message, at every log level.

Before: ``?password=`` and ``&sslpassword=`` in ARCHIVE_URL were printed in clear in the start-up
log line (overridden settings) and in the "cannot open the archive" error.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import pytest
from sqlalchemy import create_engine, text

from crawler import logfilter
from storage.db import redact_url
from storage.redaction import redact
from tests.conftest import PROJECT_ROOT

SECRET = "Xq7-secret-Pw"
FORMS = [
    (f"postgresql+psycopg://bob:{SECRET}@db:5432/tn", "postgresql+psycopg://bob:***@db:5432/tn"),
    (f"postgresql://db/tn?password={SECRET}", "postgresql://db/tn?password=***"),
    (f"postgresql://db/tn?user=bob&password={SECRET}&x=1", "postgresql://db/tn?user=bob&password=***&x=1"),
    (f"postgresql://db/tn?sslmode=require&sslpassword={SECRET}", "postgresql://db/tn?sslmode=require&sslpassword=***"),
    (f"postgresql://db/tn?PASSWORD={SECRET}", "postgresql://db/tn?PASSWORD=***"),
    (f"postgresql://db/tn?password%3D{SECRET}", "postgresql://db/tn?password%3D***"),
    (f"redis://:{SECRET}@127.0.0.1:6379/0", "redis://:***@127.0.0.1:6379/0"),
    (f"host=db dbname=tn user=bob password={SECRET}", "host=db dbname=tn user=bob password=***"),
    (f"host=db password='{SECRET} x' port=5432", "host=db password=*** port=5432"),
    (f"sslpassword = {SECRET} sslmode=require", "sslpassword = *** sslmode=require"),
    (f"{{'password': '{SECRET}', 'host': 'db'}}", "{'password': '***', 'host': 'db'}"),
    (f'{{"password": "{SECRET}"}}', '{"password": "***"}'),
    ("sqlite:///archive.db", "sqlite:///archive.db"),
    ("https://congthuong.vn/a-1.html?x=1&page=2", "https://congthuong.vn/a-1.html?x=1&page=2"),
    ("Telnet Password: 1234abcd", "Telnet Password: 1234abcd"),
]  # fmt: skip


@pytest.mark.parametrize(("raw", "expected"), FORMS)
def test_attack_redact_every_form(raw: str, expected: str) -> None:
    assert redact(raw) == expected
    assert SECRET not in redact(raw)


def test_attack_redact_url_hides_query_passwords() -> None:
    url = f"postgresql+psycopg://bob:{SECRET}@db/tn?password={SECRET}&sslpassword={SECRET}"
    shown = redact_url(url)
    assert SECRET not in shown
    assert shown.startswith("postgresql+psycopg://bob:***@db/tn?")


def test_attack_every_log_record_is_redacted(caplog: pytest.LogCaptureFixture) -> None:
    logfilter.install()
    logger = logging.getLogger("some.module.anywhere")
    with caplog.at_level(logging.DEBUG):
        logger.debug("connecting to %s", f"postgresql://db/tn?password={SECRET}")
        logger.warning("dsn: %(dsn)s", {"dsn": f"host=db password={SECRET}"})
        try:
            raise RuntimeError(f"connection to postgresql://bob:{SECRET}@db failed")
        except RuntimeError:
            logger.exception("failed")
    assert SECRET not in caplog.text
    for record in caplog.records:
        assert SECRET not in logging.Formatter().format(record)


def scrapy(*args: str, archive: str, level: str = "DEBUG") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scrapy", *args],
        cwd=PROJECT_ROOT,
        env={**os.environ, "ARCHIVE_URL": archive, "LOG_LEVEL": level},
        capture_output=True,
        text=True,
        errors="replace",
        timeout=120,
        check=False,
    )


UNREACHABLE = [
    f"postgresql+psycopg://bob:{SECRET}@127.0.0.1:9/tn",
    f"postgresql+psycopg://bob@127.0.0.1:9/tn?password={SECRET}",
    f"postgresql+psycopg://bob@127.0.0.1:9/tn?sslmode=disable&sslpassword={SECRET}",
]


@pytest.mark.parametrize("archive", UNREACHABLE)
@pytest.mark.parametrize(
    "command",
    [("crawl", "seeds"), ("indicators",), ("articles",), ("reprocess",),
     ("chart", "industrial_output_value", "-o", "/tmp/never.png")],
)  # fmt: skip
def test_attack_no_password_in_errors(archive: str, command: tuple[str, ...]) -> None:
    result = scrapy(*command, archive=archive)
    assert result.returncode == 1
    assert "cannot open the archive" in result.stderr
    assert SECRET not in result.stdout + result.stderr


@pytest.mark.parametrize("given", ["env", "setting"])
def test_attack_no_password_in_startup_lines(given: str, tmp_path: object) -> None:
    archive = f"sqlite:///{tmp_path}/a.db?password={SECRET}&sslpassword={SECRET}"
    args = ["crawl", "seeds"]
    if given == "setting":  # logged by Scrapy as an overridden setting
        args += ["-s", f"ARCHIVE_URL={archive}"]
    result = scrapy(*args, archive=archive if given == "env" else "sqlite://")
    assert "Spider closed" in result.stderr
    assert SECRET not in result.stdout + result.stderr


@pytest.mark.postgres
def test_attack_password_query_parameter_on_a_real_server(pg_url: str) -> None:
    """libpq takes ``?password=``: the crawl works, and the password is nowhere to be read."""
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("SELECT 1"))
    engine.dispose()
    separator = "&" if "?" in pg_url else "?"
    archive = f"{pg_url}{separator}password={SECRET}"
    result = scrapy("crawl", "seeds", "-s", f"ARCHIVE_URL={archive}", archive=archive)
    assert result.returncode == 0, result.stderr[-3000:]
    assert SECRET not in result.stdout + result.stderr
