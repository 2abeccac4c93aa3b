"""Lines written without diacritics ("gia tri san xuat cong nghiep quy II dat 180 nghin ty dong",
image captions and alt text typed in a hurry) given back their Vietnamese letters, so that the
same vocabulary reads them.

The words restored are the vocabulary's own (``vocab.py``, ``vocab_figures.py``, the place
prefixes), collected once at import: a folded word ("nghin") maps to the written forms it can be
("nghìn"), and where it can be several ("tu": "từ", "tư", "tử") the pair it makes with the word
before or after it in the vocabulary decides ("đầu tư", "từ đầu năm", "điện tử"). Vietnamese
letters are single code points in NFC, so a restored line has the length of the original and
every offset (evidence, spans) still points into the body as given. Words outside the vocabulary
are left as they are: they do not take part in any rule.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter, defaultdict
from itertools import pairwise

from pipelines.indicators import vocab
from pipelines.indicators import vocab_figures as vf
from pipelines.vocab import places

logger = logging.getLogger(__name__)

# Any letter with a Vietnamese diacritic (or đ): a line that has one is written normally.
_MARKED = re.compile(r"[à-ỹđĐÀ-Ỹ]")
_TOKEN = re.compile(r"[^\W\d_]+")
# Regex syntax in the vocabulary's sources: group names, escapes, classes, lookarounds.
_SYNTAX = re.compile(
    r"\(\?P<\w+>|\(\?[:=!]|\(\?<[=!]|\\[a-zA-Z]|\\x[0-9a-f]{2}|\[[^\]]*\]|\{[^}]*\}"
)
_FRAGMENT_BREAK = re.compile(r"[|()?*+]")
# Phrases of figures' sentences that no single pattern spells out: their word pairs settle the
# words a folded spelling leaves open ("ty dong": "tỷ đồng", not "tỷ động").
PHRASES = (
    "so với cùng kỳ năm trước",
    "của tỉnh trên địa bàn toàn ngành công nghiệp",
    "nghìn tỷ đồng",
    "triệu đồng",
    "tỷ đồng",
    "đồng",
)
# A line needs this many restorable words before it is taken for unmarked Vietnamese (an English
# caption has none or one: "Photo", "Samsung").
MIN_KNOWN_WORDS = 3
# At most this share of a line's words may carry diacritics for it to count as unmarked.
MAX_MARKED_SHARE = 0.2
QUICK_MARKED_SHARE = 0.4  # marked letters per word above which a line is not even looked at


def fold(word: str) -> str:
    """The word without diacritics, đ as d ("nghìn" -> "nghin")."""
    decomposed = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _sources() -> list[str]:
    out: list[str] = []
    for _, src in (*vocab.INDICATORS, *vocab.SECTORS, *vocab.STATUS, *vf.PERIODS, *vf.CUES):
        out.append(src)
    out.extend(vocab.OTHER_SUBJECTS)
    out.extend(src for src, _ in vf.MAGNITUDES)
    out.extend(src for src, _ in vf.UNITS)
    out.extend(src for _, src in vf.QUALIFIERS)
    out.extend(src for _, src in (*places.UNIT_PREFIXES, *places.PARK_PREFIXES))
    out.extend(vocab.VARIANTS.values())
    out.extend(
        [
            vf.BASIS_TAIL,
            vf.PLAN_TAIL,
            vf.COMPARATIVE_BASE,
            vf.DEGREE_ADVERBS,
            vocab.CONTINUATION,
            vocab.GROWTH,
            vocab.SHARE_CONTEXT,
            places.NATION,
            places.HOME_WHOLE,
            places.HOME_REF,
            *PHRASES,
        ]
    )
    return out


def _spellings(sources: list[str]) -> list[str]:
    """The sources again with each variant spelling ("ngàn" for "nghìn", "tỉ" for "tỷ"), so that
    the pairs of words are known in every spelling ("ngàn tỷ")."""
    out = list(sources)
    for word, alternatives in vocab.VARIANTS.items():
        others = [a for a in re.findall(r"[^\W\d_]+", alternatives) if a != word]
        out.extend(s.replace(word, alt) for s in sources if word in s for alt in others)
    return out


def _build() -> tuple[dict[str, list[str]], set[tuple[str, str]]]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    pairs: set[tuple[str, str]] = set()
    for source in _spellings(_sources()):
        for fragment in _FRAGMENT_BREAK.split(_SYNTAX.sub(" ", source)):
            words = [w.lower() for w in _TOKEN.findall(fragment)]
            for word in words:
                counts[fold(word)][word] += 1
            pairs.update(pairwise(words))
    forms = {
        key: [w for w, _ in found.most_common() if len(w) == len(key)]
        for key, found in counts.items()
        if any(w != key for w in found)
    }
    return {k: v for k, v in forms.items() if v}, pairs


_FORMS, _PAIRS = _build()


def _cased(form: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return form.upper()
    return form[:1].upper() + form[1:] if like[:1].isupper() else form


def _choose(options: list[str], before: str | None, after: list[str]) -> str:
    if len(options) == 1:
        return options[0]
    for option in options:
        if before is not None and (before, option) in _PAIRS:
            return option
    for option in options:
        if any((option, nxt) in _PAIRS for nxt in after):
            return option
    return options[0]


def restore_line(line: str) -> str:
    """``line`` with the vocabulary's words given their diacritics (same length)."""
    tokens = list(_TOKEN.finditer(line))
    options = [_FORMS.get(t.group(0).lower(), []) for t in tokens]
    if sum(bool(o) for o in options) < MIN_KNOWN_WORDS:
        return line
    out = list(line)
    before: str | None = None
    for n, (token, found) in enumerate(zip(tokens, options, strict=True)):
        word = token.group(0)
        if not found or _MARKED.search(word):
            before = word.lower()
            continue
        after = options[n + 1] if n + 1 < len(options) else []
        after = after or ([tokens[n + 1].group(0).lower()] if n + 1 < len(tokens) else [])
        form = _choose(found, before, after)
        out[token.start() : token.end()] = _cased(form, word)
        before = form
    return "".join(out)


def _unmarked(line: str) -> bool:
    """Written without diacritics: most of its words carry none ("Ảnh: gia tri san xuat ...")
    where Vietnamese text marks more than half its syllables."""
    if len(_MARKED.findall(line)) > QUICK_MARKED_SHARE * (line.count(" ") + 1):
        return False  # plainly marked: Vietnamese text has a marked letter in most words
    words = _TOKEN.findall(line)
    marked = sum(bool(_MARKED.search(w)) for w in words)
    return len(words) >= MIN_KNOWN_WORDS and marked <= MAX_MARKED_SHARE * len(words)


def restore(text: str) -> str:
    """Every line of ``text`` written without diacritics, restored (same length)."""
    if not text:
        return text
    lines = text.split("\n")
    changed = False
    for i, line in enumerate(lines):
        if _unmarked(line):
            restored = restore_line(line)
            if restored != line:
                lines[i], changed = restored, True
    if changed:
        logger.debug("restored diacritics in a line written without them")
    return "\n".join(lines) if changed else text
