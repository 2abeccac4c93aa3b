"""Hostile input on every filter of every query command, SQL built from input, download limits.

Each command runs as a person would run it (``python -m scrapy ...`` in a subprocess) against a
populated SQLite archive. The only acceptable answers are output (possibly empty) or a clear usage
message; afterwards every table must hold exactly what it held before.
"""

from __future__ import annotations

import hashlib
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from scrapy.utils.project import get_project_settings
from sqlalchemy import create_engine, inspect, text

from pipelines.decoding import MAX_DOCUMENT_BYTES
from tests.conftest import PROJECT_ROOT
from tests.crawler.archive_cli import make_archive, scrapy

INJECTION = "'; DROP TABLE articles; --"
HOSTILE = [
    INJECTION,
    "' OR '1'='1",
    '"; DELETE FROM indicators; --',
    "%",
    "_",
    "%_%",
    "\\",
    "\\'; --\\%",
    "Thái Nguyên' UNION SELECT * FROM crawl_runs --",
    "x" * 10_240,
    "công nghiệp) OR (1=1",
    '* NEAR NOT AND OR "',
]
# every string option of every query command (positional arguments as None)
COMMANDS: dict[str, list[str | None]] = {
    "indicators": ["--province", "--province-current", "--indicator", "--sector", "--measure",
                   "--from", "--to", "--status", "--source"],
    "articles": [None, "--source", "--from", "--to", "--province"],
    "chart": [None, "--sector", "--province", "--province-current", "--measure", "--from", "--to"],
    "reprocess": ["--site", "--from", "--to", "--extractor-version"],
}  # fmt: skip
# what a refused input may say: Scrapy prints UsageError messages and argparse errors like this
USAGE = re.compile(r"usage|error|not a |unknown|invalid|give |must|expected", re.I)


def _fingerprint(archive_url: str) -> dict[str, str]:
    """Schema and a digest of every row of every table."""
    engine = create_engine(archive_url)
    out: dict[str, str] = {}
    with engine.connect() as conn:
        out["schema"] = "\n".join(
            str(r) for r in conn.execute(text("SELECT type, name, sql FROM sqlite_master ORDER BY name"))
        )  # fmt: skip
        for table in inspect(conn).get_table_names():
            rows = conn.execute(
                text(f'SELECT * FROM "{table}" ORDER BY 1')
            ).all()  # names from the schema
            out[table] = hashlib.sha256(repr(rows).encode()).hexdigest() + f" {len(rows)}"  # fmt: skip
    engine.dispose()
    return out


def _runs(command: str, tmp_path: Path) -> list[list[str]]:
    options = COMMANDS[command]
    runs: list[list[str]] = []

    def args(option: str | None, value: str) -> list[str]:
        pos = [] if option is None else [option, value]
        if command == "chart":  # an INDICATOR is required; the output goes to tmp
            indicator = value if option is None else "industrial_output_value"
            return [indicator, *pos, "-o", str(tmp_path / "chart.html")]
        if option is None:
            return ["--", value]
        return pos

    for i, option in enumerate(options):
        runs.append([command, *args(option, INJECTION)])
        runs.append([command, *args(option, HOSTILE[1 + i % (len(HOSTILE) - 1)])])
    for value in HOSTILE:  # every filter at once
        combined: list[str] = []
        for option in options:
            if option is not None:
                combined += [option, value]
        if command == "chart":
            combined = [value, *combined, "-o", str(tmp_path / "chart.html")]
        elif None in options:
            combined += ["--", value]
        runs.append([command, *combined])
    return runs


@pytest.mark.slow
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_security_hostile_filters(command: str, tmp_path: Path) -> None:
    archive = make_archive(tmp_path, "series_articles.json", "search_articles.json")
    before = _fingerprint(archive)
    assert int(before["articles"].split()[1]) > 0 and int(before["indicators"].split()[1]) > 0
    runs = _runs(command, tmp_path)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda a: (a, scrapy(archive, *a)), runs))
    for args, result in results:
        shown = [a[:40] for a in args]
        assert "Traceback" not in result.stderr, (shown, result.stderr[-3000:])
        assert result.returncode in (0, 1, 2), (shown, result.returncode, result.stderr[-2000:])
        if result.returncode:
            assert USAGE.search(result.stderr + result.stdout), (shown, result.stderr[-2000:])
    assert _fingerprint(archive) == before


SQL_FROM_INPUT = [
    # SQL text built by formatting: execute(f"..."), text(f"..."), exec_driver_sql(f"...")
    re.compile(r"\b(?:execute|text|exec_driver_sql|executescript)\(\s*f[\"']"),
    re.compile(r"\b(?:execute|text|exec_driver_sql|executescript)\([^)]*[\"']\s*%\s*[\w(]"),
    re.compile(r"\b(?:execute|text|exec_driver_sql|executescript)\([^)]*[\"']\s*\.format\("),
    re.compile(r"\b(?:execute|text|exec_driver_sql)\([^)]*[\"']\s*\+\s*\w"),
]


def test_security_no_sql_built_from_strings() -> None:
    offenders = []
    for folder in ("storage", "crawler", "pipelines"):
        for path in sorted((PROJECT_ROOT / folder).rglob("*.py")):
            if "migrations" in path.parts:
                continue  # Alembic scripts: constant identifiers, never input
            source = path.read_text(encoding="utf-8")
            for pattern in SQL_FROM_INPUT:
                for match in pattern.finditer(source):
                    line = source.count("\n", 0, match.start()) + 1
                    offenders.append(f"{path.relative_to(PROJECT_ROOT)}:{line}: {match.group(0)}")
    assert not offenders, "SQL built from strings (use bound parameters):\n" + "\n".join(offenders)


def test_security_download_size_limits() -> None:
    settings = get_project_settings()
    maxsize = settings.getint("DOWNLOAD_MAXSIZE")
    warnsize = settings.getint("DOWNLOAD_WARNSIZE")
    assert 0 < warnsize < maxsize <= 64 * 1024 * 1024
    # the extraction refuses what the downloader would: a file:// read bypasses DOWNLOAD_MAXSIZE
    assert maxsize >= MAX_DOCUMENT_BYTES
