"""ui/web/numbers.py: money as money, percentages and counts as people write them."""

from __future__ import annotations

import pytest

from ui.web.numbers import money, shown


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (24_506_000.0, "£24.5m"),
        (2_670_000.0, "£2.67m"),
        (1_200_000_000.0, "£1.2bn"),
        (1_900.0, "£1,900"),
        (250_000.0, "£250,000"),
        (12.5, "£12.50"),
        (40.0, "£40"),
        (0.0, "£0"),
        (-1_600_000.0, "-£1.6m"),
    ],
)
def test_money_reads_as_money(value: float, expected: str) -> None:
    assert money(value) == expected


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (24_506_000.0, "GBP", "£24.5m"),
        (89.0, "%", "89%"),
        (3.95, "%", "4%"),
        (12.25, "%", "12.2%"),
        (1234.0, "count", "1,234"),
        (68.4, "rate", "68.4"),
        (None, "GBP", ""),
    ],
)
def test_each_unit_is_shown_its_own_way(value: float | None, unit: str, expected: str) -> None:
    assert shown(value, unit) == expected
