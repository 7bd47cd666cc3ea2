"""Decision forms learnt from councils the first forms were not written from: a verdict after
the thing it decides, a run-in heading's decision, a reference after "Resolved", coordinated
and agent passives, the members after a comma or an opening clause, a planning
recommendation, a deferral in the words of a note, and a bare fate that closes the decision
before it. Every sentence is written for these tests in the shape the papers use; each
negative uses the same words where the meeting decides nothing."""

from __future__ import annotations

import pytest

from ingest.analyses.decisions import classify_outcome, find_decision_blocks, read_votes
from tests.ingest.analyses.decided import BODY, decided


@pytest.mark.parametrize(
    ("text", "form", "outcome"),
    [
        # A verdict after what it decides, at the end of its line or limb.
        ("c. Letter from the rugby club about the fun run, noted", "verdict", "noted"),
        ("b. Request to fly the county flag on 1 March, noted c. Invitation to the show", "verdict", "noted"),
        ("Hedge trimming invoice £120 (Ch. No. 100234), – all approved.", "verdict", "approved"),
        ("Correspondence from the primary school about parking – noted.", "verdict", "noted"),
        ("Renewal of the grass cutting contract with Vale Mowers, not approved.", "verdict", "rejected"),
        ("Annual subscription to the county association £85, agreed for payment.", "verdict", "approved"),
        # A run-in heading and the decision on the same line; a resolution's own reference.
        (
            "4. Confirmation of the minutes of the March meeting: Approved & signed as correct.",
            "headline",
            "approved",
        ),
        ("Grant to the youth club: £250 towards the trip: Agreed that this be paid.", "headline", "approved"),
        ("Resolved 21/04/7.02 That the quotation from Oak Fencing be accepted.", "headline", "approved"),
        # Passives: coordinated with a first participle, "This" for the proposal just made,
        # minutes moved as correct, the meeting as agent anywhere in the sentence.
        (
            "The quarterly accounts were presented by the treasurer and approved.",
            "passive_decided",
            "approved",
        ),
        (
            "Cllr Dee asked whether the path could be resurfaced in May. This was agreed.",
            "passive_decided",
            "approved",
        ),
        ("These were moved as correct by Cllr Dee and Cllr Fox.", "passive_decided", "approved"),
        (
            "As £300 was in the budget the donation to the food bank was agreed by Cllrs.",
            "passive_decided",
            "approved",
        ),
        (
            "The proposed data policy was accepted and adopted by resolution of all Councillors.",
            "passive_decided",
            "approved",
        ),
        ("Three candidates were declared elected to the vacant seats.", "passive_decided", "approved"),
        # The members or the body as subject: abbreviated, all of them, after a comma, after an
        # opening clause whose comma was left out.
        ("Cllrs agreed to replace the broken bench on the green.", "meeting_subject", "approved"),
        ("All Cllrs agreed to the Clerk buying a new noticeboard.", "meeting_subject", "approved"),
        (
            "The Clerk asked for the date to move because of leave, the Council agreed to meet on"
            " 12 August instead.",
            "meeting_subject",
            "approved",
        ),
        (
            "As the money had been set aside in the budget Councillors approved the payment.",
            "meeting_subject",
            "approved",
        ),
        (
            "Following this correction all agreed that the minutes were a true record.",
            "meeting_subject",
            "approved",
        ),
        # A council's recommendation on a planning application, and no objection from it.
        ("Approval recommended.", "planning", "other"),
        ("Query the parking arrangements but otherwise approval recommended.", "planning", "other"),
        ("Cllrs recommended refusal of the application for six houses.", "meeting_subject", "other"),
        (
            "The chair had circulated the application for two holiday lets and there were no"
            " objections from the Council.",
            "planning",
            "other",
        ),
        # A decision put off, in the words of a note.
        ("Decision on this to be made once three quotes are received.", "deferral", "deferred"),
        ("This will be discussed in more detail at a forthcoming meeting.", "deferral", "deferred"),
        ("Re-agenda for discussion in June.", "deferral", "deferred"),
        ("It was agreed to delay the tree survey until the autumn.", "impersonal", "deferred"),
        # Shapes of English parish minutes: a sum set, the body in lower case, the fate the
        # Chair declares, a decision written without its auxiliary.
        ("The precept for 2021/22 was set at £10,000.", "passive_decided", "approved"),
        ("the community council resolved to buy a defibrillator.", "meeting_subject", "approved"),
        ("The Chairman declared the motion carried.", "motion", "approved"),
        ("The application for the new shop front was supported.", "passive_decided", "endorsed"),
        ("Item deferred.", "bare_passive", "deferred"),
        ("Minutes of the March meeting approved and signed.", "bare_passive", "approved"),
        ("Budget for 2021/22 agreed at £9,500.", "bare_passive", "approved"),
        ("Annual report noted.", "bare_passive", "noted"),
        ("Cllr Holt was re-elected as Chairman for the year.", "passive_decided", "approved"),
        ("Approval was given for the purchase of a bench.", "passive_decided", "approved"),
        # A paper formally received is noted; a list of others' decisions noted is noted, even
        # where the decisions listed refused something.
        ("The report was received showing two thefts in the parish in May.", "passive_decided", "noted"),
        (
            "The following decision was noted:\n21/01234/FUL – Barn at Low Farm – refused",
            "passive_decided",
            "noted",
        ),
        # The second passive of a thing already described: its subject is not repeated.
        (
            "The minutes had been circulated before the meeting and were accepted as an accurate record.",
            "passive_decided",
            "approved",
        ),
        # Terse minutes: a bare passive with its condition or purpose, "Agreed" without "that".
        (
            "New format of minutes approved for use for Council and all committee minutes",
            "bare_passive",
            "approved",
        ),
        (
            "Minutes of 30 November approved subject to slight amendment of the budget figures",
            "bare_passive",
            "approved",
        ),
        ("Agreed consideration be given to an item for planning appeals in 2002/03.", "headline", "approved"),
        # The proposal just described confirmed; a heading with its verdict after it; the
        # meeting noting a list of what was done for it.
        ("Cllr Hale proposed that the dates stand. This was confirmed.", "passive_decided", "approved"),
        ("MINUTES OF PREVIOUS AGM - May 2019 Agreed.", "verdict", "approved"),
        ("The Committee noted that the following substitutions had been made:", "meeting_subject", "noted"),
        # A passive with no subject under its heading, and "this" after a comma.
        (
            "Were read out and duly signed off by the Chairman to be a true record.",
            "passive_decided",
            "approved",
        ),
        (
            "The clerk said a reply of thanks had been sent, this was agreed by all.",
            "passive_decided",
            "approved",
        ),
        # A running minute number with no point before the minutes' approval.
        (
            "682 Minutes of Previous Meetings Minutes of the Ordinary Meeting held on 7th February 2019 were "
            "approved and signed by the Chairman as a correct record.",
            "passive_decided",
            "approved",
        ),
        # The members as subject after their item's heading run in.
        (
            "5. Meeting Calendar Members noted the schedule of meetings for the year.",
            "meeting_subject",
            "noted",
        ),
        # A response at the end of the line that names the application.
        ("21/01234/F – 5 High Street, rear extension – No objection", "planning", "other"),
        ("21/01235/F – The Old Forge, new garage – Support.", "planning", "endorsed"),
    ],
)
def test_a_decision_in_a_form_from_an_unseen_council_is_found(text: str, form: str, outcome: str) -> None:
    assert decided(text) == [(form, outcome)]


@pytest.mark.parametrize(
    "text",
    [
        # The same words where nothing is decided: the planning authority's decisions listed,
        # a verdict that does not end its line, an aside.
        "22/00456/F – 4 Mill Lane, new porch, approved.",
        "The budget, as agreed, was sent to the auditor.",
        "Works, once approved, will start in May.",
        "Approved contractors are listed on the website.",
        "Planning decisions notified: Approved by the Borough Council on 2 May.",
        # Another body's decision, told in the same terse words.
        "Planning permission approved with conditions by the Borough Council.",
        # A confirmation by another body, or of a fact.
        "Cllr Jones said the road was in poor repair and this was confirmed by the County Council.",
        "It was confirmed that the grant had been paid.",
        # What arrived is not what the meeting received as its paper.
        "An update was received regarding the village larder.",
        "A letter was received from the school about parking.",
        "Two bids for the grass cutting contract were received, but both were unsuitable.",
        "Noted that Cllr Hart asked the highways officer about the speed limit.",
        # Passives another body or nobody decided, debate, the attendance record.
        "Concerns were raised and noted.",
        "The plans were submitted to the Borough Council and approved.",
        "Apologies: These were accepted for Cllr Moss.",
        "Interests were declared by Cllr Hart in item 6.",
        "The scheme was approved by the Council in 2019.",
        "This was noted.",
        # Named councillors, a subordinate clause, an earlier meeting, a reported aside.
        "Cllrs Ames and Bell visited the site and agreed to report back.",
        "As Members agreed, the hedge will be cut in spring.",
        "Members agreed at the last meeting to buy a bench.",
        "Following discussion with all agreed parties the road will close for a day.",
        "If the grant is awarded, the Council agreed it would match it.",
        # No objection from someone else; an officer's recommendation; another body's meeting;
        # an agenda's wording; a decision made before.
        "There were no objections from neighbours.",
        "The planning officer's approval recommended conditions on the hours of work.",
        "The matter will be considered at the next meeting of the District Planning Committee.",
        "To receive suggested items to be considered at the next meeting",
        "The decision had been made once before.",
        "The works were delayed by the weather.",
        # Another council in lower case; the authority's planning decisions; an earlier
        # approval; no decision at all; comments noted in debate; the meeting time.
        "The county council agreed to fund the crossing.",
        "Planning application 19/0123 approved.",
        "Plans previously approved.",
        "Nothing agreed.",
        "Comments noted.",
        "The meeting was set at 7pm.",
        "The Chairman declared an interest in item 7.",
        "A presentation was given by the Council.",
        "Notice was given of the meeting.",
        "Community Transport – Support",
        "21/01236/F – 2 Mill Lane – Approved.",
        # A progressive, work carried out, a subject that is a clause of its own.
        "A review had been undertaken in 2013, and the council was supporting nine schools.",
        "Assessments were carried out at the end of the year.",
        "The fault was found by residents after the scheme was agreed.",
    ],
)
def test_the_same_words_deciding_nothing_are_not_a_decision(text: str) -> None:
    assert decided(text) == []


def test_a_bare_fate_after_a_proposal_is_that_proposals_fate() -> None:
    [block] = find_decision_blocks(
        "Cllr Gale proposed and Cllr Hume seconded that the council pay for the new gate.\n"
        "All Councillors present were in agreement.\n",
        BODY,
    )
    assert block.text.splitlines() == [
        "Cllr Gale proposed and Cllr Hume seconded that the council pay for the new gate.",
        "All Councillors present were in agreement.",
    ]
    votes = read_votes(block.text)
    assert votes is not None and votes.result == "carried"


def test_a_bare_fate_before_a_decision_still_announces_it() -> None:
    blocks = find_decision_blocks(
        "Cllr Gale proposed a new gate, seconded by Cllr Hume.\nCarried.\n"
        "RESOLVED that a new gate be bought.\n",
        BODY,
    )
    assert [b.text.splitlines()[-1] for b in blocks] == ["RESOLVED that a new gate be bought."]


def test_a_verdict_line_after_a_list_of_payments_is_its_own_decision() -> None:
    text = (
        "Accounts for payment:\n"
        "Clerk's salary - £410.00 (Ch. No. 300185)\n"
        "Website domain fee – £11.99 paid by direct debit\n"
        "All approved for payment.\n"
    )
    [block] = find_decision_blocks(text, BODY)
    assert block.text == "All approved for payment."


def test_a_numbered_resolution_takes_the_one_paragraph_it_numbers() -> None:
    [block] = find_decision_blocks(
        "Resolved 21/03/11.01\n21/00243/F – No objections\n1. Play area repairs\nNo update on this item.\n",
        BODY,
    )
    assert block.text == "Resolved 21/03/11.01 21/00243/F – No objections"
    assert classify_outcome(block.text, block.trigger_end, block.default) == "other"


@pytest.mark.parametrize(
    "sentence",
    [
        # An opening phrase with no comma before the meeting as subject.
        "After discussion the council agreed to complete the survey form and return it.",
        # The deciding word of a passive set in capitals.
        "The minutes of the meeting held on 9 February 2025 were ACCEPTED as a true record.",
    ],
)
def test_more_ways_of_recording_a_decision(sentence: str) -> None:
    assert [block.text for block in find_decision_blocks(sentence, "Hillford Parish Council")] == [sentence]
