"""Bad input: a clear BadInputError naming the input, or null fields — never another exception."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from pipelines.errors import BadInputError
from pipelines.extraction import extract_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "bad_input"

REFUSED = {
    "empty.txt": "empty document",
    "whitespace_only.txt": "empty document",
    "image.png": "binary content (PNG image)",
    "binary.bin": "binary content",
    "only_boilerplate.txt": "no article text found",
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_with_clear_message(name: str) -> None:
    with pytest.raises(BadInputError) as err:
        extract_document((FIXTURES / name).read_bytes(), source=name)
    assert str(err.value).startswith(f"{name}: ")
    assert REFUSED[name] in str(err.value)


def test_nfd_text_comes_out_nfc() -> None:
    raw = (FIXTURES / "nfd_text.txt").read_bytes()
    assert unicodedata.is_normalized("NFD", raw.decode("utf-8"))
    article = extract_document(raw, source="nfd_text.txt")
    assert unicodedata.is_normalized("NFC", article.body)
    assert article.province == "Tuyên Quang"
    assert article.author == "Thanh Hòa" or article.author == unicodedata.normalize(
        "NFC", "Thanh Hoà"
    )
    assert article.published_at == "2024-04-25T09:15:00+07:00"


def test_impossible_date_is_ignored() -> None:
    article = extract_document((FIXTURES / "impossible_date.txt").read_bytes(), source="x")
    assert article.published_at is None
    assert article.title == "Cao Bằng: Sản xuất công nghiệp tháng 2 tăng nhẹ"
    assert "31/02/2024" not in article.body


def test_broken_html_still_extracts() -> None:
    article = extract_document((FIXTURES / "broken.html").read_bytes(), source="broken.html")
    assert article.title == "Lào Cai: Xuất khẩu qua cửa khẩu tăng mạnh"
    assert "720 triệu USD, tăng 35%" in article.body
    assert article.province == "Lào Cai"


@pytest.mark.parametrize("name", ["misdeclared_latin1.html", "misdeclared_utf8_is_cp1258.html"])
def test_misdeclared_encoding(name: str) -> None:
    article = extract_document(
        (FIXTURES / name).read_bytes(), source=name, content_type="text/html; charset=ISO-8859-1"
    )
    assert article.title == "Yên Bái: Công nghiệp chế biến gỗ tăng 15%"
    assert "đạt 3.200 tỷ đồng, tăng 15% so với năm 2022" in article.body


def test_twenty_megabyte_page_refused_fast() -> None:
    para = "<p>Giá trị sản xuất công nghiệp tăng {} so với cùng kỳ năm trước.</p>\n"
    page = "<html><body><h1>Trang rất lớn</h1>" + "".join(para.format(i) for i in range(300_000))
    data = page.encode("utf-8")
    assert len(data) >= 20_000_000
    with pytest.raises(BadInputError, match="too large"):
        extract_document(data, source="huge.html")


@pytest.mark.parametrize(
    "data",
    [b"\x00\x01\x02" * 100, b"<html></html>", b"<p>", "\ufeff".encode(), b"\xff\xfe\x00\x00"],
)
def test_degenerate_inputs_raise_bad_input_only(data: bytes) -> None:
    with pytest.raises(BadInputError):
        extract_document(data, source="degenerate")
