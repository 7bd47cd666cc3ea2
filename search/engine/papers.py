"""Searching the papers: one user search in, CONTRACT.md's `search --json` shape out.

The heavy modules (`backend`, `query`, `schema`, and through them Whoosh and NumPy) are
imported inside the functions, so importing this module to build a `SearchRequest` is cheap.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from search.engine.syntax import MATCH_MODES

# CONTRACT.md's hit fields in order (extra fields follow them in the JSON and the CSV).
HIT_FIELDS = (
    "id",
    "body",
    "meeting_date",
    "document_id",
    "document_kind",
    "document_title",
    "item_number",
    "item_title",
    "section_title",
    "page",
    "snippet",
    "score",
)


@dataclass
class SearchRequest:
    """One search as a user asks it. Dates are ISO `YYYY-MM-DD`; `sort` is relevance|date;
    `match` is "all" (every plain word required, the default) or "any" (`engine.query`)."""

    query: str
    body: str | None = None
    kind: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    person: str | None = None
    org: str | None = None
    sort: str = "relevance"
    limit: int = 10
    offset: int = 0
    match: str = "all"


def search_papers(home: Path, request: SearchRequest) -> dict[str, Any]:
    """Run `request` against the index under `home`: CONTRACT.md's `search --json` shape,
    plus `notes` (how the query was read). Never raises for bad query text.

    The index is first brought up to date with the store (`agreement.prepare`), and a
    damaged one is rebuilt from it, so every stored paper is found."""
    from search.engine import agreement, backend
    from search.engine import query as user_query
    from search.engine.schema import get_schema

    agreement.prepare(home)

    match = request.match if request.match in MATCH_MODES else "all"
    parsed = user_query.parse_user_query(request.query, get_schema(), match)
    notes = list(parsed.notes)
    filters = user_query.Filters(
        body=request.body,
        kind=request.kind,
        date_from=request.date_from,
        date_to=request.date_to,
        person=_resolve_names(home, "person", request.person),
        org=_resolve_names(home, "organisation", request.org),
    )
    filter_q = user_query.filter_query(filters, notes)
    sort = request.sort if request.sort in ("relevance", "date") else "relevance"
    limit, offset = max(0, request.limit), max(0, request.offset)
    try:
        outcome, stored = backend.run(home, parsed.query, filter_q, sort, limit, offset)
    except backend.IndexDamaged as err:
        agreement.recover(home, err)
        outcome, stored = backend.run(home, parsed.query, filter_q, sort, limit, offset)
    if backend.live_dir(home) is None:
        notes.append("there is no search index yet: run `minutebook ingest PATH` or `minutebook reindex`")
    return {
        "query": request.query,
        "total": outcome.total,
        "hits": [_hit(fields) for fields in stored],
        "facets": outcome.facets,
        "notes": notes,
        "sort": sort,
        "match": match,
        "limit": request.limit,
        "offset": request.offset,
    }


def _resolve_names(home: Path, field: str, wanted: str | None) -> list[str] | None:
    """Canonical names whose words include all of `wanted`'s ("Joyce" -> "Mr J Joyce")."""
    if not wanted:
        return None
    from search.engine.backend import index_names

    words = wanted.casefold().split()
    return [
        name
        for name in index_names(home, field)
        if all(word in name.casefold().replace(".", " ").split() for word in words)
        or name.casefold() == wanted.casefold()
    ]


def _hit(fields: dict[str, Any]) -> dict[str, Any]:
    snippet = fields["_snippet"]
    return {
        "id": fields["id"],
        "body": fields.get("body_name") or None,
        "meeting_date": fields.get("meeting_date") or None,
        "document_id": fields["document_id"],
        "document_kind": fields["document_kind"],
        "document_title": fields.get("document_title"),
        "item_number": fields.get("item_number") or None,
        "item_title": fields.get("item_title") or None,
        "section_title": fields.get("section_title") or None,
        "page": fields.get("page") or None,
        "snippet": snippet["snippet"],
        "score": fields["_score"],
        "highlighted": snippet["marked"],
        "highlights": snippet["spans"],
        "item_id": fields["item_id"],
        "meeting_id": fields.get("meeting_id"),
        "path": fields.get("path"),
        "has_resolution": bool(fields.get("has_resolution")),
    }


def hits_to_csv(hits: list[dict[str, Any]]) -> str:
    """The hits as CSV: CONTRACT.md's fields first, then the extras (lists as JSON)."""
    import json

    extras = [key for hit in hits[:1] for key in hit if key not in HIT_FIELDS]
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=[*HIT_FIELDS, *extras], extrasaction="ignore", lineterminator="\n"
    )
    writer.writeheader()
    for hit in hits:
        writer.writerow(
            {
                key: json.dumps(value) if isinstance(value, list | dict) else value
                for key, value in hit.items()
            }
        )
    return out.getvalue()
