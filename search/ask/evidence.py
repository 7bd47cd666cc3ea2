"""The candidate answer every stage after retrieval passes along: a typed answer, the unit of
the paper it comes from, and the features the scoring and the confidence read.

Invariants: `quote` is a verbatim substring of `passage.text` (so of stored text) and, for
span answers, `answer` is a verbatim substring of `quote`; `features` holds only numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from search.ask.passages import Passage, Unit
from search.ask.spans import Span


@dataclass
class Candidate:
    """One possible answer with the evidence for it. `source` says where it was read: a span
    of a sentence ("span"), a table cell ("cell"), a whole sentence ("sentence"), a
    resolution ("resolution") or an attendance record ("attendance")."""

    passage: Passage
    quote: str
    answer: str
    answer_type: str
    source: str
    unit: Unit | None = None
    span: Span | None = None
    features: dict[str, float] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    score: float = 0.0
    confidence: float = 0.0

    @property
    def key(self) -> str:
        """What makes two candidates the same answer: the same words (case and spacing aside);
        for sentence answers (decisions, requests, reasons), the same paper, as one paper's
        sentences about a matter tell one story in different words."""
        if self.source == "sentence":
            return f"paper:{self.passage.document_id}"
        return " ".join(self.answer.lower().split())
