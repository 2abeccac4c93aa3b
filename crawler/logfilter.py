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


def install() -> None:
    """Attach the filter to the loggers that may print settings or URLs (idempotent)."""
    for name in ("scrapy.crawler", "scrapy.utils.log", "scrapy.core.engine", "py.warnings"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactCredentialsFilter) for f in logger.filters):
            logger.addFilter(RedactCredentialsFilter())
