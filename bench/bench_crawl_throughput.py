"""Benchmark: crawl throughput on the portal replicas, full pipeline chain versus pipelines off.

    python bench/bench_crawl_throughput.py                 # 8 sites x 150 articles
    python bench/bench_crawl_throughput.py --articles 300

Starts the replicas in this process (a thread), then runs `scrapy crawlall` twice in a subprocess,
each into a fresh SQLite archive (the spiders read the archive for their incremental checks even
with pipelines off): once with the full chain (extraction, indicators, storage), once with
``-s ITEM_PIPELINES={}``. Same replicas, same run. Prints a Markdown table for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from _crawlbench import machine, run_scrapy

from tests.replica import ReplicaServer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=150, help="articles per site")
    args = parser.parse_args()
    rows = []
    with (
        ReplicaServer(articles=args.articles, seed=11) as replica,
        tempfile.TemporaryDirectory() as tmp,
    ):
        for label, extra in (
            ("full pipeline chain", []),
            ("pipelines off", ["-s", "ITEM_PIPELINES={}"]),
        ):
            archive = f"sqlite:///{Path(tmp) / (label.split()[0] + '.db')}"
            crawl = run_scrapy(replica.url, archive, "crawlall", *extra)
            pages = crawl.get("response_received_count")
            items = crawl.get("item_scraped_count")
            rows.append((label, crawl.wall, pages, items, pages / crawl.wall))
    print(f"machine: {machine()}")
    print(f"replicas: {args.articles} articles per site, 8 sites\n")
    print("| run | wall (s) | responses | items archived | responses/s |")
    print("|---|---:|---:|---:|---:|")
    for label, wall, pages, items, rate in rows:
        print(f"| {label} | {wall:.1f} | {pages} | {items} | {rate:.1f} |")
    print(f"\nratio full / off (wall time): {rows[0][1] / rows[1][1]:.2f}x")


if __name__ == "__main__":
    main()
