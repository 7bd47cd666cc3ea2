"""People, organisations and places in a sentence (search/ask/people.py), honorific or not,
and answers from the attendance record of the meeting asked about."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutebook.store import open_store
from minutebook.text import plain_text
from search.ask import answer_question
from search.ask.people import name_spans, person_spans, place_spans
from search.ask.question import ORGANISATION, PERSON, PLACE


def _names(kind: str, text: str, known: list[tuple[str, str]] | None = None) -> list[str]:
    return [s.text for s in name_spans(kind, text, known or [])]


def test_people_without_honorifics_from_their_role_in_the_paper() -> None:
    assert _names(PERSON, "Councillors: Jane Smith (Chair), Tom Brown (Vice-Chair)") == [
        "Jane Smith",
        "Tom Brown",
    ]
    assert _names(PERSON, "Question by Cllr Patel and Lucy Fiddick") == ["Cllr Patel"]
    assert _names(PERSON, "Statement submitted by Lucy Fiddick") == ["Lucy Fiddick"]
    assert _names(PERSON, "R C Nolan\nClerk to the Council") == ["R C Nolan"]
    assert _names(PERSON, "the report was presented by the treasurer", [("Ann Lee", "person")]) == []
    assert _names(PERSON, "Ann Lee presented the report", [("Ann Lee", "person")]) == ["Ann Lee"]


def test_a_role_answers_who_when_no_one_is_named() -> None:
    assert _names(
        PERSON, "A report is provided to the Assistant Director of Children's Services showing"
    ) == ["Assistant Director of Children's Services"]
    assert _names(PERSON, "chaired by the vice-Chair of the Children's Services Committee.") == [
        "vice-Chair of the Children's Services Committee"
    ]


def test_who_may_be_a_body_but_capitals_shouting_are_not_acronyms() -> None:
    assert _names(PERSON, "The fund is managed by NPS, who charge a fee") == ["NPS"]
    assert _names(ORGANISATION, "MINUTES OF THE MEETING HELD ON TUESDAY") == []
    assert _names(ORGANISATION, "a quote from Rainbow Safety Surfacing Ltd based at Skipton") == [
        "Rainbow Safety Surfacing Ltd"
    ]


def test_places_after_prepositions_and_compass_parts() -> None:
    assert _names(PLACE, "Support for a parking zone in St Andrews, Bristol") == ["St Andrews, Bristol"]
    assert _names(PLACE, "the looked after children team in the north is functioning well") == ["north"]


def _page_text(home: Path, document_id: str, page: int) -> str:
    with open_store(home) as store:
        rows = store.query("SELECT text FROM pages WHERE document_id = ? AND number = ?", (document_id, page))
    return plain_text(rows[0]["text"])


@pytest.mark.parametrize(
    ("question", "answer", "meeting", "quote_has"),
    [
        (
            "Who presided at the panel's meeting in March 2014?",
            "Mrs J Chamberlin",
            "2014-03-13",
            "(Chairman)",
        ),
        (
            "Who chaired the committee in June 2014?",
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
    ],
)
def test_meeting_chair_and_substitutes_come_from_the_attendance_record(
    corpus_home: Path, question: str, answer: str, meeting: str, quote_has: str
) -> None:
    result = answer_question(corpus_home, question)
    assert result["answer"] == answer
    cite = result["citations"][0]
    assert cite["meeting_date"] == meeting
    assert answer in cite["quote"] and quote_has in cite["quote"]
    assert cite["quote"] in _page_text(corpus_home, cite["document_id"], cite["page"])


def test_who_chairs_a_working_group_is_read_from_the_papers_not_the_meeting_chair(corpus_home: Path) -> None:
    result = answer_question(corpus_home, "Who will chair the Small Schools Steering Group?")
    assert result["answer"] == "vice-Chair of the Children's Services Committee"
    assert "Joyce" not in result["answer"]


def test_apologies_list_everyone_from_the_apologies_minute(corpus_home: Path) -> None:
    result = answer_question(corpus_home, "Who sent apologies to the June 2014 committee meeting?")
    assert result["answer"] == "Mrs Chamberlin (Mr Northam substituting), Mr Mash, Ms Smith and Ms Humber"


def test_a_name_ending_in_a_word_for_a_body_is_no_place() -> None:
    text = "The team in the north works well, as reported to Children's Services\nCommittee in June."
    assert [s.text for s in place_spans(text, [])] == ["north"]
    assert [s.text for s in place_spans("A crossing in Long Stratton was asked for.", [])] == [
        "Long Stratton"
    ]


def test_a_name_ends_where_the_next_label_begins() -> None:
    # A report's front sheet: "Officer presenting the report: <name> Job title: <role>".
    line = "Officer presenting the report: Adam Crowther Job title: Head of City Transport"
    known = [("Adam Crowther Job", "person")]
    assert [s.text for s in person_spans(line, known)] == ["Adam Crowther"]
    assert [s.text for s in person_spans("Present: Jane Ann Smith (Chair)", [])] == ["Jane Ann Smith"]


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        (
            "Minutes of the meeting of the Town Council held in the United Reformed Church Hall, Fore"
            " Street, Wellington on Monday, 6th August 2007 at 7pm",
            "United Reformed Church Hall, Fore Street, Wellington",
        ),
        ("Venue: Council Chamber - The Guildhall.", "Council Chamber - The Guildhall"),
        ("Monday 6th December 2021 at 7.15 p.m. in the Old School", "Old School"),
        (
            "a meeting which will take place at the Sports Pavilion, Perry Lane, on Tuesday 3rd April",
            "Sports Pavilion, Perry Lane",
        ),
    ],
)
def test_where_a_meeting_is_held_is_a_place_whatever_its_last_word(text: str, venue: str) -> None:
    found = [(s.text, s.role) for s in place_spans(text, [])]
    assert (venue, "venue") in found
    assert not [s for s in place_spans("The council met in June 2019 at 7pm", []) if s.role == "venue"]


def test_a_date_is_no_name_whatever_a_tagger_said() -> None:
    names = [("1st June 2015", "person")]
    text = "Minutes approved on 1st June 2015, proposed by Cllr Smith."
    assert [s.text for s in name_spans(PERSON, text, names)] == ["Cllr Smith"]
