"""The real ModernGov PDFs (../shared/real-pdfs): kind, meeting date and printed minute numbers.

Skipped cleanly when the folder is absent. Dates are those the papers print, never the file
names': the forward plan says "This update published 20 January 2026" (its file name says
the 21st), and the WECA questions paper prints "Friday 05 March 2026" for its 5 June 2026
meeting, which the weekday check corrects.
"""

from __future__ import annotations

from functools import cache

import pytest

from ingest.pipeline import parse_file
from minutebook.models import Document
from tests.conftest import real_pdfs

pytestmark = pytest.mark.realpdfs


@cache
def parsed(name: str) -> Document:
    return parse_file(real_pdfs() / name)


@pytest.mark.parametrize(
    ("name", "kind", "meeting_date", "pages"),
    [
        ("bristol_tcpc_2024-09-12_decisions.pdf", "decision_notice", "2024-09-12", 12),
        ("bristol_tcpc_2024-09-12_printed_minutes.pdf", "minutes", "2024-09-12", 15),
        ("bristol_tcpc_2025-05-15_printed_minutes.pdf", "minutes", "2025-05-15", 16),
        ("bristol_tcpc_2025-10-23_printed_minutes.pdf", "minutes", "2025-10-23", 15),
        ("bristol_tcpc_2026-03-19_decisions.pdf", "decision_notice", "2026-03-19", 8),
        ("bristol_tcpc_2026-03-19_printed_minutes.pdf", "minutes", "2026-03-19", 12),
        ("bristol_tcpc_2026-03-19_wpl_committee_report.pdf", "report", "2026-03-19", 7),
        ("bristol_tcpc_forward_plan_2026-01-21.pdf", "forward_plan", "2026-01-20", 14),
        ("weca_joint_2026-06-05_budget_outturn.pdf", "report", "2026-06-05", 60),
        ("weca_joint_2026-06-05_public_questions_responses.pdf", "questions", "2026-06-05", 38),
    ],
)
def test_each_real_paper_gets_its_kind_date_and_page_count(
    name: str, kind: str, meeting_date: str, pages: int
) -> None:
    doc = parsed(name)
    assert (doc.kind, doc.meeting_date, doc.page_count) == (kind, meeting_date, pages)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "bristol_tcpc_2024-09-12_printed_minutes.pdf",
            [
                ("1", "Welcome, Introductions and Safety Information"),
                ("2", "Apologies for Absence and Substitutions"),
                ("3", "Declarations of Interest"),
                ("4", "Minutes of the Previous Meeting"),
                ("5", "Chair's Announcements"),
                ("6", "Public Forum"),
                ("7", "Opportunities to promote sustainable transport through a review of parking policies"),
                ("8", "Supported Bus Services Priorities Task and Finish Group"),
                ("9", "Bristol Regional Cycling Hub, Lawrence Weston"),
                ("10", "Workplace Parking Levy"),
                ("11", "2024/25 P3 Finance Forecast Report - Transport & Connectivity"),
                ("12", "Q1 2024/25 Corporate Risk Report - Transport and Connectivity"),
            ],
        ),
        (
            "bristol_tcpc_2026-03-19_printed_minutes.pdf",
            [
                ("1", "Welcome, Introductions and Safety Information"),
                ("2", "Apologies for Absence and Substitutions"),
                ("3", "Declarations of Interest"),
                ("4", "Minutes of the Previous Meeting"),
                ("5", "Chair's Announcements"),
                ("6", "Public Forum"),
                ("7", "Road Safety Task and Finish Group - closure report"),
                ("8", "20 mph Review"),
                ("9", "Incentive Funding"),
                ("10", "Workplace Parking Levy Update report"),
                ("11", "Policy Committee Work Programme Setting - Outcome Report"),
            ],
        ),
    ],
)
def test_bristol_minutes_items_keep_their_printed_numbers(name: str, expected: list[tuple[str, str]]) -> None:
    assert [(i.number, i.title) for i in parsed(name).agenda_items] == expected


def test_decision_notices_have_one_item_per_form_titled_by_its_subject() -> None:
    items = parsed("bristol_tcpc_2026-03-19_decisions.pdf").agenda_items
    assert [i.title for i in items] == [
        "Road Safety Task and Finish Group - closure report",
        "20 mph Review",
        "Incentive Funding",
        "Workplace Parking Levy Update report",
        "Policy Committee Work Programme Setting - Outcome Report",
    ]


@pytest.mark.parametrize(
    ("name", "numbers"),
    [
        ("bristol_tcpc_2024-09-12_decisions.pdf", ["7", "8", "9", "10", "11", "12"]),
        ("bristol_tcpc_2026-03-19_decisions.pdf", ["7", "8", "9", "10", "11"]),
    ],
)
def test_decision_notices_keep_each_forms_printed_agenda_item_number(name: str, numbers: list[str]) -> None:
    # Each form prints "(agenda item 7)" under its subject; as every form opens a new page,
    # that line repeats near the top of many pages and must not be taken for a header.
    assert [i.number for i in parsed(name).agenda_items] == numbers


def test_decision_notice_forms_span_the_pages_they_are_printed_on() -> None:
    # Each form opens a new page, with "Deadline for Escalation Panel referral" above its subject.
    items = parsed("bristol_tcpc_2026-03-19_decisions.pdf").agenda_items
    assert [(i.page_start, i.page_end) for i in items] == [(1, 2), (3, 4), (5, 6), (7, 7), (8, 8)]


def test_decision_notices_keep_each_forms_reason_for_decision() -> None:
    # Every form ends "(h) Reason for decision: As set out in the report.", often mid-page.
    items = parsed("bristol_tcpc_2024-09-12_decisions.pdf").agenda_items
    assert all("As set out in the report." in item.text for item in items)


def test_weca_questions_are_one_item_each() -> None:
    items = parsed("weca_joint_2026-06-05_public_questions_responses.pdf").agenda_items
    assert [i.number for i in items] == [str(n) for n in range(1, 43)]
    assert items[0].title == "Question 1 – Andrew Lynch"
