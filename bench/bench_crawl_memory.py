"""Benchmark: peak memory of a 10,000-article crawl.

    python bench/bench_crawl_memory.py                     # one site, 10,000 articles
    python bench/bench_crawl_memory.py --articles 2000

One replica site serves the articles; `scrapy crawl` runs into a fresh SQLite archive with the
full pipeline chain. The figure is ru_maxrss of the scrapy process (getrusage(RUSAGE_CHILDREN) in
a helper process that waited for it and nothing else).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from _crawlbench import machine, run_scrapy

from tests.replica import ReplicaServer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--site", default="congthuong")
    args = parser.parse_args()
    with (
        ReplicaServer(articles=args.articles, seed=3) as replica,
        tempfile.TemporaryDirectory() as tmp,
    ):
        archive = f"sqlite:///{Path(tmp) / 'archive.db'}"
        crawl = run_scrapy(replica.url, archive, "crawl", args.site)
    print(f"machine: {machine()}")
    print(f"site: {args.site}, {args.articles:,} articles\n")
    print("| articles archived | responses | wall (s) | peak RSS (MiB) |")
    print("|---:|---:|---:|---:|")
    print(f"| {crawl.get('item_scraped_count'):,} | {crawl.get('response_received_count'):,} "
          f"| {crawl.wall:.0f} | {crawl.maxrss_kib / 1024:.0f} |")  # fmt: skip


if __name__ == "__main__":
    main()
