"""Page furniture removal over literal lines per page (no PDFs needed)."""

from __future__ import annotations

import pytest

from ingest.pages.furniture import remove_furniture

BODY = [
    [
        "**1 Welcome**",
        "",
        "The Chair welcomed all attendees.",
        "The Chair explained the evacuation procedure.",
    ],
    ["**2 Apologies**", "", "There were no apologies.", "Councillor Self sent her regards."],
    ["**3 Declarations of Interest**", "", "There were none.", "The Chair noted the agenda."],
    ["**4 Minutes**", "", "The minutes were agreed as accurate.", "Signed by the Chair."],
]


def with_furniture(header: str | None, footer: str | None) -> list[list[str]]:
    pages = []
    for number, lines in enumerate(BODY, start=1):
        top = [header.format(page=number)] if header else []
        bottom = [footer.format(page=number, pages=len(BODY))] if footer else []
        pages.append(top + lines + bottom)
    return pages


def test_running_footer_with_page_numbers_is_removed_and_body_kept() -> None:
    assert remove_furniture(with_furniture(None, "Page {page} of {pages}")) == BODY


def test_moderngov_email_footer_at_the_top_is_removed() -> None:
    # Bristol ModernGov minutes repeat 'policycommittees@bristol.gov.uk' on every page, and
    # pdfminer reads it first because it sits above the body.
    assert remove_furniture(with_furniture("policycommittees@bristol.gov.uk", None)) == BODY


def test_header_with_changing_digits_and_markup_is_still_a_running_header() -> None:
    pages = with_furniture("**Children's Services Committee - 17 June 2014 - {page}**", None)
    assert remove_furniture(pages) == BODY


@pytest.mark.parametrize(
    "number", ["12", "- 2 -", "\u2013 2 \u2013", "Page 3", "Page 3 of 14", "3 of 14", "**7**"]
)
def test_lone_page_number_at_the_bottom_is_removed(number: str) -> None:
    page = ["Some text of the paper.", "More text.", number]
    assert remove_furniture([page]) == [["Some text of the paper.", "More text."]]


def test_lone_number_in_the_middle_of_a_page_is_kept() -> None:
    page = (
        [f"Line {i} of the body." for i in range(5)]
        + ["12"]
        + [f"Line {i} of the body." for i in range(5, 10)]
    )
    assert remove_furniture([page]) == [page]


def test_intentionally_blank_notice_is_removed_but_the_page_is_kept() -> None:
    pages = [["Report text."], ["This page is intentionally left blank"], ["More report text."]]
    assert remove_furniture(pages) == [["Report text."], [], ["More report text."]]


def test_short_document_keeps_repeated_lines() -> None:
    pages = [["Highways Committee", "Text one."], ["Highways Committee", "Text two."]]
    assert remove_furniture(pages) == pages


def test_line_repeated_in_the_middle_of_pages_is_kept() -> None:
    middle = "RESOLVED: that the report be noted."
    pages = [
        [f"Page {n} opening {i}." for i in range(5)] + [middle] + [f"Closing {i}." for i in range(5)]
        for n in range(4)
    ]
    assert all(middle in page for page in remove_furniture(pages))


def test_blank_lines_left_by_removals_collapse_to_one() -> None:
    pages = [["", "Page 1", "", "", "Body text.", "", "", "More.", "", "Page 1 of 1", ""]]
    assert remove_furniture(pages) == [["Body text.", "", "More."]]


def test_page_count_is_kept_even_when_pages_end_up_empty() -> None:
    pages = [["Council House"], ["Council House"], ["Council House"], ["Council House", "Text."]]
    assert remove_furniture(pages) == [[], [], [], ["Text."]]


def test_no_pages_in_no_pages_out() -> None:
    assert remove_furniture([]) == []


def test_repeated_line_below_the_body_start_of_a_page_is_kept() -> None:
    # Bristol decision notices open each form on a new page, so "(agenda item N)" is the
    # fourth line of many pages; the lines above it are the form's own text, so it is content.
    pages = []
    for n in range(4):
        pages.append(
            ["policycommittees@bristol.gov.uk", f"Subject: topic {chr(65 + n)}", f"(agenda item {n + 7})"]
            + [f"Body line {i} about topic {chr(65 + n)}." for i in range(6)]
        )
    cleaned = remove_furniture(pages)
    assert [page[:2] for page in cleaned] == [
        [f"Subject: topic {chr(65 + n)}", f"(agenda item {n + 7})"] for n in range(4)
    ]


def test_repeated_last_line_away_from_the_page_edge_is_kept_when_geometry_is_known() -> None:
    ending = ["Reason for decision:", "As set out in the report."]
    pages = [[f"Form {n} decision text.", *ending] for n in range(4)]
    mid_page = [[False, False, False] for _ in pages]
    assert remove_furniture(pages, mid_page) == pages
    at_edge = [[False, True, True] for _ in pages]
    assert remove_furniture(pages, at_edge) == [[f"Form {n} decision text."] for n in range(4)]


def test_page_number_outside_the_margin_band_is_kept() -> None:
    page = ["Table of figures", "Total", "12"]
    assert remove_furniture([page], [[False, False, False]]) == [page]
    assert remove_furniture([page], [[False, False, True]]) == [["Table of figures", "Total"]]
