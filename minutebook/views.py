"""JSON-ready shapes of stored records, exactly as CONTRACT.md names their fields.

Shared by the CLI and the UI so both show the same thing. Fields may be added, never renamed.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from minutebook.models import Document
from minutebook.store import Store


def document_summary(doc: Document) -> dict[str, Any]:
    """One entry of `ingest --json`'s `documents` list."""
    return {
        "id": doc.id,
        "path": doc.path,
        "kind": doc.kind,
        "body": doc.body,
        "meeting_date": doc.meeting_date,
        "pages": doc.page_count,
        "items": len(doc.agenda_items),
        "title": doc.title,
        "warnings": doc.warnings,
    }


def meetings_view(store: Store) -> list[dict[str, Any]]:
    """`meetings --json`: every meeting, oldest first, with documents and items in order."""
    result = []
    for meeting in store.meetings():
        items = [
            {
                "id": item["id"],
                "number": item["number"],
                "title": item["title"],
                "document_id": item["document_id"],
                "page_start": item["page_start"],
                "page_end": item["page_end"],
                "document_kind": item["document_kind"],
                "presenter": item["presenter"],
                "to_follow": bool(item["to_follow"]),
            }
            for item in store.meeting_items(meeting.id)
        ]
        result.append(
            {
                "id": meeting.id,
                "body": meeting.body,
                "date": meeting.date,
                "time": meeting.time,
                "venue": meeting.venue,
                "documents": store.meeting_documents(meeting.id),
                "items": items,
            }
        )
    return result


def rows_to_csv(rows: list[dict[str, Any]]) -> str:
    """CSV export of records for a spreadsheet: one row per record, one plain value per cell.

    Nested values become columns of their own, so nothing needs parsing after export:
    a dict (`votes`) becomes `votes_for`, `votes_against`, ...; a list of dicts (`evidence`,
    best first) becomes `evidence_count` plus the first entry's fields as `evidence_<field>`;
    a list of plain values is joined with "; ". Columns follow the first record's field order.
    """
    if not rows:
        return ""
    # Keys holding lists of records in any row (an action without evidence has an empty list).
    record_lists = {
        key
        for row in rows
        for key, value in row.items()
        if isinstance(value, list) and any(isinstance(v, dict) for v in value)
    }
    flat = [_flatten(row, record_lists) for row in rows]
    columns: dict[str, None] = {}
    for row in flat:
        columns.update(dict.fromkeys(row))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), restval="")
    writer.writeheader()
    writer.writerows(flat)
    return out.getvalue()


def _flatten(row: dict[str, Any], record_lists: set[str]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, dict):
            flat.update({f"{key}_{sub}": v for sub, v in value.items()})
        elif key in record_lists:
            flat[f"{key}_count"] = len(value or [])
            if value:
                flat.update({f"{key}_{sub}": v for sub, v in value[0].items()})
        elif isinstance(value, list):
            flat[key] = "; ".join(map(str, value))
        else:
            flat[key] = value
    return flat
