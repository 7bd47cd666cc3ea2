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
