"""Reading a question (search/ask/question.py): its answer type, subject words, periods and
people, and when it asks who chaired the meeting."""

from __future__ import annotations

import pytest

from search.ask.question import (
    COUNT,
    DATE,
    DECISION,
    DURATION,
    FINANCIAL_YEAR,
    MONEY,
    ORGANISATION,
    PERCENT,
    PERSON,
    PLACE,
    RATE,
    REASON,
    REQUEST,
    TEXT,
    TIME,
    VOTE,
    read_question,
)


@pytest.mark.parametrize(
    ("question", "answer_type"),
    [
        ("How many child protection assessments were not completed on time?", COUNT),
        ("What is the council's capital allocation for school meals?", MONEY),
        ("What was the annual value of the contract?", MONEY),
        ("How much is paid per pupil?", MONEY),
        ("What was the insurance quotation for the hall?", MONEY),
        ("What would the old mower be worth in part-exchange?", MONEY),
        ("By how much did the service come in under its budget?", MONEY),
        ("By how much did first time offending fall?", PERCENT),
        ("What proportion of schools are good?", PERCENT),
        ("What rate of children per 10,000 were looked after?", RATE),
        ("What is the village school's Ofsted score?", RATE),
        ("How often do centre leaders meet?", RATE),
        ("What was the vote on the budget amendment?", VOTE),
        ("At what time did the meeting close?", TIME),
        ("When did the meeting close?", TIME),
        ("When will the report come back to committee?", DATE),
        ("How long is the new insurance agreement?", DURATION),
        ("For which financial year were the accounts completed?", FINANCIAL_YEAR),
        ("Who chaired the meeting?", PERSON),
        ("Which body wrote the letter?", ORGANISATION),
        ("What information about school governors was agreed to be provided?", DECISION),
        ("Which part of the city did she want a parking zone for?", PLACE),
        ("What did the committee decide about free school meals?", DECISION),
        ("What did the panel ask for on pathway planning?", REQUEST),
        ("Why was the proposal deferred?", REASON),
        ("What happened to the number of visitors?", TEXT),
        # A meeting asked for is answered by its date, whatever words name it.
        ("The minutes of which earlier council meeting were signed?", DATE),
        ("It approved the minutes of which previous Planning Committee meeting?", DATE),
        ("Which meeting room was used?", PLACE),
        # A clause setting the scene before the one that asks.
        ("When the council approved the May minutes at its June meeting, who seconded them?", PERSON),
        ("When councillors voted in June 2024 on the minutes, what was the outcome of the vote?", VOTE),
    ],
)
def test_answer_type_is_read_from_how_the_question_is_asked(question: str, answer_type: str) -> None:
    assert read_question(question).answer_type == answer_type


def test_the_sentence_that_asks_decides_the_type_after_context() -> None:
    question = read_question("The review found delays in repairs. Who will see that it improves?")
    assert question.answer_type == PERSON


def test_was_is_a_question_word_not_a_subject_word() -> None:
    # The stemmer turns "was" into "wa"; question words are dropped before stemming.
    assert read_question("What was the overspend in 2016?").terms == ["overspend"]


def test_period_words_and_type_words_are_not_subject_words() -> None:
    question = read_question("What proportion of pupils had a travel plan in September 2016?")
    assert "septemb" not in question.terms and "2016" not in question.terms
    assert "proport" not in question.terms
    assert {"pupil", "travel", "plan"} <= set(question.terms)


def test_a_period_tied_to_a_meeting_is_the_meetings_not_the_facts() -> None:
    at_meeting = read_question("What did the council agree at its May 2019 meeting?")
    assert [p.label for p in at_meeting.meeting_periods] == ["May 2019"] and at_meeting.periods == []
    of_fact = read_question("How many children were in care in July 2014?")
    assert [p.label for p in of_fact.periods] == ["July 2014"] and of_fact.meeting_periods == []
    committee = read_question("Who took the chair at the 4 May 2019 Planning Committee?")
    assert [p.label for p in committee.meeting_periods] == ["4 May 2019"]


def test_financial_years_are_not_calendar_years() -> None:
    (period,) = read_question("How much was spent in 2013/14?").periods
    assert period.kind == "fy" and (period.start.isoformat(), period.end.isoformat()) == (
        "2013-04-01",
        "2014-03-31",
    )


@pytest.mark.parametrize(
    ("question", "chair"),
    [
        ("Who chaired the meeting on 4 May 2019?", True),
        ("Who was in the chair at the panel in May 2019?", True),
        ("Who will chair the Small Schools Steering Group?", False),
        ("Who chairs the task and finish group on parking?", False),
        ("Who is the chair of the working group?", False),
    ],
)
def test_only_questions_about_the_meeting_go_to_the_meeting_chair(question: str, chair: bool) -> None:
    assert read_question(question).meeting_chair is chair


def test_people_named_with_or_without_titles() -> None:
    question = read_question("What did Jo Bloggs's questions to Councillor Rowe cover?")
    assert question.persons == ["Councillor Rowe", "Jo Bloggs"]
    assert read_question("Which part of town did Sam Lee want?").persons == ["Sam Lee"]
    assert read_question("Who sat on the Children's Services Committee?").persons == []


def test_a_surname_capitalised_inside_is_a_name() -> None:
    assert read_question("What did Andrew McGrain's question ask for?").persons == ["Andrew McGrain"]
    assert read_question("What did Sian O'Neill say about parking?").persons == ["Sian O'Neill"]


@pytest.mark.parametrize(
    "question",
    [
        "Who was unable to attend the meeting on 4 June 2024?",
        "Which councillor couldn’t attend the May meeting?",
        "Who missed the meeting?",
        "Who sent apologies?",
    ],
)
def test_absence_asked_in_other_words_reads_the_apologies(question: str) -> None:
    assert read_question(question).attendance == "apologies"


@pytest.mark.parametrize(
    ("question", "answer_type"),
    [
        # The noun asked for is an amount, whatever verb of deciding comes with it.
        ("What was the approved budget for the housing retrofit programme?", "money"),
        ("What budget was agreed for the village hall?", "money"),
        ("What level of funding was secured for the bus network?", "money"),
        ("What amount was awarded to the parish?", "money"),
        # ... but a decision, outcome or reason about money is still what is asked.
        ("What was the decision on the budget?", "decision"),
        ("What was the outcome of the grant application?", "decision"),
        ("What was the reason for the overspend?", "reason"),
        ("Which consultancy prepared the report?", "organisation"),
    ],
)
def test_an_amount_asked_for_by_its_noun_is_money(question: str, answer_type: str) -> None:
    assert read_question(question).answer_type == answer_type
