"""PDF -> pages: pdfminer.six text extraction with a sane reading order and light markup.

`extract_pdf_pages(path)` returns one `Page` per physical page of the file (blank pages too),
numbered from 1. Each page's text is built from pdfminer's text lines (one layout pass per
page, nothing else reads the file):

* lines whose vertical centres agree are one row, read left to right; separate text lines on
  one row are table cells joined with " | ", except an item number followed by its title
  ("6" + "Public Forum" -> "6 Public Forum"), which the item splitter needs on one line;
* a page with a clear vertical gutter and prose on both sides is read left column first;
* a row in bold is wrapped in `**...**`; a row in type >= 1.25x the document's body size gets
  a `# ` prefix (the shape of the sample corpus in `corpus/*.txt`);
* a blank line separates rows that are further apart than ordinary line spacing;
* running headers/footers and page numbers are removed by `ingest.pages.furniture`, which is told
  which lines lie in the page's margin band (`FURNITURE_BAND`).

Bad input raises `IngestError` with a one-line message saying what to do; pdfminer's own
exceptions never escape.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTCurve, LTFigure, LTPage, LTTextContainer, LTTextLine
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.psexceptions import PSException

from ingest.errors import IngestError
from ingest.pages.furniture import remove_furniture
from ingest.pages.limits import NamedBytes, Reading, guarded_reading
from minutebook.models import Page

# boxes_flow=None skips pdfminer's hierarchical grouping of text boxes (the costliest part of
# its layout analysis): we order lines ourselves, so we would only throw that order away.
# all_texts=True groups the characters inside figures (form XObjects) into text lines too:
# some word processors put a whole page's text in one form (Manordeilo and Salem's minutes),
# and without it pdfminer hands those characters over loose, as if the page had no text.
_LAPARAMS = LAParams(boxes_flow=None, all_texts=True)

HEADING_RATIO = 1.25
# Rows further apart than this share of their height are separate paragraphs/blocks.
PARAGRAPH_GAP = 0.6
# Pieces of one row closer than this many times their type size are one line of text.
CELL_GAP = 1.0
# Share of the page height at the top and bottom that holds headers/footers; text there never
# decides whether a page has columns.
MARGIN_SHARE = 0.07
# Share of the page height at the top and bottom where running headers/footers may sit. The
# real papers' furniture lies within 11% of an edge (ModernGov's e-mail header at 4%, the
# forward plan's "- 3 -" and the WPL report's "OFFICIAL" lower); the Bristol decision forms'
# last lines, repeated on many pages but body text, lie 17% or more from the edge.
FURNITURE_BAND = 0.12

_BOLD_MARKERS = ("Bold", "Black", "Heavy", ",B")
_SPACES = re.compile(r"\s+")
# An item or paragraph number as printed in a heading ("6", "4.", "7.1", "12a", "3)", "(b)"),
# or a bullet glyph (WECA's Word exports set "•" apart from its text; U+F0B7 is Symbol's bullet).
_ITEM_LABEL = re.compile(
    r"\d{1,3}(\.\d{1,3})*[a-z]?[.)]?|\([a-z]{1,4}\)|[\u2022\u25cf\u25aa\u25e6\uf0b7\uf0a7-]"
)
# A title has a word in it; "12" then "45" are two cells of a table of figures.
_WORD = re.compile(r"[^\W\d_]{2,}")
# Bristol ModernGov minutes put the item number and its title in separate text boxes about
# 20pt apart; anything further apart than this is a table cell, not a heading.
_ITEM_NUMBER_MAX_GAP = 72.0

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


_Rule = tuple[float, float, float]  # a vertical table border: (x, y0, y1)


@dataclass(slots=True)
class _Segment:
    """One pdfminer text line, whitespace collapsed. Coordinates are PDF points, y upwards."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    size: float
    bold: bool

    @property
    def centre(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(slots=True)
class _PageLayout:
    """What one page contributes: its text segments and its vertical rules (table borders)."""

    height: float
    segments: list[_Segment]
    rules: list[_Rule]


def extract_pdf_pages(path: Path, data: bytes | None = None) -> list[Page]:
    """One `Page` per physical page of the PDF at `path`, in file order, numbered from 1.

    `data`, when given, is the file's bytes (the pipeline has read them already, to hash them),
    so the file is read once. Raises `IngestError` for unreadable or empty files, non-PDFs,
    corrupt or truncated PDFs, PDFs that need a password, PDFs without pages and PDFs
    without any text layer.
    """
    if data is None:
        data = _read_bytes(path)
    _check_signature(data[:1024])
    # Streams inflate only up to the limit; pdfminer's warnings name this file.
    with guarded_reading(path) as reading:
        layouts = [_page_layout(page) for page in _pdfminer_pages(data, path)]
    if not layouts:
        raise IngestError("PDF has no pages; re-download or re-export it")
    if not any(layout.segments for layout in layouts):
        raise IngestError(_no_text_message(reading))
    body_size = _body_size(layouts)
    rendered = [_render(layout, body_size) for layout in layouts]
    lines = remove_furniture([page for page, _ in rendered], [near for _, near in rendered])
    return [Page(number=i, text="\n".join(page)) for i, page in enumerate(lines, start=1)]


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


def _page_layout(page: LTPage) -> _PageLayout:
    segments: list[_Segment] = []
    rules: list[_Rule] = []
    _collect(page, segments, rules)
    return _PageLayout(page.height, segments, rules)


def _collect(container: LTPage | LTFigure, segments: list[_Segment], rules: list[_Rule]) -> None:
    """Text lines and table rules of a page, looking inside figures (form XObjects), whose
    contents pdfminer has already placed in page coordinates."""
    for obj in container:
        if isinstance(obj, LTTextLine):
            _add_segment(segments, obj)
        elif isinstance(obj, LTTextContainer):
            for line in obj:
                if isinstance(line, LTTextLine):
                    _add_segment(segments, line)
        elif isinstance(obj, LTFigure):
            _collect(obj, segments, rules)
        elif isinstance(obj, LTCurve) and obj.height > 5:
            # Table borders: fpdf2 and Word draw cells as rects, ModernGov as separate lines.
            rules.append((obj.x0, obj.y0, obj.y1))
            if obj.width > 2:
                rules.append((obj.x1, obj.y0, obj.y1))


def _add_segment(segments: list[_Segment], line: LTTextLine) -> None:
    """Append `line` unless it is only whitespace (pdfminer emits many such lines)."""
    text = _SPACES.sub(" ", line.get_text()).strip()
    if not text:
        return
    size, bold = _line_style(line)
    segments.append(_Segment(line.x0, line.y0, line.x1, line.y1, text, size, bold))


def _line_style(line: LTTextLine) -> tuple[float, bool]:
    """(size, bold) of a line, from up to five characters spread along it.

    Sampling keeps the per-character Python work constant per line; a line is bold only when
    every sampled character is, so "The Committee RESOLVED that" (bold inside) is not.
    """
    objs = list(line)
    count = len(objs)
    sample = [objs[i] for i in {0, count // 4, count // 2, 3 * count // 4, max(0, count - 2)}]
    chars = [obj for obj in sample if isinstance(obj, LTChar) and not obj.get_text().isspace()]
    if not chars:
        return line.height, False
    size = max(char.size for char in chars)
    bold = all(any(marker in char.fontname for marker in _BOLD_MARKERS) for char in chars)
    return size, bold


def _body_size(layouts: list[_PageLayout]) -> float:
    """The document's body type size: the median size weighted by characters.

    Document-wide rather than per page, so a cover page of large titles still has headings.
    """
    weights: Counter[float] = Counter()
    for layout in layouts:
        for seg in layout.segments:
            weights[round(seg.size * 2) / 2] += len(seg.text)
    half = sum(weights.values()) / 2
    running = 0
    for size in sorted(weights):
        running += weights[size]
        if running >= half:
            return size
    return 0.0


# --- segments -> reading order ----------------------------------------------------------


def _rows(segments: list[_Segment]) -> list[list[_Segment]]:
    """Group segments into rows, top to bottom, each row left to right.

    A segment joins the current row when its vertical centre is within half a line height of
    the row's first segment: cells of one table row, or an item number and its title.
    """
    rows: list[list[_Segment]] = []
    for seg in sorted(segments, key=lambda s: (-s.centre, s.x0)):
        if rows:
            first = rows[-1][0]
            tolerance = 0.5 * min(first.y1 - first.y0, seg.y1 - seg.y0)
            if abs(first.centre - seg.centre) <= tolerance:
                rows[-1].append(seg)
                continue
        rows.append([seg])
    for row in rows:
        row.sort(key=lambda s: s.x0)
    return rows


def _gutter(layout: _PageLayout) -> float | None:
    """x of the gutter of a two-column page, or None.

    Two columns need: an x in the middle half of the text where no body segment crosses
    (except full-width lines above or below both columns), at least five lines of prose on
    each side (median line at least half the column's width: tables fail this), and no
    vertical rule in the gutter (a ruled table is read row by row instead).
    """
    top = layout.height * (1 - MARGIN_SHARE)
    bottom = layout.height * MARGIN_SHARE
    body = [s for s in layout.segments if s.y0 < top and s.y1 > bottom]
    if len(body) < 10:
        return None
    left_edge = min(s.x0 for s in body)
    right_edge = max(s.x1 for s in body)
    span = int(right_edge - left_edge)
    if span < 100:
        return None
    coverage = [0] * (span + 2)
    for seg in body:
        coverage[int(seg.x0 - left_edge)] += 1
        coverage[int(seg.x1 - left_edge) + 1] -= 1
    crossing = 0
    for i in range(span + 1):
        crossing += coverage[i]
        coverage[i] = crossing
    middle = range(span // 4, 3 * span // 4)
    best = min(middle, key=lambda i: (coverage[i], abs(i - span // 2)))
    if coverage[best] > len(body) // 5:
        return None
    gutter = left_edge + best + 0.5
    return gutter if _columns_are_prose(layout, body, gutter) else None


def _columns_are_prose(layout: _PageLayout, body: list[_Segment], gutter: float) -> bool:
    left = [s for s in body if s.x1 <= gutter]
    right = [s for s in body if s.x0 >= gutter]
    spanning = [s for s in body if s.x0 < gutter < s.x1]
    if len(left) < 5 or len(right) < 5:
        return False
    block_top = max(s.y1 for s in left + right)
    block_bottom = min(s.y0 for s in left + right)
    if any(block_bottom < s.centre < block_top for s in spanning):
        return False
    if not (_is_dense(left) and _is_dense(right)):
        return False
    gap_left = max(s.x1 for s in left)
    gap_right = min(s.x0 for s in right)
    return not any(
        gap_left - 1 <= x <= gap_right + 1 and y0 < block_top and y1 > block_bottom
        for x, y0, y1 in layout.rules
    )


def _is_dense(column: list[_Segment]) -> bool:
    """Prose fills its column: the median line is at least half the column's width."""
    extent = max(s.x1 for s in column) - min(s.x0 for s in column)
    widths = sorted(s.x1 - s.x0 for s in column)
    return widths[len(widths) // 2] >= 0.5 * extent


def _ordered_blocks(layout: _PageLayout) -> list[list[list[_Segment]]]:
    """Blocks of rows in reading order: the whole page, or (for two columns) what is above,
    the left column, the right column and what is below."""
    gutter = _gutter(layout)
    if gutter is None:
        return [_rows(layout.segments)]
    left = [s for s in layout.segments if s.x1 <= gutter and _in_body(layout, s)]
    right = [s for s in layout.segments if s.x0 >= gutter and _in_body(layout, s)]
    columns = {id(s) for s in left + right}
    middle = (max(s.y1 for s in left + right) + min(s.y0 for s in left + right)) / 2
    rest = [s for s in layout.segments if id(s) not in columns]
    above = [s for s in rest if s.centre >= middle]
    below = [s for s in rest if s.centre < middle]
    return [_rows(part) for part in (above, left, right, below) if part]


def _in_body(layout: _PageLayout, seg: _Segment) -> bool:
    return layout.height * MARGIN_SHARE < seg.centre < layout.height * (1 - MARGIN_SHARE)


# --- rows -> text -----------------------------------------------------------------------


def _render(layout: _PageLayout, body_size: float) -> tuple[list[str], list[bool]]:
    """The page's lines in reading order, with markup and blank lines between blocks, and for
    each line whether it lies in the page's top or bottom `FURNITURE_BAND` (blank lines: no)."""
    lines: list[str] = []
    near_edge: list[bool] = []
    band = FURNITURE_BAND * layout.height
    for block in _ordered_blocks(layout):
        if lines:
            lines.append("")
            near_edge.append(False)
        previous: list[_Segment] | None = None
        for row in block:
            if previous is not None and _paragraph_break(previous, row):
                lines.append("")
                near_edge.append(False)
            lines.append(_row_text(row, body_size, layout.rules))
            centre = sum(seg.centre for seg in row) / len(row)
            near_edge.append(min(centre, layout.height - centre) <= band)
            previous = row
    return lines, near_edge


def _paragraph_break(previous: list[_Segment], row: list[_Segment]) -> bool:
    gap = min(s.y0 for s in previous) - max(s.y1 for s in row)
    height = row[0].y1 - row[0].y0
    return gap > PARAGRAPH_GAP * height


def _row_text(row: list[_Segment], body_size: float, rules: list[_Rule]) -> str:
    """One row as a line: cells joined by " | ", bold rows `**...**`, large rows `# ...`."""
    cells = _dedupe(row)
    parts = [cells[0].text]
    for i in range(1, len(cells)):
        parts.append(_separator(cells[i - 1], cells[i], rules, first=i == 1))
        parts.append(cells[i].text)
    text = "".join(parts)
    if all(seg.bold for seg in cells):
        text = f"**{text}**"
    if body_size and all(seg.size >= HEADING_RATIO * body_size for seg in cells):
        text = f"# {text}"
    return text


def _separator(left: _Segment, right: _Segment, rules: list[_Rule], *, first: bool) -> str:
    """ " | " between table cells, " " between pieces of one line of text.

    pdfminer splits a justified line at a wide word space (fpdf2's justified paragraphs gave
    7pt gaps at 10pt), so a gap under `CELL_GAP` times the type size is a word space unless
    a table rule runs through it.
    """
    if _ruled_between(left, right, rules):
        return " | "
    if right.x0 - left.x1 < CELL_GAP * max(left.size, right.size):
        return " "
    if first and _is_item_label(left, right):
        return " "
    return " | "


def _ruled_between(left: _Segment, right: _Segment, rules: list[_Rule]) -> bool:
    centre = (left.centre + right.centre) / 2
    return any(left.x1 - 1 <= x <= right.x0 + 1 and y0 <= centre <= y1 for x, y0, y1 in rules)


def _is_item_label(number: _Segment, title: _Segment) -> bool:
    """An item number or bullet printed apart from its text ("6" ... "Public Forum"), not a
    table cell."""
    return (
        _ITEM_LABEL.fullmatch(number.text) is not None
        and _WORD.search(title.text) is not None
        and title.x0 - number.x1 <= _ITEM_NUMBER_MAX_GAP
    )


def _dedupe(row: list[_Segment]) -> list[_Segment]:
    """Drop overprinted copies: some generators fake bold by drawing the same text twice."""
    kept: list[_Segment] = []
    for seg in row:
        if kept and kept[-1].text == seg.text and seg.x0 < kept[-1].x1:
            continue
        kept.append(seg)
    return kept
