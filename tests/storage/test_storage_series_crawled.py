"""One series per figure, on an archive built by real crawls: the seeds plus the replicas.

Seed 000 (cokhivietnam.vn) rewrites a baothainguyen.vn article of 26/03/2024 with the same figures;
the baothainguyen replica serves that original. Thái Nguyên's 2024-Q1 industrial output value
(2.03e14 VND) must come out once, with both sources.
"""

from __future__ import annotations

from storage.db import open_archive, session_factory
from storage.series import series
from tests.crawler.test_crawler_portals import run_scrapy
from tests.crawler.test_crawler_seeds import crawl
from tests.replica import ReplicaServer


def test_figure_from_seed_and_replica_is_one_point_with_both_sources(sqlite_url: str) -> None:
    assert crawl(sqlite_url).returncode == 0
    with ReplicaServer(articles=90, seed=1) as replica:
        run_scrapy(replica, sqlite_url, "crawl", "baothainguyen")
    engine = open_archive(sqlite_url)
    with session_factory(engine)() as session:
        points = [
            p
            for p in series(
                session,
                province_current="Thái Nguyên",
                indicator="industrial_output_value",
                measure="level",
                period_from="2024-Q1",
                period_to="2024-Q1",
            )
            if p.sector is None and p.period == "2024-Q1"
        ]
    engine.dispose()
    matching = [p for p in points if abs(p.value - 2.03e14) / 2.03e14 < 0.005]
    assert len(matching) == 1
    sources = sorted(s.source for s in matching[0].sources)
    assert sources == ["baothainguyen", "seeds"]
