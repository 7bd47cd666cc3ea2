"""Stage 5: the chosen answer -> CONTRACT.md's `ask --json` shape, with its citation.

A citation names the paper, meeting and item the quote comes from and the physical page the
quote is printed on (a section may run over several pages: the page is found by the quote's
own words, not the section's first page). When the papers do not answer, `answer` is null,
nothing is cited as support, and `nearest` lists the closest passages found, with the same
citation fields, so a reader can look for themselves.

Invariants: every `quote` is a verbatim substring of stored text; `confidence` is in 0..1;
a non-null answer has at least one citation.
"""

from __future__ import annotations

from typing import Any

from minutebook.store import Store
from minutebook.text import strip_markup
from search.ask.evidence import Candidate
from search.ask.score import answerable

# How many passages an abstention shows.
NEAREST = 3
# Extra keys of a chosen candidate copied onto the result (table cells, attendance rows).
_EXTRA_KEYS = ("indicator", "period", "attendance", "role")


def _squash(text: str) -> str:
    return " ".join(text.split())


def quote_page(store: Store, candidate: Candidate) -> int:
    """The physical page the quote is printed on."""
    passage = candidate.passage
    if candidate.unit is not None and candidate.unit.row is not None:
        return candidate.unit.row.page
    if "page" in candidate.extra:
        return int(candidate.extra["page"])
    if passage.kind == "front":
        return passage.page
    probe = _squash(candidate.quote)[:80]
    if not probe:
        return passage.page
    pages = store.query(
        "SELECT number, text FROM pages WHERE document_id = ? AND number >= ? ORDER BY number LIMIT 40",
        (passage.document_id, passage.page),
    )
    if len(pages) <= 1:
        return passage.page
    texts = [(int(p["number"]), _squash(strip_markup(p["text"]))) for p in pages]
    for number, text in texts:
        if probe in text:
            return number
    # A quote broken across a page end: the page holding its first words.
    head = " ".join(probe.split()[:6])
    for number, text in texts:
        if head and head in text:
            return number
    return passage.page


def cite(store: Store, candidate: Candidate) -> dict[str, Any]:
    return candidate.passage.citation(candidate.quote, quote_page(store, candidate))


def nearest(store: Store, ranked: list[Candidate]) -> list[dict[str, Any]]:
    """The best candidate's passage and the next best distinct ones (up to `NEAREST`)."""
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for candidate in ranked:
        key = candidate.passage.id
        if key in seen:
            continue
        seen.add(key)
        quote = candidate.unit.text if candidate.unit is not None else candidate.quote
        shown = Candidate(
            candidate.passage, quote, quote, candidate.answer_type, candidate.source, candidate.unit
        )
        shown.extra = candidate.extra
        out.append(cite(store, shown))
        if len(out) == NEAREST:
            break
    return out


def result(
    question: str,
    answer_type: str,
    ranked: list[Candidate],
    confidence: float,
    threshold: float,
    store: Store | None,
) -> dict[str, Any]:
    """The answer (or abstention) in CONTRACT.md's shape, plus `answer_type` and `nearest`."""
    out: dict[str, Any] = {
        "question": question,
        "answer": None,
        "confidence": round(confidence, 3),
        "answer_type": answer_type,
        "citations": [],
        "nearest": [],
    }
    if not ranked or store is None:
        return out
    best = ranked[0]
    if confidence >= threshold and answerable(best):
        out["answer"] = best.answer
        out["citations"] = [cite(store, best)]
        for key in _EXTRA_KEYS:
            if best.extra.get(key):
                out[key] = best.extra[key]
    else:
        out["nearest"] = nearest(store, ranked)
    return out
