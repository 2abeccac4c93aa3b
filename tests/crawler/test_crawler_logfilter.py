"""Database passwords never reach the logs, whatever logger prints them."""

from __future__ import annotations

import logging
import pprint

import pytest

from crawler import logfilter


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "postgresql+psycopg://bob:s3cr%40t@db.example:5432/archive",
            "postgresql+psycopg://bob:***@db.example:5432/archive",
        ),
        ("redis://:hunter2@127.0.0.1:6379/0", "redis://:***@127.0.0.1:6379/0"),
        ("sqlite:///archive.db", "sqlite:///archive.db"),
        ("https://congthuong.vn/a-1.html?x=1", "https://congthuong.vn/a-1.html?x=1"),
    ],
)
def test_redact(text: str, expected: str) -> None:
    assert logfilter.redact(text) == expected


def test_overridden_settings_record_is_redacted(caplog: pytest.LogCaptureFixture) -> None:
    logfilter.install()
    logger = logging.getLogger("scrapy.crawler")
    settings = {"ARCHIVE_URL": "postgresql+psycopg://bob:TopSecret@h/db", "BOT_NAME": "x"}
    with caplog.at_level(logging.INFO, logger="scrapy.crawler"):
        # the exact call Scrapy makes when a crawler starts
        logger.info("Overridden settings:\n%(settings)s", {"settings": pprint.pformat(settings)})
    assert "TopSecret" not in caplog.text
    assert "bob:***@h/db" in caplog.text
