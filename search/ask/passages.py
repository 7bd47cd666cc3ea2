"""Passages and their units: what the later stages read, split once per passage.

A `Passage` is a stored piece of a paper (a section, an item without sections, or the front
matter before a paper's first item) with every field a citation needs. Its `units` are the
pieces an answer may come from: sentences of its prose, the rows of its tables (with the
column headers ingest read, `minutebook.models.TableRow`) and its headings.

Invariants:

* `Unit.text == passage.text[unit.start:unit.end]`: a unit, and any span of it, is a verbatim
  quote of the paper.
* `Passage.units` is computed once per passage (and only when a stage first asks for it);
  so are each unit's stems and periods.
* Nothing here opens the store or the index: `retrieve` loads passages, this module reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from minutebook.models import TableRow
from search.ask.lexicon import stem_set, tokens
from search.ask.periods import Period, find_periods

# A sentence ends at . ! or ? followed by a space and a capital, digit, bracket or quote;
# a full stop after a title or a common abbreviation does not end one ("Mr. Joyce", "e.g.").
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9£(\"'‘“•–-])")
_ABBREVIATION_BEFORE = re.compile(
    r"(?:\b(?:mr|mrs|ms|dr|cllr|st|no|nos|vs|etc|e\.g|i\.e|approx|ref|para|cf|inc|ltd|co)\.|\b[A-Z]\.)$", re.I
)
# Lines that start a new unit: bullets, numbered paragraphs, lettered limbs.
# A line opening a unit of its own: a bullet (including a symbol font's bullet, which PDF
# text extraction gives as a private-use character: the parish minutes' payment lists print
# "\uf0b7 J Smith - £43.01", one payment a line), a list letter or a paragraph number.
_STARTS_UNIT = re.compile(
    r"^\s*(?:[-•*·▪●◦–‣⁃■□➢]\s|[\ue000-\uf8ff]\s?|\(?[a-z0-9]{1,3}[.)]\s|\d{1,3}(?:\.\d{1,3})+\.?\s)", re.I
)
_TERMINAL = (".", ":", ";", "!", "?")
_PARAGRAPH_NUMBER = re.compile(r"^(?:[-•]\s*)?\d{1,3}(?:\.\d{1,3})+\.?\s+")
# A prose line at least this long that stops without punctuation was wrapped by the layout.
_WRAP_CHARS = 45
_TABLE_LINE = re.compile(r"^\s*\|.*\||\t| \| ")
_HEADING_CHARS = 90


@dataclass
class Unit:
    """A sentence, table row or heading of a passage; `start`/`end` index the passage text."""

    text: str
    start: int
    end: int
    kind: str  # "sentence", "row" or "heading"
    row: TableRow | None = None

    @cached_property
    def words(self) -> list[tuple[str, int, int]]:
        """(stem, start, end) of the unit's words, offsets into `text`."""
        return tokens(self.text)

    @cached_property
    def stems(self) -> frozenset[str]:
        return frozenset(w[0] for w in self.words)

    @cached_property
    def periods(self) -> list[Period]:
        return find_periods(self.text)

    @property
    def is_row(self) -> bool:
        return self.kind == "row"

    @property
    def is_heading(self) -> bool:
        return self.kind == "heading"

    @property
    def asks(self) -> bool:
        """A question put at the meeting, not an answer to one ("Ms Corlett asked why ...")."""
        return self.text.rstrip().endswith("?") or bool(_ASKED.search(self.text))


_ASKED = re.compile(
    r"\basked (?:why|whether|if|what|how|when|who|about|for clarification)\b|\bqueried\b", re.I
)


@dataclass
class Passage:
    """A retrievable piece of a paper with its citation fields. `score` is its retrieval
    score and `rank` its place in retrieval order (0 is best)."""

    id: str
    text: str
    document_id: str
    document_title: str | None
    document_kind: str
    body: str | None
    meeting_date: str | None
    page: int
    item_id: str | None = None
    item_number: str | None = None
    item_title: str | None = None
    section_title: str | None = None
    kind: str = "section"  # "section", "item" or "front"
    score: float = 0.0
    rank: int = 0
    rows: list[TableRow] = field(default_factory=list)
    # The resolutions and actions of the passage's item, spaces collapsed: what the meeting
    # decided or promised there.
    resolutions: list[str] = field(default_factory=list)

    def in_resolution(self, text: str) -> bool:
        """Whether `text` is (part of) one of the item's resolutions or actions, or holds one."""
        probe = _PARAGRAPH_NUMBER.sub("", " ".join(text.split()))
        head = probe[:80]
        return bool(head) and any(head in r or (len(r) >= 20 and r[:80] in probe) for r in self.resolutions)

    @cached_property
    def units(self) -> list[Unit]:
        return split_units(self.text, self.rows, self.titles)

    @cached_property
    def lowered(self) -> str:
        return self.text.lower()

    @property
    def titles(self) -> list[str]:
        return [t for t in (self.item_title, self.section_title) if t]

    @cached_property
    def title_stems(self) -> frozenset[str]:
        return stem_set(" ".join(self.titles + [self.document_title or ""]))

    def citation(self, quote: str, page: int | None = None) -> dict[str, Any]:
        """CONTRACT.md's citation fields for a quote of this passage."""
        return {
            "body": self.body,
            "meeting_date": self.meeting_date,
            "document_id": self.document_id,
            "document_title": self.document_title,
            "item_number": self.item_number,
            "item_title": self.item_title,
            "page": page if page is not None else self.page,
            "quote": quote,
        }


def _logical_lines(text: str, taken: list[tuple[int, int]], titles: list[str]) -> list[tuple[int, int]]:
    """(start, end) of the prose lines of `text` outside `taken` (table rows), a line wrapped
    by the layout joined to the next (the newline stays, so the span is still verbatim); a
    heading line is never joined to what follows it."""
    spans: list[tuple[int, int]] = []
    offset = 0
    pending: tuple[int, int] | None = None
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        inside = any(a <= start < b for a, b in taken)
        if inside or not line.strip() or _TABLE_LINE.search(line) or _is_heading(line, titles):
            if pending:
                spans.append(pending)
                pending = None
            if not inside and line.strip():
                spans.append((start, end))  # a heading, or a table line ingest kept no row of
            continue
        if pending:
            if not _STARTS_UNIT.match(line) and (
                line.lstrip()[:1].islower() or _wrapped(text[pending[0] : pending[1]])
            ):
                pending = (pending[0], end)
                continue
            spans.append(pending)
        pending = (start, end)
        if not _wrapped(line) and not line.rstrip().endswith((",", "-", "–")):
            spans.append(pending)
            pending = None
    if pending:
        spans.append(pending)
    return spans


def _wrapped(line: str) -> bool:
    last = line.rstrip().split("\n")[-1]
    return len(last) >= _WRAP_CHARS and not last.endswith(_TERMINAL) and not _TABLE_LINE.search(last)


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    piece = text[start:end]
    pos = 0
    for m in _SENTENCE_END.finditer(piece):
        if _ABBREVIATION_BEFORE.search(piece[max(0, m.start() - 8) : m.start()]):
            continue
        if piece[pos : m.start()].strip():
            out.append((start + pos, start + m.start()))
        pos = m.end()
    if piece[pos:].strip():
        out.append((start + pos, end))
    return out


# An entry of an agenda's list of items: "Response to ... Recommendations (Page A63)".
_AGENDA_ENTRY = re.compile(r"\((?:Page|Pages|p\.?)\s*[A-Z]?\d+(?:\s*[-–]\s*[A-Z]?\d+)?\)\s*$", re.I)


def _is_heading(line: str, titles: list[str]) -> bool:
    stripped = line.strip()
    if _AGENDA_ENTRY.search(stripped):
        return True
    if not stripped or len(stripped) > _HEADING_CHARS or stripped.endswith((".", "?", "!")):
        return False
    bare = re.sub(r"^\d+(?:\.\d+)*\.?\s+", "", stripped).casefold()
    return any(
        bare and (bare == t.strip().casefold() or t.strip().casefold().startswith(bare)) for t in titles
    )


def split_units(text: str, rows: list[TableRow], titles: list[str]) -> list[Unit]:
    """The units of a passage's text (see `Unit`), in reading order."""
    units: list[Unit] = []
    taken: list[tuple[int, int]] = []
    search_from = 0
    for row in rows:
        at = text.find(row.text, search_from)
        if at < 0:
            at = text.find(row.text)
        if at < 0:
            continue
        search_from = at + len(row.text)
        taken.append((at, at + len(row.text)))
        units.append(Unit(row.text, at, at + len(row.text), "row", row))
    for start, end in _logical_lines(text, taken, titles):
        # Trim the spaces a line may carry, so the unit is the words themselves.
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        line = text[start:end]
        if _TABLE_LINE.search(line):
            units.append(Unit(line, start, end, "row"))
            continue
        if _is_heading(line, titles):
            units.append(Unit(line, start, end, "heading"))
            continue
        for s, e in _sentences(text, start, end):
            units.append(Unit(text[s:e], s, e, "sentence"))
    return sorted(units, key=lambda u: u.start)
