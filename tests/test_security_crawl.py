"""Crawls fed hostile XML, crawls with a password in ARCHIVE_URL, and seed paths with escaping links.

The hostile site is a tiny ``http.server`` in the test, reached by an unchanged portal spider
through ``REPLICA_URL`` (``https://host/path`` -> ``http://127.0.0.1:PORT/host/path``).
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import LargeBinary, create_engine, func, inspect, select, text

from storage.models import Article, CrawlRun, FetchFailure
from tests.conftest import PROJECT_ROOT, SEEDS_DIR

SPIDER = "baothainguyen"  # listing pages, a sitemap and an RSS feed
PASSWD = Path("/etc/passwd").read_text(encoding="utf-8", errors="replace")
PASSWD_MARKER = "root:x:0:0"
CANARY = "/_canary/xxe"
TIME_LIMIT = 90


def _xxe(port: int, root: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<!DOCTYPE {root} [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n'
        f'  <!ENTITY canary SYSTEM "http://127.0.0.1:{port}{CANARY}">\n'
        '  <!ENTITY % remote SYSTEM "http://127.0.0.1:{port}/_canary/dtd">\n  %remote;\n]>\n'
    ).replace("{port}", str(port))


def xxe_sitemap(port: int) -> str:
    return _xxe(port, "urlset") + (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        "  <url><loc>https://baothainguyen.vn/kinh-te/a-&xxe;-1.html</loc>"
        "<lastmod>2030-01-01</lastmod></url>\n"
        "  <url><loc>https://baothainguyen.vn/kinh-te/b-&canary;-2.html</loc></url>\n"
        "</urlset>\n"
    )


def xxe_feed(port: int) -> str:
    return _xxe(port, "rss") + (
        "<rss><channel><item><title>&xxe;</title>"
        "<link>https://baothainguyen.vn/kinh-te/c-&xxe;-3.html</link></item></channel></rss>\n"
    )


def laughs(root: str) -> str:
    entities = '  <!ENTITY lol "lollollollollollollollollollol">\n' + "".join(
        f'  <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
        for i in range(1, 10)
    )
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE {root} [\n{entities}]>\n'
        f'<{root} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://baothainguyen.vn/kinh-te/&lol9;.html</loc></url>"
        f"<channel><item><link>https://baothainguyen.vn/&lol9;</link></item></channel></{root}>\n"
    )


class HostileSite:
    """Serves hostile XML for every sitemap and feed, 404 for the rest; records every request."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.requests: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.requests.append(self.path)
                status, body, ctype = site.answer(self.path)
                data = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    def answer(self, path: str) -> tuple[int, str, str]:
        if path.endswith("/robots.txt"):
            return 200, "User-agent: *\nAllow: /\n", "text/plain"
        if path.startswith("/_canary"):
            return 200, "CANARY-CONTENT-LEAKED", "text/plain"
        if "sitemap" in path:
            body = xxe_sitemap(self.port) if self.kind == "xxe" else laughs("urlset")
            return 200, body, "application/xml"
        if path.endswith(".rss"):
            body = xxe_feed(self.port) if self.kind == "xxe" else laughs("rss")
            return 200, body, "application/rss+xml"
        return 404, "<html><body><p>Không tìm thấy</p></body></html>", "text/html"

    def __enter__(self) -> HostileSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def run_crawl(*args: str, env: dict[str, str]) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", *args],
        cwd=PROJECT_ROOT,
        env={**os.environ, "LOG_LEVEL": "DEBUG", "PYTHONIOENCODING": "utf-8", **env},
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=TIME_LIMIT * 2,
        check=False,
    )
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr[-4000:]
    assert "Traceback" not in result.stderr, result.stderr[-4000:]
    return result, elapsed


def archive_text(archive_url: str) -> str:
    """Every value of every column of every table (bytes decoded), as one string."""
    engine = create_engine(archive_url)
    parts: list[str] = []
    with engine.connect() as conn:
        inspector = inspect(conn)
        for table in inspector.get_table_names():
            for row in conn.execute(text(f'SELECT * FROM "{table}"')):  # names from the schema
                for value in row:
                    if isinstance(value, bytes | memoryview):
                        parts.append(bytes(value).decode("utf-8", "replace"))
                    else:
                        parts.append(str(value))
    engine.dispose()
    return "\n".join(parts)


@pytest.fixture(params=["xxe", "laughs"])
def hostile(request: pytest.FixtureRequest) -> Iterator[HostileSite]:
    with HostileSite(request.param) as site:
        yield site


def test_security_hostile_sitemaps_and_feeds(hostile: HostileSite, sqlite_url: str) -> None:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result, elapsed = run_crawl(
        "crawl", SPIDER, "-s", f"REPLICA_URL=http://127.0.0.1:{hostile.port}",
        env={"ARCHIVE_URL": sqlite_url},
    )  # fmt: skip
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert elapsed < TIME_LIMIT
    # bounded memory: a scrapy process is ~150 MB; an expanded billion laughs would be gigabytes
    assert max(peak_kib, before) < 1_000_000, f"{peak_kib} KiB"
    served = [p for p in hostile.requests if "sitemap" in p or p.endswith(".rss")]
    assert served, "the spider did not read the hostile sitemap or feed"
    # no external entity was fetched, and nothing of /etc/passwd went anywhere
    assert not [p for p in hostile.requests if p.startswith("/_canary")], hostile.requests
    assert not [p for p in hostile.requests if "root" in p or "lollol" in p], hostile.requests
    stored = archive_text(sqlite_url)
    for secret in (PASSWD_MARKER, "CANARY-CONTENT-LEAKED", "lollollollollollollollollollollol"):
        assert secret not in stored
        assert secret not in result.stderr
    engine = create_engine(sqlite_url)
    with engine.connect() as conn:
        run = conn.execute(select(CrawlRun)).one()
    engine.dispose()
    assert run.finish_reason == "finished"


@pytest.mark.postgres
def test_security_password_never_reaches_logs_or_archive(pg_url: str, tmp_path: Path) -> None:
    secret = "Xq7-secret-Pw"
    url = pg_url.replace("postgres@", f"postgres:{secret}@", 1)
    assert secret in url
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS_DIR / "004_5efc145616acfbbc.txt", folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")  # a failure row too
    (folder / "outside.txt").symlink_to(SEEDS_DIR / "001_55768d6cad423618.txt")
    # both ways of giving the archive: the environment, and -s (logged as an overridden setting)
    first, _ = run_crawl("crawl", "seeds", "-a", f"path={folder}", env={"ARCHIVE_URL": url})
    second, _ = run_crawl(
        "crawl", "seeds", "-a", f"path={folder}", "-s", f"ARCHIVE_URL={url}", env={}
    )
    for result in (first, second):
        assert secret not in result.stdout + result.stderr
    engine = create_engine(pg_url)
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Article)) == 1
        assert conn.scalar(select(func.count()).select_from(FetchFailure)) == 2
        for table in inspect(conn).get_table_names():
            for column in inspect(conn).get_columns(table):
                if isinstance(column["type"], LargeBinary):
                    where = f"position(convert_to(:s, 'UTF8') in \"{column['name']}\") > 0"
                else:
                    where = f"CAST(\"{column['name']}\" AS TEXT) LIKE '%%' || :s || '%%'"
                hits = conn.scalar(text(f'SELECT count(*) FROM "{table}" WHERE {where}'), {"s": secret})  # fmt: skip
                assert hits == 0, f"{table}.{column['name']} holds the password"
    engine.dispose()
    assert secret not in archive_text(pg_url)


def test_security_seed_path_stays_inside(sqlite_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    outside = tmp_path / "secret.txt"
    shutil.copy(SEEDS_DIR / "002_1bdef0a6c397766b.txt", outside)
    shutil.copy(SEEDS_DIR / "004_5efc145616acfbbc.txt", folder / "good.txt")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "up.txt").symlink_to("../secret.txt")
    (folder / "abs.txt").symlink_to(outside)
    (folder / "dir_link").symlink_to(tmp_path)
    (folder / "inside_link.txt").symlink_to("good.txt")  # a link within DIR is fine
    result, _ = run_crawl("crawl", "seeds", "-a", f"path={folder}", env={"ARCHIVE_URL": sqlite_url})
    for name in ("passwd.txt", "up.txt", "abs.txt"):
        assert f"{folder / name}: it points outside" in result.stderr, name
    engine = create_engine(sqlite_url)
    with engine.connect() as conn:
        failures = {Path(u).name for u in conn.scalars(select(FetchFailure.url))}
        read = list(conn.scalars(select(Article.url)))
    engine.dispose()
    assert {"passwd.txt", "up.txt", "abs.txt", "dir_link"} <= failures
    assert [Path(u).name for u in read] == ["good.txt"]  # the inside link is the same file
    stored = archive_text(sqlite_url)
    assert PASSWD_MARKER not in stored
    assert max(outside.read_text(encoding="utf-8").splitlines(), key=len) not in stored
    assert PASSWD.splitlines()[0] not in stored
