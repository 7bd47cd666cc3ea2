"""Attendance questions answered from the attendance and declarations tables
(search/ask/attendance.py), each with the verbatim line of the page that prints it."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutebook.store import open_store
from minutebook.text import plain_text
from search.ask import answer_question
from search.ask.attendance import attendance_ask
from search.ask.question import analyse_question


def _page_text(home: Path, document_id: str, page: int) -> str:
    with open_store(home) as store:
        rows = store.query("SELECT text FROM pages WHERE document_id = ? AND number = ?", (document_id, page))
    return plain_text(rows[0]["text"])


@pytest.mark.parametrize(
    ("question", "answer", "meeting", "quote_has"),
    [
        ("Who chaired the meeting on 13 March 2014?", "Mrs J Chamberlin", "2014-03-13", "(Chairman)"),
        (
            "Who chaired the Children's Services Committee on 17 June 2014?",
            "Mr J Joyce",
            "2014-06-17",
            "(Chair)",
        ),
        (
            "Who substituted for Ms D Gihawi at the March 2014 panel?",
            "Ms E Corlett",
            "2014-03-13",
            "substituting",
        ),
        (
            "Who declared an interest as a member of the management committee of Leeway?",
            "Mrs Leggett",
            "2014-03-13",
            "declared an interest",
        ),
    ],
)
def test_attendance_answer_is_the_name_as_printed_with_its_line_and_page(
    corpus_home: Path, question: str, answer: str, meeting: str, quote_has: str
) -> None:
    result = answer_question(corpus_home, question)
    assert result["answer"] == answer
    cite = result["citations"][0]
    assert cite["meeting_date"] == meeting
    assert answer in cite["quote"] and quote_has in cite["quote"]
    assert cite["quote"] in _page_text(corpus_home, cite["document_id"], cite["page"])


def test_apologies_answer_lists_everyone_from_the_apologies_minute(corpus_home: Path) -> None:
    result = answer_question(corpus_home, "Who sent apologies to the June 2014 committee meeting?")
    assert result["answer"] == "Mrs Chamberlin (Mr Northam substituting), Mr Mash, Ms Smith and Ms Humber"
    assert result["citations"][0]["quote"].startswith("1.1 Apologies were received from")


def test_was_someone_present_quotes_their_line_and_says_how(corpus_home: Path) -> None:
    result = answer_question(corpus_home, "Was Mr B Hannah present at the panel meeting on 13 March 2014?")
    assert result["answer"] == "Mr B Hannah"
    assert result["attendance"] == "present"


def test_no_meeting_on_the_date_asked_means_no_answer(corpus_home: Path) -> None:
    assert answer_question(corpus_home, "Who chaired the meeting on 5 May 2015?")["answer"] is None


def test_someone_not_listed_at_the_meeting_gets_no_answer(corpus_home: Path) -> None:
    result = answer_question(corpus_home, "Was Mr W Northam present at the panel meeting on 13 March 2014?")
    assert result["answer"] is None


@pytest.mark.parametrize(
    ("question", "ask"),
    [
        ("Who chaired the meeting?", "chair"),
        ("Who was vice chair in June 2014?", "vice_chair"),
        ("Who sent apologies?", "apologies"),
        ("Who substituted for Ms D Gihawi?", "substitute"),
        ("Who declared an interest in item 5?", "declaration"),
        ("Was Mr B Hannah present?", "present"),
        ("Who attended the meeting on 13 March 2014?", "present"),
        ("How many children attended school?", None),
        ("Who is the lead officer for adoption?", None),
    ],
)
def test_attendance_questions_are_recognised(question: str, ask: str | None) -> None:
    assert attendance_ask(analyse_question(question)) == ask
