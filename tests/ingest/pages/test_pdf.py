"""PDF text extraction: page count, furniture, reading order, markup and bad input.

The synthetic paper is rendered by fpdf2 at test time from the start of a corpus paper (the
Norfolk Children's Services minutes); the real Bristol/WECA PDFs in ../shared/real-pdfs are
used when present.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from ingest.errors import IngestError
from ingest.pages.furniture import plain
from ingest.pages.pdf import extract_pdf_pages
from minutebook.models import Page
from tests.conftest import CORPUS, REAL_PDFS, more_councils
from tests.pdf_fixtures import (
    LEFT_COLUMN,
    RIGHT_COLUMN,
    TABLE_ROWS,
    Table,
    latin1,
    make_empty,
    make_encrypted,
    make_form_xobject_pdf,
    make_html,
    make_image_only,
    make_pdf,
    make_random_bytes,
    make_truncated,
    sample_paper,
)

CORPUS_PAPER = CORPUS / "002_26292387ddb10f8c.txt"

HEADER = "Children's Services Committee - 17 June 2014"
FOOTERS = ["Page {page} of {pages}", "Norfolk County Council, County Hall, Martineau Lane, Norwich"]


def normalised(text: str) -> str:
    """Plain words of `text` on one line: markup and line breaks do not matter for containment."""
    return " ".join(plain(line) for line in text.splitlines() if line.strip())


# --- the synthetic paper ----------------------------------------------------------------


@pytest.fixture(scope="module")
def paper(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[list[str]], set[str], list[Page]]:
    """(lines rendered per page, bold lines, extracted pages) for the sample paper, with a
    blank page, a two-column page and a table page after the sample's own pages."""
    spec = sample_paper(CORPUS_PAPER)
    pages = [*spec.pages, [], LEFT_COLUMN + RIGHT_COLUMN, ["Appointments to internal bodies:"]]
    path = make_pdf(
        tmp_path_factory.mktemp("pdf") / "paper.pdf",
        pages,
        header=HEADER,
        footer=FOOTERS,
        bold_lines=spec.bold_lines,
        two_column_page=len(pages) - 1,
        table=Table(page=len(pages), rows=TABLE_ROWS),
    )
    return pages, spec.bold_lines, extract_pdf_pages(path)


def test_every_physical_page_is_kept_including_the_blank_one(paper) -> None:
    rendered, _, pages = paper
    assert [page.number for page in pages] == list(range(1, len(rendered) + 1))
    blank = rendered.index([]) + 1
    assert pages[blank - 1].text == ""


def test_running_header_footer_and_page_numbers_are_removed(paper) -> None:
    _, _, pages = paper
    for page in pages:
        lines = {plain(line) for line in page.text.splitlines()}
        assert HEADER not in lines
        assert FOOTERS[1] not in lines
        assert not any(re.fullmatch(r"Page \d+ of \d+", line) for line in lines), page.number


def test_body_text_is_kept_on_its_own_page(paper) -> None:
    rendered, _, pages = paper
    for lines, page in zip(rendered, pages, strict=True):
        text = normalised(page.text)
        for line in lines:
            assert " ".join(latin1(line).split()) in text, (page.number, line)


def test_two_column_page_reads_left_column_first(paper) -> None:
    rendered, _, pages = paper
    text = normalised(pages[rendered.index(LEFT_COLUMN + RIGHT_COLUMN)].text)
    positions = [text.index(paragraph) for paragraph in LEFT_COLUMN + RIGHT_COLUMN]
    assert positions == sorted(positions)


def test_table_rows_come_out_one_line_each_with_cells_in_order(paper) -> None:
    _, _, pages = paper
    lines = pages[-1].text.splitlines()
    for row in TABLE_ROWS:
        assert " | ".join(row) in lines


def test_bold_lines_are_marked(paper) -> None:
    _, bold, pages = paper
    marked = {line[2:-2] for page in pages for line in page.text.splitlines() if line.startswith("**")}
    # Long bold lines wrap onto two printed lines; the short ones must come out whole.
    short = {latin1(line) for line in bold if len(line) < 60}
    assert short and short <= marked


def test_plain_body_lines_are_not_marked_bold(paper) -> None:
    _, _, pages = paper
    assert "2.1 No declarations made." in pages[0].text.splitlines()


def test_large_type_becomes_a_heading(tmp_path: Path) -> None:
    heading = "Children's Services Committee"
    body = [f"Paragraph {i} of ordinary body text in the report." for i in range(6)]
    pages = extract_pdf_pages(make_pdf(tmp_path / "h.pdf", [[heading, *body]], heading_lines={heading}))
    assert pages[0].text.splitlines()[0] == f"# **{heading}**"


def test_item_number_and_title_printed_apart_come_out_on_one_line(tmp_path: Path) -> None:
    # Bristol ModernGov minutes print "6" and "Public Forum" as separate text boxes.
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 12)
    pdf.text(x=15, y=40, text="6")
    pdf.text(x=25, y=40, text="Public Forum")
    pdf.set_font("Helvetica", size=12)
    pdf.text(x=15, y=50, text="The Committee noted the statements received.")
    pdf.output(str(tmp_path / "item.pdf"))
    lines = extract_pdf_pages(tmp_path / "item.pdf")[0].text.splitlines()
    assert "**6 Public Forum**" in lines


# --- bad input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "phrase"),
    [
        (make_empty, "empty file"),
        (make_random_bytes, "not a PDF"),
        (make_html, "not a PDF (looks like HTML)"),
        (make_truncated, "truncated PDF"),
        (make_encrypted, "encrypted PDF; remove the password"),
        (make_image_only, "no text layer (scanned image?); run OCR"),
    ],
    ids=["empty", "random-bytes", "html", "truncated", "encrypted", "image-only"],
)
def test_bad_input_raises_one_line_ingest_error(
    tmp_path: Path, make: Callable[[Path], Path], phrase: str
) -> None:
    path = make(tmp_path / "bad.pdf")
    with pytest.raises(IngestError) as caught:
        extract_pdf_pages(path)
    message = str(caught.value)
    assert phrase in message
    assert "\n" not in message


def test_pdf_encrypted_with_an_empty_user_password_just_works(tmp_path: Path) -> None:
    pages = extract_pdf_pages(make_encrypted(tmp_path / "owner-only.pdf", user_password=""))
    assert "The Committee RESOLVED to note the report." in pages[0].text


def test_text_inside_a_form_xobject_is_read(tmp_path: Path) -> None:
    # Some word processors draw a whole page as one form; pdfminer hands its characters over
    # inside an LTFigure, and the page used to be rejected as having no text layer.
    lines = ["MANORDEILO TEST COMMUNITY COUNCIL", "MEETING 11th SEPTEMBER 2019", "1. WELCOME AND APOLOGIES"]
    pages = extract_pdf_pages(make_form_xobject_pdf(tmp_path / "form.pdf", lines))
    assert pages[0].text.splitlines() == lines


def test_every_word_processor_paper_of_the_more_councils_folder_is_read() -> None:
    # Manordeilo and Salem's minutes hold every page's text in a form XObject.
    folder = more_councils()
    for path in sorted(folder.glob("*.pdf")):
        pages = extract_pdf_pages(path)
        assert sum(len(page.text) for page in pages) > 1000, path.name


# --- the real PDFs ----------------------------------------------------------------------


def _real_pdfs_readme() -> dict[str, int]:
    """file name -> page count, from the table in ../shared/real-pdfs/README.md."""
    readme = REAL_PDFS / "README.md"
    if not readme.is_file():
        pytest.skip(f"real PDFs not present at {REAL_PDFS.resolve()}")
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in readme.read_text(encoding="utf-8").splitlines()
        if line.startswith("|")
    ]
    header = next(cells for cells in rows if cells[0] == "file")
    file_col, pages_col = header.index("file"), header.index("pages")
    return {cells[file_col]: int(cells[pages_col]) for cells in rows if cells[file_col].endswith(".pdf")}


@pytest.fixture(scope="module")
def real_pages() -> dict[str, list[Page]]:
    return {name: extract_pdf_pages(REAL_PDFS / name) for name in _real_pdfs_readme()}


@pytest.mark.realpdfs
def test_real_pdfs_keep_their_page_counts(real_pages: dict[str, list[Page]]) -> None:
    expected = _real_pdfs_readme()
    assert {name: len(pages) for name, pages in real_pages.items()} == expected


@pytest.mark.realpdfs
def test_bristol_minutes_lose_the_moderngov_email_footer(real_pages: dict[str, list[Page]]) -> None:
    minutes = {name: pages for name, pages in real_pages.items() if name.endswith("printed_minutes.pdf")}
    assert minutes
    for name, pages in minutes.items():
        for page in pages:
            assert "policycommittees@bristol.gov.uk" not in page.text, (name, page.number)


@pytest.mark.realpdfs
@pytest.mark.parametrize(
    "heading",
    [
        "2 Apologies for Absence and Substitutions",
        "4 Minutes of the Previous Meeting",
        "6 Public Forum",
        "8 Petition Debate",
        "10 City Centre Transport Corridor \u2013 Bond St Full Business Case Submission",
    ],
)
def test_bristol_minutes_item_number_and_title_share_a_line(
    real_pages: dict[str, list[Page]], heading: str
) -> None:
    pages = real_pages["bristol_tcpc_2025-05-15_printed_minutes.pdf"]
    lines = {plain(line) for page in pages for line in page.text.splitlines()}
    assert heading in lines


@pytest.mark.realpdfs
def test_every_bristol_minutes_item_heading_is_number_then_title(real_pages: dict[str, list[Page]]) -> None:
    """Items 1-6 are the fixed ModernGov opening items of every Bristol minutes file."""
    openings = ["Welcome, Introductions and Safety Information", "Apologies for Absence and Substitutions"]
    for name, pages in real_pages.items():
        if not name.endswith("printed_minutes.pdf"):
            continue
        lines = {plain(line) for page in pages for line in page.text.splitlines()}
        assert {f"{n} {title}" for n, title in enumerate(openings, start=1)} <= lines, name
        assert "6 Public Forum" in lines, name
