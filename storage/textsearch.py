"""Pure text helpers for full-text search: diacritic folding, query words, snippets.

The database indexes text folded the same way (migration 0002): FTS5's ``unicode61
remove_diacritics 2`` plus đ -> d on SQLite, ``unaccent`` plus đ -> d on PostgreSQL. A query is
folded here, split into words the way both backends split text (runs of letters and digits),
and handed to the database as a bound parameter.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Runs of letters and digits: what FTS5's unicode61 calls a token (underscore is a separator).
_WORD = re.compile(r"[^\W_]+")
# Bounds on what one query may ask for: long enough for any real query, short enough that a
# pasted page cannot make a pathological FTS/tsquery expression.
MAX_QUERY_WORDS = 16
MAX_WORD_LENGTH = 64
_SPECIAL = {"đ": "d", "Đ": "D"}


def fold_char(char: str) -> str:
    """One character in lower case without its diacritics (Đ -> d); always one character."""
    if char.isascii():
        return char.lower()
    char = _SPECIAL.get(char, char)
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    base = base.lower() if len(base) == 1 else char.lower()
    return base if len(base) == 1 else char


def fold(text: str) -> str:
    """Lower case, no diacritics: "Công nghiệp Bắc Kạn" -> "cong nghiep bac kan".

    Character by character, so offsets in the folded text are offsets in the (NFC) original.
    """
    return "".join(fold_char(c) for c in text)


@dataclass(frozen=True)
class QueryWord:
    text: str  # as typed (NFC), for the exact-diacritics ranking
    folded: str  # what the index is searched for

    @property
    def has_diacritics(self) -> bool:
        return self.text.lower() != self.folded


def query_words(query: str) -> list[QueryWord]:
    """The words of a user's query; operators and punctuation are not syntax, only separators."""
    text = unicodedata.normalize("NFC", query)
    words: list[QueryWord] = []
    seen: set[str] = set()
    for match in _WORD.finditer(text):
        word = match.group()
        if len(word) > MAX_WORD_LENGTH:
            continue  # no real word is this long; indexes truncate or drop such tokens
        folded = fold(word)
        if word.lower() in seen:
            continue
        seen.add(word.lower())
        words.append(QueryWord(word, folded))
        if len(words) == MAX_QUERY_WORDS:
            break
    return words


def fts5_query(words: list[QueryWord]) -> str:
    """An FTS5 MATCH expression: every word, each a quoted string (so never an operator)."""
    return " ".join('"' + w.folded.replace('"', '""') + '"' for w in words)


def tsquery_text(words: list[QueryWord]) -> str:
    """Text for PostgreSQL's ``plainto_tsquery``, which ANDs its words and has no syntax."""
    return " ".join(w.folded for w in words)


def exact_variants(word: QueryWord) -> tuple[str, str, str]:
    """The spellings of a word with its diacritics as it appears in text: lower, Capital, UPPER.

    SQLite's lower() folds ASCII only, so case-insensitive matching of "Bắc" is done by looking
    for these three forms; they cover running text, sentence starts and all-caps titles.
    """
    lower = word.text.lower()
    return lower, lower[:1].upper() + lower[1:], lower.upper()


def snippet(text: str, words: list[QueryWord], width: int = 160) -> str:
    """About ``width`` characters of ``text`` around the first query word found in it."""
    text = unicodedata.normalize("NFC", text or "")
    if not text:
        return ""
    folded = fold(text)
    hits = []
    for word in words:
        for match in re.finditer(r"(?<![^\W_])" + re.escape(word.folded) + r"(?![^\W_])", folded):
            hits.append(match.start())
            break
    at = min(hits) if hits else 0
    start = max(0, at - width // 3)
    if start:
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 and start - space < 20 else start
    piece = " ".join(text[start : start + width].split())
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + width < len(text) else ""
    return prefix + piece + suffix
