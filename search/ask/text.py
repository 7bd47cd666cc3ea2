"""Reading answers out of stored text: sentences, typed spans (money, percentages, counts,
dates, people) and table cells.

Invariants:

* Every `Sentence.text` and `Span.text` is a verbatim substring of the text it was read
  from (`text[start:end]`), so a quote or answer built from them is a quote of the paper.
* Nothing here touches the store; callers pass the section text in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from search.ask.question import PERSON_NAME, Period, find_periods


@dataclass(frozen=True)
class Sentence:
    """A sentence, bullet or table row of a section; `start` is its offset in the section."""

    text: str
    start: int
    is_row: bool


@dataclass(frozen=True)
class Span:
    """A typed piece of a sentence: `kind` is money, percent, count, date or person."""

    kind: str
    start: int
    end: int
    text: str


# Sentence ends: a full stop, ? or ! followed by space and a capital, digit or £. Decimal
# points ("£2.67 million") and initials without a following space are left alone.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9£(\"'‘“])")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$|\t")
_TABLE_RULE = re.compile(r"^\s*\|?[\s:|-]+\|?\s*$")


# A prose line this long that stops without punctuation was wrapped by the PDF, not ended:
# "...a further written report be provided to the" / "Committee in Autumn 2014, ..." (June
# 2014 minutes, 8.3).
_WRAPPED_LINE = 60


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) with wrapped prose lines joined to the next (the newline is kept, so
    each joined line is still a verbatim substring of `text`)."""
    lines: list[tuple[int, str]] = []
    offset = 0
    pending: tuple[int, str] | None = None
    for line in text.split("\n"):
        start = offset
        offset += len(line) + 1
        if pending is not None:
            if line.strip() and not _TABLE_ROW.search(line):
                pending = (pending[0], pending[1] + "\n" + line)
                if not _wrapped(line):
                    lines.append(pending)
                    pending = None
                continue
            lines.append(pending)
            pending = None
        if _wrapped(line):
            pending = (start, line)
        else:
            lines.append((start, line))
    if pending is not None:
        lines.append(pending)
    return lines


def _wrapped(line: str) -> bool:
    stripped = line.rstrip()
    return (
        len(stripped) >= _WRAPPED_LINE
        and not _TABLE_ROW.search(line)
        and stripped[-1:].isalpha()
        and stripped[-1:].islower()
    )


def split_sentences(text: str) -> list[Sentence]:
    """Lines, then sentences within prose lines; a table row stays whole."""
    sentences: list[Sentence] = []
    for line_start, line in _logical_lines(text):
        if not line.strip() or _TABLE_RULE.match(line):
            continue
        if _TABLE_ROW.search(line):
            sentences.append(Sentence(line, line_start, True))
            continue
        pos = 0
        for match in _SENTENCE_END.finditer(line):
            piece = line[pos : match.start()]
            if piece.strip():
                sentences.append(Sentence(piece, line_start + pos, False))
            pos = match.end()
        if line[pos:].strip():
            sentences.append(Sentence(line[pos:], line_start + pos, False))
    return sentences


# ------------------------------------------------------------------ typed spans

# "£16M", "£400K", "£2.67 million", "£1.709m", "£11,920,000", "£1,300" (March and June
# 2014 papers); "£9.998 million" (March 2017 report).
_MONEY = re.compile(r"£\s?\d[\d,]*(?:\.\d+)*(?:\s?(?:million|billion|bn|m|k)\b|[MK]\b)?", re.IGNORECASE)
_PERCENT = re.compile(r"\d+(?:\.\d+)?\s?(?:%|per ?cent\b)")
_NUMBER = re.compile(r"(?<![\w.£/])\d[\d,]*(?:\.\d+)?(?![\w%/]|\.\d)")
_WORD_NUMBERS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred"
).split()
_WORD_NUMBER = re.compile(
    r"\b(?:" + "|".join(_WORD_NUMBERS) + r")(?:[ -](?:" + "|".join(_WORD_NUMBERS) + r"))?\b", re.I
)
# Numbers that label rather than count: "item 9", "paragraph 3.3.6", "Key Stage 2".
_LABEL_BEFORE = re.compile(
    r"(?:item|items|paragraph|paragraphs|appendix|section|stage|recommendation|page|pages|minute|tier|"
    r"level|phase|year|years|group|groups|round|no\.?|number)\s*$",
    re.IGNORECASE,
)
_MONTH_WORDS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_DATES = (
    # "24th February", "31st March 2014", "14 April 2014", "on 28th February".
    re.compile(r"\b\d{1,2}(?:st|nd|rd|th)? (?:" + _MONTH_WORDS + r")\b(?: \d{4})?"),
    # "March 2015", "early May", "in July 2014", "Autumn 2014", "the autumn term 2013".
    re.compile(
        r"\b(?:(?:early|late|mid|end of|the end of) )?(?:"
        + _MONTH_WORDS
        + r")(?: \d{4}|\b(?= \d{2}\b)(?: \d{2}))"
    ),
    re.compile(r"\b(?:early|late|mid|in|by|from|until|during) (?:" + _MONTH_WORDS + r")\b"),
    re.compile(
        r"\b(?:early |late |the )?(?:spring|summer|autumn|winter)(?: term)?(?: \d{4})?\b", re.IGNORECASE
    ),
    # "within six months", "in four months", "the following week", "next meeting".
    re.compile(r"\b(?:within|in) (?:\w+ )?(?:days|weeks|months|years)\b"),
    re.compile(r"\b(?:the following|next) (?:week|month|year|meeting)\b"),
    re.compile(r"\b(?:19|20)\d\d(?:/\d\d)?\b"),
)
# Names the papers introduce with a label: "Lead: Cathy Mouser", "Officer Name: Don Evans"
# (March 2017 report cards, officer contact blocks).
_LABELLED_NAME = re.compile(
    r"(?:Lead|Data|Officer Name|Name|Chair|Chairman|Contact):? ((?:[A-Z][a-z'’-]+ ){1,2}[A-Z][a-z'’-]+)"
)


def _spans(pattern: re.Pattern[str], kind: str, text: str, group: int = 0) -> list[Span]:
    return [Span(kind, m.start(group), m.end(group), m.group(group)) for m in pattern.finditer(text)]


def date_spans(text: str) -> list[Span]:
    found: list[Span] = []
    for pattern in _DATES:
        for span in _spans(pattern, "date", text):
            if not any(s.start <= span.start < s.end or span.start <= s.start < span.end for s in found):
                found.append(span)
    return sorted(found, key=lambda s: s.start)


def money_spans(text: str) -> list[Span]:
    return _spans(_MONEY, "money", text)


def percent_spans(text: str) -> list[Span]:
    return _spans(_PERCENT, "percent", text)


def count_spans(text: str) -> list[Span]:
    """Counts: digits or number words that are not money, percentages, dates or labels."""
    taken = money_spans(text) + percent_spans(text) + date_spans(text)
    found: list[Span] = []
    for span in _spans(_NUMBER, "count", text) + _spans(_WORD_NUMBER, "count", text):
        if any(t.start <= span.start < t.end for t in taken):
            continue
        if _LABEL_BEFORE.search(text[max(0, span.start - 20) : span.start]):
            continue
        if span.start == 0 and re.match(r"\d+(?:\.\d+)+\s", text):  # a paragraph number "4.5.1 "
            continue
        found.append(span)
    return sorted(found, key=lambda s: s.start)


def person_spans(text: str, known_names: tuple[str, ...] = ()) -> list[Span]:
    found = _spans(PERSON_NAME, "person", text) + _spans(_LABELLED_NAME, "person", text, group=1)
    for name in known_names:
        for match in re.finditer(r"\b" + re.escape(name) + r"\b", text):
            found.append(Span("person", match.start(), match.end(), match.group(0)))
    unique: list[Span] = []
    for span in sorted(found, key=lambda s: (s.start, -(s.end - s.start))):
        if not any(u.start <= span.start < u.end for u in unique):
            unique.append(span)
    return unique


def typed_spans(kind: str, text: str, known_names: tuple[str, ...] = ()) -> list[Span]:
    if kind == "money":
        return money_spans(text)
    if kind == "percent":
        return percent_spans(text)
    if kind == "count":
        return count_spans(text) + percent_spans(text)
    if kind == "date":
        return date_spans(text)
    if kind == "person":
        return person_spans(text, known_names)
    return []


# ----------------------------------------------------------------------- tables


def row_cells(line: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the cells of a pipe or tab table row, stripped of spaces."""
    separator = "|" if line.strip().startswith("|") else "\t"
    cells: list[tuple[int, int]] = []
    pos = 0
    for part in line.split(separator):
        start, end = pos, pos + len(part)
        pos = end + 1
        stripped = part.strip()
        if not stripped:
            if separator == "\t" or 0 < start < len(line) - 1:
                cells.append((start, start))
            continue
        lead = len(part) - len(part.lstrip())
        cells.append((start + lead, start + lead + len(stripped)))
    if separator == "|" and cells and cells[0] == (0, 0):
        cells = cells[1:]
    return cells


_CELL_NUMBER = re.compile(r"^[+-]?£?\d[\d,]*(?:\.\d+)?\s?%?$")


def is_numeric_cell(text: str) -> bool:
    return bool(_CELL_NUMBER.match(text.strip()))


def header_for(rows: list[str], index: int) -> str | None:
    """The header row of table row `rows[index]`: the nearest earlier row of the same table
    whose value cells are not numbers (the 2017 dashboard restarts its header mid-table at
    "Quarterly / Termly")."""
    for back in range(index - 1, -1, -1):
        line = rows[back]
        if not _TABLE_ROW.search(line):
            return None
        cells = [line[a:b] for a, b in row_cells(line)]
        values = [c for c in cells[1:] if c.strip()]
        if values and not any(is_numeric_cell(c) for c in values):
            return line
    return None


def cell_periods(cell: str) -> list[Period]:
    """Periods a header cell names: "Jan 17", "Column33 Jul 16", "Dec 13"."""
    periods = find_periods(cell)
    if periods:
        return periods
    match = re.search(r"\b(" + _MONTH_WORDS + r")\b", cell)
    if match:
        # A month-only column ("May", "Jan") names no year: read the month, leave the year open.
        month = find_periods(match.group(1) + " 2000")
        return [Period(None, month[0].month, cell.strip())] if month else []
    return []
