"""Deterministic faults: which requests fail, and how.

A request is faulted when a hash of (seed, request target, attempt number) falls under the rate, so
the same crawl meets the same faults, and a retry (the next attempt at the same target) draws
again and usually succeeds. robots.txt and the replica's own endpoints are never faulted.

The kinds are what real portals do to crawlers: server errors, a connection that hangs until the
client gives up, a body cut short (Content-Length larger than what is sent), a slow answer, HTML
sent as text/plain, Vietnamese text in windows-1258 declared as UTF-8 (and the reverse), and a
redirect loop.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, replace
from urllib.parse import quote

from tests.replica.sites.base import Page

KINDS = (
    "status_500",
    "status_503",
    "hang",
    "truncated",
    "slow",
    "wrong_type",
    "cp1258_as_utf8",
    "utf8_as_cp1258",
    "redirect_loop",
)
MAX_HANG_SECONDS = 30.0  # a crawler's DOWNLOAD_TIMEOUT is shorter; never hold threads longer
LOOP_PREFIX = "/__replica_loop/"  # two paths on the faulted host that redirect to each other


@dataclass(frozen=True)
class FaultPlan:
    rate: float = 0.0
    seed: int = 0
    hang_seconds: float = MAX_HANG_SECONDS
    slow_seconds: float = 2.0
    kinds: tuple[str, ...] = KINDS

    def __post_init__(self) -> None:
        unknown = set(self.kinds) - set(KINDS)
        if unknown or not self.kinds:
            raise ValueError(f"unknown fault kinds {sorted(unknown)}; choose from {KINDS}")
        if not 0.0 <= self.rate <= 1.0:
            raise ValueError(f"fault rate must be within [0, 1], not {self.rate}")
        object.__setattr__(self, "hang_seconds", min(self.hang_seconds, MAX_HANG_SECONDS))

    def choose(self, target: str, attempt: int) -> str | None:
        """The fault for this attempt at ``target`` ("/host/path?query"), or None."""
        if self.rate <= 0.0 or is_exempt(target):
            return None
        digest = hashlib.sha256(f"{self.seed}|{target}|{attempt}".encode()).digest()
        if int.from_bytes(digest[:8], "big") / 2**64 >= self.rate:
            return None
        return self.kinds[int.from_bytes(digest[8:12], "big") % len(self.kinds)]


def is_exempt(target: str) -> bool:
    path = target.split("?", 1)[0]
    parts = path.split("/")  # "", host, rest...
    return (
        path.startswith("/_replica/")
        or (len(parts) == 3 and parts[2] == "robots.txt")
        or LOOP_PREFIX in path
    )


def encode_cp1258(text: str) -> bytes:
    """windows-1258 bytes: it has â, ê, ơ… but puts tones as combining marks after the letter."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", char)
        # Re-compose the base with the mark cp1258 has precomposed (e + ^ -> ê); NFD puts the
        # dot below first in "ệ", so look at every mark.
        for i, mark in enumerate(marks):
            composed = unicodedata.normalize("NFC", base + mark)
            if len(composed) == 1 and _encodable(composed):
                base, marks = composed, marks[:i] + marks[i + 1 :]
                break
        out += (base + "".join(marks)).encode("cp1258", errors="replace")
    return bytes(out)


def _encodable(text: str) -> bool:
    try:
        text.encode("cp1258")
    except UnicodeEncodeError:
        return False
    return True


def transform(kind: str, page: Page, live_url: str) -> Page:
    """The faulted answer for the kinds that change the response itself."""
    if kind in ("status_500", "status_503"):
        status = int(kind[-3:])
        body = f"<html><body><h1>{status} Service Unavailable</h1></body></html>".encode()
        return Page(body, "text/html; charset=utf-8", status, (("Retry-After", "1"),))
    if kind == "wrong_type":
        return replace(page, content_type="text/plain; charset=utf-8")
    if kind == "cp1258_as_utf8":
        return replace(page, body=encode_cp1258(page.body.decode("utf-8")))
    if kind == "utf8_as_cp1258":
        declared = page.body.replace(b'charset="utf-8"', b'charset="windows-1258"').replace(
            b"charset=utf-8", b"charset=windows-1258"
        )
        return replace(
            page, body=declared, content_type=page.content_type.replace("utf-8", "windows-1258")
        )
    if kind == "redirect_loop":
        scheme, _, rest = live_url.partition("://")
        host = rest.split("/", 1)[0]
        location = f"{scheme}://{host}{LOOP_PREFIX}0?from={quote(rest[len(host) :], safe='')}"
        return redirect(location)
    return page


def redirect(location: str) -> Page:
    return Page(b"", "text/html; charset=utf-8", 302, (("Location", location),))


def loop_step(scheme: str, host: str, path: str, query: str) -> Page:
    """``/__replica_loop/0`` -> ``/__replica_loop/1`` -> ``/__replica_loop/0`` …"""
    n = 1 - int(path.removeprefix(LOOP_PREFIX) == "1")
    return redirect(f"{scheme}://{host}{LOOP_PREFIX}{n}?{query}")
