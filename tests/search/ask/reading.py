"""One passage read by ask's candidate reader, for tests of which span answers: a passage of a
minutes paper of 1 June 2016 with any field overridden, the candidates it yields for a
question, and their typed answers."""

from __future__ import annotations

from typing import Any

from minutebook.models import TableRow
from search.ask.candidates import CandidateReader
from search.ask.evidence import Candidate
from search.ask.passages import Passage
from search.ask.question import read_question


def passage(text: str, **fields: Any) -> Passage:
    """A passage of `text` in a minutes paper of 1 June 2016; `fields` override any field."""
    defaults: dict[str, Any] = {
        "id": "p",
        "document_id": "d",
        "document_title": "Minutes",
        "document_kind": "minutes",
        "body": None,
        "meeting_date": "2016-06-01",
        "page": 1,
    }
    return Passage(text=text, **{**defaults, **fields})


def candidates(question: str, text: str, rows: list[TableRow] | None = None) -> list[Candidate]:
    """What the candidate reader makes of one passage of `text` (a table row's when `rows`)."""
    asked = read_question(question)
    weights = {t: 1.0 for t in asked.terms}
    return CandidateReader(asked, weights, {}).read([passage(text, rows=rows or [])])


def answers(question: str, text: str) -> list[str]:
    """The typed answers (not the untyped fallbacks) the passage gives the question."""
    return [c.answer for c in candidates(question, text) if c.source != "untyped"]
