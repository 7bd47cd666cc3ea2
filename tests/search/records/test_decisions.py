"""Resolutions beside the officers' recommendation on the same item, on the sample corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

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


VOTED_MINUTES = """## Planning Committee

Minutes of the Meeting Held on Wednesday 9 April 2025 6:00pm Council Chamber, Town Hall

#### Present:

Mr A Example (Chair) Mrs B Sample

#### 4. Car Park Charges

4.1 On being put to the vote the motion was LOST (4 in favour, 5 against).

#### 5. Allotment Rents

5.1 The recommendation was put to the vote: For (11) Against (2) Abstentions (1). CARRIED.

#### 6. Minutes

6.1 The minutes of the previous meeting were agreed as a correct record.
"""


def test_votes_in_resolutions_json_carry_counts_and_result(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ui.cli import main

    (tmp_path / "planning.txt").write_text(VOTED_MINUTES, encoding="utf-8")
    home = tmp_path / "home"
    assert main(["--home", str(home), "ingest", str(tmp_path / "planning.txt"), "--workers", "1"]) == 0
    capsys.readouterr()
    assert main(["--home", str(home), "resolutions", "--json"]) == 0
    rows = {r["item_number"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["4"]["outcome"] == "rejected"
    assert rows["4"]["votes"] == {"for": 4, "against": 5, "abstentions": None, "result": "lost"}
    assert rows["5"]["votes"] == {"for": 11, "against": 2, "abstentions": 1, "result": "carried"}
    assert rows["6"]["votes"] == {"for": None, "against": None, "abstentions": None, "result": None}
