"""The tracker as a work list (issue 15): a table judged as of a date the URL holds, grouped
by meeting or committee, no undated action overdue, exported with links."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest

from minutebook.store import open_store
from search.tracker import list_actions
from tests.ui.web.test_app import run_page, tables
from ui.web import browse, exports


def rows_of(at: Any) -> list[dict[str, Any]]:
    return [row for t in tables(at.main) if "Action" in t.columns for row in t.to_dict("records")]


def test_statuses_are_judged_as_of_the_date_in_the_url(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    at = run_page(monkeypatch, corpus_home, "page_tracker.py", as_of="2014-07-01")
    assert at.date_input(key="tracker_as_of").value == dt.date(2014, 7, 1)
    with open_store(corpus_home) as store:
        expected = {r["text"]: r["status"] for r in list_actions(store, status="all", as_of="2014-07-01")}
    shown = {r["Action"]: r["Status"] for r in rows_of(at)}
    assert shown == {" ".join(text.split()): status for text, status in expected.items()}
    # Judged earlier, fewer are overdue than judged years later.
    later = run_page(monkeypatch, corpus_home, "page_tracker.py", as_of="2020-01-01")
    overdue = sum(r["Status"] == "overdue" for r in rows_of(at))
    assert overdue < sum(r["Status"] == "overdue" for r in rows_of(later))
    assert at.query_params["as_of"] == "2014-07-01"


def test_no_action_without_a_due_date_is_overdue(monkeypatch: pytest.MonkeyPatch, corpus_home: Path) -> None:
    at = run_page(monkeypatch, corpus_home, "page_tracker.py", as_of="2030-01-01")
    rows = rows_of(at)
    undated = [r for r in rows if r["Due"] is None or str(r["Due"]) in ("", "NaT", "None")]
    assert undated, "the sample papers have actions without a due date"
    assert {r["Status"] for r in undated} <= {"open", "done"}, [
        r for r in undated if r["Status"] == "overdue"
    ]
    assert any(r["Status"] == "overdue" for r in rows)


def test_grouping_by_meeting_heads_each_group_overdue_first(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    at = run_page(monkeypatch, corpus_home, "page_tracker.py", group="meeting", as_of="2015-06-30")
    heads = [s.value for s in at.subheader if s.value.startswith("2014") or s.value.startswith("2017")]
    assert len(heads) >= 2
    groups = [t for t in tables(at.main) if "Action" in t.columns]
    assert len(groups) == len(heads)
    # Within a group the meeting is the heading: the column that repeats it is gone.
    assert all("Raised at" not in t.columns for t in groups)
    for table in groups:
        order = {"overdue": 0, "open": 1, "done": 2}
        assert list(table["Status"]) == sorted(table["Status"], key=order.__getitem__)


def test_the_export_has_the_actions_with_links_and_no_internal_columns(corpus_home: Path) -> None:
    with open_store(corpus_home) as store:
        actions = list_actions(store, status="all", as_of="2015-06-30")
    rows = list(csv.DictReader(io.StringIO(exports.actions_csv(actions, "http://127.0.0.1:8501"))))
    assert len(rows) == len(actions)
    assert list(rows[0]) == exports.ACTION_COLUMNS
    assert all(r["Link"].startswith("http://127.0.0.1:8501/meetings?doc=") for r in rows)
    done = [r for r in rows if r["Status"] == "done"]
    assert done and all(r["Delivered by"] and r["Evidence link"].startswith("http://") for r in done)
    assert not any(r["Evidence link"] for r in rows if r["Status"] != "done")


def test_one_committee_printed_two_ways_is_one_group_and_one_filter_option() -> None:
    # A community council's minutes head it in capitals in some months (more-councils'
    # Manordeilo and Salem); the browser shows one spelling, and the tracker the same one.
    meetings = [
        {
            "body": "MANORDEILO and SALEM COMMUNITY COUNCIL",
            "body_key": "manordeilo and salem community council",
        },
        {
            "body": "MANORDEILO and SALEM COMMUNITY COUNCIL",
            "body_key": "manordeilo and salem community council",
        },
        {
            "body": "Manordeilo & Salem Community Council",
            "body_key": "manordeilo and salem community council",
        },
        {"body": "Parish Council", "body_key": "parish council"},
    ]
    actions = [
        {"id": "a", "body": "MANORDEILO and SALEM COMMUNITY COUNCIL"},
        {"id": "b", "body": "Manordeilo & Salem Community Council"},
        {"id": "c", "body": "Parish Council"},
        {"id": "d", "body": None},
    ]
    named = browse.with_committees(actions, meetings)
    assert [r["committee"] for r in named] == [
        "Manordeilo & Salem Community Council",
        "Manordeilo & Salem Community Council",
        "Parish Council",
        "unnamed committee",
    ]
    assert [r["body"] for r in named] == [a["body"] for a in actions]  # the papers' words kept
    assert "committee" not in actions[0]  # the cached rows are not changed


def test_the_export_draws_symbol_font_bullets_and_keeps_formulas_inert() -> None:
    # Bristol's minutes set bullets in a symbol font (U+F0B7), which a grid or a spreadsheet
    # shows as an empty box.
    action = {"id": "a", "status": "open", "text": "Items:\n\uf0b7 Planning application", "page": 3}
    rows = list(csv.DictReader(io.StringIO(exports.actions_csv([action, {**action, "text": "=1+1"}], ""))))
    assert rows[0]["Action"] == "Items: • Planning application"
    assert rows[1]["Action"] == "'=1+1"


def test_the_raised_and_due_ranges_live_in_the_url(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    at = run_page(
        monkeypatch,
        corpus_home,
        "page_tracker.py",
        as_of="2015-06-30",
        raised_from="2014-06-01",
        raised_to="2014-06-30",
    )
    assert at.date_input(key="tracker_dates").value == (dt.date(2014, 6, 1), dt.date(2014, 6, 30))
    assert {r["Raised at"][:10] for r in rows_of(at)} == {"2014-06-17"}
    assert not at.warning, [w.value for w in at.warning]
    at.date_input(key="tracker_due").set_value((dt.date(2014, 1, 1), dt.date(2014, 12, 31))).run()
    assert at.query_params["due_from"] == "2014-01-01" and at.query_params["due_to"] == "2014-12-31"
    assert at.query_params["raised_from"] == "2014-06-01"
    assert rows_of(at) and all(r["Due"] and str(r["Due"]).startswith("2014") for r in rows_of(at))
    # A range the URL garbles is ignored, not an error.
    broken = run_page(monkeypatch, corpus_home, "page_tracker.py", raised_from="2014-13-01", raised_to="x")
    assert broken.date_input(key="tracker_dates").value == ()
