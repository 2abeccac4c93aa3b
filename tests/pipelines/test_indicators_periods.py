"""Period phrases -> contract labels, comparison bases, and properties of the parser."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipelines.indicators.periods import Period, classify_basis, months, parse_period, year_period

PUBLISHED = date(2024, 4, 26)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("tháng 10/2021", "2021-10"),
        ("tháng 10 năm 2021", "2021-10"),
        ("tháng 3", "2024-03"),
        ("tháng 12", "2023-12"),  # after the publication month: last year's December
        ("quý I/2024", "2024-Q1"),
        ("quý 1 năm 2024", "2024-Q1"),
        ("quý IV/2023", "2023-Q4"),
        ("quý II", "2024-Q2"),
        ("6 tháng đầu năm", "2024-01..2024-06"),
        ("9 tháng năm 2023", "2023-01..2023-09"),
        ("lũy kế 10 tháng", "2024-01..2024-10"),
        ("luỹ kế 10 tháng", "2024-01..2024-10"),
        ("cộng dồn 7 tháng", "2024-01..2024-07"),
        ("3 tháng đầu năm 2024", "2024-Q1"),
        ("12 tháng", "2024"),
        ("6 tháng cuối năm 2023", "2023-07..2023-12"),
        ("năm 2023", "2023"),
        ("cả năm", "2024"),
        ("giai đoạn 2021-2030", "2021..2030"),
        ("thời kỳ 2021 - 2030", "2021..2030"),
        ("giai đoạn 2021–2025", "2021..2025"),
        ("năm nay", "2024"),
        ("năm qua", "2023"),
    ],
)
def test_labels(text: str, label: str) -> None:
    period = parse_period(text, published=PUBLISHED)
    assert period is not None and period.label == label


def test_state_year_wins_over_publication_year() -> None:
    state = year_period(2023)
    period = parse_period("quý IV", state=state, published=date(2024, 1, 5))
    assert period is not None and period.label == "2023-Q4"


def test_remaining_months_follow_the_quarter() -> None:
    state = months(2024 * 12, 2024 * 12 + 2)
    period = parse_period("các tháng còn lại", state=state, published=PUBLISHED)
    assert period is not None and period.label == "2024-04..2024-12"


@pytest.mark.parametrize(
    ("text", "period", "basis"),
    [
        ("so với cùng kỳ", "2021-10", "yoy"),
        ("so cùng kỳ năm 2020", "2021-10", "yoy"),
        ("so với năm trước", "2023", "yoy"),
        ("so với năm 2022", "2023", "yoy"),
        ("so với ước thực hiện năm 2023", "2024", "yoy"),
        ("so với năm 2020", "2023", "other"),
        ("so với tháng trước", "2021-10", "prev_period"),
        ("so với tháng 9/2021", "2021-10", "prev_period"),
        ("so với tháng 10/2020", "2021-10", "yoy"),
        ("so với quý trước", "2024-Q2", "prev_period"),
        ("so với quý I/2024", "2024-Q2", "prev_period"),
        ("so với kết quả của quý I/2024", "2024-04..2024-12", "other"),
        ("so với bình quân cả nước", "2024", "other"),
    ],
)
def test_basis(text: str, period: str, basis: str) -> None:
    parsed = _label_to_period(period)
    assert classify_basis(text, parsed, PUBLISHED) == basis


def _label_to_period(label: str) -> Period:
    found = parse_period(_PHRASES[label], published=PUBLISHED)
    assert found is not None and found.label == label
    return found


_PHRASES = {
    "2021-10": "tháng 10/2021",
    "2023": "năm 2023",
    "2024": "năm 2024",
    "2024-Q2": "quý II/2024",
    "2024-04..2024-12": "9 tháng cuối năm 2024",
}


@given(st.integers(1, 12), st.integers(1990, 2100))
def test_month_year_round_trip(month: int, year: int) -> None:
    for text in (f"tháng {month}/{year}", f"tháng {month} năm {year}"):
        period = parse_period(text)
        assert period is not None and period.label == f"{year}-{month:02d}"


@given(st.integers(1, 4), st.integers(1990, 2100))
def test_quarter_round_trip(quarter: int, year: int) -> None:
    roman = ["I", "II", "III", "IV"][quarter - 1]
    for text in (f"quý {roman}/{year}", f"quý {quarter} năm {year}"):
        period = parse_period(text)
        assert period is not None and period.label == f"{year}-Q{quarter}"
        assert period.last - period.first == 2


@given(st.text(max_size=40), st.none() | st.dates(date(1990, 1, 1), date(2100, 12, 31)))
def test_never_raises(text: str, published: date | None) -> None:
    parse_period(text, published=published)
    classify_basis(text, None, published)


@given(st.integers(1, 12), st.integers(1, 12))
def test_months_label_is_consistent(a: int, b: int) -> None:
    first, last = sorted((2024 * 12 + a - 1, 2024 * 12 + b - 1))
    period = months(first, last)
    assert period.first == first and period.last == last
    assert period.contains(months(first, first))
