"""Features that rank candidates (search/ask/score.py): a numbered part of a series the question
names ("Period 9") must be the candidate's, and a span standing in for another type yields to a
span of the asked type. Texts are written in the papers' shapes, figures invented."""

from __future__ import annotations

from search.ask.candidates import CandidateReader
from search.ask.passages import Passage
from search.ask.question import read_question
from search.ask.retrieve import Retrieved
from search.ask.score import answerable, numbered_parts, rank


def _passage(pid: str, text: str, title: str) -> Passage:
    return Passage(
        id=pid,
        text=text,
        document_id=pid,
        document_title="Minutes",
        document_kind="minutes",
        body=None,
        meeting_date="2025-10-23",
        page=1,
        section_title=title,
    )


def _ranked(question: str, passages: list[Passage]) -> list:
    asked = read_question(question)
    weights = {t: 1.0 for t in asked.terms}
    candidates = CandidateReader(asked, weights, {}).read(passages)
    return rank(asked, Retrieved(passages=passages, doc_count=10), candidates)


def test_numbered_parts_are_read_with_their_series() -> None:
    assert numbered_parts("What was the risk in the Period 9 finance report?") == {"period": "9"}
    assert numbered_parts("What did question 12 ask?") == {"question": "12"}
    assert numbered_parts("What was the risk in the finance report?") == {}


def test_a_figure_from_another_periods_report_is_not_the_answer() -> None:
    p5 = _passage(
        "a", "The £207k risk on the street lighting budget relates to energy costs.", "Finance Report: P5/Q2"
    )
    question = "What was the energy risk on the street lighting budget in the Period 9 finance report?"
    ranked = _ranked(question, [p5])
    assert ranked and ranked[0].answer == "£207k"
    assert ranked[0].features["numbered_part"] == -1.0 and not answerable(ranked[0])
    asked_p5 = _ranked(question.replace("Period 9", "Period 5"), [p5])
    assert asked_p5[0].features["numbered_part"] == 1.0 and answerable(asked_p5[0])


def test_a_stand_in_span_yields_to_a_span_of_the_asked_type() -> None:
    stand_in = _passage("a", "The committee received six updates on quality assurance.", "Quality Assurance")
    typed = _passage(
        "b", "The committee agreed to receive quarterly updates on quality assurance.", "Quality Assurance"
    )
    ranked = _ranked("How often will the committee receive updates on quality assurance?", [stand_in, typed])
    by_answer = {c.answer: c for c in ranked}
    assert by_answer["six"].features["typed_elsewhere"] == 1.0
    assert by_answer["quarterly"].features["typed_elsewhere"] == 0.0
    assert ranked[0].answer == "quarterly"


def test_what_a_named_person_asked_is_read_where_they_are_named() -> None:
    theirs = _passage(
        "a", "Question 3 from Jo McAllister asked the council to review the bus lane.", "Questions"
    )
    others = _passage("b", "Members asked the council to review the bus lane timetable.", "Bus lane")
    ranked = _ranked("What did Jo McAllister ask the council to review?", [theirs, others])
    by_passage = {c.passage.id: c for c in ranked}
    assert by_passage["a"].features["person_named"] == 1.0
    assert by_passage["b"].features["person_named"] == -1.0


def test_a_paper_over_a_year_after_the_year_asked_about_does_not_answer_for_it() -> None:
    # Minutes of October 2025 naming no year where they say what was agreed.
    minutes = _passage("a", "It was agreed to buy a new mower at the next meeting.", "Mower")
    stale = _ranked("When did the council agree to buy a new mower in 2023?", [minutes])
    assert stale and not answerable(stale[0])
    recent = _ranked("When did the council agree to buy a new mower in 2025?", [minutes])
    assert recent and answerable(recent[0])


def test_a_month_printed_without_its_year_is_the_one_around_the_papers_date() -> None:
    # Parish minutes of October 2025 report the bank balance "to end of August": that is
    # August 2025, not a month of the financial year a question asks about.
    report = _passage(
        "a",
        "Financial Report: Community account £17,491.62."
        " Amount spent on the precept to end of August £6,923.55.",
        "Finance",
    )
    later = _ranked("How much of the precept was spent in 2027/28?", [report])
    assert later and later[0].features["period"] == -1.0 and not answerable(later[0])
    same = _ranked("How much of the precept was spent in 2025/26?", [report])
    assert same and same[0].features["period"] == 1.0 and answerable(same[0])


def _dashboard(rows: list[tuple[str, str]]) -> Passage:
    """A performance dashboard (the sample's report prints one): each row a measure and its
    figures by quarter."""
    from minutebook.models import TableRow

    headers = ["Measure", "Sep 15", "Dec 15", "Mar 16"]
    lines, table_rows = [], []
    for position, (label, december) in enumerate(rows):
        cells = [label, "71.0%", december, "88.0%"]
        line = "| " + " | ".join(cells) + " |"
        lines.append(line)
        table_rows.append(TableRow(1, 0, position, cells, headers, label, line))
    passage = _passage("t", "\n".join(lines), "Performance dashboard")
    passage.rows = table_rows
    return passage


def test_an_answer_outscored_by_the_row_asked_about_which_has_no_figure_is_not_sure() -> None:
    # The row the question is about has no December figure; another row's figure for that
    # month is an answer to another question, and the confidence must say so.
    from search.ask.confidence import ANSWER_THRESHOLD, answer_confidence, confidence_features

    question = "What share of looked-after children had a personal education plan in December 2015?"
    alone = _ranked(question, [_dashboard([("Share of schools judged good for education", "80.0%")])])
    both = _ranked(
        question,
        [
            _dashboard(
                [
                    ("Looked-after children with a personal education plan", "×"),
                    ("Share of schools judged good for education", "80.0%"),
                ]
            )
        ],
    )
    assert both[0].answer == "80.0%" and answerable(both[0])
    assert confidence_features(both)["rival"] > 0.0 == confidence_features(alone)["rival"]
    assert answer_confidence(both) < min(ANSWER_THRESHOLD, answer_confidence(alone))
