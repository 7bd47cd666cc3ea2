"""Stage 3c: "X in period Y" read from a table by row and column.

A stored row (`minutebook.models.TableRow`, read at ingest with its column headers) answers
a typed question with one of its cells. The cell is chosen by its column: the header naming
the question's period ("Sep 16" for "September 2016", "Balance at 31/03/14" for "at the end of
March 2014"), else the header sharing the question's words ("Outturn £m"),
else the only cell of the asked type. A cell whose header names another period is never
chosen, so a question about a month the table does not cover gets no cell; the date of the
meeting a question names only prefers a column (a meeting reports on the periods before it).

Invariants: pure (no store); a chosen cell is one of the row's cells, verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.models import TableRow
from search.ask.lexicon import matches, stem_set
from search.ask.periods import Period, find_periods
from search.ask.question import (
    COUNT,
    DATE,
    FINANCIAL_YEAR,
    MONEY,
    ORGANISATION,
    PERCENT,
    PERSON,
    PLACE,
    RATE,
    Question,
)
from search.ask.spans import date_spans, financial_year_spans

_NUMBER = re.compile(r"^[<>≤≥]?\s?[+\-−–]?\s?£?\s?\(?\d[\d,]*(?:\.\d+)?\)?\s?(?:%|m|k|bn)?$", re.I)
_MONEY_HEADER = re.compile(
    r"£|\b(?:budget|spend|spent|cost|costs|balance|outturn|income|expenditure|contribution|grant|funding|value|price|fee|precept|saving|variance|overspend|underspend)\b",
    re.I,
)
_PERCENT_HEADER = re.compile(r"%|\bper ?cent|\bpercentage|\bproportion\b|\brate\b", re.I)
_NEGATED = re.compile(r"\b(?:not|non|without|excluding|never)\b|\bun(?:filled|paid|spent|met)\b", re.I)
_EMPTY = re.compile(r"^(?:|[×x✗•·_–—-]|\\times|\$.*\$|n/?a|tbc|-+)$", re.I)


@dataclass
class Cell:
    """The chosen cell: its text, column header, and how it was chosen."""

    index: int
    text: str
    header: str | None
    period_match: bool
    header_overlap: float
    ambiguous: bool


def _is_number(cell: str) -> bool:
    return bool(_NUMBER.match(cell.strip()))


_SIGNED_OR_FRACTION = re.compile(r"^\s*[-+−–(]|\d\.\d")


def _fits(kind: str, cell: str, header: str | None) -> bool:
    """Whether a cell can answer a question of type `kind`."""
    head = header or ""
    if kind == MONEY:
        return (
            _is_number(cell)
            and ("%" not in cell)
            and (("£" in cell) or bool(_MONEY_HEADER.search(head)) or "." in cell)
        )
    if kind == PERCENT:
        return _is_number(cell) and ("%" in cell or bool(_PERCENT_HEADER.search(head)))
    if kind == COUNT:
        # "How many" is a number of things: a share ("89.7%") or an amount is not one, even
        # in the row that names what is counted (a table printing numbers and shares of them).
        # Nor is a signed or fractional figure ("-0.400", "+5.25"): a variance or an amount
        # in millions, as the sample's budget tables print them, never a number of things.
        return (
            _is_number(cell)
            and "£" not in cell
            and "%" not in cell
            and not _PERCENT_HEADER.search(head)
            and not _SIGNED_OR_FRACTION.search(cell)
        )
    if kind == RATE:
        return _is_number(cell) and "£" not in cell
    if kind == DATE:
        return bool(date_spans(cell))
    if kind == FINANCIAL_YEAR:
        return bool(financial_year_spans(cell))
    if kind in (PERSON, ORGANISATION, PLACE):
        # A name is a few words, not a sentence a table holds.
        return bool(re.search(r"[A-Za-z]{2}", cell)) and not _is_number(cell) and len(cell.split()) <= 8
    return False


def _header_periods(header: str | None) -> list[Period]:
    return find_periods(header or "")


def choose_cell(question: Question, row: TableRow, weights: dict[str, float]) -> Cell | None:
    """The cell of `row` answering `question` (see the module docstring), or None."""
    kind = question.answer_type
    # A name may be the row's label ("| Paul Dunning | 01603 ... |"); a number never is.
    label_end = 0 if kind in (PERSON, ORGANISATION, PLACE) else _label_cells(row)
    asked_numbers = {t for t in question.terms if t.isdigit()}
    options: list[tuple[float, int, bool, float]] = []
    total = sum(weights.values()) or 1.0
    # The period asked about rules columns out; the meeting's date only prefers one, as a
    # meeting reports on periods before it (June's outturn report prints last year's columns).
    wanted = question.periods
    meeting = question.meeting_periods if not wanted else []
    any_period_header = any(_header_periods(h) for h in row.headers)
    for index, cell in enumerate(row.cells):
        if index < label_end or _EMPTY.match(cell.strip()):
            continue
        header = row.headers[index] if index < len(row.headers) else None
        if not _fits(kind, cell, header):
            continue
        if cell.strip().lstrip("0") in asked_numbers or cell.strip() in asked_numbers:
            continue  # the number the question names is the row's key, not its answer
        if kind in (PERSON, ORGANISATION, PLACE) and _named_in_question(cell, question):
            continue  # "what did Vicki Staatz want?": her name is the key, not the answer
        periods = _header_periods(header)
        period_match = False
        if wanted and periods:
            if not any(w.overlaps(p) for w in wanted for p in periods):
                continue  # a column of another period
            period_match = True
        elif meeting and periods:
            period_match = any(w.overlaps(p) for w in meeting for p in periods)
        overlap = 0.0
        if header:
            have = stem_set(header)
            overlap = sum(w for t, w in weights.items() if matches(t, have)) / total
        score = 2.0 * period_match + overlap + (0.2 if header else 0.0)
        if header and _NEGATED.search(header):
            # "Not in receipt" beside "In receipt": the negated column answers only a question
            # that negates too ("how many were not ...?").
            score += 0.5 if _NEGATED.search(question.text) else -0.5
        if (
            kind in (PERSON, ORGANISATION, PLACE)
            and header
            and re.search(r"\bname|officer|lead|contact|by\b", header, re.I)
        ):
            score += 1.0
        options.append((score, index, period_match, overlap))
    if not options:
        return None
    if wanted and any_period_header and not any(o[2] for o in options):
        return None  # the table is by period, and not for the period asked (see `other_period`)
    options.sort(key=lambda o: (-o[0], o[1]))
    best = options[0]
    ambiguous = len(options) > 1 and options[1][0] == best[0] and not best[2]
    index = best[1]
    return Cell(
        index,
        row.cells[index],
        row.headers[index] if index < len(row.headers) else None,
        best[2],
        best[3],
        ambiguous,
    )


def period_columns(row: TableRow) -> bool:
    """Whether the row's columns are headed by periods (months, years, quarters)."""
    return any(_header_periods(h) for h in row.headers)


def other_period(question: Question, row: TableRow) -> bool:
    """Whether the row's columns are periods and none is the period the question asks about
    (then no cell, nor anything else in the row, answers it)."""
    wanted = question.periods  # a meeting reports on other periods than its own date
    periods = [p for h in row.headers for p in _header_periods(h)]
    return bool(wanted and periods) and not any(w.overlaps(p) for w in wanted for p in periods)


def _named_in_question(cell: str, question: Question) -> bool:
    lowered = question.text.lower()
    words = [w for w in re.findall(r"[A-Za-z'’-]{3,}", cell) if w[0].isupper()]
    return bool(words) and all(w.lower() in lowered for w in words)


def _label_cells(row: TableRow) -> int:
    """How many leading cells make up the row's label."""
    if not row.label:
        return 1 if row.cells and not _is_number(row.cells[0]) else 0
    count = 0
    joined = ""
    for cell in row.cells:
        if not cell:
            count += 1
            continue
        candidate = f"{joined} {cell}".strip()
        if row.label.startswith(candidate):
            joined = candidate
            count += 1
            if joined == row.label:
                return count
        else:
            break
    return max(1, count)
