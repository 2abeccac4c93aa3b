"""Bytes -> text: charset detection, binary rejection, HTML sniffing.

Order of trust for the charset: a byte-order mark, the HTTP ``Content-Type`` charset, the page's own
``<meta charset>``, strict UTF-8, and only then charset-normalizer's guess. A declared charset that
does not decode the bytes (mis-declared pages) is skipped rather than trusted with replacement
characters. Vietnamese legacy pages are windows-1258, which decodes to base letters plus combining
marks: the text is NFC-normalised after decoding so that "ế" is one code point everywhere.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from charset_normalizer import from_bytes

from pipelines.errors import BadInputError

logger = logging.getLogger(__name__)

# Larger documents are refused: same bound as the crawler's DOWNLOAD_MAXSIZE; no article is that big.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

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
# Single-byte charsets that any byte sequence "decodes" in: a page declaring one of them but
# holding valid multi-byte UTF-8 is mis-declared (a common server default).
_WESTERN = {"latin-1", "iso8859-1", "cp1252", "iso8859-15"}
# Letters only Vietnamese uses (precomposed with tone marks, or ơ ư ă đ).
_VIETNAMESE = re.compile("[\u1ea0-\u1ef9\u01a0\u01a1\u01af\u01b0\u0102\u0103\u0110\u0111]")
_PERMISSIVE = {"latin-1", "iso8859-1", "cp1252", "ascii", "cp1258", "iso8859-15"}


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
    head = data[:8192]
    if b"\x00" in head and not any(data.startswith(bom) for bom, _ in _BOMS):
        raise BadInputError(source, "binary content (NUL bytes), not a text or HTML page")


def decode_bytes(data: bytes, *, source: str, content_type: str | None = None) -> str:
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
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _try(data, encoding)
            break
    if text is None:
        text = _decode_declared(data, content_type)
    if text is None:
        best = from_bytes(data[:200_000]).best()
        if best is None or best.encoding is None:
            raise BadInputError(
                source, "undecodable bytes: no declared charset fits and none could be detected"
            )
        logger.debug("%s: charset detected as %s", source, best.encoding)
        text = data.decode(best.encoding, errors="replace")
    return check_text(text, source=source)


def _decode_declared(data: bytes, content_type: str | None) -> str | None:
    utf8 = _try(data, "utf-8")
    for encoding in declared_charset(data, content_type):
        if encoding in _PERMISSIVE and utf8 is not None and not data.isascii():
            # Valid multi-byte UTF-8 is almost never legacy text: the declaration is wrong.
            return utf8
        if encoding in _WESTERN and utf8 is None:
            # A Vietnamese site declaring latin-1 (a server default) but serving windows-1258:
            # latin-1 "decodes" anything, so ask whether windows-1258 yields Vietnamese letters.
            legacy = _try(data, "cp1258")
            if legacy and len(_VIETNAMESE.findall(unicodedata.normalize("NFC", legacy))) >= 3:
                return legacy
        text = _try(data, encoding)
        if text is not None:
            return text
    return utf8


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
