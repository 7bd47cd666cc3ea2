"""Small test PDFs made at test time with fpdf2 (nothing binary is committed).

`make_pdf` renders pages of lines with optional running headers/footers, bold and heading
lines, one two-column page and one ruled table; `sample_paper` turns the start of a corpus
paper into such pages. The `make_*` helpers at the bottom write the bad files ingest must
reject with a clear message.

Layout (A4, millimetres): body from y=25 to y=270; header at y=12, footer at y=282, so the
furniture sits at the page edges as it does in council papers.
"""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fpdf import FPDF

FONT = "Helvetica"
BODY_SIZE = 10
HEADING_SIZE = 14
LINE_HEIGHT = 5.0
PARAGRAPH_SPACE = 2.5
BODY_TOP = 25.0
BODY_BOTTOM = 270.0
LEFT = 15.0
WIDTH = 180.0
# About how many Helvetica 10pt characters fit on one 180mm line (used to paginate).
CHARS_PER_LINE = 95

# Core fonts are latin-1 only: the corpus uses typographic punctuation and bullets.
_ASCII = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u2022": "-"}
)
_HEADING = re.compile(r"^#+\s+")
_BOLD_WHOLE = re.compile(r"^\*\*(.+)\*\*$")


def latin1(text: str) -> str:
    """`text` with typographic characters made ASCII and anything else outside latin-1 as '?'."""
    return text.translate(_ASCII).encode("latin-1", "replace").decode("latin-1")


@dataclass
class Table:
    """A ruled table on page `page` (1-based), drawn after that page's lines."""

    page: int
    rows: list[list[str]]


@dataclass
class PaperSpec:
    """Everything `make_pdf` renders; `sample_paper` builds one from a corpus file."""

    pages: list[list[str]]
    bold_lines: set[str] = field(default_factory=set)
    heading_lines: set[str] = field(default_factory=set)


def make_pdf(
    path: Path,
    pages: Sequence[Sequence[str]],
    *,
    header: str | Sequence[str] | None = None,
    footer: str | Sequence[str] | None = None,
    bold_lines: set[str] | frozenset[str] = frozenset(),
    heading_lines: set[str] | frozenset[str] = frozenset(),
    two_column_page: int | None = None,
    table: Table | None = None,
) -> Path:
    """Write a PDF with one physical page per entry of `pages` and return `path`.

    Each line is a paragraph (wrapped to the page width, a little space after it). Headers and
    footers may use `{page}` and `{pages}` ("Page {page} of {pages}"); an empty page gets
    neither, like a truly blank page. On `two_column_page` the first half of the lines fill a
    left column and the rest a right one. Raises ValueError if a page's text overflows it
    (the page count must be exactly `len(pages)`).
    """
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    headers = _as_list(header)
    footers = _as_list(footer)
    for number, lines in enumerate(pages, start=1):
        pdf.add_page()
        if not lines and not (table and table.page == number):
            continue
        _furniture(pdf, headers, y=12.0, number=number, total=len(pages))
        _furniture(pdf, footers, y=282.0, number=number, total=len(pages))
        if number == two_column_page:
            half = math.ceil(len(lines) / 2)
            _paragraphs(pdf, lines[:half], LEFT, 85.0, bold_lines, heading_lines)
            _paragraphs(pdf, lines[half:], LEFT + 95.0, 85.0, bold_lines, heading_lines)
        else:
            _paragraphs(pdf, lines, LEFT, WIDTH, bold_lines, heading_lines)
        if table and table.page == number:
            _table(pdf, table.rows)
    pdf.output(str(path))
    return path


def _as_list(value: str | Sequence[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _furniture(pdf: FPDF, lines: list[str], *, y: float, number: int, total: int) -> None:
    pdf.set_font(FONT, size=8)
    for i, line in enumerate(lines):
        pdf.set_xy(LEFT, y + 4 * i)
        pdf.cell(w=WIDTH, h=4, text=latin1(line.format(page=number, pages=total)), align="C")


def _paragraphs(
    pdf: FPDF,
    lines: Sequence[str],
    x: float,
    width: float,
    bold_lines: set[str] | frozenset[str],
    heading_lines: set[str] | frozenset[str],
) -> None:
    pdf.set_xy(x, BODY_TOP)
    for line in lines:
        if line in heading_lines:
            pdf.set_font(FONT, "B", HEADING_SIZE)
        else:
            pdf.set_font(FONT, "B" if line in bold_lines else "", BODY_SIZE)
        pdf.set_x(x)
        pdf.multi_cell(w=width, h=LINE_HEIGHT, text=latin1(line))
        pdf.set_y(pdf.get_y() + PARAGRAPH_SPACE)
    if pdf.get_y() > BODY_BOTTOM:
        raise ValueError(f"page {pdf.page_no()} overflows; put fewer lines on it")


def _table(pdf: FPDF, rows: list[list[str]]) -> None:
    pdf.set_font(FONT, size=BODY_SIZE)
    pdf.set_y(pdf.get_y() + PARAGRAPH_SPACE)
    with pdf.table(width=WIDTH, line_height=LINE_HEIGHT + 1, first_row_as_headings=False) as table:
        for cells in rows:
            row = table.row()
            for cell in cells:
                row.cell(latin1(cell))
    if pdf.get_y() > BODY_BOTTOM:
        raise ValueError(f"page {pdf.page_no()} overflows; use a smaller table")


# --- the sample paper ---------------------------------------------------------------------


def sample_paper(corpus_file: Path, *, max_lines: int = 150, lines_per_page: int = 40) -> PaperSpec:
    """The first `max_lines` lines of a corpus paper as pages of plain lines.

    Markup is stripped; lines that were `**...**` or `#` headings are listed in `bold_lines`
    so the PDF prints them in bold. A page takes lines until about `lines_per_page` printed
    lines (wrapping and paragraph spacing counted) are used.
    """
    raw = corpus_file.read_text(encoding="utf-8").splitlines()[:max_lines]
    spec = PaperSpec(pages=[[]])
    used = 0.0
    for source in raw:
        line, bold = _strip_markup(source)
        if not line:
            continue
        height = math.ceil(len(line) / CHARS_PER_LINE) + PARAGRAPH_SPACE / LINE_HEIGHT
        if used + height > lines_per_page and spec.pages[-1]:
            spec.pages.append([])
            used = 0.0
        spec.pages[-1].append(line)
        used += height
        if bold:
            spec.bold_lines.add(line)
    return spec


def _strip_markup(line: str) -> tuple[str, bool]:
    """(plain line, was it bold or a heading) for one corpus line."""
    text = line.replace("\t", " ").strip()
    heading = bool(_HEADING.match(text))
    text = _HEADING.sub("", text)
    whole = _BOLD_WHOLE.match(text)
    bold = heading or whole is not None
    text = text.replace("**", "")
    return " ".join(text.split()), bold


# --- bad files --------------------------------------------------------------------------


def make_empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def make_random_bytes(path: Path, size: int = 4096) -> Path:
    """Deterministic noise that does not start with a PDF header."""
    state = 12345
    data = bytearray()
    for _ in range(size):
        state = (1103515245 * state + 12345) % 2**31
        data.append(state >> 16 & 0xFF)
    path.write_bytes(b"\x00" + bytes(data))
    return path


def make_html(path: Path) -> Path:
    """What a browser saves when a ModernGov download link returns an error page."""
    path.write_text(
        "<!DOCTYPE html>\n<html><head><title>Document not found</title></head>"
        "<body><p>The document you requested is not available.</p></body></html>\n",
        encoding="utf-8",
    )
    return path


def make_truncated(path: Path) -> Path:
    """The first half of a good multi-page PDF: an interrupted download."""
    make_pdf(path, [[f"Paragraph {i} of page {p} with some words." for i in range(20)] for p in range(3)])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def make_encrypted(path: Path, *, user_password: str = "secret") -> Path:
    """A PDF that needs `user_password` to open (empty password: opens without asking)."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font(FONT, size=BODY_SIZE)
    pdf.cell(text="Minutes of the meeting. The Committee RESOLVED to note the report.")
    pdf.set_encryption(owner_password="owner-secret", user_password=user_password)
    pdf.output(str(path))
    return path


def make_image_only(path: Path, pages: int = 2) -> Path:
    """Pages with only a drawn rectangle: what a scan without OCR looks like to pdfminer."""
    pdf = FPDF(format="A4")
    for _ in range(pages):
        pdf.add_page()
        pdf.set_fill_color(200, 200, 200)
        pdf.rect(20, 20, 170, 250, style="F")
    pdf.output(str(path))
    return path


# Content for the special pages of rendered papers: a two-column page, a ruled table.
LEFT_COLUMN = [
    "Left one: the Committee received the report by the Interim Director which updated Members on "
    "quality assurance activity within social care over the first six months of the year.",
    "Left two: the approach to quality assurance was endorsed and quarterly updates would be received "
    "to ensure that improvement activities continued to improve practice.",
]
RIGHT_COLUMN = [
    "Right one: officers advised that a written answer would be provided to Members before the next "
    "meeting of the committee and circulated to all group spokespersons.",
    "Right two: the protocol around public and Member questions would be considered in November as "
    "part of the committee system review and reported back in the new year.",
]
TABLE_ROWS = [
    ["Body", "Member", "Term"],
    ["Capital Priorities Group", "Mr Smith", "2014-15"],
    ["Small Schools Steering Group", "Conservative Group member", "2014-16"],
]


def make_form_xobject_pdf(path: Path, lines: Sequence[str]) -> Path:
    """A one-page PDF whose only text sits inside a form XObject drawn by the page, as some
    word processors write whole pages (pdfminer yields it inside an LTFigure). Written by hand:
    fpdf2 has no way to make a form."""
    text_ops = " ".join(
        f"72 {770 - 16 * n} Td ({latin1(line).replace('(', '[').replace(')', ']')}) Tj 0 0 Td"
        if n == 0
        else f"0 -16 Td ({latin1(line).replace('(', '[').replace(')', ']')}) Tj"
        for n, line in enumerate(lines)
    )
    form = f"BT /F1 12 Tf {text_ops} ET".encode("latin-1")
    page = b"q 1 0 0 1 0 0 cm /Fm0 Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
        b" /Resources << /XObject << /Fm0 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(page), page),
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 6 0 R >> >>"
        b" /Length %d >>\nstream\n%s\nendstream" % (len(form), form),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return write_raw_pdf(path, objects)


def bomb_pdf(path: Path, inflated_mb: int) -> Path:
    """A tiny PDF whose one content stream is Flate-compressed twice: a few KB that inflate to
    `inflated_mb` MB (of spaces after one line of text) in the first pass."""
    inner = zlib.compressobj(9)
    parts = [inner.compress(b"BT /F1 12 Tf 72 712 Td (Bomb) Tj ET\n")]
    block = b" " * (1024 * 1024)
    parts += [inner.compress(block) for _ in range(inflated_mb)]
    parts.append(inner.flush())
    stream = zlib.compress(b"".join(parts), 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n" % len(stream)
        + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return write_raw_pdf(path, objects)


def write_raw_pdf(path: Path, objects: Sequence[bytes]) -> Path:
    """A PDF written by hand from its numbered objects (object 1 the catalog), with a correct
    cross-reference table: for shapes fpdf2 cannot make (forms, bombs, broken trees)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path
