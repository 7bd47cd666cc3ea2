"""What the tracker reads from the store, once per refresh or listing, and due dates.

`ArchiveContext` holds the items, idf of title stems, each body's first and last meeting
(for lineage) and the dated documents; `effective_due` gives the stated or implied due date.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from minutebook.store import Store
from search.tracker.subjects import stems, topic_of

# One committee cycle: the deadline an undated commitment would have if one were assumed. It
# is shown as information (`implied_due`) and never makes an action overdue.
IMPLIED_MONTHS = 3


def human_date(iso: str | None) -> str:
    if not iso:
        return "an undated meeting"
    d = date.fromisoformat(iso)
    return f"{d.day} {d.strftime('%b %Y')}"


@dataclass
class ArchiveContext:
    """What the matcher needs from the store, read once per refresh."""

    items: list[dict[str, Any]]
    idf: dict[str, float]
    body_span: dict[str, tuple[str, str]]
    documents: list[dict[str, Any]] = field(default_factory=list)
    # (body key, title stem) -> positions in `items`, ascending: a match must share a title
    # stem with the commitment's subject, so only these items are ever worth scoring.
    titles_by_stem: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    items_of_document: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    _lineages: dict[str, set[str]] = field(default_factory=dict)

    @cached_property
    def document_dates(self) -> dict[str, str]:
        return {d["id"]: d["meeting_date"] for d in self.documents}

    def candidates(self, bodies: set[str], subject: frozenset[str]) -> list[dict[str, Any]]:
        """Items of `bodies` whose title shares a stem with `subject`, in `items` order."""
        found = {
            position
            for body in bodies
            for stem in subject
            for position in self.titles_by_stem.get((body, stem), ())
        }
        return [self.items[position] for position in sorted(found)]

    def lineage(self, key: str | None) -> set[str]:
        """Bodies whose papers may deliver a commitment of body `key` (see the package docstring)."""
        if not key:
            return set()
        if key not in self._lineages:
            self._lineages[key] = self._find_lineage(key)
        return self._lineages[key]

    def _find_lineage(self, key: str) -> set[str]:
        out = {key}
        topic = topic_of(key)
        first, last = self.body_span.get(key, ("", ""))
        for other, (o_first, o_last) in self.body_span.items():
            if other == key or not topic or topic_of(other) != topic:
                continue
            # A successor starts no earlier than ~3 months before this body stops meeting.
            if o_first >= shift_months(last, -IMPLIED_MONTHS) or o_last <= shift_months(
                first, IMPLIED_MONTHS
            ):
                out.add(other)
        return out


def _add_months(start: date, months: int) -> date:
    """`start` moved by whole months, clamped to the month's end (same rule as ingest's)."""
    import calendar

    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def shift_months(iso: str, months: int) -> str:
    return _add_months(date.fromisoformat(iso), months).isoformat() if iso else iso


def load_context(store: Store, *, with_items: bool = True) -> ArchiveContext:
    """Read what matching needs; `with_items=False` reads only bodies and documents (enough
    to judge due dates when listing, which never re-matches)."""
    items = (
        store.query(
            "SELECT i.id, i.document_id, i.number, i.title, i.text, i.page_start, i.position,"
            " d.kind, d.title AS document_title, d.body, d.body_key, d.meeting_date, d.meeting_id"
            " FROM items i JOIN documents d ON d.id = i.document_id"
        )
        if with_items
        else []
    )
    df: Counter[str] = Counter()
    titles_by_stem: dict[tuple[str, str], list[int]] = {}
    items_of_document: dict[str, list[dict[str, Any]]] = {}
    for position, item in enumerate(items):
        items_of_document.setdefault(item["document_id"], []).append(item)
        item["title_stems"] = stems(item["title"])
        df.update(item["title_stems"])
        for stem in item["title_stems"]:
            titles_by_stem.setdefault((item["body_key"], stem), []).append(position)
    n = max(1, len(items))
    idf = {term: math.log(1 + n / count) for term, count in df.items()}
    spans: dict[str, tuple[str, str]] = {}
    for row in store.query(
        "SELECT body_key, MIN(meeting_date) AS first, MAX(meeting_date) AS last FROM documents"
        " WHERE body_key IS NOT NULL AND meeting_date IS NOT NULL GROUP BY body_key"
    ):
        spans[row["body_key"]] = (row["first"], row["last"])
    documents = store.query(
        "SELECT id, kind, title, body_key, meeting_date FROM documents WHERE meeting_date IS NOT NULL"
        " ORDER BY meeting_date"
    )
    return ArchiveContext(items, idf, spans, documents, titles_by_stem, items_of_document)


def action_rows(store: Store) -> list[dict[str, Any]]:
    return store.query(
        "SELECT a.id, a.document_id, a.item_id, a.text, a.owner, a.due, a.due_text, a.source, a.page,"
        " d.body, d.body_key, d.meeting_date, d.kind AS document_kind,"
        " i.number AS item_number, i.title AS item_title, i.text AS item_text"
        " FROM actions a JOIN documents d ON d.id = a.document_id LEFT JOIN items i ON i.id = a.item_id"
        " ORDER BY d.meeting_date IS NULL, d.meeting_date, d.body, i.position, a.rowid"
    )


def next_meeting(ctx: ArchiveContext, bodies: set[str], after: str) -> str | None:
    return next(
        (d["meeting_date"] for d in ctx.documents if d["body_key"] in bodies and d["meeting_date"] > after),
        None,
    )


def effective_due(action: dict[str, Any], ctx: ArchiveContext) -> tuple[str | None, str | None]:
    """(due, implied_due): the stated due date, or the one implied by the rules above."""
    if action["due"]:
        return action["due"], None
    if not action["meeting_date"]:
        return None, None
    bodies = ctx.lineage(action["body_key"])
    if action["due_text"] and re.search(r"\bnext\b", action["due_text"], re.I):
        nxt = next_meeting(ctx, bodies, action["meeting_date"])
        if nxt:
            return nxt, None
    return None, shift_months(action["meeting_date"], IMPLIED_MONTHS)
