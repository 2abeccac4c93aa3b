"""Decoders for the legacy Vietnamese encodings Python has no codec for: TCVN3, VNI, VISCII.

The tables are data (``pipelines.vocab.legacy_charsets``). Each decoder takes any bytes (these
are 8-bit encodings: every byte means something), so choosing among them is the caller's job:
``pipelines.decoding`` scores each candidate with the syllable rules of ``pipelines.vietnamese``.
windows-1258 is Python's own ``cp1258`` codec.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from pipelines.vocab.legacy_charsets import TCVN3_HIGH, VISCII_HIGH, VISCII_LOW, VNI_SEQUENCES

_TCVN3 = {0x80 + i: c for i, c in enumerate(TCVN3_HIGH)}
_VISCII = {0x80 + i: c for i, c in enumerate(VISCII_HIGH)} | dict(VISCII_LOW)
_VNI = re.compile("|".join(re.escape(s) for s in sorted(VNI_SEQUENCES, key=len, reverse=True)))


def decode_tcvn3(data: bytes) -> str:
    return unicodedata.normalize("NFC", data.decode("latin-1").translate(_TCVN3))


def decode_viscii(data: bytes) -> str:
    return data.decode("latin-1").translate(_VISCII)


def decode_vni(data: bytes) -> str:
    return _VNI.sub(lambda m: VNI_SEQUENCES[m.group(0)], data.decode("latin-1"))


def decode_cp1258(data: bytes) -> str:
    # windows-1258 writes tones as combining marks after the vowel: composed here
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


# name -> decoder, in the order a tie is broken (the most common first)
LEGACY: dict[str, Callable[[bytes], str]] = {
    "windows-1258": decode_cp1258,
    "tcvn3": decode_tcvn3,
    "vni": decode_vni,
    "viscii": decode_viscii,
}
