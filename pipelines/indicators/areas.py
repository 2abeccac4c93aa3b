"""Places in a sentence, and the area each names (the contract's fact-level ``area``).

A figure about a district, a commune, an industrial park, another province or the whole country
carries that place as ``area``, so that it never enters the province's own series. This module
finds the places (vocabulary: ``pipelines.vocab.places`` and ``pipelines.vocab.provinces``) and
writes each area in one canonical form ("TP. Sông Công" -> "thành phố Sông Công", "tỉnh Bắc Giang"
-> "Bắc Giang", "toàn quốc" -> "cả nước"), so that one place is one series. A place that is the
article's own province (or "toàn tỉnh", "của tỉnh") names no area: it brings figures back home.

How far an area reaches is decided where mentions are read (``attach.py``): the subject of a
clause reaches to the end of the sentence (and of the paragraph when it opens it); a place in
the middle of a clause ("cao hơn mức tăng chung của cả nước (5%)") only reaches the figure after it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from pipelines.indicators.lexicon import Mention
from pipelines.provinces import canonical_province, place_names, province_names
from pipelines.vocab import places as pl

logger = logging.getLogger(__name__)

NATION_AREA = "cả nước"
PARKS_AREA = "các khu công nghiệp"

# Capital letters of Vietnamese (A-Z and the precomposed capitals): a place's name starts with one.
_UPPER = "".join(
    sorted(
        {chr(c) for c in range(0x41, 0x1EFA) if chr(c).isupper() and chr(c).isalpha()}
        | set("ĐĂÂÊÔƠƯ")
    )
)
_SYLLABLE = rf"[{re.escape(_UPPER)}][^\W\d_]*"
# A name: one to four capitalised syllables ("Tân Cương", "Điềm Thụy", "Sông Công II").
_NAME = rf"{_SYLLABLE}(?: {_SYLLABLE}){{0,3}}"
_PARK_NAME = rf"(?:{_NAME}(?: (?:\d{{1,2}}|[IVX]{{1,4}})(?!\w))?|{pl.PARK_NUMBER})"


def _alternation(entries: list[tuple[str, str]]) -> str:
    return "|".join(f"(?:{src})" for _, src in entries)


def _names(forms: list[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


PLACE_RE = re.compile(
    r"(?<!\w)(?:"
    rf"(?P<unit>(?P<unit_prefix>{_alternation(pl.UNIT_PREFIXES)}) ?(?P<unit_name>{_NAME}))"
    rf"|(?P<park>(?P<park_prefix>{_alternation(pl.PARK_PREFIXES)}) (?P<park_name>{_PARK_NAME}))"
    rf"|(?P<parks>{pl.PARKS_TOGETHER})"
    rf"|(?P<nation>{pl.NATION})"
    rf"|(?P<region>{pl.REGIONS})"
    rf"|(?P<home>{pl.HOME_WHOLE})"
    rf"|(?P<homeref>{pl.HOME_REF})"
    rf"|(?P<anaphor>{pl.ANAPHOR})"
    rf"|(?P<province>(?:{pl.PROVINCE_PREFIX})?(?P<province_name>{_names(province_names())}))"
    rf"|(?P<known>{_names(place_names())})"
    r")(?!\w)"
)
_UNIT_KEYS = [(key, re.compile(src)) for key, src in pl.UNIT_PREFIXES]
_PARK_KEYS = [(key, re.compile(src)) for key, src in pl.PARK_PREFIXES]
# Quick test before the costly alternation: a sentence without a capital letter after its first
# character and without these words names no place.
_PLACE_WORDS = re.compile(
    rf"(?-i:[{re.escape(_UPPER)}])|cả nước|toàn quốc|nước ta|tỉnh|thành phố|vùng|khu công nghiệp"
    r"|cụm công nghiệp",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Home:
    """What the article reports on: its province (canonical name) and the area of figures that
    name no place (None, or "cả nước" in a national article)."""

    province: str | None = None
    default_area: str | None = None


def _prefix_key(keys: list[tuple[str, re.Pattern[str]]], text: str) -> str:
    return next((key for key, pattern in keys if pattern.fullmatch(text)), text.lower())


def place_area(m: re.Match[str], home: Home) -> tuple[str, str | None]:
    """(kind, area) of a place match; area None for the article's own province."""
    whole = canonical_province(m.group(0))  # "TP.HCM", "TP. Hồ Chí Minh"
    if whole is not None:
        return "province", None if whole == home.province else whole
    if m.group("unit"):
        name = m.group("unit_name")
        prefix = _prefix_key(_UNIT_KEYS, m.group("unit_prefix"))
        if prefix == "thành phố" and name in pl.CENTRAL_CITIES:
            province = canonical_province(name) or name
            return "province", None if province == home.province else province
        return "unit", f"{prefix} {name}"
    if m.group("park"):
        return "park", f"{_prefix_key(_PARK_KEYS, m.group('park_prefix'))} {m.group('park_name')}"
    if m.group("parks"):
        return "park", PARKS_AREA
    if m.group("nation"):
        return "nation", NATION_AREA
    if m.group("region"):
        return "region", m.group("region")
    if m.group("home"):
        return "home", home.default_area
    if m.group("homeref"):
        return "homeref", home.default_area
    if m.group("anaphor"):
        return "anaphor", None
    if m.group("province"):
        province = canonical_province(m.group("province_name"))
        return "province", None if province == home.province else province
    return "unit", m.group("known")


def find_places(text: str, start: int, end: int, home: Home) -> list[Mention]:
    """Place mentions in ``text[start:end]`` (kind "place", key = kind of place, groups["area"])."""
    if not _PLACE_WORDS.search(text, start + 1, end):
        return []
    found = []
    for m in PLACE_RE.finditer(text, start, end):
        kind, area = place_area(m, home)
        found.append(Mention(m.start(), m.end(), "place", kind, {"area": area}))
    return found
