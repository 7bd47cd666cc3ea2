"""The tracker as a work list: each action's status (done / open / overdue) as of a date,
its evidence after the user's corrections, and the corrections themselves.

`due` in a listed action is the date the papers give: stated ("within six months", "in
Autumn 2014") or "the next meeting" resolved to the body's next meeting in the store. It is
null when the papers give none, and such an action is `open` until evidence makes it `done`,
never `overdue` (CONTRACT, second round). `implied_due` (one committee cycle after the
meeting) is kept beside it as information only."""

from __future__ import annotations

import time
from datetime import date
from typing import Any

from minutebook.store import Store
from search.tracker.archive import IMPLIED_MONTHS, action_rows, effective_due, human_date, load_context


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


def judge(delivered: bool, due: str | None, as_of: str) -> str:
    """An action's status: `done` with evidence; else `overdue` only when `due` is a date
    before `as_of`; else `open`. An action with no due date is open whatever the date: an
    assumed deadline (`implied_due`) is information, never a reason to chase."""
    if delivered:
        return "done"
    if due and as_of > due:
        return "overdue"
    return "open"


def list_actions(store: Store, status: str = "all", as_of: str | None = None) -> list[dict[str, Any]]:
    """Actions with owner, due date, status and evidence (CONTRACT `actions --json`)."""
    as_of = as_of or date.today().isoformat()
    ctx = load_context(store, with_items=False)
    evidence = _evidence_rows(store)
    verdicts: dict[str, dict[str, str]] = {}
    for row in store.query("SELECT action_id, document_id, verdict FROM corrections"):
        verdicts.setdefault(row["action_id"], {})[row["document_id"]] = row["verdict"]
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for action in action_rows(store):
        if action["id"] in seen:
            continue
        seen.add(action["id"])
        rows = _corrected(store, action["id"], evidence.get(action["id"], []), verdicts.get(action["id"], {}))
        due, implied = effective_due(action, ctx)
        state = judge(bool(rows), due, as_of)
        if status != "all" and state != status:
            continue
        if rows:
            explanation = rows[0]["explanation"]
        elif state == "overdue":
            explanation = f"no later paper on this subject; overdue since {human_date(due)}"
        elif due is None:
            explanation = "no later paper on this subject yet; the papers give no due date"
            if implied:
                explanation += (
                    f" (one committee cycle, {IMPLIED_MONTHS} months, would be {human_date(implied)};"
                    " shown for information, never judged overdue)"
                )
        else:
            explanation = f"no later paper on this subject yet; due {human_date(due)}"
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
