"""Local replicas of the portals the crawler targets, for crawl tests without the internet.

    from tests.replica import ReplicaServer
    srv = ReplicaServer(articles=20, seed=0, faults=0.0).start()
    srv.url                  # "http://127.0.0.1:54321"; /<live host>/<live path> serves a page
    srv.set_articles(30)     # the sites publish 10 newer articles each
    srv.truth("congthuong")  # what a perfect crawl archives
    srv.hits                 # Counter of request targets
    srv.stop()

Command line: ``python -m tests.replica --port 8089 --articles 50 [--seed S] [--faults RATE]``.
"""

from __future__ import annotations

from tests.replica.server import ReplicaServer

__all__ = ["ReplicaServer"]
