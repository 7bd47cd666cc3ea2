"""Resolutions as the CLI and UI show them, with the officers' recommendation beside each.

`list_resolutions(store, body, date_from, date_to)` returns CONTRACT `resolutions --json` rows
plus: `recommendation` (the officers' ask on the same item at the same meeting, found through
the minute's "(item 9)" reference to the agenda, else the most similar agenda title),
`recommendation_differs` (true when the decision covers under half the ask's words, or adds a
commitment the ask did not contain: "An updated report should be brought to the Committee
within six months" where officers asked only that the report be noted), `recommendation_added`
(those added commitments), and
`also_recorded_in` (the same decision in another paper of the same meeting: a decision
notice and the minutes, matched by meeting id and wording).

`votes` is `{"for", "against", "abstentions", "result"}`: counts as printed (null where the
paper prints none) and `result` "carried" or "lost" where the paper records the vote's fate
("CARRIED unanimously", "LOST (4 in favour, 5 against)"), else null.
"""

from __future__ import annotations

import re
from typing import Any

from minutebook.store import Store
from minutebook.text import body_key

_AGENDA_REF = re.compile(r"\((?:agenda\s+)?item\s+(\d+[a-z]?)\)", re.I)
_WORD = re.compile(r"[a-z0-9]{4,}")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def similarity(a: str, b: str) -> float:
    """Share of the smaller text's words found in the other (0..1)."""
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


def covered(part: str, whole: str) -> float:
    """Share of `part`'s words that `whole` contains (0..1)."""
    wp = _words(part)
    return len(wp & _words(whole)) / max(1, len(wp))


def _recommendation_for(row: dict[str, Any], same_meeting: list[dict[str, Any]]) -> dict[str, Any] | None:
    if not same_meeting:
        return None
    ref = _AGENDA_REF.search(row["item_text"] or "")
    if ref:
        by_number = [r for r in same_meeting if r["item_number"] == ref.group(1)]
        if by_number:
            return by_number[0]
    scored = [(similarity(row["item_title"] or "", r["item_title"] or ""), r) for r in same_meeting]
    best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
    return best[1] if best[0] >= 0.6 else None


def list_resolutions(
    store: Store, body: str | None = None, date_from: str | None = None, date_to: str | None = None
) -> list[dict[str, Any]]:
    """Resolutions oldest first, filtered by body (name or key) and meeting date range."""
    where, params = [], []
    if body:
        where.append("d.body_key = ?")
        params.append(body_key(body))
    if date_from:
        where.append("d.meeting_date >= ?")
        params.append(date_from)
    if date_to:
        where.append("d.meeting_date <= ?")
        params.append(date_to)
    rows = store.query(
        "SELECT r.id, d.body, d.meeting_date, d.meeting_id, d.kind AS document_kind, i.number AS item_number,"
        " i.title AS item_title, i.text AS item_text, r.text, r.outcome, r.document_id, r.page,"
        " r.votes_for, r.votes_against, r.abstentions, r.vote_result"
        " FROM resolutions r JOIN documents d ON d.id = r.document_id LEFT JOIN items i ON i.id = r.item_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY d.meeting_date IS NULL, d.meeting_date, d.body, d.kind, i.position, r.rowid",
        params,
    )
    recs = store.query(
        "SELECT c.text, c.page, c.document_id, d.meeting_id, i.number AS item_number, i.title AS item_title"
        " FROM recommendations c JOIN documents d ON d.id = c.document_id LEFT JOIN items i ON i.id = c.item_id"  # noqa: E501
        " ORDER BY d.kind, i.position, c.rowid"
    )
    recs_of_meeting: dict[str, list[dict[str, Any]]] = {}
    for ask in recs:
        recs_of_meeting.setdefault(ask["meeting_id"], []).append(ask)
    rows_of_meeting: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        rows_of_meeting.setdefault(row["meeting_id"], []).append(row)
    commitments: dict[str, list[str]] = {}
    for action in store.query("SELECT document_id, text FROM actions WHERE source = 'resolution'"):
        commitments.setdefault(action["document_id"], []).append(action["text"])
    out = []
    for row in rows:
        rec = _recommendation_for(row, recs_of_meeting.get(row["meeting_id"], []))
        flat = " ".join(row["text"].split())
        promised = [c for c in commitments.get(row["document_id"], []) if " ".join(c.split()) in flat]
        added = [c for c in promised if rec and covered(c, rec["text"]) < 0.5]
        twins = [
            {
                "document_id": o["document_id"],
                "document_kind": o["document_kind"],
                "page": o["page"],
                "resolution_id": o["id"],
            }
            for o in rows_of_meeting[row["meeting_id"]]
            if o["document_id"] != row["document_id"]
            # Minutes and notice number the item alike: "noted the report" under item 10 is
            # not the same decision as "noted the report" under item 11.
            and (not (o["item_number"] and row["item_number"]) or o["item_number"] == row["item_number"])
            and similarity(o["text"], row["text"]) >= 0.6
        ]
        out.append(
            {
                "id": row["id"],
                "body": row["body"],
                "meeting_date": row["meeting_date"],
                "item_number": row["item_number"],
                "item_title": row["item_title"],
                "text": row["text"],
                "outcome": row["outcome"],
                "document_id": row["document_id"],
                "page": row["page"],
                "document_kind": row["document_kind"],
                "votes": {
                    "for": row["votes_for"],
                    "against": row["votes_against"],
                    "abstentions": row["abstentions"],
                    "result": row["vote_result"],
                },
                "recommendation": rec["text"] if rec else None,
                "recommendation_document_id": rec["document_id"] if rec else None,
                "recommendation_page": rec["page"] if rec else None,
                "recommendation_differs": (
                    (covered(rec["text"], row["text"]) < 0.5 or bool(added)) if rec else None
                ),
                "recommendation_added": added,
                "also_recorded_in": twins,
            }
        )
    return out
