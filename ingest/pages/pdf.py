"""PDF -> pages: each page's layout from a PDF engine, then reading order and light markup.

`extract_pdf_pages(path)` returns one `Page` per physical page of the file (blank pages too),
numbered from 1. Two engines read the layout (`ingest.pages.layout.PageLayout`: text lines
with boxes, type size and weight, table rules), and `ingest.pages.layout` turns it into text
the same way for both:

* PDFium (`ingest.pages.pdfium`, the default; `--pdf-engine`, see
  `ingest.pages.formats.configure_pdf_engine`) reads it in C, several times faster. Any file
  PDFium cannot read, or reads without text, is read again by pdfminer, with one warning naming the file; so
  every refusal message (encrypted, truncated, no text layer) is pdfminer's. Before PDFium
  sees a file, its Flate streams are inflated up to the stream ceiling and no further
  (`limits.check_stream_sizes`), so a decompression bomb is refused with the same message;
* pdfminer.six (the reference: tests compare against it, and the fallback) reads the file in
  Python, one layout pass per page, with its streams inflated under the ceiling of
  `ingest.pages.limits`.

Both cut text lines into runs of ink at the same gaps and sample a run's style from its inked
characters (`ingest.pages.layout`), so they give the same pages: over every real folder and
the rendered test PDFs, `tests/bench/pdf_engine_agreement.py` finds every item the same.

Bad input raises `IngestError` with a one-line message saying what to do; the engines' own
exceptions never escape.
"""

from __future__ import annotations

import logging
import re
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTCurve, LTFigure, LTPage, LTTextContainer, LTTextLine
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.psexceptions import PSException

from ingest.errors import IngestError
from ingest.pages.layout import (
    PageLayout,
    Rule,
    Segment,
    clean_text,
    is_bold_font,
    is_cell_gap,
    is_unmapped,
    layout_pages,
    sampled,
)
from ingest.pages.limits import NamedBytes, Reading, check_stream_sizes, guarded_reading
from minutebook.models import Page
from minutebook.settings import DEFAULT_PDF_ENGINE
from minutebook.text import printable

_log = logging.getLogger(__name__)

# boxes_flow=None skips pdfminer's hierarchical grouping of text boxes (the costliest part of
# its layout analysis): we order lines ourselves, so we would only throw that order away.
# all_texts=True groups the characters inside figures (form XObjects) into text lines too:
# some word processors put a whole page's text in one form (Manordeilo and Salem's minutes),
# and without it pdfminer hands those characters over loose, as if the page had no text.
_LAPARAMS = LAParams(boxes_flow=None, all_texts=True)

# First bytes of files that are often saved with a .pdf name but are not PDFs.
_NOT_PDF_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP or Word/Excel document"),
    (b"\xd0\xcf\x11\xe0", "an old Word/Excel document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")

# What pdfminer (and the zlib/struct code under it) raises on truncated or corrupt files.
_CORRUPT_ERRORS: tuple[type[BaseException], ...] = (
    PSException,
    zlib.error,
    struct.error,
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    AssertionError,
    EOFError,
    RecursionError,
)


def extract_pdf_pages(
    path: Path, data: bytes | None = None, *, engine: str = DEFAULT_PDF_ENGINE
) -> list[Page]:
    """One `Page` per physical page of the PDF at `path`, in file order, numbered from 1.

    `data`, when given, is the file's bytes (the pipeline has read them already, to hash them),
    so the file is read once. `engine` is "pdfminer" or "pdfium" (`minutebook.settings`).
    Raises `IngestError` for unreadable or empty files, non-PDFs, corrupt or truncated PDFs,
    PDFs that need a password, PDFs without pages and PDFs without any text layer.
    """
    if data is None:
        data = _read_bytes(path)
    _check_signature(data[:1024])
    if engine == "pdfium":
        layouts = _pdfium_layouts(path, data)
        if layouts is not None:
            return layout_pages(layouts)
    return layout_pages(_pdfminer_layouts(path, data))


def _pdfium_layouts(path: Path, data: bytes) -> list[PageLayout] | None:
    """PDFium's layouts, or None (with a warning naming the file) when pdfminer must read it."""
    from ingest.pages.pdfium import PdfiumFailed, pdfium_layouts  # PDFium loads only when chosen

    check_stream_sizes(data)  # PDFium inflates streams whole: refuse a bomb before it does
    try:
        layouts = pdfium_layouts(data)
    except PdfiumFailed as err:
        _log.warning("%s: PDFium could not read it (%s); reading it with pdfminer", printable(str(path)), err)
        return None
    if not any(layout.segments for layout in layouts):
        return None  # no text (a scan?): pdfminer's reading says why, in its words
    return layouts


def _pdfminer_layouts(path: Path, data: bytes) -> list[PageLayout]:
    # Streams inflate only up to the limit; pdfminer's warnings name this file.
    with guarded_reading(path) as reading:
        layouts = [_page_layout(page) for page in _pdfminer_pages(data, path)]
    if not layouts:
        raise IngestError("PDF has no pages; re-download or re-export it")
    if not any(layout.segments for layout in layouts):
        raise IngestError(_no_text_message(reading))
    return layouts


# --- reading the file -------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise IngestError(f"cannot read the file ({err.strerror}); check it exists and is readable") from err


def _check_signature(head: bytes) -> None:
    """Reject files that are empty or not PDFs (from their first 1024 bytes) before pdfminer
    sees them.

    PDF readers accept a `%PDF-` header anywhere in the first 1024 bytes, so do we.
    """
    if not head:
        raise IngestError("empty file (0 bytes); re-download the original")
    if b"%PDF-" in head:
        return
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if any(marker in lowered for marker in _HTML_MARKERS):
        raise IngestError("not a PDF (looks like HTML); re-download the original")
    for signature, kind in _NOT_PDF_SIGNATURES:
        if head.startswith(signature):
            raise IngestError(f"not a PDF (looks like {kind}); export it to PDF or re-download the original")
    raise IngestError("not a PDF (no %PDF- header); re-download the original")


def _pdfminer_pages(data: bytes, path: Path) -> Iterator[LTPage]:
    """pdfminer's layout of each page, with its exceptions turned into `IngestError`.

    Only pdfminer runs inside the `try`, so our own bugs still surface as bugs.
    """
    try:
        # An empty user password is what PDF viewers try first: owner-password-only files open.
        yield from extract_pages(NamedBytes(data, path), password="", laparams=_LAPARAMS)
    except (PDFPasswordIncorrect, PDFEncryptionError) as err:
        raise IngestError("encrypted PDF; remove the password and ingest again") from err
    except _CORRUPT_ERRORS as err:
        raise IngestError(_corrupt_message(data)) from err


def _corrupt_message(data: bytes) -> str:
    """Say "truncated" when a file with PDF objects lacks its end-of-file marker (an
    interrupted download), and "not a PDF" when nothing after the header is PDF at all."""
    if not _OBJECT.search(data):
        return "not a PDF: a %PDF- header followed by no PDF objects; re-download the original"
    if b"%%EOF" not in data[-1024:]:
        return "truncated PDF (no end-of-file marker); re-download the original"
    return "corrupt PDF (pdfminer cannot parse it); re-download the original or re-save it from a PDF viewer"


# "12 0 obj": every PDF has indirect objects; a header followed by none is not a PDF.
_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b")


def _no_text_message(reading: Reading) -> str:
    """Why a PDF gave no text: a form that draws itself (pdfminer refuses to run it), or no
    text layer at all (a scan)."""
    if reading.refused_circular:
        return (
            "no text outside a form that draws itself (a self-referencing form XObject, which"
            " is malformed); re-export the PDF from the program that made it"
        )
    return "no text layer (scanned image?); run OCR (e.g. ocrmypdf) and ingest the result"


# --- layout -> segments -----------------------------------------------------------------


def _page_layout(page: LTPage) -> PageLayout:
    segments: list[Segment] = []
    rules: list[Rule] = []
    _collect(page, segments, rules)
    return PageLayout(page.height, segments, rules)


def _collect(container: LTPage | LTFigure, segments: list[Segment], rules: list[Rule]) -> None:
    """Text lines and table rules of a page, looking inside figures (form XObjects), whose
    contents pdfminer has already placed in page coordinates."""
    for obj in container:
        if isinstance(obj, LTTextLine):
            _add_segments(segments, obj)
        elif isinstance(obj, LTTextContainer):
            for line in obj:
                if isinstance(line, LTTextLine):
                    _add_segments(segments, line)
        elif isinstance(obj, LTFigure):
            _collect(obj, segments, rules)
        elif isinstance(obj, LTCurve) and obj.height > 5:
            # Table borders: fpdf2 and Word draw cells as rects, ModernGov as separate lines.
            rules.append((obj.x0, obj.y0, obj.y1))
            if obj.width > 2:
                rules.append((obj.x1, obj.y0, obj.y1))


def _add_segments(segments: list[Segment], line: LTTextLine) -> None:
    """Append `line`'s runs of ink, cut at every cell gap (`ingest.pages.layout.is_cell_gap`),
    each boxed by its inked characters and styled by a sample of them
    (`ingest.pages.layout.sampled`); whitespace and unmapped glyphs alone make none (pdfminer
    emits many lines of spaces)."""
    parts: list[str] = []
    inked: list[LTChar] = []
    for obj in line:
        text = obj.get_text()
        if isinstance(obj, LTChar) and not text.isspace() and not is_unmapped(text):
            if inked and is_cell_gap(inked[-1].x1, obj.x0, max(inked[-1].size, obj.size)):
                _add_piece(segments, line, inked, parts)
                parts, inked = [], []
            inked.append(obj)
        parts.append(text)
    if inked:
        _add_piece(segments, line, inked, parts)


def _add_piece(segments: list[Segment], line: LTTextLine, inked: list[LTChar], parts: list[str]) -> None:
    """One run of ink as a `Segment`: the line's height, its characters' extent, and (size,
    bold) from up to five of them spread along it (bold only when every one sampled is, so
    "The Committee RESOLVED that", bold inside, is not)."""
    text = clean_text("".join(parts))
    if not text:
        return
    picks = sampled(inked)
    size = max(char.size for char in picks)
    bold = all(is_bold_font(char.fontname) for char in picks)
    x0 = min(char.x0 for char in inked)
    x1 = max(char.x1 for char in inked)
    segments.append(Segment(x0, line.y0, x1, line.y1, text, size, bold))
