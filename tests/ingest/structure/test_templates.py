"""Structure on templates no other test uses: small papers written in the shapes UK councils
print (ModernGov county minutes and supplement packs, parish minutes with no "Minutes" title,
officer reports, running and compound minute numbers), each checking one role the structure
stage must read: which date is the meeting's, which name is the body, what kind the paper is,
which lines are items. None of these sentences comes from a paper the rules were written from.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.pipeline import parse_file
from tests.ingest.structure.papers import paper

COUNTY_CABINET_MINUTES = """\
KENTSHIRE COUNTY COUNCIL

CABINET

MINUTES of a meeting of the Cabinet held in the Council Chamber, Sessions House, County Hall,
Maidstone on Thursday, 30 January 2025.

PRESENT: Mr R Gough (Chairman), Mr P Oakford (Vice-Chairman), Mrs S Chandler, Mr D Murphy

IN ATTENDANCE: Mrs A Beer (Chief Executive)

1. Apologies
Apologies were received from Mr Hills.

2. Minutes of the meeting held on 9 January 2025
RESOLVED that the minutes of the meeting held on 9 January 2025 are correctly recorded and that
they be signed by the Chairman.

3. Budget 2025/26 and Medium Term Financial Plan
Cabinet received the report of the Deputy Leader.
RESOLVED that the budget be recommended to County Council.

4. Cabinet Member Updates
Mrs Sue Chandler, Cabinet Member for Integrated Children's Services, gave a verbal update.
"""


def test_minutes_that_confirm_earlier_minutes_keep_their_own_meeting_date(tmp_path: Path) -> None:
    doc = paper(tmp_path, COUNTY_CABINET_MINUTES)
    assert (doc.kind, doc.meeting_date, doc.body) == ("minutes", "2025-01-30", "Cabinet")
    assert [(i.number, i.title) for i in doc.agenda_items][:2] == [
        ("1", "Apologies"),
        ("2", "Minutes of the meeting held on 9 January 2025"),
    ]


SUPPLEMENT_PACK = """\
KENTSHIRE COUNTY COUNCIL

SUPPLEMENTARY AGENDA

Monday, 20 January 2025

Dear Member,

I am now able to enclose, for consideration at the meeting of the Cabinet on Thursday,
30 January 2025, the following report(s) that were unavailable when the agenda was printed.

Agenda Item 5 Revenue and Capital Budget Monitoring (Pages 1 - 24)

Yours sincerely

Benjamin Watts
General Counsel
"""


def test_a_supplement_pack_joins_the_meeting_its_letter_names_not_the_letters_date(tmp_path: Path) -> None:
    doc = paper(tmp_path, SUPPLEMENT_PACK)
    assert (doc.kind, doc.meeting_date, doc.body) == ("supplementary_agenda", "2025-01-30", "Cabinet")


PARISH_MINUTES_WITHOUT_TITLE = """\
Ashby Parva Parish Council – 5th September 2017

Present: Cllrs J Smith (Chair), K Patel, M Jones and the Clerk, Mrs P Hall.

1. Apologies: Cllr Brown sent apologies, which were accepted.

2. Declarations of interest: None.

3. Planning: The Council considered application 17/00912/FUL for a garage at Mill Lane.
It was resolved to raise no objection.

4. Finance: The Councillors resolved to accept the quotation from Green Cuts for grass cutting.

5. Date of next meeting: Tuesday 3rd October 2017 at 7.30pm.
"""


def test_minutes_that_never_say_minutes_are_minutes_by_their_anatomy(tmp_path: Path) -> None:
    doc = paper(tmp_path, PARISH_MINUTES_WITHOUT_TITLE)
    assert (doc.kind, doc.meeting_date, doc.body) == ("minutes", "2017-09-05", "Ashby Parva Parish Council")
    assert [i.number for i in doc.agenda_items] == ["1", "2", "3", "4", "5"]
    # A run-in heading is the item's title, not the whole line.
    assert doc.agenda_items[2].title == "Planning"


OFFICER_REPORT = """\
Agenda Item 166

Report to: Corporate Policy and Resources Committee
Date: 12 March 2025
Subject: Review of Car Parking Charges
Report of: Director of Environment

Purpose of Report
1.1 To review the car parking charges for 2025/26.

Recommendation
That the Committee approves the charges set out in Appendix A.

Financial Implications
2.1 The proposals raise £120,000 a year.
"""


def test_a_report_headed_agenda_item_is_a_report(tmp_path: Path) -> None:
    doc = paper(tmp_path, OFFICER_REPORT)
    assert (doc.kind, doc.meeting_date, doc.body) == (
        "report",
        "2025-03-12",
        "Corporate Policy and Resources Committee",
    )
    assert [i.number for i in doc.agenda_items] == ["166"]


NUMBERINGS = {
    "decision-numbers": [
        "24/00108 – Highways Asset Plan",
        "24/00109 – Waste Strategy",
        "24/00110 – School Places",
    ],
    "dotted-compound": ["16.07.1 Apologies for absence", "16.07.2 Minutes", "16.07.3 Planning applications"],
    "number-per-year": [
        "107/20 Apologies for absence",
        "108/20 Minutes of the last meeting",
        "109/20 Planning",
    ],
    "item-word": ["Item 7 Apologies", "Item 8 Minutes of the last meeting", "Item 9 Correspondence"],
    "min-word": ["MIN 12/24 APOLOGIES", "MIN 13/24 MINUTES", "MIN 14/24 FINANCE"],
    # A minute reference with its letters, then the agenda's own number.
    "lettered-reference": [
        "P112/24     1.     APOLOGIES FOR ABSENCE",
        "P113/24     2.     DECLARATIONS OF INTEREST",
        "P114/24     3.     PLANNING APPLICATIONS",
    ],
    "meeting-dash-item": ["58-1.To receive apologies", "58-2.To receive declarations", "58-3.Public time"],
    "five-digit-running": ["20417 CHAIRMAN'S ANNOUNCEMENTS", "20418 POLICE MATTERS", "20419 PLANNING"],
    "month-underscore-item": ["2024-03_1. PUBLIC SESSION", "2024-03_2. APOLOGIES", "2024-03_3. FINANCE"],
    "minute-of-the-year": ["13.24/25 Apologies for absence", "14.24/25 Declarations", "15.24/25 Planning"],
    "no-space-capitals": ["12.APOLOGIES FOR ABSENCE", "13.DECLARATIONS OF INTEREST", "14.PLANNING MATTERS"],
}
PRINTED = {
    "decision-numbers": ["24/00108", "24/00109", "24/00110"],
    "dotted-compound": ["16.07.1", "16.07.2", "16.07.3"],
    "number-per-year": ["107/20", "108/20", "109/20"],
    "item-word": ["7", "8", "9"],
    "min-word": ["12/24", "13/24", "14/24"],
    "lettered-reference": ["P112/24", "P113/24", "P114/24"],
    "meeting-dash-item": ["58-1", "58-2", "58-3"],
    "five-digit-running": ["20417", "20418", "20419"],
    "month-underscore-item": ["2024-03_1", "2024-03_2", "2024-03_3"],
    "minute-of-the-year": ["13.24/25", "14.24/25", "15.24/25"],
    "no-space-capitals": ["12", "13", "14"],
}


@pytest.mark.parametrize("scheme", NUMBERINGS)
def test_items_follow_any_consistent_numbering_and_keep_it_as_printed(tmp_path: Path, scheme: str) -> None:
    body = "\n\n".join(
        f"{heading}\nThe Council discussed this matter at some length.\n1. It was agreed to note the report."
        for heading in NUMBERINGS[scheme]
    )
    doc = paper(
        tmp_path, f"Minutes of the meeting of Little Hinton Town Council held on 4 March 2025\n\n{body}\n"
    )
    assert [i.number for i in doc.agenda_items] == PRINTED[scheme]


BODY = "Overview and Scrutiny Committee"
HEADINGS = {
    "ampersand": ("Minutes of the Overview & Scrutiny Committee held on 4 March 2025", BODY),
    "capitals": ("MINUTES OF THE OVERVIEW AND SCRUTINY COMMITTEE HELD ON 4 MARCH 2025", BODY),
    "the": ("Minutes of The Overview and Scrutiny Committee held on 4 March 2025", BODY),
    # "The Council" names no council: such a paper is unnamed, not filed under "Council".
    "annual-meeting": ("MINUTES OF THE ANNUAL MEETING OF THE COUNCIL HELD ON 4 MARCH 2025", None),
    "welsh": (
        "CYNGOR CYMUNED LLANFAIR A LLANGOED\nCOFNODION CYFARFOD 4YDD MAWRTH 2025",
        "Llanfair and Llangoed Community Council",
    ),
    "bilingual": (
        "CYNGOR CYMUNED LLANDDEWI COMMUNITY COUNCIL\nMINUTES OF THE MEETING HELD ON 4TH MARCH 2025",
        "Llanddewi Community Council",
    ),
    "parish-council-unnamed": ("Minutes of the Meeting of the Parish Council held on 4 March 2025", None),
}


@pytest.mark.parametrize("case", HEADINGS)
def test_one_body_has_one_name(tmp_path: Path, case: str) -> None:
    """One spelling per body, and no body where the paper names none ("the Parish Council":
    a facet entry of that name would join every parish's papers)."""
    heading, body = HEADINGS[case]
    doc = paper(tmp_path, f"{heading}\n\nPresent: Cllrs A Smith and B Jones.\n\n1. Apologies\nNone.\n")
    assert doc.body == body
    assert doc.meeting_date == "2025-03-04"


def test_a_generic_council_name_takes_the_council_named_in_the_heading(tmp_path: Path) -> None:
    text = (
        "BRANTHWAITE PARISH COUNCIL\nMINUTES OF THE PARISH COUNCIL MEETING HELD ON\nTUESDAY, 4 JUNE 2024\n\n"
        "Present: Cllrs A Smith and B Jones.\n\n1. Apologies\nNone.\n\n2. Minutes\nApproved.\n"
    )
    assert paper(tmp_path, text).body == "Branthwaite Parish Council"
    assembly = text.replace("PARISH COUNCIL MEETING HELD ON", "ANNUAL PARISH MEETING HELD ON")
    assert paper(tmp_path, assembly).body == "Branthwaite Annual Parish Meeting"


@pytest.mark.parametrize(
    "line",
    [
        "I am now able to enclose, for consideration at the Cabinet meeting, the following",
        "Mrs Sue Chandler, Cabinet Member for Education, presented the report",
        "None",
        "2710. Public Forum",  # an item heading in a council's running minute numbers
        "15/03/1 Schools Forum",
        "The Head of Planning provided the Committee with a verbal update on the site.",
    ],
)
def test_sentence_fragments_and_people_are_never_bodies(tmp_path: Path, line: str) -> None:
    doc = paper(tmp_path, f"{line}\n\nSome text about the meeting of nobody in particular.\n")
    assert doc.body is None


def test_an_annual_meeting_takes_its_heading_date_not_a_typo_in_its_body(tmp_path: Path) -> None:
    text = (
        "EASTBY PARISH COUNCIL\nMINUTES OF THE ANNUAL PARISH MEETING 23 APRIL 2024\n\n"
        "The Annual Parish Meeting was held in the Village Hall on Tuesday, 23 April 2024 at 7.30 pm.\n\n"
        "1. Minutes of the last meeting\nThe minutes of the last Annual Parish Meeting held on 25 April 2025 "
        "were taken as read.\n\n2. Annual Report\nThe Chairman gave her report.\n"
    )
    assert paper(tmp_path, text).meeting_date == "2024-04-23"


def test_a_paper_with_only_earlier_dates_is_undated_rather_than_misfiled(tmp_path: Path) -> None:
    text = "1. Matters arising\nThe minutes of the previous meeting held on 3 May 2017 were approved.\n"
    assert paper(tmp_path, text).meeting_date is None


def test_every_line_of_a_paper_belongs_to_exactly_one_item(tmp_path: Path) -> None:
    doc = paper(tmp_path, COUNTY_CABINET_MINUTES)
    stored = "\n".join(item.text for item in doc.items)
    for line in COUNTY_CABINET_MINUTES.splitlines():
        if line.strip():
            assert line.strip() in stored
    assert doc.items[0].part == "front_matter" and "IN ATTENDANCE" in doc.items[0].text


def test_a_markdown_paper_from_a_web_site_reads_like_its_text(tmp_path: Path) -> None:
    text = (
        '---\ntitle: "Minutes of Upwell Parish Council - March meeting"\ndate: "2019-04-30"\n---\n\n'
        "**UPWELL PARISH COUNCIL** Minutes of the Ordinary Meeting held on Monday 4 March 2019\n\n"
        "1\\. Apologies\\\n> Apologies were received from Cllr Ward.\n\n"
        "2\\. Planning\\\n> No objection was raised.\n"
    )
    doc = paper(tmp_path, text, "minutes.md")
    # The site's posting date is not the meeting's; its escapes hide no headings.
    assert (doc.meeting_date, doc.body) == ("2019-03-04", "Upwell Parish Council")
    assert [(i.number, i.title) for i in doc.agenda_items] == [("1", "Apologies"), ("2", "Planning")]


def test_headings_in_bold_italics_are_items_like_the_plain_bold_ones(tmp_path: Path) -> None:
    # A word processor's Markdown export sets some headings "**Correspondence**" and others
    # "**_Planning – Cllr Agate_**": the emphasis is not part of the title and hides no heading.
    text = (
        "**Ashwell Parish Council Meeting, 24th July 2014 – Village Hall**\n\n"
        "1              **Apologies**\n\nCllr Hart sent apologies.\n\n"
        "2              **Declarations of Interest**\n\nNone were made.\n\n"
        "3              **_Financial Report – Cllr Agate_**\n\nThe accounts were presented and agreed.\n\n"
        "4              **Correspondence**\n\nA letter from the school was noted.\n\n"
        "5              **_Planning – Cllr Agate_**\n\nNo observations were made on 14/00539/F.\n"
    )
    doc = paper(tmp_path, text, "minutes.md")
    assert [(i.number, i.title) for i in doc.agenda_items] == [
        ("1", "Apologies"),
        ("2", "Declarations of Interest"),
        ("3", "Financial Report – Cllr Agate"),
        ("4", "Correspondence"),
        ("5", "Planning – Cllr Agate"),
    ]


def test_a_minute_run_on_after_its_number_is_an_item_where_it_continues_the_run(tmp_path: Path) -> None:
    # Minutes kept one paragraph a line: some minutes set their title apart, others run the
    # whole minute on after the number, and one heading in capitals holds a bracketed figure.
    long = " The clerk read out the schedule and members asked about two of the invoices at length."
    text = (
        "Ashwell Parish Council\n\nMinutes of the meeting held on Monday 13 May 2019 in the Village Hall\n\n"
        "1\\. Apologies for Absence: received from Cllr Mack.\n\n"
        "2\\. PUBLIC FORUM (15 MINUTES) The Parish Council was thanked for the defibrillator.\n\n"
        f"3\\. Accounts were presented and accepted for payment.{long}{long}\n\n"
        "4\\. 2018 Annual Governance Statement Councillors were given a copy, which was approved.\n\n"
        f"5\\. School Lane car park update a. The planning application has been revised.{long}{long}\n\n"
        "6\\. Planning Applications: none were received for consultation.\n"
    )
    doc = paper(tmp_path, text, "minutes.md")
    items = [(i.number, i.title) for i in doc.agenda_items]
    assert [number for number, _ in items] == ["1", "2", "3", "4", "5", "6"]
    assert items[1][1] == "PUBLIC FORUM (15 MINUTES)"
    assert items[2][1] == "Accounts were presented and accepted for payment"
    # A numbered sentence inside a minute is still no item of its own.
    assert all(len(title) <= 80 for _, title in items)


def test_a_slashed_minute_number_keyed_with_a_point_or_run_into_its_title_stays_in_its_run(
    tmp_path: Path,
) -> None:
    text = (
        "Ashwell Parish Council\n\nMinutes of the meeting held on Tuesday 1 September 2015 in the Hall\n\n"
        "15/09/1Public Forum – No members of the public were present.\n\n"
        "15/09/2 Apologies – Cllr Hart sent apologies.\n\n"
        "15/09/3 Minutes – The minutes of the last meeting were approved.\n\n"
        "15/09.4 Parish Matters – The bus shelter has been repaired.\n\n"
        "15/09/5 Items for next meeting – Footpaths.\n"
    )
    doc = paper(tmp_path, text, "minutes.md")
    assert [i.number for i in doc.agenda_items] == ["15/09/1", "15/09/2", "15/09/3", "15/09.4", "15/09/5"]


def test_an_annual_meeting_then_an_ordinary_one_keep_every_item_of_both(tmp_path: Path) -> None:
    # The first meeting's first two headings sit on consecutive lines as a list's rows would.
    first = [
        "Attendance and apologies: recorded above",
        "Minutes of the 2024 AGM",
        "Report from the outgoing Chair",
        "Report from the outgoing Treasurer",
        "Election of office bearers",
    ]
    second = ["Fire Station", "Active Travel", "Footbridge", "Bus Franchising", "Waste and Cleansing"]
    body = "The meeting heard a short report and thanked the speaker for it.\n\n"
    text = "Ashwell Community Council\n\nMinutes of the Annual General Meeting, Monday 6 October 2025\n\n"
    text += f"1\\.**{first[0]}**\n2\\.**{first[1]}**\n{body}"
    text += "".join(f"**{k}\\. {title}**\n{body}" for k, title in enumerate(first[2:], start=3))
    text += "**General Meeting**\n\n"
    text += "".join(f"**{k}\\. {title}**\n{body}" for k, title in enumerate(second, start=1))
    doc = paper(tmp_path, text, "minutes.md")
    assert [i.number for i in doc.agenda_items] == ["1", "2", "3", "4", "5", "1", "2", "3", "4", "5"]


def test_minutes_kept_in_one_paragraph_are_split_at_their_running_numbers(tmp_path: Path) -> None:
    text = (
        "Ashwell Parish Council\n\nMinutes of the meeting held on Thursday 1 June 2017 in the Hall\n\n"
        "70/17 Apologies for absence Apologies had been received from Cllr Hart. 71/17 Declaration of"
        " Interest No declarations were made. 72/17 Minutes of the meeting held on 3 May 2017 The minutes"
        " were approved as a true record, as agreed under minute 64/17 last month.\n\n"
        "73/17 Clerk's Report The clerk reported on the audit. 74/17 Handyman's Report The benches were"
        " painted.\n\n"
        "75/17 Date of next meeting: 6 July 2017.\n"
    )
    doc = paper(tmp_path, text, "minutes.md")
    assert [i.number for i in doc.agenda_items] == ["70/17", "71/17", "72/17", "73/17", "74/17", "75/17"]
    minutes = next(i for i in doc.agenda_items if i.number == "72/17")
    assert "under minute 64/17 last month" in minutes.text  # a reference inside a minute stays


def test_an_item_taken_out_of_order_keeps_its_number_after_the_last_item(tmp_path: Path) -> None:
    titles = {
        1: "Apologies",
        2: "Minutes of the last meeting",
        3: "Correspondence",
        5: "Finance",
        6: "Planning",
        7: "Highways",
        4: "Money Claim",
    }
    body = "The item was discussed by the members present at some length.\n\n"
    text = "Ashwell Parish Council\n\nMinutes of the meeting held on Tuesday 5 June 2018 in the Hall\n\n"
    text += "".join(f"{k}\\. {title}\n\n{body}" for k, title in titles.items())
    doc = paper(tmp_path, text, "minutes.md")
    assert [i.number for i in doc.agenda_items] == ["1", "2", "3", "5", "6", "7", "4"]
    assert doc.agenda_items[-1].title == "Money Claim"


TEMPLATES = {
    "county-cabinet-minutes": COUNTY_CABINET_MINUTES,
    "supplement-pack": SUPPLEMENT_PACK,
    "parish-minutes-without-title": PARISH_MINUTES_WITHOUT_TITLE,
    "officer-report": OFFICER_REPORT,
}


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_template_printed_to_pdf_reads_as_its_text(tmp_path: Path, template: str) -> None:
    # The same paper as a PDF a word processor would make: headings in bold, a running footer,
    # the text over two pages. Kind, meeting, body and items must not depend on the format.
    from tests.pdf_fixtures import make_pdf

    text = TEMPLATES[template]
    lines = [line for line in text.splitlines() if line.strip()]
    bold = {line for line in lines if line.isupper() or line[:1].isdigit()}
    half = (len(lines) + 1) // 2
    pdf = make_pdf(tmp_path / "paper.pdf", [lines[:half], lines[half:]], footer="Page {page} of {pages}",
                   bold_lines=bold)  # fmt: skip
    as_text, as_pdf = paper(tmp_path, text), parse_file(pdf, analyses=[])
    assert (as_pdf.kind, as_pdf.meeting_date, as_pdf.body) == (
        as_text.kind,
        as_text.meeting_date,
        as_text.body,
    )
    assert [i.number for i in as_pdf.agenda_items] == [i.number for i in as_text.agenda_items]


# A web page's agenda copied without its heading: a numbered list of short titles, some with
# a few lines listed under them (payments, applications), nothing recorded.
HEADLESS_AGENDA = """\
412. Police report
413. Apologies for absence
414. Declarations of interest
415. Minutes of the previous meeting
416. Payments:-
Grass cutting contract
Clerk's salary and expenses
Village hall hire
417. Planning applications:-
P/2021/0042 - Single storey extension, 4 Mill Lane.
P/2021/0057 - Replacement windows, The Old Forge.
418. Footpaths and bridleways
419. Correspondence
420. Date of next meeting
"""

# Minutes that keep the agenda's wording as their item titles and record each outcome after
# it, with no "RESOLVED" anywhere. (Minutes this terse throughout, a line or so per item, still
# read as a list: their attendance block alone does not outweigh it.)
MINUTES_IN_AGENDA_WORDING = """\
Present: Cllrs Owen, Price, Lloyd and the Clerk.

501. To receive apologies for absence: Cllrs Hughes and Morgan sent apologies, both being away
on holiday, and Cllr Jenkins had let the Clerk know that she would arrive late from work.
502. To receive declarations of interest: None were declared for any item on the agenda, and
the Chair reminded members to update their register entries before the end of the month.
503. To approve the minutes of the previous meeting: Approved and signed as a correct record,
after the spelling of a resident's name in item 488 had been corrected by the Clerk.
504. To receive the financial report: The current account stands at £4,120.55 and the reserve
account at £12,900.00. The second half of the precept was received on 1 October.
505. To consider accounts for payment: Grass cutting £420.00, Clerk's salary £380.00. All were
approved for payment by the members present.
506. To discuss the bus shelter: The contractor has repaired the roof. The glass panel is still
cracked and a quotation for its replacement will be brought to the next meeting. Members
thanked the residents who had reported the damage and asked the Clerk to write to them.
507. To receive reports from outside bodies: The school reported a new head teacher from
January. The hall committee is raising funds for a new boiler and asked for a grant; members
will consider it with the budget in December, when the hall's accounts will be available.
"""


def test_a_headless_numbered_list_of_titles_is_an_agenda(tmp_path: Path) -> None:
    assert paper(tmp_path, HEADLESS_AGENDA).kind == "agenda"


def test_minutes_worded_like_their_agenda_are_minutes(tmp_path: Path) -> None:
    assert paper(tmp_path, MINUTES_IN_AGENDA_WORDING).kind == "minutes"


# One file, two meetings: the annual meeting's minutes, then the ordinary meeting's, each
# numbered afresh; the second set bold-free, as both are in a word processor's plain text.
TWO_MEETINGS_IN_ONE_FILE = """\
Minutes of the Annual Meeting of Little Snoring Parish Council held on 13 May 2024 at 7 pm

Present: Cllrs Able, Baker, Cole and Dean.

1. Election of Chair
Cllr Able was elected Chair for the year and signed the declaration of acceptance.
2. Election of Vice-Chair
Cllr Baker was elected Vice-Chair for the year.
3. Appointment of representatives
Cllr Cole will represent the council on the village hall committee.
4. Review of standing orders
The standing orders were reviewed and adopted without change.

The ordinary meeting followed.

1. Apologies
Apologies were received from Cllr Evans.
2. Minutes of the last meeting
The minutes of the meeting held in April were approved and signed.
3. Planning
The council had no objection to the application for a garage at 4 Mill Lane.
4. Finance
The payments listed in the clerk's report were approved by all members present.
5. Highways
Members agreed the following steps to deal with the flooding on Church Lane:
1. The Clerk will write to the county highways team about the blocked drains.
2. Cllr Baker will photograph the flooding after the next heavy rain for the report.
3. The council will ask the landowner to clear the ditch beside the playing field.
The meeting closed at 9.05 pm.
"""


def test_two_meetings_in_one_file_keep_both_runs_of_items(tmp_path: Path) -> None:
    doc = paper(tmp_path, TWO_MEETINGS_IN_ONE_FILE)
    assert [i.number for i in doc.agenda_items] == ["1", "2", "3", "4", "1", "2", "3", "4", "5"]
    assert doc.agenda_items[4].title == "Apologies"
    assert len({i.id for i in doc.items}) == len(doc.items)
    # The numbered steps inside item 5 are its text, not a third meeting.
    assert "blocked drains" in doc.agenda_items[-1].text


def test_a_second_meeting_numbered_in_its_own_series_keeps_its_items(tmp_path: Path) -> None:
    # The council's running minute numbers, then the other meeting's own series (Tintern's
    # May 2020 file: 2876-2889, then the AGM's 805-813): the numbers go back, a second run.
    labels = ["2876", "2877", "2878", "2879", "805", "806", "807", "808", "809"]
    lines = TWO_MEETINGS_IN_ONE_FILE.split("\n")
    headings = [k for k, line in enumerate(lines) if line[:3] in ("1. ", "2. ", "3. ", "4. ", "5. ")]
    for k, label in zip(headings, labels, strict=False):  # the list inside item 5 keeps "1."-"3."
        lines[k] = f"{label}.{lines[k][2:]}"
    doc = paper(tmp_path, "\n".join(lines))
    assert [i.number for i in doc.agenda_items] == labels


def test_a_number_set_against_its_title_is_a_heading(tmp_path: Path) -> None:
    text = PARISH_MINUTES_WITHOUT_TITLE.replace("1. ", "1.", 1).replace("2. ", "2.", 1)
    doc = paper(tmp_path, text)
    assert [i.number for i in doc.agenda_items] == ["1", "2", "3", "4", "5"]


def test_a_date_the_minutes_report_is_not_the_meeting_date(tmp_path: Path) -> None:
    # No date in the heading; the only one is of an event a councillor reported.
    text = (
        "Little Snoring Parish Council March Meeting\n\n"
        "Present: Cllrs Able, Baker and Cole.\n\n"
        "Item 1 County Council report\n"
        "Cllr Able informed the meeting that on the 16th February 2015 the budget had been set.\n"
        "Item 2 Planning\nNo applications had been received.\n"
        "Item 3 Finance\nThe payments were approved.\n"
    )
    assert paper(tmp_path, text).meeting_date is None


def test_an_unnumbered_agenda_that_summons_its_members_is_an_agenda(tmp_path: Path) -> None:
    """No title, no item numbers: the summons ("you are hereby invited ... the following items
    will be considered") says agenda, and business lines naming "minutes" or a "report" are
    not the paper's title."""
    text = (
        "You are hereby invited to the meeting of Orton Parish Council in the Village Hall on "
        "Monday 3rd March 2025 at 7.30pm, when the following items will be considered.\n"
        "Chairman's Remarks\nApologies for absence\nReport from the Police\nPublic Forum\n"
        "To approve the minutes of the meeting held on 3rd February 2025\n"
        "Matters arising from the minutes\nTo receive an update on the playing field\n"
        "Financial Matters\nItems for the next agenda\n"
    )
    doc = paper(tmp_path, text)
    assert (doc.kind, doc.meeting_date, doc.body) == ("agenda", "2025-03-03", "Orton Parish Council")


def test_minutes_approved_after_their_date_are_a_reference_not_the_meeting(tmp_path: Path) -> None:
    """The confirmation can follow the date ("... which took place on Tuesday 12th May 2020 were
    approved"): with no other date printed, the paper is undated, not filed under May."""
    text = (
        "Held remotely\n\nCOUNCILLORS PRESENT:\nCouncillors A Smith (Chairman) and B Jones.\n\n"
        "1. PUBLIC PARTICIPATION\nNo members of the public spoke.\n\n2. APOLOGIES\nNone.\n\n"
        "3. CONFIRMATION OF MINUTES\nRESOLVED – The minutes of the meeting which took place on "
        "Tuesday 12th May 2020 were approved as an accurate record.\n\n4. FINANCE\nNoted.\n"
    )
    doc = paper(tmp_path, text)
    assert doc.kind == "minutes"
    assert doc.meeting_date is None


def test_a_notice_naming_its_council_in_a_long_sentence_names_the_body(tmp_path: Path) -> None:
    """The council is named only in the notice's sentence, which goes on past a colon."""
    text = (
        "Agenda – 9 May 2024\n\nNOTICE IS HEREBY GIVEN that a meeting of BRYNMAWR TOWN COUNCIL will be "
        "held in the Market Hall on Thursday 9 May 2024 at 7.00pm. The business is set out below:\n\n"
        "1. Apologies for absence\n2. Declarations of interest\n3. Minutes of the last meeting\n"
    )
    doc = paper(tmp_path, text)
    assert (doc.kind, doc.meeting_date, doc.body) == ("agenda", "2024-05-09", "Brynmawr Town Council")


def test_a_bilingual_heading_broken_over_lines_names_the_community_council(tmp_path: Path) -> None:
    """Welsh above English, the place name between them on a line of its own."""
    text = (
        "CYNGOR CYMUNED\nPENTREFOELAS UCHAF\nCOMMUNITY COUNCIL\n\nMinutes of the Council Meeting,\n"
        "11th June 2024 Venue, the Village Hall\n\nIn Attendance\nCouncillors A Jones (Chair), B Evans.\n"
        "1) Apologies – Councillor C Price.\n2) Minutes of previous meeting\nThe minutes were approved.\n"
    )
    doc = paper(tmp_path, text)
    assert (doc.kind, doc.body) == ("minutes", "Pentrefoelas Uchaf Community Council")


def test_a_short_heading_after_a_minute_run_in_on_its_line_is_the_next_item(tmp_path: Path) -> None:
    """ "4. Planning" follows a minute written whole on its heading's line: the next minute,
    not a row of a list the two would make."""
    text = (
        "Minutes of an Extraordinary Parish Council Meeting\nOn Monday 9th January 2023\n\n"
        "Present: Cllr A Hale (Chair), Cllr B Rowe, Cllr C Sim.\n\n"
        "1. Apologies for absence: Cllr D Vale\n\n2. Declarations of interest: None\n\n"
        "3. Co-option: Mrs E Ward was proposed by Cllr Rowe and seconded by Cllr Sim and it was "
        "unanimously resolved to co-opt Mrs Ward to fill the vacancy on the council.\n\n"
        "4. Planning\n230114 – Land east of Mill Lane\nIt was RESOLVED unanimously to object.\n"
    )
    doc = paper(tmp_path, text)
    assert [item.number for item in doc.items if item.number] == ["1", "2", "3", "4"]


def test_minutes_whose_line_breaks_were_lost_keep_their_kind_items_and_meeting(tmp_path: Path) -> None:
    """A paper saved from a document-sharing page runs heading, attendance and every minute
    on in one line; a reference number printed in the heading and a later date must not
    start items or date the meeting."""
    text = (
        "HOLTBY TOWN COUNCIL\n"
        "Minutes of the Meeting of the Full Holtby Town Council Held at 7.00pm on Monday 1 September "
        "2008 At the Council Chambers, Market Hill, Holtby Present: Cllr. G Hughes, Cllr. K Butcher, "
        "Cllr. L Jacobs. Also present: Mrs C Mason (Town Clerk) and 5 members of the public. 1. APOLOGIES "
        "FOR ABSENCE Cllr. R Silvester, Cllr. E Ashley. 2. DECLARATIONS OF INTERESTS None. 3. TO RECEIVE, "
        "CONFIRM AND SIGN MINUTES Of the Meeting of Monday 7 July 2008 and the Annual Cemetery Meeting of "
        "Monday 4 August 2008. Proposed by Cllr. K Butcher and seconded by Cllr. A Simmons. CARRIED: 8 for "
        "2 abstentions. 4. MATTERS ARISING No further update on the costs of switching to digital. "
        "5. PUBLIC FORUM No members of the public wished to speak.\n"
    )
    doc = paper(tmp_path, text)
    assert (doc.kind, doc.meeting_date, doc.body) == ("minutes", "2008-09-01", "Holtby Town Council")
    assert [item.number for item in doc.items if item.number] == ["1", "2", "3", "4", "5"]


def test_running_references_led_by_letters_are_items_even_run_together(tmp_path: Path) -> None:
    text = (
        "Ashby Parish Council\n"
        "Minutes of a Meeting of Ashby Parish Council held at 7.00pm on Monday 4 February 2008 at the "
        "Parish Rooms Cou/285/07-08 Present Members: Cllr P Batty (Chairman), Cllr J Batty, Cllr Beck. "
        "Cou/286/07-08 Apologies for Absence Apologies for absence were received from Cllr Purves. "
        "Cou/287/07-08 Declarations of Interest None were declared. Cou/288/07-08 Minutes RESOLVED that "
        "the minutes of the meeting held on 7 January 2008 be approved.\n"
    )
    doc = paper(tmp_path, text)
    assert doc.kind == "minutes"
    assert [item.number for item in doc.items if item.number] == [
        "Cou/285/07-08",
        "Cou/286/07-08",
        "Cou/287/07-08",
        "Cou/288/07-08",
    ]


def test_limbs_numbered_under_an_item_are_not_the_papers_items(tmp_path: Path) -> None:
    text = (
        "Minutes of Ashwell Parish Council's Meeting\nheld at 7.00 pm on Thursday 18 June 2020\n"
        "Present: Cllr C Wood (Chairman), Cllr J Denton.\n"
        "1 Apologies for absence – none were received.\n"
        "2 Declarations of interest – there were none.\n"
        "3 Notes of the last meeting held on 20 February 2020\nThe notes were approved.\n"
        "4 Correspondence\n4.1 The district council had sent its decision on an application.\n"
        "4.2 The bank sent changes to its terms.\n4.3 A resident wrote about the verges.\n"
        "4.4 The county council sent its road closures.\n4.5 The school wrote about parking.\n"
    )
    doc = paper(tmp_path, text)
    assert [item.number for item in doc.items if item.number] == ["1", "2", "3", "4"]


def test_main_items_numbered_with_a_point_nought_are_items(tmp_path: Path) -> None:
    text = (
        "MINUTES of COUNCIL MEETING on Wednesday 25th August 2021 at 7.30pm\n\n"
        "1.0 Welcome and Apologies for Absence: to record attendance.\n"
        "Attendance: Cllr B Smith (Chairman).\n\n"
        "2.0 Declarations of Members' Interests: none.\n\n3.0 Minutes: the minutes were approved.\n\n"
        "4.0 Planning: no applications.\n"
    )
    doc = paper(tmp_path, text)
    assert [item.number for item in doc.items if item.number] == ["1.0", "2.0", "3.0", "4.0"]


def test_an_agenda_item_whose_text_runs_on_is_still_an_item(tmp_path: Path) -> None:
    text = (
        "PENRHOS COMMUNITY COUNCIL\nYou are summoned to attend a Meeting to be held on Tuesday 11th February "
        "2020 at 7.00pm at the Village Hall\nAGENDA\n1. Apologies\n2. Declaration of Interest : Reminder to "
        "members. (A personal interest is also a prejudicial interest where it would be regarded as so "
        "significant that it is likely to prejudice the member's judgement of the public interest; see the "
        "code of conduct, paragraph 12, and the forms available from the Clerk.)\n3. Minutes of the Meeting "
        "held on 14th January 2020\n4. Public Speaking\n5. Planning Applications a) 20/0085/FUL - Proposal: "
        "Erection of an agricultural building to cover the existing cattle yard, Site Address: Land at "
        "Lower Farm. b) 20/0098/FUL - Proposal: Erection of a cover over an existing slurry pit.\n"
        "6. Correspondence\n"
    )
    doc = paper(tmp_path, text)
    assert doc.kind == "agenda"
    assert [item.number for item in doc.items if item.number] == ["1", "2", "3", "4", "5", "6"]


def test_a_record_of_decision_names_its_decision_maker(tmp_path: Path) -> None:
    text = (
        "KINGSTEAD BOROUGH COUNCIL\n\nRECORD OF DECISION OF THE Cabinet\n\n"
        "Decision Made:\n12 September 2012\n\n"
        "The Community Right to Challenge\n\nDecision Made\n\n1. That a proactive approach be agreed.\n\n"
        "Reasons for Decision\n\nThe Act offers new opportunities.\n"
    )
    doc = paper(tmp_path, text)
    assert (doc.kind, doc.body, doc.meeting_date) == ("decision_notice", "Cabinet", "2012-09-12")


def test_an_untitled_list_of_business_with_notes_under_its_last_items_is_an_agenda(tmp_path: Path) -> None:
    """No title, no date: a time and a venue, then five bare items and two with the clerk's
    notes under them (correspondence since the last meeting)."""
    text = (
        "7.30 pm Kilchattan Village Hall\n1. Apologies:\n2. Declarations of Interest\n3. Police Report\n"
        "4. Adoption of Minutes of 15/7/2015 Meeting\n5. Matters arising from the Minutes\n"
        "6. Matters raised by members\nFerry timetable – Mr H. Tait\nParking at the pier – Mr D. Williams\n"
        "7. Correspondence\nSince the last meeting on 16/9 the Secretary:\n"
        + "".join(
            f"{day}/9: As instructed, replied to the email from the neighbouring community council about "
            "the boundary proposals, saying the council could not sign a joint letter with the second "
            "option in it; a new draft was received and circulated to members for their views.\n"
            for day in range(17, 24)
        )
    )
    doc = paper(tmp_path, text)
    assert doc.kind == "agenda"
    assert [item.number for item in doc.items if item.number] == ["1", "2", "3", "4", "5", "6", "7"]


def test_a_scottish_minute_run_on_into_its_first_sentence_is_minutes(tmp_path: Path) -> None:
    text = (
        "Kinross Community Council\nKinross Community Council Minute of the Kinross Community Council (KCC) "
        "Meeting held on Thursday, 12th February 2015, in the Church Hall 1. Welcome: The Vice Chair chaired "
        "the meeting and welcomed members. 2. Apologies: Apologies were received from CClrs Hamilton and "
        "Smith. 3. Police matters: PC Stapleton presented the Police report.\n"
    )
    doc = paper(tmp_path, text)
    assert (doc.kind, doc.body, doc.meeting_date) == ("minutes", "Kinross Community Council", "2015-02-12")


def test_an_agenda_and_minutes_page_is_the_minutes(tmp_path: Path) -> None:
    """A council web page titled "Agenda for Council" that sets each item's minutes under it."""
    text = (
        "Agenda for Council on Wednesday, 27th January, 2021, 6.00 pm\n\nAgenda and minutes\n\n"
        "Venue: Microsoft Teams\n\nItems\nNo. Item\n\n66.\n\nApologies for absence\n\nMinutes:\n\nNone.\n\n"
        "67.\n\nDeclarations of Interest\n\nMinutes:\n\n"
        "Councillor Yates declared a personal interest in item 11.\n\n"
        "68.\n\nMinutes of meeting Wednesday, 25 November 2020 of Council\n\nMinutes:\n\n"
        "RESOLVED: (Unanimously)\n\n"
        "That the minutes of the Council meeting held on Wednesday, 25 November 2020 be approved.\n\n"
        "69.\n\nMayors Announcements\n\nMinutes:\n\nThe Mayor gave an update on her engagements.\n"
    )
    doc = paper(tmp_path, text)
    assert (doc.kind, doc.meeting_date) == ("minutes", "2021-01-27")


def test_a_pack_enclosing_late_minutes_is_a_supplement(tmp_path: Path) -> None:
    text = (
        "Public Document Pack\nDate: 7 April 2015\nDear Councillor\n"
        "PLANNING COMMITTEE - WEDNESDAY, 8TH APRIL, 2015\n"
        "I am now able to enclose, for consideration at the next meeting on Wednesday, 8th April, 2015 the\n"
        "minutes of the previous meeting that were unavailable when the agenda was printed.\nAgenda No\n"
        "5\nItem\n"
        "To approve the minutes of the meeting dated 25 March 2015 (Pages 1 - 12)\n"
        "This page is intentionally left blank\nAgenda Item 5\nPLANNING COMMITTEE\nWednesday, 25 March 2015\n"
        "Present: Councillor Mrs Soyke (Chairman)\nAPOLOGIES\nPLA146/14\n"
        "Apologies for absence were recorded.\n"
        "DECLARATIONS OF INTEREST\nPLA147/14\nCouncillor Mrs Soyke declared an interest.\n"
        "SITE INSPECTIONS\nPLA148/14\nThe Chairman advised that a site visit had been undertaken.\n"
    )
    assert paper(tmp_path, text).kind == "supplementary_agenda"


def test_terse_minutes_with_a_bare_list_of_headings_are_minutes(tmp_path: Path) -> None:
    """Each heading's record is a line or two in the past tense; no "Minutes" title."""
    text = (
        "Ashcombe Parish Council\n\nThursday 08 February 2001 at 7.30 p.m.\n\n1. Present\n"
        "Mrs S Maddock in the chair\n"
        "Mrs D Currie\n\n2. Apologies\nMr P Gregory\n\n3. Minutes\n30 November 2000 approved\n\n"
        "4. Matters arising\n"
        "The Clerk reported on the meeting with the Director.\n\n5. Budgets\n"
        "Committee considered the budget.\n\n"
        "6. IT System\nClerk gave a progress report.\n\n7. Management\nCommittee considered the accounts.\n\n"
        "8. Best Value\nCommittee discussed the action taken so far.\n\n9. Accounts\nPayments approved.\n\n"
        "10. Annual Parish Meeting\nFormat discussed.\n\n11. Date of next meeting\n8 March 2001\n"
    )
    assert paper(tmp_path, text).kind == "minutes"


def test_a_table_of_minutes_exported_with_slashes_between_cells_keeps_its_items(tmp_path: Path) -> None:
    """Item / Notes / Action, one row a line, the cells run together with " / "."""
    text = (
        "Minutes of the meeting held on Wednesday 12th July 2017\n\nATTENDING: / Cllr. D Elliott\n"
        "Item / Notes / Action\n"
        "13.17/18 / Apologies for absence / Apologies were received from Cllr. E Robson.\n"
        "14.17/18 / Declarations of interest / There were no declarations of interest made.\n"
        "15.17/18 / Minutes of the meeting on June 7th / The minutes were agreed as a true record.\n"
        "16.17/18 / Planning / There were two applications: 1) P1049/17/FUL: Rowan Cottage.\n"
        "2) P0916/17/FUL: Smallbrook House.\n3) P1033/17/FUL: Land at Cone Brook.\n"
    )
    doc = parse_file(_write(tmp_path, text))
    assert [item.number for item in doc.items if item.number] == [
        "13.17/18",
        "14.17/18",
        "15.17/18",
        "16.17/18",
    ]
    assert [(r.item_id, r.outcome) for r in doc.resolutions] == [(doc.items[3].id, "approved")]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "paper.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # An issue's decisions page of a committee system.
        (
            "Issue - decisions\n\nAnnual Reports 2007/08\n\n11/06/2008 - Annual Reports 2007/08\n",
            "decision_notice",
        ),
        # A question's record: who asked it, of whom, who answered.
        (
            "Mayor's Question Time\n\nSession date:\nDecember 20, 2000\nQuestion By:\nR Evans\nAsked Of:\n"
            "The Mayor\n\nWould you attend every two weeks?\n\nAnswered By:\nThe Mayor\n\nI would not.\n",
            "questions",
        ),
        (
            "CLERK'S BRIEFING NOTE 16-12\n\nVERBAL REPORTS TO COUNCIL\n\n1. The Council receives reports.\n",
            "report",
        ),
        # A named meeting's agenda and its date, its items in a table.
        (
            "Community Committee Agenda 20.06.17\n\nNo | Item |\n1 | Appointment of Chair |\n"
            "2 | Apologies for absence |\n3 | Minutes of Meeting 12 |\n",
            "agenda",
        ),
        # An agenda with no title: its business put to the members in the present tense.
        (
            "10 October 2018\n\nDate:\nWednesday, 10 October, 2018\n\nItem no. Details\n01 Apologies "
            "for Absence\n"
            "02 Disclosable Pecuniary Interests\n\nMembers are reminded that they must not take part in any "
            "matter in which they have an interest.\n\n03 Minutes\n\nMembers are asked to agree the "
            "minutes of "
            "the Annual Meeting, held on 20 June 2018.\n\n04 Public Questions\n\nMembers are asked to "
            "receive any "
            "questions of which notice has been given.\n",
            "agenda",
        ),
    ],
)
def test_papers_that_name_their_kind_in_their_own_terms(tmp_path: Path, text: str, kind: str) -> None:
    assert paper(tmp_path, text).kind == kind


def test_a_notice_dated_by_its_letter_takes_the_date_the_meeting_is_called_for(tmp_path: Path) -> None:
    text = (
        "Date: 29 October 2018 Town Hall, Penrith Tel: 01768 817817 Dear Sir/Madam Executive Agenda - "
        "6 November 2018 Notice is hereby given that a meeting of the Executive will be held at 6.00 pm on "
        "Tuesday, 6 November 2018 at the Town Hall, Penrith. 1 Apologies for Absence 2 Minutes To confirm "
        "the minutes of the meeting held on 2 October 2018. 3 Declarations of Interest 4 Questions from "
        "the Public 5 Questions from Members\n"
    )
    doc = paper(tmp_path, text)
    assert (doc.kind, doc.meeting_date, doc.body) == ("agenda", "2018-11-06", "Executive")
    assert [item.number for item in doc.items if item.number] == ["1", "2", "3", "4", "5"]


@pytest.mark.parametrize(
    ("heading", "body"),
    [
        ("Meeting documents\nAgenda for Council on Thursday, 17th July, 2014, 7.00 pm", "Council"),
        ("MINUTES OF A MEETING OF FULL COUNCIL HELD ON WEDNESDAY 20th SEPTEMBER 2017", "Council"),
        ("» Home » Official » Community Council\nMinutes of the meeting held on 8 October 2013", None),
        ("13th August Town Council\nMinutes of the extraordinary meeting held on 13 August 2019", None),
    ],
)
def test_web_page_furniture_before_a_name_is_no_part_of_it(
    tmp_path: Path, heading: str, body: str | None
) -> None:
    doc = paper(tmp_path, f"{heading}\n\n1. Apologies\nNone.\n\n2. Minutes\nApproved.\n")
    assert doc.body == body


def test_running_minute_numbers_closing_with_the_councils_letters_are_items(tmp_path: Path) -> None:
    text = (
        "Minutes of the meeting held on Tuesday 13th August 2019 at 7pm in the Council Chamber\n\n"
        "Present: Cllr A Brewer (Chairman) and Cllrs N Tolley, C Allen\n\n83/19/TC Apologies\n"
        "Apologies were received from Cllr A Hodge.\n\n84/19/TC Declarations of Interest\nThere "
        "were none.\n\n"
        "85/19/TC To approve payment of invoices.\nIt was resolved to approve the payment of £9633.74.\n\n"
        "86/19/TC To resolve to exclude the press and public\nIt was resolved to exclude them.\n"
    )
    doc = parse_file(_write(tmp_path, text))
    assert [item.number for item in doc.items if item.number] == [
        "83/19/TC",
        "84/19/TC",
        "85/19/TC",
        "86/19/TC",
    ]
    assert {r.outcome for r in doc.resolutions} == {"approved"}


def test_a_run_of_minute_numbers_split_between_paragraphs_is_found_in_both(tmp_path: Path) -> None:
    text = (
        "MINUTES\n\nA meeting of Abbeyfield Community Council was held on Thursday 11th March 2021 "
        "at 7.00pm\n\n"
        "The meeting was held as a video conference with due regard to the restrictions in place at the "
        "time. The Community Council Meeting was opened at 7.05pm 0321/01 Present: J Evans (Chair), K "
        "Powell, B Rees. Apologies: County Cllr. D Evans for late arrival. 0321/02 Declarations of "
        "Interest: None\n\n0321/03 Minutes of the Previous Meeting: Minutes of the Meeting held on 26th "
        "November 2020 were agreed and signed as a true record.\n\n0321/04 Planning: No applications.\n"
    )
    doc = paper(tmp_path, text)
    assert [item.number for item in doc.items if item.number] == ["0321/01", "0321/02", "0321/03", "0321/04"]


def test_a_list_numbered_from_one_inside_an_item_is_its_limbs(tmp_path: Path) -> None:
    text = (
        "Minutes of the meeting held on Wednesday 12th July 2017\n\nItem / Notes / Action\n"
        "13.17/18 / Apologies for absence / Apologies were received from Cllr. E Robson.\n"
        "14.17/18 / Declarations of interest / There were no declarations of interest made.\n"
        "15.17/18 / Minutes of the meeting on June 7th / The minutes were agreed as a true record.\n"
        "16.17/18 / Planning / There were several applications for consideration and comment, namely: 1) "
        "P1049/17/FUL: Clanna Country Park: despite a letter from the Council in support of the "
        "application, the Council had concerns about the access road and asked for a site visit.\n"
        "2) P0916/17/FUL: Smallbrook House: the Council had no comments to make.\n"
        "3) P1049/17/FUL: Rowan Cottage: the Council had no comments to make.\n"
        "4) P1033/17/FUL: Land at Cone Brook: the Council objected to the application.\n"
    )
    doc = paper(tmp_path, text)
    assert [item.number for item in doc.items if item.number] == [
        "13.17/18",
        "14.17/18",
        "15.17/18",
        "16.17/18",
    ]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # A committee system's meeting line, after a note that the meeting moved.
        (
            "Agenda and minutes\n\n"
            "Moved from 9th October 2018, Cabinet - Tuesday, 2nd October, 2018 2.00 pm\n",
            "Cabinet",
        ),
        # A named body's minutes run on in a flattened heading.
        (
            "CCC Minutes February 2021 Kilmahog Community Council Minutes of the meeting: Monday 8th "
            "February 2021 (v2) On-line meeting via Zoom Community Councillors present: S Holden "
            "(Chair), D Shearer.\n",
            "Kilmahog Community Council",
        ),
        (
            "PAPER C\n\nFire and Public Safety Select Committee\n\n13 October 2003\n",
            "Fire and Public Safety Select Committee",
        ),
        (
            "Meeting Details\n\nPlanning applications committee\n10 Sep 2020 - 10:00\n",
            "Planning applications committee",
        ),
        ("Minutes of Annual Parish Meeting Monday 11th May 2015 at 7.30pm\n", "Annual Parish Meeting"),
        # A person's role, or a rule of the constitution, names no body.
        ("Questions to Cabinet Members\n\nTo answer questions under Council Procedure Rule 11.2.\n", None),
        ("Chair of the Scrutiny Commission\n\nNotice of a key decision.\n", None),
    ],
)
def test_the_body_is_read_from_the_heading_whatever_its_furniture(
    tmp_path: Path, text: str, body: str | None
) -> None:
    assert paper(tmp_path, text + "\n1. Apologies\nNone.\n").body == body


def test_a_committee_systems_meeting_page_lists_its_business_as_an_agenda(tmp_path: Path) -> None:
    """Tabs (Documents, Attendance, …) and each item's business in the imperative under it."""
    text = (
        "Meeting Details\n\nPlanning applications committee\n10 Sep 2020 - 10:00\nDocuments\nAttendance\n"
        "Visitors\nDeclarations of Interests\n\nStandard Items\n1 Apologies\n\nTo receive "
        "apologies for absence\n"
        "2 Declarations of interest\n\n(Please note that members declare an interest before the item.)\n"
        "3 pdf Minutes (233Kb)\n\nTo approve the accuracy of the minutes of the meeting held on 13 "
        "August 2020\n"
        "4 Planning applications\n\nPlease note the public speaking procedures.\n"
    )
    assert paper(tmp_path, text).kind == "agenda"


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Questions to Cabinet Members", "questions"),
        (
            "Questions by Elected Members in accordance with Council Procedure Rules 15.2 and 15.3",
            "questions",
        ),
        ("General Exception Notice", "forward_plan"),
        ("Download the Agenda and Reports for Planning Committee 18 April 2018", "agenda"),
        ("Officer delegated decisions", "decision_notice"),
        ("CLERK'S REPORT FOR COUNCIL MEETING 1st FEBRUARY 2024", "report"),
    ],
)
def test_more_titles_name_their_kind(tmp_path: Path, title: str, kind: str) -> None:
    assert paper(tmp_path, f"{title}\n\nSome text of the paper that follows its title.\n").kind == kind


def test_a_published_decisions_page_is_a_decision_notice(tmp_path: Path) -> None:
    text = (
        "Decisions published\n\n12/01/2018 - Exclusion of the Press and Public ref: 302 Recommendations "
        "Approved\n\nDecision Maker: Transport Committee\n\n"
        "Made at meeting: 12/01/2018 - Transport Committee\n\n"
        "Decision published: 12/01/2018\n\nEffective from: 12/01/2018\n\nResolved: That the press and public "
        "be excluded.\n"
    )
    assert paper(tmp_path, text).kind == "decision_notice"


def test_items_numbered_by_item_month_and_year_count_in_the_item(tmp_path: Path) -> None:
    text = (
        "Minutes of the meeting held on 1 July 2020 at 7.30pm remotely via Zoom.\n"
        "Present Cllrs: K Langley (Chair), C d'Ayala, P Lawrence, M Higgs. In attendance the Clerk and six "
        "members of the public. 1.7.20 Attendance (as above) 2.7.20 To receive apologies for absence. Cllr. "
        "Kershaw (unwell). Apologies accepted. 3.7.20 To receive Members Declarations of Interest. None. "
        "4.7.20 To approve the Minutes of the Meeting held on 6th May 2020. Resolved. 5.7.20 To invite "
        "Members of the Public to address the meeting. None did.\n"
    )
    doc = paper(tmp_path, text)
    assert [item.number for item in doc.items if item.number] == [
        "1.7.20",
        "2.7.20",
        "3.7.20",
        "4.7.20",
        "5.7.20",
    ]


def test_an_agenda_whose_numbers_sit_against_their_titles_after_a_dated_letter(tmp_path: Path) -> None:
    text = (
        "Planning Committee – 10/03/2015\n3 March 2015\nTo Members of the Planning Committee\nDear "
        "Councillor\n"
        "You are hereby summoned to attend the meeting of the Planning Committee on Tuesday 10 March 2015 at "
        "6pm in the Council Chamber, in order to transact the following business.\nMeeting Agenda Items\n"
        "1Apologies for Absence\n2DECLARATIONS OF INTEREST\n3MINUTES OF THE LAST MEETING\n"
        "To approve the minutes of the meeting held on 17 February 2015.\n4Matters Arising\n"
    )
    doc = paper(tmp_path, text)
    assert (doc.kind, doc.meeting_date) == ("agenda", "2015-03-10")
    assert [(item.number, item.title) for item in doc.items if item.number] == [
        ("1", "Apologies for Absence"),
        ("2", "DECLARATIONS OF INTEREST"),
        ("3", "MINUTES OF THE LAST MEETING"),
        ("4", "Matters Arising"),
    ]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # A bundle of a year's minutes names its period before its first meeting.
        (
            "LLANDDEWI COMMUNITY COUNCIL Minutes of meetings held from 1st March 2019 to 31st March 2020\n"
            "9th May 2019 at 7pm Village Hall Present: K Hanmore, P Knill.\n1. Welcome\n2. Apologies\n",
            "2019-05-09",
        ),
        # Earlier minutes "received as accurate" are a reference, the heading's date the meeting's.
        (
            "Cofnodion o gyfarfod Cyngor Cymuned Llanfair - 12/04/23\n\nPRESENNOL\nCllr. E Hughes (Chair)\n\n"
            "COFNODION\nMinutes of the meeting held on February 22nd, 2023 were received as accurate.\n",
            "2023-04-12",
        ),
    ],
)
def test_dates_that_bound_a_period_or_name_earlier_minutes_are_not_the_meeting(
    tmp_path: Path, text: str, date: str
) -> None:
    assert paper(tmp_path, text).meeting_date == date


def test_a_scottish_minute_titled_alone_with_its_members_present_is_minutes(tmp_path: Path) -> None:
    text = (
        "STRATHDEARN COMMUNITY COUNCIL\nANNUAL GENERAL MEETING\nFARR COMMUNITY HALL\nMONDAY 23 JUNE 2014\n"
        "7.30pm\nDRAFT Minute\nSCC Members Present: I McQueer, D Henderson, J Murray.\n"
        "Members of the Community Present: 5\n- Approval of minutes of AGM 17 June 2013\nProposed: J Murray\n"
        "Seconded: D Henderson\n- Chairperson's Annual Report\nReport appended.\nQuestions from "
        "the floor - none\n"
        "- Financial Statement\nQuestions from the floor – It was agreed that £35.00 of reserved funds be "
        "returned.\n"
    )
    doc = paper(tmp_path, text)
    assert (doc.kind, doc.meeting_date) == ("minutes", "2014-06-23")


def test_declarations_numbered_from_one_under_a_minute_are_not_the_minutes(tmp_path: Path) -> None:
    text = (
        "Council - Monday, 10th October, 2011 5.00 pm\n\nItems\nNo. Item\n\n31.\n\nMinutes\n\n"
        "Minutes of the ordinary meeting of Council on 11 July 2011.\n\nMinutes:\n\n"
        "Council resolved to approve the minutes of the ordinary meeting held on 11 July 2011.\n\n32.\n\n"
        "Declarations of Interest\n\nMinutes:\n\nThe following declarations were made:\n\n"
        "(1)\tCouncillor Sajjad declared a personal interest in item 11 as a taxi driver.\n\n"
        "(2)\tCouncillor Sajjad declared a personal interest in item 12 as a member of the mosque.\n\n"
        "(3)\tCouncillor Mohammed declared a personal interest in item 11.\n\n"
        "(4)\tCouncillor Mohammed declared a personal interest in item 12.\n\n"
        "(5)\tCouncillor Abbasi declared a personal interest in item 12.\n"
    )
    doc = paper(tmp_path, text)
    assert [item.number for item in doc.items if item.number] == ["31", "32"]


def test_a_summons_without_the_year_is_dated_by_its_weekday_and_its_letter(tmp_path: Path) -> None:
    text = (
        "To all Members of the Council\nYou are hereby summoned to attend an ordinary meeting of the Ashwell "
        "Parish Council to be held in the Memorial Hall on Wednesday 17th July at 7.00pm for the purpose of "
        "transacting the following business only.\nD Bowles\nClerk to the Council Thursday 11th July 2019\n"
        "MEETING AGENDA\n1. To receive apologies\n2. To receive declarations of interest\n3. To "
        "approve minutes\n"
    )
    doc = paper(tmp_path, text)
    assert (doc.kind, doc.meeting_date) == ("agenda", "2019-07-17")
    assert any("no year" in warning for warning in doc.warnings)


@pytest.mark.parametrize(
    ("heading", "body"),
    [
        ("Top\nSCRUTINY COMMITTEE\nMinutes of the meeting held on 3 November 2014", "Scrutiny Committee"),
        ("a) Leader and Cabinet\nMinutes of the meeting held on 3 November 2014", "Leader and Cabinet"),
        ("Committee\nMinutes of the meeting held on 3 November 2014", None),
    ],
)
def test_a_bare_committee_or_a_links_word_is_no_name(tmp_path: Path, heading: str, body: str | None) -> None:
    assert paper(tmp_path, f"{heading}\n\n1. Apologies\nNone.\n").body == body


def test_a_wrong_weekday_beside_a_date_printed_again_is_the_slip(tmp_path: Path) -> None:
    """The date is printed twice; the weekday printed once disagrees with it."""
    text = (
        "Minutes Annual Parish Council Meeting 11th May 2011\n"
        "Held at the School on Tuesday, 11th May 2011, starting at 7.15pm\n"
        "Present: M Chadwick, B Collins.\n2743: Apologies for Absence:\nG Merritt.\n"
        "2744: Declarations of Acceptance of Office:\nThese were signed by all attending.\n"
    )
    assert paper(tmp_path, text).meeting_date == "2011-05-11"


def test_an_agenda_item_on_earlier_minutes_does_not_date_the_agenda(tmp_path: Path) -> None:
    text = (
        "1. APOLOGIES\n\nTo receive and note\n\n2. DECLARATIONS OF INTEREST\n\nMembers are invited "
        "to declare "
        "any interests.\n\n3. OPEN FORUM\n\nMembers of the public may address the council.\n\n4. MINUTES\n\n"
        "Minutes of the meeting held on Wednesday 28th June 2017 for consideration and if agreed for the "
        "Chair to sign as a true and correct record.\n\n5. CO-OPTION\n\nTo consider any applications.\n"
    )
    assert paper(tmp_path, text).meeting_date is None


def test_a_decision_details_page_is_a_decision_notice(tmp_path: Path) -> None:
    text = (
        "Decision details\n\nDecision status: Recommendations Approved\n\nIs Key decision?: No\n\n"
        "Is subject to call in?: No\n\nDecision:\n\nRESOLVED: That the press and public be excluded.\n\n"
        "Publication date: 04/02/2026\n\nDate of decision: 03/02/2026\n\nDecided at meeting: "
        "03/02/2026 - Cabinet\n"
    )
    doc = paper(tmp_path, text)
    assert (doc.kind, doc.meeting_date) == ("decision_notice", "2026-02-03")


def test_a_column_of_minute_references_in_a_table_is_not_the_items(tmp_path: Path) -> None:
    text = (
        "Agenda and minutes\n\nItems\nNo. Item\n\n15.\n\nMinutes\n\nTo approve the minutes of 21 "
        "March 2016.\n\n"
        "Minutes:\n\nThe minutes of the meeting held on 21 March 2016 were agreed.\n\n16.\n\n"
        "Declarations of Interest\n\nMinutes:\n\nThe following declarations of interest were made:\n\n"
        "Name\n\nMinute Number\n\nReason\n\nCouncillor Ball\n\n25a\n\nGrandparent\n\n"
        "Councillor Bowie\n\n25b\n\nSchool Governor\n\nCouncillor Coker\n\n25b\n\nSchool Governor\n\n"
        "Councillor Dann\n\n25b\n\nGrandparent\n\nCouncillor Evans\n\n25b\n\nSchool Governor\n"
    )
    assert [item.number for item in paper(tmp_path, text).items if item.number] == ["15", "16"]


def test_five_digit_running_minute_numbers_run_together_are_cut_back_into_items(tmp_path: Path) -> None:
    text = (
        "Minutes of the Town Council meeting held on 11 April 2019\nPresent: Councillors A Rees, B Daniels.\n"
        "10457/04/19 APOLOGIES Councillors: M Rees and A Daniels 10458/04/19 DECLARATIONS OF INTEREST "
        "Councillor E Jones 10469/04/19 Post of Deputy Town Clerk Councillor R Roberts 10470/04/19 "
        "Llafar Bro "
        "10459/04/19 URGENT ITEMS None. 10460/04/19 MINUTES The minutes of the meeting held on 14 March were "
        "accepted as a true record.\n"
    )
    numbers = [item.number for item in paper(tmp_path, text).items if item.number]
    assert numbers[:2] == ["10457/04/19", "10458/04/19"] and numbers[-2:] == ["10459/04/19", "10460/04/19"]


def test_a_weekday_that_fits_only_a_far_month_is_the_slip(tmp_path: Path) -> None:
    text = "DRAFT MINUTE OF THE INAUGURAL MEETING\n\nON TUESDAY 29 JANUARY 2020 AT 7PM\n\n1. Attendees\n"
    assert paper(tmp_path, text).meeting_date == "2020-01-29"


@pytest.mark.parametrize(
    ("lines", "numbers"),
    [
        # Year-first running numbers, some printed with a point.
        (
            "2019/52 Declarations\nNone.\n2019/53. To receive reports from outside bodies\nNone.\n"
            "2019/54 Chairman's remarks\nNone.\n2019/55. To receive the notes of the last meeting\nAgreed.\n",
            ["2019/52", "2019/53", "2019/54", "2019/55"],
        ),
        # A point set apart from its number, as a web page prints an agenda.
        (
            "1 . Apologies for Absence\n\nTo receive apologies.\n2 . Minutes\n\nTo approve them.\n"
            "3 . Declarations Of Interests\n\nTo receive them.\n",
            ["1", "2", "3"],
        ),
        # Zero-padded running numbers of the year.
        (
            "09/20 Approval of the accounts for 2019-20 These had been circulated and were approved.\n"
            "The Clerk answered two questions about them.\n10/20 Exercise of Public Rights The period "
            "was set.\n"
            "11/20 Date of next meeting It will be held on 25 June.\n",
            ["09/20", "10/20", "11/20"],
        ),
    ],
)
def test_running_numbers_printed_in_other_ways_are_items(
    tmp_path: Path, lines: str, numbers: list[str]
) -> None:
    heading = "Minutes of the Parish Council Meeting held on 23rd September 2019"
    text = f"{heading}\n\nPresent: Cllrs A, B.\n\n{lines}"
    assert [item.number for item in paper(tmp_path, text).items if item.number] == numbers


@pytest.mark.parametrize(
    ("heading", "body"),
    [
        (
            "CARLTON SCROOP AND NORMANTON ON CLIFFE PARISH COUNCIL",
            "Carlton Scroop and Normanton on Cliffe Parish Council",
        ),
        ("Minutes – Llanddewi Brefi Community Council – 10/10/2022", "Llanddewi Brefi Community Council"),
    ],
)
def test_a_councils_own_name_is_read_whole(tmp_path: Path, heading: str, body: str) -> None:
    meeting = "Minutes of the Ordinary meeting held on Monday 10th October 2022 at 7:30pm."
    text = f"{heading}\n\n{meeting}\n\n1. Apologies\n"
    assert paper(tmp_path, text).body == body
