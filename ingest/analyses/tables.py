"""Tables as tables: every row of every table a paper prints, with its cells, the column header
of each cell and the row's label, so a question about "X in period Y" can be answered by row
and column.

Where tables come from (the pages' text, which keeps what the stored sections flatten):

* pipe tables (`| a | b |`), as the text papers and converters print them, with `|---|`
  rules between header and body;
* tab tables (cells separated by tabs), as word-processor text exports print them;
* PDF rows: `ingest/pages/pdf.py` joins the cells of one printed row with " | ". A cell that
  wraps puts its second line on the next line, alone or as a shorter row of the right-hand
  cells; both are read back into the row they continue.

The header of a table is its first row whose filled cells are all short words (no numbers),
or any later such row naming periods (dashboards restart their header mid-table, "Quarterly"
after "Monthly"). A table that starts with data rows after some prose reuses the last header
with the same number of columns (a table broken by a subtotal or a page).

Invariants: `len(row.headers) == len(row.cells)`; `row.text` is the row as its section stores
it (`minutebook.text.clean_line` of each printed line), and `section_id` is set only when
that text was found in the section; nothing here touches pages, items or sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutebook.models import Document, Section, TableRow
from minutebook.text import clean_line, strip_markup

_PIPE_RULE = re.compile(r"^\|?[\s:|-]+\|?$")
_NUMBER = re.compile(
    r"^(?:[<>≤≥]=?\s?)?[+\-−–]?\s?£?\s?\(?\d{1,3}(?:,\d{3})+(?:\.\d+)?\)?\s?[%mk]?$|"
    r"^(?:[<>≤≥]=?\s?)?[+\-−–]?\s?£?\s?\(?\d+(?:\.\d+)?\)?\s?(?:%|m|k|bn)?$",
    re.I,
)
# A header cell is short; longer cells are text a table holds, not the name of a column.
_HEADER_CELL_CHARS = 48
# Lines a wrapped PDF cell continues on are short.
_CONTINUATION_CHARS = 70
_MONTH = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s?'?\d{2,4}\b|\b(?:19|20)\d\d\b|"
    r"\bq[1-4]\b|\bquarter\b|\b(?:spring|summer|autumn|winter)\b",
    re.I,
)


def is_number(cell: str) -> bool:
    return bool(_NUMBER.match(cell.strip()))


@dataclass
class _Row:
    cells: list[str]
    lines: list[str]
    page: int
    pdf: bool
    header: list[str] | None = None


@dataclass
class _Table:
    rows: list[_Row] = field(default_factory=list)
    header: list[str] | None = None
    # A sparse line of names above the header, each over the columns up to the next name
    # ("AfC", "NCHC", "GYCT" over "Any | 3+" pairs), waiting for the header it groups.
    group: list[str] | None = None
    group_line: tuple[str, int, bool] | None = None


def _cells(line: str) -> tuple[list[str], bool] | None:
    """The cells of a table line and whether it is a PDF row, or None for any other line."""
    stripped = line.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        inner = stripped[1:-1] if stripped.endswith("|") else stripped[1:]
        return [" ".join(c.split()) for c in inner.split("|")], False
    if "\t" in line:
        cells = [" ".join(c.split()) for c in line.split("\t")]
        if sum(1 for c in cells if c) >= 2:
            return cells, False
        return None
    if " | " in stripped:
        return [" ".join(c.split()) for c in stripped.split(" | ")], True
    return None


def _is_header(cells: list[str], has_header: bool) -> bool:
    filled = [c for c in cells if c]
    if len(filled) < 2 or len(filled) * 2 < len(cells):
        return False
    if any(is_number(c) or len(c) > _HEADER_CELL_CHARS for c in filled):
        return False
    return not has_header or any(_MONTH.search(c) for c in filled[1:])


def _is_group(cells: list[str]) -> bool:
    """A line of a few short names with gaps between them, no numbers, and its first cell
    empty (it heads columns, not a row): group names over the header's columns."""
    filled = [c for c in cells if c]
    return (
        not cells[0]
        and len(filled) >= 2
        and len(filled) * 2 < len(cells)
        and not any(is_number(c) or len(c) > _HEADER_CELL_CHARS for c in filled)
    )


def _grouped(group: list[str], header: list[str]) -> list[str]:
    """The header with each group name put before the columns it spans: a name heads its own
    column and the empty ones after it, up to the next name."""
    width = max(len(group), len(header))
    spread: list[str] = []
    current = ""
    for index in range(width):
        name = group[index] if index < len(group) else ""
        current = name or current
        spread.append(current)
    lower = _header_for(header + [""] * (width - len(header)), header)
    out = []
    for index in range(width):
        below = lower[index] if index < len(lower) else None
        out.append(" ".join(part for part in (spread[index], below or "") if part))
    return out


def _header_for(cells: list[str], header: list[str] | None) -> list[str | None]:
    """Header cells aligned with `cells` (by position; a header with fewer cells than the row
    names its right-hand columns, as spanning row labels take the left). An empty header cell
    right of a named one is that header spanning two columns ("In Receipt" over a count and
    its percentage: Norfolk's 2014 children's centre take-up table)."""
    if not header:
        return [None] * len(cells)
    if len(header) >= len(cells):
        aligned = list(header[: len(cells)])
    else:
        aligned = [""] * (len(cells) - len(header)) + list(header)
    out: list[str | None] = []
    for index, head in enumerate(aligned):
        if not head and index > 1 and out[-1] and cells[index]:
            out.append(out[-1])
        else:
            out.append(head or None)
    return out


def row_label(cells: list[str]) -> str:
    """The leading cells that are not numbers, joined: what the row is about."""
    label: list[str] = []
    for cell in cells:
        if not cell:
            if label:
                break
            continue
        if is_number(cell):
            break
        label.append(cell)
        if len(label) == 3:
            break
    return " ".join(label)


def _tables(doc: Document) -> list[_Table]:
    """The tables of a paper, page by page, with wrapped PDF cells read back into their row."""
    tables: list[_Table] = []
    current: _Table | None = None
    last_header: list[str] | None = None
    gap = 0
    for page in doc.pages:
        for raw in strip_markup(page.text).split("\n"):
            parsed = _cells(raw)
            line = raw.strip()
            if parsed is None:
                if not line:
                    gap += 1
                    continue
                if current and current.rows and _continues(current.rows[-1], line, gap):
                    row = current.rows[-1]
                    row.lines.append(line)
                    row.cells[-1] = f"{row.cells[-1]} {' '.join(line.split())}".strip()
                    continue
                current, gap = None, 0
                continue
            if _PIPE_RULE.match(line):
                continue
            cells, pdf = parsed
            if current and current.rows and gap == 0 and _wraps(current.rows[-1], cells):
                _merge_right(current.rows[-1], cells, line)
                continue
            if current is None or gap > 1:
                current = _Table()
                tables.append(current)
            gap = 0
            if current.header is None and not current.rows and current.group is None and _is_group(cells):
                current.group, current.group_line = cells, (line, page.number, pdf)
                continue
            if _is_header(cells, current.header is not None):
                if current.group is not None and not current.rows:
                    cells = _grouped(current.group, cells)
                current.group = current.group_line = None
                current.header = cells
                last_header = cells
                continue
            if current.group is not None and current.group_line is not None:
                # No header followed: the sparse line was a row after all.
                group_text, group_page, group_pdf = current.group_line
                current.rows.append(_Row(current.group, [group_text], group_page, group_pdf, current.header))
                current.group = current.group_line = None
            if current.header is None and last_header and len(last_header) == len(cells) and not current.rows:
                current.header = last_header
            current.rows.append(_Row(cells, [line], page.number, pdf, current.header))
    return [t for t in tables if t.rows]


def _continues(row: _Row, line: str, gap: int) -> bool:
    """A short line right after a PDF row is the rest of its last cell."""
    return row.pdf and gap == 0 and len(line) <= _CONTINUATION_CHARS and len(row.lines) < 4


def _wraps(row: _Row, cells: list[str]) -> bool:
    """A PDF line with fewer cells than the row above continues its right-hand cells."""
    return row.pdf and 1 < len(cells) < len(row.cells) and len(row.lines) < 4 and not is_number(cells[0])


def _merge_right(row: _Row, cells: list[str], line: str) -> None:
    offset = len(row.cells) - len(cells)
    for i, cell in enumerate(cells):
        if cell:
            row.cells[offset + i] = f"{row.cells[offset + i]} {cell}".strip()
    row.lines.append(line)


def _sections_in_order(doc: Document) -> list[tuple[str, Section]]:
    return [(item.id, section) for item in doc.items for section in item.sections]


def read_tables(doc: Document) -> list[TableRow]:
    """Every table row of `doc`, placed in the section that stores it."""
    sections = _sections_in_order(doc)
    items_without_sections = [item for item in doc.items if not item.sections]
    cursor = 0
    out: list[TableRow] = []
    for number, table in enumerate(_tables(doc)):
        for position, row in enumerate(table.rows):
            text = "\n".join(clean_line(line) for line in row.lines)
            headers = _header_for(row.cells, row.header)
            item_id, section_id, cursor, text = _place(text, sections, cursor, items_without_sections)
            out.append(
                TableRow(
                    page=row.page,
                    table=number,
                    position=position,
                    cells=row.cells,
                    headers=headers,
                    label=row_label(row.cells),
                    text=text,
                    item_id=item_id,
                    section_id=section_id,
                )
            )
    return out


def _place(
    text: str, sections: list[tuple[str, Section]], cursor: int, bare_items: list
) -> tuple[str | None, str | None, int, str]:
    """(item id, section id, new cursor, text as stored): the first section from `cursor` on
    (then from the start) holding the row's text, or holding its first line."""
    candidates = [text]
    if "\n" in text:
        candidates.append(text.split("\n", 1)[0])
    for probe in candidates:
        order = list(range(cursor, len(sections))) + list(range(0, cursor))
        for index in order:
            item_id, section = sections[index]
            if probe in section.text:
                return item_id, section.id, index, probe
        for item in bare_items:
            if probe in item.text:
                return item.id, None, cursor, probe
    return None, None, cursor, text


def extract_tables(doc: Document) -> None:
    """Analysis: fill `doc.table_rows`."""
    doc.table_rows = read_tables(doc)
