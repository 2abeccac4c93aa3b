"""Attack: bytes that are almost text. Tolerated within the loss budget, converted when they are
a Vietnamese legacy encoding, refused only when they are really binary.

Before: one invalid byte in a UTF-8 page, a lying BOM, one NUL byte or a sentence in another
Vietnamese encoding inside a UTF-8 page dropped the whole article as "undecodable"; with the
header and the meta tag both lying, the title came out as mojibake.
"""

from __future__ import annotations

import random

import pytest

from pipelines.decoding import decode_document
from pipelines.errors import BadInputError
from pipelines.extraction import extract_document
from tests.fixtures.hostile.legacy import encode
from tests.fixtures.hostile.server import ARTICLE, page

TITLE = ARTICLE["title"]
TEXT = "\n\n".join([TITLE, ARTICLE["date"], *ARTICLE["paragraphs"]]) + "\n"
LEGACY = ("tcvn3", "vni", "viscii", "windows-1258")


@pytest.mark.parametrize("encoding", LEGACY)
@pytest.mark.parametrize(
    "declared", [None, "text/plain; charset=utf-8", "text/plain; charset=iso-8859-1"]
)
def test_attack_whole_document_in_a_legacy_encoding(encoding: str, declared: str | None) -> None:
    decoded = decode_document(encode(TEXT, encoding), source="legacy", content_type=declared)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding


@pytest.mark.parametrize("encoding", LEGACY)
def test_attack_legacy_passage_inside_utf8(encoding: str) -> None:
    passage = ARTICLE["legacy_paragraph"]
    data = TEXT.encode() + b"\n" + encode(passage, encoding) + b"\n\n" + TEXT.encode()
    decoded = decode_document(data, source="mixed", content_type="text/plain; charset=utf-8")
    assert decoded.text == TEXT + "\n" + passage + "\n\n" + TEXT
    assert decoded.encoding == "utf-8" and decoded.converted == len(encode(passage, encoding))
    assert decoded.replaced == 0


@pytest.mark.parametrize("bad", [1, 2, 5])
def test_attack_a_few_invalid_bytes_are_replaced_and_counted(bad: int) -> None:
    data = bytearray(TEXT.encode())
    spaces = [i for i, b in enumerate(data) if b == 0x20][:: max(1, 40 // bad)][:bad]
    for at in reversed(spaces):
        data[at:at] = b"\xff"
    decoded = decode_document(bytes(data), source="bad")
    assert decoded.replaced == bad
    assert decoded.text.count("\ufffd") == bad
    assert decoded.stats()["replaced"] == bad
    assert decoded.text.replace("\ufffd", "") == TEXT


def test_attack_too_many_invalid_bytes_are_refused() -> None:
    data = bytearray(TEXT.encode())
    bad = 64  # four times the loss budget's floor (pipelines.decoding.LOSS_FLOOR)
    positions = random.Random(7).sample(range(len(data)), bad)
    for at in sorted(positions, reverse=True):
        data[at:at] = b"\xff\xfe"
    with pytest.raises(BadInputError, match=r"undecodable|binary"):
        decode_document(bytes(data), source="noisy")


@pytest.mark.parametrize(
    ("bom", "body"),
    [
        (b"\xff\xfe", TEXT.encode()),  # UTF-16 LE mark before UTF-8
        (b"\xfe\xff", TEXT.encode() + b" "),  # UTF-16 BE mark before UTF-8 (even length)
        (b"\xff\xfe\x00\x00", TEXT.encode()),  # UTF-32 LE mark
        (b"\xef\xbb\xbf", encode(TEXT, "windows-1258")),  # UTF-8 mark before windows-1258
    ],
)
def test_attack_lying_bom(bom: bytes, body: bytes) -> None:
    decoded = decode_document(bom + body, source="bom")
    assert decoded.text.strip() == TEXT.strip()
    assert "lying BOM" in " ".join(decoded.notes)


def test_attack_honest_boms_still_win() -> None:
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        assert decode_document(bom + TEXT.encode(codec), source="bom").text == TEXT
    assert decode_document(b"\xef\xbb\xbf" + TEXT.encode(), source="bom").text == TEXT


@pytest.mark.parametrize("where", ["start", "middle", "end", "three"])
def test_attack_nul_bytes_are_removed(where: str) -> None:
    data = TEXT.encode()
    middle = len(data) // 2
    while data[middle] >= 0x80:  # between characters
        middle += 1
    nul = {
        "start": b"\x00" + data,
        "middle": data[:middle] + b"\x00" + data[middle:],
        "end": data + b"\x00",
        "three": b"\x00" + data[:middle] + b"\x00\x00" + data[middle:],
    }[where]
    decoded = decode_document(nul, source="nul")
    assert decoded.text == TEXT
    assert decoded.removed == nul.count(0)


def test_attack_utf16_without_bom() -> None:
    for codec in ("utf-16-le", "utf-16-be"):
        assert decode_document(TEXT.encode(codec), source="utf16").text == TEXT


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (random.Random(1).randbytes(20_000), "binary"),
        (bytes(b or 1 for b in random.Random(2).randbytes(20_000)), "binary"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "PNG image"),
        (b"%PDF-1.7\n" + TEXT.encode(), "PDF document"),
        (TEXT.encode().replace(b" ", b"\x00"), "NUL bytes"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08" * 300, "control characters"),
    ],
)
def test_attack_binary_is_still_refused(data: bytes, says: str) -> None:
    with pytest.raises(BadInputError, match=says):
        decode_document(data, source="binary")


@pytest.mark.parametrize(
    ("data", "header"),
    [
        # header and meta say UTF-8; the bytes are windows-1258 / TCVN3 / VNI
        (encode(page(), "windows-1258"), "text/html; charset=utf-8"),
        (encode(page(), "tcvn3"), "text/html; charset=utf-8"),
        (encode(page(), "vni"), "text/html; charset=utf-8"),
        # header and meta say windows-1252 / iso-8859-2; the bytes are UTF-8 with one stray byte
        (page(charset="windows-1252").encode().replace(b"</article>", b"\x81</article>"),
         "text/html; charset=windows-1252"),
        (page(charset="iso-8859-2").encode(), "text/html; charset=iso-8859-2"),
    ],
)  # fmt: skip
def test_attack_header_and_meta_both_lie(data: bytes, header: str) -> None:
    article = extract_document(data, source="lying", content_type=header)
    assert article.title == TITLE
    assert ARTICLE["paragraphs"][0] in article.body
