"""Shared by the crawl benchmarks: run one `scrapy` subprocess against the replicas, time it,
and read its Scrapy stats from the log (the stats dump works with pipelines off, when no
crawl_runs row is written)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

_STAT = re.compile(r"'([\w/.-]+)': (\d+(?:\.\d+)?)[,}]")


@dataclass
class Crawl:
    wall: float  # seconds, process start to exit
    stats: dict[str, float]
    maxrss_kib: int  # peak resident set of the scrapy process (ru_maxrss of the waited child)

    def get(self, key: str) -> int:
        return int(self.stats.get(key, 0))


def machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in subprocess.run(
                ["lscpu"], capture_output=True, text=True
            ).stdout.splitlines()
            if line.startswith("Model name")
        ),
        "?",
    )
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{model}, {os.cpu_count()} cores, {mem:.0f} GiB, Python {sys.version.split()[0]}"


def run_scrapy(replica_url: str, archive_url: str, *args: str) -> Crawl:
    """One crawl in a fresh process. ru_maxrss is read in a fresh helper process per crawl, so
    the figure is this crawl's own peak, not the maximum over earlier ones."""
    code = (
        "import resource, subprocess, sys, json, time\n"
        "t = time.monotonic()\n"
        "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "wall = time.monotonic() - t\n"
        "sys.stderr.write(p.stderr)\n"
        "print(json.dumps([p.returncode, wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))\n"
    )
    cmd = [sys.executable, "-c", code, sys.executable, "-m", "scrapy", *args,
           "-s", f"REPLICA_URL={replica_url}", "-s", "LOG_LEVEL=INFO"]  # fmt: skip
    env = {**os.environ, "ARCHIVE_URL": archive_url}
    started = time.monotonic()
    proc = subprocess.run(cmd, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True)
    returncode, wall, maxrss = json.loads(proc.stdout.strip().splitlines()[-1])
    if returncode != 0 or "Traceback" in proc.stderr:
        raise RuntimeError(f"crawl failed ({returncode}):\n{proc.stderr[-3000:]}")
    assert time.monotonic() - started >= wall
    # `crawlall` dumps one block per spider: counts are summed over them
    stats: dict[str, float] = {}
    for dump in proc.stderr.split("Dumping Scrapy stats")[1:]:
        dump = dump[: dump.find("}") + 1]
        for key, value in _STAT.findall(dump):
            stats[key] = stats.get(key, 0.0) + float(value)
    return Crawl(wall=wall, stats=stats, maxrss_kib=int(maxrss))
