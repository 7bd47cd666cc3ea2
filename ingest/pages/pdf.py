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
* pdfminer.six (`ingest.pages.pdfminer_reader`: the reference, which tests compare against,
  and the fallback) reads the file in Python, one layout pass per page, with its streams
  inflated under the ceiling of `ingest.pages.limits`. It is imported only when it reads, so
  a worker whose PDFs PDFium reads never loads it (16 MB less per worker).

Both cut text lines into runs of ink at the same gaps and sample a run's style from its inked
characters (`ingest.pages.layout`), so they give the same pages: over every real folder and
the rendered test PDFs, `tests/bench/pdf_engine_agreement.py` finds every item the same.

Bad input raises `IngestError` with a one-line message saying what to do; the engines' own
exceptions never escape.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ingest.errors import IngestError
from ingest.pages.layout import PageLayout, layout_pages
from ingest.pages.limits import check_stream_sizes
from minutebook.models import Page
from minutebook.settings import DEFAULT_PDF_ENGINE
from minutebook.text import printable

_log = logging.getLogger(__name__)

# First bytes of files that are often saved with a .pdf name but are not PDFs.
_NOT_PDF_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP or Word/Excel document"),
    (b"\xd0\xcf\x11\xe0", "an old Word/Excel document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")


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
    from ingest.pages.pdfminer_reader import pdfminer_layouts  # pdfminer loads only when it reads

    return layout_pages(pdfminer_layouts(path, data))


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
