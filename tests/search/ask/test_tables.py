"""A typed question answered by row and column (search/ask/tables.py)."""

from __future__ import annotations

from minutebook.models import TableRow
from search.ask.question import read_question
from search.ask.tables import choose_cell, other_period

DASHBOARD = TableRow(
    page=1,
    table=0,
    position=3,
    cells=["Repairs done on time", "Bigger", "68.0%", "73.0%", "85.7%", "100%"],
    headers=["Monthly", "Bigger or Smaller is better", "Aug 16", "Sep 16", "Jan 17", "Target"],
    label="Repairs done on time Bigger",
    text="| Repairs done on time | Bigger | 68.0% | 73.0% | 85.7% | 100% |",
)
BUDGET = TableRow(
    page=2,
    table=1,
    position=5,
    cells=["In-house fostering", "8.384", "8.834", "+0.450"],
    headers=["Division of service", "Approved budget", "Outturn £m", "+Over/- Underspend £m"],
    label="In-house fostering",
    text="| In-house fostering | 8.384 | 8.834 | +0.450 |",
)


def _weights(question: str) -> dict[str, float]:
    return {t: 1.0 for t in read_question(question).terms}


def test_the_column_named_by_the_period_asked() -> None:
    question = read_question("What share of repairs were done on time in September 2016?")
    cell = choose_cell(question, DASHBOARD, _weights(question.text))
    assert cell is not None and (cell.text, cell.header, cell.period_match) == ("73.0%", "Sep 16", True)


def test_a_period_the_table_does_not_cover_gets_no_cell() -> None:
    question = read_question("What share of repairs were done on time in June 2017?")
    assert choose_cell(question, DASHBOARD, _weights(question.text)) is None
    assert other_period(question, DASHBOARD)


def test_the_column_whose_header_shares_the_questions_words() -> None:
    question = read_question("What outturn did in-house fostering show?")
    cell = choose_cell(question, BUDGET, _weights(question.text))
    assert cell is not None and (cell.text, cell.header) == ("8.834", "Outturn £m")
    overspend = read_question("What was the underspend on in-house fostering?")
    cell = choose_cell(overspend, BUDGET, _weights(overspend.text))
    assert cell is not None and cell.text == "+0.450"


def test_the_number_a_question_names_is_the_rows_key_not_its_answer() -> None:
    row = TableRow(
        1,
        0,
        0,
        ["64", "Lucy Fiddick", "Parking"],
        ["Ref No", "Name", "Title"],
        "",
        "64 | Lucy Fiddick | Parking",
    )
    question = read_question("Who made statement 64?")
    cell = choose_cell(question, row, _weights(question.text))
    assert cell is not None and cell.text == "Lucy Fiddick"


# A take-up table printing, per area, a count and a share of those not in receipt and of those
# in receipt (the shape of the sample corpus's early-education table, with invented figures).
TAKE_UP = TableRow(
    page=1,
    table=2,
    position=4,
    cells=["Riverside", "21", "8.5%", "226", "91.5%", "247"],
    headers=["Area", "Not in receipt", "Not in receipt", "In receipt", "In receipt", "Total"],
    label="Riverside",
    text="Riverside 21 8.5% 226 91.5% 247",
)


def test_how_many_is_not_answered_by_a_share() -> None:
    # The share printed before the count it is a share of, both under one header.
    row = TableRow(
        1,
        2,
        5,
        ["Riverside", "91.5%", "226"],
        ["Area", "In receipt", "In receipt"],
        "Riverside",
        "Riverside 91.5% 226",
    )
    question = read_question("How many children in Riverside were in receipt of a place?")
    cell = choose_cell(question, row, _weights(question.text))
    assert cell is not None and cell.text == "226"


def test_a_negated_column_answers_only_a_negated_question() -> None:
    question = read_question("What share of children in Riverside were taking up a place?")
    cell = choose_cell(question, TAKE_UP, _weights(question.text))
    assert cell is not None and (cell.text, cell.header) == ("91.5%", "In receipt")
    negated = read_question("What share of children in Riverside were not taking up a place?")
    cell = choose_cell(negated, TAKE_UP, _weights(negated.text))
    assert cell is not None and (cell.text, cell.header) == ("8.5%", "Not in receipt")


def test_how_many_is_not_answered_by_a_variance_or_an_amount_in_millions() -> None:
    # A budget row's signed and fractional figures are amounts, never a number of things.
    question = read_question("How many in-house fostering placements were there?")
    assert choose_cell(question, BUDGET, _weights(question.text)) is None
    counted = TableRow(1, 2, 5, ["Placements", "212", "+4"], ["", "2014", "Change"], "Placements", "")
    question = read_question("How many placements were there in 2014?")
    cell = choose_cell(question, counted, _weights(question.text))
    assert cell is not None and cell.text == "212"


OUTTURN = TableRow(
    page=4,
    table=2,
    position=7,
    cells=["Highways maintenance", "£4.20m", "£4.65m", "£0.45m"],
    headers=["Service", "2025/26 Budget", "2025/26 Outturn", "Variance"],
    label="Highways maintenance",
    text="| Highways maintenance | £4.20m | £4.65m | £0.45m |",
)


def test_the_meeting_a_question_names_does_not_rule_out_the_year_its_report_covers() -> None:
    # An outturn report put to a June 2026 meeting prints the 2025/26 year's columns: the
    # meeting's month is not a period the columns must cover.
    question = read_question(
        "How much was the highways maintenance outturn reported at the June 2026 meeting?"
    )
    assert question.meeting_periods and not question.periods
    assert not other_period(question, OUTTURN)
    cell = choose_cell(question, OUTTURN, _weights(question.text))
    assert cell is not None and cell.text == "£4.65m"
    # A period the question itself asks about still rules other years' columns out.
    asked = read_question("How much was the highways maintenance outturn in 2024/25?")
    assert other_period(asked, OUTTURN) and choose_cell(asked, OUTTURN, _weights(asked.text)) is None
