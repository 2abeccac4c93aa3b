"""Attack: hostile command lines and environments. One clear line and a non-zero exit, never a
traceback, a hang or a run that says it worked when it did nothing.

Devices, FIFOs, sockets, /etc and missing paths as input; outputs into a missing folder, a folder
and a full disk (/dev/full: the kernel's own ENOSPC); ``--limit`` beyond 64 bits; an archive
server that is not there (with its password in every form); two writers on one SQLite file; a
killed run left "running".
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from storage.models import Article, CrawlRun, FetchFailure
from tests.conftest import PROJECT_ROOT, SEEDS_DIR
from tests.crawler.archive_cli import make_archive

TIME_LIMIT = 120
SECRET = "Sup3r-S3cret"
# an archive server that is not there, its password in the userinfo and in query parameters
UNREACHABLE = (
    f"postgresql+psycopg://archive:{SECRET}@127.0.0.1:9/tn?password={SECRET}&sslpassword={SECRET}"
)
CRASHES = (
    "Traceback",
    "Task exception was never retrieved",
    "AssertionError",
    "AlreadyCalledError",
)


def run(*args: str, archive: str, timeout: float = TIME_LIMIT) -> subprocess.CompletedProcess[str]:
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", *args],
        cwd=PROJECT_ROOT,
        env={**os.environ, "ARCHIVE_URL": archive, "PYTHONIOENCODING": "utf-8"},
        capture_output=True,
        text=True,
        errors="replace",
        timeout=timeout,
        check=False,
    )
    assert time.monotonic() - started < timeout
    for crash in CRASHES:
        assert crash not in result.stderr, result.stderr[-3000:]
    return result


def errors(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The error lines a person reads: ``error: ...`` and log lines at ERROR."""
    return [
        line
        for line in result.stderr.splitlines()
        if line.startswith("error:") or " ERROR: " in line
    ]


# --- bounded inputs -----------------------------------------------------------------------


@pytest.fixture
def specials(tmp_path: Path) -> dict[str, Path]:
    """A FIFO, a UNIX socket and a sparse file of 30 MB (nothing to read, but a size to see)."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    sock_path = tmp_path / "socket.txt"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock_path))
    sparse = tmp_path / "huge.txt"
    with open(sparse, "wb") as handle:
        handle.truncate(30 * 1024 * 1024)
    return {"/dev/zero": Path("/dev/zero"), "fifo": fifo, "socket": sock_path, "sparse": sparse}


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("/dev/zero", "character device"),
        ("fifo", "named pipe (FIFO)"),
        ("socket", "a socket"),
        ("sparse", "too large"),
    ],
)
def test_attack_extract_refuses_special_files(
    specials: dict[str, Path], name: str, says: str
) -> None:
    path = specials[name]
    result = run("extract", str(path), archive="sqlite://", timeout=60)
    assert result.returncode == 1
    assert says in result.stdout and str(path) in result.stdout


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("/dev/zero", "character device"),
        ("fifo", "named pipe (FIFO)"),
        ("socket", "a socket"),
        ("sparse", "too large"),
    ],
)
def test_attack_crawl_seeds_refuses_special_files(
    specials: dict[str, Path], name: str, says: str, sqlite_url: str
) -> None:
    path = specials[name]
    result = run("crawl", "seeds", "-a", f"path={path}", archive=sqlite_url, timeout=90)
    assert result.returncode == 1, result.stderr[-2000:]
    assert f"{path}: " in result.stderr and says in result.stderr
    assert "crawl seeds failed: nothing was archived" in result.stderr
    engine = create_engine(sqlite_url)
    with engine.connect() as conn:
        failures = list(conn.scalars(select(FetchFailure.error)))
        articles = conn.scalar(select(func.count()).select_from(Article))
    engine.dispose()
    assert articles == 0 and len(failures) == 1 and says in failures[0]


def test_attack_special_files_inside_a_folder(specials: dict[str, Path], sqlite_url: str) -> None:
    folder = specials["fifo"].parent
    shutil.copy(SEEDS_DIR / "004_5efc145616acfbbc.txt", folder / "good.txt")
    result = run("crawl", "seeds", "-a", f"path={folder}", archive=sqlite_url, timeout=90)
    assert result.returncode == 0, result.stderr[-2000:]
    engine = create_engine(sqlite_url)
    with engine.connect() as conn:
        failed = {Path(u).name for u in conn.scalars(select(FetchFailure.url))}
        archived = {Path(u).name for u in conn.scalars(select(Article.url))}
    engine.dispose()
    assert archived == {"good.txt"}
    assert failed == {"pipe.txt", "socket.txt", "huge.txt"}


def test_attack_etc_yields_nothing(sqlite_url: str) -> None:
    result = run("crawl", "seeds", "-a", "path=/etc", archive=sqlite_url)
    assert result.returncode == 1
    assert "skipped" in result.stderr and "not documents" in result.stderr
    engine = create_engine(sqlite_url)
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Article)) == 0
        stored = " ".join(conn.scalars(select(FetchFailure.url)))
    engine.dispose()
    assert "shadow" not in stored and "passwd" not in stored
    extracted = run("extract", "/etc", "/etc/passwd", archive="sqlite://")
    assert extracted.returncode == 1
    assert '"title"' not in extracted.stdout  # not one "article"
    assert "not a Vietnamese article" in extracted.stdout


@pytest.mark.parametrize("path", ["/nonexistent/seeds", "/dev/null"])
def test_attack_crawl_seeds_missing_or_empty_path(path: str, sqlite_url: str) -> None:
    result = run("crawl", "seeds", "-a", f"path={path}", archive=sqlite_url)
    assert result.returncode == 1
    assert errors(result), result.stderr[-2000:]


# --- outputs ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> str:
    return make_archive(tmp_path_factory.mktemp("cli"), "series_articles.json")


def _outputs(tmp_path: Path, suffix: str) -> dict[str, tuple[str, str]]:
    full = tmp_path / f"full{suffix}"
    full.symlink_to("/dev/full")  # the disk is full: every write fails with ENOSPC
    folder = tmp_path / f"folder{suffix}"
    folder.mkdir()
    return {
        "missing folder": (str(tmp_path / "missing" / f"out{suffix}"), "does not exist"),
        "a folder": (str(folder), "is a directory"),
        "full disk": (str(full), "No space left on device"),
    }


@pytest.mark.parametrize("where", ["missing folder", "a folder", "full disk"])
@pytest.mark.parametrize(
    ("command", "suffix"),
    [
        (("indicators",), ".csv"),
        (("articles",), ".csv"),
        (("chart", "industrial_output_value"), ".png"),
    ],
)
def test_attack_output_cannot_be_written(
    archive: str, tmp_path: Path, command: tuple[str, ...], suffix: str, where: str
) -> None:
    target, says = _outputs(tmp_path, suffix)[where]
    result = run(*command, "-o", target, archive=archive)
    assert result.returncode == 1
    assert [line for line in errors(result) if says in line and target in line], result.stderr
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))


def test_attack_standard_output_on_a_full_disk(archive: str) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "scrapy", "indicators"],
            cwd=PROJECT_ROOT,
            env={**os.environ, "ARCHIVE_URL": archive},
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=TIME_LIMIT,
            check=False,
        )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "No space left on device" in result.stderr


@pytest.mark.parametrize("command", ["indicators", "articles"])
@pytest.mark.parametrize("limit", ["99999999999999999999999", "9223372036854775808", "-1", "ten"])
def test_attack_limit_out_of_range(archive: str, command: str, limit: str) -> None:
    result = run(command, "--limit", limit, archive=archive)
    assert result.returncode == 2
    assert [line for line in errors(result) if "--limit" in line]


def test_attack_limit_at_64_bits_works(archive: str) -> None:
    result = run("articles", "--limit", str(2**63 - 1), archive=archive)
    assert result.returncode == 0, result.stderr[-2000:]


# --- an archive that is not there -----------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ("indicators",),
        ("articles",),
        ("articles", "công", "nghiệp"),
        ("chart", "industrial_output_value", "-o", "/tmp/never-written.png"),
        ("reprocess",),
        ("crawl", "seeds"),
        ("crawl", "baothainguyen"),
    ],
)
def test_attack_unreachable_archive(command: tuple[str, ...]) -> None:
    result = run(*command, archive=UNREACHABLE)
    assert result.returncode == 1, result.stderr[-2000:]
    found = [line for line in errors(result) if "cannot open the archive" in line]
    assert len(found) == 1, result.stderr[-3000:]
    assert "127.0.0.1:9" in found[0]
    assert SECRET not in result.stderr + result.stdout


# --- two writers on one SQLite archive ------------------------------------------------------

HOLDER = """
import sys, time
from storage.lock import WriterLock
lock = WriterLock(sys.argv[1]).acquire()
print("held", flush=True)
time.sleep(120)
"""


def test_attack_second_writer_is_refused(sqlite_url: str) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, sqlite_url],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        for command in (("crawl", "seeds"), ("reprocess", "--all")):
            result = run(*command, archive=sqlite_url)
            assert result.returncode == 1, (command, result.stderr[-2000:])
            found = [line for line in errors(result) if "is being written by process" in line]
            assert found and str(holder.pid) in found[0], result.stderr[-2000:]
            assert "UNIQUE constraint" not in result.stderr
    finally:
        holder.kill()
        holder.wait()
    # the holder is gone (killed): its lock went with it, nothing stale is left
    result = run("crawl", "seeds", archive=sqlite_url)
    assert result.returncode == 0, result.stderr[-2000:]


def test_attack_crawl_beside_reprocess(sqlite_url: str) -> None:
    assert run("crawl", "seeds", archive=sqlite_url).returncode == 0
    env = {**os.environ, "ARCHIVE_URL": sqlite_url}
    for _ in range(2):
        processes = [
            subprocess.Popen(
                [sys.executable, "-m", "scrapy", *command],
                cwd=PROJECT_ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for command in (("crawl", "seeds"), ("reprocess", "--all"))
        ]
        outcomes = []
        for process in processes:
            _, stderr = process.communicate(timeout=TIME_LIMIT)
            for crash in CRASHES:
                assert crash not in stderr, stderr[-3000:]
            outcomes.append((process.returncode, stderr))
        for code, stderr in outcomes:
            # each one either did its job or was refused with the clear message
            assert code == 0 or "is being written by process" in stderr, stderr[-2000:]
    engine = create_engine(sqlite_url)
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Article)) == 5
        assert conn.scalar(select(func.count()).select_from(FetchFailure)) == 0
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    engine.dispose()


def test_attack_lock_is_per_archive(tmp_path: Path) -> None:
    from storage.lock import WriterLock

    first = WriterLock(f"sqlite:///{tmp_path / 'a.db'}").acquire()
    second = WriterLock(f"sqlite:///{tmp_path / 'b.db'}").acquire()  # another file: no conflict
    again = WriterLock(f"sqlite:///{tmp_path / 'a.db'}").acquire()  # same process: re-entrant
    for lock in (again, second, first):
        lock.release()


# --- killed runs ------------------------------------------------------------------------------


def _kill_a_crawl(archive_url: str, server_url: str) -> int:
    """Start a crawl of the hostile site whose one article never answers; SIGKILL it."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "scrapy",
            "crawl",
            "baothainguyen",
            "-s",
            f"REPLICA_URL={server_url}",
        ],
        cwd=PROJECT_ROOT,
        env={**os.environ, "ARCHIVE_URL": archive_url, "LOG_LEVEL": "WARNING"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    engine = create_engine(archive_url)
    try:
        while True:
            assert time.monotonic() < deadline and process.poll() is None
            try:
                with engine.connect() as conn:
                    if conn.scalar(select(func.count()).select_from(CrawlRun)):
                        break
            except Exception:  # the schema is being made
                pass
            time.sleep(0.1)
        time.sleep(1.0)  # inside the run: its article request is hanging
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        engine.dispose()
    return process.pid


def _runs(archive_url: str) -> list[tuple[int, str | None, bool]]:
    engine = create_engine(archive_url)
    query = select(CrawlRun.id, CrawlRun.finish_reason, CrawlRun.finished_at.is_not(None))
    try:
        with engine.connect() as conn:
            rows = conn.execute(query.order_by(CrawlRun.id)).all()
    except Exception:  # the schema is not there yet
        rows = []
    finally:
        engine.dispose()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def killed_runs_are_marked(archive_url: str) -> None:
    from tests.fixtures.hostile.server import HostileServer, hanging_cases

    with HostileServer(hanging_cases()) as server:
        _kill_a_crawl(archive_url, server.url)
        assert _runs(archive_url) == [(1, None, False)]  # "running" for ever, before the fix
        server.release()
        result = run("crawl", "seeds", archive=archive_url)
        assert result.returncode == 0, result.stderr[-2000:]
    runs = _runs(archive_url)
    assert runs[0] == (1, "interrupted", True)
    assert runs[1][1] == "finished"
    assert "marked interrupted" in result.stderr


def test_attack_killed_run_marked_interrupted_sqlite(sqlite_url: str) -> None:
    killed_runs_are_marked(sqlite_url)


@pytest.mark.postgres
def test_attack_killed_run_marked_interrupted_postgresql(pg_url: str) -> None:
    killed_runs_are_marked(pg_url)


@pytest.mark.postgres
def test_attack_live_run_is_not_marked_on_postgresql(pg_url: str) -> None:
    """A run still going on another process (a distributed crawl) is left alone."""
    from tests.fixtures.hostile.server import HostileServer, hanging_cases

    with HostileServer(hanging_cases()) as server:
        live = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "scrapy",
                "crawl",
                "baothainguyen",
                "-s",
                f"REPLICA_URL={server.url}",
            ],
            cwd=PROJECT_ROOT,
            env={**os.environ, "ARCHIVE_URL": pg_url, "LOG_LEVEL": "WARNING"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 60
            while not _runs(pg_url):
                assert time.monotonic() < deadline and live.poll() is None
                time.sleep(0.1)
            result = run("crawl", "seeds", archive=pg_url)
            assert result.returncode == 0, result.stderr[-2000:]
            assert _runs(pg_url)[0] == (1, None, False)  # still running, not "interrupted"
        finally:
            server.release()
            live.wait(timeout=120)
    assert _runs(pg_url)[0][1] == "finished"


# --- the test helper itself ---------------------------------------------------------------------


def test_attack_broken_install_fails_the_cli_tests(tmp_path: Path) -> None:
    """``tests/crawler/archive_cli.scrapy`` used to skip when scrapy could not import the
    project: a missing dependency turned every CLI test into a skip and CI stayed green."""
    from tests.crawler.archive_cli import scrapy as archive_scrapy

    # a project whose settings module does not exist: scrapy dies with ModuleNotFoundError
    (tmp_path / "scrapy.cfg").write_text("[settings]\ndefault = no_such_module.settings\n")
    with pytest.raises(pytest.fail.Exception, match="scrapy cannot start"):
        archive_scrapy("sqlite://", "articles", cwd=tmp_path)
