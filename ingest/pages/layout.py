"""Page layout -> text: the page model both PDF engines feed, and how it becomes a `Page`.

A PDF engine (`ingest.pages.pdf` with pdfminer.six, `ingest.pages.pdfium` with PDFium) turns
each page into a `PageLayout`: its height, its text `Segment`s (one text line as the engine
grouped characters: box, text, type size, bold) and its vertical `Rule`s (table borders).
Everything after that is here and engine-blind, so both engines give the same markup:

* a segment is a run of ink: both engines cut an engine's text line wherever the gap between
  two inked characters reaches `CELL_GAP` times the type size (`is_cell_gap`), whether or not
  the file fills the gap with space characters, so what is one cell depends on where the
  glyphs are and not on invisible spaces, which the engines see differently (pdfminer keeps
  every space and joins across a run of them; PDFium folds runs and drops some);
* unmapped glyphs (pdfminer's "(cid:N)", PDFium's control characters) are dropped by both
  engines (`clean_text`): they are junk to a reader and to search;
* segments whose vertical centres agree are one row, read left to right; separate segments on
  one row are table cells joined with " | ", except an item number followed by its title
  ("6" + "Public Forum" -> "6 Public Forum"), which the item splitter needs on one line;
* a page with a clear vertical gutter and prose on both sides is read left column first;
* a row in bold is wrapped in `**...**`; a row in type >= 1.25x the document's body size gets
  a `# ` prefix (the shape of the sample corpus in `corpus/*.txt`);
* a blank line separates rows that are further apart than ordinary line spacing;
* running headers/footers and page numbers are removed by `ingest.pages.furniture`, which is told
  which lines lie in the page's margin band (`FURNITURE_BAND`).

Imports: `minutebook`, this package's `furniture`, the standard library.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from ingest.pages.furniture import remove_furniture
from minutebook.models import Page

HEADING_RATIO = 1.25
# Rows further apart than this share of their height are separate paragraphs/blocks.
PARAGRAPH_GAP = 0.6
# Pieces of one row closer than this many times their type size are one line of text.
CELL_GAP = 1.0
# After a sentence's full stop, gaps up to this many times the type size are word spaces:
# typists' two spaces, stretched in a justified line. The real papers' cells that follow a
# sentence (Manordeilo and Salem's action column: "meeting. | Clerk") are 1.8 and more.
SENTENCE_GAP = 1.5
# Share of the page height at the top and bottom that holds headers/footers; text there never
# decides whether a page has columns.
MARGIN_SHARE = 0.07
# Share of the page height at the top and bottom where running headers/footers may sit. The
# real papers' furniture lies within 11% of an edge (ModernGov's e-mail header at 4%, the
# forward plan's "- 3 -" and the WPL report's "OFFICIAL" lower); the Bristol decision forms'
# last lines, repeated on many pages but body text, lie 17% or more from the edge.
FURNITURE_BAND = 0.12

BOLD_MARKERS = ("Bold", "Black", "Heavy", ",B")
_SPACES = re.compile(r"\s+")
# An unmapped glyph: pdfminer writes "(cid:N)", PDFium a control character (Burton-cum-Walden's
# signature block, set in a font without a Unicode map).
_UNMAPPED = re.compile(r"\(cid:\d+\)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# An item or paragraph number as printed in a heading ("6", "4.", "7.1", "12a", "3)", "(b)"),
# or a bullet glyph (WECA's Word exports set "•" apart from its text; U+F0B7 is Symbol's bullet).
_ITEM_LABEL = re.compile(
    r"\d{1,3}(\.\d{1,3})*[a-z]?[.)]?|\([a-z]{1,4}\)|[\u2022\u25cf\u25aa\u25e6\uf0b7\uf0a7-]"
)
_SENTENCE_END = re.compile(r"[a-z\d)][.?!]$")
# A title has a word in it; "12" then "45" are two cells of a table of figures.
_WORD = re.compile(r"[^\W\d_]{2,}")
# Bristol ModernGov minutes put the item number and its title in separate text boxes about
# 20pt apart; anything further apart than this is a table cell, not a heading.
_ITEM_NUMBER_MAX_GAP = 72.0
# A lead-in label ("RESOLVED:", "Report Author:") is a few words; a longer cell ending in a
# colon is a sentence introducing a table.
_LEAD_IN_MAX_WORDS = 3


_T = TypeVar("_T")
Rule = tuple[float, float, float]  # a vertical table border: (x, y0, y1)


@dataclass(slots=True)
class Segment:
    """One text line as a PDF engine grouped it, whitespace collapsed. Coordinates are PDF
    points, y upwards."""

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
class PageLayout:
    """What one page contributes: its text segments and its vertical rules (table borders)."""

    height: float
    segments: list[Segment]
    rules: list[Rule]


# --- segments -> body size ------------------------------------------------------------


def body_size(layouts: list[PageLayout]) -> float:
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


def _rows(segments: list[Segment]) -> list[list[Segment]]:
    """Group segments into rows, top to bottom, each row left to right.

    A segment joins the current row when its vertical centre is within half a line height of
    the row's first segment: cells of one table row, or an item number and its title.
    """
    rows: list[list[Segment]] = []
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


def _gutter(layout: PageLayout) -> float | None:
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


def _columns_are_prose(layout: PageLayout, body: list[Segment], gutter: float) -> bool:
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


def _is_dense(column: list[Segment]) -> bool:
    """Prose fills its column: the median line is at least half the column's width."""
    extent = max(s.x1 for s in column) - min(s.x0 for s in column)
    widths = sorted(s.x1 - s.x0 for s in column)
    return widths[len(widths) // 2] >= 0.5 * extent


def _ordered_blocks(layout: PageLayout) -> list[list[list[Segment]]]:
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


def _in_body(layout: PageLayout, seg: Segment) -> bool:
    return layout.height * MARGIN_SHARE < seg.centre < layout.height * (1 - MARGIN_SHARE)


# --- rows -> text -----------------------------------------------------------------------


def render(layout: PageLayout, body_size: float) -> tuple[list[str], list[bool]]:
    """The page's lines in reading order, with markup and blank lines between blocks, and for
    each line whether it lies in the page's top or bottom `FURNITURE_BAND` (blank lines: no)."""
    lines: list[str] = []
    near_edge: list[bool] = []
    band = FURNITURE_BAND * layout.height
    for block in _ordered_blocks(layout):
        if lines:
            lines.append("")
            near_edge.append(False)
        previous: list[Segment] | None = None
        for row in block:
            if previous is not None and _paragraph_break(previous, row):
                lines.append("")
                near_edge.append(False)
            lines.append(_row_text(row, body_size, layout.rules))
            centre = sum(seg.centre for seg in row) / len(row)
            near_edge.append(min(centre, layout.height - centre) <= band)
            previous = row
    return lines, near_edge


def _paragraph_break(previous: list[Segment], row: list[Segment]) -> bool:
    gap = min(s.y0 for s in previous) - max(s.y1 for s in row)
    height = row[0].y1 - row[0].y0
    return gap > PARAGRAPH_GAP * height


def _row_text(row: list[Segment], body_size: float, rules: list[Rule]) -> str:
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


def _separator(left: Segment, right: Segment, rules: list[Rule], *, first: bool) -> str:
    """ " | " between table cells, " " between pieces of one line of text.

    A table rule between two pieces makes them cells. Otherwise a gap under `CELL_GAP` times
    the type size is a word space (pdfminer splits a justified line at a wide one: fpdf2's
    justified paragraphs gave 7pt gaps at 10pt), as is a gap under `SENTENCE_GAP` after a full
    stop (two spaces, stretched by justification: Burton-cum-Walden's "financial year.
    Councillors", 1.07 of the type size); and an item number or a lead-in label is one line
    with its text (the item splitter needs them together).
    """
    if _ruled_between(left, right, rules):
        return " | "
    size = max(left.size, right.size)
    gap = right.x0 - left.x1
    if not is_cell_gap(left.x1, right.x0, size):
        return " "
    if gap < SENTENCE_GAP * size and _SENTENCE_END.search(left.text) and right.text[:1].isupper():
        return " "
    if first and (_is_item_label(left, right) or _is_lead_in(left, right)):
        return " "
    return " | "


def _ruled_between(left: Segment, right: Segment, rules: list[Rule]) -> bool:
    centre = (left.centre + right.centre) / 2
    return any(left.x1 - 1 <= x <= right.x0 + 1 and y0 <= centre <= y1 for x, y0, y1 in rules)


def _is_item_label(number: Segment, title: Segment) -> bool:
    """An item number or bullet printed apart from its text ("6" ... "Public Forum"), not a
    table cell."""
    return (
        _ITEM_LABEL.fullmatch(number.text) is not None
        and _WORD.search(title.text) is not None
        and title.x0 - number.x1 <= _ITEM_NUMBER_MAX_GAP
    )


def _is_lead_in(label: Segment, text: Segment) -> bool:
    """A short label ending in a colon, set a tab stop before its text ("RESOLVED:" ... "to
    send its congratulations", Burton-cum-Walden's minutes; "DATE:" ... "5 JUNE 2026", WECA's
    report covers): one sentence, not two table cells. Word fills the tab with spaces or a
    positioning jump, which the engines see differently, so only the gap's width is read."""
    return (
        label.text.endswith(":")
        and len(label.text.split()) <= _LEAD_IN_MAX_WORDS
        and _WORD.search(text.text) is not None
        and text.x0 - label.x1 <= _ITEM_NUMBER_MAX_GAP
    )


def _dedupe(row: list[Segment]) -> list[Segment]:
    """Drop overprinted copies: some generators fake bold by drawing the same text twice."""
    kept: list[Segment] = []
    for seg in row:
        if kept and kept[-1].text == seg.text and seg.x0 < kept[-1].x1:
            continue
        kept.append(seg)
    return kept


def layout_pages(layouts: list[PageLayout]) -> list[Page]:
    """One `Page` per layout, numbered from 1: rows in reading order with markup, furniture
    removed (the page count never changes)."""
    size = body_size(layouts)
    rendered = [render(layout, size) for layout in layouts]
    lines = remove_furniture([page for page, _ in rendered], [near for _, near in rendered])
    return [Page(number=i, text="\n".join(page)) for i, page in enumerate(lines, start=1)]


def is_cell_gap(left_x1: float, right_x0: float, size: float) -> bool:
    """Whether a gap between two inked characters (or pieces) of type `size` separates table
    cells rather than words. Both engines cut their lines here and `_separator` joins the
    pieces with " | " by the same test, so the two always agree."""
    return right_x0 - left_x1 >= CELL_GAP * size


def is_unmapped(text: str) -> bool:
    """A character with no Unicode value ("(cid:7)" from pdfminer, "\\x07" from PDFium)."""
    return _UNMAPPED.fullmatch(text) is not None


def clean_text(text: str) -> str:
    """A segment's text: unmapped glyphs dropped, whitespace collapsed, ends stripped."""
    return _SPACES.sub(" ", _UNMAPPED.sub("", text)).strip()


def sampled(inked: Sequence[_T]) -> list[_T]:
    """Up to five of a run's inked characters, spread along it, whose style is the run's.

    Sampling keeps the per-character Python work constant per run. Only inked characters
    count: the spaces around ink are where the engines differ (Manordeilo and Salem's "TOTAL"
    follows 140 regular spaces in its bold face). The last is left out, as closing
    punctuation is often in the body face (WECA's bold "... noted this update report" ends in
    a regular full stop)."""
    count = len(inked)
    return [inked[i] for i in sorted({0, count // 4, count // 2, 3 * count // 4, max(0, count - 2)})]


def is_bold_font(fontname: str) -> bool:
    """A font whose name says bold ("Arial-BoldMT", "ArialNarrow,Bold", "Helvetica-Black")."""
    return any(marker in fontname for marker in BOLD_MARKERS)
