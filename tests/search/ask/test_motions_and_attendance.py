"""Who chaired and who sent apologies as a parish paper prints its attendance block (a run-on
"Councillors, Mr A (Chair), ..." line, an "Apologies" heading whose names follow on the next
line), who proposed and who seconded a motion, and how many voted on one side of a tally.

The papers here are written for the tests in the shapes the askdev2 councils' papers taught
(search/ask/people.py and candidates.py cite them); no council's wording is copied."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.ask import answer_question
from search.ask.candidates import vote_side_of
from search.ask.people import printed_attendance
from search.ask.question import COUNT, asked_motion_role, asked_vote_side, read_question
from search.ask.spans import count_spans
from tests.search.ask import reading

MINUTES = """Minutes of the Meeting of Ashby Fenwick Community Council
held in the Village Hall on Tuesday, 12th July 2022.

1          Present

Councillors, Mr Owain Prys (Chair), Mrs Delyth Rowe, Mr Huw Parry & Mrs Ann Kemp (Clerk).

2         Apologies

were received from: Councillors Mr Rhys Bevan & Mrs Eira Lloyd. Also: County Councillor Mr Gwilym Tudor Evans

3         Minutes

The minutes of the meeting of 14 June 2022 were proposed as a correct record by Mrs Delyth Rowe
and this was seconded by Mr Huw Parry.

4         Bus shelter

The quote for repairing the bus shelter was considered. For – 2, Against – 3. The repair was not approved.
"""


@pytest.fixture(scope="module")
def parish_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from ui.cli import main

    home = tmp_path_factory.mktemp("parish-home")
    papers = tmp_path_factory.mktemp("parish-papers")
    (papers / "2022-07-12_minutes.txt").write_text(MINUTES, encoding="utf-8")
    assert main(["--home", str(home), "ingest", str(papers), "--workers", "1"]) == 0
    return home


def test_the_chair_is_read_from_a_run_on_attendance_line(parish_home: Path) -> None:
    question = "Who chaired Ashby Fenwick Community Council's meeting in July 2022?"
    result = answer_question(parish_home, question)
    assert result["answer"] == "Mr Owain Prys"
    assert "(Chair)" in result["citations"][0]["quote"]
    assert result["citations"][0]["meeting_date"] == "2022-07-12"


def test_apologies_printed_under_a_heading_and_the_names_a_label_marks() -> None:
    lines = [(1, line) for line in MINUTES.splitlines() if line.strip()]
    page, line, answer = printed_attendance("apologies", lines, set(), ["apolog"]) or (0, "", "")
    assert line.startswith("were received from") and answer.startswith("Mr Rhys Bevan")
    assert answer.endswith("Mr Gwilym Tudor Evans")
    terms = read_question("Which county councillor sent apologies?").terms
    county = printed_attendance("apologies", lines, set(), terms)
    assert county is not None and county[2].endswith("Mr Gwilym Tudor Evans") and "Rhys" not in county[2]
    chair = printed_attendance("chair", lines, set(), [])
    assert chair is not None and chair[2] == "Mr Owain Prys"
    assert printed_attendance("vice_chair", lines, set(), []) is None


def test_which_role_a_question_asks_of_a_motion() -> None:
    assert asked_motion_role("Who seconded the minutes?") == "seconder"
    assert asked_motion_role("Which councillor moved that the minutes be accepted?") == "proposer"
    assert asked_motion_role("Who seconded the motion proposed by Cllr Smith?") == "seconder"
    assert asked_motion_role("Who chaired the meeting?") is None


def test_the_name_in_the_asked_role_of_a_proposer_seconder_clause() -> None:
    text = "Proposed as a true record by Cllr Smith seconded by Cllr Higgins and unanimously approved."
    assert reading.answers("Who seconded the minutes as a true record?", text) == ["Cllr Higgins"]
    assert reading.answers("Who proposed the minutes as a true record?", text) == ["Cllr Smith"]
    initials = "They were proposed as a correct record by DR and this was seconded by EMW."
    assert reading.answers("Who seconded the minutes as a correct record?", initials) == ["EMW"]


def test_a_count_of_one_side_of_a_vote_is_the_figure_the_tally_gives_that_side() -> None:
    assert read_question("How many councillors voted against the recommendation?").answer_type == COUNT
    assert asked_vote_side("How many councillors voted against the recommendation?") == "against"
    assert asked_vote_side("How many members abstained on the recommendation?") == "abstain"
    assert asked_vote_side("What was the vote on the recommendation?") is None
    text = "On the recommendation: For – 7, Against – 12, Abstentions – 0."
    assert reading.answers("How many voted against the recommendation?", text) == ["12"]
    assert reading.answers("How many voted for the recommendation?", text) == ["7"]
    spans = count_spans("5 for, 1 against")
    assert [vote_side_of("5 for, 1 against", s) for s in spans] == ["for", "against"]


def test_a_line_of_a_voting_record_is_a_count_not_a_numbered_heading() -> None:
    assert [s.text for s in count_spans("8 For")] == ["8"]
    assert [s.text for s in count_spans("4 Minutes")] == []


def test_a_figure_no_tally_gives_a_side_never_counts_votes() -> None:
    # A decision record's reference number beside the words of the question is no vote.
    text = "Audit progress report for members, decision ref: 470, recommendation agreed."
    assert reading.answers("How many members voted for the audit progress report recommendation?", text) == []
