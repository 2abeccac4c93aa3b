"""Text preparation: NFC with an offset map back to the input, paragraphs and sentences.

Facts carry offsets into the body exactly as given, so when the body is not NFC (text pasted in
decomposed form) we normalise per character cluster and keep where each cluster began.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass

logger = logging.getLogger(__name__)

# A sentence ends at . ! ? … (optionally closed by a quote or bracket) followed by space and
# an uppercase letter or a digit; numbers ("1.055.400") never have a space after the dot.
# (The range à-ỹ also holds the capital Đ, U+0110: "Đây", "Để" open sentences too.)
_SENTENCE_END = re.compile(r"[.!?…]+[\"”')]*\s+(?=[\"“(]?(?:Đ|[^\W_a-zđà-ỹ]))")
# Abbreviations written with a dot before a name: administrative units (thành phố, thị xã, thị
# trấn, quận, phường, huyện, xã) and titles (tiến sĩ, thạc sĩ, giáo sư).
_ABBREVIATION = re.compile(r"(?<![\w.])(?:TP|Tp|TX|Tx|TT|Q|P|H|X|TS|ThS|PGS|GS|KS|BS)\.$")


@dataclass(frozen=True)
class Normalized:
    text: str
    origin: list[int]  # origin[i] = offset in the input of normalised char i; origin[len] = len

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.origin[start], self.origin[end]


def normalize(body: str) -> Normalized:
    """NFC text plus the map from its offsets to ``body`` offsets."""
    if unicodedata.is_normalized("NFC", body):
        return Normalized(body, list(range(len(body) + 1)))
    logger.debug("body is not NFC; normalising with an offset map")
    out: list[str] = []
    origin: list[int] = []
    i = 0
    while i < len(body):
        j = i + 1
        while j < len(body) and unicodedata.combining(body[j]):
            j += 1
        piece = unicodedata.normalize("NFC", body[i:j])
        out.append(piece)
        origin.extend([i] * len(piece))
        i = j
    origin.append(len(body))
    return Normalized("".join(out), origin)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line: the cleaner writes one paragraph per line."""
    spans: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\n]+", text):
        if match.group(0).strip():
            spans.append((match.start(), match.end()))
    return spans


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the sentences of ``text[start:end]``; the dot of an abbreviation before
    a name ("TP. Sông Công", "TX. Phổ Yên") ends no sentence."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if _ABBREVIATION.search(text, max(start, match.start() - 6), match.start() + 1):
            continue
        spans.append((cursor, match.start() + 1))
        cursor = match.end()
    if cursor < end:
        spans.append((cursor, end))
    return spans
