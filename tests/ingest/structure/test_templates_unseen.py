"""Structure on more templates first met in held-out papers: headings set close together with
nothing recorded under them, minute references in a declarations list, confirmations far from
their date, and a reporting period's end. Each paper is written here in the shape the councils
print, not copied from one; each test names the role the structure stage must read.
"""

from __future__ import annotations

from pathlib import Path

from ingest.pipeline import parse_file
from minutebook.models import Document


def paper(tmp_path: Path, text: str, name: str = "paper.txt") -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_file(path, analyses=[])


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
