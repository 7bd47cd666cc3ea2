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
from minutebook.settings import SettingsError, load_pdf_engine
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


def test_pdfium_keeps_the_spaces_a_word_processor_sets_and_the_lines_weight(tmp_path: Path) -> None:
    # PDFium folds a run of spaces into one character and gives none for a space-only text
    # object; pdfminer keeps them, and they decide what is one line and what is a table cell.
    pdf = _word_processor_form(tmp_path / "form.pdf")
    reference = extract_pdf_pages(pdf, engine="pdfminer")
    pages = extract_pdf_pages(pdf, engine="pdfium")
    assert [page.text for page in pages] == [page.text for page in reference]
    assert pages[0].text.splitlines()[0] == "**Key Decision No**"
    assert "**Approved Current Forecast**\n(1,250) | (1,300) | (1,275)" in pages[0].text
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
    assert load_pdf_engine(tmp_path, None, {}) == "pdfminer"
    (tmp_path / "settings.toml").write_text('[ingest]\npdf_engine = "pdfium"\n')
    assert load_pdf_engine(tmp_path, None, {}) == "pdfium"
    assert load_pdf_engine(tmp_path, None, {"MINUTEBOOK_PDF_ENGINE": "pdfminer"}) == "pdfminer"
    assert load_pdf_engine(tmp_path, "pdfium", {"MINUTEBOOK_PDF_ENGINE": "pdfminer"}) == "pdfium"
    with pytest.raises(SettingsError, match="MINUTEBOOK_PDF_ENGINE"):
        load_pdf_engine(tmp_path, None, {"MINUTEBOOK_PDF_ENGINE": "mupdf"})


@pytest.mark.slow
@pytest.mark.parametrize("folder", [real_pdfs, more_councils], ids=["real-pdfs", "more-councils"])
def test_real_papers_have_the_same_items_with_either_engine(folder) -> None:  # type: ignore[no-untyped-def]
    from ingest.pages import formats

    for path in sorted(folder().glob("*.pdf")):
        reference = parse_file(path, analyses=[])
        formats.configure_pdf_engine("pdfium")
        try:
            candidate = parse_file(path, analyses=[])
        finally:
            formats.configure_pdf_engine("pdfminer")
        assert (candidate.kind, candidate.meeting_date, candidate.body) == (
            reference.kind,
            reference.meeting_date,
            reference.body,
        ), path.name
        same = sum(a == b for a, b in zip(_items(candidate), _items(reference), strict=False))
        assert same >= 0.9 * max(len(reference.items), len(candidate.items)), path.name


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
