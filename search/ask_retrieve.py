"""Candidate passages for `minutebook ask`: many more than a search page, each carrying
everything a citation needs.

Invariants:

* A `Passage.text` is the stored text of a section (or, for a paper's front matter, the
  plain text of its first page before the first item), so any substring is a verbatim quote.
* Retrieval is BM25 over section text plus item and section titles, with the same analyzer as
  the search index. The statistics are built once per store state and cached
  (`functools.lru_cache`), keyed on the database files' size and modification time, so a
  new ingest is seen by the next question.
* Missing tables or empty extraction tables never fail a question: they only mean fewer
  candidates.
"""

from __future__ import annotations

import math
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from minutebook.home import store_path
from minutebook.store import Store, open_store
from minutebook.text import plain_text
from search.ask_question import stems

# BM25 parameters (the usual defaults) and how much a title word counts against a text word.
_K1 = 1.2
_B = 0.75
_TITLE_WEIGHT = 2

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
ORDER BY d.meeting_date, d.id, i.position, s.position
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


@dataclass
class SectionIndex:
    """In-memory BM25 statistics over every section (and every paper's front matter)."""

    passages: list[Passage]
    term_counts: list[Counter[str]]
    lengths: list[int]
    df: Counter[str]
    postings: dict[str, list[int]]
    names: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        return len(self.passages)

    def idf(self, term: str) -> float:
        """BM25 idf; a word no paper uses gets the highest weight any word could have."""
        n = max(1, self.size)
        df = self.df.get(term, 0)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def search(self, terms: list[str], limit: int) -> list[tuple[int, float]]:
        if not terms or not self.passages:
            return []
        avg = sum(self.lengths) / len(self.lengths)
        scores: dict[int, float] = {}
        for term in set(terms):
            idf = self.idf(term)
            for index in self.postings.get(term, ()):
                tf = self.term_counts[index][term]
                norm = tf * (_K1 + 1) / (tf + _K1 * (1 - _B + _B * self.lengths[index] / avg))
                scores[index] = scores.get(index, 0.0) + idf * norm
        return sorted(scores.items(), key=lambda pair: -pair[1])[:limit]


def _signature(home: Path) -> tuple[Any, ...]:
    path = store_path(home)
    parts: list[Any] = [str(path.resolve())]
    for suffix in ("", "-wal"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            stat = candidate.stat()
            parts += [stat.st_size, stat.st_mtime_ns]
    return tuple(parts)


def section_index(home: Path) -> SectionIndex:
    """The BM25 statistics for the store under `home`, rebuilt only when the store changed."""
    return _cached_index(_signature(home), home)


@lru_cache(maxsize=4)
def _cached_index(signature: tuple[Any, ...], home: Path) -> SectionIndex:
    del signature  # part of the cache key only
    with open_store(home) as store:
        passages = [_passage(row) for row in store.query(_SECTION_ROWS)]
        passages += front_matter_passages(store)
        names = _known_person_names(store)
    term_counts: list[Counter[str]] = []
    lengths: list[int] = []
    df: Counter[str] = Counter()
    postings: dict[str, list[int]] = {}
    for index, passage in enumerate(passages):
        counts = Counter(stems(passage.text))
        titles = " ".join(filter(None, [passage.item_title, passage.section_title]))
        for stem in stems(titles):
            counts[stem] += _TITLE_WEIGHT
        term_counts.append(counts)
        lengths.append(max(1, sum(counts.values())))
        for term in counts:
            df[term] += 1
            postings.setdefault(term, []).append(index)
    return SectionIndex(passages, term_counts, lengths, df, postings, names)


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


def front_matter_passages(store: Store) -> list[Passage]:
    """The head of each minutes document before its first item: who was present, who
    chaired, where and when (Norfolk minutes print "Present:" and "Mrs J Chamberlin
    (Chairman)" there, outside any numbered minute)."""
    passages: list[Passage] = []
    documents = store.query(
        "SELECT d.id, d.title, d.kind, COALESCE(m.body, d.body) AS body,"
        " COALESCE(m.date, d.meeting_date) AS meeting_date"
        " FROM documents d LEFT JOIN meetings m ON m.id = d.meeting_id WHERE d.kind = 'minutes'"
    )
    for doc in documents:
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
                Passage(
                    id=f"front:{doc['id']}",
                    text=front,
                    section_title="Attendance",
                    item_id=None,
                    item_number=None,
                    item_title=None,
                    document_id=doc["id"],
                    document_title=doc["title"],
                    document_kind=doc["kind"],
                    body=doc["body"],
                    meeting_date=doc["meeting_date"],
                    page=int(page[0]["number"]),
                    kind="front",
                )
            )
    return passages


def _known_person_names(store: Store) -> tuple[str, ...]:
    """People the entity analysis found (empty until that analysis has run)."""
    try:
        rows = store.query("SELECT DISTINCT surface FROM mentions WHERE type = 'person'")
    except sqlite3.Error:
        return ()
    return tuple(sorted({r["surface"] for r in rows if r["surface"] and " " in r["surface"]}))


def resolution_rows(home: Path) -> list[dict[str, Any]]:
    """Resolutions as extracted at ingest (empty until the decisions analysis has run)."""
    with open_store(home) as store:
        try:
            return store.query(
                "SELECT r.id, r.text, r.page, r.item_id, i.number AS item_number, i.title AS item_title,"
                " d.id AS document_id, d.title AS document_title, d.kind AS document_kind,"
                " COALESCE(m.body, d.body) AS body, COALESCE(m.date, d.meeting_date) AS meeting_date"
                " FROM resolutions r JOIN documents d ON d.id = r.document_id"
                " LEFT JOIN items i ON i.id = r.item_id LEFT JOIN meetings m ON m.id = d.meeting_id"
            )
        except sqlite3.Error:
            return []
