"""Decision forms: a verb of deciding in any case and voice with the meeting as its subject,
a decided thing in the passive, a motion's fate, a proposal and its seconder, headlines and
margin cells. Sentences are written for the tests in the shapes papers use; the negatives
use the same words where the meeting decides nothing."""

from __future__ import annotations

import pytest

from ingest.analyses.decision_forms import FORMS, Setting, find_form
from ingest.analyses.decisions import find_decision_blocks
from tests.ingest.analyses.decided import decided


@pytest.mark.parametrize(
    ("text", "form", "outcome"),
    [
        # Active voice, the meeting or its members as subject, any case.
        ("The Councillors resolved to accept the quotation from Vale Mowers.", "meeting_subject", "approved"),
        (
            "Committee resolved to approve the revised charges for the pavilion.",
            "meeting_subject",
            "approved",
        ),
        ("The Community Council agreed to support the village show.", "meeting_subject", "endorsed"),
        ("Members noted the schedule of future meetings.", "meeting_subject", "noted"),
        ("That the Council notes the annual report.", "meeting_subject", "noted"),
        ("After a short debate, members agreed that the hall be repainted.", "meeting_subject", "approved"),
        # Impersonal passive.
        ("Following discussion it was resolved to apply for a lottery grant.", "impersonal", "approved"),
        ("It was unanimously agreed that the clock be repaired.", "impersonal", "approved"),
        ("It was RESOLVED that the budget be set at £12,000.", "shouted", "approved"),
        # A decided thing in the passive.
        (
            "The minutes of the meeting held on 3 May, having been circulated, were confirmed as correct.",
            "passive_decided",
            "approved",
        ),
        ("Cheques for the grass cutting invoices were signed.", "passive_decided", "approved"),
        ("An online payment of £40 to the auditor was authorised.", "passive_decided", "approved"),
        (
            "Requests were considered and, in line with the policy, the following grants were agreed:",
            "passive_decided",
            "approved",
        ),
        # A motion's fate.
        (
            "Cllr. B. Morgan proposed, and Cllr. C. Price seconded, that Cllr. D. Hughes be elected Chair, "
            "and this resolution was passed unanimously.",
            "proposed_seconded",
            "approved",
        ),
        (
            "Proposed by Cllr. E. Lloyd, seconded by Cllr. F. Rees and unanimously agreed to hire the hall.",
            "proposed_seconded",
            "approved",
        ),
        ("On being put to the vote the motion was LOST (3 in favour, 6 against).", "motion", "rejected"),
        ("The amendment fell (2 votes to 7).", "motion", "rejected"),
        # Headlines and margins.
        ("RESOLVED: That the grit bins be refilled before December.", "shouted", "approved"),
        ("Resolved – that the matter be deferred to the next meeting.", "headline", "deferred"),
        ("Agreed: the Clerk to order two benches for the green.", "headline", "other"),
        ("Letter from the police about speeding on the main road | Noted", "margin", "noted"),
        # The meeting together, instructing its officer, responding to a planning application,
        # recording a vote.
        ("All agreed.", "meeting_subject", "approved"),
        ("The Clerk was instructed to write to the school about parking.", "instruction", "other"),
        ("The Council had no objection to the application.", "planning", "other"),
        ("No objections.", "planning", "other"),
        ("Members supported the application.", "planning", "endorsed"),
        ("A vote was taken: 5 for, 2 against.", "recorded_vote", "approved"),
        # Welsh minutes: the impersonal past of a deciding verb.
        ("Cytunwyd y dylid gwneud y sylw canlynol:", "welsh", "approved"),
        ("Llythyr gan yr heddlu | Nodwyd", "margin", "noted"),
    ],
)
def test_a_decision_in_any_form_is_found_with_its_outcome(text: str, form: str, outcome: str) -> None:
    assert decided(text) == [(form, outcome)]


@pytest.mark.parametrize(
    "text",
    [
        # Another body's decision, reported.
        "The Clerk reported that the County Council had agreed to repair the lights.",
        "Officers confirmed that the scheme was approved by the Cabinet in March.",
        "The Cabinet approved the budget in February.",
        "The Task and Finish Group agreed to meet monthly.",
        # An officer's undertaking, not the meeting's decision.
        "The Chair agreed to write to the bus operator.",
        # Noting a point of debate, prose, an ask, a future.
        "Members noted that the bus was late again.",
        "The following comments were noted:",
        "All the complaints were resolved within the month.",
        "The Council is asked to note the report.",
        "The scheme would be approved later in the year.",
        "Nodwyd bod lefel yr archebiant yn isel.",
        # Apologies received are not a decision; neither is a proposal alone.
        "Derbyniwyd ymddiheuriadau gan y Cyng. A. Jones.",
        "Lost property was handed to the Clerk.",
        "The Clerk was asked about the bins by a resident.",
        "Councillor Hale supported the application in a personal capacity.",
    ],
)
def test_what_the_meeting_did_not_decide_is_not_a_decision(text: str) -> None:
    assert decided(text) == []


def test_a_named_body_must_be_the_papers_own() -> None:
    text = "The Transport and Connectivity Committee noted the report."
    assert decided(text, "Transport and Connectivity Policy Committee") == [("meeting_subject", "noted")]
    assert decided(text, "Economy and Skills Policy Committee") == []
    assert decided(text, None) == [("meeting_subject", "noted")]


def test_a_proposal_whose_fate_follows_is_one_decision_with_that_fate() -> None:
    blocks = find_decision_blocks(
        "The recommendation was moved by Cllr Ames and seconded by Cllr Bell.\n"
        "On being put to the vote the recommendation was CARRIED (7 for, 2 against).\n"
        "It was APPROVED that the parking charges be increased.\n"
    )
    assert [b.trigger for b in blocks] == ["shouted"]
    assert blocks[0].text.splitlines() == [
        "On being put to the vote the recommendation was CARRIED (7 for, 2 against).",
        "It was APPROVED that the parking charges be increased.",
    ]


def test_a_list_the_decision_opens_ends_at_the_prose_after_its_table() -> None:
    blocks = find_decision_blocks(
        "Statements were received and noted as follows:\n"
        "01 Ann Bell | Road safety\n"
        "02 Carl Dunn | Parking\n"
        "Statements 1 and 2 were spoken to by those who submitted them.\n"
    )
    assert blocks[0].text.splitlines()[-1] == "02 Carl Dunn | Parking"


def test_every_form_is_registered_once_under_its_own_name() -> None:
    names = [form.name for form in FORMS]
    assert len(names) == len(set(names))
    assert find_form("Noted.", Setting()) is not None


def test_a_deciding_word_alone_on_its_line_heads_the_paragraph_after_it() -> None:
    [block] = find_decision_blocks("RESOLVED\nThat the precept be set at £9,000.\n")
    assert block.text.splitlines() == ["RESOLVED", "That the precept be set at £9,000."]
