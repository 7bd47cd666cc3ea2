"""Papers printed to PDF ingest like their text: the same items, numbers, titles and pages.

The PDFs are rendered by fpdf2 at test time (tests/pdf_fixtures.py), so these run anywhere:
a sample paper over many pages with running headers and footers, a two-column page and a
ruled table; and decision recording forms laid out like Bristol's (one form per agenda
item, each starting on a new page under a running e-mail header).
"""

from __future__ import annotations

import pytest

from ingest.pipeline import parse_file
from minutebook.models import Document
from tests.conftest import JUNE_2014_MINUTES
from tests.pdf_fixtures import LEFT_COLUMN, RIGHT_COLUMN, TABLE_ROWS, Table, latin1, make_pdf, sample_paper

HEADER = "Children's Services Committee - 17 June 2014"
FOOTERS = ["Page {page} of {pages}", "Norfolk County Council, County Hall, Martineau Lane, Norwich"]
TWO_COLUMNS = LEFT_COLUMN + RIGHT_COLUMN
# The special pages go in after this page of the sample, inside minute 9 (pages 3-4).
INSERT_AFTER = 3


def items_of(doc: Document) -> list[tuple[str | None, str, int | None, int | None]]:
    return [(item.number, item.title, item.page_start, item.page_end) for item in doc.agenda_items]


@pytest.fixture(scope="module")
def twins(tmp_path_factory: pytest.TempPathFactory) -> tuple[Document, Document]:
    """(the June 2014 minutes printed to PDF, the same pages as a form-feed text paper)."""
    folder = tmp_path_factory.mktemp("twins")
    spec = sample_paper(JUNE_2014_MINUTES, max_lines=10_000)
    table_page = ["Appointments to internal bodies:"]
    pages = [*spec.pages[:INSERT_AFTER], TWO_COLUMNS, table_page, *spec.pages[INSERT_AFTER:]]
    pdf = make_pdf(
        folder / "minutes.pdf",
        pages,
        header=HEADER,
        footer=FOOTERS,
        bold_lines=spec.bold_lines,
        two_column_page=INSERT_AFTER + 1,
        table=Table(page=INSERT_AFTER + 2, rows=TABLE_ROWS),
    )
    text_pages = [[f"**{line}**" if line in spec.bold_lines else line for line in page] for page in pages]
    text_pages[INSERT_AFTER + 1] = table_page + [" | ".join(row) for row in TABLE_ROWS]
    text = folder / "minutes.txt"
    text.write_text("\f".join("\n\n".join(latin1(line) for line in page) for page in text_pages))
    return parse_file(pdf, analyses=[]), parse_file(text, analyses=[])


def test_minutes_printed_to_pdf_have_the_same_items_and_pages_as_their_text(twins) -> None:
    from_pdf, from_text = twins
    assert from_pdf.page_count == from_text.page_count == 16
    assert items_of(from_pdf) == items_of(from_text)


def test_minutes_printed_to_pdf_keep_every_minute_number_and_title_as_printed(twins) -> None:
    from_pdf, _ = twins
    original = parse_file(JUNE_2014_MINUTES, analyses=[])
    # The PDF's core fonts print latin-1 only: "–" comes out as "-" (see `latin1`).
    expected = [(i.number, latin1(i.title)) for i in original.agenda_items]
    assert [(i.number, i.title) for i in from_pdf.agenda_items] == expected
    assert [i.number for i in from_pdf.agenda_items] == [str(n) for n in range(1, 12)] + [None]


def test_minutes_printed_to_pdf_keep_kind_and_meeting(twins) -> None:
    from_pdf, from_text = twins
    assert (from_pdf.kind, from_pdf.body, from_pdf.meeting_date) == (
        "minutes",
        "Children's Services Committee",
        "2014-06-17",
    )
    assert (from_pdf.kind, from_pdf.body, from_pdf.meeting_date) == (
        from_text.kind,
        from_text.body,
        from_text.meeting_date,
    )


def test_two_column_page_and_table_stay_inside_their_minute_in_reading_order(twins) -> None:
    from_pdf, _ = twins
    holder = next(i for i in from_pdf.items if i.page_start <= INSERT_AFTER + 1 <= i.page_end)
    assert holder.number == "9"
    flat = " ".join(holder.text.split())
    positions = [flat.index(paragraph) for paragraph in TWO_COLUMNS]
    assert positions == sorted(positions)
    for row in TABLE_ROWS:
        assert " | ".join(row) in holder.text.splitlines()


def test_running_header_and_footers_do_not_reach_any_item(twins) -> None:
    from_pdf, _ = twins
    for item in from_pdf.items:
        assert HEADER not in item.text and FOOTERS[1] not in item.text, item.number
        assert not any(line.startswith("Page ") and " of " in line for line in item.text.splitlines())


# --- decision recording forms -------------------------------------------------------------

EMAIL_HEADER = "policycommittees@bristol.gov.uk"
FORMS = [
    ("7", "Road Safety Task and Finish Group - closure report"),
    ("8", "20 mph Review"),
    ("9", "Incentive Funding"),
]


def decision_pages() -> list[list[str]]:
    """A cover page, then two pages per form; each form opens a new page and ends mid-page
    with the same words, as Bristol's ModernGov decision notices do."""
    pages = [
        [
            "Decision Recording Form",
            "Decision determined at Transport & Connectivity Policy Committee meeting on 19 March 2026",
            "Committee Members present:",
            "Councillor Ed Plowden, Councillor Graham Morris, Councillor Rob Bryher",
            "Apologies: none",
        ]
    ]
    for number, subject in FORMS:
        pages.append(
            [
                "Deadline for Escalation Panel referral 26 March 2026",
                f"(a) Subject: {subject}",
                f"(agenda item {number})",
                "(b) Ward: Citywide",
                "(c) Declarations of interest:",
                "None",
            ]
        )
        pages.append(
            [
                "(d) Decision taken",
                f"The Committee noted the {subject.lower()} report and agreed its recommendations.",
                "(e) Exempt Information? Open",
                "(f) Decision made in exempt session? No",
                "(g) Additional information at the meeting/documents taken into account:",
                "None",
                "(h) Reason for decision:",
                "As set out in the report.",
            ]
        )
    return pages


@pytest.fixture(scope="module")
def decisions(tmp_path_factory: pytest.TempPathFactory) -> Document:
    path = tmp_path_factory.mktemp("decisions") / "decisions.pdf"
    return parse_file(make_pdf(path, decision_pages(), header=EMAIL_HEADER), analyses=[])


def test_decision_forms_keep_their_printed_agenda_item_numbers(decisions: Document) -> None:
    assert decisions.kind == "decision_notice"
    assert [(i.number, i.title) for i in decisions.agenda_items] == FORMS


def test_each_decision_form_spans_its_own_pages(decisions: Document) -> None:
    # The cover page belongs to the first form; each later form opens its own page.
    assert [(i.page_start, i.page_end) for i in decisions.agenda_items] == [(1, 3), (4, 5), (6, 7)]


def test_decision_forms_keep_their_last_lines_though_every_form_ends_with_them(decisions: Document) -> None:
    for item in decisions.items:
        assert "As set out in the report." in item.text.splitlines(), item.number
    assert all(EMAIL_HEADER not in page.text for page in decisions.pages)
