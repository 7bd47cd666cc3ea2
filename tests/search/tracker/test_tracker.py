"""The tracker on the sample corpus: every labelled commitment found, judged and, where a
later paper delivers it, matched to that paper; plus corrections and the real PDFs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from minutebook.store import Store, open_store
from search.records.decisions import list_resolutions
from search.tracker import list_actions, record_correction, refresh_evidence
from tests.conftest import CORPUS, real_pdfs
from tests.search.tracker.labels_decisions import ACTIONS, AS_OF, RESOLUTIONS, evidence_matches, find_labelled


@pytest.fixture(scope="module")
def tracked_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from ingest.pipeline import ingest_paths

    home = tmp_path_factory.mktemp("tracker-home")
    with open_store(home) as store:
        report = ingest_paths([CORPUS], store, workers=1)
        assert not report.failed
        refresh_evidence(home, store)
    return home


@pytest.fixture()
def store(tracked_home: Path) -> Iterator[Store]:
    with open_store(tracked_home) as s:
        yield s


def test_resolutions_in_both_minutes_are_found_with_outcomes(store: Store) -> None:
    rows = list_resolutions(store)
    found = [(find_labelled(rows, d, n, w), outcome) for d, n, w, outcome in RESOLUTIONS]
    recall = sum(r is not None for r, _ in found) / len(RESOLUTIONS)
    outcomes = sum(r is not None and r["outcome"] == o for r, o in found) / len(RESOLUTIONS)
    assert recall >= 0.95, [w for (r, _), (_, _, w, _) in zip(found, RESOLUTIONS, strict=True) if r is None]
    assert outcomes >= 0.8


def test_actions_are_found_judged_and_matched_to_the_paper_that_delivers_them(store: Store) -> None:
    rows = list_actions(store, as_of=AS_OF)
    found = [(find_labelled(rows, d, n, w), status, ev) for d, n, w, status, ev in ACTIONS]
    recall = sum(r is not None for r, _, _ in found) / len(ACTIONS)
    status_ok = sum(r is not None and r["status"] == s for r, s, _ in found) / len(ACTIONS)
    evidence_ok = sum(r is not None and evidence_matches(r, ev) for r, _, ev in found) / len(ACTIONS)
    misses = [
        (w, r and r["status"])
        for (r, s, ev), (_, _, w, _, _) in zip(found, ACTIONS, strict=True)
        if not r or r["status"] != s
    ]
    assert recall >= 0.85, misses
    assert status_ok >= 0.85, misses
    assert evidence_ok >= 0.8, misses


@pytest.mark.parametrize(
    ("date", "number", "words", "delivered_on", "title"),
    [
        (
            "2014-03-13",
            "10",
            "agreed to receive an action plan",
            "2014-05-01",
            "Response to the O&S Pathway Planning",
        ),
        (
            "2014-03-13",
            "17",
            "performance of Children's Centres",
            "2014-05-01",
            "A report on the performance",
        ),
        (
            "2014-03-13",
            "12",
            "update report would be presented in four months",
            "2014-06-17",
            "Sustaining High Quality",
        ),
    ],
)
def test_a_commitment_is_done_by_the_later_item_on_its_subject(
    store: Store, date: str, number: str, words: str, delivered_on: str, title: str
) -> None:
    row = find_labelled(list_actions(store, as_of=AS_OF), date, number, words)
    assert row is not None and row["status"] == "done"
    top = row["evidence"][0]
    assert (top["meeting_date"], top["item_title"][: len(title)]) == (delivered_on, title)
    assert top["quote"] and "is after" in top["explanation"]


def test_the_action_log_appendix_answers_four_requests_of_the_same_minutes(store: Store) -> None:
    rows = list_actions(store, as_of=AS_OF)
    answered = [
        r for r in rows if r["evidence"] and (r["evidence"][0]["item_title"] or "").startswith("Appendix 1")
    ]
    assert len(answered) == 4
    assert all(r["meeting_date"] == "2014-03-13" for r in answered)


def test_a_commitment_with_no_delivering_paper_is_never_done(store: Store) -> None:
    rows = list_actions(store, as_of=AS_OF)
    speech = find_labelled(rows, "2014-06-17", "5", "written answer would be provided")
    # No date given: open (CONTRACT, second round), not overdue as the earlier rule assumed.
    assert speech is not None and speech["status"] == "open" and speech["evidence"] == []
    undelivered = [(d, n, w) for d, n, w, _, ev in ACTIONS if ev is None]
    false_done = [
        w for d, n, w in undelivered if (r := find_labelled(rows, d, n, w)) and r["status"] == "done"
    ]
    assert false_done == []


def test_status_is_judged_against_as_of(store: Store) -> None:
    early = find_labelled(list_actions(store, as_of="2014-06-18"), "2014-06-17", "9", "within six months")
    late = find_labelled(list_actions(store, as_of=AS_OF), "2014-06-17", "9", "within six months")
    assert (
        early and late and (early["status"], late["status"], late["due"]) == ("open", "overdue", "2014-12-17")
    )
    assert [r["status"] for r in list_actions(store, status="done", as_of=AS_OF)].count("open") == 0


def test_user_corrections_drop_or_keep_a_match_and_survive_a_refresh(
    tracked_home: Path, store: Store
) -> None:
    rows = list_actions(store, as_of=AS_OF)
    plan = find_labelled(rows, "2014-03-13", "10", "agreed to receive an action plan")
    speech = find_labelled(rows, "2014-06-17", "5", "written answer would be provided")
    assert plan and speech
    wrong_doc = plan["evidence"][0]["document_id"]
    right_doc = plan["document_id"]
    record_correction(store, plan["id"], wrong_doc, "wrong")
    record_correction(store, speech["id"], right_doc, "right")
    refresh_evidence(tracked_home, store)
    after = list_actions(store, as_of=AS_OF)
    plan_after = next(r for r in after if r["id"] == plan["id"])
    speech_after = next(r for r in after if r["id"] == speech["id"])
    assert wrong_doc not in [e["document_id"] for e in plan_after["evidence"]]
    assert speech_after["status"] == "done" and speech_after["evidence"][0]["document_id"] == right_doc
    with pytest.raises(ValueError):
        record_correction(store, plan["id"], wrong_doc, "maybe")
    store.db.execute("DELETE FROM corrections")
    store.db.commit()


def test_ids_are_stable_across_reingest(tmp_path: Path, store: Store) -> None:
    from ingest.pipeline import ingest_paths

    with open_store(tmp_path) as other:
        ingest_paths([CORPUS], other, workers=1)
        ids = {r["id"] for r in other.query("SELECT id FROM actions")}
    assert ids == {r["id"] for r in store.query("SELECT id FROM actions")}


@pytest.mark.realpdfs
def test_bristol_agreed_decisions_action_markers_and_notices_matched_to_minutes(tmp_path: Path) -> None:
    from ingest.pipeline import ingest_paths

    folder = real_pdfs()
    files = [
        folder / f"bristol_tcpc_{name}.pdf"
        for name in (
            "2024-09-12_decisions",
            "2024-09-12_printed_minutes",
            "2025-10-23_printed_minutes",
            "2026-03-19_decisions",
            "2026-03-19_printed_minutes",
        )
    ]
    with open_store(tmp_path) as s:
        report = ingest_paths(files, s, workers=1)
        assert not report.failed
        refresh_evidence(tmp_path, s)
        resolutions = list_resolutions(s)
        actions = list_actions(s, as_of=AS_OF)
    assert any("AGREED" in r["text"] or "APPROVED" in r["text"] for r in resolutions)
    assert any(a["source"] == "action_marker" and a["owner"] == "EP" for a in actions)
    assert any(a["source"] == "action_marker" and a["owner"] == "PCO" for a in actions)
    # "On being put to the vote the recommendations were CARRIED" then the limbs: approved.
    carried = [r for r in resolutions if r["meeting_date"] == "2026-03-19" and r["item_number"] == "9"]
    assert {r["document_kind"]: r["outcome"] for r in carried} == {
        "minutes": "approved",
        "decision_notice": "approved",
    }
    # Every decision-notice form (items 7-12 of 2024, 7-11 of 2026) is found in the minutes of
    # the same meeting, under the same item number.
    notices = [r for r in resolutions if r["document_kind"] == "decision_notice"]
    assert len(notices) == 11
    for notice in notices:
        twins = [t for t in notice["also_recorded_in"] if t["document_kind"] == "minutes"]
        assert twins, (notice["meeting_date"], notice["item_number"])
        minutes_ids = {r["id"]: r for r in resolutions}
        assert all(minutes_ids[t["resolution_id"]]["item_number"] == notice["item_number"] for t in twins)
