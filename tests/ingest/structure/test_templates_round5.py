"""Structure on templates first met in the fifth and sixth rounds' held-out papers: a weekday
that contradicts its date, meetings and reports told of in the past tense, an item's web page,
numbers glued to their headings or set inside flattened paragraphs, a number alone above its
first lettered part, postal addresses under a planning item, a minute book's page number,
minute numbers in brackets, after a committee's capitals or around the body's capitals,
officers' titles and offices that are no body, and the decisions of a passive with its subject
after it, a tally's last clause, a heading set off by a dash and ORDERED. Each paper is written
here in the shape councils print, not copied from one; each test names the role the structure
stage must read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from minutebook.models import Document
from tests.ingest.analyses.decided import decided
from tests.ingest.structure.papers import paper


def numbers(doc: Document) -> list[str]:
    return [item.number for item in doc.items if item.number]


# ------------------------------------------------------------------------------ dates


def test_a_wrong_weekday_alone_leaves_the_date_as_printed(tmp_path: Path) -> None:
    """20 April 2017 was a Thursday. Nothing else in the paper says which of the weekday and
    the month slipped, so the date stays as printed (it was read as 20 January, the nearest
    month whose 20th is a Friday), with a note saying the weekday disagrees."""
    text = (
        "MINUTES OF THE ANNUAL PARISH MEETING FRIDAY 20th APRIL 2017\n"
        "Present: A Brown, C Dean and 14 parishioners.\n"
        "1. Welcome\nThe Chairman welcomed everyone.\n2. Minutes\nApproved and signed.\n"
    )
    doc = paper(tmp_path, text)
    assert doc.meeting_date == "2017-04-20"


def test_a_wrong_weekday_moves_the_month_when_the_paper_names_that_day(tmp_path: Path) -> None:
    """Friday 5 March 2026 is a Thursday; the questions pack says the meeting is "this coming
    Friday on the 5th June": the month is the slip."""
    text = (
        "Joint Committee, Friday 05 March 2026\nPublic questions and responses\n"
        "Question 1 from Ms A Green\nWill the committee discuss the bus tender, which you are "
        "discussing this coming Friday on the 5th June?\nResponse\nYes.\n"
    )
    assert paper(tmp_path, text).meeting_date == "2026-06-05"


def test_minutes_are_not_dated_by_a_meeting_still_to_be_held(tmp_path: Path) -> None:
    text = (
        "ON TUESDAY, 16th October 2007 AT 7.30 PM\nPRESENT: Cllr A Bates (Chairman), Cllr D Woods\n"
        "APOLOGIES – Apologies were received from Cllr T Stone.\n"
        "MINUTES OF MEETING OF 18th September 2007 - were agreed and signed as a true record\n"
        "Cllr Stone had sent the following report:\nHighways\nThe first highways evening in the "
        "division is to be held on Tuesday 2nd October at 7.30 p.m. in the Village Hall.\n"
    )
    assert paper(tmp_path, text).meeting_date == "2007-10-16"


# ------------------------------------------------------------------------------ kinds


def test_a_meeting_told_of_in_the_past_tense_is_minutes(tmp_path: Path) -> None:
    """Numbered items with little under each read like an agenda's list; the opening sentence
    says the meeting took place, and an attendance block follows."""
    text = (
        "A meeting of the Community Council took place on Thursday 31st March 2022 at 7.30pm.\n"
        "Ms A Jones AJ Mr B Evans BE (Chairperson)\nIn attendance: Ms C Dale (Clerk).\n"
        "1. Declarations of Interest. None\n2. Public Participation\n"
        "3. Minutes of the last meeting The minutes of 17th February 2022 were approved.\n"
        "4. Matters Arising None.\n5. Village Hall The roof is repaired.\n6. Playground "
        "Equipment ordered.\n7. County Matters None\n8. Correspondence None\n"
    )
    doc = paper(tmp_path, text)
    assert doc.kind == "minutes"
    assert numbers(doc)[:3] == ["1", "2", "3"]


def test_an_items_web_page_telling_what_was_done_is_minutes(tmp_path: Path) -> None:
    text = (
        "Agenda item\n\nPetitions\n\nThe Mayor advised that two petitions had been received, copies of "
        "which had been tabled. They would be referred to the Cabinet Member.\n"
    )
    doc = paper(tmp_path, text)
    assert (doc.kind, doc.body) == ("minutes", None)


def test_an_items_page_with_a_report_title_is_minutes_when_it_records_the_decision(tmp_path: Path) -> None:
    text = (
        "Agenda item\n\nCabinet Urgent Decisions\n\nReport of the Chief Executive\n\n"
        "The Chief Executive submitted a report (previously circulated) detailing a decision taken "
        "as a matter of urgency.\n\nRESOLVED – That the urgent decision be noted.\n"
    )
    doc = paper(tmp_path, text)
    assert (doc.kind, doc.body) == ("minutes", None)


def test_a_report_that_speaks_of_a_workshop_held_is_still_a_report(tmp_path: Path) -> None:
    text = (
        "AGENDA ITEM NO. 7 REPORT TO: Council DATE: 29 February 2012 SUBJECT: A Compact for Change "
        "PURPOSE OF THE REPORT To ask Council for its observations. An All Member Workshop was "
        "held on the 3 November 2011 to consider the Compact and it was agreed to report back.\n"
    )
    assert paper(tmp_path, text).kind == "report"


def test_a_table_of_item_titles_with_their_business_is_an_agenda(tmp_path: Path) -> None:
    text = (
        "Venue: Council Chamber, Town Hall\nContact: Democratic Services\nNo. | Item |\n"
        "Apologies for absence To record apologies for absence. |\n"
        "Declaration of interests To receive declarations of interest. |\n"
        "Minutes To adopt and sign the minutes of the meeting held on 10 October 2024. |\n"
        "Urgent business To receive notice of any urgent business. |\n"
        "Budget monitoring PDF 120 KB To consider the head of finance's report. |\n"
    )
    assert paper(tmp_path, text).kind == "agenda"


def test_a_list_of_notices_of_decisions_is_a_forward_plan(tmp_path: Path) -> None:
    entry = (
        "20/11/2017 - {title}\n\nTo seek Cabinet approval of {title}.\n\nDecision Maker: Cabinet\n\n"
        "Decision due date: 19/12/2017\n\nLead officer: A Smith\n\nNotice of decision: 20/11/2017\n\n"
    )
    text = "".join(entry.format(title=t) for t in ("the land register", "the property portfolio", "a sale"))
    assert paper(tmp_path, text).kind == "forward_plan"


# ---------------------------------------------------------------------------- numbering


def test_year_last_running_minute_numbers_are_the_items(tmp_path: Path) -> None:
    text = (
        "ASHBY PARVA PARISH COUNCIL\nMinutes of the meeting held on 5.11.2019 in the Village Hall\n"
        "PRESENT: Councillors A Payne, T Deer and M Coster.\n"
        "4178.19 To receive apologies for absence There were none.\n"
        "4179.19 To consider co-options It was RESOLVED to co-opt Mrs K Neath.\n"
        "4180.19 To approve the Minutes of 1.10.2019. It was RESOLVED to approve them.\n"
        "4181.19 Planning No applications had been received.\n"
    )
    assert numbers(paper(tmp_path, text)) == ["4178.19", "4179.19", "4180.19", "4181.19"]


def test_running_numbers_glued_to_headings_in_capitals_are_the_items(tmp_path: Path) -> None:
    text = (
        "Fire Authority 24 June 2011\nPresent: Councillors Briggs (Chairperson), Waltham and Wells.\n"
        "3563DECLARATIONS OF INTEREST - No declarations were made.\n"
        "3564MINUTES – Resolved – That the minutes of the meeting held on 19 April 2011 be signed.\n"
        "3565PETITIONS - No petitions had been received.\n"
    )
    doc = paper(tmp_path, text)
    assert numbers(doc) == ["3563", "3564", "3565"]


def test_a_plain_next_number_after_the_chain_is_the_next_item(tmp_path: Path) -> None:
    """A clerk's "7Transparency Fund Grant" after "6.Dates of Meetings": the punctuation
    differs, the numbering runs on."""
    text = (
        "HILLBURY PARISH COUNCIL\nMeeting on Monday 20 November 2017 at 7.30pm\nMINUTES\n"
        "1.The Chairman welcomed Councillors.\n2.Apologies were received from Mr Ibbott.\n"
        "3. There were no declarations of interest.\n4.Finance - The cheques were signed.\n"
        "5.Planning - No applications.\n6.Dates of Meetings - The dates for 2018 were set.\n"
        "7Transparency Fund Grant - a request has been submitted.\n"
    )
    assert numbers(paper(tmp_path, text)) == ["1", "2", "3", "4", "5", "6", "7"]


def test_first_minutes_set_close_above_a_run_in_minute_are_items(tmp_path: Path) -> None:
    text = (
        "Minutes of the Community Council meeting held on 31st March 2022\n"
        "Present: Ms A Jones (Chair), Mr B Evans.\n"
        "1. Declarations of Interest. None\n2. Public Participation\n"
        "3. Minutes of the last meeting The minutes of 17th February were approved and signed.\n"
        "4. Matters Arising Memorial bench - nothing further.\n\nThe bench is on order.\n"
        "5. Village Hall The hall committee was awarded a grant.\n"
    )
    assert numbers(paper(tmp_path, text)) == ["1", "2", "3", "4", "5"]


def test_a_number_alone_above_its_first_lettered_part_is_an_item(tmp_path: Path) -> None:
    text = (
        "MINUTES OF THE MEETING OF ICKWORTH PARISH COUNCIL\nHeld on 8th November 2016 at 7.30pm\n"
        "Present: Councillor A Arnold (Chairman), Councillor V Parmar\n"
        "230. / Declaration of Interest\nNone received\n231. / Requests for Dispensations\nNone received\n"
        "232. / Confirmation of Previous Minutes\nThe minutes were agreed a true record.\n"
        "233.\na) / Finance\nCheques drawn at the meeting were approved.\nb) / Accounts\nAgreed.\n"
        "234. / Correspondence\nNone.\n"
    )
    assert numbers(paper(tmp_path, text)) == ["230", "231", "232", "233", "234"]


def test_minute_numbers_inside_a_flattened_paper_are_the_items(tmp_path: Path) -> None:
    filler = "The Chairman thanked the volunteers for their work on the recreation field this season. " * 3
    text = (
        "ICKBURY PARISH COUNCIL Minutes of the meeting held on Wednesday 15 April 2015 at 7.30 pm in the "
        "Village Hall. Present: T Sadler (Chairman), S Clew, L Davidson and P Stevens (Parish Clerk) "
        f"078/15 Apologies for absence: Cllr M Martin {filler}079/15 To approve the minutes of the "
        f"meeting held on 18 March 2015: The minutes were approved and signed. {filler}080/15 Match "
        f"fees It was agreed that there would be no increase in match fees. {filler}\n"
    )
    assert numbers(paper(tmp_path, text)) == ["078/15", "079/15", "080/15"]


def test_a_postal_address_under_a_planning_item_is_no_item(tmp_path: Path) -> None:
    text = (
        "Minutes of a Meeting of the Town Council held on Tuesday 19th July 2016 at 7pm\n"
        "Present: Councillors D Ellison, A Gibb and R Harris.\n"
        "1 / Apologies for absence\nApologies had been received from Cllr Emery.\n"
        "2 / Declaration of Interest\nNone.\n3 / Questions from the Public\nNone.\n"
        "4 / Planning Applications\n11 Horslow Street, Potterton SG19 2NS\nNew side window.\n"
        "It was resolved to support the application.\n5 / Finance\nThe accounts were approved.\n"
    )
    assert numbers(paper(tmp_path, text)) == ["1", "2", "3", "4", "5"]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("[1] Welcome and apologies\nNone.\n[2] Declarations\nNone.\n[3] Minutes\nThey were approved.\n",
         ["[1]", "[2]", "[3]"]),
        ("DCC.038\n\nApologies\n\nMinutes:\n\nNone.\n\nDCC.039\n\nDeclarations of Interest\n\nMinutes:\n\n"
         "None.\n\nDCC.040\n\nMinutes\n\nMinutes:\n\nApproved.\n",
         ["DCC.038", "DCC.039", "DCC.040"]),
        ("1/FC/22\n\nElection of Town Mayor\n\nMinutes:\n\nCllr Fletcher was elected.\n\n2/FC/22\n\n"
         "Election of Deputy Mayor\n\nMinutes:\n\nCllr Kirton was elected.\n",
         ["1/FC/22", "2/FC/22"]),
    ],
)  # fmt: skip
def test_minute_numbers_printed_with_brackets_or_a_bodys_capitals_are_the_items(
    tmp_path: Path, lines: str, expected: list[str]
) -> None:
    text = "Minutes of the meeting of the Town Council held on 24 January 2023\nPresent: Cllrs A, B and C.\n"
    assert numbers(paper(tmp_path, text + lines)) == expected


def test_year_then_body_then_minute_numbers_are_the_items(tmp_path: Path) -> None:
    text = (
        "at a meeting of the Council of the Borough held at the Municipal Offices on 26th February 2020\n"
        "Present:\nCouncillor K Watts (Mayor)\n19.C.83 APOLOGIES\nApologies were received.\n19.C.84 MINUTES\n"
        "RESOLVED that the minutes be approved.\n19.C.85 DECLARATIONS OF INTEREST\nNone.\n"
    )
    assert numbers(paper(tmp_path, text)) == ["19.C.83", "19.C.84", "19.C.85"]


def test_a_web_pages_table_of_items_gives_the_items(tmp_path: Path) -> None:
    text = (
        "This is a meeting of the Cabinet of Hartley Borough Council held on the 7th Dec 2023.\n"
        "Item | Title | Minutes |\n1 | Minutes of the Previous Meeting |\nThe minutes were confirmed. |\n"
        "2 | Apologies for Absence |\nApologies had been received from Cllr Collins. |\n"
        "3 | Declarations of Interest |\nNone were made. |\n"
    )
    assert numbers(paper(tmp_path, text)) == ["1", "2", "3"]


def test_a_tables_header_run_into_its_first_row_leaves_the_first_item(tmp_path: Path) -> None:
    text = (
        "Proceedings at a meeting held on 18 April 2018.\nPresent: Cllrs C Ward (Chairman), J Bremner.\n"
        "Min No / Action4715 / Apologies for absence\nAn apology was received.\n"
        "4716 / Code of conduct\nTo discuss at the next meeting.\n4717 / Approval of the minutes\n"
        "The minutes were approved as a true record.\n"
    )
    assert numbers(paper(tmp_path, text)) == ["4715", "4716", "4717"]


def test_a_bracketed_number_alone_is_no_item(tmp_path: Path) -> None:
    text = (
        "Minutes of the Community Council meeting held on 13 November 2025\nPresent: Cllrs A and B.\n"
        "Correspondence was received:\n[1] White Lion - letter asking for a donation; it was decided not to "
        "contribute.\nThe meeting closed at 9pm.\n"
    )
    assert numbers(paper(tmp_path, text)) == []


# ------------------------------------------------------------------------------ bodies


def test_a_minute_books_page_number_before_the_title_does_not_hide_the_body(tmp_path: Path) -> None:
    text = (
        "23 MINUTES OF THE MEETING OF BADSEY PARISH COUNCIL HELD IN THE VILLAGE HALL ON MONDAY 14 APRIL "
        "2008 THE FOLLOWING WERE PRESENT: Councillors: Mr M Richards (Chairman), Mrs S Gilling.\n"
        "237/04/08 Apologies for absence Mr P Banks.\n238/04/08 Declarations of interest None.\n"
    )
    assert paper(tmp_path, text).body == "Badsey Parish Council"


def test_a_name_run_into_its_date_is_read_to_its_last_word(tmp_path: Path) -> None:
    text = (
        "Northshire Fire Authority24 June 2011\nPresent: Councillors Briggs and Wells.\n1. Minutes\nSigned.\n"
    )
    assert paper(tmp_path, text).body == "Northshire Fire Authority"


def test_a_summons_to_the_council_of_the_city_names_the_council(tmp_path: Path) -> None:
    text = (
        "COUNCIL SUMMONS\n\nYou are hereby summoned to attend a Meeting of the COUNCIL OF THE CITY AND "
        "COUNTY OF to be held in the Council Chamber, Guildhall on Thursday, 26 January 2017 at 5.00 pm.\n\n"
        "1. Apologies for Absence.\n\n2. Disclosures of Interests.\n\n3. Minutes.\n"
    )
    assert paper(tmp_path, text).body == "Council"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # A decision's page names the meeting that took it in a field.
        (
            "Decision details\n\nDecision status: Recommendations Approved\n\nDecision:\n\nRESOLVED: "
            "That the report be noted.\n\nPublication date: 04/02/2026\n\nDecided at meeting: "
            "03/02/2026 - Cabinet\n",
            "Cabinet",
        ),
        # Or opens with the body that took it.
        (
            "Cabinet considered the report and RESOLVED to approve:\n1. The service proposals.\n"
            "2. The updated budget assumptions.\n",
            "Cabinet",
        ),
        (
            "The Licensing Committee considered the application and agreed to grant the licence.\n",
            "Licensing Committee",
        ),
        # A page's own title before the name, and a heading printed twice.
        ("Meeting Summary Planning Committee\nMinutes\n1. Apologies\nNone.\n", "Planning Committee"),
        ("Garioch Area Committee Garioch Area Committee\n1. Apologies\nNone.\n", "Garioch Area Committee"),
    ],
)
def test_the_body_is_read_from_the_role_its_line_plays(tmp_path: Path, text: str, body: str) -> None:
    assert paper(tmp_path, text).body == body


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # An officer's title in an attendance list, and the offices that serve a committee.
        (
            "Agenda and minutes\n\nNo. Item\n\nAttendance\n\nOfficers present\n\n"
            "Alison Ward, Chief Executive\n\nJo Smith, Monitoring Officer\n",
            None,
        ),
        (
            "Council 07-JUL-2015\n\n7 July 2015 at 6:30pm in the Council Chamber\n\n"
            "Committee Administrator(s)\n\nContact Committee Services Team\n",
            "Council",
        ),
        # A heading is not run into the sentence below it.
        (
            "Agenda and minutes\n\nNo. Item\n\nPreliminary Matters\n\nThe Authority is requested to consider "
            "the identification of:\n",
            None,
        ),
        # A summons to a body names it; so does an invitation to the Full Council's meeting.
        ("Summons to Council\nYou are hereby requested to attend the above Meeting.\n", "Council"),
        ("Meeting Details\n\nMembers are invited to a Meeting of the Full Council\n\nto be held on Monday\n",
         "Council"),
    ],
)  # fmt: skip
def test_only_a_line_naming_the_meeting_gives_its_body(tmp_path: Path, text: str, body: str | None) -> None:
    assert paper(tmp_path, text).body == body


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # A summons flattened to one line that opens with its letter's date.
        (
            "23 March 2017 (1) MEMBERS OF THE NORTHSHIRE FIRE AUTHORITY Councillors Abraham (Chairman). "
            "Dear Member You are invited to attend a meeting of the Northshire Fire Authority to be held "
            "on Friday 31 March 2017 at 2.00pm.\n",
            "Northshire Fire Authority",
        ),
        # Other meetings' minutes received below the attendance block.
        (
            "The Westclyde Council\n\nTuesday 28 January 2003 at 4.00 pm\n\nPresent: Provost Roach, "
            "Councillors Blair and Calvert.\n\nApologies: Councillors Jackson and Mitchell.\n\nMinute of "
            "Meeting of Health Improvement Committee (Special) - 28 January 2003\n\nIt was approved.\n",
            "Westclyde Council",
        ),
        # A site's breadcrumb.
        (
            "You are here: Home / About The Council / Agenda, decisions and minutes\n\nVenue: Civic Hall\n",
            None,
        ),
    ],
)
def test_the_heading_names_the_body_not_the_page_around_it(
    tmp_path: Path, text: str, body: str | None
) -> None:
    assert paper(tmp_path, text).body == body


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # A decision's page labels its meeting's date; a period's end in its text is no date.
        (
            "Decision status: For Determination\nThe report gave the position for the first six months of "
            "the financial year (to the 30th September 2023).\nThe Cabinet RESOLVED to note the report.\n"
            "Publication date: 22/11/2023\nDate of decision: 20/11/2023\nDecided at meeting: 20/11/2023 - "
            "Cabinet\n",
            "2023-11-20",
        ),
        # Minutes that "are approved" are another meeting's.
        (
            "Executive - Wednesday, 5 September 2018 2.00pm\nVenue: Daneshill House\nNo apologies were "
            "received.\nIt was RESOLVED that the Minutes of the meeting of the Executive held on 11 July "
            "2018 are approved as a correct record.\n",
            "2018-09-05",
        ),
    ],
)
def test_the_meeting_date_is_the_one_labelled_for_the_meeting(tmp_path: Path, text: str, date: str) -> None:
    assert paper(tmp_path, text).meeting_date == date


def test_a_public_document_pack_is_an_agenda_for_its_body(tmp_path: Path) -> None:
    text = (
        "Public Document Pack Cabinet Remote Meeting Date: Tuesday, 24th November, 2020 Time: 7.00 pm Venue: "
        "Zoom Leader and Chair: Councillor J Lodge Members: Councillors A Armstrong, C Day\n"
    )
    doc = paper(tmp_path, text)
    assert (doc.kind, doc.body) == ("agenda", "Cabinet")


# --------------------------------------------------------------------------- decisions


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("There was submitted and noted Report No 51/09 by the Director of Infrastructure.", "noted"),
        ("There were submitted and approved the accounts for the quarter.", "approved"),
        (
            "Cllr G Price proposed that the minutes were a true record, Cllr C White 2nd, Cllr J "
            "Middle abstained, All other Cllrs were in favour.",
            "approved",
        ),
        ("3564 MINUTES – Resolved – That the minutes of the meeting held on 19 April be signed.", "approved"),
        ("ORDERED that the press and public be excluded from the meeting during the hearing.", "approved"),
        # A passive whose subject carries an aside, and a coordinated decision after a comma.
        (
            "The minutes, copies of which had been circulated to Members, were read, accepted as a true "
            "record and signed by the Mayor.",
            "approved",
        ),
        ("It was proposed by Cllr Ives and resolved, to invite all staff to a meeting in May.", "approved"),
        (
            "21/3 Minutes of the previous meeting – The minutes of 19 January were approved as correct.",
            "approved",
        ),
    ],
)
def test_a_decision_in_this_rounds_forms_is_found(text: str, outcome: str) -> None:
    found = decided(text)
    assert len(found) == 1 and found[0][1] == outcome


@pytest.mark.parametrize(
    "text",
    [
        "There was submitted a letter from the school about parking.",
        "21/01236/F – 2 Mill Lane – Approved.",
        "The Clerk said all members were in favour of a new bench at the last meeting.",
    ],
)
def test_the_same_words_deciding_nothing_are_still_nothing(text: str) -> None:
    assert decided(text) == []
