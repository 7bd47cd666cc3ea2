"""Which span of a sentence answers (search/ask/candidates.py): the value the question's words
govern, the end or start of a change the question asks for, what a rate question is answered
by when the sentence has no rate. Sentences are written in the papers' shapes."""

from __future__ import annotations

import dataclasses

from minutebook.models import TableRow
from search.ask.candidates import CandidateReader
from search.ask.question import read_question
from tests.search.ask import reading


def test_a_date_answers_the_verb_it_follows_through_a_preposition() -> None:
    text = "A decision on the site is needed in spring 2015 as the lease ends in March 2017."
    assert reading.answers("When does the lease end?", text) == ["March 2017"]
    assert reading.answers("When is a decision on the site needed?", text) == ["spring 2015"]


def test_a_time_answers_the_verb_it_follows() -> None:
    text = "The Chair opened the meeting at 7.00pm; there being no further business it closed at 8.45pm."
    assert reading.answers("When did the meeting close?", text) == ["8.45pm"]


def test_the_end_or_start_of_a_change_when_the_question_asks_for_it() -> None:
    places = "The centre has 120 places commissioned (this year projected to be 96)."
    assert reading.answers("How many places are projected to be taken up this year?", places) == ["96"]
    assert reading.answers("How many places has the centre?", places) == ["120"]
    change = "Attendance at the youth club fell from 340 young people in 2019 to 210 in 2023."
    assert reading.answers("How many young people attended the youth club originally?", change) == ["340"]
    assert reading.answers("How many young people attend the youth club now?", change) == ["210"]


def test_a_rate_question_without_a_rate_is_answered_by_a_percentage_or_a_number() -> None:
    assert reading.answers(
        "What was the collection rate for council tax?", "Council tax collection reached 97.2% by March."
    ) == ["97.2%"]
    assert reading.answers(
        "What was the school's Ofsted score?", "The school's Ofsted score was 3 at its last visit."
    ) == ["3"]


def test_a_role_as_a_label_names_who_holds_it() -> None:
    assert reading.answers("Who is the lead officer?", "Lead officer | John Brown") == ["John Brown"]
    assert reading.answers(
        "Who seconded the motion?", "The motion was proposed: A Jones; seconded: Brian Smith."
    ) == ["Brian Smith"]
    # A label with no name after it names no one.
    assert reading.answers("Who is the lead officer?", "Lead officer | To be confirmed") == []


def test_a_unit_naming_the_questions_rarest_words_is_read_however_many_units_outscore_it() -> None:
    # A long question whose common words fill many sentences of a top passage; the one line
    # naming the place asked about sits in a passage the search ranked far lower.
    asked = read_question(
        "What share of eligible children in the Riverside Heights area were taking up their free early place?"
    )
    filler = " ".join(
        f"Eligible children in area {n} were taking up their free early place at a rate of {n}%."
        for n in range(1, 200)
    )
    report = {"document_title": "Report", "document_kind": "report"}
    common = reading.passage(filler, id="common", document_id="d1", score=40.0, rank=0, **report)
    rare = reading.passage(
        "Riverside Heights: 91.5% this term.", id="rare", document_id="d2", score=1.0, rank=70, **report
    )
    weights = {t: 1.0 for t in asked.terms}
    weights.update({"riversid": 6.0, "height": 6.0})
    answers = [c.answer for c in CandidateReader(asked, weights, {}).read([common, rare], keep=20)]
    assert "91.5%" in answers


def test_a_signature_names_who_holds_the_role_on_the_line_below() -> None:
    notice = "Notice is hereby given of the meeting.\nJ K Lowe\nClerk to the Council | Date: 3 March 2025"
    assert reading.answers("Who issued the notice as clerk?", notice) == ["J K Lowe"]


def test_the_dated_meetings_units_of_the_asked_type_are_read_in_other_words() -> None:
    # "When could residents speak?" while the paper says the public may put questions (no
    # word of the question, nor a synonym of one).
    asked = read_question("During what time slot could residents speak at the 1 June 2016 meeting?")
    passage = reading.passage(
        "Members of the public are invited to put questions between 8.00 pm and 8.15 pm.",
        document_title="Agenda",
        document_kind="agenda",
    )
    weights = {t: 1.0 for t in asked.terms}
    answers = [c.answer for c in CandidateReader(asked, weights, {}).read([passage])]
    assert answers == ["between 8.00 pm and 8.15 pm"]
    other_day = dataclasses.replace(passage, meeting_date="2016-07-06")
    assert CandidateReader(asked, weights, {}).read([other_day]) == []


def test_the_day_a_question_names_is_never_its_answer_however_printed() -> None:
    # Parish minutes: the meeting's own date beside the date of the minutes it approved.
    text = (
        "The annual meeting was held in the hall on Tuesday, 6 May 2025. The minutes of the"
        " meeting of Tuesday 1 April 2025 were approved and signed."
    )
    question = "The minutes of which earlier meeting were approved at the meeting on 6 May 2025?"
    assert reading.answers(question, text) == ["Tuesday 1 April 2025"]


def test_a_cell_holding_a_sentence_answers_with_the_span_of_the_asked_type() -> None:
    # A progress table's commentary column (the sample's schools report): the month, not
    # the commentary, answers "in what month".
    cells = [
        "System leaders",
        "All good schools have been contacted. Training to accredit new leaders has been"
        " scheduled for January.",
    ]
    line = "| " + " | ".join(cells) + " |"
    row = TableRow(1, 0, 1, cells, ["Target", "Progress"], "System leaders", line)
    question = "In what month was training due to begin for certifying new leaders?"
    answers = [c.answer for c in reading.candidates(question, line, [row]) if c.source == "cell"]
    assert answers == ["January"]


def test_a_question_asking_for_a_name_is_not_answered_by_a_role() -> None:
    text = "Questions on the progress paper go to the Interim Director of Children's Services."
    assert reading.answers("Who can answer questions on the progress paper?", text) != []
    assert reading.answers("Which named officer can answer questions on the progress paper?", text) == []
    named = "Questions on the progress paper go to Paul Dunning (Interim Director)."
    assert reading.answers("Which named officer can answer questions on the progress paper?", named) == [
        "Paul Dunning"
    ]


def test_who_chaired_the_meeting_is_answered_by_a_name_tied_to_the_chair() -> None:
    # Parish minutes mention the Chairman in passing; only a name the paper ties to the chair
    # answers who chaired.
    passing = "The Chairman reported that she was still waiting to hear back from Mr Edward Dent."
    assert reading.answers("Who chaired the meeting?", passing) == []
    listed = "Present: Cllr Jane Smith (Chair), Cllr Tom Brown and Cllr Ann Green."
    assert reading.answers("Who chaired the meeting?", listed) == ["Cllr Jane Smith"]
    assert reading.answers("Who was in the chair?", "Mr Tom Brown was in the chair.") == ["Mr Tom Brown"]


def test_a_date_in_a_column_headed_by_when_names_no_one() -> None:
    # Progress tables head their deadline column "By when" (the sample's schools report):
    # "By April 2014" under it is when, not who, however the header reads.
    cells = ["By April 2014", "All weak governing bodies reviewed", "Gordon Boyd"]
    line = "| " + " | ".join(cells) + " |"
    row = TableRow(1, 0, 1, cells, ["By when", "Target", "Lead officer"], "By April 2014", line)
    question = "Which officer leads the review of weak governing bodies?"
    answers = [c.answer for c in reading.candidates(question, line, [row]) if c.source == "cell"]
    assert "By April 2014" not in answers
    dated = TableRow(1, 0, 1, cells[:2], ["By when", "Target"], "By April 2014", line)
    assert [c.answer for c in reading.candidates(question, line, [dated]) if c.source == "cell"] == []
