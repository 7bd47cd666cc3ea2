"""Remove page furniture (running headers and footers, page numbers, blank-page notices).

Works on lines per page so it can be tested without PDFs. Invariants:

* The number of pages in equals the number of pages out: furniture leaves the text, never
  the page count, so page numbers stay those of the file.
* Only whole lines are removed, and only lines near a page's top or bottom edge, except
  "This page is intentionally left blank", which is furniture wherever it stands.
* Furniture is stacked against the edge: walking in from the top (or the bottom), lines are
  removed only until the first line that is not furniture. Text cannot sit between a footer
  and the paper's edge, so a repeated line *inside* the body is content even when it often
  lands near an edge (Bristol decision notices start each form on a new page, so the form's
  "(agenda item 8)" is the fourth line of half the pages, below the form's own text).
* Where the page geometry is known (PDFs), furniture must also lie in the page's margin band
  (`near_edge`): a form that ends mid-page ends with the same words on many pages, yet that
  last line is body text (Bristol decision notices end every form "(h) Reason for decision:
  As set out in the report.", often half-way down the page).
* Lines may carry the light markup of `Page.text` (`**bold**`, `# heading`, ` | ` table cells);
  matching ignores it, so a bold footer is still a footer.
* Blank lines (`""`) are paragraph separators: kept, but never counted as edge lines, and runs
  of them left behind by a removal are collapsed to one.
"""

from __future__ import annotations

import math
import re
from collections import Counter

# How many non-blank lines at each edge of a page can be furniture. ModernGov footers run to
# two or three lines (an e-mail address, a page number, sometimes a document reference).
EDGE_LINES = 4
# A running header/footer must repeat on this share of pages of a document this long.
MIN_SHARE = 0.4
MIN_PAGES = 3

_MARKUP = re.compile(r"^#+\s+|\*\*")
_CELL_SEPARATOR = re.compile(r"\s*\|\s*")
_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")

# Lines that are furniture on their own when they sit at a page edge: page numbers in the forms
# councils print them ("12", "- 2 -", "Page 3", "Page 3 of 14", "3 of 14").
_PAGE_NUMBER_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\d{1,4}"),
    re.compile(r"[-\u2013\u2014]\s*\d{1,4}\s*[-\u2013\u2014]"),
    re.compile(r"page\s*\d{1,4}(\s*(of|/)\s*\d{1,4})?", re.IGNORECASE),
    re.compile(r"\d{1,4}\s*(of|/)\s*\d{1,4}", re.IGNORECASE),
)

# Furniture wherever it stands: padding pages in agenda packs (Norfolk and Bristol packs pad
# reports to even page counts with this notice).
_BLANK_PAGE_NOTICE = re.compile(
    r"(this\s+)?page\s+(is\s+|has\s+been\s+)?intentionally\s+left\s+blank\.?", re.I
)


def plain(line: str) -> str:
    """The line without markup, table separators or repeated spaces (for matching only)."""
    text = _MARKUP.sub("", line)
    text = _CELL_SEPARATOR.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def _repeat_key(line: str) -> str:
    """Key under which running lines compare equal: digits become '#' so "Page 3 of 14" and
    "Page 4 of 14" (or a footer with a date) repeat."""
    return _DIGITS.sub("#", plain(line)).casefold()


def _furniture_indexes(lines: list[str], running: set[str], near_edge: list[bool] | None) -> set[int]:
    """Indexes of the page's furniture lines: from each edge inwards (at most `EDGE_LINES`
    non-blank lines), the run of running lines and page numbers (inside the margin band when
    `near_edge` is known) up to the first line that is not; blank-page notices anywhere."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    found = {i for i in filled if _BLANK_PAGE_NOTICE.fullmatch(plain(lines[i]))}
    for inwards in (filled[:EDGE_LINES], filled[::-1][:EDGE_LINES]):
        for i in inwards:
            if i in found:
                continue
            line = lines[i]
            in_band = near_edge is None or near_edge[i]
            if not (in_band and (_repeat_key(line) in running or _is_page_number(line))):
                break
            found.add(i)
    return found


def _edge_positions(lines: list[str]) -> dict[int, str]:
    """Edge line index -> its position: "top0".."top3" from the top, "bottom0".. from the end."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    positions = {i: f"bottom{rank}" for rank, i in enumerate(reversed(filled[-EDGE_LINES:]))}
    positions.update({i: f"top{rank}" for rank, i in enumerate(filled[:EDGE_LINES])})
    return positions


def _running_keys(pages: list[list[str]]) -> set[str]:
    """Keys of edge lines that repeat, in the same position (say, always the last line), on
    at least `MIN_SHARE` of the pages (documents of at least `MIN_PAGES` pages; shorter ones
    have too little evidence to tell a footer from text).

    Position matters: a line that is the last on one page and the first on another is not
    a running footer. A key also seen in the middle of a page is content, not furniture.
    Being running is necessary, not sufficient: `_furniture_indexes` removes only what is
    stacked against the edge (and in the margin band, when known).
    """
    if len(pages) < MIN_PAGES:
        return set()
    placed: Counter[tuple[str, str]] = Counter()
    mid_page: Counter[str] = Counter()
    for lines in pages:
        positions = _edge_positions(lines)
        placed.update({(_repeat_key(lines[i]), where) for i, where in positions.items()})
        mid_page.update(
            {_repeat_key(line) for i, line in enumerate(lines) if i not in positions and line.strip()}
        )
    needed = max(2, math.ceil(MIN_SHARE * len(pages)))
    return {key for (key, _), count in placed.items() if count >= needed and key and not mid_page[key]}


def _is_page_number(line: str) -> bool:
    text = plain(line)
    return any(pattern.fullmatch(text) for pattern in _PAGE_NUMBER_PATTERNS)


def _collapse_blank_runs(lines: list[str]) -> list[str]:
    """Drop leading/trailing blank lines and keep at most one blank line in a row."""
    out: list[str] = []
    for line in lines:
        if line.strip() or (out and out[-1].strip()):
            out.append(line if line.strip() else "")
    while out and not out[-1]:
        out.pop()
    return out


def remove_furniture(pages: list[list[str]], near_edge: list[list[bool]] | None = None) -> list[list[str]]:
    """Lines per page in, the same pages out without headers, footers and page numbers.

    `near_edge`, when given, parallels `pages` line for line: True where the line lies in the
    page's top or bottom margin band (PDFs know this; text papers do not, and pass None).

    A line is removed when it is one of the page's edge lines (and in the margin band, when
    known), every line between it and the edge is removed too, and it either repeats (digits
    ignored) at the same edge position on at least 40% of the document's pages or is a lone
    page number; "This page is intentionally left blank" is removed anywhere.
    """
    running = _running_keys(pages)
    cleaned: list[list[str]] = []
    for number, lines in enumerate(pages):
        furniture = _furniture_indexes(lines, running, near_edge[number] if near_edge else None)
        kept = [line for i, line in enumerate(lines) if i not in furniture]
        cleaned.append(_collapse_blank_runs(kept))
    return cleaned
