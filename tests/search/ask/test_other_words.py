"""Questions put in other words than the paper's, end to end through `answer_question` over a
real home: general English synonyms ("aiming for" / "target", "speak" / "address"), a figure
found by the period the question names, and a number of years that is no count of things.
The paper is invented; its shapes are those the sample corpus and the parish minutes taught
(a "Target ... for March17: 395" line in a performance report, a public-speaking slot in an
agenda)."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.ask import answer_question
from search.ask.lexicon import matches, stems
from ui.cli import main as cli_main

MINUTES = """ASHBY PARVA PARISH COUNCIL
Minutes of the meeting of Ashby Parva Parish Council held on 4 March 2024

1. Apologies
Apologies were received from Cllr Fenn.

2. Village hall
The Council agreed to replace the chairs of the village hall at a cost of £1,250.
The bowls club and its members will lease the hall for five years from April 2024.
| Bowls club grant | -0.400 | +0.120 |
Membership target of the bowls club for March25: 420
Current membership of the bowls club: 310

3. Public participation
Members of the public may address the Council between 7.30 pm and 7.45 pm.
"""


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("other-words")
    papers = root / "papers"
    papers.mkdir()
    (papers / "ashby_parva_2024-03-04_minutes.txt").write_text(MINUTES, encoding="utf-8")
    home = root / "home"
    assert cli_main(["--home", str(home), "ingest", str(papers), "--workers", "1"]) == 0
    return home


def _cited(result: dict) -> str:
    assert result["citations"], result
    quote = result["citations"][0]["quote"]
    assert result["answer"] in quote
    return quote


def test_a_figure_asked_in_other_words_is_found_by_the_period_the_question_names(home: Path) -> None:
    result = answer_question(home, "How many members was the bowls club aiming for by March 2025?")
    assert result["answer"] == "420", result
    assert "March25: 420" in _cited(result)


def test_speaking_asked_for_finds_the_slot_to_address_the_council(home: Path) -> None:
    result = answer_question(home, "During what time slot could residents speak at the March 2024 meeting?")
    assert result["answer"] == "between 7.30 pm and 7.45 pm", result
    _cited(result)


def test_who_could_not_attend_is_read_from_the_apologies(home: Path) -> None:
    result = answer_question(home, "Who was unable to attend the Ashby Parva meeting on 4 March 2024?")
    assert result["answer"] is not None and "Fenn" in result["answer"], result
    assert "Apologies" in _cited(result)


def test_annual_asked_finds_an_amount_per_annum() -> None:
    paper = (
        "The bowls club contract runs from April 2024 to March 2027 with a total value of £9,000"
        " (£3,000 per annum)."
    )
    assert matches(stems("annual")[0], frozenset(stems(paper)))


def test_a_year_the_papers_do_not_cover_is_not_answered_and_shows_the_nearest(home: Path) -> None:
    # A hard negative: the words are in the 2024 minutes, the year asked about is not.
    asked = "How much did the council agree to spend replacing the village hall chairs in 2021?"
    result = answer_question(home, asked)
    assert result["answer"] is None and result["citations"] == [], result
    assert any("chairs of the village hall" in n["quote"] for n in result["nearest"])
    # The same question about the year the minutes are of is answered.
    answered = answer_question(home, asked.replace("2021", "2024"))
    assert answered["answer"] == "£1,250", answered
