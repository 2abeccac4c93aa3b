"""Documents per second of the extraction layer: `python bench/bench_extraction.py`.

Measures, in one run on the same inputs: the text path (the five seeds), the HTML path through
the generic fallback and through site selectors (tests/fixtures/html), and trafilatura's own
``extract()`` on the same HTML as the reference. Each figure is the best of a few rounds of a
fixed number of documents, so a busy shared machine shows less; nothing runs for long.
"""

from __future__ import annotations

import json
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from pipelines.extraction import extract_document  # noqa: E402
from pipelines.html import SiteSelectors  # noqa: E402

HTML = ROOT / "tests" / "fixtures" / "html"
ROUNDS = 3
MIN_DOCS = 100


def rate(work: Callable[[bytes, str], object], docs: list[tuple[str, bytes]]) -> float:
    """Best documents/second over ROUNDS rounds of at least MIN_DOCS documents."""
    repeat = max(1, MIN_DOCS // len(docs))
    best = 0.0
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for _ in range(repeat):
            for name, data in docs:
                work(data, name)
        best = max(best, repeat * len(docs) / (time.perf_counter() - start))
    return best


def main() -> None:
    seeds = [(p.name, p.read_bytes()) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    pages = [(p.name, p.read_bytes()) for p in sorted(HTML.glob("*.html"))]
    raw = json.loads((HTML / "selectors.json").read_text(encoding="utf-8"))
    profiles = {
        site: SiteSelectors(**{k: tuple(v) if isinstance(v, list) else v for k, v in spec.items()})
        for site, spec in raw.items()
    }

    def with_selectors(data: bytes, name: str) -> object:
        return extract_document(data, source=name, selectors=profiles[name.rsplit("_", 3)[0]])

    texts = {
        name: data.decode("cp1258" if "congthuongthainguyen" in name else "utf-8")
        for name, data in pages
    }
    results = {
        "text path (5 seeds)": rate(lambda d, n: extract_document(d, source=n), seeds),
        "HTML fallback (5 pages)": rate(lambda d, n: extract_document(d, source=n), pages),
        "HTML selectors (5 pages)": rate(with_selectors, pages),
        "trafilatura.extract() alone (same 5 pages)": rate(
            lambda d, n: trafilatura.extract(texts[n], include_tables=True), pages
        ),
    }
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, trafilatura {trafilatura.__version__}")  # fmt: skip
    for label, value in results.items():
        print(f"{label:<45} {value:8.1f} docs/s")


if __name__ == "__main__":
    main()
