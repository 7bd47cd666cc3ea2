"""Typed spans of a sentence with their role (search/ask/spans.py)."""

from __future__ import annotations

from search.ask.question import COUNT, DATE, DURATION, FINANCIAL_YEAR, MONEY, PERCENT, RATE, TIME, VOTE
from search.ask.spans import typed_spans


def _texts(kind: str, text: str) -> list[str]:
    return [s.text for s in typed_spans(kind, text)]


def test_a_change_has_a_start_and_an_end_each_with_its_period() -> None:
    start, end = typed_spans(PERCENT, "rose from 48% in 2019 to 53% in 2023")
    assert (start.text, start.role, start.period and start.period.label) == ("48%", "from", "2019")
    assert (end.text, end.role, end.period and end.period.label) == ("53%", "to", "2023")


def test_a_projection_in_brackets_is_a_projection() -> None:
    places, projected = typed_spans(COUNT, "120 places were commissioned (this year projected to be 96)")
    assert (places.text, places.role) == ("120", None)
    assert (projected.text, projected.role) == ("96", "projected")


def test_times_and_time_ranges() -> None:
    assert _texts(TIME, "The meeting closed at 4.10pm.") == ["4.10pm"]
    assert _texts(TIME, "invited to address the Council between 8.00 pm and 8.15 pm") == [
        "between 8.00 pm and 8.15 pm"
    ]
    assert _texts(TIME, "The budget was £8.15 million") == []


def test_money_in_the_ways_papers_print_it() -> None:
    assert _texts(MONEY, "£16M more, £2.67 million, £11,920,000, £1.709m and £400K") == [
        "£16M",
        "£2.67 million",
        "£11,920,000",
        "£1.709m",
        "£400K",
    ]
    assert _texts(MONEY, "| Balance £000 |") == []


def test_counts_leave_out_labels_dates_and_paragraph_numbers() -> None:
    assert _texts(COUNT, "5.2 Ms Corlett asked why item 9 had four sessions on 28 January 2025") == ["four"]
    assert _texts(COUNT, "For 7(18%) Children, there were delays") == ["7"]
    assert _texts(COUNT, "There were no declarations of interest.") == ["no declarations of interest"]


def test_votes_rates_durations_and_financial_years() -> None:
    assert _texts(VOTE, "The motion was carried. For (37), Against (2), Abstain (1)") == [
        "For (37), Against (2), Abstain (1)"
    ]
    assert _texts(VOTE, "The amendment FELL with 2 voting FOR and 7 AGAINST.") == [
        "2 voting FOR and 7 AGAINST"
    ]
    assert _texts(RATE, "the Assistant Clerk should be on SCP8 not SCP7") == ["SCP8", "SCP7"]
    assert _texts(RATE, "Quarterly Centre Leader meetings") == ["Quarterly"]
    assert _texts(RATE, "held the day 10 meeting") == []
    assert _texts(DURATION, "a new long-term agreement (3 years)") == ["3 years"]
    assert _texts(FINANCIAL_YEAR, "the Annual Governance Statement 2024/25") == ["2024/25"]
    assert _texts(DATE, "the Annual Governance Statement 2024/25") == []


def test_a_time_range_is_told_from_one_time() -> None:
    from search.ask.spans import is_range

    assert is_range("between 8.00 pm and 8.15 pm") and is_range("10.00-12.00") and is_range("7pm to 9pm")
    assert not is_range("8.00 pm") and not is_range("4.10pm")


def test_a_number_of_years_is_a_duration_not_a_count() -> None:
    text = "The grant is worth £11,920,000 over five years; 395 families are targeted."
    assert _texts(COUNT, text) == ["395"]
    assert _texts(DURATION, text) == ["five years"]


def test_a_dash_before_an_amount_in_a_list_is_no_minus_sign() -> None:
    assert _texts(MONEY, "J Smith – petrol for the mower - £43.01 (VAT £7.16)") == ["£43.01", "£7.16"]
    assert _texts(MONEY, "an underspend of -£30,000 and −£1.2m") == ["-£30,000", "−£1.2m"]


def test_a_number_naming_a_plan_or_a_risk_is_a_label_not_a_count() -> None:
    text = "Plan 2 – the Improvement Plan identifies 4 improvement priorities; Risk 4 is capacity."
    assert _texts(COUNT, text) == ["4"]


def test_votes_recorded_without_figures() -> None:
    assert [s.text for s in typed_spans(VOTE, "a vote was taken on the minutes; All in favour.")] == [
        "All in favour"
    ]
    assert [s.text for s in typed_spans(VOTE, "The minutes were AGREED without division.")] == [
        "without division"
    ]
    assert typed_spans(VOTE, "The division of the hall into two rooms was discussed.") == []
