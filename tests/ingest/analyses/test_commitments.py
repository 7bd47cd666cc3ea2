"""Commitments: someone who can act with a verb in the future or under obligation, a
deliverable promised in the future passive, a request, and a decision's own instruction."""

from __future__ import annotations

import pytest

from ingest.analyses.commitments import commitment_in


@pytest.mark.parametrize(
    ("sentence", "in_decision", "shape", "owner"),
    [
        (
            "The Clerk will write to the highways department about the potholes.",
            False,
            "agent_future",
            "The Clerk",
        ),
        (
            "Officers undertook to circulate the revised figures to Members.",
            False,
            "agent_future",
            "Officers",
        ),
        (
            "The Treasurer was asked to obtain three quotes for the fence.",
            False,
            "agent_future",
            "The Treasurer",
        ),
        (
            "Cllr. P. Owen would follow up the drainage issue with the county.",
            False,
            "agent_future",
            "Cllr. P. Owen",
        ),
        ("Clerk to contact the bus company about the timetable.", False, "agent_future", "Clerk"),
        ("A briefing note would be sent to all Members before the next meeting.", False, "delivered", None),
        ("The draft plan would be considered in November 2025.", False, "delivered", None),
        ("Councillors requested a site visit to the play area.", False, "request", None),
        ("Members asked that the matter be brought back in the spring.", False, "request", None),
        ("It was suggested that officers review the signage.", False, "request", None),
        ("A meeting with the landowner has been arranged for 4 March.", False, "scheduled", None),
        ("The quarterly accounts to be circulated with the agenda.", False, "decided", None),
        ("That the Clerk should write to the water company.", True, "agent_future", "the Clerk"),
        ("that the approved plan be published on the website", True, "decided", None),
        ("RESOLVED: to send a letter of thanks to the volunteers.", True, "decided", None),
        ("It was agreed that this would be clarified at the next meeting.", True, "delivered", None),
        # Telegraphic action notes: an officer and a bare verb of doing, or "asked to".
        ("Clerk chase the contractor for a date to start the works.", False, "agent_future", "Clerk"),
        ("Clerk email the highways officer about the blocked drain.", False, "agent_future", "Clerk"),
        ("Clerk asked to book the hall for the December meeting.", False, "agent_future", "Clerk"),
        (
            "Clerk & County Cllr Owen to ask the county to empty the bin.",
            False,
            "agent_future",
            "County Cllr Owen",
        ),
        ("The Chairman asked the Clerk to find out who owns the verge.", False, "agent_future", "Clerk"),
        # Councillors named together; a request in capitals; a pronoun for the one just named.
        (
            "Cllrs Price & Lloyd were asked to inspect the play area.",
            False,
            "agent_future",
            "Cllrs Price & Lloyd",
        ),
        ("Councillors were ASKED to write to their MP about the bus service.", False, "agent_future", None),
        ("Cllr Rees said the light was out but she would report it.", False, "agent_future", "Cllr Rees"),
        # A future passive with the person or firm who will do it.
        ("The broken bench will be repaired by GTS.", False, "delivered", None),
    ],
)
def test_a_commitment_is_found_with_its_shape_and_owner(
    sentence: str, in_decision: bool, shape: str, owner: str | None
) -> None:
    found = commitment_in(sentence, in_decision)
    assert found is not None and (found.shape, found.owner) == (shape, owner)


@pytest.mark.parametrize(
    ("sentence", "in_decision"),
    [
        ("The scheme will deliver major improvements to the town centre.", False),
        ("The strategy would cover pavements and roads.", False),
        ("Members asked questions about the budget.", False),
        ("The Council accepted that the road was dangerous.", False),
        ("Solutions continued to be sought by the county.", False),
        ("The report explained how officers would assess the bids.", False),
        ("The report, which asked that the fees be confirmed, was received.", False),
        ("That the report be received and noted.", True),
        ("RESOLVED: to support the application.", True),
        ("that Councillor Ann Jones should remain as a trustee", True),
        ("Authorised the Director, in consultation with the Chair, to take all steps required.", True),
        ("That £5,000 of which £2,000 will be allocated to the hall be approved.", True),
        # The same words where no one is committed: a noun phrase, a report, a past deed,
        # what he would like, another body's programme.
        ("Clerk report attached.", False),
        ("Clerk contact details are on the website.", False),
        ("Clerk reported that the bins had been emptied.", False),
        ("The Clerk asked that members send their comments.", False),
        ("She would like to thank the volunteers.", False),
        ("He said the bus would be late.", False),
        ("The funding bid will be submitted by the Combined Authority shortly.", False),
    ],
)
def test_descriptions_state_verbs_and_delegations_commit_no_one(sentence: str, in_decision: bool) -> None:
    assert commitment_in(sentence, in_decision) is None
