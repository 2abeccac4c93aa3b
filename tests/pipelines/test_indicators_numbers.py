"""The Vietnamese number parser: examples from real articles and properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipelines.indicators.numbers import NUMBER_RE, format_vietnamese, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.055.400", 1055400.0),
        ("189,6", 189.6),
        ("150,137", 150.137),  # one comma: always a decimal
        ("48.880", 48880.0),  # one dot and three digits: thousands
        ("1.152,5", 1152.5),
        ("7.7", 7.7),  # a lone dot with other than three digits can only be a decimal
        ("1,055,400", 1055400.0),  # pasted English grouping
        ("1,152.5", 1152.5),
        ("0.500", 0.5),  # a leading zero is never a thousands group
        ("203", 203.0),
    ],
)
def test_examples(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "1,2.3,4", "12.34.567", "1..2", ","])
def test_malformed_is_none(text: str) -> None:
    assert parse_number(text) is None


def test_number_re_skips_dates_codes_and_words() -> None:
    text = "Ngày 26/04/2024, Quyết định 2031/QĐ-UBND, Covid-19, tỷ lệ 1/500, m3 và 6,6%"
    assert [m.group(0) for m in NUMBER_RE.finditer(text)] == ["6,6"]


@given(st.integers(min_value=0, max_value=10**15), st.integers(min_value=0, max_value=3))
def test_vietnamese_format_round_trips(integer: int, decimals: int) -> None:
    value = integer / 10**decimals
    text = format_vietnamese(value, decimals)
    assert parse_number(text) == pytest.approx(value, rel=1e-12, abs=10**-decimals)


@given(st.text(alphabet="0123456789.,- %abđ", max_size=20))
def test_never_raises(text: str) -> None:
    result = parse_number(text)
    assert result is None or result >= 0
