"""Items as printed: every agenda item and minute number and title of the sample papers."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.pipeline import parse_file
from tests.conftest import (
    JUNE_2014_AGENDA,
    JUNE_2014_MINUTES,
    MARCH_2014_PANEL_MINUTES,
    MARCH_2017_REPORT,
    MAY_2014_SUPPLEMENTARY,
)


def numbered(path: Path) -> list[tuple[str | None, str]]:
    return [(item.number, item.title) for item in parse_file(path).agenda_items]


def test_march_2014_panel_minutes_have_every_minute_then_the_appendices() -> None:
    assert numbered(MARCH_2014_PANEL_MINUTES) == [
        ("1", "Apologies and substitutions"),
        ("2", "Minutes"),
        ("3", "Declarations of Interest"),
        ("4", "Items of Urgent Business"),
        ("5", "Public Question Time"),
        ("6", "Local Member Issues/Member Questions"),
        ("7", "Cabinet Member Feedback"),
        ("8", "Children's Services Integrated Performance and Finance Monitoring Report for 2013-2014"),
        ("9", "Update on Quality Assurance Activity within Children's Social Care"),
        ("10", "Scrutiny Working Group: Pathway Planning for Care Leavers"),
        ("11", "Admission Arrangements for September 2015"),
        ("12", "Sustaining high quality leadership in Norfolk Schools"),
        ("13", "Norfolk Youth Justice Plan 2014-15"),
        ("14", "Children with Disabilities"),
        ("15", "Child and Young Persons Teams response to Looked After Children Reduction Strategy"),
        ("16", "Early Help Offer"),
        ("17", "New Strategy for Early Years Services"),
        ("18", "Scrutiny Forward Work Programme"),
        (None, "Appendix 1: Action log"),
        (None, "Appendix 2"),
    ]


def test_june_2014_minutes_keep_printed_numbers_and_titles() -> None:
    items = numbered(JUNE_2014_MINUTES)
    assert items[:11] == [
        ("1", "Apologies and substitutions"),
        ("2", "Declarations of Interest"),
        ("3", "Co-option of Non-Voting Advisers"),
        ("4", "Items of Urgent Business"),
        ("5", "Local Member Issues/Member Questions"),
        ("6", "Appointments to Internal and External Bodies"),
        ("7", "Quality Assurance Update"),
        ("8", "Update on Norfolk Family Focus"),
        ("9", "Free School Meals Update"),
        ("10", "Sustaining High Quality Leadership in Norfolk Schools – Progress Report"),
        ("11", "Children's Services Integrated Performance and Finance Monitoring Draft Report for 2013-14."),
    ]
    assert items[11][0] is None and items[11][1].startswith("Appendix")


def test_june_2014_agenda_lists_all_items_and_finds_each_report() -> None:
    items = parse_file(JUNE_2014_AGENDA).agenda_items
    assert [(i.number, i.title) for i in items] == [
        ("1", "Co-option of Non-Voting Advisers"),
        ("2", "To receive apologies and details of any substitute members attending"),
        ("3", "Members to Declare any Interests"),
        (
            "4",
            "To receive any items of business which the Chairman decides should be considered as a "
            "matter of urgency",
        ),
        ("5", "Local Member Issues/Member Questions"),
        ("6", "Appointments to external and internal bodies"),
        ("7", "Quality Assurance Update"),
        ("8", "Norfolk Family Focus Update"),
        ("9", "Free School Meals Update"),
        ("10", "Sustaining High Quality Leadership in Norfolk Schools – Progress Report"),
        ("11", "Integrated Performance and Finance Monitoring Report"),
    ]
    by_number = {i.number: i for i in items}
    # Item 6 is "(To follow)": listed, but no pages in this pack.
    assert by_number["6"].to_follow and by_number["6"].page_start is None
    # Each report's text starts with its own heading, not the previous report's tail.
    assert "Free School Meals Update" in by_number["9"].text.splitlines()[0]
    assert by_number["9"].presenter == "Report by the Interim Director of Children's Services"
    assert "free school meals" in by_number["9"].text.lower()
    assert "Troubled Families" in by_number["8"].text and "Troubled Families" not in by_number["7"].text


def test_supplementary_agenda_lists_only_its_items() -> None:
    items = parse_file(MAY_2014_SUPPLEMENTARY).agenda_items
    assert [(i.number, i.title) for i in items] == [
        ("8", "Children's Services Senior Management Arrangements"),
        ("10", "A report on the performance of Norfolk's Children's Centre"),
        ("14", "Response to the O&S Pathway Planning Group Recommendations"),
    ]
    assert all(i.presenter == "Report by the Interim Director of Children's Services" for i in items)
    assert "pathway plan" in items[2].text.lower()


def test_a_standalone_report_is_one_item_titled_by_its_report_title() -> None:
    items = parse_file(MARCH_2017_REPORT).agenda_items
    assert [(i.number, i.title) for i in items] == [
        (None, "Integrated Performance & Finance Monitoring report")
    ]


@pytest.mark.parametrize(
    ("path", "number", "section_number", "section_title"),
    [
        (JUNE_2014_MINUTES, "3", "3.2", None),
        (MAY_2014_SUPPLEMENTARY, "8", "1", "Background"),
        (MAY_2014_SUPPLEMENTARY, "8", None, "Recommendation"),
    ],
)
def test_items_are_split_into_numbered_and_headed_sections(
    path: Path, number: str, section_number: str | None, section_title: str | None
) -> None:
    item = next(i for i in parse_file(path).agenda_items if i.number == number)
    assert any(s.number == section_number and s.title == section_title for s in item.sections), [
        (s.number, s.title) for s in item.sections
    ]


def test_sections_together_hold_all_of_an_items_text() -> None:
    for item in parse_file(JUNE_2014_MINUTES).agenda_items:
        assert "\n".join(s.text for s in item.sections) == item.text
