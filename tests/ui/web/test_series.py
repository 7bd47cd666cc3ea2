"""ui/web/series.py: one indicator's values as a time series (periods read from column labels)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ui.web.series import period_date, series


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Jun 14", dt.date(2014, 6, 1)),
        ("Sept 2016", dt.date(2016, 9, 1)),
        ("March 2015", dt.date(2015, 3, 1)),
        ("2014", dt.date(2014, 1, 1)),
        ("2013/14", dt.date(2013, 4, 1)),
        ("2013-14", dt.date(2013, 4, 1)),
        ("Target", None),
        ("Approved budget £m", None),
        ("Norfolk July 2014 Target", None),
        ("March", None),
        ("Jux 14", None),
        (None, None),
    ],
)
def test_period_labels_that_name_a_date(label: str | None, expected: dt.date | None) -> None:
    assert period_date(label) == expected


def row(label: str, value: float, period: str | None, meeting_date: str = "2017-03-14") -> dict[str, Any]:
    return {"label": label, "value": value, "period": period, "meeting_date": meeting_date, "page": 1}


def test_dated_columns_are_points_in_time_order_and_targets_are_references() -> None:
    rows = [
        row("Rate", 62.8, "Sep 16"),
        row("Rate", 68.4, "Jun 14"),
        row("Rate", 55, "Target"),
        row("Other", 1, "Jun 14"),
    ]
    found = series(rows, "Rate")
    assert found.dated
    assert [(p["period"], p["value"]) for p in found.points] == [("Jun 14", 68.4), ("Sep 16", 62.8)]
    assert [(p["period"], p["value"]) for p in found.references] == [("Target", 55)]


def test_the_later_paper_wins_when_two_print_the_same_period() -> None:
    rows = [row("Rate", 64.0, "Jun 15", "2015-09-01"), row("Rate", 64.2, "Jun 15", "2016-03-01")]
    assert [p["value"] for p in series(rows, "Rate").points] == [64.2]


def test_undated_columns_keep_the_papers_order_by_meeting() -> None:
    rows = [
        row("Budget", 2.0, "Forecast Outturn £m", "2014-06-17"),
        row("Budget", 1.0, "Approved budget £m", "2014-03-13"),
        row("Budget", 3.0, None, "2014-01-01"),
    ]
    found = series(rows, "Budget")
    assert not found.dated and found.references == []
    assert [p["period"] for p in found.points] == ["2014-01-01", "Approved budget £m", "Forecast Outturn £m"]


@pytest.mark.parametrize(
    ("label", "named"),
    [
        ("Rate of Looked-After Children per 10,000 of the overall 0-17 population", True),
        ("Workless Households", True),
        ("s s s s", False),
        ("m", False),
        ("Total", False),
        ("", False),
        ("£m £m", False),
    ],
)
def test_an_indicator_label_names_something(label: str, named: bool) -> None:
    from ui.web.series import names_indicator

    assert names_indicator(label) is named


def test_the_first_indicator_is_a_named_series_with_several_periods() -> None:
    from ui.web.series import indicators

    def cells(label: str, periods: list[str], unit: str = "%") -> list[dict[str, Any]]:
        return [
            {"label": label, "value": 1.0, "unit": unit, "period": p, "meeting_date": "2017-03-14"}
            for p in periods
        ]

    rows = [
        # Forty values of £0 under a junk label, all on one date: never the first.
        *[{"label": "s s s s", "value": 0.0, "unit": "GBP", "period": None, "meeting_date": "2026-06-05"}]
        * 40,
        # A named label with many values but one period.
        *cells("Very Large Majority", [None] * 30),  # type: ignore[list-item]
        *cells("Total", ["Jun 14", "Sep 14", "Dec 14", "Mar 15"]),
        *cells("Pupils with a good level of development", ["2013", "2014"]),
        *cells("Eligible Care Leavers with up to date Pathway Plan", ["Jun 14", "Sep 14", "Dec 14"]),
    ]
    ranked = indicators(rows)
    assert ranked[0].label == "Eligible Care Leavers with up to date Pathway Plan"
    assert ranked[0].periods == 3 and ranked[0].worth_opening
    assert not any(i.worth_opening for i in ranked if i.label in ("s s s s", "Total", "Very Large Majority"))
