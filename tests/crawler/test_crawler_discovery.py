"""First live run, rehearsed on the replicas: redesigned sites, broken entry points.

Each crawl is a real `scrapy` subprocess routed to the replica; what the run reports is read from
its log and from the stats it stored in `crawl_runs`.
"""

from __future__ import annotations

from sqlalchemy import create_engine, select

from crawler.discovery import problems_of
from crawler.sites import all_profiles
from storage.models import Article, Source
from tests.crawler.test_crawler_portals import as_published, last_stats, run_scrapy
from tests.replica import ReplicaServer
from tests.replica.sites import Page

SITES = [p.key for p in all_profiles()]
# a patch run in the crawl's process before the spiders load: listing selectors broken on purpose
BREAK_LISTINGS = """
import dataclasses, importlib
for key in ({keys}):
    module = importlib.import_module(f"crawler.sites.{{key}}")
    listings = tuple(dataclasses.replace(li, link_selector="div.gone a") for li in module.PROFILE.listings)
    module.PROFILE = dataclasses.replace(module.PROFILE, listings=listings)
"""


def archived(archive_url: str) -> dict[str, dict[str, object]]:
    engine = create_engine(archive_url)
    with engine.connect() as conn:
        rows = conn.execute(
            select(Source.key, Article.canonical_url, Article.title, Article.published_at,
                   Article.body).join(Source, Source.id == Article.source_id)
        ).all()  # fmt: skip
    engine.dispose()
    return {r.canonical_url: r._asdict() for r in rows}


def test_redesigned_sites_still_archive_and_are_named(sqlite_url: str) -> None:
    """Every site redesigned: no selector matches anything; metadata and the generic extractor
    carry the crawl, and the run names every site whose selectors stopped matching."""
    with ReplicaServer(articles=12, seed=21) as replica:
        replica.redesign = set(SITES)
        result = run_scrapy(replica, sqlite_url, "crawlall")
        truth = {site: replica.truth(site) for site in SITES}
    rows = archived(sqlite_url)
    whole, total = 0, 0
    for site in SITES:
        for expected in truth[site]:
            total += 1
            got = rows.get(str(expected["url"]))
            if got is None:
                continue
            paragraphs = str(expected["body_text"]).split("\n\n")
            whole += int(
                got["title"] == expected["title"]
                and got["published_at"] == as_published(str(expected["published_at"]))
                and all(p in str(got["body"]) for p in paragraphs)
            )
        stats = last_stats(sqlite_url, site)
        assert stats["health/selectors_broken"] == 1, site
        assert f"{site}: the site's selectors matched nothing" in result.stderr
    assert whole / total >= 0.95, f"{whole} of {total} articles whole"
    assert result.stderr.count("SELECTORS STOPPED MATCHING") == len(SITES)


def test_broken_listing_is_named_and_an_empty_site_fails_the_run(sqlite_url: str) -> None:
    """congthuong: both listings broken, its sitemap and feeds still work; cokhivietnam: the
    listing broken and the sitemap gone: it yields nothing, so crawlall exits non-zero."""
    patch = BREAK_LISTINGS.format(keys='"congthuong", "cokhivietnam",')
    with ReplicaServer(articles=6, seed=22) as replica:
        replica.override[("cokhivietnam.vn", "/sitemap.xml")] = Page.html("gone", status=404)
        result = run_scrapy(
            replica, sqlite_url, "crawlall", "congthuong", "cokhivietnam", expect=2, patch=patch
        )
    log = result.stderr
    for category in ("cong-nghiep", "dia-phuong"):
        assert (
            f"congthuong: listing https://congthuong.vn/{category}: the link selector "
            "'div.gone a' matched nothing on the first page" in log
        )
    stats = last_stats(sqlite_url, "congthuong")
    assert stats["discovery/listing/broken"] == 2
    assert stats["archive/articles/new"] == 6  # the sitemap and the feeds still carried it
    assert stats["health/yielded_nothing"] == 0
    problems = {(p["kind"], p["problem"]) for p in problems_of(stats)}
    assert problems == {("listing", "broken")}
    empty = last_stats(sqlite_url, "cokhivietnam")
    assert empty["health/yielded_nothing"] == 1
    assert {(p["kind"], p["problem"]) for p in problems_of(empty)} == {
        ("listing", "broken"),
        ("sitemap", "missing"),
    }
    assert "cokhivietnam: the site yielded nothing at all" in log
    assert "sites that yielded nothing at all: cokhivietnam (exit code 2)" in log


def test_entry_points_that_stopped_working_are_reported(sqlite_url: str) -> None:
    """A feed serving an HTML page, an empty sitemap, a listing redirecting to another site and
    a sitemap answering 500: each named by site and entry point, in the log and in crawl_runs."""
    with ReplicaServer(articles=10, seed=23) as replica:
        replica.override[("baothainguyen.vn", "/rss/home.rss")] = Page.html(
            "<html><body><h1>Trang chủ</h1></body></html>"
        )
        replica.override[("baothainguyen.vn", "/sitemap.xml")] = Page(
            b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            b"</urlset>",
            "application/xml",
        )
        moved = "https://thainguyen.gov.vn/web/guest/home"
        replica.override[("sokhdt.backan.gov.vn", "/Pages/tin-tuc-hoat-dong-213.aspx")] = Page(
            b"", "text/html", 301, (("Location", moved),)
        )
        replica.override[("backan.gov.vn", "/sitemap.xml")] = Page.html("down", status=500)
        result = run_scrapy(replica, sqlite_url, "crawlall", "baothainguyen", "backan")
    log = result.stderr
    tn = {(p["kind"], p["problem"], p["url"]) for p in problems_of(last_stats(sqlite_url, "baothainguyen"))}  # fmt: skip
    assert tn == {
        ("feed", "not_a_feed", "https://baothainguyen.vn/rss/home.rss"),
        ("sitemap", "empty", "https://baothainguyen.vn/sitemap.xml"),
    }
    bk = {(p["kind"], p["problem"], p["url"]) for p in problems_of(last_stats(sqlite_url, "backan"))}  # fmt: skip
    assert bk == {
        ("listing", "offsite", "https://sokhdt.backan.gov.vn/Pages/tin-tuc-hoat-dong-213.aspx"),
        ("sitemap", "http_500", "https://backan.gov.vn/sitemap.xml"),
    }
    assert "baothainguyen: feed https://baothainguyen.vn/rss/home.rss: not an RSS/Atom feed" in log
    assert f"redirects off-site to {moved}" in log
    assert "backan: sitemap https://backan.gov.vn/sitemap.xml: HTTP 500" in log
    # both sites still archived what their other entry points found
    assert last_stats(sqlite_url, "baothainguyen")["archive/articles/new"] == 10
    assert last_stats(sqlite_url, "backan")["health/yielded_nothing"] == 0
