"""`minutebook ask` over the sample corpus: the evaluation set (tests/search/ask/ask_eval.py)
scored against floors, plus behaviour a user relies on (verbatim quotes, abstention, the
CLI's JSON shape)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from search.ask import answer_question
from search.ask.question import COUNT, DATE, DECISION, MONEY, PERCENT, PERSON, analyse_question
from tests.search.ask.ask_eval import ANSWERABLE, UNANSWERABLE, run


@pytest.fixture(scope="module")
def evaluation(corpus_home: Path):
    return run(corpus_home)


def test_eval_set_is_big_enough_to_mean_something() -> None:
    assert len(ANSWERABLE) >= 40
    assert len(UNANSWERABLE) >= 10


def test_answers_contain_the_expected_text(evaluation) -> None:
    scores, _ = evaluation
    # Per-type scores are printed by tests/bench/bench_ask.py; here they explain a failure.
    assert scores["accuracy"] >= 0.8, (scores["per_type"], scores["per_kind"], scores["failures"])


def test_citations_quote_the_right_meeting_verbatim(evaluation) -> None:
    scores, _ = evaluation
    assert scores["citation"] >= 0.8, scores["failures"]


def test_questions_the_papers_cannot_answer_get_no_answer(evaluation) -> None:
    scores, _ = evaluation
    assert scores["abstention"] >= 0.8, scores["failures"]


def test_every_answer_carries_a_verbatim_citation(evaluation) -> None:
    _, results = evaluation
    for _, result in results:
        assert 0.0 <= result["confidence"] <= 1.0
        if result["answer"] is not None:
            assert result["citations"], result
            assert result["answer"] in result["citations"][0]["quote"] or result.get("indicator")


def test_issue_example_count_comes_from_the_march_2014_panel_minutes(corpus_home: Path) -> None:
    result = answer_question(corpus_home, "How many child protection assessments were not completed on time?")
    assert result["answer"] == "39"
    assert result["citations"][0]["meeting_date"] == "2014-03-13"
    assert "39 child protection assessments" in result["citations"][0]["quote"]


def test_decision_question_returns_the_whole_resolution(corpus_home: Path) -> None:
    result = answer_question(
        corpus_home, "What did the committee decide about free school meals in June 2014?"
    )
    assert result["citations"][0]["meeting_date"] == "2014-06-17"
    assert result["citations"][0]["item_number"] == "9"
    # All three limbs, verbatim.
    for limb in ("The report be noted.", "within six months", "The Government should be lobbied"):
        assert limb in result["answer"]


def test_table_question_answers_the_cell_with_indicator_and_period(corpus_home: Path) -> None:
    result = answer_question(
        corpus_home, "What was the percentage of LAC with up to date Health Assessment in Jan 17?"
    )
    assert result["answer"] == "87.8%"
    assert "Health Assessment" in result["indicator"]
    assert "Jan 17" in result["period"]


def test_unanswerable_question_gets_null_answer(corpus_home: Path) -> None:
    result = answer_question(corpus_home, "Who won the 2017 county council election?")
    assert result["answer"] is None


def test_empty_home_answers_nothing_without_error(tmp_path: Path) -> None:
    result = answer_question(tmp_path, "How many schools are there?")
    assert result == {**result, "answer": None, "citations": []}


@pytest.mark.parametrize(
    ("question", "answer_type"),
    [
        ("How many child protection assessments were not completed on time?", COUNT),
        ("How much was the variance under the joint protocol?", MONEY),
        ("By how much had first time offenders reduced?", PERCENT),
        ("What percentage of schools are good?", PERCENT),
        ("When was the Improvement Plan submitted?", DATE),
        ("Who chaired the meeting?", PERSON),
        ("What did the committee decide about free school meals in June 2014?", DECISION),
    ],
)
def test_question_analysis_reads_the_answer_type(question: str, answer_type: str) -> None:
    assert analyse_question(question).answer_type == answer_type


def test_question_analysis_reads_periods_and_committee() -> None:
    analysis = analyse_question("What did the committee decide about free school meals in June 2014?")
    assert [(p.year, p.month) for p in analysis.periods] == [(2014, 6)]
    assert analysis.body_hint == "committee"
    assert {"free", "school", "meal"} <= set(analysis.terms)


def test_cli_ask_json_has_the_contract_fields(corpus_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from ui.cli import main

    assert (
        main(
            [
                "--home",
                str(corpus_home),
                "ask",
                "How many schools did NORSE Commercial Services assess?",
                "--json",
            ]
        )
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"question", "answer", "confidence", "citations"}
    assert set(out["citations"][0]) >= {
        "body",
        "meeting_date",
        "document_id",
        "document_title",
        "item_number",
        "item_title",
        "page",
        "quote",
    }


@pytest.mark.parametrize("question", ["*", "?", "* * *", "!!", "…"])
def test_a_question_without_a_word_is_not_answered(corpus_home: Path, question: str) -> None:
    """`ask "*"` answered at confidence 0.92 by matching the asterisks in a paper (issue 13)."""
    result = answer_question(corpus_home, question)
    assert (result["answer"], result["confidence"], result["citations"]) == (None, 0.0, [])
