"""Bytes -> text: charset detection, binary rejection, HTML sniffing; tolerant, within a budget.

Order of trust for the charset: a byte-order mark that the bytes agree with, valid UTF-8, then
the candidates — the HTTP ``Content-Type`` charset, the page's own ``<meta charset>``, the legacy
Vietnamese encodings (windows-1258, TCVN3, VNI, VISCII: ``pipelines.legacy_vn``), UTF-8 with
replacement, and charset-normalizer's guess — ranked by how many real Vietnamese syllables they
produce (``pipelines.vietnamese``). Declarations lie (a server default of latin-1, a meta tag
copied from a template, a BOM in front of other bytes): the bytes have the last word.

Tolerance, within a loss budget (:data:`LOSS_BUDGET`), so that one bad byte no longer loses an
article:

- a few invalid bytes in a UTF-8 page become U+FFFD; their count is returned (``replaced``) and
  stored in the article's ``stats``; more than the budget and the document is refused;
- a passage in a legacy encoding inside a UTF-8 page (a sentence pasted from an old document) is
  converted by itself, line by line or text node by text node (``converted``);
- a lying BOM is ignored; a few NUL bytes are removed (``removed``), many mean binary;
- UTF-16 without a BOM is recognised by its pattern of NUL bytes.

Only what is really binary is refused: magic numbers of images, archives, PDF; NULs throughout;
control characters throughout; bytes that no candidate turns into text. Vietnamese legacy text
decodes to base letters plus combining marks: everything is NFC-normalised after decoding.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from charset_normalizer import from_bytes

from pipelines.errors import BadInputError
from pipelines.legacy_vn import LEGACY
from pipelines.vietnamese import Syllables, syllables

logger = logging.getLogger(__name__)

# Larger documents are refused: same bound as the crawler's DOWNLOAD_MAXSIZE; no article is that big.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
# Bytes that may be replaced (U+FFFD) in a document: this share of its size, at least the floor.
LOSS_BUDGET = 0.01
LOSS_FLOOR = 16
# NUL bytes removed from a document at most (this share of it, at least the floor); more is binary
NUL_BUDGET = 0.001
NUL_FLOOR = 4
# Candidates are compared on this much of the document (decoding all of it is for the winner).
SAMPLE_BYTES = 256 * 1024

# Magic numbers of the binary files a crawler meets instead of a page.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (docx/xlsx?)"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"\x1f\x8b", "gzip stream (not decompressed?)"),
    (b"RIFF", "RIFF media file"),
    (b"\x00\x00\x01\x00", "icon"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_META_CHARSET = re.compile(
    rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*[\"']([\w.:-]+)", re.I
)
# Structural tags that make a document HTML even without a doctype (fragments, broken pages).
_HTML_SNIFF = re.compile(
    r"<(?:!doctype\s+html|html|head|body|div|p|article|meta|title|table|br)\b", re.I
)
# Control characters other than tab/newline/carriage return/form feed: their share tells binary.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Where a legacy passage inside a UTF-8 page can start or end: lines and HTML text nodes.
_SEGMENT = re.compile(rb"[^\n<>]+")
_UTF8_NAMES = {"utf-8", "utf_8", "utf8"}


@dataclass
class Decoded:
    """Text and how it was obtained (stored in ``articles.stats["decoding"]``)."""

    text: str
    encoding: str
    replaced: int = 0  # bytes replaced by U+FFFD
    converted: int = 0  # bytes of legacy passages converted inside a UTF-8 document
    removed: int = 0  # NUL bytes removed
    notes: list[str] = field(default_factory=list)

    def stats(self) -> dict[str, Any]:
        out: dict[str, Any] = {"encoding": self.encoding}
        for name in ("replaced", "converted", "removed"):
            if getattr(self, name):
                out[name] = getattr(self, name)
        if self.notes:
            out["notes"] = list(self.notes)
        return out


def _canonical(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        logger.debug("unknown charset %r ignored", name)
        return None


def declared_charset(data: bytes, content_type: str | None) -> list[str]:
    """Charsets declared for ``data``: the HTTP header's first, then the page's meta tag."""
    found: list[str] = []
    if content_type:
        m = _HEADER_CHARSET.search(content_type)
        if m and (name := _canonical(m.group(1))):
            found.append(name)
    meta = _META_CHARSET.search(data[:4096])
    if meta:
        raw = bytes(meta.group(1) or meta.group(2)).decode("ascii", "ignore")
        name = _canonical(raw)
        if name and name not in found:
            found.append(name)
    return found


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _reject_binary(data: bytes, source: str) -> None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise BadInputError(source, f"binary content ({kind}), not a text or HTML page")


def _budget(size: int, share: float, floor: int) -> int:
    return max(floor, int(size * share))


def _latin_share(text: str) -> float:
    """Share of the visible characters that are Latin script (Vietnamese included), digits or
    common punctuation."""
    sample = [c for c in text[:20_000] if not c.isspace()]
    if not sample:
        return 0.0
    latin = sum(
        1
        for c in sample
        if ord(c) < 0x250 or 0x1E00 <= ord(c) <= 0x1EFF or 0x300 <= ord(c) <= 0x36F
        or 0x2000 <= ord(c) <= 0x206F
    )  # fmt: skip
    return latin / len(sample)


def _plausible(text: str) -> bool:
    """Text that reads as text: few broken tokens, few control characters."""
    counts = syllables(text[:100_000])
    tokens = counts.marked + counts.plain + counts.broken
    controls = len(_CONTROL.findall(text[:20_000]))
    return counts.broken <= max(2, tokens // 20) and controls <= max(8, len(text[:20_000]) // 100)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM: NULs in every other byte (for the ASCII part)."""
    if len(data) < 8 or len(data) % 2:
        return None
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    # ASCII in UTF-16: the high byte is NUL, first (big-endian) or second (little-endian)
    for zeros, others, encoding in ((even, odd, "utf-16-be"), (odd, even, "utf-16-le")):
        if zeros >= half * 0.3 and others <= half * 0.02:
            text = _try(data, encoding)
            if text is not None and _plausible(text):
                return text
    return None


def decode_document(data: bytes, *, source: str, content_type: str | None = None) -> Decoded:
    """Decode a fetched document to NFC text, or raise BadInputError saying why it cannot be."""
    if len(data) > MAX_DOCUMENT_BYTES:
        raise BadInputError(
            source,
            f"document too large ({len(data)} bytes > {MAX_DOCUMENT_BYTES}); "
            "not an article page — check the URL",
        )
    if not data.strip():
        raise BadInputError(source, "empty document (no text in it); re-fetch it")
    _reject_binary(data, source)
    notes: list[str] = []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            name = encoding.replace("-sig", "")
            text = _try(data, encoding)
            rest = _try(data[len(bom) :], "utf-8") if name != "utf-8" else None
            # a BOM lies when its reading fails, or when the bytes after it are UTF-8 that reads
            # as Latin text while the BOM's reading does not (UTF-8 behind a UTF-16 BOM: CJK soup)
            if text is not None and not (rest and _latin_share(rest) > _latin_share(text) + 0.3):
                return _finish(Decoded(text, name), source)
            notes.append(f"byte-order mark of {name} ignored (lying BOM)")
            data = data[len(bom) :]
            break
    removed = 0
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return _finish(Decoded(utf16, "utf-16", notes=notes), source)
        removed = data.count(b"\x00")
        if removed > _budget(len(data), NUL_BUDGET, NUL_FLOOR):
            raise BadInputError(
                source,
                f"binary content (NUL bytes: {removed} of {len(data)}), not a text or HTML page",
            )
        data = data.replace(b"\x00", b"")
        notes.append(f"{removed} NUL byte(s) removed")
        if not data.strip():
            raise BadInputError(source, "empty document (no text in it); re-fetch it")
    decoded = _choose(data, source, content_type)
    decoded.removed = removed
    decoded.notes = notes + decoded.notes
    return _finish(decoded, source)


def decode_bytes(data: bytes, *, source: str, content_type: str | None = None) -> str:
    """The text of :func:`decode_document`."""
    return decode_document(data, source=source, content_type=content_type).text


def _finish(decoded: Decoded, source: str) -> Decoded:
    decoded.text = check_text(decoded.text, source=source)
    if decoded.replaced or decoded.converted or decoded.removed or decoded.notes:
        logger.info("%s: decoded as %s (%s)", source, decoded.encoding, decoded.stats())
    return decoded


def _candidates(data: bytes, content_type: str | None) -> list[tuple[str, str]]:
    """(name, text of the sample) for every plausible reading of ``data``'s sample."""
    sample = data[:SAMPLE_BYTES]
    out: list[tuple[str, str]] = []
    seen: set[str] = set()

    def add(name: str, text: str | None) -> None:
        if text is not None and name not in seen:
            seen.add(name)
            out.append((name, text))

    for encoding in declared_charset(data, content_type):
        if encoding in _UTF8_NAMES:
            continue  # UTF-8 with replacement is a candidate anyway
        if encoding == "cp1258":
            add("windows-1258", LEGACY["windows-1258"](sample))
        else:
            add(encoding, _try(sample, encoding))
    add("utf-8", sample.decode("utf-8", errors="replace"))
    for name, decoder in LEGACY.items():
        add(name, decoder(sample))
    best = from_bytes(sample[:200_000]).best()
    if best is not None and best.encoding:
        name = _canonical(best.encoding) or best.encoding
        if name not in _UTF8_NAMES and name != "cp1258":
            add(name, _try(sample, best.encoding))
    return out


def _choose(data: bytes, source: str, content_type: str | None) -> Decoded:
    """The text of ``data``: strict UTF-8, else the best-scoring candidate."""
    utf8 = _try(data, "utf-8")
    if utf8 is not None:
        declared = [d for d in declared_charset(data, content_type) if d not in _UTF8_NAMES]
        lied = declared and not data.isascii()
        return Decoded(
            utf8, "utf-8", notes=[f"declared {declared[0]} but valid UTF-8"] if lied else []
        )
    scored = [(syllables(text), name, text) for name, text in _candidates(data, content_type)]
    # highest score first; on a tie the earlier candidate (declared first) wins
    best_counts, name, _ = max(scored, key=lambda c: (c[0].score, -scored.index(c)))
    if name == "utf-8":
        return _repair_utf8(data, source)
    if name in LEGACY:
        if best_counts.marked == 0 or best_counts.score <= 0:
            raise BadInputError(
                source,
                "binary content or undecodable bytes: not UTF-8, and no Vietnamese or declared "
                "charset reads them as text",
            )
        return Decoded(LEGACY[name](data), name, notes=[f"legacy Vietnamese encoding {name}"])
    text = _try(data, name)
    if text is None:
        text = data.decode(name, errors="replace")
    return Decoded(text, name)


def _segment_choice(segment: bytes) -> tuple[str, str]:
    """The best reading of one line or text node of a mostly-UTF-8 document."""
    utf8 = segment.decode("utf-8", errors="replace")
    best_name, best_text, best = "utf-8", utf8, syllables(utf8)
    for name, decoder in LEGACY.items():
        text = decoder(segment)
        counts: Syllables = syllables(text)
        if counts.marked > 0 and counts.score > best.score:
            best_name, best_text, best = name, text, counts
    return best_name, best_text


def _repair_utf8(data: bytes, source: str) -> Decoded:
    """UTF-8 with a few bad bytes: legacy passages converted, the rest replaced (within budget)."""
    parts: list[str] = []
    converted = replaced = 0
    legacy: set[str] = set()
    position = 0
    for match in _SEGMENT.finditer(data):
        start, end = match.span()
        segment = data[start:end]
        parts.append(data[position:start].decode("ascii"))  # only \n < > between segments
        position = end
        text = _try(segment, "utf-8")
        if text is None:
            name, text = _segment_choice(segment)
            if name == "utf-8":
                replaced += text.count("\ufffd")
            else:
                converted += len(segment)
                legacy.add(name)
        parts.append(text)
    parts.append(data[position:].decode("ascii"))
    budget = _budget(len(data), LOSS_BUDGET, LOSS_FLOOR)
    if replaced > budget:
        raise BadInputError(
            source,
            f"undecodable bytes: {replaced} of {len(data)} are neither UTF-8 nor a Vietnamese "
            f"encoding (at most {budget} may be replaced); re-fetch it or check its charset",
        )
    notes = [f"passages in {', '.join(sorted(legacy))} converted"] if legacy else []
    if replaced:
        notes.append(f"{replaced} invalid byte(s) replaced")
    return Decoded("".join(parts), "utf-8", replaced=replaced, converted=converted, notes=notes)


def check_text(text: str, *, source: str) -> str:
    """NFC-normalise decoded text and refuse what is not text (binary decoded by force)."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise BadInputError(source, "empty document (only whitespace); re-fetch it")
    sample = text[:20_000]
    if len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise BadInputError(source, "binary content (control characters), not a text or HTML page")
    # The few left are noise, and PostgreSQL refuses NUL in text columns (the article was lost).
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


def looks_like_html(text: str, content_type: str | None = None) -> bool:
    """Whether to take the HTML path.

    A document that starts as HTML is HTML whatever its Content-Type says (servers do send pages
    as text/plain); otherwise an HTML Content-Type decides, and for text/plain or no type the
    body is sniffed for structural tags (text/plain only trusts the start, because rendered
    article text may quote a tag)."""
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    if content_type:
        mime = content_type.split(";", 1)[0].strip().lower()
        if mime in {"text/html", "application/xhtml+xml"}:
            return True
        if mime == "text/plain":
            return False
    return bool(_HTML_SNIFF.search(text[:65_536]))
