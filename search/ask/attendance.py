"""Attendance questions for `minutebook ask`, answered from the attendance and declarations
tables the ingest filled (`ingest/analyses/attendance.py`): "Who chaired the meeting on 13 March
2014?", "Who sent apologies ...?", "Who substituted for Ms D Gihawi?", "Was Mr B Hannah
present ...?", "Who declared an interest ...?".

Invariants:

* Reads the store by document id only (the minutes papers the question dates or the search
  retrieved), never whole tables.
* The answer is a name or list of names as printed, and the quote is the line of the paper's
  page that prints it (the "Present:" block line, the apologies minute, the declaration), so
  both are verbatim substrings of the stored page text; a row whose line cannot be found in
  the page gives no candidate.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from minutebook.store import Store
from minutebook.text import plain_text
from search.ask.question import PERSON, PERSON_NAME, QuestionAnalysis, stems
from search.ask.rank import Candidate
from search.ask.retrieve import attendance_passage, document_rows

# What an attendance question asks, read from its words (first match wins). Norfolk's
# minutes print the chair as "(Chairman)" or "(Chair)" and the vice chair "(Vice Chair)"
# (March and June 2014); apologies and substitutes in the first minute.
_ASKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("declaration", re.compile(r"\bdeclar\w*\b.*\binterest|\binterest\w*\b.*\bdeclar", re.I)),
    ("substitute", re.compile(r"\bsubstitut\w*\b|\bin place of\b|\bdeputi[sz]ed\b", re.I)),
    ("apologies", re.compile(r"\bapolog\w*\b|\babsent\b|\bsent regrets\b", re.I)),
    ("vice_chair", re.compile(r"\bvice[- ]chair\w*\b", re.I)),
    ("chair", re.compile(r"\bchair(?:ed|s|man|woman|person)?\b|\bpresided\b", re.I)),
    ("present", re.compile(r"\b(?:present|attend(?:ed|ing|ance)?)\b", re.I)),
)
_CHAIR_ROLE = re.compile(r"^(?:chair|chairman|chairwoman|chairperson)\b", re.I)
_VICE_ROLE = re.compile(r"^vice[- ]chair", re.I)
# "Was Mr B Hannah present ...?", "Did Mrs Leggett attend ...?": a yes/no about one person.
_YES_NO = re.compile(r"^(?:was|were|did|is)\b", re.I)


@dataclass(frozen=True)
class _Line:
    """A line of a page, stripped, and where it sits."""

    text: str
    page: int


def attendance_ask(analysis: QuestionAnalysis) -> str | None:
    """Which attendance fact the question asks for, or None when it is not about attendance."""
    question = analysis.question
    yes_no = bool(_YES_NO.match(question)) and bool(analysis.persons)
    if analysis.answer_type != PERSON and not yes_no:
        return None
    for ask, pattern in _ASKS:
        if pattern.search(question):
            if ask == "present" and not yes_no and not re.search(r"\bwho\b", question, re.I):
                return None
            return ask
    return None


def _surname(name: str) -> str:
    """The last word of a name; "" for a name with no words (an attendance row whose name
    the ingest could not read)."""
    words = name.replace(".", " ").split()
    return words[-1] if words else ""


def _mentions(line: str, name: str) -> bool:
    surname = _surname(name)
    return bool(surname) and re.search(r"\b" + re.escape(surname) + r"\b", line) is not None


def _page_lines(store: Store, document_id: str) -> list[_Line]:
    lines: list[_Line] = []
    for page in store.query(
        "SELECT number, text FROM pages WHERE document_id = ? ORDER BY number", (document_id,)
    ):
        lines += [
            _Line(raw.strip(), int(page["number"]))
            for raw in plain_text(page["text"]).splitlines()
            if raw.strip()
        ]
    return lines


def _name_in(line: str, name: str) -> str | None:
    """The person's name as `line` prints it ("Mrs J Chamberlin", "Mrs Chamberlin")."""
    for match in PERSON_NAME.finditer(line):
        if _surname(match.group(0)) == _surname(name):
            return match.group(0)
    return None


def _find_line(lines: list[_Line], name: str, cue: re.Pattern[str] | None) -> _Line | None:
    """The first line naming `name` (and matching `cue`, when given)."""
    for line in lines:
        if _mentions(line.text, name) and (cue is None or cue.search(line.text)):
            return line
    return None


_APOLOGY_LINE = re.compile(r"\bapolog", re.I)
_CHAIR_LINE = re.compile(r"\(\s*chair", re.I)
_VICE_LINE = re.compile(r"\(\s*vice[- ]chair", re.I)
_DECLARED_LINE = re.compile(r"\bdeclar", re.I)


class AttendanceAnswerer:
    """Candidates for one attendance question from the tables of the given minutes papers."""

    def __init__(self, analysis: QuestionAnalysis, ask: str) -> None:
        self.analysis = analysis
        self.ask = ask
        self.asked = [_surname(p) for p in analysis.persons]
        self.content = set(analysis.terms)

    def candidates(self, store: Store, doc_ids: list[str]) -> list[Candidate]:
        out: list[Candidate] = []
        for doc in document_rows(store, doc_ids):
            if doc["kind"] not in ("minutes", "decision_notice"):
                continue
            try:
                found = self._for_document(store, doc)
            except sqlite3.Error:  # a store from before the attendance tables: no answer
                return []
            if found is not None:
                out.append(found)
        return out

    def _for_document(self, store: Store, doc: dict[str, Any]) -> Candidate | None:
        if self.ask == "declaration":
            rows = store.query(
                "SELECT person, interest, page FROM declarations WHERE document_id = ?", (doc["id"],)
            )
            return self._declaration(store, doc, rows)
        rows = store.query(
            "SELECT person, status, role, substituting_for, page FROM attendance WHERE document_id = ?",
            (doc["id"],),
        )
        if not rows:
            return None
        lines = _page_lines(store, doc["id"])
        if self.ask == "apologies":
            return self._apologies(doc, rows, lines)
        chosen: list[dict[str, Any]]
        cue: re.Pattern[str] | None = None
        if self.ask == "chair":
            chosen = [r for r in rows if r["role"] and _CHAIR_ROLE.match(r["role"])]
            cue = _CHAIR_LINE
        elif self.ask == "vice_chair":
            chosen = [r for r in rows if r["role"] and _VICE_ROLE.match(r["role"])]
            cue = _VICE_LINE
        elif self.ask == "substitute":
            chosen = [
                r
                for r in rows
                if r["status"] == "substitute"
                and (not self.asked or any(_mentions(r["substituting_for"] or "", s) for s in self.asked))
            ]
            cue = re.compile(r"substitut", re.I)
        else:  # present: the asked person's row, or everyone present
            chosen = [
                r
                for r in rows
                if r["status"] in ("present", "substitute", "in_attendance")
                and (not self.asked or any(_mentions(r["person"], s) for s in self.asked))
            ]
        if not chosen:
            return None
        row = chosen[0]
        line = _find_line(lines, row["person"], cue) or _find_line(lines, row["person"], None)
        if line is None:
            return None
        answer = _name_in(line.text, row["person"])
        if answer is None:
            return None
        if self.ask == "present":
            answer = line.text  # the line that lists them under "Present:"
        return self._candidate(doc, line, answer, {"attendance": row["status"], "role": row["role"]})

    def _apologies(
        self, doc: dict[str, Any], rows: list[dict[str, Any]], lines: list[_Line]
    ) -> Candidate | None:
        """All who sent apologies: the span of the apologies minute from the first name to the
        last ("Apologies were received from Mrs Chamberlin (Mr Northam substituting), Mr
        Mash, Ms Smith and Ms Humber.", June 2014)."""
        absent = [r["person"] for r in rows if r["status"] == "apologies"]
        if not absent:
            return None
        best: tuple[int, _Line] | None = None
        for line in lines:
            named = sum(_mentions(line.text, p) for p in absent)
            if named and (best is None or named > best[0]):
                best = (named, line)
        if best is None:
            return None
        line = best[1]
        spans = [
            m
            for m in PERSON_NAME.finditer(line.text)
            if any(_surname(m.group(0)) == _surname(p) for p in absent)
        ]
        if not spans:
            return None
        answer = line.text[spans[0].start() : spans[-1].end()]
        if self.asked:  # "Did Mrs Chamberlin send apologies ...?"
            if not any(_mentions(answer, s) for s in self.asked):
                return None
        return self._candidate(doc, line, answer, {"attendance": "apologies"})

    def _declaration(self, store: Store, doc: dict[str, Any], rows: list[dict[str, Any]]) -> Candidate | None:
        """The declaration whose interest shares most of the question's words ("as a member of
        the management committee of Leeway", March 2014)."""
        best: tuple[float, dict[str, Any]] | None = None
        for row in rows:
            if self.asked and not any(_mentions(row["person"], s) for s in self.asked):
                continue
            have = set(stems(row["interest"]))
            share = len(self.content & have) / max(1, len(self.content))
            if best is None or share > best[0]:
                best = (share, row)
        if best is None or (not self.asked and best[0] < 0.5):
            return None
        row = best[1]
        line = _find_line(_page_lines(store, doc["id"]), row["person"], _DECLARED_LINE)
        if line is None:
            return None
        answer = _name_in(line.text, row["person"])
        if answer is None:
            return None
        return self._candidate(doc, line, answer, {"interest": row["interest"]})

    def _candidate(self, doc: dict[str, Any], line: _Line, answer: str, extra: dict[str, Any]) -> Candidate:
        period_ok = not self.analysis.periods or any(
            _in_period(doc["meeting_date"], p.year, p.month, _day(p.label)) for p in self.analysis.periods
        )
        passage = attendance_passage(doc, f"attendance:{doc['id']}", line.text, line.page, "attendance")
        return Candidate(
            passage=passage,
            quote=line.text,
            answer=answer,
            answer_type=PERSON,
            coverage=1.0 if period_ok else 0.5,
            type_ok=True,
            period_ok=period_ok,
            score=1.0 + (0.5 if period_ok else 0.0),
            extra=extra,
        )


def _day(label: str) -> int | None:
    match = re.match(r"\s*(\d{1,2})(?:st|nd|rd|th)?\s+[A-Za-z]", label)
    return int(match.group(1)) if match else None


def _in_period(date: str | None, year: int | None, month: int | None, day: int | None) -> bool:
    if not date or not year or int(date[:4]) != year:
        return False
    if month is not None and int(date[5:7]) != month:
        return False
    return day is None or int(date[8:10]) == day


def attendance_candidates(store: Store, analysis: QuestionAnalysis, doc_ids: list[str]) -> list[Candidate]:
    """Candidates from the attendance/declaration tables of `doc_ids`, best first; empty when
    the question is not about attendance."""
    ask = attendance_ask(analysis)
    if ask is None:
        return []
    found = AttendanceAnswerer(analysis, ask).candidates(store, doc_ids)
    return sorted(found, key=lambda c: -c.score)
