"""The pure rules of discovery health (crawler.discovery) and the end-of-run verdict."""

from __future__ import annotations

import json

from scrapy.utils.test import get_crawler

from crawler import discovery
from crawler.extensions.health import health_verdict


def test_listing_first_page_without_links_is_broken_not_empty() -> None:
    p = discovery.listing_problem("congthuong", "https://congthuong.vn/cong-nghiep", "h3 a", 0, 0)
    assert p is not None and p.problem == "broken" and "'h3 a' matched nothing" in p.detail
    p = discovery.listing_problem("congthuong", "https://congthuong.vn/x", "h3 a", 12, 0)
    assert p is not None and p.problem == "no_articles" and "article_patterns" in p.detail
    assert discovery.listing_problem("congthuong", "https://congthuong.vn/x", "h3 a", 12, 3) is None


def test_sitemaps_and_feeds() -> None:
    assert discovery.sitemap_problem("s", "u", None, 0, None).problem == "not_a_sitemap"  # type: ignore[union-attr]
    assert discovery.sitemap_problem("s", "u", "html", 0, None).problem == "not_a_sitemap"  # type: ignore[union-attr]
    assert discovery.sitemap_problem("s", "u", "urlset", 0, 0).problem == "empty"  # type: ignore[union-attr]
    assert discovery.sitemap_problem("s", "u", "sitemapindex", 3, None) is None
    assert discovery.feed_root(b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>') == "rss"
    assert discovery.feed_root(b"<feed xmlns='http://www.w3.org/2005/Atom'></feed>") == "feed"
    assert discovery.feed_root(b"<!DOCTYPE html><html><body><p>x</body></html>") is None
    assert discovery.feed_problem("s", "u", None, 0).problem == "not_a_feed"  # type: ignore[union-attr]
    assert discovery.feed_problem("s", "u", "rss", 0).problem == "empty"  # type: ignore[union-attr]
    assert discovery.feed_problem("s", "u", "rss", 4) is None


def test_fetch_problems_and_recording_in_stats() -> None:
    assert discovery.fetch_problem("s", "sitemap", "u", 404, "").problem == "missing"
    assert discovery.fetch_problem("s", "listing", "u", 403, "").problem == "http_403"
    assert (
        discovery.fetch_problem("s", "feed", "u", None, "DNSLookupError").problem == "unreachable"
    )
    crawler = get_crawler()
    stats = crawler.stats
    assert stats is not None
    stats.open_spider()
    problem = discovery.offsite_problem(
        "backan", "listing", "https://backan.gov.vn/a", "https://x.vn/"
    )
    discovery.record(stats, problem)
    discovery.record(stats, problem)  # once
    assert json.loads(stats.get_value(discovery.PROBLEMS)) == [problem.as_dict()]
    assert stats.get_value("discovery/listing/offsite") == 1


def test_verdict_names_broken_fields_and_empty_sites() -> None:
    stats = {
        "extraction/method/selectors": 4,
        "extraction/selector_miss/date": 4,
        "extraction/selector_miss/sapo": 1,
        discovery.ARTICLE_LINKS: 0,
    }
    verdict = health_verdict(stats, has_selectors=True)
    assert verdict["health/selectors_broken"] == 0
    assert verdict["health/selector_fields_broken"] == "date"
    assert verdict["health/yielded_nothing"] == 1
    stats["archive/articles/unchanged"] = 4  # a re-crawl that found its articles archived
    assert health_verdict(stats, has_selectors=True)["health/yielded_nothing"] == 0
