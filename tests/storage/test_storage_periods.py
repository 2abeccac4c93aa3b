"""Period labels of the contract as date ranges."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storage.periods import (
    parse_period_filter,
    period_bounds,
    period_kind,
    period_sort_key,
)


@pytest.mark.parametrize(
    ("label", "start", "end", "kind"),
    [
        ("2024", date(2024, 1, 1), date(2024, 12, 31), "year"),
        ("2024-Q1", date(2024, 1, 1), date(2024, 3, 31), "quarter"),
        ("2024-Q4", date(2024, 10, 1), date(2024, 12, 31), "quarter"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month"),
        ("2021-01..2021-10", date(2021, 1, 1), date(2021, 10, 31), "ytd"),
        ("2024-04..2024-12", date(2024, 4, 1), date(2024, 12, 31), "months"),
        ("2023-10..2024-03", date(2023, 10, 1), date(2024, 3, 31), "months"),
        ("2021..2030", date(2021, 1, 1), date(2030, 12, 31), "years"),
        ("2024-H1", date(2024, 1, 1), date(2024, 6, 30), "half"),
    ],
)
def test_contract_labels(label: str, start: date, end: date, kind: str) -> None:
    assert period_bounds(label) == (start, end)
    assert period_kind(label) == kind


@pytest.mark.parametrize(
    "label", [None, "", "2024-Q5", "2024-13", "24", "2025..2020", "Q1/2024", "x" * 100]
)
def test_not_a_period(label: str | None) -> None:
    assert period_bounds(label) == (None, None)


def test_filter_error_says_what_to_write() -> None:
    with pytest.raises(ValueError, match="2024-Q1"):
        parse_period_filter("'; DROP TABLE articles; --")


def test_quarter_lies_within_its_months() -> None:
    q_start, q_end = period_bounds("2024-Q1")
    assert parse_period_filter("2024-01")[0] <= q_start
    assert q_end <= parse_period_filter("2024-03")[1]


def test_sort_order_mixes_kinds_sensibly() -> None:
    labels = ["2024", "2024-Q2", "2024-03", "2024-Q1", "2024-01..2024-06", "2023"]
    assert sorted(labels, key=period_sort_key) == [
        "2023",
        "2024-03",
        "2024-Q1",
        "2024-Q2",
        "2024-01..2024-06",
        "2024",
    ]


@given(st.text(max_size=50))
def test_never_raises_on_any_text(text: str) -> None:
    start, end = period_bounds(text)
    assert (start is None) == (end is None)
    if start is not None and end is not None:
        assert start <= end
