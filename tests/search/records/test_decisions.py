"""Resolutions beside the officers' recommendation on the same item, on the sample corpus."""

from __future__ import annotations

from typing import Any

from minutebook.store import Store
from search.records.decisions import list_resolutions


def june(store: Store, number: str) -> dict[str, Any]:
    rows = [r for r in list_resolutions(store, date_from="2014-06-17", date_to="2014-06-17")]
    return next(r for r in rows if r["item_number"] == number and r["recommendation"])


def test_the_ask_stops_at_its_sentence_not_at_the_next_heading(corpus_store: Store) -> None:
    assert (
        june(corpus_store, "9")["recommendation"]
        == "Children's Services Committee is asked to note the report."
    )


def test_a_decision_that_adds_commitments_differs_and_names_them(corpus_store: Store) -> None:
    row = june(corpus_store, "9")
    assert row["recommendation_differs"] is True
    assert (
        "An updated report should be brought to the Committee within six months."
        in row["recommendation_added"]
    )


def test_a_decision_that_does_what_was_asked_does_not_differ(corpus_store: Store) -> None:
    # Officers asked the committee to endorse the approach and receive quarterly updates; it did.
    row = june(corpus_store, "7")
    assert row["outcome"] == "endorsed"
    assert (row["recommendation_differs"], row["recommendation_added"]) == (False, [])


def test_filters_by_body_and_date_range(corpus_store: Store) -> None:
    panel = list_resolutions(corpus_store, body="Children's Services Overview and Scrutiny Panel")
    assert panel and {r["meeting_date"] for r in panel} == {"2014-03-13"}
    assert list_resolutions(corpus_store, date_from="2015-01-01") == []
