"""Benchmark: incremental re-crawl cost at archive sizes 1,000 and 10,000 articles.

    python bench/bench_incremental.py                      # sizes 1000 and 10000
    python bench/bench_incremental.py --sizes 1000 --site congthuong

For each size N, one replica site serves N articles: a first crawl into a fresh SQLite archive,
a second crawl with nothing new, then a third after the site grows by 10 articles. Requests are
``downloader/request_count`` from the run's ``crawl_runs.stats``; time is the wall time of the
`scrapy crawl` process. Prints a Markdown table for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from _crawlbench import machine, run_scrapy
from sqlalchemy import create_engine, select

from storage.models import CrawlRun
from tests.replica import ReplicaServer


def run_stats(archive: str) -> dict:
    engine = create_engine(archive)
    with engine.connect() as conn:
        stats = conn.scalar(select(CrawlRun.stats).order_by(CrawlRun.id.desc()).limit(1))
    engine.dispose()
    return stats or {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--site", default="congthuong")
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        with ReplicaServer(articles=size, seed=5) as replica, tempfile.TemporaryDirectory() as tmp:
            archive = f"sqlite:///{Path(tmp) / 'archive.db'}"
            for label in ("first crawl", "nothing new", "10 new articles"):
                if label == "10 new articles":
                    replica.set_articles(size + 10)
                crawl = run_scrapy(replica.url, archive, "crawl", args.site)
                stats = run_stats(archive)
                rows.append((size, label, stats.get("downloader/request_count", 0),
                             stats.get("archive/articles/new", 0), crawl.wall))  # fmt: skip
    print(f"machine: {machine()}")
    print(f"site: {args.site}\n")
    print("| archive size | crawl | requests | new articles | wall (s) |")
    print("|---:|---|---:|---:|---:|")
    for size, label, requests, new, wall in rows:
        print(f"| {size:,} | {label} | {requests:,} | {new:,} | {wall:.1f} |")


if __name__ == "__main__":
    main()
