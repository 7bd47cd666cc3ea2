"""The action tracker: follow each commitment to the later paper that delivers it.

`refresh_evidence(home, store)` recomputes the derived `action_evidence` table from the
store (run after every ingest); `list_actions(store, status, as_of)` reads actions with their
evidence, applies the user's corrections and judges each one done / open / overdue;
`record_correction(store, action_id, document_id, verdict)` stores a user's verdict.

How a match is found (each rule explained in the stored `explanation`):

* Where to look: papers of the same body and of its *lineage*, dated after the commitment,
  plus the appendices of the minutes that made it (an action log's Response column, a letter
  attached "see Appendix 2"). Lineage rule: two bodies belong to one line when their names
  share the same topic once the words naming a kind of body are removed ("Children's
  Services Overview and Scrutiny Panel" and "Children's Services Committee" are both
  "children's services") *and* one starts meeting no earlier than three months before the
  other stops: a successor taking over the work, not two bodies sitting side by side.
* What counts: a later item whose title covers the commitment's subject. Subject words are the
  commitment's own words, the paragraph it sits in and the title of its item (stemmed, with
  words that only describe the reporting itself removed); the candidate title must be mostly
  covered by them (idf-weighted, so "Children's" everywhere counts for little). When the
  commitment names its own subject ("an update on this partnership"), the title must share a
  word with that subject, not only with the item it came from: a regular performance report is
  not an update on every topic discussed under the last one.
* A commitment to hold a meeting ("an additional meeting would be scheduled for early May") is
  delivered by papers of the body dated within the promised window.
* Status: `done` with evidence; else `overdue` when `as_of` is past the due date, else `open`.
  A commitment with no date is treated as due one committee cycle (three months) after the
  meeting (`implied_due`); "at the next meeting" is the body's next meeting in the store.
* A user's "wrong" verdict drops that document's match; a "right" verdict keeps it even when
  a re-match would not find it. Verdicts live in `corrections`, keyed by content ids, and
  survive re-ingest.
"""

from __future__ import annotations

import math
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from minutebook.store import Store
from minutebook.text import body_key

# One committee cycle: how long an undated commitment may run before it is overdue.
IMPLIED_MONTHS = 3
# Words that describe reporting rather than a subject ("an update report would be provided").
_GENERIC = {
    "report", "reports", "update", "updates", "updated", "progress", "provide", "provided", "member", "members",  # noqa: E501
    "panel", "committee", "meeting", "would", "should", "further", "information", "agreed", "agree",
    "present", "presented", "brought", "circulated", "next", "future", "receive", "received", "written",
    "interim", "director", "officer", "officers", "item", "items", "new", "subject", "resolved", "also",
    "give", "giving", "made", "make", "draft", "response", "add", "may", "note", "noted", "minutes", "appendix",  # noqa: E501
    "detailed", "regular", "council", "county", "norfolk", "within", "months", "month", "monitoring",
    # Function words Whoosh's short stop list keeps.
    "was", "were", "been", "being", "their", "them", "they", "than", "there", "which", "who", "whom", "its",
    "had", "has", "have", "did", "does", "not", "all", "any", "some", "such", "these", "those", "this",
    "into", "over", "upon", "about", "after", "before", "between", "where", "when", "what", "see", "could", "shall", "must", "might", "other", "own", "same", "both", "each", "more", "most", "very", "it",  # noqa: E501
}  # fmt: skip
# Titles of procedural items: never evidence that something was delivered.
_PROCEDURAL = re.compile(
    r"^(?:apologies|declarations?|minutes|items? of urgent|urgent business|public question|local member|"
    r"members? to declare|to receive (?:apologies|any items)|co-option|exclusion of)",
    re.I,
)
# Words naming a kind of body, removed to find the topic a body's name is about.
_BODY_KIND_WORDS = {
    "overview", "scrutiny", "panel", "committee", "sub", "select", "policy", "board", "cabinet", "the", "and",
    "of", "for", "joint", "working", "group", "advisory", "forum", "meeting",
}  # fmt: skip
_MEETING_PROMISE = re.compile(
    r"\b(?:additional|extra|special|further)\s+meeting\b.*\b(?:scheduled|arranged|held|convened)\b|\bto meet in\b",  # noqa: E501
    re.I,
)
# "in the next performance monitoring report", "at the July 2014 Committee meeting": the vehicle
# of a commitment, not its subject.
_VEHICLE = re.compile(r"\b(?:in|at|to)\s+the\s+(?:next\s+)?(?:[\w-]+\s+){0,4}(?:report|meeting)\b", re.I)
MIN_COVERAGE = 0.6


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    from whoosh.analysis import StemmingAnalyzer

    return StemmingAnalyzer()


@lru_cache(maxsize=1 << 16)
def stems(text: str) -> frozenset[str]:
    """Stemmed content words of `text`, without stop words and reporting words.

    Cached: item titles and explanation words recur across every refresh and action."""
    generic = _generic_stems()
    return frozenset(
        t.text
        for t in _analyzer()(text)
        if len(t.text) > 1 and t.text not in generic and not t.text.isdigit()
    )


@lru_cache(maxsize=1)
def _generic_stems() -> frozenset[str]:
    return frozenset(t.text for w in _GENERIC for t in _analyzer()(w))


def _surface(text: str, wanted: frozenset[str]) -> list[str]:
    """The words of `text` whose stems are in `wanted`, as printed (for explanations)."""
    out: list[str] = []
    for word in re.findall(r"[\w'’-]+", text):
        if stems(word) & wanted and word not in out:
            out.append(word)
    return out


def topic_of(body: str | None) -> str:
    """A body's topic: its name without the words for a kind of body."""
    words = (body_key(body) or "").replace("-", " ").split()
    return " ".join(w for w in words if w not in _BODY_KIND_WORDS)


def _human_date(iso: str | None) -> str:
    if not iso:
        return "an undated meeting"
    d = date.fromisoformat(iso)
    return f"{d.day} {d.strftime('%b %Y')}"


@dataclass
class Evidence:
    document_id: str
    item_id: str | None
    page: int
    quote: str
    score: float
    explanation: str


@dataclass
class _Context:
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
        """Bodies whose papers may deliver a commitment of body `key` (see module doc)."""
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
            if o_first >= _shift(last, -IMPLIED_MONTHS) or o_last <= _shift(first, IMPLIED_MONTHS):
                out.add(other)
        return out


def _add_months(start: date, months: int) -> date:
    """`start` moved by whole months, clamped to the month's end (same rule as ingest's)."""
    import calendar

    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _shift(iso: str, months: int) -> str:
    return _add_months(date.fromisoformat(iso), months).isoformat() if iso else iso


def _load_context(store: Store, *, with_items: bool = True) -> _Context:
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
    return _Context(items, idf, spans, documents, titles_by_stem, items_of_document)


def _paragraph_around(text: str, needle: str) -> str:
    """The paragraph (line) of `text` holding the start of `needle`, for subject words."""
    probe = " ".join(needle.split()[:6])
    flat = text.split("\n")
    for line in flat:
        if probe and probe in " ".join(line.split()):
            return line
    return ""


def _best_quote(text: str, wanted: frozenset[str]) -> str:
    """The sentence near the top of an item that carries most of the matched words."""
    best, best_hits = "", -1
    for line in text[:4000].split("\n"):
        for sentence in re.split(r"(?<=[.!?])\s+", line.strip()):
            hits = len(stems(sentence) & wanted)
            if hits > best_hits and len(sentence) > 15:
                best, best_hits = sentence, hits
    return best[:400]


def _match_items(action: dict[str, Any], ctx: _Context, bodies: set[str]) -> list[Evidence]:
    text = action["text"].replace(action["due_text"] or "\0", " ")
    own = stems(_VEHICLE.sub(" ", text))
    if action["source"] == "work_programme":
        # A work-programme limb names its own subject; its item and line list other subjects.
        paragraph: frozenset[str] = frozenset()
        title: frozenset[str] = frozenset()
    else:
        paragraph = stems(_VEHICLE.sub(" ", _paragraph_around(action["item_text"] or "", action["text"])))
        title = stems(action["item_title"] or "")
    subject = own | paragraph | title
    named = own - title
    found: list[Evidence] = []
    for item in ctx.candidates(bodies, subject):
        if not item["meeting_date"] or item["meeting_date"] <= action["meeting_date"]:
            continue
        if _PROCEDURAL.match(item["title"]):
            continue
        terms = item["title_stems"]
        if not terms:
            continue
        matched = terms & subject
        total = sum(ctx.idf.get(t, 1.0) for t in terms)
        coverage = sum(ctx.idf.get(t, 1.0) for t in matched) / total
        if coverage < MIN_COVERAGE or len(matched) < min(2, len(terms)):
            continue
        if named and not (terms & ((own | paragraph) - title)):
            continue
        words = ", ".join(f"'{w}'" for w in _surface(item["title"], matched))
        where = f"item {item['number']}" if item["number"] else "the paper"
        explanation = (
            f"matched {words} in {where} title '{item['title']}' ({coverage:.0%} of the title);"
            f" {_human_date(item['meeting_date'])} is after {_human_date(action['meeting_date'])}"
        )
        found.append(
            Evidence(
                item["document_id"],
                item["id"],
                item["page_start"] or 1,
                _best_quote(item["text"], matched),
                coverage + 0.01 * len(matched),
                explanation,
            )
        )
    return found


def _match_appendix(action: dict[str, Any], ctx: _Context) -> list[Evidence]:
    """Rows of an action log (or lines of an appendix) in the same minutes that answer it."""
    own = stems(action["text"])
    found: list[Evidence] = []
    for item in ctx.items_of_document.get(action["document_id"], []):
        if not item["title"].lower().startswith("appendix"):
            continue
        for line in item["text"].split("\n"):
            # Tables lose their cell breaks in items' text: a row is a line that starts with the
            # minute number (Norfolk 13 March 2014, Appendix 1: "8 <title> <action> <response>").
            row = re.match(r"^\s*(\d+(?:\.\d+)?)\s+(.*)$", line)
            if not row or (action["item_number"] and row.group(1) != action["item_number"]):
                continue
            row_terms = stems(row.group(2)) - stems(action["item_title"] or "")
            matched = row_terms & own
            if len(matched) < 2 or len(matched) / max(1, min(len(own), len(row_terms))) < 0.4:
                continue
            words = ", ".join(f"'{w}'" for w in _surface(row.group(2), matched))
            explanation = (
                f"a row for item {row.group(1)} in '{item['title']}' of the same minutes matched {words}"
            )
            found.append(
                Evidence(
                    item["document_id"],
                    item["id"],
                    item["page_start"] or 1,
                    line.strip()[:600],
                    1.5 + 0.01 * len(matched),
                    explanation,
                )
            )
    return found


def _match_meeting(
    action: dict[str, Any], ctx: _Context, bodies: set[str], due: str | None
) -> list[Evidence]:
    """A promised meeting is delivered by papers of the body dated within the window."""
    if not _MEETING_PROMISE.search(action["text"]) or not due:
        return []
    for doc in ctx.documents:
        if doc["body_key"] in bodies and action["meeting_date"] < doc["meeting_date"] <= due:
            explanation = (
                f"a meeting was promised by {_human_date(due)}; the {doc['kind'].replace('_', ' ')} of"
                f" {_human_date(doc['meeting_date'])} shows it was held"
            )
            return [Evidence(doc["id"], None, 1, doc["title"] or doc["kind"], 1.0, explanation)]
    return []


def _actions(store: Store) -> list[dict[str, Any]]:
    return store.query(
        "SELECT a.id, a.document_id, a.item_id, a.text, a.owner, a.due, a.due_text, a.source, a.page,"
        " d.body, d.body_key, d.meeting_date, d.kind AS document_kind,"
        " i.number AS item_number, i.title AS item_title, i.text AS item_text"
        " FROM actions a JOIN documents d ON d.id = a.document_id LEFT JOIN items i ON i.id = a.item_id"
        " ORDER BY d.meeting_date, d.body, i.position, a.rowid"
    )


def _next_meeting(ctx: _Context, bodies: set[str], after: str) -> str | None:
    return next(
        (d["meeting_date"] for d in ctx.documents if d["body_key"] in bodies and d["meeting_date"] > after),
        None,
    )


def effective_due(action: dict[str, Any], ctx: _Context) -> tuple[str | None, str | None]:
    """(due, implied_due): the stated due date, or the one implied by the rules above."""
    if action["due"]:
        return action["due"], None
    if not action["meeting_date"]:
        return None, None
    bodies = ctx.lineage(action["body_key"])
    if action["due_text"] and re.search(r"\bnext\b", action["due_text"], re.I):
        nxt = _next_meeting(ctx, bodies, action["meeting_date"])
        if nxt:
            return nxt, None
    return None, _shift(action["meeting_date"], IMPLIED_MONTHS)


def find_evidence(action: dict[str, Any], ctx: _Context) -> list[Evidence]:
    """Every paper that may deliver `action`, best first, one per document."""
    if not action["meeting_date"]:
        return []
    bodies = ctx.lineage(action["body_key"])
    due, implied = effective_due(action, ctx)
    found = _match_appendix(action, ctx) + _match_meeting(action, ctx, bodies, due or implied)
    found += _match_items(action, ctx, bodies)
    dates = ctx.document_dates
    found.sort(key=lambda e: (-round(e.score, 2), dates.get(e.document_id) or ""))
    seen: set[str] = set()
    out = []
    for ev in found:
        if ev.document_id not in seen:
            seen.add(ev.document_id)
            out.append(ev)
    return out


def refresh_evidence(home: Path, store: Store) -> None:
    """Recompute `action_evidence` for every action from the store (derived; idempotent)."""
    del home  # the store alone is enough; the search index is not needed for titles
    ctx = _load_context(store)
    rows = []
    for action in _actions(store):
        for ev in find_evidence(action, ctx):
            rows.append(
                (action["id"], ev.document_id, ev.item_id, ev.page, ev.quote, ev.score, ev.explanation)
            )
    with store.transaction() as db:
        db.execute("DELETE FROM action_evidence")
        db.executemany(
            "INSERT INTO action_evidence(action_id, document_id, item_id, page, quote, score, explanation)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


def record_correction(store: Store, action_id: str, document_id: str, verdict: str) -> None:
    """Store a user's verdict on a suggested (or missing) match: "right" or "wrong"."""
    if verdict not in ("right", "wrong"):
        raise ValueError(f"verdict must be 'right' or 'wrong', not {verdict!r}")
    with store.transaction() as db:
        db.execute(
            "INSERT OR REPLACE INTO corrections(action_id, document_id, verdict, created_at) VALUES (?, ?, ?, ?)",  # noqa: E501
            (action_id, document_id, verdict, time.strftime("%Y-%m-%dT%H:%M:%S")),
        )


def _evidence_rows(store: Store) -> dict[str, list[dict[str, Any]]]:
    rows = store.query(
        "SELECT e.action_id, e.document_id, e.item_id, e.page, e.quote, e.score, e.explanation,"
        " d.body, d.meeting_date, d.title AS document_title, d.kind AS document_kind, i.title AS item_title,"
        " i.number AS item_number"
        " FROM action_evidence e JOIN documents d ON d.id = e.document_id LEFT JOIN items i ON i.id = e.item_id"  # noqa: E501
        " ORDER BY e.score DESC, d.meeting_date"
    )
    out: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        out.setdefault(row["action_id"], []).append(row)
    return out


def _corrected(
    store: Store, action_id: str, rows: list[dict[str, Any]], verdicts: dict[str, str]
) -> list[dict[str, Any]]:
    kept = [r for r in rows if verdicts.get(r["document_id"]) != "wrong"]
    present = {r["document_id"] for r in kept}
    for document_id, verdict in verdicts.items():
        if verdict == "right" and document_id not in present:
            for doc in store.query(
                "SELECT id AS document_id, body, meeting_date, title AS document_title, kind AS document_kind"
                " FROM documents WHERE id = ?",
                (document_id,),
            ):
                doc.update(
                    item_id=None,
                    item_title=None,
                    item_number=None,
                    page=1,
                    score=1.0,
                    quote=doc["document_title"] or "",
                    explanation="confirmed by a user",
                )
                kept.insert(0, doc)
    for row in kept:
        if verdicts.get(row["document_id"]) == "right":
            row["explanation"] = "confirmed by a user; " + row["explanation"]
    del action_id
    return kept


def list_actions(store: Store, status: str = "all", as_of: str | None = None) -> list[dict[str, Any]]:
    """Actions with owner, due date, status and evidence (CONTRACT `actions --json`)."""
    as_of = as_of or date.today().isoformat()
    ctx = _load_context(store, with_items=False)
    evidence = _evidence_rows(store)
    verdicts: dict[str, dict[str, str]] = {}
    for row in store.query("SELECT action_id, document_id, verdict FROM corrections"):
        verdicts.setdefault(row["action_id"], {})[row["document_id"]] = row["verdict"]
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for action in _actions(store):
        if action["id"] in seen:
            continue
        seen.add(action["id"])
        rows = _corrected(store, action["id"], evidence.get(action["id"], []), verdicts.get(action["id"], {}))
        due, implied = effective_due(action, ctx)
        deadline = due or implied
        if rows:
            state = "done"
        elif deadline and as_of > deadline:
            state = "overdue"
        else:
            state = "open"
        if status != "all" and state != status:
            continue
        if rows:
            explanation = rows[0]["explanation"]
        elif state == "overdue":
            explanation = f"no later paper on this subject; overdue since {_human_date(deadline)}"
            if implied:
                explanation += f" (no date given: one committee cycle, {IMPLIED_MONTHS} months, assumed)"
        else:
            explanation = "no later paper on this subject yet"
        out.append(
            {
                "id": action["id"],
                "body": action["body"],
                "meeting_date": action["meeting_date"],
                "item_number": action["item_number"],
                "item_title": action["item_title"],
                "text": action["text"],
                "owner": action["owner"],
                "due": due,
                "status": state,
                "evidence": [
                    {
                        "body": r["body"],
                        "meeting_date": r["meeting_date"],
                        "document_id": r["document_id"],
                        "document_title": r["document_title"],
                        "item_number": r["item_number"],
                        "item_title": r["item_title"],
                        "page": r["page"],
                        "quote": r["quote"],
                        "score": round(r["score"], 3),
                        "explanation": r["explanation"],
                    }
                    for r in rows
                ],
                "explanation": explanation,
                "due_text": action["due_text"],
                "implied_due": implied,
                "source": action["source"],
                "document_id": action["document_id"],
                "page": action["page"],
            }
        )
    return out
