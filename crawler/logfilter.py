"""Keeps database passwords out of the logs, whoever logs them.

Scrapy logs every overridden setting when a crawler starts ("Overridden settings: {...}"), which
would print ``-s ARCHIVE_URL=postgresql+psycopg://user:secret@host/db`` in clear; drivers put
DSNs in their errors; a URL may carry ``?password=``. Every log record is redacted when it is
created (a log record factory, so it covers every logger and handler, Scrapy's and Twisted's
included) with the rules of ``storage.redaction``: userinfo, ``password=`` / ``sslpassword=``
query parameters, DSN ``password=`` pairs, ``'password': '...'`` reprs. Tracebacks attached to a
record are formatted and redacted there too.
"""

from __future__ import annotations

import logging
from typing import Any

from storage.redaction import redact

__all__ = ["PlainNetworkErrorsFilter", "RedactCredentialsFilter", "install", "redact"]


def redact_record(record: logging.LogRecord) -> logging.LogRecord:
    """The record with its message (and traceback text) redacted, in place."""
    try:
        message = record.getMessage()
    except Exception:  # a broken record is not ours to fix
        return record
    cleaned = redact(message)
    if cleaned != message:
        record.msg, record.args = cleaned, None
    if record.exc_info and record.exc_info[0] is not None and not record.exc_text:
        record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
    return record


class RedactCredentialsFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        redact_record(record)
        return True


def _redacting_factory(previous: Any) -> Any:
    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        return redact_record(previous(*args, **kwargs))

    factory.redacts = True  # type: ignore[attr-defined]
    return factory


class PlainNetworkErrorsFilter(logging.Filter):
    """A robots.txt that cannot be fetched because the host is gone is news, not a crash.

    Scrapy logs it with a full traceback; for network errors (DNS, refused connection, timeout)
    this keeps one line that names the host and the error, which is what a person needs.
    """

    NETWORK_ERRORS = (
        "DNSLookupError",
        "ConnectionRefusedError",
        "TimeoutError",
        "TCPTimedOutError",
        "ConnectionLost",
        "ResponseNeverReceived",
    )

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[0] is not None:
            name = record.exc_info[0].__name__
            if name in self.NETWORK_ERRORS:
                record.msg = f"{record.getMessage()} (robots.txt unreachable: {name}; the site's pages will be tried anyway)"
                record.args = None
                record.exc_info = None
                record.exc_text = None
        return True


def _add(logger_name: str, filter_: logging.Filter) -> None:
    logger = logging.getLogger(logger_name)
    if not any(type(f) is type(filter_) for f in logger.filters):
        logger.addFilter(filter_)


def install() -> None:
    """Redact every log record of this process; plain robots.txt network errors (idempotent)."""
    current = logging.getLogRecordFactory()
    if not getattr(current, "redacts", False):
        logging.setLogRecordFactory(_redacting_factory(current))
    _add("scrapy.downloadermiddlewares.robotstxt", PlainNetworkErrorsFilter())
