"""Hand-labelled decisions in the two sample minutes (read by a person, not by the code).

RESOLUTIONS: (meeting date, minute number, words the decision contains, outcome).
ACTIONS: (meeting date, minute number, words the commitment contains, status as of
AS_OF, evidence) where evidence is (meeting date, start of the delivering item's title) or None.
A commitment whose words give no date is `open` until delivered, never `overdue` (CONTRACT,
second round; issue 12): the ten such rows here were labelled `overdue` under the earlier rule
that assumed one committee cycle, and were changed to `open` with the contract.
"""

from __future__ import annotations

from typing import Any

AS_OF = "2026-11-23"
MARCH, JUNE = "2014-03-13", "2014-06-17"
ACTION_LOG = (MARCH, "Appendix 1")

RESOLUTIONS: list[tuple[str, str, str, str]] = [
    (MARCH, "2", "breakdown of the number of schools in each OFSTED category", "approved"),
    (MARCH, "8", "update on this partnership", "approved"),
    (MARCH, "8", "analysis and ministerial reply would be circulated", "approved"),
    (MARCH, "8", "clarified as a percentage", "approved"),
    (MARCH, "8", "RESOLVED to note the report and support the general direction", "noted"),
    (MARCH, "9", "endorse the amended audit approach", "noted"),
    (MARCH, "10", "agreed to receive an action plan", "endorsed"),
    (MARCH, "11", "endorse the recommendations contained within the report", "endorsed"),
    (MARCH, "12", "school governors that don't live within the catchment", "approved"),
    (MARCH, "12", "the number would be reported in the minutes", "approved"),
    (MARCH, "12", "RESOLVED to approve the general direction of travel", "approved"),
    (MARCH, "13", "commend the performance of the Youth Offending Team", "endorsed"),
    (MARCH, "14", "future reports on the subject", "approved"),
    (MARCH, "14", "Member briefing should be provided", "approved"),
    (MARCH, "14", "take forward the following under her delegated powers", "approved"),
    (MARCH, "15", "requested regular progress updates", "noted"),
    (MARCH, "16", "recommend to Cabinet the new direction of policy", "recommended"),
    (MARCH, "17", "performance of Children's Centres would be provided", "approved"),
    (MARCH, "17", "identification of £1million of DSG funding", "recommended"),
    (MARCH, "18", "additional meeting would be scheduled", "approved"),
    (MARCH, "18", "members of the education and social care improvement boards", "recommended"),
    (MARCH, "18", "forward work programme should be recommended to the new committee", "recommended"),
    (MARCH, "18", "January 2015 add:- Private fostering arrangements", "recommended"),
    (JUNE, "3", "Special Needs Education – Tina Humber", "approved"),
    (JUNE, "6", "Authority to make appointments to internal and external bodies be delegated", "approved"),
    (JUNE, "7", "Quarterly updates would be received", "endorsed"),
    (JUNE, "8", "further written report be provided to the Committee in Autumn 2014", "noted"),
    (JUNE, "9", "The Government should be lobbied", "noted"),
    (JUNE, "10", "Small Schools Steering Group be reconvened", "noted"),
    (JUNE, "11", "detailed report on case outcomes", "noted"),
]

ACTIONS: list[tuple[str, str, str, str, tuple[str, str] | None]] = [
    (MARCH, "2", "OFSTED category be provided in tabular format", "overdue", None),
    (MARCH, "8", "update on this partnership", "open", None),
    (MARCH, "8", "analysis and ministerial reply would be circulated", "done", ACTION_LOG),
    (MARCH, "8", "clarified as a percentage", "done", ACTION_LOG),
    (MARCH, "8", "A report would be presented in early summer", "done", (JUNE, "Free School Meals")),
    (MARCH, "8", "scorecards were being updated and would be presented at the next Panel", "overdue", None),
    (
        MARCH,
        "10",
        "agreed to receive an action plan",
        "done",
        ("2014-05-01", "Response to the O&S Pathway Planning"),
    ),
    (MARCH, "12", "school governors that don't live within the catchment", "done", ACTION_LOG),
    (MARCH, "12", "the number would be reported in the minutes", "done", ACTION_LOG),
    (
        MARCH,
        "12",
        "update report would be presented in four months",
        "done",
        (JUNE, "Sustaining High Quality Leadership"),
    ),
    (MARCH, "14", "future reports on the subject", "open", None),
    (MARCH, "14", "Member briefing should be provided", "open", None),
    (MARCH, "15", "requested regular progress updates", "open", None),
    (MARCH, "16", "further update report covering both the Early Help Offer", "overdue", None),
    (
        MARCH,
        "17",
        "performance of Children's Centres would be provided",
        "done",
        ("2014-05-01", "A report on the performance of Norfolk's Children"),
    ),
    (MARCH, "18", "additional meeting would be scheduled", "done", ("2014-05-01", "")),
    (MARCH, "18", "recommendation would be made that the Chairman and Vice Chairman", "open", None),
    (
        MARCH,
        "18",
        "action plan, outlining how each of the Scrutiny Working Group",
        "done",
        ("2014-05-01", "Response to the O&S Pathway Planning"),
    ),
    (MARCH, "18", "free school meals", "done", (JUNE, "Free School Meals")),
    (
        MARCH,
        "18",
        "Sustaining High Quality leadership in Norfolk Schools: progress update",
        "done",
        (JUNE, "Sustaining High Quality Leadership"),
    ),
    (MARCH, "18", "Children with Disabilities: progress update", "overdue", None),
    (MARCH, "18", "Response to LAC reduction strategy: progress update", "overdue", None),
    (MARCH, "18", "Early Help Offer/New strategy for early years services", "overdue", None),
    (MARCH, "18", "Private fostering arrangements", "overdue", None),
    (JUNE, "5", "written answer would be provided", "open", None),
    (JUNE, "6", "the Chief Officer would bring a report", "open", None),
    (JUNE, "7", "Quarterly updates would be received", "overdue", None),
    (JUNE, "8", "written response would be provided to Members", "open", None),
    (JUNE, "8", "further written report be provided to the Committee in Autumn 2014", "overdue", None),
    (JUNE, "9", "updated report should be brought to the Committee within six months", "overdue", None),
    (JUNE, "9", "The Government should be lobbied", "open", None),
    (JUNE, "10", "Small Schools Steering Group be reconvened", "open", None),
    (JUNE, "11", "detailed report on case outcomes", "overdue", None),
]


def find_labelled(rows: list[dict[str, Any]], date: str, number: str, words: str) -> dict[str, Any] | None:
    """The listed decision or action of meeting `date`, minute `number`, containing `words`."""
    flat = " ".join(words.split())
    for row in rows:
        if (
            row["meeting_date"] == date
            and row["item_number"] == number
            and flat in " ".join(row["text"].split())
        ):
            return row
    return None


def evidence_matches(row: dict[str, Any], expected: tuple[str, str] | None) -> bool:
    """The action's best evidence is the labelled delivering item (or there is none, if none)."""
    if expected is None:
        return not row["evidence"]
    if not row["evidence"]:
        return False
    top = row["evidence"][0]
    return top["meeting_date"] == expected[0] and (top["item_title"] or "").startswith(expected[1])
