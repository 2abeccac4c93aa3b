"""Benchmark: fact-extraction time per article.

Run: ``python bench/bench_indicators.py`` (from the project root). Reports the median time of
``extract_facts`` on each seed (raw text, boilerplate included) and on a typical 600-word article
made of seed paragraphs. Goal: < 5 ms per 600-word article on the 2-core CI machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipelines.indicators import extract_facts  # noqa: E402

GOLD = ROOT.parent / "shared" / "gold" / "seeds.json"


def _time(body: str, published_at: str | None, repeat: int) -> float:
    """Median milliseconds per call."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        extract_facts(body, published_at=published_at)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def _typical_article(texts: list[str], words: int = 600) -> str:
    """Whole paragraphs from the seeds, in order, until ``words`` words."""
    out: list[str] = []
    count = 0
    for text in texts:
        for para in (p for p in text.split("\n") if len(p.split()) > 15):
            out.append(para)
            count += len(para.split())
            if count >= words:
                return "\n\n".join(out)
    return "\n\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    gold = json.loads(GOLD.read_text(encoding="utf-8")) if GOLD.exists() else {}
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    _time(texts[0], None, 5)  # warm-up: imports and regex caches
    for path, text in zip(seeds, texts, strict=True):
        published = gold.get(path.name, {}).get("published_at")
        ms = _time(text, published, args.repeat)
        print(f"{path.name:28} {len(text.split()):5d} words {ms:7.2f} ms")
    typical = _typical_article(texts)
    ms = _time(typical, "2024-04-26", args.repeat)
    print(f"{'typical article':28} {len(typical.split()):5d} words {ms:7.2f} ms  (goal < 5 ms)")


if __name__ == "__main__":
    main()
