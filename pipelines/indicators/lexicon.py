"""Compile the vocabulary once at import and find phrase mentions in a text.

Every phrase kind becomes one regex; all kinds are run over a sentence and overlaps are settled
leftmost-longest, so "kim ngạch xuất nhập khẩu" (other) beats "xuất khẩu" (export_value) and
"Sở Kế hoạch và Đầu tư" (neutral) beats "kế hoạch" (target).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from pipelines.indicators import vocab
from pipelines.indicators import vocab_figures as vf

logger = logging.getLogger(__name__)

_FLAGS = re.IGNORECASE
_VARIANT_RE = re.compile("|".join(sorted(map(re.escape, vocab.VARIANTS), key=len, reverse=True)))


def expand(source: str) -> str:
    """Notation -> regex: variant spellings, " ?" = optional space, " " = any spaces."""
    source = _VARIANT_RE.sub(lambda m: vocab.VARIANTS[m.group(0)], source)
    return source.replace(" ?", r"\s*").replace(" ", r"\s+")


def _bounded(source: str) -> str:
    return rf"(?<!\w)(?:{expand(source)})(?!\w)"


def compile_keyed(kind: str, entries: list[tuple[str, str]]) -> re.Pattern[str]:
    """One regex for a list of (key, pattern); the matched key is ``lastgroup`` minus the index."""
    parts = [f"(?P<{key}_{i}>{_bounded(src)})" for i, (key, src) in enumerate(entries)]
    logger.debug("compiled %s: %d entries", kind, len(entries))
    return re.compile("|".join(parts), _FLAGS)


def key_of(match: re.Match[str]) -> str:
    return (match.lastgroup or "").rsplit("_", 1)[0]


# Phrase kinds scanned in every sentence.
PHRASES: dict[str, re.Pattern[str]] = {
    "indicator": compile_keyed("indicator", vocab.INDICATORS),
    "other": compile_keyed("other", [("other", s) for s in vocab.OTHER_SUBJECTS]),
    "sector": compile_keyed("sector", vocab.SECTORS),
    "status": compile_keyed("status", vocab.STATUS),
    "neutral": compile_keyed("neutral", [("neutral", s) for s in vocab.NEUTRAL]),
    "growth": compile_keyed("growth", [("growth", vocab.GROWTH)]),
    "share": compile_keyed("share", [("share", vocab.SHARE_CONTEXT)]),
    "grdp": compile_keyed("grdp", [("grdp", vocab.GRDP_CONTEXT)]),
    "exclusion": compile_keyed("exclusion", [("exclusion", vocab.EXCLUSION)]),
}
# Periods carry their own named groups, so each shape is a separate regex.
PERIOD_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(_bounded(src), _FLAGS)) for kind, src in vf.PERIODS
]
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
LEFT_RE = re.compile(rf"(?<!\w)(?:(?P<cue>{_CUE})\s+)?(?:(?P<qual>{_QUAL})\s+)?$", _FLAGS)
PLAN_TAIL_RE = re.compile(rf"\s*(?:{expand(vf.PLAN_TAIL)})(?!\w)", _FLAGS)
BASIS_TAIL_RE = re.compile(rf"\s*,?\s*(?<!\w)(?P<basis>{expand(vf.BASIS_TAIL)})", _FLAGS)
CONTINUATION_RE = re.compile(rf"\s*(?:{expand(vocab.CONTINUATION)})(?!\w)", _FLAGS)
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
    for kind, pattern in PERIOD_PATTERNS:
        found.extend(
            Mention(m.start(), m.end(), "period", kind, m.groupdict())
            for m in pattern.finditer(text)
        )
    return found


def leftmost_longest(items: list[Mention]) -> list[Mention]:
    """Drop every mention that overlaps an earlier-starting or longer one."""
    kept: list[Mention] = []
    for item in sorted(items, key=lambda m: (m.start, -(m.end - m.start))):
        if not kept or item.start >= kept[-1].end:
            kept.append(item)
    return kept


def find_mentions(text: str) -> list[Mention]:
    """All phrase and period mentions in ``text``, non-overlapping, in text order."""
    return leftmost_longest(_raw_mentions(text))


def find_periods(text: str) -> list[Mention]:
    found = [
        Mention(m.start(), m.end(), "period", kind, m.groupdict())
        for kind, pattern in PERIOD_PATTERNS
        for m in pattern.finditer(text)
    ]
    return leftmost_longest(found)
