"""Periods in text (search/ask/periods.py): one interval of days however it is written."""

from __future__ import annotations

import pytest

from search.ask.periods import find_periods


def _one(text: str):
    (period,) = find_periods(text)
    return period


@pytest.mark.parametrize("text", ["September 2016", "Sep 16", "Sept '16", "30/09/2016", "Column33 Sep 16"])
def test_one_month_in_many_spellings(text: str) -> None:
    assert _one(text).overlaps(_one("September 2016"))
    assert not _one(text).overlaps(_one("October 2016"))


def test_financial_year_runs_april_to_march() -> None:
    year = _one("2013/14")
    assert year.overlaps(_one("December 2013")) and year.overlaps(_one("March 2014"))
    assert not year.overlaps(_one("2014/15")) and not year.overlaps(_one("April 2014"))
    assert _one("2013-14").start == year.start


def test_longer_forms_win_over_what_they_contain() -> None:
    assert [(p.kind, p.label) for p in find_periods("on Tuesday 6 May 2025 and in spring 2015")] == [
        ("day", "Tuesday 6 May 2025"),
        ("season", "spring 2015"),
    ]


def test_a_month_without_a_year_matches_that_month_of_any_year() -> None:
    january = _one("In January there were 4 children")
    assert january.yearless and january.overlaps(_one("January 2017"))
    assert not january.overlaps(_one("March 2017"))


def test_may_and_march_as_verbs_are_not_months() -> None:
    assert find_periods("the Council may decide to march on") == []
    assert [p.label for p in find_periods("in May 2014")] == ["May 2014"]


def test_contains_date_reads_iso_meeting_dates() -> None:
    assert _one("June 2014").contains_date("2014-06-17")
    assert not _one("July 2014").contains_date("2014-06-17")
    assert not _one("July 2014").contains_date(None)


def test_a_yearless_month_is_read_as_its_occurrence_nearest_the_papers_date() -> None:
    from datetime import date

    from search.ask.periods import anchored

    august = find_periods("Amount spent to end of August")[0]
    assert august.yearless
    assert anchored(august, date(2023, 9, 25)).start == date(2023, 8, 1)
    december = find_periods("In December there were 4 referrals")[0]
    assert anchored(december, date(2015, 1, 20)).start == date(2014, 12, 1)
    # Half a year away either way, the paper may mean the last or the next: left yearless.
    assert anchored(find_periods("in July")[0], date(2014, 1, 5)).yearless
    assert anchored(august, None).yearless


@pytest.mark.parametrize("text", ["January the 9th 2018", "the 9th of January 2018", "9 January 2018"])
def test_a_day_with_its_article_and_of(text: str) -> None:
    """ "the minutes from January the 9th 2018" (community council minutes) name one day."""
    (period,) = find_periods(text)
    assert period.kind == "day" and period.start.isoformat() == "2018-01-09"
