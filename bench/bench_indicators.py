"""Benchmark: fact-extraction time per article, against an earlier version in the same run.

Run: ``python bench/bench_indicators.py`` (from the project root; ``--baseline REV`` picks the
version compared with, default the last commit before issue 11's rules; ``--baseline none``
times the current code alone). Reports the median CPU time of ``extract_facts`` on each seed
(raw text, boilerplate included), on a typical 600-word article made of seed paragraphs and on a
long one (every seed paragraph, ~3,800 words: a cost that grows faster than the text shows
there). Each version runs in its own Python process, in alternating rounds, so both see the same
machine load; CPU time (``time.process_time``) leaves out the time the process waits for a
core. Goal: < 5 ms per 600-word article on the 2-core CI machine.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold" / "seeds.json"
DEFAULT_BASELINE = "4b7a812"  # main before issue 11 (extractor 0.3.0)


def _paragraphs(texts: list[str]) -> list[str]:
    return [p for text in texts for p in text.split("\n") if len(p.split()) > 15]


def _article(texts: list[str], words: int | None) -> str:
    """Whole paragraphs from the seeds, in order, until ``words`` words (None: all of them)."""
    out: list[str] = []
    count = 0
    for para in _paragraphs(texts):
        out.append(para)
        count += len(para.split())
        if words is not None and count >= words:
            break
    return "\n\n".join(out)


def documents() -> list[tuple[str, str, dict[str, Any]]]:
    """(name, text, the article fields ``extract_facts`` is given) of every document timed."""
    gold = json.loads(GOLD.read_text(encoding="utf-8")) if GOLD.exists() else {}
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    docs = []
    for path, text in zip(seeds, texts, strict=True):
        fields = gold.get(path.name, {})
        docs.append((path.name, text, {k: fields.get(k) for k in ("published_at", "province")}))
    fields = {"published_at": "2024-04-26", "province": "Thái Nguyên"}
    docs.append(("typical article", _article(texts, 600), fields))
    docs.append(("long article", _article(texts, None), fields))
    return docs


def worker(code: Path, repeat: int) -> None:
    """Time every document with the ``pipelines`` found in ``code``; print JSON medians (ms)."""
    sys.path.insert(0, str(code))
    from pipelines.indicators import extract_facts  # the version under test

    # as the pipeline calls it (pipelines.process): versions before issue 11 took no province
    takes_province = "province" in inspect.signature(extract_facts).parameters
    out: dict[str, float] = {}
    docs = documents()
    extract_facts(docs[0][1], published_at=None)  # warm-up: imports and regex caches
    for name, text, fields in docs:
        kwargs = fields if takes_province else {"published_at": fields["published_at"]}
        samples = []
        for _ in range(repeat):
            start = time.process_time()
            extract_facts(text, **kwargs)
            samples.append((time.process_time() - start) * 1000)
        out[name] = statistics.median(samples)
    print(json.dumps(out))


def _export(rev: str, into: Path) -> Path:
    """The ``pipelines`` package of ``rev`` (git archive), unpacked under ``into``."""
    archive = into / "baseline.tar"
    with archive.open("wb") as fh:
        subprocess.run(["git", "archive", rev, "pipelines"], cwd=ROOT, stdout=fh, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into / "code", filter="data")
    return into / "code"


def _run(code: Path, repeat: int) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, __file__, "--worker", str(code), "--repeat", str(repeat)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": ""},
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=60, help="calls per document per round")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per version")
    parser.add_argument("--baseline", default=DEFAULT_BASELINE, help="git revision, or 'none'")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.repeat)
        return
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}; CPU ms, median")
    with tempfile.TemporaryDirectory() as tmp:
        versions = {"current": ROOT}
        if args.baseline != "none":
            versions[f"baseline {args.baseline}"] = _export(args.baseline, Path(tmp))
        rounds: dict[str, list[dict[str, Any]]] = {name: [] for name in versions}
        for _ in range(args.rounds):
            for name, code in versions.items():
                rounds[name].append(_run(code, args.repeat))
    words = {name: len(text.split()) for name, text, _ in documents()}
    names = list(versions)
    print(f"{'document':24} {'words':>6} " + " ".join(f"{n[:18]:>18}" for n in names) + "  ratio")
    for doc, count in words.items():
        ms = [statistics.median(r[doc] for r in rounds[n]) for n in names]
        ratio = f"  {ms[0] / ms[1]:.2f}" if len(ms) > 1 else ""
        print(f"{doc:24} {count:6d} " + " ".join(f"{v:18.2f}" for v in ms) + ratio)


if __name__ == "__main__":
    main()
