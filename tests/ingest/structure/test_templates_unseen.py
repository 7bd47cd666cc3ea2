"""Structure on more templates first met in held-out papers: headings set close together with
nothing recorded under them, minute references in a declarations list, confirmations far from
their date, and a reporting period's end. Each paper is written here in the shape the councils
print, not copied from one; each test names the role the structure stage must read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest.structure.papers import paper

PARISH_MINUTES_HEADINGS_CLOSE = """\
Present: Mrs Avery (Chair), Mr Bould, Mrs Carr, Mr Dunmore and 3 parishioners.
- Apologies for Absence
None.
- Minutes of the Last Meeting
The minutes were agreed and signed by the Chair.
310. Matters Arising
311.Open Forum for Parishioners
The meeting was adjourned and then reconvened.
312.Finance
a) Invoices for grass cutting were approved for payment. All agreed.
b) The bank balance was reported.
313. Planning
No applications had been received.
"""


def test_headings_set_close_together_continue_the_papers_numbering(tmp_path: Path) -> None:
    """Two running minute numbers on adjacent lines (the first item recorded nothing) are the
    paper's headings, since the next heading continues their count; a list would not be."""
    doc = paper(tmp_path, PARISH_MINUTES_HEADINGS_CLOSE)
    assert [i.number for i in doc.agenda_items] == ["310", "311", "312", "313"]


NUMBERED_LIST_INSIDE_ITEM = """\
MINUTES of the Licensing Panel held on 3 March 2023

1. Apologies
None were received.

2. Public Statements
Statements were received from:
1 Alice Example
2 Bob Example
3 Carol Example

3. Licence Review
RESOLVED that the licence be suspended for four weeks.
"""


def test_a_list_that_counts_afresh_inside_an_item_is_not_the_items(tmp_path: Path) -> None:
    doc = paper(tmp_path, NUMBERED_LIST_INSIDE_ITEM)
    assert [i.number for i in doc.agenda_items] == ["1", "2", "3"]


BOROUGH_MINUTES_WITH_DECLARED_REFERENCES = """\
Meeting documents

The Council
Thursday, 9th October, 2025 7.00 pm

Part I
412 Apologies for absence.
Apologies were received from Councillors Example and Sample.
413 Declarations of Interest
Councillor Example

Audit Committee held 3rd September 2025
Minute 45 (Treasury Management Outturn) - Non-pecuniary interest - a family member works for the bank
Minute 47 (Internal Audit Plan) - Non-pecuniary interest - trustee of a local charity
Minute 48 (Annual Governance Statement) - Non-pecuniary interest - school governor
414 Minutes of the last meeting
Resolved: That the minutes of the meeting held on 10th July 2025 be confirmed as a correct record.
"""


def test_minute_references_naming_their_minutes_in_brackets_are_not_items(tmp_path: Path) -> None:
    doc = paper(tmp_path, BOROUGH_MINUTES_WITH_DECLARED_REFERENCES)
    assert [i.number for i in doc.agenda_items] == ["412", "413", "414"]


CABINET_ITEMS_PAGE_UNDATED = """\
Apologies Minutes: An apology for absence was received from Councillor Example.
Minutes: There were no declarations of interest.
To receive as a correct record, the minutes of the meeting of Cabinet held on Tuesday 10 June 2025.
Minutes: RESOLVED: That the minutes of the Cabinet meeting held on Tuesday 10 June 2025 be received
as a correct record and signed by the Leader.
Housing Strategy Minutes: Cabinet considered the report of the Head of Housing.
RESOLVED: That the strategy be adopted.
"""


def test_minutes_that_print_only_the_confirmed_meetings_date_stay_undated(tmp_path: Path) -> None:
    """The confirmation opens the sentence far from its date; the date is the earlier
    meeting's, so the paper is better undated than filed under it."""
    doc = paper(tmp_path, CABINET_ITEMS_PAGE_UNDATED)
    assert doc.meeting_date is None


ANNUAL_REPORT_ITEM = """\
Agenda item
Annual Performance Report, Period 1 October 2024 to 31 March 2025
Attached is the report of the Director of Strategy of 10 September 2025, considered by Cabinet
on 10 September 2025 and commended to Council.
Minutes:
Council received the report.
RESOLVED: That the report be approved.
"""


def test_a_reporting_periods_end_is_not_the_meeting_date(tmp_path: Path) -> None:
    doc = paper(tmp_path, ANNUAL_REPORT_ITEM)
    assert doc.meeting_date != "2025-03-31"
    assert doc.meeting_date != "2024-10-01"


ITEM_PAGE_OF_COUNCIL_MINUTES = """\
Issue - meetings

Leader's Report

Meeting: 05/03/2025 - Council (Item 61)

61 Leader's Report pdf icon PDF 312 KB

To receive the Leader's report on the work of the Executive since the last meeting.

Minutes:

The Leader of the Council, Councillor Example, presented the report on the work of the
Executive since the meeting on 22 January 2025.

The Council noted the Executive decisions set out in the report.
"""


def test_an_extract_of_the_minutes_for_one_item_has_that_item(tmp_path: Path) -> None:
    """One numbered heading is an item; the web link's type and size is not its title; the
    meeting line names the body, and a councillor's role ("Leader of the Council") does not."""
    doc = paper(tmp_path, ITEM_PAGE_OF_COUNCIL_MINUTES)
    assert (doc.kind, doc.meeting_date, doc.body) == ("minutes", "2025-03-05", "Council")
    assert [(i.number, i.title) for i in doc.agenda_items] == [("61", "Leader's Report")]


MINUTES_CUT_AFTER_FIRST_MINUTE = """\
HILLBRIDGE TOWN COUNCIL

Minutes of a Meeting of the Town Council held in the Town Hall on Tuesday 4th March 2025 at 7.00pm

PRESENT: Councillors A Example (Mayor), B Example, C Example

PRAYERS
The Chaplain led prayers.

112/24/25 DECLARATIONS OF INTEREST
Councillor B Example declared a pecuniary interest in item 9.

MAYOR'S REPORT
The Mayor had attended the civic service.
"""


def test_minutes_with_one_numbered_minute_have_that_item(tmp_path: Path) -> None:
    doc = paper(tmp_path, MINUTES_CUT_AFTER_FIRST_MINUTE)
    assert [i.number for i in doc.agenda_items if i.number] == ["112/24/25"]


@pytest.mark.parametrize(
    "line",
    [
        "- 2025/26 Budget and Precept",
        "1. Resolved – That the budget for the year be approved as circulated.",
    ],
)
def test_a_lone_year_or_resolution_is_not_an_item(tmp_path: Path, line: str) -> None:
    text = f"""\
Minutes of the Extraordinary Meeting of Hillbridge Parish Council held on Friday 24 January 2025
Present: Cllr Example (Chair), Cllr Sample.
- Apologies
Apologies were received from Cllr Other.
{line}
It was resolved unanimously to set the precept at £14,000.
"""
    doc = paper(tmp_path, text)
    assert [i.number for i in doc.agenda_items if i.number] == []


COUNCIL_ITEM_RECEIVING_CABINET_MINUTES = """\
Issue - meetings

To receive the minutes of the meetings of the Cabinet held on…

Meeting: 17/09/2025 - Council (Item 44)

44 To receive the minutes of the meeting of the Cabinet held on 3rd September 2025

The minutes of the meeting of Cabinet held on 3rd September 2025 were received for information.
"""


def test_another_bodys_minutes_received_do_not_name_the_body(tmp_path: Path) -> None:
    doc = paper(tmp_path, COUNCIL_ITEM_RECEIVING_CABINET_MINUTES)
    assert doc.body == "Council"
    assert doc.meeting_date == "2025-09-17"


def test_minutes_submitted_to_a_meeting_are_another_meetings(tmp_path: Path) -> None:
    text = """\
Decisions for issue
24/09/2025 - To confirm the minutes of the meeting held on 12 June 2025 as a correct record
The minutes of the meeting held on 12 June 2025 (and reconvened on 19 June after an adjournment) were
submitted.
Resolved: That the minutes be approved as a correct record.
"""
    doc = paper(tmp_path, text)
    assert doc.meeting_date != "2025-06-12"


def test_a_fire_authoritys_minute_numbers_with_years_and_capitals_are_items(tmp_path: Path) -> None:
    text = """\
Agenda and minutes

Venue: Conference Room, Service Headquarters

Items
No. Item

24-25/CFA/1

Apologies

Minutes:

An apology for absence was received from Councillor Example.

24-25/CFA/2

Election of Chair 2024/25

Minutes:

RESOLVED: That Councillor Sample be elected Chair of the Authority for 2024/25.

24-25/CFA/3

Minutes of the last meeting

Minutes:

RESOLVED: That the minutes of the meeting held on 20 March 2024 be confirmed.
"""
    doc = paper(tmp_path, text)
    assert [i.number for i in doc.agenda_items] == ["24-25/CFA/1", "24-25/CFA/2", "24-25/CFA/3"]


def test_minutes_filed_as_another_meetings_item_keep_their_own_first_minute(tmp_path: Path) -> None:
    """ "ITEM 9" over the minutes' title is the item of the meeting they were sent to; the
    minutes' own numbered minute is the item."""
    text = """\
ITEM 9

HILLSHIRE NATIONAL PARK AUTHORITY LOCAL ACCESS FORUM MINUTES of the meeting of the Local Access Forum
held on Thursday 12 June 2025 at 2.00pm.

PRESENT Jane Example (Chair), John Sample, Ann Other

1. Apologies for absence were received from:

Mark Example and Sue Sample.

The Forum discussed the footpath survey and agreed to write to the highway authority.
"""
    doc = paper(tmp_path, text)
    assert [i.number for i in doc.agenda_items if i.number] == ["1"]


def test_a_council_named_inside_a_heading_line_names_a_generic_meeting(tmp_path: Path) -> None:
    text = """\
Minutes – Aberhill Community Council – 10/03/2025

Minutes of the Ordinary meeting held on Monday 10th March 2025 at 7:30pm in the Village Hall.
Draft minutes are subject to approval at the next ordinary meeting of the Community Council.

Councillors: A Example (Chair), B Sample

1. Apologies
None.
2. Declarations of interest
None.
"""
    doc = paper(tmp_path, text)
    assert doc.body == "Aberhill Community Council"


def test_a_members_own_council_in_the_attendance_does_not_name_the_meeting(tmp_path: Path) -> None:
    text = """\
Minutes of the Parish Council meeting held on Tuesday 4 February 2025

Present: Councillors A Example (Chair), B Sample (also of Lowford Town Council)

1. Apologies
None.
2. Planning
RESOLVED: No objection to the application.
"""
    doc = paper(tmp_path, text)
    assert doc.body != "Lowford Town Council"


def test_a_notice_of_decisions_to_come_is_a_forward_plan(tmp_path: Path) -> None:
    text = """\
Executive, 2025

The Forward Plan is a list of the Key Decisions to be taken by the Executive during the period
covered by the plan. The Plan is published 28 clear days before a meeting of the Executive.
Decision maker: Executive. Decision due: March 2025.
"""
    doc = paper(tmp_path, text)
    assert doc.kind == "forward_plan"


def test_the_members_of_a_body_are_not_its_name(tmp_path: Path) -> None:
    text = """\
DECLARATION OF INTERESTS Members of the Cabinet are invited to declare any interests.

Agenda for a meeting of the Cabinet on Wednesday 5 March 2025 at 7.00 pm

1. Apologies for absence
2. Declarations of interest
3. Housing Revenue Account budget
"""
    doc = paper(tmp_path, text)
    assert doc.body == "Cabinet"


def test_a_web_tables_items_closed_by_cell_bars_are_items(tmp_path: Path) -> None:
    text = """\
Items
No. |
Item |
41. |
Minutes
To confirm the minutes of the previous meeting
Minutes:
The minutes were confirmed.
|
42. |
Apologies for absence
Minutes:
Apologies were received from Councillor Example.
|
43. |
Declarations of Interest
Minutes:
There were no declarations.
"""
    doc = paper(tmp_path, text)
    assert [(i.number, i.title) for i in doc.agenda_items if i.number] == [
        ("41", "Minutes"),
        ("42", "Apologies for absence"),
        ("43", "Declarations of Interest"),
    ]


def test_every_level_of_numbering_on_its_own_line_keeps_the_items(tmp_path: Path) -> None:
    text = """\
MINUTES OF THE MEETING OF HILLFORD PARISH COUNCIL
HELD IN THE VILLAGE HALL ON TUESDAY 8th JULY 2025 AT 7pm
1.
APOLOGIES
Apologies were received from Cllr Example.
2.
2.1
URGENT ITEMS
None.
3.
3.1.1
DECLARATIONS OF INTEREST
Cllr Sample declared a personal interest in item 5.
3.2
No gifts were declared.
"""
    doc = paper(tmp_path, text)
    assert [(i.number, i.title) for i in doc.agenda_items if i.number] == [
        ("1", "APOLOGIES"),
        ("2", "URGENT ITEMS"),
        ("3", "DECLARATIONS OF INTEREST"),
    ]


@pytest.mark.parametrize(
    ("heading", "body"),
    [
        ("Licensing (Activities) Sub-Committee – 12 May 2025", "Licensing (Activities) Sub-Committee"),
        (
            "THE HILLSHIRE COUNCIL - POLICY, FINANCE & ASSET MANAGEMENT COMMITTEE - GLENBRIDGE.",
            "Policy, Finance and Asset Management Committee",
        ),
    ],
)
def test_a_name_holding_a_comma_or_brackets_is_read_whole(tmp_path: Path, heading: str, body: str) -> None:
    text = f"""\
{heading}

Thursday 12 May 2025 at 10.00 am

PRESENT: Councillors Example (Chair), Sample

1. Apologies
None.
2. Declarations of interest
None.
"""
    doc = paper(tmp_path, text)
    assert doc.body == body


def test_a_welsh_heading_with_no_place_names_no_body(tmp_path: Path) -> None:
    text = """\
<<

Cyngor Cymuned Council Clerc / Clerk: Mrs A Example, Ffon / Telephone 01234 567890

Cofnodion 3 Medi 2025 / Minutes 3rd September 2025

1. To confirm that a quorum of elected members is present
A quorum was present.
2. Apologies
None.
"""
    doc = paper(tmp_path, text)
    assert doc.body is None


def test_a_question_time_for_cabinet_members_names_no_body(tmp_path: Path) -> None:
    """ "Cabinet Members' Question Time" is the members' session, and "Leader of the Council"
    an office: neither names the body."""
    text = """\
Agenda item
Members' Question Time
a) Leader and Cabinet Members' Question Time (45 minutes)
Any member of the Council may ask the Leader of the Council or any Cabinet Member any question.
"""
    doc = paper(tmp_path, text)
    assert doc.body not in {"Leader and Cabinet", "Leader of the Council"}


def test_an_item_page_numbered_only_in_its_meeting_line_has_that_item(tmp_path: Path) -> None:
    text = """\
Issue - meetings

Treasury Management Mid-Year Review

Meeting: 18/11/2025 - Audit and Governance Board (Item 31)

Treasury Management Mid-Year Review

Minutes:

The Board received a report from the Finance Manager on treasury activity in the first half year.

RESOLVED: That the report be noted.
"""
    doc = paper(tmp_path, text)
    assert (doc.body, doc.meeting_date) == ("Audit and Governance Board", "2025-11-18")
    assert [(i.number, i.title) for i in doc.agenda_items if i.number] == [
        ("31", "Treasury Management Mid-Year Review")
    ]


@pytest.mark.parametrize(
    ("heading", "body"),
    [
        # The council's name, then its meeting's.
        (
            "HILLSHIRE AND DALE COUNCIL COUNCIL 30th November 2025 LEADER'S REPORT",
            "Hillshire and Dale Council",
        ),
        # A web page's furniture before the name.
        ("Contact Information\nLowmoor District Council", "Lowmoor District Council"),
    ],
)
def test_a_councils_name_is_read_without_what_surrounds_it(tmp_path: Path, heading: str, body: str) -> None:
    text = f"""\
{heading}

Minutes of the meeting held on Thursday 27 November 2025 at 6.00 pm

1. Apologies
None.
2. Declarations of interest
None.
"""
    assert paper(tmp_path, text).body == body


def test_quoted_names_are_about_a_name_not_the_body(tmp_path: Path) -> None:
    text = """\
Minutes of the meeting held on Tuesday 9 February 2025

1. Name of the council
It was agreed that the council be known as the “Town Council” and not “Parish Council” from May.
"""
    assert paper(tmp_path, text).body is None


def test_a_summons_requiring_members_to_attend_is_an_agenda(tmp_path: Path) -> None:
    text = (
        "HILLSHIRE FIRE AUTHORITY THURSDAY 5 FEBRUARY 2026 AT 10.00 HOURS MEMBERS Councillors Example "
        "and Sample. You are required to attend this meeting to be held at Service Headquarters at 10.00 "
        "a.m. AGENDA 512. Declarations of interest. 513. Apologies for absence. 514. Urgent items.\n"
    )
    assert paper(tmp_path, text).kind == "agenda"


def test_a_lone_minute_numbered_by_its_year_is_an_item(tmp_path: Path) -> None:
    """ "2025/53" is minute 53 of 2025, not a financial year (those run on: "2025/26")."""
    text = """\
Minutes of the Meeting of Hillford Parish Council held on 23rd September 2025 in the Hall
Present: Cllrs Example (Chair), Sample.
2025/53 Members' disclosure of pecuniary interests.
Cllr Sample declared an interest in the planning application.
"""
    assert [i.number for i in paper(tmp_path, text).agenda_items if i.number] == ["2025/53"]
