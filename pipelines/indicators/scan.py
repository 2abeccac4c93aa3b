"""One scan of the phrase vocabulary per article, mentions looked up by offset per sentence.

Every phrase kind (indicators, other subjects, sectors, status words, context cues, periods,
places) is a regex; running each one over each sentence tried every alternative at every word,
and that was most of the indicator time (bench/bench_indicators.py). Here each kind's regex is
analysed once, at import, for the literal words its matches can begin with, up to two
("giá trị", "tổng mức", "chỉ số", "iip" ...); the article's words are walked once, and a kind's
regex is tried only where a word and the next begin with one of its openings. The matches are those
``finditer`` gives (the same regex, at the same places, non-overlapping within a kind), so the
rules read exactly what they read before; a kind whose openings cannot be listed is scanned with
``finditer`` as before.
"""

from __future__ import annotations

import bisect
import logging
import re
import re._constants as _const
import re._parser as _parser
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from pipelines.indicators import lexicon as lx
from pipelines.indicators.areas import PLACE_RE, Home, place_area
from pipelines.indicators.lexicon import Mention

logger = logging.getLogger(__name__)

_WORDS = re.compile(r"(?<!\w)\w+")
_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"\s*")
# Characters of an opening compared (longer literal prefixes are cut there), and the most
# openings a kind may have (else it is scanned with finditer).
MAX_OPENING = 24
MAX_OPENINGS = 5000
_DIGITS = "0123456789"
_SPACE_CATEGORIES = {_const.CATEGORY_SPACE, _const.CATEGORY_LINEBREAK}


def _openings(
    items: list[Any], acc: frozenset[str], limit: int, spaces: int = 1
) -> frozenset[str] | None:
    """The strings a match of ``items`` can begin with, each extending one of ``acc``: up to two
    words, one space between them and one after a whole word; cut at the first non-literal.
    ``spaces``: word boundaries still to cross. None when there are more than ``limit``."""
    for i, (op, arg) in enumerate(items):
        if all(len(a) >= MAX_OPENING for a in acc):
            return acc
        rest = items[i + 1 :]
        if op is _const.LITERAL:
            char = chr(arg)
            if char.isspace():
                return _space(rest, acc, limit, spaces)
            acc = frozenset(a + char for a in acc)
        elif op is _const.IN:
            chars = _class_chars(arg)
            if chars is None:
                return _space(rest, acc, limit, spaces) if _is_space_class(arg) else acc
            acc = frozenset(a + c for a in acc for c in chars)
        elif op in (_const.AT, _const.ASSERT, _const.ASSERT_NOT):
            continue
        elif op is _const.SUBPATTERN:
            return _union([list(arg[-1]) + rest], acc, limit, spaces)
        elif op is _const.BRANCH:
            return _union([list(b) + rest for b in arg[1]], acc, limit, spaces)
        elif op in (_const.MAX_REPEAT, _const.MIN_REPEAT, _const.POSSESSIVE_REPEAT):
            low, high, sub = arg
            if len(sub) == 1 and sub[0][0] is _const.IN and _is_space_class(sub[0][1]):
                spaced = _space(rest, acc, limit, spaces)  # "\s+" or "\s*": one space
                if low >= 1 or spaced is None:
                    return spaced
                alone = _openings(rest, acc, limit, spaces)
                return None if alone is None else spaced | alone
            once = list(sub) + (rest if high == 1 else [])
            options = [once] if low >= 1 else [once, rest]
            return _union(options, acc, limit, spaces)
        else:
            return acc
        if len(acc) > limit:
            return None
    return acc


def _space(rest: list[Any], acc: frozenset[str], limit: int, spaces: int) -> frozenset[str] | None:
    """A word boundary: the openings end there, or go on into the second word."""
    spaced = frozenset(a + " " for a in acc)
    return _openings(rest, spaced, limit, spaces - 1) if spaces > 0 else spaced


def _union(
    options: list[list[Any]], acc: frozenset[str], limit: int, spaces: int
) -> frozenset[str] | None:
    found: set[str] = set()
    for option in options:
        got = _openings(option, acc, limit, spaces)
        if got is None:
            return None
        found |= got
        if len(found) > limit:
            return None
    return frozenset(found)


def _class_chars(arg: Any) -> str | None:
    chars = ""
    for op, value in arg:
        if op is _const.LITERAL:
            chars += chr(value)
        elif op is _const.RANGE and value[1] - value[0] < 16:
            chars += "".join(chr(c) for c in range(value[0], value[1] + 1))
        elif op is _const.CATEGORY and value is _const.CATEGORY_DIGIT:
            chars += _DIGITS
        elif op is _const.CATEGORY and value in _SPACE_CATEGORIES:
            return None
        else:
            return None
    return chars if 0 < len(chars) <= 16 and not any(c.isspace() for c in chars) else None


def _is_space_class(arg: Any) -> bool:
    return all(op is _const.CATEGORY and value in _SPACE_CATEGORIES for op, value in arg)


def openings(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-cased strings every match of ``pattern`` begins with; None when unknown or empty."""
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
    except re.error:
        return None
    found = _openings(list(tree), frozenset({""}), MAX_OPENINGS)
    if not found or "" in found or " " in found:
        return None
    return frozenset(o.lower() for o in found)


# (kind, regex, how a match becomes a Mention); places need the article's home, so they are
# made in ``ArticleScan``.
MakeMention = Callable[[re.Match[str]], Mention]


def _keyed(kind: str) -> MakeMention:
    return lambda m: Mention(m.start(), m.end(), kind, lx.key_of(m))


def _cue(m: re.Match[str]) -> Mention:
    return Mention(m.start(), m.end(), lx.key_of(m), lx.key_of(m))


KINDS: list[tuple[str, re.Pattern[str], MakeMention | None]] = [
    *((kind, pattern, _keyed(kind)) for kind, pattern in lx.PHRASES.items()),
    ("cue", lx.CUES_RE, _cue),
    ("period", lx.PERIOD_RE, lx.period_mention),
    ("place", PLACE_RE, None),
]


@dataclass(frozen=True)
class _Gate:
    # a whole first word -> kind -> what the second word must begin with ("": anything)
    words: dict[str, dict[int, tuple[str, ...]]]
    # first two letters (or the only one) -> (opening, kind), for openings that are not words
    prefixes: dict[str, tuple[tuple[str, int], ...]]
    ungated: tuple[int, ...]  # kinds scanned with finditer


def _build_gate() -> _Gate:
    words: dict[str, dict[int, set[str]]] = {}
    prefixes: dict[str, set[tuple[str, int]]] = {}
    ungated = []
    for index, (kind, pattern, _) in enumerate(KINDS):
        found = openings(pattern)
        if found is None:
            logger.debug("%s: openings unknown, scanned with finditer", kind)
            ungated.append(index)
            continue
        for opening in found:
            first, space, second = opening.partition(" ")
            if space and _WORD.fullmatch(first):
                words.setdefault(first, {}).setdefault(index, set()).add(second.rstrip())
            else:
                prefixes.setdefault(first[:2], set()).add((first, index))
    return _Gate(
        {
            w: {k: ("",) if "" in found else tuple(sorted(found)) for k, found in kinds.items()}
            for w, kinds in words.items()
        },
        {p: tuple(sorted(o)) for p, o in prefixes.items()},
        tuple(ungated),
    )


_GATE = _build_gate()
_PERIOD = next(i for i, (kind, _, _) in enumerate(KINDS) if kind == "period")
# token -> the kinds that may open at it, each with what the next word must begin with ("":
# anything): for every kind, and for periods alone. Filled as words are met.
Candidates = tuple[tuple[int, tuple[str, ...]], ...]
_CANDIDATES: dict[str, tuple[Candidates, Candidates]] = {}
_CACHE_LIMIT = 100_000


def _candidates(token: str) -> tuple[Candidates, Candidates]:
    found = _CANDIDATES.get(token)
    if found is None:
        kinds: dict[int, set[str]] = {k: set(v) for k, v in _GATE.words.get(token, {}).items()}
        for key in (token[:2], token[:1]):
            for opening, i in _GATE.prefixes.get(key, ()):
                if token.startswith(opening):
                    kinds.setdefault(i, set()).add("")
                elif opening.startswith(token):  # "nông," for "nông, lâm nghiệp", "tp." ...
                    kinds.setdefault(i, set()).add(opening[len(token) :])
        every = tuple(
            (k, ("",) if "" in found else tuple(sorted(found)))
            for k, found in sorted(kinds.items())
        )
        found = (every, tuple(c for c in every if c[0] == _PERIOD))
        if len(_CANDIDATES) > _CACHE_LIMIT:
            _CANDIDATES.clear()
        _CANDIDATES[token] = found
    return found


class ArticleScan:
    """Every mention of the article's text, found in one walk over its words; ``between``
    gives those of one sentence (or paragraph) by offset.

    ``regions``: where every kind is wanted (paragraphs with figures); elsewhere only periods
    are looked for, which is all the rules read there (``attach.read_periods_only``). None:
    everywhere."""

    def __init__(self, text: str, home: Home, regions: list[tuple[int, int]] | None = None) -> None:
        self.text = text
        self.home = home
        per_kind: list[list[Mention]] = [[] for _ in KINDS]
        ends = [0] * len(KINDS)
        lower = text.lower()
        if len(lower) != len(text):  # a letter whose lower case is two characters ("İ")
            lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        spans = regions if regions is not None else [(0, len(text))]
        region, n = (spans[0] if spans else (0, 0)), 0
        for word in _WORDS.finditer(lower):
            at = word.start()
            while at >= region[1] and n + 1 < len(spans):
                n += 1
                region = spans[n]
            every, periods = _candidates(word.group())
            for index, seconds in every if region[0] <= at < region[1] else periods:
                if at < ends[index]:
                    continue
                if seconds[0]:  # the next word must begin so ("giá trị", "cả nước")
                    then = _SPACES.match(lower, word.end()).end()  # type: ignore[union-attr]
                    if not lower.startswith(seconds, then):
                        continue
                match = KINDS[index][1].match(text, at)
                if match is not None and match.end() > at:
                    per_kind[index].append(self._mention(index, match))
                    ends[index] = match.end()
        for index in _GATE.ungated:
            per_kind[index] = [self._mention(index, m) for m in KINDS[index][1].finditer(text)]
        self.mentions = sorted((m for found in per_kind for m in found), key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]

    def _mention(self, index: int, match: re.Match[str]) -> Mention:
        make = KINDS[index][2]
        if make is not None:
            return make(match)
        kind, area = place_area(match, self.home)
        return Mention(match.start(), match.end(), "place", kind, {"area": area})

    def between(self, start: int, end: int, kinds: Iterable[str] | None = None) -> list[Mention]:
        """Mentions lying within ``text[start:end]`` (of ``kinds`` only, when given)."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        wanted = set(kinds) if kinds is not None else None
        return [
            m for m in self.mentions[lo:hi] if m.end <= end and (wanted is None or m.kind in wanted)
        ]
