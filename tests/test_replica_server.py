"""The portal replicas: routing, pagination, sitemaps, RSS, markup vs. profiles, growth, faults."""

from __future__ import annotations

import http.client
import json
import unicodedata
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import date, datetime
from email.message import Message
from urllib.parse import urljoin

import pytest
from lxml import etree

from crawler.replica import to_replica
from crawler.sites import all_profiles, get_profile
from crawler.sites.base import SiteProfile
from pipelines import html as hp
from pipelines.extraction import extract_document, selector_date_text
from tests.replica import ReplicaServer
from tests.replica.faults import KINDS, FaultPlan

N = 25
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None  # redirects carry live URLs: never follow them to the internet


_OPENER = urllib.request.build_opener(_NoRedirect)


def get(url: str, timeout: float = 5) -> tuple[int, Message, bytes]:
    try:
        with _OPENER.open(url, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def fetch_live(srv: ReplicaServer, live_url: str) -> bytes:
    status, _, body = get(to_replica(live_url, srv.url))
    assert status == 200, live_url
    return body


@pytest.fixture(scope="module")
def srv() -> Iterator[ReplicaServer]:
    with ReplicaServer(articles=N, seed=0) as server:
        yield server


def truth_urls(srv: ReplicaServer, key: str) -> set[str]:
    return {str(t["url"]) for t in srv.truth(key)}


def listing_articles(srv: ReplicaServer, profile: SiteProfile) -> list[str]:
    """Walk every listing of ``profile`` as the spider would, until a page adds no article."""
    found: list[str] = []
    for listing in profile.listings:
        page, url = 1, listing.url
        while page <= listing.max_pages:
            root = hp.parse_html(fetch_live(srv, url).decode("utf-8"))
            links = [
                profile.canonical(urljoin(url, a.get("href")))
                for a in hp.select_all(root, (listing.link_selector,))
            ]
            new = [u for u in dict.fromkeys(links) if profile.is_article(u) and u not in found]
            if not new:
                break
            found += new
            page += 1
            url = listing.page_url.format(page=page, offset=(page - 1) * listing.page_size)  # type: ignore[union-attr]
    return found


def sitemap_urls(srv: ReplicaServer, url: str) -> list[tuple[str, str]]:
    root = etree.fromstring(fetch_live(srv, url))
    if root.tag == f"{SM}sitemapindex":
        return [e for loc in root.iter(f"{SM}loc") for e in sitemap_urls(srv, loc.text or "")]
    return [(u.findtext(f"{SM}loc") or "", u.findtext(f"{SM}lastmod") or "") for u in root]


# --- routing -------------------------------------------------------------------------------------
def test_unknown_host_answers_502_dns(srv: ReplicaServer) -> None:
    status, headers, _ = get(f"{srv.url}/vnexpress.net/kinh-te")
    assert status == 502 and headers["X-Replica-Error"] == "dns"


def test_unknown_path_is_404_and_sites_are_listed(srv: ReplicaServer) -> None:
    assert get(f"{srv.url}/congthuong.vn/khong-co-bai-999.html")[0] == 404
    status, _, body = get(f"{srv.url}/_replica/sites")
    sites = json.loads(body)
    assert status == 200 and set(sites) == {p.key for p in all_profiles()}
    assert all(s["articles"] == N for s in sites.values())


def test_robots_txt_on_every_host(srv: ReplicaServer) -> None:
    for site in srv.sites.values():
        for host in site.hosts:
            status, headers, body = get(f"{srv.url}/{host}/robots.txt")
            text = body.decode()
            assert status == 200 and headers.get_content_type() == "text/plain"
            assert "Crawl-delay: 1" in text and "Disallow: /admin/" in text
            assert f"Sitemap: {site.scheme}://{host}/sitemap.xml" in text


# --- listings, sitemaps, feeds -------------------------------------------------------------------
@pytest.mark.parametrize("profile", all_profiles(), ids=lambda p: p.key)
def test_listings_cover_exactly_the_served_articles(
    srv: ReplicaServer, profile: SiteProfile
) -> None:
    found = listing_articles(srv, profile)
    assert len(found) == N
    assert set(found) == truth_urls(srv, profile.key)


@pytest.mark.parametrize("profile", all_profiles(), ids=lambda p: p.key)
def test_sitemaps_list_every_article_with_lastmod(srv: ReplicaServer, profile: SiteProfile) -> None:
    entries = [e for url in profile.sitemaps for e in sitemap_urls(srv, url)]
    articles = {profile.canonical(u) for u, _ in entries if profile.is_article(u)}
    assert articles == truth_urls(srv, profile.key)
    assert all(datetime.fromisoformat(lastmod).tzinfo for _, lastmod in entries)


def test_bbk_sitemap_lists_advertising_posts_the_profile_skips(srv: ReplicaServer) -> None:
    profile = get_profile("baobackan")
    urls = [u for url in profile.sitemaps for u, _ in sitemap_urls(srv, url)]
    adverts = [u for u in urls if not profile.is_article(u)]
    assert len(adverts) == 2 and all("-post717" in u or "-post7167" in u for u in adverts)


@pytest.mark.parametrize("key", ["congthuong", "baothainguyen"])
def test_rss_lists_the_newest_articles_first(srv: ReplicaServer, key: str) -> None:
    feed = get_profile(key).feeds[0]
    root = etree.fromstring(fetch_live(srv, feed))
    links = [item.findtext("link") for item in root.iter("item")]
    newest = [t["url"] for t in reversed(srv.truth(key))]
    assert links == newest[: len(links)] and len(links) == min(N, 30)


# --- article pages against the profiles' selectors ------------------------------------------------
def _text(root: object, selectors: tuple[str, ...]) -> str:
    found = hp.select_all(root, selectors)
    return " ".join(found[0].text_content().split()) if found else ""


def _version(profile: SiteProfile, layout: str) -> object:
    """The selector version of a replica layout ("2019", "2025", "current"…)."""
    versions = [v.selectors for v in profile.selectors]
    named = [v for v in versions if v.version.endswith(f"/{layout}")]
    return named[0] if named else versions[-1]


@pytest.mark.parametrize("profile", all_profiles(), ids=lambda p: p.key)
def test_article_pages_match_the_profile_selectors(
    srv: ReplicaServer, profile: SiteProfile
) -> None:
    """Every field's selectors of the layout's version find exactly the generated values."""
    for truth in srv.truth(profile.key):
        published = datetime.fromisoformat(str(truth["published_at"]))
        selectors = _version(profile, str(truth["layout"]))
        root = hp.parse_html(fetch_live(srv, str(truth["url"])).decode("utf-8"))
        hp.caption_tables_to_figures(root)
        assert _text(root, selectors.title) == truth["title"]
        assert _text(root, selectors.sapo).endswith(str(truth["sapo"]))
        assert _text(root, selectors.author) == truth["author"]
        date_text = selector_date_text(root, selectors.date, selectors.date_formats) or ""
        parsed = [_strptime(date_text, f) for f in selectors.date_formats]
        assert published.replace(tzinfo=None) in parsed, (date_text, selectors.date_formats)
        (body,) = hp.select_all(root, selectors.body)
        for css in selectors.drop:
            for junk in hp.select_all(body, (css,)):
                junk.drop_tree()
        text = " ".join(body.text_content().split())
        paragraphs = " ".join(str(truth["body_text"]).split())
        # The paragraphs, in order, after a repeated sapo at most (a bold lead, Liferay's first
        # <p>); only a report's data table and a byline may follow.
        assert paragraphs in text, truth["url"]
        assert text.index(paragraphs) <= len(" ".join(str(truth["sapo"]).split())) + 8
        rest = text[text.index(paragraphs) + len(paragraphs) :]
        assert "".join(rest.split()).startswith(_table_text(truth))


def _table_text(truth: dict[str, object]) -> str:
    tables = truth.get("tables") or []
    return "".join("".join(c.split()) for t in tables for row in t for c in row)  # type: ignore[union-attr]


def _strptime(text: str, fmt: str) -> datetime | None:
    try:
        return datetime.strptime(text, fmt)
    except ValueError:
        return None


@pytest.mark.parametrize(
    ("key", "layouts"),
    [("congthuong", {"2020", "2025"}), ("baobackan", {"2019", "2025"}),
     ("baothainguyen", {"2019", "2026"}), ("tapchicongthuong", {"2020", "2025"})],
)  # fmt: skip
def test_sites_with_two_evidenced_layouts_serve_both(
    srv: ReplicaServer, key: str, layouts: set[str]
) -> None:
    truth = srv.truth(key)
    assert {t["layout"] for t in truth} == layouts
    # older articles in the older layout
    first_new = min(i for i, t in enumerate(truth) if t["layout"] == max(layouts))
    assert all(t["layout"] == min(layouts) for t in truth[:first_new])
    assert all(t["layout"] == max(layouts) for t in truth[first_new:])


def test_congthuong_serves_old_articles_in_the_old_layout(srv: ReplicaServer) -> None:
    old = next(t for t in srv.truth("congthuong") if t["layout"] == "2020")
    page = fetch_live(srv, str(old["url"])).decode()
    assert 'id="__MASTERCMS_CONTENT_' in page and "article-detail-title" not in page
    assert datetime.fromisoformat(str(old["published_at"])).date() < date(2023, 7, 1)
    mobile = fetch_live(srv, f"{old['url']}&mobile=yes&amp=1").decode()
    assert str(old["title"]) in mobile


def test_truth_is_served_as_json(srv: ReplicaServer) -> None:
    status, _, body = get(f"{srv.url}/_replica/truth/backan")
    assert status == 200 and json.loads(body) == srv.truth("backan")
    assert all(str(t["published_at"]).endswith("+07:00") for t in srv.truth("backan"))


# --- growth and determinism ----------------------------------------------------------------------
def test_growth_puts_new_articles_on_page_one_and_keeps_old_ones() -> None:
    with ReplicaServer(articles=10, seed=3) as server:
        before = {k: server.truth(k) for k in server.sites}
        server.set_articles(14)
        for profile in all_profiles():
            after = server.truth(profile.key)
            assert after[:10] == before[profile.key]
            newest_old = max(str(t["published_at"]) for t in before[profile.key])
            assert all(str(t["published_at"]) > newest_old for t in after[10:])
            page_one: list[str] = []
            for listing in profile.listings:
                root = hp.parse_html(fetch_live(server, listing.url).decode("utf-8"))
                hrefs = [a.get("href") for a in hp.select_all(root, (listing.link_selector,))]
                page_one += [profile.canonical(urljoin(listing.url, h)) for h in hrefs]
            assert {str(t["url"]) for t in after[10:]} <= set(page_one)


def test_same_seed_same_sites_other_seed_other_texts() -> None:
    with ReplicaServer(articles=8, seed=7) as a, ReplicaServer(articles=8, seed=7) as b:
        assert all(a.truth(k) == b.truth(k) for k in a.sites)
        url = str(a.truth("congthuong")[3]["url"])
        assert fetch_live(a, url) == fetch_live(b, url)
        listing = "https://tapchicongthuong.vn/hashtag/dia-phuong-8307"
        assert fetch_live(a, listing) == fetch_live(b, listing)
    other = ReplicaServer(articles=8, seed=8)
    assert other.truth("congthuong") != a.truth("congthuong")


# --- faults --------------------------------------------------------------------------------------
def test_fault_draws_hit_the_rate_and_spare_robots() -> None:
    plan = FaultPlan(rate=0.2, seed=1)
    draws = [plan.choose(f"/congthuong.vn/bai-{i}.html", 0) for i in range(5000)]
    share = sum(d is not None for d in draws) / len(draws)
    assert 0.18 < share < 0.22
    assert set(draws) - {None} == set(KINDS)
    assert all(plan.choose("/congthuong.vn/robots.txt", a) is None for a in range(200))
    assert FaultPlan(rate=1.0).choose("/_replica/truth/congthuong", 0) is None


def _request(server: ReplicaServer, target: str) -> str:
    """Fetch; what the client saw: the status, or the kind of broken answer."""
    try:
        status, _, _ = get(server.url + target, timeout=2)
    except http.client.IncompleteRead:
        return "incomplete"
    except (http.client.RemoteDisconnected, ConnectionError, TimeoutError):
        return "disconnected"
    except urllib.error.URLError as err:
        return f"error: {err.reason}"
    return str(status)


def test_faults_at_rate_02_are_about_a_fifth_deterministic_and_retryable() -> None:
    targets = [f"/congthuong.vn{p}" for p in ("/cong-nghiep", "/sitemap.xml")]
    targets += [f"/congthuong.vn/cong-nghiep?s_cond=&BRSR={20 * i}" for i in range(1, 80)]
    targets += [f"/congthuong.vn/khong-co-{i}.html" for i in range(80)]
    logs = []
    for _ in range(2):
        with ReplicaServer(1, seed=5, faults=0.2, hang_seconds=0.1, slow_seconds=0.05) as server:
            seen = [_request(server, t) for t in targets]
            logs.append((list(server.fault_log), seen))
            # A retry is the next attempt: a fresh draw, so faulted targets mostly recover.
            faulted = {t for t, _, _ in server.fault_log}
            retried = [_request(server, t) for t in faulted]
            assert sum(r in ("200", "404") for r in retried) >= 0.6 * len(faulted)
    assert logs[0] == logs[1]  # same seed, same URLs, same attempts: same faults
    share = len(logs[0][0]) / len(targets)
    assert 0.12 < share < 0.28, share
    assert {"500", "503"} & set(logs[0][1])


@pytest.mark.parametrize(
    ("kind", "check"),
    [
        ("status_503", lambda r: r == "503"),
        ("hang", lambda r: r == "disconnected"),
        ("truncated", lambda r: r == "incomplete"),
        ("redirect_loop", lambda r: r == "302"),
    ],
)
def test_each_broken_answer_breaks_the_way_it_says(kind: str, check) -> None:  # type: ignore[no-untyped-def]
    with ReplicaServer(3, faults=1.0, fault_kinds=(kind,), hang_seconds=0.2) as server:
        assert check(_request(server, "/congthuong.vn/cong-nghiep"))
        assert _request(server, "/congthuong.vn/robots.txt") == "200"


def test_redirect_loop_and_content_faults_keep_live_urls_and_vietnamese_bytes() -> None:
    with ReplicaServer(3, faults=1.0, fault_kinds=("redirect_loop",)) as server:
        _, headers, _ = get(f"{server.url}/congthuong.vn/cong-nghiep")
        first = headers["Location"]
        assert first.startswith("https://congthuong.vn/__replica_loop/0?from=")
        _, headers, _ = get(to_replica(first, server.url))
        second = headers["Location"]
        _, headers, _ = get(to_replica(second, server.url))
        assert "/__replica_loop/1?" in second and headers["Location"] == first
    with ReplicaServer(3) as clean:
        good = fetch_live(clean, "https://congthuong.vn/cong-nghiep").decode("utf-8")
    with ReplicaServer(3, faults=1.0, fault_kinds=("cp1258_as_utf8",)) as server:
        _, headers, body = get(f"{server.url}/congthuong.vn/cong-nghiep")
        assert headers.get_content_charset() == "utf-8"
        assert body.decode("cp1258") != good and _nfc(body.decode("cp1258")) == _nfc(good)
    with ReplicaServer(3, faults=1.0, fault_kinds=("utf8_as_cp1258", "wrong_type")) as server:
        answers = [get(f"{server.url}/congthuong.vn/cong-nghiep") for _ in range(12)]
        types = {h["Content-Type"] for _, h, _ in answers}
        assert types == {"text/plain; charset=utf-8", "text/html; charset=windows-1258"}
        assert all(b.decode("utf-8") for _, _, b in answers)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# --- the extraction pipeline on replica pages ----------------------------------------------------
@pytest.mark.parametrize("profile", all_profiles(), ids=lambda p: p.key)
def test_the_extraction_pipeline_recovers_the_truth(
    srv: ReplicaServer, profile: SiteProfile
) -> None:
    """End to end without Scrapy: page bytes -> ``extract_document`` with the dated selectors."""
    for truth in srv.truth(profile.key):
        url = str(truth["url"])
        published = datetime.fromisoformat(str(truth["published_at"]))
        article = extract_document(
            fetch_live(srv, url),
            source=url,
            url=url,
            content_type="text/html; charset=utf-8",
            selectors=profile.selector_candidates(published.date()),
        )
        assert article.method == "selectors"
        assert article.selector_version == _version(profile, str(truth["layout"])).version  # type: ignore[attr-defined]
        assert (article.title, article.sapo, article.author) == (
            truth["title"],
            truth["sapo"],  # without the "TCCT - ", "BBK - ", "TCCKVN " prefixes
            truth["author"],
        )
        assert article.published_at is not None
        if len(article.published_at) == 10:  # a date-only site (backan.gov.vn)
            assert article.published_at == published.date().isoformat()
        else:
            assert datetime.fromisoformat(article.published_at) == published
        assert all(p in article.body for p in str(truth["body_text"]).split("\n\n"))
