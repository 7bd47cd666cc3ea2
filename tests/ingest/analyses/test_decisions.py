"""Decisions as each council words them: the whole decision with all its limbs, its outcome
and its votes. Texts are item text as ingest produces it (one paragraph per line)."""

from __future__ import annotations

import pytest

from ingest.analyses.decisions import classify_outcome, extract_resolutions, find_decision_blocks, read_votes
from tests.ingest.documents import minutes


def test_norfolk_resolved_takes_every_limb_of_its_list_across_a_page_break() -> None:
    text = (
        "9.1 The annexed report (item 9) was received.\n"
        "9.2 The Committee RESOLVED that:-\n"
        "The Government should be lobbied to fund the shortfall.\n\n"
        "An updated report should be brought to the Committee within six months.\n"
        "9.3 Members thanked the officers for the report.\n"
    )
    [block] = find_decision_blocks(text)
    assert block.text.splitlines() == [
        "The Committee RESOLVED that:-",
        "The Government should be lobbied to fund the shortfall.",
        "An updated report should be brought to the Committee within six months.",
    ]


def test_kent_resolved_that_is_one_decision_with_its_outcome() -> None:
    [block] = find_decision_blocks(
        "RESOLVED that the report be noted and the Cabinet Member's decision be endorsed.\n"
    )
    assert block.text.startswith("RESOLVED that the report be noted")
    # Noting is the outcome only when nothing else is decided (the labels' rule, issue 12):
    # this decision also endorses the Cabinet Member's decision.
    assert classify_outcome(block.text, block.trigger_end) == "endorsed"
    assert classify_outcome("RESOLVED that the report be noted.", 8) == "noted"


def test_bristol_it_was_agreed_is_a_decision_and_agreed_unanimously_its_fate() -> None:
    blocks = find_decision_blocks(
        "Members discussed the scheme at length.\n"
        "It was AGREED that the Committee approve the Liveable Neighbourhood trial.\n"
        "Agreed unanimously\n"
    )
    assert [b.trigger for b in blocks] == ["shouted"]
    assert blocks[0].text == (
        "It was AGREED that the Committee approve the Liveable Neighbourhood trial.\nAgreed unanimously"
    )


def test_lower_case_resolved_in_prose_is_not_a_decision() -> None:
    assert find_decision_blocks("Members were told that all the complaints were resolved.\n") == []


def test_two_agreements_in_one_discussion_bullet_are_two_decisions() -> None:
    blocks = find_decision_blocks(
        "- It was confirmed that some schools were federated, and agreed that the number would be"
        " reported in the minutes. It was agreed that an update report would be presented in four months.\n"
    )
    assert [b.text for b in blocks] == [
        "It was confirmed that some schools were federated, and agreed that the number would be"
        " reported in the minutes.",
        "It was agreed that an update report would be presented in four months.",
    ]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("The Panel RESOLVED to note the report and support the general direction.", "endorsed"),
        ("The Panel RESOLVED to note the report.", "noted"),
        ("The Panel RESOLVED to recommend to Cabinet the new direction of policy.", "recommended"),
        ("The Panel RESOLVED to endorse the recommendations contained within the report.", "endorsed"),
        ("The Committee RESOLVED to approve the general direction of travel.", "approved"),
        ("RESOLVED that consideration of the item be deferred to the next meeting.", "deferred"),
        ("RESOLVED that the proposed closure of the centre be not approved.", "rejected"),
        ("RESOLVED to delay the review of standing orders until the new year.", "deferred"),
        # "delay" as a noun or not delaying defers nothing.
        ("RESOLVED to approve the scheme so as not to delay the works until the spring.", "approved"),
        ("RESOLVED to approve the works, which may cause delays until March.", "approved"),
        # Recommending the planning authority approve or refuse is an observation.
        ("RESOLVED that refusal be recommended to the planning authority.", "other"),
    ],
)
def test_outcome_is_read_from_the_decision(text: str, outcome: str) -> None:
    [block] = find_decision_blocks(text + "\n")
    assert classify_outcome(block.text, block.trigger_end) == outcome


@pytest.mark.parametrize(
    ("text", "votes"),
    [
        ("On being put to the vote, there were 7 votes for, 2 against and 1 abstention.", (7, 2, 1)),
        ("The recommendation was carried (5 For, 3 Against).", (5, 3, None)),
        ("RESOLVED to note the report.", (None, None, None)),
    ],
)
def test_recorded_votes_are_counted(text: str, votes: tuple[int | None, ...]) -> None:
    found = read_votes(text)
    assert (found.counts if found else (None, None, None)) == votes


def test_resolutions_keep_their_item_and_ids_are_stable_across_reingest() -> None:
    doc = minutes(("7", "7.1 The report was presented by the Clerk.\n7.2 RESOLVED to note the report.\n"))
    first, again = extract_resolutions(doc), extract_resolutions(doc)
    expected = [("i7", "RESOLVED to note the report.", "noted")]
    assert [(r.item_id, r.text, r.outcome) for r in first] == expected
    assert [r.id for r in first] == [r.id for r in again]


def test_reports_and_agendas_record_no_resolutions() -> None:
    doc = minutes(("7", "RESOLVED to note the report.\n"), kind="report")
    assert extract_resolutions(doc) == []


def test_bristol_carried_vote_announces_the_numbered_decision_that_follows() -> None:
    [block] = find_decision_blocks(
        "The report recommendations were moved by Councillor Plowden.\n"
        "On being put to the vote the recommendations were CARRIED (unanimously).\n"
        "That the Committee for Transport and Connectivity:\n"
        "1. Noted the proposed indicative funding allocations\n"
        "2. Authorised the Executive Director to accept and spend the funds.\n"
    )
    assert (
        block.text.splitlines()[0]
        == "On being put to the vote the recommendations were CARRIED (unanimously)."
    )
    assert (
        block.text.splitlines()[-1] == "2. Authorised the Executive Director to accept and spend the funds."
    )
    assert classify_outcome(block.text, block.trigger_end) == "approved"


def test_bristol_decision_after_following_the_discussion_or_closing_an_item_is_found() -> None:
    announced = find_decision_blocks(
        "Members emphasised the importance of timely intervention.\n"
        "Following the discussion;\n"
        "The Committee for Transport and Connectivity noted this update report.\n"
    )
    closing = find_decision_blocks(
        "Officers were working to improve the related forecasts.\n"
        "The Transport and Connectivity Committee noted the report.\n"
    )
    assert [b.text for b in announced] == [
        "The Committee for Transport and Connectivity noted this update report."
    ]
    assert [b.text for b in closing] == ["The Transport and Connectivity Committee noted the report."]
    assert classify_outcome(closing[0].text, closing[0].trigger_end) == "noted"


def test_the_committee_noting_a_point_in_discussion_is_not_a_decision() -> None:
    assert (
        find_decision_blocks("The Committee noted that the bus lane had been delayed by utility works.\n")
        == []
    )


def test_a_decision_with_one_limb_not_approved_is_still_approved_as_a_whole() -> None:
    text = (
        "It was APPROVED:\n"
        "8. Delegates authority to the Executive Director to implement the approved proposals.\n"
        "* Recommendations 4c and 5 were not approved.\n"
    )
    [block] = find_decision_blocks(text)
    assert classify_outcome(block.text, block.trigger_end) == "approved"
    assert classify_outcome("RESOLVED that the proposal be not approved.", 8) == "rejected"
