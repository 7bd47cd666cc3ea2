"""Votes in every common layout: counts for / against / abstentions and the result."""

from __future__ import annotations

import pytest

from ingest.analyses.decisions import extract_resolutions
from ingest.analyses.votes import Votes, read_votes
from tests.ingest.documents import minutes


@pytest.mark.parametrize(
    ("text", "votes"),
    [
        # Labels before the numbers; a count in brackets is the whole number, never its first digit.
        ("Put to the vote: For (41) Against (3) Abstentions (2).", Votes(41, 3, 2, "carried")),
        ("For: 6, Against: 2, Abstain: 1", Votes(6, 2, 1, "carried")),
        ("For 3 Against 8 Abstentions 0", Votes(3, 8, 0, "lost")),
        # Numbers before the labels, with the words minutes put between them.
        ("LOST (4 in favour, 5 against)", Votes(4, 5, None, "lost")),
        ("CARRIED (6 members voting in favour, none against with 3 abstentions)", Votes(6, 0, 3, "carried")),
        ("CARRIED with 7 members voting FOR, 1 AGAINST and no ABSTAINING.", Votes(7, 1, 0, "carried")),
        ("Recommendation 3 was not approved (2 For, 7 Against with 0 Abstention.)", Votes(2, 7, 0, "lost")),
        ("The motion fell (4 votes to 5).", Votes(4, 5, None, "lost")),
        # The fate alone.
        ("CARRIED", Votes(None, None, None, "carried")),
        ("The amendment was carried unanimously.", Votes(None, None, None, "carried")),
        (
            "Proposed by Cllr A, seconded by Cllr B, and agreed by all present.",
            Votes(None, None, None, "carried"),
        ),
        (
            "Cynigiwyd gan y Cyng. A, eiliwyd gan y Cyng. B ac roedd pawb yn gytûn.",
            Votes(None, None, None, "carried"),
        ),
        # A count in favour alone is a vote; votes for and none printed against is carried.
        (
            "(Cllr A proposed, Cllr B seconded, nine were in favour, and Cllr C abstained)",
            Votes(9, None, None, "carried"),
        ),
        ("(five were in favour and three abstained as they had been absent)", Votes(5, None, 3, "carried")),
        # The members together as the fate.
        ("All Councillors present were in agreement.", Votes(None, None, None, "carried")),
        ("All agreed.", Votes(None, None, None, "carried")),
        ("The accounts were approved by all Councillors present.", Votes(None, None, None, "carried")),
        # Counts joined by "to" or a dash after a word of voting.
        ("Councillors voted 5 to 2 in favour of the new lights.", Votes(5, 2, None, "carried")),
        ("The motion was carried 6-1.", Votes(6, 1, None, "carried")),
        ("Cllr Ash proposed the grant, seconded by Cllr Birch, carried.", Votes(None, None, None, "carried")),
    ],
)
def test_a_recorded_vote_is_read_in_any_layout(text: str, votes: Votes) -> None:
    assert read_votes(text) == votes


@pytest.mark.parametrize(
    "text",
    [
        "RESOLVED to note the report.",
        "The grant covers maintenance for 3 years.",
        "The Clerk carried out the inspection in March.",
        "The item was passed on to the Clerk.",
        "Three trees would be lost within the scheme.",
        # The members as the subject of what they decide record no vote; nor does a count
        # that is not of votes, or not all agreeing.
        "All Cllrs agreed to order a new board for the hall.",
        "All agreed for payment.",
        "Not all agreed with the plan.",
        "The grant for 3 years was in favour of the school.",
        "The bus carried 5-6 passengers.",
        "Most of the cost was carried by the county.",
        # Two different votes in one decision: no single vote.
        "The amendment was LOST (2 for, 7 against).\nThe motion was CARRIED (8 for, 1 against).",
    ],
)
def test_no_vote_is_read_where_none_single_is_recorded(text: str) -> None:
    assert read_votes(text) is None


def test_counts_printed_before_a_bare_fate_belong_to_that_decision() -> None:
    doc = minutes(("5", "The motion was put to the vote: For (12) Against (3) Abstentions (1). CARRIED.\n"))
    [resolution] = extract_resolutions(doc)
    assert (
        resolution.votes_for,
        resolution.votes_against,
        resolution.abstentions,
        resolution.vote_result,
    ) == (
        12,
        3,
        1,
        "carried",
    )


def test_an_amendment_lost_does_not_announce_the_decision_after_it() -> None:
    doc = minutes(
        (
            "7",
            "On being put to the vote the amendment FELL with 2 voting FOR and 7 AGAINST.\n"
            "On being put to the vote the recommendations were CARRIED with 6 voting FOR and 3 AGAINST.\n"
            "It was APPROVED that the scheme proceed.\n",
        )
    )
    results = [(r.outcome, r.votes_for, r.votes_against, r.vote_result) for r in extract_resolutions(doc)]
    assert results == [("rejected", 2, 7, "lost"), ("approved", 6, 3, "carried")]
