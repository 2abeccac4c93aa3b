"""Errors raised by the pure extraction functions.

Every message names the input (file name or URL) and says what to do next, because it ends up
in crawl logs and in the ``fetch_failures`` table where a person reads it.
"""

from __future__ import annotations


class BadInputError(ValueError):
    """The document cannot be turned into an article (empty, binary, undecodable, no text)."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")
