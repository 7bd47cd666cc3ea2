"""The structure evaluation's scoring of decision items (tests/bench/structure_eval.py)."""

from __future__ import annotations

from typing import Any

from tests.bench.structure_eval import Tally, score_paper


def _label(items: list[dict[str, Any]], decision_numbers: list[str | None]) -> dict[str, Any]:
    return {
        "path": "/papers/minutes.md",
        "kind": "minutes",
        "body": "Llanfair Community Council",
        "meeting_date": "2024-05-01",
        "items": items,
        "decision_items": [
            {"number": n, "outcome": "approved", "quote": "", "votes": None} for n in decision_numbers
        ],
    }


def _doc(resolution_items: list[str | None], items: list[str]) -> dict[str, Any]:
    return {
        "kind": "minutes",
        "body": "Llanfair Community Council",
        "meeting_date": "2024-05-01",
        "items": [{"number": n} for n in items],
        "resolutions": [
            {"item_number": n, "text": "Agreed.", "outcome": "approved", "votes": None}
            for n in resolution_items
        ],
        "actions": [],
    }


def test_a_paper_without_numbered_items_scores_its_unnumbered_decisions() -> None:
    tally = Tally()
    score_paper(_label([], [None, None]), _doc([None], []), tally)
    assert tally.score("decisions") == 1.0
    assert tally.score("decision_precision") == 1.0


def test_unnumbered_resolutions_of_a_numbered_paper_are_not_counted() -> None:
    tally = Tally()
    items = [{"number": "1", "title": "Minutes", "page": 1}, {"number": "2", "title": "Hall", "page": 1}]
    score_paper(_label(items, ["1"]), _doc([None, "1"], ["1", "2"]), tally)
    assert tally.score("decisions") == 1.0
    assert tally.score("decision_precision") == 1.0


def test_a_paper_where_nothing_was_found_misses_recall_not_precision() -> None:
    tally = Tally()
    items = [{"number": "1", "title": "Minutes", "page": 1}]
    score_paper(_label(items, ["1"]), _doc([], ["1"]), tally)
    assert tally.score("decisions") == 0.0
    assert tally.score("decision_precision") is None


def test_a_decision_labelled_outside_the_numbered_items_is_found_outside_them() -> None:
    tally = Tally()
    items = [{"number": "7", "title": "Subscription", "page": 1}]
    score_paper(_label(items, [None, "7"]), _doc([None, "7"], ["7"]), tally)
    assert tally.score("decisions") == 1.0
    missed = Tally()
    score_paper(_label(items, [None, "7"]), _doc(["7"], ["7"]), missed)
    assert missed.score("decisions") == 0.5
