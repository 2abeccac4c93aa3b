"""The sites the portal spider crawls, one module per site, each defining ``PROFILE``.

Adding a site: write ``crawler/sites/<key>.py`` with ``PROFILE = SiteProfile(...)`` and import it
below. The imports are explicit (no discovery) so that a typo fails loudly at import time.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from crawler.sites import (
    backan,
    baobackan,
    baothainguyen,
    cokhivietnam,
    congthuong,
    congthuongthainguyen,
    tapchicongthuong,
    thainguyen,
)
from crawler.sites.base import Listing, SelectorVersion, SiteProfile

_MODULES = (
    backan,
    baobackan,
    baothainguyen,
    cokhivietnam,
    congthuong,
    congthuongthainguyen,
    tapchicongthuong,
    thainguyen,
)


def all_profiles() -> list[SiteProfile]:
    """Every site profile, sorted by key."""
    return sorted((m.PROFILE for m in _MODULES), key=lambda p: p.key)


def get_profile(key: str) -> SiteProfile:
    for profile in all_profiles():
        if profile.key == key:
            return profile
    known = ", ".join(p.key for p in all_profiles())
    raise KeyError(f"no site profile {key!r}; known sites: {known}")


def profile_for_url(url: str) -> SiteProfile | None:
    """The profile whose domains hold ``url``'s host, after that profile's host rewrites."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    for profile in all_profiles():
        if profile.host_rewrites.get(host, host) in profile.domains:
            return profile
    return None


__all__ = [
    "Listing",
    "SelectorVersion",
    "SiteProfile",
    "all_profiles",
    "get_profile",
    "profile_for_url",
]
