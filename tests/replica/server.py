"""The replica server: every portal under one port, ``/<live host>/<live path>``.

``https://congthuong.vn/cong-nghiep?s_cond=&BRSR=20`` is served at
``http://127.0.0.1:PORT/congthuong.vn/cong-nghiep?s_cond=&BRSR=20`` (the crawler's
``crawler.replica`` download handler does the rewriting). A host no site serves answers 502 with
``X-Replica-Error: dns``. Redirects carry live URLs in ``Location``. Control endpoints:
``/_replica/sites`` and ``/_replica/truth/<site_key>`` (JSON).
"""

from __future__ import annotations

import email.utils
import json
import logging
import threading
from collections import Counter
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import urlsplit

from tests.replica.faults import KINDS, LOOP_PREFIX, FaultPlan, loop_step, transform
from tests.replica.sites import SITES, Page, ReplicaSite

logger = logging.getLogger(__name__)

NOT_FOUND = "<html><body><h1>404</h1><p>Không tìm thấy trang yêu cầu.</p></body></html>"


class ReplicaServer:
    """All replica sites on one local port (see the package docstring for the API)."""

    def __init__(
        self,
        articles: int = 20,
        seed: int = 0,
        faults: float = 0.0,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        hang_seconds: float = 30.0,
        slow_seconds: float = 2.0,
        fault_kinds: tuple[str, ...] = KINDS,
    ) -> None:
        self.seed = seed
        self.faults = FaultPlan(faults, seed, hang_seconds, slow_seconds, fault_kinds)
        self.sites: dict[str, ReplicaSite] = {key: cls(seed) for key, cls in SITES.items()}
        self._hosts = {
            h: site
            for site in self.sites.values()
            for h in (*site.hosts, *site.mirror_hosts, *site.redirect_hosts)
        }
        self.hits: Counter[str] = Counter()  # request target ("/host/path?query") -> requests
        self.fault_log: list[tuple[str, int, str]] = []  # (target, attempt, kind), for tests
        # sites taken down for tests: key -> "dns" (no such host) or "404" (every page missing)
        self.down: dict[str, str] = {}
        # sites redesigned overnight: every class and id renamed, so that no site selector
        # matches anything (only what the pages emit for machines and their text remain)
        self.redesign: set[str] = set()
        self.drift = self.redesign  # the earlier name of the same mode
        # pages replaced for tests: (live host, live path) -> the page served instead
        # (an entry point that now answers 404, an HTML page instead of a feed, a redirect...)
        self.override: dict[tuple[str, str], Page] = {}
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._address = (host, port)
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.set_articles(articles)

    # --- life cycle ----------------------------------------------------------------------------
    def start(self) -> ReplicaServer:
        httpd = ThreadingHTTPServer(self._address, _Handler)
        httpd.daemon_threads = True  # hanging handlers must not block stop()
        httpd.replica = self  # type: ignore[attr-defined]
        self._httpd = httpd
        self._stopping.clear()
        # A short poll interval: stop() waits for it, and tests start many servers.
        self._thread = threading.Thread(
            target=httpd.serve_forever, args=(0.05,), name="replica", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # releases hanging and slow answers
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> ReplicaServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("the replica is not running: call start() first")
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    # --- content -------------------------------------------------------------------------------
    def set_articles(self, count: int) -> None:
        """Serve ``count`` articles per site; growing adds newer ones at the top of listings."""
        if count < 0:
            raise ValueError(f"article count must be >= 0, not {count}")
        with self._lock:
            for site in self.sites.values():
                site.resize(count)

    def truth(self, site_key: str) -> list[dict[str, object]]:
        """What a perfect crawl of ``site_key`` archives (oldest first)."""
        if site_key not in self.sites:
            raise KeyError(f"no replica site {site_key!r}; known: {sorted(self.sites)}")
        with self._lock:
            return self.sites[site_key].truth()

    def reset_hits(self) -> None:
        """Forget request counts (the fault draws restart at attempt 0 too)."""
        with self._lock:
            self.hits.clear()
            self.fault_log.clear()

    # --- one request ---------------------------------------------------------------------------
    def answer(self, target: str) -> tuple[Page, str | None]:
        """The page for a request target and the fault that applies to it (None: none)."""
        with self._lock:
            attempt = self.hits[target]
            self.hits[target] += 1
        parts = urlsplit(target)
        if parts.path.startswith("/_replica/"):
            return self._control(parts.path), None
        host, _, rest = parts.path.lstrip("/").partition("/")
        host = host.lower().split(":")[0]
        site = self._hosts.get(host.removeprefix("www."))
        if site is None:
            body = f"replica: no such host {host!r}".encode()
            return Page(body, "text/plain", 502, (("X-Replica-Error", "dns"),)), None
        path = "/" + rest
        outage = next((how for key, how in self.down.items() if self.sites.get(key) is site), None)
        if outage == "dns":
            body = f"replica: {host!r} is down".encode()
            return Page(body, "text/plain", 502, (("X-Replica-Error", "dns"),)), None
        if outage is not None:
            return Page.html(NOT_FOUND, status=404), None
        if path.startswith(LOOP_PREFIX):
            return loop_step(site.scheme, host, path, parts.query), None
        replaced = self.override.get((host.removeprefix("www."), path))
        if replaced is not None:
            return replaced, None
        fault = self.faults.choose(target, attempt)
        if fault is not None:
            with self._lock:
                self.fault_log.append((target, attempt, fault))
        with self._lock:
            page = site.handle(host.removeprefix("www."), path, parts.query)
        page = page or Page.html(NOT_FOUND, status=404)
        if page.content_type.startswith("text/html") and any(
            self.sites.get(key) is site for key in self.drift | self.redesign
        ):
            body = page.body.replace(b'class="', b'class="v2-').replace(b'id="', b'id="v2-')
            page = Page(body, page.content_type, page.status, page.headers)
        if fault is not None:
            live = f"{site.scheme}://{host}{path}" + (f"?{parts.query}" if parts.query else "")
            page = transform(fault, page, live)
        return page, fault

    def clock(self, target: str) -> datetime | None:
        """The clock of the site a request target belongs to (its HTTP Date), or None."""
        host = urlsplit(target).path.lstrip("/").partition("/")[0].lower().split(":")[0]
        site = self._hosts.get(host.removeprefix("www."))
        if site is None:
            return None
        with self._lock:
            return site.now()

    def _control(self, path: str) -> Page:
        if path == "/_replica/sites":
            with self._lock:
                data: object = {
                    k: {"hosts": list(s.hosts), "articles": s.count} for k, s in self.sites.items()
                }
        elif path.startswith("/_replica/truth/") and path[16:] in self.sites:
            data = self.truth(path[16:])
        else:
            return Page(b'{"error": "unknown endpoint"}', "application/json", 404)
        body = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
        return Page(body, "application/json; charset=utf-8")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "Replica/1.0"

    def date_time_string(self, timestamp: float | None = None) -> str:
        # A site's Date header is its own clock, as on a real server: the replica's articles may
        # be dated past today's real date, and the crawler compares sitemap lastmod with it.
        clock = getattr(self, "_clock", None)
        if timestamp is None and clock is not None:
            return email.utils.format_datetime(clock.astimezone(UTC), usegmt=True)
        return super().date_time_string(timestamp)

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def _respond(self, send_body: bool) -> None:
        replica: ReplicaServer = self.server.replica  # type: ignore[attr-defined]
        self._clock = replica.clock(self.path)
        try:
            page, fault = replica.answer(self.path)
        except Exception:  # a bug in a replica site must not hang the client
            logger.exception("replica failed on %s", self.path)
            page, fault = Page(b"replica error", "text/plain", 500), None
        if fault == "hang":
            replica._stopping.wait(replica.faults.hang_seconds)
            self.close_connection = True  # then drop the connection without an answer
            return
        if fault == "slow":
            replica._stopping.wait(replica.faults.slow_seconds)
        body = page.body
        self.send_response(page.status)
        self.send_header("Content-Type", page.content_type)
        for name, value in page.headers:
            self.send_header(name, value)
        if fault == "truncated":
            # Announce the whole body, send half of it, close: the client sees data loss.
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            if send_body:
                self.wfile.write(body[: len(body) // 2])
            self.close_connection = True
            return
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        logger.debug("replica: " + format, *args)
