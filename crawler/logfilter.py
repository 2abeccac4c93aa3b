"""Keeps database passwords out of the logs.

Scrapy logs every overridden setting when a crawler starts ("Overridden settings: {...}"), which
would print ``-s ARCHIVE_URL=postgresql+psycopg://user:secret@host/db`` in clear. This filter
rewrites any ``scheme://user:password@`` in a log record before it is formatted.
"""

from __future__ import annotations

import logging
import re

_CREDENTIALS = re.compile(
    r"(?P<scheme>[a-zA-Z][a-zA-Z0-9+.\-]*://)(?P<user>[^:/@\s'\"]*):[^@/\s'\"]+@"
)


def redact(text: str) -> str:
    return _CREDENTIALS.sub(r"\g<scheme>\g<user>:***@", text)


class RedactCredentialsFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken record is not ours to fix
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


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
    """Attach the filters to the loggers they concern (idempotent)."""
    for name in ("scrapy.crawler", "scrapy.utils.log", "scrapy.core.engine", "py.warnings"):
        _add(name, RedactCredentialsFilter())
    _add("scrapy.downloadermiddlewares.robotstxt", PlainNetworkErrorsFilter())
