"""Matching: the later papers that may deliver a commitment (see the package docstring for
the rules), and `refresh_evidence`, which recomputes the derived `action_evidence` table."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from minutebook.store import Store
from search.tracker.archive import ArchiveContext, action_rows, effective_due, human_date, load_context
from search.tracker.subjects import stems, surface_words

# Titles of procedural items: never evidence that something was delivered.
_PROCEDURAL = re.compile(
    r"^(?:apologies|declarations?|minutes|items? of urgent|urgent business|public question|local member|"
    r"members? to declare|to receive (?:apologies|any items)|co-option|exclusion of)",
    re.I,
)
_MEETING_PROMISE = re.compile(
    r"\b(?:additional|extra|special|further)\s+meeting\b.*\b(?:scheduled|arranged|held|convened)\b|\bto meet in\b",  # noqa: E501
    re.I,
)
# "in the next performance monitoring report", "at the July 2014 Committee meeting": the vehicle
# of a commitment, not its subject.
_VEHICLE = re.compile(r"\b(?:in|at|to)\s+the\s+(?:next\s+)?(?:[\w-]+\s+){0,4}(?:report|meeting)\b", re.I)
MIN_COVERAGE = 0.6


@dataclass
class Evidence:
    document_id: str
    item_id: str | None
    page: int
    quote: str
    score: float
    explanation: str


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


def _match_items(action: dict[str, Any], ctx: ArchiveContext, bodies: set[str]) -> list[Evidence]:
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
        words = ", ".join(f"'{w}'" for w in surface_words(item["title"], matched))
        where = f"item {item['number']}" if item["number"] else "the paper"
        explanation = (
            f"matched {words} in {where} title '{item['title']}' ({coverage:.0%} of the title);"
            f" {human_date(item['meeting_date'])} is after {human_date(action['meeting_date'])}"
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


def _match_appendix(action: dict[str, Any], ctx: ArchiveContext) -> list[Evidence]:
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
            words = ", ".join(f"'{w}'" for w in surface_words(row.group(2), matched))
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
    action: dict[str, Any], ctx: ArchiveContext, bodies: set[str], due: str | None
) -> list[Evidence]:
    """A promised meeting is delivered by papers of the body dated within the window."""
    if not _MEETING_PROMISE.search(action["text"]) or not due:
        return []
    for doc in ctx.documents:
        if doc["body_key"] in bodies and action["meeting_date"] < doc["meeting_date"] <= due:
            explanation = (
                f"a meeting was promised by {human_date(due)}; the {doc['kind'].replace('_', ' ')} of"
                f" {human_date(doc['meeting_date'])} shows it was held"
            )
            return [Evidence(doc["id"], None, 1, doc["title"] or doc["kind"], 1.0, explanation)]
    return []


def find_evidence(action: dict[str, Any], ctx: ArchiveContext) -> list[Evidence]:
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
    ctx = load_context(store)
    rows = []
    for action in action_rows(store):
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
