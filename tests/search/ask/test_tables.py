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
