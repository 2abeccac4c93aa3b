"""What the crawler knows about one site, as data (the fundus way).

A site module in this package defines one ``PROFILE = SiteProfile(...)``. The generic portal
spider (``crawler/spiders/portals.py``) turns every profile into a spider named ``profile.key``.
Selectors are versioned by date: a layout change adds a ``SelectorVersion`` instead of editing
the old one, so a page fetched years ago is re-parsed with the rules valid when it was fetched,
and every stored article records the version that produced it.

Evidence: every version and listing says where its values come from (``source``: the public
repository and commit date of ``shared/real-markup.md``, or ``UNVERIFIED``), and a version lists
the fields for which nothing confirms its selectors (``unverified``). ``scrapy sites`` prints
both beside what matched on the live (or replica) pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from pipelines.html import SiteSelectors
from pipelines.urls import canonicalize

UNVERIFIED = "unverified: no public evidence, a guess at the CMS's usual markup"
# A slug as real sites make them: ASCII words joined by hyphens, where a removed punctuation mark
# leaves a run ("thai-nguyen--gia-tri", tapchicongthuong.vn, real-markup.md); letter case is
# ignored by the matching. Patterns are strict only about the article's marker (id, ending).
SLUG = r"[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?"


@dataclass(frozen=True)
class SelectorVersion:
    """Selectors valid for pages fetched before ``valid_until`` (None: still valid)."""

    selectors: SiteSelectors
    valid_until: date | None = None
    source: str = UNVERIFIED  # "<owner>/<repo> @<commit> (<YYYY-MM>): <file>", or UNVERIFIED
    unverified: tuple[str, ...] = ()  # fields of this version that no evidence confirms


@dataclass(frozen=True)
class Listing:
    """A paginated list of articles (a category page).

    ``page_url`` is a template for pages after the first, with ``{page}`` (1-based page number)
    and/or ``{offset}`` (``(page - 1) * page_size``), e.g. ``...?s_cond=&BRSR={offset}``.
    """

    url: str
    link_selector: str
    page_url: str | None = None
    page_size: int = 20
    max_pages: int = 200
    source: str = UNVERIFIED  # evidence for the link selector (see SelectorVersion.source)


@dataclass(frozen=True)
class SiteProfile:
    key: str  # the spider name, e.g. "congthuong"
    name: str  # the publisher's name, e.g. "Báo Công Thương"
    base_url: str  # e.g. "https://congthuong.vn"
    domains: tuple[str, ...]  # hosts whose pages belong to this site (after rewrites)
    article_patterns: tuple[str, ...]  # regexes (searched in the URL path) of article pages
    listings: tuple[Listing, ...] = ()
    sitemaps: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()  # RSS/Atom
    selectors: tuple[SelectorVersion, ...] = ()  # ordered by valid_until, None (current) last
    host_rewrites: dict[str, str] = field(default_factory=dict)  # old host -> current host
    skip_patterns: tuple[str, ...] = ()  # regexes of URLs never to fetch (advertising, ...)
    province: str | None = None  # the province the publisher covers (metadata hint only)
    drop_params: tuple[str, ...] = ()  # query parameters that never change the page (Liferay)
    # Article URLs for `scrapy check` and `scrapy sites`: real ones where the evidence has them
    examples: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Paths are matched without regard to letter case (SharePoint's /Pages/, slugs typed by
        # editors): the patterns are strict about what marks an article, not about spelling.
        flags = re.IGNORECASE
        object.__setattr__(
            self, "_article_res", tuple(re.compile(p, flags) for p in self.article_patterns)
        )
        object.__setattr__(
            self, "_skip_res", tuple(re.compile(p, flags) for p in self.skip_patterns)
        )

    def canonical(self, url: str) -> str:
        return canonicalize(url, self.host_rewrites, self.drop_params)

    def owns(self, url: str) -> bool:
        """True for URLs on this site's hosts (after the host rewrites)."""
        from urllib.parse import urlsplit

        host = (urlsplit(self.canonical(url)).hostname or "").removeprefix("www.")
        return host in self.domains

    def is_skipped(self, url: str) -> bool:
        """True for URLs the profile never fetches on purpose (advertising, ...)."""
        return any(r.search(url) for r in self._skip_res)  # type: ignore[attr-defined]

    def is_article(self, url: str) -> bool:
        """True for URLs of this site's article pages that are not to be skipped."""
        from urllib.parse import urlsplit

        parts = urlsplit(self.canonical(url))
        host = (parts.hostname or "").removeprefix("www.")
        if host not in self.domains:
            return False
        if any(r.search(url) for r in self._skip_res):  # type: ignore[attr-defined]
            return False
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        return any(r.search(target) for r in self._article_res)  # type: ignore[attr-defined]

    def selector_candidates(self, fetched: date | None = None) -> tuple[SiteSelectors, ...]:
        """The version valid on ``fetched`` first, then the others, newest first.

        A site may still serve some old pages in an old layout; trying the other versions before
        the generic fallback keeps those pages on site selectors.
        """
        first = self.selectors_for(fetched)
        others = [v.selectors for v in reversed(self.selectors) if v.selectors is not first]
        return ((first,) if first else ()) + tuple(others)

    def selectors_for(self, fetched: date | None = None) -> SiteSelectors | None:
        """The selector version valid on ``fetched`` (today when None)."""
        when = fetched or date.today()
        for version in self.selectors:
            if version.valid_until is None or when < version.valid_until:
                return version.selectors
        return self.selectors[-1].selectors if self.selectors else None
