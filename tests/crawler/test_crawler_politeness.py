"""Identity and politeness: user agent, robots.txt, Crawl-delay, replica routing."""

from __future__ import annotations

import pytest
from scrapy.settings import Settings

from crawler import settings as project_settings
from crawler.replica import from_replica, to_replica
from crawler.spiders.portals import SPIDERS
from tests.crawler.test_crawler_portals import last_stats, run_scrapy
from tests.replica import ReplicaServer

REPLICA = "http://127.0.0.1:8765"


@pytest.mark.parametrize(
    "url",
    [
        "https://congthuong.vn/cong-nghiep?s_cond=&BRSR=20",
        "http://congthuongthainguyen.gov.vn/vn/bao-cao-thang-quy/x-5205.phtml",
        "https://bbk.baothainguyen.vn/",
    ],
)
def test_replica_routing_round_trip(url: str) -> None:
    wire = to_replica(url, REPLICA)
    assert wire.startswith(REPLICA + "/")
    assert from_replica(wire, REPLICA, url.split(":")[0]) == url


def test_redirects_to_other_hosts_are_left_alone() -> None:
    assert from_replica("https://example.org/x", REPLICA, "https") == "https://example.org/x"


def test_live_settings_are_polite() -> None:
    s = Settings()
    s.setmodule(project_settings)
    assert s.getbool("ROBOTSTXT_OBEY")
    assert s.getbool("AUTOTHROTTLE_ENABLED")
    assert s.getint("CONCURRENT_REQUESTS_PER_DOMAIN") <= 2
    assert s.getfloat("DOWNLOAD_DELAY") >= 1.0
    assert "tn-econ-archive" in s.get("USER_AGENT") and s.get("ARCHIVE_CONTACT") in s.get(
        "USER_AGENT"
    )
    assert 0 < s.getint("DOWNLOAD_WARNSIZE") < s.getint("DOWNLOAD_MAXSIZE")


def test_replica_lifts_politeness_but_not_robots() -> None:
    s = Settings()
    s.setmodule(project_settings)
    s.set("REPLICA_URL", REPLICA, priority="cmdline")
    SPIDERS["congthuong"].update_settings(s)
    assert s.getfloat("DOWNLOAD_DELAY") == 0
    assert not s.getbool("AUTOTHROTTLE_ENABLED")
    assert s.getbool("ROBOTSTXT_OBEY")


def test_crawl_delay_from_robots_is_honoured(sqlite_url: str) -> None:
    with ReplicaServer(articles=3, seed=2) as replica:  # its robots.txt says Crawl-delay: 1
        run_scrapy(
            replica, sqlite_url, "crawl", "cokhivietnam", "-s", "CRAWL_DELAY_ON_REPLICA=True"
        )
        disallowed = [t for t in replica.hits if "/admin/" in t]
    stats = last_stats(sqlite_url, "cokhivietnam")
    assert stats["crawldelay/seconds"] == 1.0
    assert stats.get("crawldelay/applied", 0) >= 1
    assert stats["robotstxt/request_count"] == 1
    assert disallowed == []
