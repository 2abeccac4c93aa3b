"""Deterministic Vietnamese economic-news articles for the replicas.

``make_article(seed, site, index, published, provinces)`` depends on nothing else, so article
``index`` of a site is the same text on every run and after the site grows (growth only appends
indices). Texts are built from the templates in ``corpus_data`` × provinces × periods × random
figures, mixed with real paragraphs of the seed articles of the same province.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

from tests.replica import corpus_data as data

SEEDS_DIR = Path(__file__).resolve().parents[2] / "seeds"
# Where a seed's own text ends and the page's boilerplate lists begin.
_SEED_STOP = ("Có thể bạn quan tâm", "Bài viết cùng chủ đề", "Tin cùng chuyên mục", "Họ tên")


@dataclass(frozen=True)
class Article:
    index: int
    title: str
    sapo: str
    paragraphs: tuple[str, ...]
    author: str
    published: datetime  # timezone-aware, +07:00
    province: str
    topic: str  # a key of corpus_data.TOPICS
    tag: str  # the topic tag, "sản xuất công nghiệp"
    caption: str

    @property
    def body_text(self) -> str:
        return "\n\n".join(self.paragraphs)


def vn_number(value: float, decimals: int = 1) -> str:
    """1152.5 -> "1.152,5" (dot for thousands, comma for decimals)."""
    text = f"{value:,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return text.removesuffix(",0") if decimals == 1 else text


def slugify(text: str) -> str:
    """ASCII slug of a Vietnamese title, as the portals make them."""
    text = text.replace("đ", "d").replace("Đ", "D")
    ascii_text = unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:90].rstrip("-")


@cache
def seed_paragraphs() -> dict[str | None, tuple[str, ...]]:
    """Long paragraphs of the seed articles, by the province they report on."""
    out: dict[str | None, list[str]] = {}
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for stop in _SEED_STOP:
            text = text.split(stop)[0]
        # One-line paragraphs only: the seeds' multi-line blocks are page headers (date, toolbar,
        # title, sapo). Non-breaking spaces become plain ones, as every extractor does.
        paras = [p.strip() for p in re.split(r"\n\s*\n", text) if "\n" not in p.strip()]
        province = data.SEED_PROVINCES.get(path.name[:3])
        out.setdefault(province, []).extend(
            " ".join(p.split()) for p in paras if len(p.split()) >= 25
        )
    return {k: tuple(v) for k, v in out.items()}


def _period(published: datetime, rng: random.Random) -> tuple[str, int, int]:
    """A reporting period ending the month before publication: (text, months covered, year)."""
    month, year = published.month - 1, published.year
    if month == 0:
        month, year = 12, year - 1
    kinds = ["month", "month"] + (["cumul"] if month > 1 else [])
    kinds += ["quarter"] if month % 3 == 0 else []
    kinds += ["year"] if month == 12 else []
    kind = rng.choice(kinds)
    if kind == "cumul":
        return f"{month} tháng đầu năm {year}", month, year
    if kind == "quarter":
        return f"quý {data.ROMAN_QUARTERS[month // 3 - 1]}/{year}", 3, year
    if kind == "year":
        return f"năm {year}", 12, year
    return f"tháng {month}/{year}", 1, year


def _slots(rng: random.Random, province: str, published: datetime) -> dict[str, str]:
    districts, companies, parks, scale = data.PLACES[province]
    period, months, year = _period(published, rng)

    def pct() -> str:
        return vn_number(rng.uniform(0.5, 16.0), 2 if rng.random() < 0.3 else 1)

    return {
        "province": province,
        "period": period,
        "period_cap": period[0].upper() + period[1:],
        "year": str(published.year),
        "prev_year": str(year - 1),
        "value": vn_number(scale * months * rng.uniform(0.85, 1.15)),
        "value2": vn_number(scale * months * rng.uniform(0.02, 0.1)),
        "usd": vn_number(scale * months * rng.uniform(0.01, 0.04)),
        "usd2": vn_number(scale * months * rng.uniform(0.01, 0.03)),
        "pct": pct(),
        "pct2": pct(),
        "pct3": pct(),
        "pct4": pct(),
        "plan_pct": vn_number(months / 12 * 100 * rng.uniform(0.9, 1.1)),
        "count": str(rng.randint(3, 60)),
        "district": rng.choice(districts),
        "company": rng.choice(companies),
        "park": rng.choice(parks),
        "agency": rng.choice(data.AGENCIES),
    }


def make_article(
    seed: int, site: str, index: int, published: datetime, provinces: tuple[str, ...]
) -> Article:
    """Article ``index`` of ``site``: a pure function of its arguments."""
    # A string seed is hashed with SHA-512 by random.Random: stable across runs and platforms.
    rng = random.Random(f"{seed}:{site}:{index}")
    province = rng.choice(provinces)
    topic = rng.choice(sorted(data.TOPICS))
    titles, sapos, stats, tag = data.TOPICS[topic]
    slots = _slots(rng, province, published)
    paragraphs = [s.format(**slots) for s in rng.sample(stats, k=rng.randint(1, len(stats)))]
    paragraphs += [
        g.format(**slots) for g in rng.sample(data.GENERIC_PARAGRAPHS, k=rng.randint(1, 3))
    ]
    own_seeds = seed_paragraphs().get(province, ())
    if own_seeds and rng.random() < 0.4:
        paragraphs.insert(rng.randint(1, len(paragraphs)), rng.choice(own_seeds))
    return Article(
        index=index,
        title=rng.choice(titles).format(**slots),
        sapo=rng.choice(sapos).format(**slots),
        paragraphs=tuple(paragraphs),
        author=rng.choice(data.AUTHORS),
        published=published,
        province=province,
        topic=topic,
        tag=tag,
        caption=rng.choice(data.CAPTIONS).format(**slots),
    )


def seed_original(
    name: str, *, index: int, title: str, author: str, published: datetime, province: str
) -> Article:
    """A real article's text, taken from a seed file (its lead without the TCCKVN/TCCT/BBK
    prefix, then its paragraphs up to the byline), as the site that first published it."""
    lines = [ln.strip() for ln in (SEEDS_DIR / name).read_text(encoding="utf-8").splitlines()]
    lead_at = next(i for i, ln in enumerate(lines) if ln.startswith(("TCCKVN", "TCCT", "BBK")))
    lead = lines[lead_at].split(" ", 1)[1]
    paragraphs: list[str] = []
    for line in lines[lead_at + 1 :]:
        if not line:
            continue
        if line == author or line.startswith(_SEED_STOP) or len(line.split()) <= 3:
            break
        if line.endswith((".", ":", ";")) and len(line.split()) > 15:  # not a caption
            paragraphs.append(line)
    return Article(
        index=index,
        title=title,
        sapo=lead,
        paragraphs=tuple(paragraphs),
        author=author,
        published=published,
        province=province,
        topic="industry",
        tag="sản xuất công nghiệp",
        caption="Hoạt động sản xuất tại Công ty cổ phần Gang Thép Thái Nguyên",
    )
