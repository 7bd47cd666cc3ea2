"""`minutebook entities`: people, organisations and places across all stored papers.

Mentions are stored per document with a canonical name (ingest/analyses/entities.py). Here people are
merged across documents: within a committee first (a short form such as "Mrs Chamberlin"
joins the one fuller compatible name used by the same body), then across the store when the
fuller form is still unique. A person's entry also lists the meetings they attended or sent
apologies to and the interests they declared (the scrutiny officer's person page).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from minutebook.names import merge_names
from minutebook.store import Store


def _person_merges(store: Store) -> dict[str, str]:
    """Stored person name -> merged name, body by body, then across the store."""
    rows = store.query(
        "SELECT DISTINCT m.name, d.body_key FROM mentions m JOIN documents d ON d.id = m.document_id"
        " WHERE m.type = 'person'"
        " UNION SELECT DISTINCT a.person, d.body_key FROM attendance a"
        " JOIN documents d ON d.id = a.document_id"
        " UNION SELECT DISTINCT x.person, d.body_key FROM declarations x"
        " JOIN documents d ON d.id = x.document_id"
    )
    by_body: dict[str | None, set[str]] = defaultdict(set)
    for row in rows:
        by_body[row["body_key"]].add(row["name"])
    merged: dict[str, str] = {}
    for names in by_body.values():
        for name, target in merge_names(sorted(names)).items():
            if target != name and merged.get(name, name) == name:
                merged[name] = target
    everything = {merged.get(r["name"], r["name"]) for r in rows}
    for name, target in merge_names(sorted(everything)).items():
        if target != name:
            merged[name] = target
    for name in list(merged):  # follow chains: short -> fuller -> fullest
        seen = {name}
        while merged.get(merged[name], merged[name]) != merged[name] and merged[name] not in seen:
            seen.add(merged[name])
            merged[name] = merged[merged[name]]
    return merged


def list_entities(store: Store, entity_type: str | None = None) -> list[dict[str, Any]]:
    """CONTRACT `entities --json`: name, type, mentions, meetings, roles (+ person details).

    Ordered by number of mentions (most first), then name.
    """
    merges = _person_merges(store) if entity_type in (None, "person") else {}
    params: list[Any] = []
    where = ""
    if entity_type:
        where = " WHERE m.type = ?"
        params.append(entity_type)
    rows = store.query(
        "SELECT m.name, m.type, m.role, m.surface, m.document_id, d.meeting_date, d.body FROM mentions m"
        " JOIN documents d ON d.id = m.document_id" + where,
        params,
    )
    entities: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        name = merges.get(row["name"], row["name"]) if row["type"] == "person" else row["name"]
        entry = entities.setdefault(
            (row["type"], name),
            {
                "name": name,
                "type": row["type"],
                "mentions": 0,
                "meetings": set(),
                "roles": set(),
                "forms": set(),
                "documents": set(),
                "bodies": set(),
            },
        )
        entry["mentions"] += 1
        if row["meeting_date"]:
            entry["meetings"].add(row["meeting_date"])
        if row["role"]:
            entry["roles"].add(row["role"])
        entry["forms"].add(row["surface"])
        entry["documents"].add(row["document_id"])
        if row["body"]:
            entry["bodies"].add(row["body"])
    if entity_type in (None, "person"):
        _add_person_records(store, entities, merges)
    result = []
    for entry in entities.values():
        for key in ("meetings", "roles", "forms", "documents", "bodies"):
            entry[key] = sorted(entry[key])
        result.append(entry)
    result.sort(key=lambda e: (-e["mentions"], e["name"]))
    return result


def _add_person_records(
    store: Store, entities: dict[tuple[str, str], dict[str, Any]], merges: dict[str, str]
) -> None:
    """Attendance and declarations for each person entry."""
    for entry in entities.values():
        if entry["type"] == "person":
            entry.update(attended=[], apologies=[], declarations=[])
    attendance = store.query(
        "SELECT a.person, a.status, a.role, a.substituting_for, a.page, a.document_id, d.meeting_date, d.body"
        " FROM attendance a JOIN documents d ON d.id = a.document_id"
        " ORDER BY d.meeting_date IS NULL, d.meeting_date"
    )
    for row in attendance:
        person = entities.get(("person", merges.get(row["person"], row["person"])))
        if person is None:
            continue
        record = {
            "meeting_date": row["meeting_date"],
            "body": row["body"],
            "status": row["status"],
            "role": row["role"],
            "substituting_for": row["substituting_for"],
            "document_id": row["document_id"],
            "page": row["page"],
        }
        key = "apologies" if row["status"] in ("apologies", "absent") else "attended"
        if record not in person[key]:
            person[key].append(record)
    declarations = store.query(
        "SELECT x.person, x.interest, x.item_number, x.page, x.document_id, d.meeting_date, d.body"
        " FROM declarations x JOIN documents d ON d.id = x.document_id"
        " ORDER BY d.meeting_date IS NULL, d.meeting_date"
    )
    for row in declarations:
        declarer = entities.get(("person", merges.get(row["person"], row["person"])))
        if declarer is not None:
            declarer["declarations"].append({k: row[k] for k in row if k != "person"})
