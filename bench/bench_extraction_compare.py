"""HTML extraction per article: this tree against a reference tree, in the same run.

    git worktree add /tmp/ref <commit>      # or: git archive <commit> | tar -x -C /tmp/ref
    python bench/bench_extraction_compare.py --reference /tmp/ref

Both trees extract the same documents in separate worker processes, alternately (A B A B …, so
that a change of machine load hits both), and each figure is the best CPU time (process time) per
article over the rounds, after one untimed pass (lazy imports: extruct loads rdflib once per
process, 0.4 s). Documents, at two sizes: the six portal pages of tests/fixtures/html
(4–9 kB) through the generic fallback and through their site selectors, and the same pages with
their body repeated eight times (30–70 kB, long monthly reports). The ratio this / reference is
the figure to watch (goal: at most 1.2).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 5
MIN_DOCS = 60

WORKER = r"""
import json, re, sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from pipelines.extraction import extract_document
from pipelines.html import SiteSelectors
html = Path(sys.argv[2])
raw = json.loads((html / "selectors.json").read_text(encoding="utf-8"))
profiles = {k: SiteSelectors(**{a: tuple(v) if isinstance(v, list) else v for a, v in s.items()})
            for k, s in raw.items()}
pages = [(p.name, p.read_bytes()) for p in sorted(html.glob("*.html"))]
def big(data):
    m = re.search(rb"<body[^>]*>(.*)</body>", data, re.S)
    return data if not m else data[: m.start(1)] + m.group(1) * 8 + data[m.end(1):]
corpora = {"small": pages, "large": [(n, big(d)) for n, d in pages]}
for name, data in pages:  # warm-up, untimed: lazy imports (extruct, dateparser), caches
    extract_document(data, source=name)
    extract_document(data, source=name, selectors=profiles[name.rsplit("_", 3)[0]])
out = {}
for size, docs in corpora.items():
    for mode in ("fallback", "selectors"):
        repeat = max(1, int(sys.argv[3]) // len(docs))
        start = time.process_time()
        for _ in range(repeat):
            for name, data in docs:
                sel = profiles[name.rsplit("_", 3)[0]] if mode == "selectors" else None
                extract_document(data, source=name, selectors=sel)
        out[f"{size}/{mode}"] = (time.process_time() - start) / (repeat * len(docs)) * 1000
print(json.dumps(out))
"""


def measure(tree: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", WORKER, str(tree), str(ROOT / "tests/fixtures/html"), str(MIN_DOCS)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reference", required=True, type=Path, help="the tree to compare with")
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    args = parser.parse_args()
    best: dict[str, dict[str, float]] = {"reference": {}, "this": {}}
    for _ in range(args.rounds):
        for label, tree in (("reference", args.reference), ("this", ROOT)):
            for key, ms in measure(tree).items():
                best[label][key] = min(ms, best[label].get(key, ms))
    load = os.getloadavg()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")  # fmt: skip
    print(f"{'documents/path':<20} {'reference ms':>13} {'this ms':>9} {'ratio':>7}")
    for key in best["reference"]:
        ref, this = best["reference"][key], best["this"][key]
        print(f"{key:<20} {ref:>13.2f} {this:>9.2f} {this / ref:>7.2f}")


if __name__ == "__main__":
    main()
