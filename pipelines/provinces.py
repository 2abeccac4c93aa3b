"""Which province an article reports on, and what that province is called today.

Counts mentions of province names (the 63 pre-2025 and 34 post-2025 names, with spelling variants,
as data in ``pipelines.vocab.provinces``) in the title and the clean body — never in the byline or
the related lists, which the text rules have already removed. The title and "tỉnh X" weigh more;
a city or district stands for its province at half weight. No name at all gives None: the text
must say it (seed 002, from Trà Vinh, never names its province).

Before the counts, in order: a province named in the title wins (the first one when the title
pairs two: "X, Y: ..." is a comparison led by X); a title or lead about the whole country ("cả
nước", "các địa phương") that names no province is national (None); otherwise the first province
of the lead wins. With none of these, a text listing many provinces with none dominant is national
too. From the merger date on, a dissolved province ("xã thuộc tỉnh Bắc Kạn cũ") counts for the
province that absorbed it: it is only a former area then.
"""

from __future__ import annotations

import re
from collections import defaultdict

from pipelines.vocab import provinces as pv

TITLE_WEIGHT = 3.0
# A text naming at least this many provinces, none with this share of the weighted mentions, is a
# national round-up ("Bắc Giang (28,7%), Phú Thọ (21,3%), Thanh Hóa ..."), not a provincial report.
NATIONAL_MIN_PROVINCES = 3
NATIONAL_MAX_SHARE = 0.4
# "tỉnh Bắc Kạn", "TP. Thái Nguyên", a dateline "Thái Nguyên:" — the article is about it.
QUALIFIED_BONUS = 1.0
PLACE_WEIGHT = 0.5

# Old ("Hoà") and new ("Hòa") tone placement are both in use; NFC does not unify them.
_TONE_PAIRS = {
    "òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "òe": "oè", "óe": "oé", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
    "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ",
}  # fmt: skip
# "Hồ Chí Minh" alone is usually the person (tư tưởng Hồ Chí Minh): only the city forms count.
_CITY_ONLY = {"Hồ Chí Minh"}
_CITY_FORMS = ("TP. {}", "TP.{}", "TP {}", "Thành phố {}", "thành phố {}")
_NATIONAL = re.compile("|".join(f"(?:{p})" for p in pv.NATIONAL_PHRASES), re.I)
_ROUND_UP = re.compile("|".join(f"(?:{p})" for p in pv.ROUND_UP_TITLE_PHRASES), re.I)
_COMPARED = re.compile(f"(?:{pv.COMPARISON_BEFORE})[^.;!?]{{0,48}}$", re.I)


def _national(text: str) -> bool:
    """A national phrase that is the subject, not a comparison ("chiếm 9,8% kim ngạch xuất
    khẩu cả nước", "đứng thứ 3 cả nước" are a province's figures)."""
    return any(
        not _COMPARED.search(text, max(0, m.start() - 60), m.start())
        for m in _NATIONAL.finditer(text)
    )


_QUALIFIER = re.compile(r"(?:tỉnh|Tỉnh|TP\.?|[Tt]hành phố|UBND tỉnh)\s*$")


def tone_variants(name: str) -> set[str]:
    """The name with both tone placements ("Khánh Hòa", "Khánh Hoà")."""
    out = {name}
    for new, old in _TONE_PAIRS.items():
        out |= {v.replace(new, old) for v in out} | {v.replace(old, new) for v in out}
    return out


def _build_table() -> dict[str, tuple[str, float]]:
    table: dict[str, tuple[str, float]] = {}
    for name in (*pv.PROVINCES_2024, *pv.PROVINCES_2025):
        forms = [f.format(name) for f in _CITY_FORMS] if name in _CITY_ONLY else [name]
        for form in forms:
            for variant in tone_variants(form):
                table[variant] = (name, 1.0)
    for variant, name in pv.VARIANTS.items():
        for v in tone_variants(variant):
            table.setdefault(v, (name, 1.0))
    for place, name in pv.PLACES.items():
        for v in tone_variants(place):
            table.setdefault(v, (name, PLACE_WEIGHT))
    return table


_TABLE = _build_table()
# Longest first, so "Bà Rịa - Vũng Tàu" wins over "Vũng Tàu" and "Thừa Thiên Huế" over "Huế".
_NAMES = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(n) for n in sorted(_TABLE, key=len, reverse=True)) + r")(?!\w)"
)


def province_names() -> list[str]:
    """Every written form of a province's own name (variants and both tone placements)."""
    return [form for form, (_, weight) in _TABLE.items() if weight == 1.0]


def place_names() -> list[str]:
    """Written forms of the cities and districts that stand for a province (``vocab.PLACES``)."""
    return [form for form, (_, weight) in _TABLE.items() if weight != 1.0]


def canonical_province(name: str) -> str | None:
    """The canonical name of a province written ``name`` ("Bắc Cạn" -> "Bắc Kạn"), else None."""
    found = _TABLE.get(name)
    return found[0] if found is not None and found[1] == 1.0 else None


def named_provinces(text: str) -> list[str]:
    """The provinces ``text`` names by their own name, first mention first (canonical names)."""
    return _named(text)


def is_national(text: str, title: str = "") -> bool:
    """Whether ``text`` (a title and lead) speaks of the whole country or many provinces at
    once; ``title`` alone may also be a round-up ("Các tỉnh phía Bắc ...")."""
    return bool(_national(text) or _ROUND_UP.search(title))


def _successor(name: str, published_at: str | None) -> str:
    """``name`` as it must be reported for an article of ``published_at``: a province dissolved
    by then is only a former area of its successor."""
    if name not in pv.MERGED_INTO or not published_at:
        return name
    # ISO strings compare in date order on their first ten characters.
    if published_at[:10] >= pv.CHANGE_DATES.get(name, pv.MERGER_DATE):
        return pv.MERGED_INTO[name]
    return name


def _named(text: str, published_at: str | None = None) -> list[str]:
    """The provinces named in ``text`` by their own name (not a city's), first mention first."""
    names: list[str] = []
    for m in _NAMES.finditer(text):
        name, base = _TABLE[m.group(1)]
        name = _successor(name, published_at)
        if base == 1.0 and name not in names:
            names.append(name)
    return names


def province_scores(
    title: str | None, body: str, published_at: str | None = None
) -> dict[str, float]:
    """Weighted mention counts per canonical province name (as of ``published_at``)."""
    scores: dict[str, float] = defaultdict(float)
    for text, weight in ((title or "", TITLE_WEIGHT), (body, 1.0)):
        for m in _NAMES.finditer(text):
            name, base = _TABLE[m.group(1)]
            score = base * weight
            before = text[max(0, m.start() - 12) : m.start()]
            after = text[m.end() : m.end() + 1]
            if base == 1.0 and (_QUALIFIER.search(before) or after == ":"):
                score += QUALIFIED_BONUS
            scores[_successor(name, published_at)] += score
    return dict(scores)


def detect_province(
    title: str | None,
    body: str,
    *,
    lead: str | None = None,
    published_at: str | None = None,
    site: list[str] | None = None,
) -> str | None:
    """The province the article reports on, as named in it; None when it names none or is
    national. ``lead`` is the sapo or first paragraph (default: the body's first line);
    ``published_at`` (ISO) tells whether a merged province still existed; ``site``: the
    site's name lines above the title ("BÁO BÌNH DƯƠNG ONLINE"), which say it when the article
    itself names no province (a provincial paper's "tỉnh" is its own)."""
    found = _detect(title, body, lead, published_at)
    if found is not None or not site or _national(f"{title or ''}\n{lead or ''}"):
        return found
    # no province stands out: the site's own, when the article names it or names none
    scores = province_scores(title, body, published_at)
    # in capitals ("BÁO BÌNH DƯƠNG ONLINE") the names are found in title case
    named = _named("\n".join(x.title() if x.isupper() else x for x in site), published_at)
    if named and (not scores or named[0] in scores):
        return named[0]
    return found


def _detect(title: str | None, body: str, lead: str | None, published_at: str | None) -> str | None:
    in_title = _named(title or "", published_at)
    if in_title:
        return in_title[0]
    if lead is None:
        lead = body.split("\n", 1)[0]
    in_lead = _named(lead, published_at)
    if (
        _national(title or "")
        or _ROUND_UP.search(title or "")
        or (_national(lead) and (not in_lead or len(in_lead) >= 2))
    ):
        # a national title, or a lead about the country naming none or several provinces
        # ("... tại Bắc Giang, Bắc Ninh ..., nhiều địa phương phía Bắc"): a round-up
        return None
    if in_lead:
        return in_lead[0]
    scores = province_scores(title, body, published_at)
    if not scores:
        return None
    best = max(scores.values())
    full_names = _named(body, published_at)
    if len(full_names) >= NATIONAL_MIN_PROVINCES and best < NATIONAL_MAX_SHARE * sum(
        scores.values()
    ):
        return None
    tied = [name for name, score in scores.items() if score == best]
    if len(tied) == 1:
        return tied[0]
    # Ties go to the name mentioned first (title before body).
    text = f"{title or ''}\n{body}"
    positions: dict[str, int] = {}
    for m in _NAMES.finditer(text):
        positions.setdefault(_successor(_TABLE[m.group(1)][0], published_at), m.start())
    return min(tied, key=lambda name: positions.get(name, len(text)))


def current_province(name: str | None) -> str | None:
    """The province ``name`` belongs to since 1 July 2025 (Bắc Kạn -> Thái Nguyên)."""
    if name is None:
        return None
    return pv.MERGED_INTO.get(name, name)
