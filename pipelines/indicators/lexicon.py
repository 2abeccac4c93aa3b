"""Compile the vocabulary once at import and find phrase mentions in a text.

Every phrase kind becomes one regex; all kinds are run over a sentence and overlaps are settled
leftmost-longest, so "kim ngạch xuất nhập khẩu" (other) beats "xuất khẩu" (export_value) and
"Sở Kế hoạch và Đầu tư" (neutral) beats "kế hoạch" (target).
"""

from __future__ import annotations

import logging
import re
import re._parser as _parser
from dataclasses import dataclass, field
from typing import Any

from pipelines.indicators import vocab
from pipelines.indicators import vocab_figures as vf

logger = logging.getLogger(__name__)

_FLAGS = re.IGNORECASE
_VARIANT_RE = re.compile("|".join(sorted(map(re.escape, vocab.VARIANTS), key=len, reverse=True)))


def expand(source: str) -> str:
    """Notation -> regex: variant spellings, " ?" = optional space, " " = any spaces."""
    source = _VARIANT_RE.sub(lambda m: vocab.VARIANTS[m.group(0)], source)
    return source.replace(" ?", r"\s*").replace(" ", r"\s+")


def _first_chars(source: str) -> set[str] | None:
    """Characters a match of ``source`` can start with (None when any character could)."""
    try:
        tree = _parser.parse(source, _FLAGS)
    except re.error:
        return None
    chars: set[str] = set()
    return chars if _first(list(tree), chars) is False else None


def _first(items: list[Any], chars: set[str]) -> bool | None:
    """Add the first characters of a sequence; True if it can match empty, None if unknown."""
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            chars.add(chr(arg))
            return False
        if name == "IN" and all(str(o) in ("LITERAL", "RANGE") for o, _ in arg):
            for o, a in arg:
                lo, hi = (a, a) if str(o) == "LITERAL" else a
                if hi - lo > 64:
                    return None
                chars.update(map(chr, range(lo, hi + 1)))
            return False
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        if name == "SUBPATTERN":
            nullable = _first(list(arg[-1]), chars)
        elif name == "BRANCH":
            results = [_first(list(b), chars) for b in arg[1]]
            nullable = None if None in results else any(results)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            inner = _first(list(arg[2]), chars)
            nullable = None if inner is None else (arg[0] == 0 or inner)
        else:
            return None
        if nullable is None or not nullable:
            return nullable
    return True


def _prefilter(parts: str) -> str:
    """A lookahead on the possible first letters: most word starts then fail at once."""
    chars = _first_chars(parts)
    if not chars:
        return ""
    cased = {c for ch in chars for c in (ch, ch.lower(), ch.upper()) if len(c) == 1}
    return "(?=[" + "".join(re.escape(c) for c in sorted(cased)) + "])"


def compile_keyed(kind: str, entries: list[tuple[str, str]]) -> re.Pattern[str]:
    """One regex for a list of (key, pattern); the matched key is ``lastgroup`` minus the index."""
    parts = "|".join(f"(?P<{key}_{i}>{expand(src)})" for i, (key, src) in enumerate(entries))
    logger.debug("compiled %s: %d entries", kind, len(entries))
    # The word-start test once, before the alternation: most positions fail it at once, which
    # made this 3x faster than a lookbehind inside each alternative (bench_indicators.py).
    head = _prefilter(parts) or r"(?=\w)"
    return re.compile(rf"(?<!\w){head}(?:{parts})(?!\w)", _FLAGS)


def key_of(match: re.Match[str]) -> str:
    return (match.lastgroup or "").rsplit("_", 1)[0]


# Phrase kinds scanned in every sentence; the matched key is the mention's key.
PHRASES: dict[str, re.Pattern[str]] = {
    "indicator": compile_keyed("indicator", vocab.INDICATORS),
    "other": compile_keyed("other", [("other", s) for s in vocab.OTHER_SUBJECTS]),
    "sector": compile_keyed("sector", vocab.SECTORS),
    "status": compile_keyed("status", vocab.STATUS),
}
# Context cues, one regex for all (a scan per kind cost ~0.08 ms each, bench_indicators.py):
# the matched key is the mention's kind. Where two can start at one place the longer is listed
# first ("cơ cấu kinh tế" is a GRDP frame before "cơ cấu" is a share cue).
CUES_RE = compile_keyed(
    "cue",
    [
        ("grdp", vocab.GRDP_CONTEXT),
        ("share", vocab.SHARE_CONTEXT),
        ("growth", vocab.GROWTH),
        ("exclusion", vocab.EXCLUSION),
        ("plan", vocab.PLAN_BASIS),
        ("basis", vocab.LEAD_BASIS),
        ("inline_basis", vocab.INLINE_BASIS),
        *(("neutral", s) for s in vocab.NEUTRAL),
    ],
)
# Periods carry their own named groups, so each shape is a separate regex.
# One regex for all shapes (10x faster than one per shape): inner group names get a
# "__<shape>" suffix so they stay unique, and are stripped again in ``_period_mentions``.
_GROUP_NAME = re.compile(r"\(\?P<(\w+)>")


def _suffixed(kind: str, source: str) -> str:
    return f"(?P<{kind}>" + _GROUP_NAME.sub(rf"(?P<\g<1>__{kind}>", expand(source)) + ")"


PERIOD_RE = re.compile(
    r"(?<!\w)(?=\w)(?:" + "|".join(_suffixed(k, s) for k, s in vf.PERIODS) + r")(?!\w)", _FLAGS
)
BASIS_WORDS_RE = compile_keyed("basis", vf.BASIS_WORDS)

# Figure parts, anchored where they are used.
MAGNITUDE_RE = compile_keyed("magnitude", [(f"m{i}", s) for i, (s, _) in enumerate(vf.MAGNITUDES)])
MAGNITUDE_VALUES = [value for _, value in vf.MAGNITUDES]
UNIT_RE = compile_keyed(
    "unit", [(unit, src) for src, unit in vf.UNITS] + [("count", vf.COUNT_UNITS)]
)
_CUE = "|".join(f"(?P<{k}_{i}>{expand(s)})" for i, (k, s) in enumerate(vf.CUES))
_QUAL = "|".join(f"(?P<q{k or 'none'}_{i}>{expand(s)})" for i, (k, s) in enumerate(vf.QUALIFIERS))
# The words just left of a number: [cue] [qualifier], ending where the number starts.
LEFT_RE = re.compile(
    rf"(?<!\w)(?:(?P<cue>{_CUE})\s+(?:(?:{expand(vf.DEGREE_ADVERBS)})\s+)?)?(?:bình\s+quân\s+)?"
    rf"(?:(?P<qual>{_QUAL})\s+)?$",
    _FLAGS,
)
# "cao hơn cùng kỳ năm trước khoảng 5,6%": comparative, base, [qualifier], ending at the number.
COMPARE_RE = re.compile(
    rf"(?<!\w)(?:(?P<cmpup>{expand(vf.COMPARATIVE_UP)})|(?P<cmpdown>{expand(vf.COMPARATIVE_DOWN)}))"
    rf"\s+(?P<base>{expand(vf.COMPARATIVE_BASE)})\s+(?:(?P<qual>{_QUAL})\s+)?$",
    _FLAGS,
)
PER_UNIT_RE = re.compile(rf"\s*(?:{expand(vf.PER_UNIT_TAIL)})", _FLAGS)
PLACES_SHARE_RE = re.compile(rf"\s*(?:{expand(vf.PLACES_SHARE_TAIL)})", _FLAGS)
SHARE_TAIL_RE = re.compile(rf"\s*(?:{expand(vf.SHARE_TAIL)})(?!\w)", _FLAGS)
PLAN_TAIL_RE = re.compile(rf"\s*(?:{expand(vf.PLAN_TAIL)})(?!\w)", _FLAGS)
BASIS_TAIL_RE = re.compile(rf"\s*,?\s*(?<!\w)(?P<basis>{expand(vf.BASIS_TAIL)})", _FLAGS)
CONTINUATION_RE = re.compile(rf"\s*(?:{expand(vocab.CONTINUATION)})(?!\w)", _FLAGS)
BREAKDOWN_RE = re.compile(rf"\s*(?:{expand(vocab.BREAKDOWN)})(?!\w)", _FLAGS)
PER_YEAR_RE = re.compile(r"\s*/\s*năm(?!\w)", _FLAGS)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    kind: str
    key: str
    groups: dict[str, str | None] = field(default_factory=dict, compare=False)


def _raw_mentions(text: str) -> list[Mention]:
    found = [
        Mention(m.start(), m.end(), kind, key_of(m))
        for kind, pattern in PHRASES.items()
        for m in pattern.finditer(text)
    ]
    found.extend(Mention(m.start(), m.end(), key_of(m), key_of(m)) for m in CUES_RE.finditer(text))
    found.extend(_period_mentions(text))
    return found


# For each period shape, its named groups as (name in the regex, short name): computed once,
# because building m.groupdict() over every shape's groups for each match was a third of the
# time spent on periods (cProfile on the seeds).
_PERIOD_GROUPS: dict[str, list[tuple[str, str]]] = {}
for _name in PERIOD_RE.groupindex:
    _short, _, _kind = _name.partition("__")
    if _kind:
        _PERIOD_GROUPS.setdefault(_kind, []).append((_name, _short))


def period_mention(m: re.Match[str]) -> Mention:
    kind = m.lastgroup or ""
    groups = {short: m.group(name) for name, short in _PERIOD_GROUPS.get(kind, ())}
    return Mention(m.start(), m.end(), "period", kind, groups)


def _period_mentions(text: str) -> list[Mention]:
    return [period_mention(m) for m in PERIOD_RE.finditer(text)]


def leftmost_longest(items: list[Mention]) -> list[Mention]:
    """Drop every mention that overlaps an earlier-starting or longer one."""
    kept: list[Mention] = []
    for item in sorted(items, key=lambda m: (m.start, -(m.end - m.start))):
        if not kept or item.start >= kept[-1].end:
            kept.append(item)
    return kept


def find_mentions(text: str, extra: list[Mention] | None = None) -> list[Mention]:
    """All phrase and period mentions in ``text`` (and ``extra`` ones found by other means),
    non-overlapping, in text order."""
    return leftmost_longest(_raw_mentions(text) + (extra or []))


def find_periods(text: str) -> list[Mention]:
    return _period_mentions(text)
