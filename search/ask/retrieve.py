"""Candidate passages for `minutebook ask`, loaded from the record store by id, each carrying
everything a citation needs; and the statistics the sentence ranking weighs words with.

Which passages to load is decided by the search index (`search.ask.candidates`); this module
only reads the store, and only by key (section, item or document ids), so its cost depends on
how many candidates a question has, never on the size of the archive.

Invariants:

* A `Passage.text` is the stored text of a section (or of an item without sections, or, for
  a paper's front matter, the plain text of its first page before the first item), so any
  substring is a verbatim quote.
* Missing tables or empty extraction tables never fail a question: they only mean fewer
  candidates.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from minutebook.store import Store
from minutebook.text import plain_text

# SQLite's default limit on bound parameters is 999 in older builds; stay well below it.
_BATCH = 400

_SECTION_ROWS = """
SELECT s.id AS section_id, s.text, s.title AS section_title, s.page, s.position,
       i.id AS item_id, i.number AS item_number, i.title AS item_title,
       d.id AS document_id, d.title AS document_title, d.kind AS document_kind,
       COALESCE(m.body, d.body) AS body, COALESCE(m.date, d.meeting_date) AS meeting_date,
       d.meeting_id
FROM sections s
JOIN items i ON i.id = s.item_id
JOIN documents d ON d.id = s.document_id
LEFT JOIN meetings m ON m.id = d.meeting_id
WHERE s.id IN ({marks})
"""
# Items without sections are indexed as one pseudo-section whose id is the item id
# (`search.engine.backend.SECTION_ROWS_SQL`); their passage is the item's own text.
_ITEM_ROWS = """
SELECT i.id AS section_id, i.text, NULL AS section_title, COALESCE(i.page_start, 1) AS page,
       0 AS position, i.id AS item_id, i.number AS item_number, i.title AS item_title,
       d.id AS document_id, d.title AS document_title, d.kind AS document_kind,
       COALESCE(m.body, d.body) AS body, COALESCE(m.date, d.meeting_date) AS meeting_date,
       d.meeting_id
FROM items i
JOIN documents d ON d.id = i.document_id
LEFT JOIN meetings m ON m.id = d.meeting_id
WHERE i.id IN ({marks})
"""


@dataclass
class Passage:
    """A retrievable piece of a paper with its citation fields."""

    id: str
    text: str
    section_title: str | None
    item_id: str | None
    item_number: str | None
    item_title: str | None
    document_id: str
    document_title: str | None
    document_kind: str
    body: str | None
    meeting_date: str | None
    page: int
    score: float = 0.0
    kind: str = "section"
    extra: dict[str, Any] = field(default_factory=dict)

    def citation(self, quote: str, page: int | None = None) -> dict[str, Any]:
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


def attendance_passage(doc: dict[str, Any], passage_id: str, text: str, page: int, kind: str) -> Passage:
    """A passage of a paper's attendance part (not inside any item), from its documents row."""
    return Passage(
        id=passage_id,
        text=text,
        section_title="Attendance",
        item_id=None,
        item_number=None,
        item_title=None,
        document_id=doc["id"],
        document_title=doc["title"],
        document_kind=doc["kind"],
        body=doc["body"],
        meeting_date=doc["meeting_date"],
        page=page,
        kind=kind,
    )


@dataclass
class Retrieved:
    """The passages retrieved for one question, best first, with what ranking needs: each
    passage's retrieval score (`Passage.score`), the archive's document frequencies of the
    question's words (for idf weights), and the people named in the retrieved papers."""

    passages: list[Passage]
    doc_count: int = 0
    df: dict[str, int] = field(default_factory=dict)
    names: tuple[str, ...] = ()
    # Minutes papers the question dates or the search retrieved, best first: where
    # attendance questions are answered from (`search.ask.attendance`).
    minutes_docs: list[str] = field(default_factory=list)

    def idf(self, term: str) -> float:
        """BM25 idf over the whole index; a word no paper uses gets the highest weight."""
        n = max(1, self.doc_count)
        df = self.df.get(term, 0)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))


def _batches(ids: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), _BATCH):
        yield ids[start : start + _BATCH]


def load_passages(store: Store, ids: list[str]) -> dict[str, Passage]:
    """Passages for index ids (section ids, or item ids of items without sections)."""
    found: dict[str, Passage] = {}
    for chunk in _batches(list(dict.fromkeys(ids))):
        marks = ",".join("?" * len(chunk))
        for row in store.query(_SECTION_ROWS.format(marks=marks), chunk):
            found[row["section_id"]] = _passage(row)
        missing = [i for i in chunk if i not in found]
        if missing:
            marks = ",".join("?" * len(missing))
            for row in store.query(_ITEM_ROWS.format(marks=marks), missing):
                found[row["section_id"]] = _passage(row)
    return found


def _passage(row: dict[str, Any]) -> Passage:
    return Passage(
        id=row["section_id"],
        text=row["text"] or "",
        section_title=row["section_title"],
        item_id=row["item_id"],
        item_number=row["item_number"],
        item_title=row["item_title"],
        document_id=row["document_id"],
        document_title=row["document_title"],
        document_kind=row["document_kind"],
        body=row["body"],
        meeting_date=row["meeting_date"],
        page=int(row["page"] or 1),
    )


def document_rows(store: Store, doc_ids: Iterable[str]) -> list[dict[str, Any]]:
    """Citation fields of the given documents (id, title, kind, body, meeting_date)."""
    rows: list[dict[str, Any]] = []
    for chunk in _batches(list(dict.fromkeys(doc_ids))):
        marks = ",".join("?" * len(chunk))
        rows += store.query(
            "SELECT d.id, d.title, d.kind, COALESCE(m.body, d.body) AS body,"
            " COALESCE(m.date, d.meeting_date) AS meeting_date"
            f" FROM documents d LEFT JOIN meetings m ON m.id = d.meeting_id WHERE d.id IN ({marks})",
            chunk,
        )
    return rows


def front_matter_passages(store: Store, doc_ids: Iterable[str]) -> list[Passage]:
    """The head of each given minutes document before its first item: who was present, who
    chaired, where and when (Norfolk minutes print "Present:" and "Mrs J Chamberlin
    (Chairman)" there, outside any numbered minute)."""
    passages: list[Passage] = []
    for doc in document_rows(store, doc_ids):
        if doc["kind"] not in ("minutes", "decision_notice"):
            continue
        page = store.query(
            "SELECT number, text FROM pages WHERE document_id = ? ORDER BY number LIMIT 1", (doc["id"],)
        )
        first_item = store.query(
            "SELECT text FROM items WHERE document_id = ? ORDER BY position LIMIT 1", (doc["id"],)
        )
        if not page:
            continue
        text = plain_text(page[0]["text"])
        cut = len(text)
        if first_item and first_item[0]["text"]:
            head = first_item[0]["text"].split("\n", 1)[0][:40]
            found = text.find(head) if head else -1
            cut = found if found > 0 else min(len(text), 2500)
        front = text[:cut].rstrip()
        if front:
            passages.append(
                attendance_passage(doc, f"front:{doc['id']}", front, int(page[0]["number"]), "front")
            )
    return passages


def person_names(store: Store, doc_ids: Iterable[str]) -> tuple[str, ...]:
    """Multi-word names of people the entity analysis found in the given documents (empty
    until that analysis has run)."""
    names: set[str] = set()
    try:
        for chunk in _batches(list(dict.fromkeys(doc_ids))):
            marks = ",".join("?" * len(chunk))
            rows = store.query(
                f"SELECT DISTINCT surface FROM mentions WHERE document_id IN ({marks}) AND type = 'person'",
                chunk,
            )
            # Only names of two or more words, stripped: a surface of spaces alone (or "Mr ")
            # would match between any two words of a sentence as a "name".
            words = [(r["surface"] or "").split() for r in rows]
            names.update(" ".join(name) for name in words if len(name) > 1)
    except sqlite3.Error:
        return ()
    return tuple(sorted(names))
