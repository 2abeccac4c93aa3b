"""The events of a sentence: its phrase mentions and figures, minus restatements for another
scope ("(không kể Samsung là 12,03%)", seed 003) and mentions that a figure already spans.

Split out of ``attach.py``, which reads these events left to right.
"""

from __future__ import annotations

import logging
import re

from pipelines.indicators.areas import Home, find_places
from pipelines.indicators.figures import Figure, find_figures
from pipelines.indicators.lexicon import Mention, find_mentions, leftmost_longest
from pipelines.indicators.scan import ArticleScan

logger = logging.getLogger(__name__)

_ZONE_END = re.compile(r"[;)]")


def _exclusion_zones(text: str, mentions: list[Mention], end: int) -> list[tuple[int, int]]:
    """Spans restating a figure for another scope: "(không kể Samsung là 12,03%)"."""
    zones = []
    for m in mentions:
        if m.kind != "exclusion":
            continue
        before = text[max(0, m.start - 3) : m.start]
        if "(" in before:
            close = text.find(")", m.end, end)
            zones.append((m.start - 3 + before.index("("), close if close >= 0 else end))
        else:
            stop = _ZONE_END.search(text, m.end, end)
            zones.append((m.start, stop.start() if stop else end))
    return zones


def _inside(pos: int, zones: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in zones)


def prepare(
    text: str, start: int, end: int, home: Home | None = None, scan: ArticleScan | None = None
) -> tuple[list[Mention], list[Figure]]:
    """Mentions (places included) and figures of ``text[start:end]`` (offsets into ``text``).
    ``scan``: the article's mentions found in one walk (else the sentence is scanned alone)."""
    if scan is not None:
        mentions = leftmost_longest(scan.between(start, end))
    else:
        places = [
            Mention(m.start - start, m.end - start, m.kind, m.key, m.groups)
            for m in find_places(text, start, end, home or Home())
        ]
        mentions = [
            Mention(m.start + start, m.end + start, m.kind, m.key, m.groups)
            for m in find_mentions(text[start:end], places)
        ]
    zones = _exclusion_zones(text, mentions, end)
    # a number inside a period or a place ("tháng 6", "32 khu công nghiệp") is no figure
    periods = [m for m in mentions if m.kind in ("period", "place")]
    figures = [
        f
        for f in find_figures(text, start, end)
        if not _inside(f.number_start, zones)
        and not any(p.start <= f.number_start < p.end for p in periods)
    ]
    mentions = [
        m
        for m in mentions
        if m.kind != "exclusion"
        and not _inside(m.start, zones)
        and not any(
            f.start <= m.start < f.end or m.start <= f.number_start < m.end for f in figures
        )
    ]
    return mentions, figures
