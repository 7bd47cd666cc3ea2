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
        "items": len(doc.items),
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
    """CSV export of a list of flat-ish records (nested values are JSON-ish strings)."""
    if not rows:
        return ""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("; ".join(map(str, v)) if isinstance(v, list) else v) for k, v in row.items()})
    return out.getvalue()
