"""Decisions worded as minutes of councils this project has not read word them: a verb of
deciding in any case after the meeting as subject, a decision named by its noun, a motion's
bare fate, a refusal with "did not", a tally printed one count to a line. Each sentence is
written for these tests in the shape parish and community council minutes use; each negative
uses the same words where the meeting decides nothing (a report of another body's decision, a
vote someone reports, a seat on another council)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.analyses.decisions import classify_outcome, find_decision_blocks, read_votes

BODY = "Ashwell Parish Council"


def decided(text: str, body: str | None = BODY) -> list[str]:
    """The outcome of each decision found in an item's text."""
    return [
        classify_outcome(b.text, b.trigger_end, b.default) for b in find_decision_blocks(text + "\n", body)
    ]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # The deciding verb in capitals or capitalised for emphasis, after any subject.
        ("The Council NOTED the report of the tree warden.", "noted"),
        ("Councillors APPROVED the purchase of a second bench.", "approved"),
        ("The Council Resolved to accept the quote from Oak Fencing.", "approved"),
        ("It was Resolved that the grant of £200 be paid.", "approved"),
        ("Members received and noted the correspondence.", "noted"),
        # The council by its initials; the members in the first person; the majority.
        ("The PC agreed to fund the hanging baskets for another year.", "approved"),
        ("We agreed to send a letter to the school about parking.", "approved"),
        ("A majority voted in favour of closing the toilets over winter.", "approved"),
        # Refusals, deferrals and elections by the members.
        ("The Council did not approve the request for a grant.", "rejected"),
        ("The members refused the request to use the field.", "rejected"),
        ("The Council declined the invitation to join the scheme.", "rejected"),
        ("Members deferred a decision until the quotes are in.", "deferred"),
        ("This item will be carried forward to the next meeting.", "deferred"),
        # A decision named by its noun.
        ("A decision was made to postpone the fete until September.", "deferred"),
        ("The decision was taken to close the toilets for the winter.", "approved"),
        ("Agreement was reached to share the cost of the hedge with the school.", "approved"),
        ("Councillors were in agreement that the hedge be cut back in March.", "approved"),
        ("Councillors gave approval for the Clerk to order a new sign.", "approved"),
        # Choosing among quotes.
        ("Three quotes were received and the contract was awarded to Green Ltd.", "approved"),
        ("The council chose the lowest quote, from Green Ltd.", "approved"),
        # Passives with a list of participles, after a semicolon, with pronoun subjects.
        ("Minutes of the last meeting were read, approved and signed.", "approved"),
        ("Three quotes were received; Green Ltd's quote was accepted.", "approved"),
        ("They were approved and signed by the Chairman.", "approved"),
        ("A precept of £12,000 was set for 2024/25.", "approved"),
        # The chair signing the minutes; a verdict after a dash, a bracket or a colon.
        ("The Chairman signed the minutes as a true record.", "approved"),
        ("£100 to be donated to the Air Ambulance - agreed.", "approved"),
        ("£100 to be donated to the Air Ambulance (agreed).", "approved"),
        ("Minutes of the April meeting: approved.", "approved"),
        # A motion's fate without an auxiliary, and after "seconded ... and".
        ("Motion carried.", "approved"),
        ("Amendment LOST.", "rejected"),
        # Labels that name the decision: a reference, the body's own decision.
        ("RESOLUTION 23/45: to accept the quote from Oak Fencing.", "approved"),
        ("Council Decision: To approve the draft budget.", "approved"),
        # A council's response to a planning application under a label.
        ("Comments: No objections", "other"),
        ("Recommendation: Approve", "other"),
        ("The application was considered; Councillors had no objections.", "other"),
        ("Extension to dwelling at Ivy Farm, Church Road 09/01677/F No comment made", "other"),
        ("Both applications to be recommended for approval.", "other"),
        # An election by nomination; a relative clause's passive; a meeting named by its month.
        (
            "Ann Lee was nominated and seconded as Chairman and with no further nominations duly"
            " accepted the role.",
            "approved",
        ),
        (
            "Councillors were presented with a copy of the Annual Governance Statement which was"
            " considered and approved.",
            "approved",
        ),
        ("A draft budget will be presented at the December meeting when the precept is decided.", "deferred"),
        # A heading in capitals, however long, ends before the minute under it.
        (
            "TO RECEIVE AND NOTE THE MINUTES OF THE ALLOTMENTS COMMITTEE HELD ON 20 SEPTEMBER 2023 AT"
            " THE VILLAGE HALL\nMembers received and noted the minutes.",
            "noted",
        ),
        # The verdict column flattened onto its heading's line.
        ("2. Record of members present Noted.", "noted"),
        ("7. Request for a bench on the green Agreed.", "approved"),
    ],
)
def test_a_decision_in_general_wording_is_found(text: str, outcome: str) -> None:
    assert decided(text)[:1] == [outcome]


@pytest.mark.parametrize(
    "text",
    [
        "The Chair reported that 5 councillors were in favour of the idea at the workshop.",
        "Mr Smith was elected to the District Council in May.",
        "Members were in agreement with the concerns raised by residents.",
        "PC Jones reported three thefts from sheds.",
        "The Chairman signed the visitors' book.",
        "The Clerk reported that the County Council had agreed to resurface the road.",
        "It was reported that the grant had been approved.",
        "A decision was made by Highways in 2023.",
        "Council Approved Contractors List",
        "This matter has arisen previously and it was decided the box should be adopted.",
        "Ann Lee was nominated for the county's volunteer award.",
        "8. Correspondence to be Noted",
        "9. Items for the next agenda",
    ],
)
def test_the_same_words_where_the_meeting_decides_nothing(text: str) -> None:
    assert decided(text) == []


@pytest.mark.parametrize(
    ("text", "votes"),
    [
        ("By a vote of 6 to 2 the Council approved the scheme.", (6, 2, None, "carried")),
        ("The proposal was rejected by 5 votes to 3.", (3, 5, None, "lost")),
        (
            "Cllr Xu proposed that the grant be paid; this was seconded by Cllr Yi and carried 5 votes to 2.",
            (5, 2, None, "carried"),
        ),
        ("Votes for: 6\nVotes against: 1\nAbstentions: 0", (6, 1, 0, "carried")),
        ("For: 5\nAgainst: 2\nAbstain: 1\nCarried.", (5, 2, 1, "carried")),
        ("In favour 3\nAgainst 5", (3, 5, None, "lost")),
        ("The motion was carried 5:2.", (5, 2, None, "carried")),
        ("Carried by 5 votes to 2 with 1 abstention.", (5, 2, 1, "carried")),
    ],
)
def test_votes_in_their_printed_forms(text: str, votes: tuple[object, ...]) -> None:
    found = read_votes(text)
    assert found is not None
    assert (*found.counts, found.result) == votes


def test_a_response_alone_on_its_line_answers_the_application_above_it() -> None:
    text = "Proposal: Erection of two sheds\nLocation: Manor Farm, Church Road 11/00141/FM\nSupport\n"
    (block,) = find_decision_blocks(text, BODY)
    assert block.text.endswith("11/00141/FM Support") or block.text == "Support"
    assert classify_outcome(block.text, block.trigger_end, block.default) == "endorsed"
    assert find_decision_blocks("Funding for the youth club\nSupport\n", BODY) == []


def test_a_tally_one_count_to_a_line_is_the_fate_of_the_proposal_before_it() -> None:
    text = (
        "Cllr Ames proposed that the quote from Oak Fencing be accepted, seconded by Cllr Bell.\n"
        "Votes for: 6\nVotes against: 1\nAbstentions: 0\n"
    )
    (block,) = find_decision_blocks(text, BODY)
    assert block.text.startswith("Cllr Ames proposed")
    assert block.text.endswith("Abstentions: 0")
    found = read_votes(block.text)
    assert found is not None and (*found.counts, found.result) == (6, 1, 0, "carried")


MINUTES = """# Ashwell Parish Council

Minutes of the meeting of Ashwell Parish Council held on Tuesday 4 March 2025 at 7.30pm in the Village Hall

**Present:** Cllr A Ames (Chair), Cllr B Bell, Cllr C Dee, Cllr D Fox

1\\. **Apologies for absence**

Apologies were received from Cllr Hart.

2\\. **Minutes of the last meeting**

Minutes of the meeting held on 4 February 2025 were read, approved and signed.

3\\. **Grass cutting contract**

Three quotes were received. The PC agreed to award the contract to Green Ltd for £1,450.

4\\. **Play area**

Cllr Dee proposed that new swings be bought, seconded by Cllr Fox.

For: 3

Against: 1

Abstain: 0

5\\. **Village hall lease**

A decision was made to defer the lease until the surveyor has reported.

6\\. **Speed watch**

The proposal to buy a speed sign was LOST (1 in favour, 3 against).
"""


def test_minutes_in_general_wording_give_their_decisions_and_votes_in_resolutions_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ui.cli import main

    paper = tmp_path / "ashwell-2025-03-04-minutes.md"
    paper.write_text(MINUTES, encoding="utf-8")
    home = tmp_path / "home"
    assert main(["--home", str(home), "ingest", str(paper), "--workers", "1"]) == 0
    capsys.readouterr()
    assert main(["--home", str(home), "resolutions", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    by_item: dict[str, list[dict[str, object]]] = {}
    for row in rows:
        by_item.setdefault(str(row["item_number"]), []).append(row)
    assert sorted(by_item) == ["2", "3", "4", "5", "6"]  # apologies decide nothing
    assert by_item["2"][0]["outcome"] == "approved"
    assert by_item["3"][0]["outcome"] == "approved"
    assert by_item["4"][0]["votes"] == {"for": 3, "against": 1, "abstentions": 0, "result": "carried"}
    assert by_item["5"][0]["outcome"] == "deferred"
    assert by_item["6"][0]["outcome"] == "rejected"
    assert by_item["6"][0]["votes"] == {"for": 1, "against": 3, "abstentions": None, "result": "lost"}
