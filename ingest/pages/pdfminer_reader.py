"""PDF -> page layouts with pdfminer.six: the reference engine, and the fallback for any file
PDFium cannot read (`ingest.pages.pdf`). Imported only when pdfminer reads a file, so a worker
that reads every PDF with PDFium never loads it.

Each page's text lines become runs of ink (`ingest.pages.layout.Segment`), cut where two
inked characters are a cell gap apart and styled by a sample of their inked characters, as
`ingest.pages.pdfium` cuts PDFium's; painted paths taller than 5pt are table rules. Streams
inflate under the ceiling of `ingest.pages.limits`; pdfminer's exceptions become one-line
`IngestError`s.

Imports: `ingest.errors`, `ingest.pages.layout`, `ingest.pages.limits`, pdfminer, the
standard library.
"""

from __future__ import annotations

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
    sampled,
)
from ingest.pages.limits import NamedBytes, Reading, guarded_reading

# boxes_flow=None skips pdfminer's hierarchical grouping of text boxes (the costliest part of
# its layout analysis): we order lines ourselves, so we would only throw that order away.
# all_texts=True groups the characters inside figures (form XObjects) into text lines too:
# some word processors put a whole page's text in one form (Manordeilo and Salem's minutes),
# and without it pdfminer hands those characters over loose, as if the page had no text.
_LAPARAMS = LAParams(boxes_flow=None, all_texts=True)

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


def pdfminer_layouts(path: Path, data: bytes) -> list[PageLayout]:
    # Streams inflate only up to the limit; pdfminer's warnings name this file.
    with guarded_reading(path) as reading:
        layouts = [_page_layout(page) for page in _pdfminer_pages(data, path)]
    if not layouts:
        raise IngestError("PDF has no pages; re-download or re-export it")
    if not any(layout.segments for layout in layouts):
        raise IngestError(_no_text_message(reading))
    return layouts


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
