"""The PDFium page reader (issue 17) against pdfminer, the reference: the same pages and the
same items from the same PDFs, and pdfminer reading whatever PDFium cannot."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from ingest.errors import IngestError
from ingest.pages.pdf import extract_pdf_pages
from ingest.pages.pdfium import PdfiumFailed, pdfium_layouts
from ingest.pipeline import ingest_paths, parse_file
from minutebook.models import Document
from minutebook.settings import DEFAULT_PDF_ENGINE, SettingsError, load_pdf_engine
from minutebook.store import open_store
from tests.conftest import JUNE_2014_MINUTES, more_councils, real_pdfs
from tests.pdf_fixtures import TABLE_ROWS, Table, make_pdf, sample_paper

AGENDA_PAGES = [
    [
        "Transport Committee",
        "Agenda for the meeting on 12 March 2025",
        "1 Apologies for absence",
        "Councillor Jane Smith has sent apologies.",
        "2 Declarations of interest",
        "There were none.",
        "3 Minutes of the last meeting",
        "The minutes of the meeting held on 5 February 2025 were agreed as a correct record.",
    ],
    [
        "4 Bus service improvements",
        "The committee considered the report on bus lanes in the city centre.",
        "5 Budget monitoring",
        "The figures below show the position at the end of the quarter.",
    ],
    [
        "6 Any other business",
        "The Chair thanked officers for their work.",
    ],
]
HEADINGS = {"Transport Committee"}
BOLD = {line for page in AGENDA_PAGES for line in page if re.match(r"\d ", line)}


def _items(doc: Document) -> list[tuple[str | None, str, int | None, int | None]]:
    return [(item.number, item.title, item.page_start, item.page_end) for item in doc.items]


@pytest.fixture(scope="module")
def agenda_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_pdf(
        tmp_path_factory.mktemp("pdfium") / "agenda.pdf",
        AGENDA_PAGES,
        footer="Page {page} of {pages}",
        bold_lines=BOLD,
        heading_lines=HEADINGS,
        table=Table(page=2, rows=TABLE_ROWS),
    )


def test_pdfium_gives_the_same_pages_as_pdfminer(agenda_pdf: Path) -> None:
    reference = extract_pdf_pages(agenda_pdf, engine="pdfminer")
    pages = extract_pdf_pages(agenda_pdf, engine="pdfium")
    assert [page.text for page in pages] == [page.text for page in reference]
    # The markup both engines feed the structure stage: headings, bold items, table cells.
    assert "# **Transport Committee**" in pages[0].text
    assert "**4 Bus service improvements**" in pages[1].text
    assert " | ".join(TABLE_ROWS[1]) in pages[1].text


def test_pdfium_gives_the_same_items_as_pdfminer(agenda_pdf: Path) -> None:
    from ingest.pages import formats

    reference = parse_file(agenda_pdf, analyses=[])
    formats.configure_pdf_engine("pdfium")
    try:
        candidate = parse_file(agenda_pdf, analyses=[])
    finally:
        formats.configure_pdf_engine("pdfminer")
    assert _items(candidate) == _items(reference)
    assert [item.number for item in candidate.items if item.part == "item"] == ["1", "2", "3", "4", "5", "6"]
    assert (candidate.kind, candidate.meeting_date) == (reference.kind, reference.meeting_date)


def test_pdfium_reads_a_two_column_page_and_a_ruled_table_as_pdfminer(tmp_path: Path) -> None:
    from tests.pdf_fixtures import LEFT_COLUMN, RIGHT_COLUMN

    spec = sample_paper(JUNE_2014_MINUTES, max_lines=80)
    pdf = make_pdf(
        tmp_path / "minutes.pdf",
        [*spec.pages, LEFT_COLUMN + RIGHT_COLUMN, ["Appointments:"]],
        bold_lines=spec.bold_lines,
        two_column_page=len(spec.pages) + 1,
        table=Table(page=len(spec.pages) + 2, rows=TABLE_ROWS),
    )
    reference = extract_pdf_pages(pdf, engine="pdfminer")
    assert [page.text for page in extract_pdf_pages(pdf, engine="pdfium")] == [
        page.text for page in reference
    ]


def _word_processor_form(path: Path) -> Path:
    """A page set as word processors set forms and tables (WECA's and Bristol's papers): an
    answer apart from its label by a run of spaces in one text object, table headings each
    closed by a space drawn as a text object of its own (the figures row drawn between them,
    as cells are), and a bold sentence whose full stop is in the regular face."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="pt")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 11)
    pdf.text(70, 100, "Key Decision" + " " * 10 + "No")
    x = 70.0
    for heading, figure in (("Approved", "(1,250)"), ("Current", "(1,300)"), ("Forecast", "(1,275)")):
        pdf.set_font("Helvetica", "B", 9)
        pdf.text(x, 150, heading)
        width = pdf.get_string_width(heading)
        pdf.text(x + width, 150, " ")
        pdf.set_font("Helvetica", "", 9)
        pdf.text(x, 162, figure)
        x += width + pdf.get_string_width(" ") + 7  # 7pt past the space: under the type size
    sentence = "The Committee noted this update report"
    pdf.set_font("Helvetica", "B", 12)
    pdf.text(70, 200, sentence)
    width = pdf.get_string_width(sentence)
    pdf.set_font("Helvetica", "", 12)
    pdf.text(70 + width, 200, ". ")
    pdf.output(str(path))
    return path


def test_pdfium_reads_a_word_processor_form_as_pdfminer_and_the_lines_weight(tmp_path: Path) -> None:
    # PDFium folds a run of spaces into one character and gives none for a space-only text
    # object; pdfminer keeps them. What is a table cell is read from the gap between inked
    # characters in both, so "Key Decision", ten spaces (30pt at 11pt) and "No" are two cells
    # whoever reads them.
    pdf = _word_processor_form(tmp_path / "form.pdf")
    reference = extract_pdf_pages(pdf, engine="pdfminer")
    pages = extract_pdf_pages(pdf, engine="pdfium")
    assert [page.text for page in pages] == [page.text for page in reference]
    assert pages[0].text.splitlines()[0] == "**Key Decision | No**"
    # The headings' ink is 9.5pt apart at 9pt (a space, then 7pt): cells, like the figures.
    assert "**Approved | Current | Forecast**\n(1,250) | (1,300) | (1,275)" in pages[0].text
    assert "**The Committee noted this update report.**" in pages[0].text


def test_pdfium_refusing_a_file_pdfminer_reads_falls_back_with_one_line_naming_it(
    agenda_pdf: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # The catalog points at a page tree that is not there: PDFium refuses the document,
    # pdfminer finds the pages by scanning the file's objects.
    broken = tmp_path / "broken catalog.pdf"
    broken.write_bytes(re.sub(rb"(/Pages )\d+( 0 R)", rb"\g<1>999\g<2>", agenda_pdf.read_bytes(), count=1))
    with pytest.raises(PdfiumFailed):
        pdfium_layouts(broken.read_bytes())
    with caplog.at_level(logging.WARNING, logger="ingest.pages.pdf"):
        pages = extract_pdf_pages(broken, engine="pdfium")
    assert [page.text for page in pages] == [page.text for page in extract_pdf_pages(agenda_pdf)]
    fallbacks = [r.getMessage() for r in caplog.records if r.name == "ingest.pages.pdf"]
    assert len(fallbacks) == 1 and str(broken) in fallbacks[0] and "pdfminer" in fallbacks[0]
    assert "\n" not in fallbacks[0]


def test_a_file_neither_engine_reads_gets_pdfminers_message(agenda_pdf: Path, tmp_path: Path) -> None:
    data = agenda_pdf.read_bytes()
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(data[: data.rfind(b"trailer")])
    with pytest.raises(IngestError, match="truncated PDF"):
        extract_pdf_pages(truncated, engine="pdfium")


def test_ingest_with_pdfium_in_workers_stores_the_same_items(agenda_pdf: Path, tmp_path: Path) -> None:
    reports = {}
    for engine in ("pdfminer", "pdfium"):
        with open_store(tmp_path / engine) as store:
            reports[engine] = ingest_paths([agenda_pdf], store, workers=1, analyses=[], pdf_engine=engine)
    assert not reports["pdfium"].failed
    assert _items(reports["pdfium"].ingested[0]) == _items(reports["pdfminer"].ingested[0])


def test_the_engine_setting_comes_from_flag_then_variable_then_settings_file(tmp_path: Path) -> None:
    assert load_pdf_engine(tmp_path, None, {}) == "pdfium"  # the default since the agreement report
    (tmp_path / "settings.toml").write_text('[ingest]\npdf_engine = "pdfminer"\n')
    assert load_pdf_engine(tmp_path, None, {}) == "pdfminer"
    assert load_pdf_engine(tmp_path, None, {"MINUTEBOOK_PDF_ENGINE": "pdfium"}) == "pdfium"
    assert load_pdf_engine(tmp_path, "pdfminer", {"MINUTEBOOK_PDF_ENGINE": "pdfium"}) == "pdfminer"
    with pytest.raises(SettingsError, match="MINUTEBOOK_PDF_ENGINE"):
        load_pdf_engine(tmp_path, None, {"MINUTEBOOK_PDF_ENGINE": "mupdf"})


@pytest.mark.slow
@pytest.mark.parametrize("folder", [real_pdfs, more_councils], ids=["real-pdfs", "more-councils"])
def test_real_papers_have_the_same_items_with_either_engine(folder) -> None:  # type: ignore[no-untyped-def]
    from ingest.pages import formats

    for path in sorted(folder().glob("*.pdf")):
        try:
            formats.configure_pdf_engine("pdfminer")
            reference = parse_file(path, analyses=[])
            formats.configure_pdf_engine("pdfium")
            candidate = parse_file(path, analyses=[])
        finally:
            formats.configure_pdf_engine(DEFAULT_PDF_ENGINE)
        assert (candidate.kind, candidate.meeting_date, candidate.body) == (
            reference.kind,
            reference.meeting_date,
            reference.body,
        ), path.name
        assert _items(candidate) == _items(reference), path.name
        assert [[s.text for s in item.sections] for item in candidate.items] == [
            [s.text for s in item.sections] for item in reference.items
        ], path.name


def test_a_decompression_bomb_is_refused_before_pdfium_inflates_it(tmp_path: Path) -> None:
    import tracemalloc

    from ingest.pages import limits
    from tests.pdf_fixtures import bomb_pdf

    bomb = bomb_pdf(tmp_path / "bomb.pdf", inflated_mb=512)
    limits.configure(16 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(IngestError, match="16 MB per stream"):
            extract_pdf_pages(bomb, engine="pdfium")
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        limits.configure(limits.DEFAULT_STREAM_LIMIT)
    assert peak < 80 * 1024 * 1024


def test_the_cli_ingests_with_pdfium_and_refuses_an_unknown_engine(
    agenda_pdf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from ui.cli.main import main

    assert (
        main(
            ["--home", str(tmp_path / "home"), "--json", "ingest", "--pdf-engine", "pdfium", str(agenda_pdf)]
        )
        == 0
    )
    report = json.loads(capsys.readouterr().out)
    assert report["ingested"] == 1 and not report["failed"]
    with pytest.raises(SystemExit):
        main(["--home", str(tmp_path / "home"), "ingest", "--pdf-engine", "mupdf", str(agenda_pdf)])


# --- what differs between the engines is read from the ink alone -----------------------------


def _content_pdf(path: Path, content: bytes) -> Path:
    """A one-page PDF drawn by `content`, with Helvetica as /F1 and Helvetica-Bold as /F2: for
    what fpdf2 cannot set (positioning jumps inside a run of spaces, objects drawn over each
    other)."""
    from tests.pdf_fixtures import write_raw_pdf

    return write_raw_pdf(
        path,
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        ],
    )


def _both(pdf: Path) -> list[str]:
    """The page's lines (blank ones left out), asserting both engines give them."""
    reference = extract_pdf_pages(pdf, engine="pdfminer")
    pages = extract_pdf_pages(pdf, engine="pdfium")
    assert [page.text for page in pages] == [page.text for page in reference]
    return [line for line in reference[0].text.splitlines() if line]


def test_a_column_reached_through_spaces_and_jumps_is_a_cell_in_both_engines(tmp_path: Path) -> None:
    # Manordeilo and Salem's minutes reach their action column ("Noted", "Clerk") with runs of
    # spaces broken by positioning jumps: pdfminer keeps each space and joined the two when
    # no jump was wide; PDFium folds the run, so the two could not tell. The gap in ink is
    # what both read.
    content = (
        b"BT /F1 12 Tf 50 700 Td [(Credit Balance of 21.49.) -300 (    ) -900 (    ) (Noted)] TJ ET\n"
        b"BT /F1 12 Tf 50 680 Td [(Council to write to the owner.) (       ) -400 (  ) (Clerk)] TJ ET\n"
        b"BT /F1 12 Tf 50 660 Td [(The year ended.) -400 (  Councillors spoke.)] TJ ET\n"
    )
    lines = _both(_content_pdf(tmp_path / "jumps.pdf", content))
    assert lines[0] == "Credit Balance of 21.49. | Noted"
    assert lines[1] == "Council to write to the owner. | Clerk"
    # Two spaces and a small jump after a full stop are a sentence break, not a cell.
    assert lines[2] == "The year ended. Councillors spoke."


def test_a_bold_cell_after_regular_spaces_is_bold_in_both_engines(tmp_path: Path) -> None:
    # Manordeilo and Salem's "TOTAL" follows a run of regular spaces from the margin: a
    # line's style is read from its inked characters, which both engines see alike.
    spaces = b" " * 60
    content = (
        b"BT /F1 12 Tf 50 700 Td (" + spaces + b") Tj /F2 12 Tf (TOTAL) Tj /F1 12 Tf (      ) Tj"
        b" /F2 12 Tf (748.79) Tj ET\n"
    )
    assert _both(_content_pdf(tmp_path / "total.pdf", content)) == ["**TOTAL | 748.79**"]


def test_text_drawn_over_other_text_keeps_its_order_in_both_engines(tmp_path: Path) -> None:
    # WECA's outturn tables print a long project description across the figures' columns;
    # PDFium's text page merges the overlapping objects letter by letter ("Sus2ta5inable"),
    # pdfminer reads them in the order they are drawn, and so does our PDFium reader.
    # Each letter its own text object, as WECA's are: PDFium orders a line's objects by x.
    description = b"".join(
        b"(%c) Tj " % letter for letter in b"Bristol City Centre Sustainable Transport Corridor"
    )
    content = (
        b"BT /F1 7 Tf 50 700 Td " + description + b"ET\n"
        b"BT /F1 7 Tf 120 700 Td (2) Tj (5) Tj ET\n"
        b"BT /F1 7 Tf 160 700 Td (2) Tj (6) Tj ET\n"
    )
    lines = _both(_content_pdf(tmp_path / "overlap.pdf", content))
    assert "Bristol City Centre Sustainable Transport Corridor" in lines[0]


def test_unmapped_glyphs_are_dropped_alike() -> None:
    # pdfminer writes "(cid:N)" for a glyph with no Unicode value, PDFium a control character
    # (Burton-cum-Walden's signature block): junk for a reader and for search.
    from ingest.pages.layout import clean_text

    assert clean_text("Chairman(cid:1) (cid:2)") == clean_text("Chairman\x01\x02") == "Chairman"
    assert clean_text("(cid:9) (cid:6)\x03") == ""
    assert clean_text("Tab\tand  spaces") == "Tab and spaces"


@pytest.mark.slow
@pytest.mark.parametrize("folder", [real_pdfs, more_councils], ids=["real-pdfs", "more-councils"])
def test_real_papers_give_the_same_pages_with_either_engine(folder) -> None:  # type: ignore[no-untyped-def]
    for path in sorted(folder().glob("*.pdf")):
        reference = extract_pdf_pages(path, engine="pdfminer")
        candidate = extract_pdf_pages(path, engine="pdfium")
        assert [page.text for page in candidate] == [page.text for page in reference], path.name
        assert not any(re.search(r"\(cid:\d+\)|[\x00-\x08\x0e-\x1f]", page.text) for page in reference), (
            path.name
        )
