"""Numbers as people write them: money as money (£24.5m, £1,900, £12.50), percentages with
their sign, counts with thousands separators.

Imports: the standard library only.
"""

from __future__ import annotations


def _trim(number: float, places: int) -> str:
    """`number` to `places` decimals without trailing zeros ("24.5", "3", "1.25")."""
    text = f"{number:,.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def money(value: float) -> str:
    """£24.5m, £1.2bn, £1,900, £12.50 (pence only below £1,000 and only when there are any)."""
    sign = "-" if value < 0 else ""
    amount = abs(value)
    if amount >= 1e9:
        return f"{sign}£{_trim(amount / 1e9, 2)}bn"
    if amount >= 1e6:
        return f"{sign}£{_trim(amount / 1e6, 2 if amount < 1e7 else 1)}m"
    if amount >= 1e3 or amount == int(amount):
        return f"{sign}£{amount:,.0f}"
    return f"{sign}£{amount:,.2f}"


def shown(value: float | None, unit: str | None) -> str:
    """A figure as the page shows it: money, a percentage, a count or a rate."""
    if value is None:
        return ""
    if unit == "GBP":
        return money(value)
    if unit == "%":
        return f"{_trim(value, 1)}%"
    if unit == "count" and value == int(value):
        return f"{value:,.0f}"
    return _trim(value, 2)


# Vega expression for a money axis: the same shapes as `money` for the tick labels.
MONEY_AXIS = (
    "abs(datum.value) >= 1e9 ? '£' + format(datum.value / 1e9, '.3~r') + 'bn'"
    " : abs(datum.value) >= 1e6 ? '£' + format(datum.value / 1e6, '.3~r') + 'm'"
    " : '£' + format(datum.value, ',.0f')"
)
