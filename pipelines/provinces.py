"""Which province an article reports on, and what that province is called today.

Counts mentions of province names (the 63 pre-2025 and 34 post-2025 names, with spelling variants,
as data in ``pipelines.vocab.provinces``) in the title and the clean body — never in the byline or
the related lists, which the text rules have already removed. The title and "tỉnh X" weigh more;
a city or district stands for its province at half weight. No name at all gives None: the text
must say it (seed 002, from Trà Vinh, never names its province).
"""

from __future__ import annotations

import re
from collections import defaultdict

from pipelines.vocab import provinces as pv

TITLE_WEIGHT = 3.0
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


def province_scores(title: str | None, body: str) -> dict[str, float]:
    """Weighted mention counts per canonical province name."""
    scores: dict[str, float] = defaultdict(float)
    for text, weight in ((title or "", TITLE_WEIGHT), (body, 1.0)):
        for m in _NAMES.finditer(text):
            name, base = _TABLE[m.group(1)]
            score = base * weight
            before = text[max(0, m.start() - 12) : m.start()]
            after = text[m.end() : m.end() + 1]
            if base == 1.0 and (_QUALIFIER.search(before) or after == ":"):
                score += QUALIFIED_BONUS
            scores[name] += score
    return dict(scores)


def detect_province(title: str | None, body: str) -> str | None:
    """The province the article reports on, as named in it; None when it names none."""
    scores = province_scores(title, body)
    if not scores:
        return None
    best = max(scores.values())
    tied = [name for name, score in scores.items() if score == best]
    if len(tied) == 1:
        return tied[0]
    # Ties go to the name mentioned first (title before body).
    text = f"{title or ''}\n{body}"
    positions = {}
    for m in _NAMES.finditer(text):
        positions.setdefault(_TABLE[m.group(1)][0], m.start())
    return min(tied, key=lambda name: positions.get(name, len(text)))


def current_province(name: str | None) -> str | None:
    """The province ``name`` belongs to since 1 July 2025 (Bắc Kạn -> Thái Nguyên)."""
    if name is None:
        return None
    return pv.MERGED_INTO.get(name, name)
