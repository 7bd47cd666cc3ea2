"""The ask evaluation's judge (tests/bench/ask_scoring.py): what counts as a right answer."""

from __future__ import annotations

import json

import pytest

from tests.bench.ask_scoring import (
    Question,
    answer_correct,
    contains,
    council_half,
    load_questions,
    normalise,
    question_folders,
)


def _question(kind: str, answers: tuple[str, ...] = (), keywords: tuple[str, ...] = ()) -> Question:
    return Question("x-01", "x", "?", kind, answers, keywords, "f.pdf", 1, "2024-01-01", "quote")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("£1,900", "1900"),
        ("£2.67 million", "2.67m"),
        ("£1.709m", "1.709m"),
        ("73.0%", "73.0%"),
        ("Mr J. Joyce (Chair)", "mr j joyce chair"),
    ],
)
def test_normalise_drops_currency_separators_and_punctuation(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_contains_ignores_spaces_but_respects_word_edges() -> None:
    assert contains("between 8.00pm and 8.15pm", "8.00 pm")
    assert contains("£8,834,000 spent", "£8,834,000")
    assert not contains("173%", "73%")
    assert not contains("Hannahson", "Hannah")


def test_typed_answers_must_be_short() -> None:
    question = _question("count", answers=("39",))
    assert answer_correct(question, "39")
    sentence = "There were 39 child protection assessments which were not completed within the time allowed."
    assert not answer_correct(question, sentence)


def test_keyword_answers_need_every_keyword_and_negatives_need_silence() -> None:
    decision = _question("decision", keywords=("note", "endorse"))
    assert answer_correct(decision, "RESOLVED to note the report and endorse the approach.")
    assert not answer_correct(decision, "RESOLVED to note the report.")
    negative = _question("negative")
    assert answer_correct(negative, None)
    assert not answer_correct(negative, "£5")


def test_the_frozen_set_loads_with_every_field() -> None:
    questions = load_questions()
    assert len(questions) == 135
    assert all(q.file and q.quote for q in questions)
    assert all(q.answers or q.keywords for q in questions if q.type != "negative")


def test_council_halves_are_fixed_and_both_used() -> None:
    councils = [f"council{n}" for n in range(40)]
    halves = [council_half(c) for c in councils]
    assert halves == [council_half(c) for c in councils]  # the same split every run
    assert 10 <= halves.count("A") <= 30


def test_a_set_over_several_folders_names_them_once_each(tmp_path) -> None:
    path = tmp_path / "q.json"
    entry = {"council": "x", "question": "?", "type": "date", "file": "x_pc/a.txt", "page": None}
    questions = [
        {**entry, "id": "x-01", "folder": "devcouncils4"},
        {**entry, "id": "x-02", "folder": "devcouncils4"},
        {**entry, "id": "y-01", "council": "y", "folder": "devcouncils7"},
    ]
    path.write_text(json.dumps({"questions": questions}), encoding="utf-8")
    loaded = load_questions(path)
    assert [q.folder for q in loaded] == ["devcouncils4", "devcouncils4", "devcouncils7"]
    assert [f.name for f in question_folders(loaded)] == ["devcouncils4", "devcouncils7"]
    assert load_questions()[0].folder == ""  # the first set names no folder
