"""Every site profile: URL rules on real URLs from shared/portals.md, rewrites, dated selectors."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

import crawler.sites as sites
from crawler.sites import all_profiles, get_profile, profile_for_url

# (site key, URL). "real": copied from shared/portals.md; the others follow a real form.
ARTICLES = [
    # real
    ("backan", "https://backan.gov.vn/Pages/gia-tri-san-xuat-cong-nghiep-thang-102021-tang-47-f2d9.aspx"),
    ("backan", "https://backan.gov.vn/Pages/tin-tuc-su-kien-215/kinh-te-152/phan-dau-tang-truong-cong-nghiep-nam-2024-0a1b2c3d4e5f6789.aspx"),
    ("backan", "https://sokhdt.backan.gov.vn/Pages/tin-tuc-hoat-dong-213/tin-kinh-te-214/tinh-hinh-kinh-te-xa-hoi-0a1b2c3d4e5f6789.aspx"),
    # real
    ("baobackan", "https://baobackan.com.vn/kinh-te/202109/gia-tri-san-xuat-cong-nghiep-dat-tren-887-ty-dong-10e6adb/"),
    ("baobackan", "https://bbk.baothainguyen.vn/phan-dau-tang-truong-cong-nghiep-nam-2024-post64012.html"),
    ("baobackan", "https://baobackan.vn/phan-dau-tang-truong-cong-nghiep-nam-2024-post64012.html"),
    ("baobackan", "https://bbk.baothainguyen.vn/loi-chia-tay-ban-doc-post71665.html"),
    # real
    ("baothainguyen", "https://baothainguyen.vn/kinh-te/cong-nghiep/202403/gia-tri-san-xuat-cong-nghiep-dat-203-nghin-ty-dong-89d12aa/"),
    ("baothainguyen", "https://baothainguyen.vn/kinh-te/202403/gia-tri-san-xuat-cong-nghiep-dat-203-nghin-ty-dong-89d12aa/"),
    ("baothainguyen", "http://www.baothainguyen.org.vn/tin-tuc/kinh-te/gia-tri-san-xuat-cong-nghiep-tang-125000-12.html"),
    # real
    ("congthuongthainguyen", "http://congthuongthainguyen.gov.vn/vn/bao-cao-thang-quy/tinh-hinh-hoat-dong-nganh-cong-thuong-thang-10-nam-2020-5205.phtml"),
    ("congthuongthainguyen", "http://congthuongthainguyen.gov.vn/vn/linh-vuc-cong-nghiep/phat-trien-cong-nghiep-ho-tro-6120.phtml"),
    # real, then its mobile variant
    ("congthuong", "https://congthuong.vn/thai-nguyen-xac-dinh-khong-gian-phat-trien-cong-nghiep-342466.html"),
    ("congthuong", "https://congthuong.vn/thai-nguyen-xac-dinh-khong-gian-phat-trien-cong-nghiep-342466.html&mobile=yes&amp=1"),
    ("congthuong", "https://www.congthuong.vn/thai-nguyen-xac-dinh-khong-gian-phat-trien-cong-nghiep-342466.html?utm_source=fb"),
    ("tapchicongthuong", "https://tapchicongthuong.vn/thai-nguyen-thu-hut-dau-tu-vao-khu-cong-nghiep-128450.htm"),
    ("tapchicongthuong", "https://tapchicongthuong.vn/bai-viet/thai-nguyen-thu-hut-dau-tu-vao-khu-cong-nghiep-88450.htm"),
    ("cokhivietnam", "https://cokhivietnam.vn/post/nganh-cong-thuong-thai-nguyen-no-luc-dong-hanh-cung-doanh-nghiep-phan-dau-dat-muc-tieu-nam-2024"),
    # invented scheme (see crawler/sites/thainguyen.py)
    ("thainguyen", "https://thainguyen.gov.vn/web/guest/kinh-te/-/asset_publisher/kTn8uEcOnOmY/content/thai-nguyen-gia-tri-san-xuat-cong-nghiep-tang-8-5"),
    # forms of real-markup.md: legacy and alternative hosts, query strings, runs of hyphens, case
    ("congthuongthainguyen", "http://beta.congthuongthainguyen.gov.vn/vn/bao-cao-thang-quy/tinh-hinh-hoat-dong-nganh-cong-thuong-thang-10-nam-2020-5205.phtml"),
    ("congthuongthainguyen", "http://congthuongthainguyen.gov.vn/vn/tin-trong-nuoc/Thai-Nguyen--xuat-khau-tang-truong-6120.phtml"),
    ("thainguyen", "https://cms.thainguyen.vn/web/guest/tin-tuc/-/asset_publisher/AbC12xYz/content/thai-nguyen--gia-tri-san-xuat?redirect=https%3A%2F%2Fcms.thainguyen.vn%2Fweb%2Fguest%2Ftin-tuc%3Fp_p_id%3D101&inheritRedirect=true"),
    ("thainguyen", "https://ict.thainguyen.gov.vn/web/ict/tin-tuc/-/asset_publisher/QwErTy12/content/chuyen-doi-so-nam-2025"),
    ("baobackan", "https://baobackan.org.vn/kinh-te/201907/gia-tri-san-xuat-cong-nghiep-tang-ab12cd3/"),
    ("baothainguyen", "https://baothainguyen.vn/tin-tuc/kinh-te/gia-tri-san-xuat-cong-nghiep-tang-298765-12.html"),
    ("baothainguyen", "https://baothainguyen.vn/thoi-su-thai-nguyen/202203/thai-nguyen--thu-hut-dau-tu-1a2b3c4/"),
    ("tapchicongthuong", "https://tapchicongthuong.vn/bac-kan--tong-muc-ban-le-hang-hoa-tang-8-5-128451.htm"),
    ("tapchicongthuong", "https://tapchicongthuong.vn/Thai-Nguyen-Thu-Hut-Dau-Tu-128452.htm"),
    ("backan", "https://backan.gov.vn/pages/Gia-Tri-San-Xuat-Cong-Nghiep--Tang-47-F2D9.aspx"),
    ("congthuong", "https://congthuong.vn/thai-nguyen--xac-dinh-khong-gian-phat-trien-cong-nghiep-342466.html"),
    ("cokhivietnam", "https://cokhivietnam.vn/post/Thai-Nguyen--IIP-9-thang-tang-manh"),
]  # fmt: skip

NOT_ARTICLES = [
    ("backan", "https://backan.gov.vn/Pages/tin-tuc-su-kien-215/kinh-te-152.aspx"),
    ("backan", "https://backan.gov.vn/Pages/tin-tuc-su-kien-215/kinh-te-152.aspx?PageIndex=2"),
    ("backan", "https://backan.gov.vn/PictureLibrary/2024/san-xuat-go.jpg"),
    ("backan", "https://socongthuong.backan.gov.vn/gia-tri-san-xuat-cong-nghiep/"),  # not in domains
    ("baobackan", "https://bbk.baothainguyen.vn/chu-de/kinh-te-3.html"),
    ("baobackan", "https://bbk.baothainguyen.vn/sitemap.xml"),
    ("baothainguyen", "https://baothainguyen.vn/kinh-te/cong-nghiep/"),
    ("baothainguyen", "https://baothainguyen.vn/kinh-te/cong-nghiep/?page=3"),
    ("baothainguyen", "https://baothainguyen.vn/tim-kiem/?key=cong+nghiep"),
    ("baothainguyen", "https://en.baothainguyen.vn/News/202403/industrial-production-value-89d12aa/"),
    ("baothainguyen", "https://baothainguyen.vn/rss/home.rss"),
    ("congthuongthainguyen", "http://congthuongthainguyen.gov.vn/vn/bao-cao-thang-quy.phtml?page=2"),
    ("congthuong", "https://congthuong.vn/cong-nghiep"),
    ("congthuong", "https://congthuong.vn/cong-nghiep?s_cond=&BRSR=20"),
    ("congthuong", "https://congthuong.vn/tag/nganh-cong-nghiep.tag"),
    ("congthuong", "https://baothainguyen.vn/thai-nguyen-xac-dinh-khong-gian-phat-trien-cong-nghiep-342466.html"),
    ("tapchicongthuong", "https://tapchicongthuong.vn/hashtag/dia-phuong-8307"),
    ("tapchicongthuong", "https://tapchicongthuong.vn/hashtag/kinh-te-4/page-2"),
    ("cokhivietnam", "https://cokhivietnam.vn/su-kien-van-de?page=2"),
    ("thainguyen", "https://thainguyen.gov.vn/web/guest/kinh-te"),
    ("thainguyen", "https://thainguyen.gov.vn/image/journal/article?img_id=12345"),
    ("baothainguyen", "https://baothainguyen.vn/thong-tin-quang-cao/202403/khuyen-mai-dien-may-1a2b3c4/"),
    ("baothainguyen", "https://baothainguyen.vn/multimedia/emagazine/"),
    ("tapchicongthuong", "https://tapchicongthuong.vn/hashtag/dia-phuong-8307.htm"),
    ("congthuong", "https://congthuong.vn/rss/dia-phuong.rss"),
    ("congthuong", "https://congthuong.vn/cong-nghiep-12.html"),  # not an article id
]  # fmt: skip


def test_keys_are_unique_sorted_and_every_module_is_registered() -> None:
    keys = [p.key for p in all_profiles()]
    assert keys == sorted(set(keys))
    modules = {
        p.stem
        for p in Path(sites.__file__).parent.glob("*.py")
        if p.stem not in {"__init__", "base"}
    }
    assert set(keys) == modules, "import every crawler/sites module in crawler/sites/__init__.py"


def test_get_profile_names_the_known_keys_when_missing() -> None:
    assert get_profile("congthuong").base_url == "https://congthuong.vn"
    with pytest.raises(KeyError, match="congthuong"):
        get_profile("vnexpress")


@pytest.mark.parametrize(("key", "url"), ARTICLES)
def test_real_article_urls_are_articles(key: str, url: str) -> None:
    assert get_profile(key).is_article(url)
    assert profile_for_url(url) is get_profile(key)


@pytest.mark.parametrize(("key", "url"), NOT_ARTICLES)
def test_listing_and_other_urls_are_not_articles(key: str, url: str) -> None:
    assert not get_profile(key).is_article(url)


@pytest.mark.parametrize("post", [71666, 71670, 71702, 71999, 80000, 123456])
def test_advertising_posts_after_the_farewell_are_skipped(post: int) -> None:
    profile = get_profile("baobackan")
    assert not profile.is_article(f"https://bbk.baothainguyen.vn/quang-cao-post{post}.html")
    assert not profile.is_article(f"https://baobackan.vn/quang-cao-post{post}.html")


@pytest.mark.parametrize("post", [1, 9999, 64012, 71659, 71660, 71665])
def test_posts_up_to_the_farewell_are_articles(post: int) -> None:
    assert get_profile("baobackan").is_article(f"https://bbk.baothainguyen.vn/tin-post{post}.html")


@pytest.mark.parametrize("old", ["baobackan.vn", "baobackan.com.vn", "baobackan.org.vn"])
def test_old_baobackan_hosts_are_rewritten_keeping_the_path(old: str) -> None:
    profile = get_profile("baobackan")
    url = f"https://www.{old}/kinh-te/202109/gia-tri-san-xuat-10e6adb/"
    assert (
        profile.canonical(url)
        == "https://bbk.baothainguyen.vn/kinh-te/202109/gia-tri-san-xuat-10e6adb/"
    )
    assert profile_for_url(url) is profile


def test_profile_for_url_of_an_unknown_host_is_none() -> None:
    assert profile_for_url("https://vnexpress.net/kinh-te-123.html") is None
    assert profile_for_url("not a url") is None


def test_congthuong_selectors_are_picked_by_date() -> None:
    profile = get_profile("congthuong")
    assert profile.selectors_for(date(2019, 5, 1)).version == "congthuong.vn/1"
    assert profile.selectors_for(date(2020, 5, 1)).version == "congthuong.vn/2020"
    assert profile.selectors_for(date(2023, 6, 30)).version == "congthuong.vn/2020"
    assert profile.selectors_for(date(2023, 7, 1)).version == "congthuong.vn/2025"
    assert profile.selectors_for(None).version == "congthuong.vn/2025"


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("http://beta.congthuongthainguyen.gov.vn/vn/tin-trong-nuoc/a-b-12.phtml",
         "http://congthuongthainguyen.gov.vn/vn/tin-trong-nuoc/a-b-12.phtml"),
        ("https://cms.thainguyen.vn/web/guest/tin-tuc/-/asset_publisher/AbC12/content/a--b?redirect=https%3A%2F%2Fcms.thainguyen.vn%2Fx&inheritRedirect=true",
         "https://thainguyen.gov.vn/web/guest/tin-tuc/-/asset_publisher/AbC12/content/a--b"),
        ("HTTPS://WWW.baobackan.vn/tin-post64012.html", "https://bbk.baothainguyen.vn/tin-post64012.html"),
    ],
)  # fmt: skip
def test_legacy_hosts_and_queries_are_canonicalised(url: str, canonical: str) -> None:
    profile = profile_for_url(url)
    assert profile is not None and profile.canonical(url) == canonical
    assert profile.is_article(url)


@pytest.mark.parametrize("profile", all_profiles(), ids=lambda p: p.key)
def test_every_value_names_its_evidence(profile) -> None:  # type: ignore[no-untyped-def]
    """A source note (repository and commit date) or the plain word "unverified"."""
    notes = [v.source for v in profile.selectors] + [li.source for li in profile.listings]
    for note in notes:
        assert note.startswith("unverified") or re.search(r"@[0-9a-f]{7}.*\(20\d\d", note), note
    for version in profile.selectors:
        fields = {"title", "sapo", "body", "date", "author", "all"}
        assert set(version.unverified) <= fields, version.selectors.version
    assert profile.examples, "scrapy check needs an article URL of the site"
    for url in profile.examples:
        assert profile.is_article(url), url


@pytest.mark.parametrize("profile", all_profiles(), ids=lambda p: p.key)
def test_profile_is_complete_and_consistent(profile) -> None:  # type: ignore[no-untyped-def]
    assert re.fullmatch(r"[a-z]+", profile.key)
    assert all(not d.startswith("www.") for d in profile.domains)
    assert profile_for_url(profile.base_url) is profile
    # Selector versions: ordered by valid_until, the current one (None) last, each with dates.
    untils = [v.valid_until for v in profile.selectors]
    assert untils[-1] is None and None not in untils[:-1]
    assert untils[:-1] == sorted(untils[:-1])  # type: ignore[type-var]
    for version in profile.selectors:
        s = version.selectors
        assert s.title and s.body and s.date and s.date_formats, s.version
    # Listings, sitemaps, feeds: on the site, never mistaken for articles.
    assert profile.listings or profile.sitemaps
    for listing in profile.listings:
        assert profile_for_url(listing.url) is profile
        assert not profile.is_article(listing.url)
        assert listing.page_url and ("{page}" in listing.page_url or "{offset}" in listing.page_url)
        page2 = listing.page_url.format(page=2, offset=listing.page_size)
        assert not profile.is_article(page2)
    for url in (*profile.sitemaps, *profile.feeds):
        assert profile_for_url(url) is profile and not profile.is_article(url)


def test_selector_versions_are_unique_across_sites() -> None:
    versions = [v.selectors.version for p in all_profiles() for v in p.selectors]
    assert len(versions) == len(set(versions))
