"""Vietnamese number parsing: "." groups thousands, "," marks decimals.

Ambiguity (one separator followed by exactly three digits) is settled the Vietnamese way: a
comma is a decimal ("150,137" = 150.137) and a dot groups thousands ("48.880" = 48880). Texts
pasted from English sources ("1,055,400", "1,152.5", "7.7") still parse, because when both
separators occur the last one is the decimal mark, and a lone dot with other than three digits
after it can only be a decimal.
"""

from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

# Candidate numbers in running text. Not preceded by a letter, "-", "/" or a separator (no
# "Covid-19", no "2031/QĐ", no tail of "26/04/2024") and not followed by "/" or a letter.
NUMBER_RE = re.compile(r"(?<![\w./,\-])\d+(?:[.,]\d+)*(?![\w/]|[.,]\d)")
_SHAPE = re.compile(r"\d+(?:[.,]\d+)*")


def _grouped(groups: list[str]) -> bool:
    """True when the groups form a thousands-grouped integer ("1", "055", "400")."""
    head, rest = groups[0], groups[1:]
    if not (1 <= len(head) <= 3) or (head.startswith("0") and len(groups) > 1):
        return False
    return all(len(g) == 3 for g in rest)


def parse_number(text: str) -> float | None:
    """Parse a number written the Vietnamese way; None when it is not a well-formed number."""
    s = text.strip()
    if not _SHAPE.fullmatch(s):
        return None
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        last = max(s.rfind("."), s.rfind(","))
        dec = s[last]
        thousands = "," if dec == "." else "."
        int_part, frac = s[:last], s[last + 1 :]
        if dec in int_part:
            return None
        groups = int_part.split(thousands)
        return float("".join(groups) + "." + frac) if _grouped(groups) else None
    if commas == 1:
        return float(s.replace(",", "."))
    if dots == 1:
        head, tail = s.split(".")
        if len(tail) == 3 and _grouped([head, tail]):
            return float(head + tail)
        return float(s)
    if dots or commas:
        groups = re.split(r"[.,]", s)
        return float("".join(groups)) if _grouped(groups) else None
    return float(s)


def format_vietnamese(value: float, decimals: int = 0) -> str:
    """Write a non-negative number the Vietnamese way (used by tests and table rendering)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")
