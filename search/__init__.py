"""minutebook's search: the public front over a private engine (Whoosh today).

Callers (the CLI, the UI, ask/tracker) use only what `__all__` names; the engine lives in
`_schema` (fields), `_query` (user text -> queries) and `_backend` (index on disk,
writers, searchers), so another engine can replace it without touching callers. The index
is derived from the record store and can be rebuilt from it at any time (`rebuild`).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from minutebook.store import Store

__all__ = [
    "HIT_FIELDS",
    "SearchRequest",
    "hits_to_csv",
    "rebuild",
    "refresh_after_ingest",
    "search_papers",
]

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
    """One search as a user asks it. Dates are ISO `YYYY-MM-DD`; `sort` is relevance|date."""

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


def search_papers(home: Path, request: SearchRequest) -> dict[str, Any]:
    """Run `request` against the index under `home`: CONTRACT.md's `search --json` shape,
    plus `notes` (how the query was read). Never raises for bad query text."""
    from search import _backend, _query
    from search._schema import get_schema

    parsed = _query.parse_user_query(request.query, get_schema())
    notes = list(parsed.notes)
    filters = _query.Filters(
        body=request.body,
        kind=request.kind,
        date_from=request.date_from,
        date_to=request.date_to,
        person=_resolve_names(home, "person", request.person),
        org=_resolve_names(home, "organisation", request.org),
    )
    filter_q = _query.filter_query(filters, notes)
    sort = request.sort if request.sort in ("relevance", "date") else "relevance"
    outcome, stored = _backend.run(
        home, parsed.query, filter_q, sort, max(0, request.limit), max(0, request.offset)
    )
    if _backend.live_dir(home) is None:
        notes.append("there is no search index yet: run `minutebook ingest PATH` or `minutebook reindex`")
    return {
        "query": request.query,
        "total": outcome.total,
        "hits": [_hit(fields) for fields in stored],
        "facets": outcome.facets,
        "notes": notes,
        "sort": sort,
        "limit": request.limit,
        "offset": request.offset,
    }


def _resolve_names(home: Path, field: str, wanted: str | None) -> list[str] | None:
    """Canonical names whose words include all of `wanted`'s ("Joyce" -> "Mr J Joyce")."""
    if not wanted:
        return None
    from search._backend import index_names

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


def rebuild(home: Path, store: Store, procs: int | None = None) -> int:
    """Rebuild the whole index from the store, aside, then swap it in. Returns sections indexed.

    A large archive is written by `procs` processes (default: every core)."""
    from search import _backend

    return _backend.build(home, store, procs=procs)


def refresh_after_ingest(home: Path, store: Store, changed: list[str], removed: list[str]) -> None:
    """Bring the index up to date with ingested (`changed`) and `removed` documents, then the
    action tracker's evidence (which searches the updated store)."""
    from search import _backend

    _backend.update(home, store, changed, removed)
    try:
        from search import tracker
    except ModuleNotFoundError as err:  # no tracker module yet: nothing else to refresh
        if err.name != "search.tracker":
            raise
        return
    refresh = getattr(tracker, "refresh_evidence", None)
    if refresh is not None:  # absent only while the tracker is being written
        refresh(home, store)
