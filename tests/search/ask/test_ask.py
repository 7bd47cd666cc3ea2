"""`minutebook ask` end to end over the sample corpus: the project's own question set
(tests/search/ask/ask_eval.py) and the frozen set written by someone who never saw the code
(tests/labels/ask_questions.json, scored as tests/bench/ask_scoring.py scores it), against
floors; and the behaviour a user relies on: verbatim quotes, abstention with the nearest
passages, the CLI's JSON shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from minutebook.store import open_store
from minutebook.text import plain_text
from search.ask import ANSWER_THRESHOLD, answer_question
from search.ask.pipeline import ranked_candidates
from search.ask.question import read_question
from tests.bench.ask_scoring import Tally, judge, load_questions, read_store
from tests.search.ask.ask_eval import ANSWERABLE, UNANSWERABLE, run


@pytest.fixture(scope="module")
def evaluation(corpus_home: Path):
    return run(corpus_home)


@pytest.fixture(scope="module")
def frozen(corpus_home: Path) -> Tally:
    """The frozen set's sample-corpus questions (the Norfolk papers are the sample corpus)."""
    stored = read_store(corpus_home)
    outcomes = []
    for question in load_questions():
        if question.council == "norfolk":
            result = answer_question(corpus_home, question.question)
            outcomes.append(judge(question, result, 0.0, stored, ANSWER_THRESHOLD))
    return Tally(outcomes)


def _stored_texts(home: Path, document_id: str) -> list[str]:
    with open_store(home) as store:
        texts = [
            r["text"] for r in store.query("SELECT text FROM sections WHERE document_id = ?", (document_id,))
        ]
        texts += [
            r["text"] for r in store.query("SELECT text FROM items WHERE document_id = ?", (document_id,))
        ]
        texts += [
            plain_text(r["text"])
            for r in store.query("SELECT text FROM pages WHERE document_id = ?", (document_id,))
        ]
    return texts


def test_project_question_set_scores_above_its_floors(evaluation) -> None:
    scores, _ = evaluation
    assert len(ANSWERABLE) >= 40 and len(UNANSWERABLE) >= 10
    # The answer threshold is set where wrong answers stay rare on councils the confidence
    # never saw (search/ask/confidence.py), not where this set, whose questions copy the
    # papers' wording, scores best: some right answers here fall under it (0.71 accurate,
    # 0.76 cited), and no unanswerable question is answered.
    assert scores["accuracy"] >= 0.68, (scores["per_type"], scores["failures"])
    assert scores["citation"] >= 0.72, scores["failures"]
    assert scores["abstention"] >= 0.9, scores["failures"]


def test_frozen_question_set_on_the_sample_corpus_scores_above_its_floors(frozen: Tally) -> None:
    # Floors a little under what this code scores (tests/bench/eval_ask.py prints the rest):
    # they fail when a change makes answers worse, honest abstentions rarer or wrong
    # answers surer.
    scores = frozen.scores()
    assert scores["questions"] == 50
    assert scores["accuracy"] >= 0.25, scores
    assert scores["abstention"] >= 0.85, scores
    assert scores["confident_wrong"] <= 0.05, scores


def test_every_answer_carries_a_verbatim_citation_and_every_abstention_its_nearest(
    corpus_home: Path, evaluation
) -> None:
    _, results = evaluation
    for _, result in results:
        assert 0.0 <= result["confidence"] <= 1.0
        shown = result["citations"] if result["answer"] is not None else result["nearest"]
        if result["answer"] is not None:
            assert result["citations"] and result["nearest"] == []
        else:
            assert result["citations"] == []
        for cite in shown:
            assert any(cite["quote"] in text for text in _stored_texts(corpus_home, cite["document_id"])), (
                cite
            )


def test_issue_example_count_comes_from_the_march_2014_panel_minutes(corpus_home: Path) -> None:
    result = answer_question(corpus_home, "How many child protection assessments were not completed on time?")
    assert result["answer"] == "39"
    assert result["citations"][0]["meeting_date"] == "2014-03-13"
    assert "39 child protection assessments" in result["citations"][0]["quote"]


def test_decision_question_returns_the_resolution_with_its_limbs(corpus_home: Path) -> None:
    result = answer_question(
        corpus_home, "What did the committee decide about free school meals in June 2014?"
    )
    cite = result["citations"][0]
    assert (cite["meeting_date"], cite["item_number"]) == ("2014-06-17", "9")
    for limb in ("The report be noted.", "within six months", "The Government should be lobbied"):
        assert limb in result["answer"]


def test_table_question_is_read_from_the_cell_of_the_period_with_its_row_and_column(
    corpus_home: Path,
) -> None:
    question = "What was the percentage of LAC with up to date Health Assessment in Jan 17?"
    with open_store(corpus_home) as store:
        best = ranked_candidates(store, corpus_home, read_question(question))[0]
    assert (best.answer, best.source) == ("87.8%", "cell")
    assert "Health Assessment" in best.extra["indicator"] and best.extra["period"] == "Jan 17"
    assert best.quote.startswith("| {ChS} LAC with up to date Health Assessment")
    result = answer_question(corpus_home, question)
    shown = result["citations"] or result["nearest"]
    assert result["answer"] in (None, "87.8%") and shown[0]["quote"] == best.quote


def test_a_period_the_papers_do_not_cover_is_not_answered(corpus_home: Path) -> None:
    result = answer_question(
        corpus_home, "What was the percentage of LAC with up to date Health Assessment in June 2017?"
    )
    assert result["answer"] is None
    assert result["nearest"], "an abstention shows the closest passages"


def test_unanswerable_question_gets_null_answer(corpus_home: Path) -> None:
    assert answer_question(corpus_home, "Who won the 2017 county council election?")["answer"] is None


def test_empty_home_answers_nothing_without_error(tmp_path: Path) -> None:
    result = answer_question(tmp_path, "How many schools are there?")
    assert result == {**result, "answer": None, "citations": [], "nearest": []}
    assert list(tmp_path.iterdir()) == []  # asking creates no store


CITATION_FIELDS = {
    "body",
    "meeting_date",
    "document_id",
    "document_title",
    "item_number",
    "item_title",
    "page",
    "quote",
}


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
    assert set(out) >= {"question", "answer", "confidence", "citations", "nearest"}
    assert out["answer"] == "373"
    assert set(out["citations"][0]) >= CITATION_FIELDS


def test_cli_abstention_prints_the_nearest_passages(
    corpus_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ui.cli import main

    question = "What was the percentage of LAC with up to date Health Assessment in June 2017?"
    assert main(["--home", str(corpus_home), "ask", question, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["answer"] is None and out["citations"] == []
    assert out["nearest"] and set(out["nearest"][0]) >= CITATION_FIELDS
    assert main(["--home", str(corpus_home), "ask", question]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("The papers do not answer that question.")
    assert "Nearest passages:" in printed and out["nearest"][0]["quote"] in printed


@pytest.mark.parametrize("question", ["*", "?", "* * *", "!!", "…"])
def test_a_question_without_a_word_is_not_answered(corpus_home: Path, question: str) -> None:
    """`ask "*"` answered at confidence 0.92 by matching the asterisks in a paper (issue 13)."""
    result = answer_question(corpus_home, question)
    assert (result["answer"], result["confidence"], result["citations"]) == (None, 0.0, [])
