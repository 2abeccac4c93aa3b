"""Is this Vietnamese? Syllable rules shared by the charset detector and the article check.

Vietnamese is written in syllables of a fixed shape: an initial consonant, a vowel nucleus, a final
consonant or glide, and at most one tone mark. A decoding that turns bytes into real syllables is
the right one; mojibake ("Thá»±c", "Gi¸ trÞ") breaks syllables with symbols that are no letters.
So the same rules score candidate decodings (``pipelines.decoding``) and tell an article from a
configuration file (``pipelines.prose``). The alphabet and rhymes are data below; no dictionary.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Tone marks (combining, after NFD): grave, acute, tilde, hook above, dot below.
TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
# Vowel shapes: circumflex, breve, horn.
SHAPES = frozenset("\u0302\u0306\u031b")

# initial consonant, vowel nucleus (medial included), final consonant or glide; tone removed
_SYLLABLE = re.compile(
    r"^(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?"
    r"(uyê|uya|uyu|iê|yê|uô|ươ|ưa|ia|ua|oa|oă|oe|oo|uâ|uê|uy|uơ|[aăâeêioôơuưy])"
    r"(ch|ng|nh|[cmnptiyou])?$"
)
_WORD = re.compile(r"[^\W\d_]+")
# a token is a run of non-space characters, with punctuation around it taken off
_TOKEN_EDGES = "\"'“”‘’«»()[]{}<>.,;:!?…–—-/\\|*#%&+=~^`@$"


@dataclass(frozen=True)
class Syllables:
    """What the tokens of a text are, as Vietnamese."""

    marked: int  # valid syllables with a tone, a vowel shape or đ: unmistakably Vietnamese
    plain: int  # tokens of plain ASCII letters (valid Vietnamese or not: names, loanwords)
    broken: int  # tokens holding symbols, replacement characters or impossible letter runs

    @property
    def score(self) -> int:
        """How Vietnamese a decoding reads: marked syllables, minus twice the broken tokens."""
        return self.marked - 2 * self.broken


def _strip_tone(word: str) -> tuple[str, int, bool]:
    """(the word without its tone marks, NFC; number of tone marks; has a shape mark or đ)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in decomposed if c in TONES)
    marked = any(c in SHAPES for c in decomposed) or "đ" in decomposed
    bare = "".join(c for c in decomposed if c not in TONES)
    return unicodedata.normalize("NFC", bare), tones, marked or tones > 0


def is_syllable(word: str) -> bool:
    """Whether ``word`` (letters only) is a possible Vietnamese syllable."""
    bare, tones, _ = _strip_tone(word)
    return tones <= 1 and _SYLLABLE.match(bare) is not None


def is_marked_syllable(word: str) -> bool:
    """A possible syllable carrying a tone, a vowel shape or đ (never an English word)."""
    bare, tones, marked = _strip_tone(word)
    return marked and tones <= 1 and _SYLLABLE.match(bare) is not None


def syllables(text: str, limit: int = 200_000) -> Syllables:
    """Classify the whitespace-separated tokens of (the first ``limit`` characters of) ``text``."""
    marked = plain = broken = 0
    for raw in text[:limit].split():
        token = raw.strip(_TOKEN_EDGES)
        if not token or token.isdigit():
            continue
        if token.isascii():
            plain += token.isalpha()
            continue
        parts = token.replace("-", " ").split()
        for part in parts:
            if part.isascii():
                continue
            if not part.isalpha() or len(_WORD.findall(part)) != 1:
                broken += 1  # a symbol, a replacement character or a control inside the word
            elif is_marked_syllable(part):
                marked += 1
            elif not part.isascii():
                broken += 1  # letters no Vietnamese syllable has (ß, Ã´, æ...)
    return Syllables(marked, plain, broken)


def marked_words(text: str) -> int:
    """Words that can only be Vietnamese (marked syllables) in ``text``."""
    return sum(1 for w in _WORD.findall(text) if not w.isascii() and is_marked_syllable(w))
