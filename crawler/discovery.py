"""Discovery health: is each entry point of a site (listing, sitemap, feed) still doing its job?

A listing whose link selector matches nothing looks, to a spider, exactly like an empty listing;
a sitemap that answers 404 or lists nothing, a feed URL that now serves an HTML page, an entry
point that redirects to another site: each makes a crawl end quietly with nothing new. These pure
functions turn what a response showed into a *problem* — site, kind of entry point, URL and a
sentence saying what to do — which the portal spider records in the stats
(``discovery/problems``, ``discovery/<kind>/<problem>``) and the health extension reports at the
end of the run (and ``crawl_runs.stats`` keeps).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from lxml import etree

# Stats: the problems of this run (a JSON list of objects: the archive keeps stats as plain
# values), the article links every entry point found in total.
PROBLEMS = "discovery/problems"
ARTICLE_LINKS = "discovery/article_links"
FEED_ROOTS = frozenset({"rss", "feed", "RDF"})


@dataclass(frozen=True)
class Problem:
    site: str
    kind: str  # "listing" | "sitemap" | "feed" | "entry" (an entry point of unknown kind)
    url: str
    problem: str  # "broken" | "no_articles" | "missing" | "empty" | "not_a_sitemap" | ...
    detail: str  # one sentence a person can act on

    def as_dict(self) -> dict[str, str]:
        return asdict(self)

    def line(self) -> str:
        return f"{self.site}: {self.kind} {self.url}: {self.detail}"


def listing_problem(
    site: str, url: str, link_selector: str, links: int, articles: int
) -> Problem | None:
    """The first page of a listing must yield article links; later pages may be empty."""
    if links == 0:
        return Problem(
            site, "listing", url, "broken",
            f"the link selector {link_selector!r} matched nothing on the first page: the "
            f"listing's layout has probably changed; fix Listing.link_selector in "
            f"crawler/sites/{site}.py",
        )  # fmt: skip
    if articles == 0:
        return Problem(
            site, "listing", url, "no_articles",
            f"{links} links on the first page, none matches the site's article URL patterns: "
            f"check SiteProfile.article_patterns in crawler/sites/{site}.py",
        )  # fmt: skip
    return None


def sitemap_problem(
    site: str, url: str, parsed_type: str | None, entries: int, articles: int | None
) -> Problem | None:
    """``parsed_type``: "urlset", "sitemapindex", or None when the body was not a sitemap.
    ``articles``: article URLs among the entries of a urlset (None for an index)."""
    if parsed_type not in {"urlset", "sitemapindex"}:
        what = f"a <{parsed_type}> document" if parsed_type else "not XML"
        return Problem(
            site, "sitemap", url, "not_a_sitemap",
            f"not a sitemap ({what}): remove it from SiteProfile.sitemaps or fix its URL",
        )  # fmt: skip
    if entries == 0:
        return Problem(site, "sitemap", url, "empty", "the sitemap lists nothing")
    if articles == 0:
        return Problem(
            site, "sitemap", url, "no_articles",
            f"{entries} URLs, none matches the site's article URL patterns",
        )  # fmt: skip
    return None


def feed_root(body: bytes) -> str | None:
    """The local name of the document's root element, or None when it is not XML."""
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False)
        root = etree.fromstring(body.lstrip(), parser=parser)
    except (etree.XMLSyntaxError, ValueError):
        return None
    return etree.QName(root).localname


def feed_problem(site: str, url: str, root: str | None, items: int) -> Problem | None:
    if root not in FEED_ROOTS:
        what = f"a <{root}> document" if root else "not XML (an HTML page?)"
        return Problem(
            site, "feed", url, "not_a_feed",
            f"not an RSS/Atom feed ({what}): remove it from SiteProfile.feeds or fix its URL",
        )  # fmt: skip
    if items == 0:
        return Problem(site, "feed", url, "empty", "the feed has no items")
    return None


def offsite_problem(site: str, kind: str, url: str, final_url: str) -> Problem:
    return Problem(
        site, kind, url, "offsite",
        f"redirects off-site to {final_url}: the site may have moved; add the new host to "
        f"SiteProfile.domains (or host_rewrites) in crawler/sites/{site}.py",
    )  # fmt: skip


def fetch_problem(site: str, kind: str, url: str, status: int | None, error: str) -> Problem:
    """An entry point that answered 4xx/5xx or could not be reached."""
    if status == 404 and kind == "sitemap":
        return Problem(site, kind, url, "missing", "HTTP 404: the sitemap is missing")
    if status is not None:
        return Problem(site, kind, url, f"http_{status}", f"HTTP {status}")
    return Problem(site, kind, url, "unreachable", error)


def problems_of(stats: dict[str, Any]) -> list[dict[str, str]]:
    """The problems recorded in a run's stats (live or as stored in ``crawl_runs.stats``)."""
    raw = stats.get(PROBLEMS)
    return list(json.loads(raw)) if raw else []


def record(stats: Any, problem: Problem) -> None:
    """Add ``problem`` to a Scrapy stats collector (the JSON list, and a counter per kind)."""
    problems = problems_of(stats.get_stats())
    if problem.as_dict() in problems:
        return
    problems.append(problem.as_dict())
    stats.set_value(PROBLEMS, json.dumps(problems, ensure_ascii=False))
    stats.inc_value(f"discovery/{problem.kind}/{problem.problem}")
