"""What a digest compares with: every hit of a saved search now, and the actions' statuses
now, against what the store remembers having shown (`watch_seen`, `watch_actions`)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from minutebook.store import Store
from search.engine import SearchRequest, search_papers
from search.tracker import list_actions

# The filters a saved search keeps: `search.SearchRequest`'s, minus paging and sorting.
FILTER_KEYS = ("body", "kind", "date_from", "date_to", "person", "org")
BASELINE_KEY = "actions_baseline_at"


def all_hits(home: Path, query: str, filters: dict[str, Any]) -> tuple[int, list[dict[str, Any]]]:
    """Every hit of a saved search (one per agenda item, as search groups them), newest
    meeting first; and the total."""
    kept = {key: value for key, value in filters.items() if key in FILTER_KEYS}
    total = search_papers(home, SearchRequest(query=query, limit=0, **kept))["total"]
    if not total:
        return 0, []
    hits = search_papers(home, SearchRequest(query=query, limit=total, **kept))["hits"]
    hits.sort(key=lambda hit: (hit.get("meeting_date") or "", hit.get("score") or 0), reverse=True)
    return total, hits


def hit_key(hit: dict[str, Any]) -> str:
    """What identifies a hit across runs: its agenda item (a content id, stable while the
    paper is unchanged), else its section."""
    return str(hit.get("item_id") or hit["id"])


def current_hit_keys(home: Path, query: str, filters: dict[str, Any]) -> list[str]:
    return [hit_key(hit) for hit in all_hits(home, query, filters)[1]]


def seen_hit_keys(store: Store, watch_id: int) -> set[str]:
    return {
        row["hit_key"]
        for row in store.query("SELECT hit_key FROM watch_seen WHERE watch_id = ?", (watch_id,))
    }


def current_actions(store: Store, as_of: str | None) -> list[dict[str, Any]]:
    """Every action with its status as of `as_of` (the tracker's `actions --json` rows)."""
    return list(list_actions(store, status="all", as_of=as_of))


def remembered_statuses(store: Store) -> dict[str, str] | None:
    """Action id -> the status last shown; None before any baseline was taken."""
    if not store.query("SELECT 1 FROM watch_state WHERE key = ?", (BASELINE_KEY,)):
        return None
    return {
        row["action_id"]: row["status"] for row in store.query("SELECT action_id, status FROM watch_actions")
    }


def save_statuses(store: Store, statuses: dict[str, str]) -> None:
    """Remember `statuses` as what has been shown (replacing the previous snapshot)."""
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S")
    with store.transaction() as db:
        db.execute("DELETE FROM watch_actions")
        db.executemany(
            "INSERT INTO watch_actions(action_id, status, seen_at) VALUES (?, ?, ?)",
            [(action_id, status, stamp) for action_id, status in statuses.items()],
        )
        db.execute(
            "INSERT OR REPLACE INTO watch_state(key, value) VALUES (?, ?)",
            (BASELINE_KEY, stamp),
        )


def baseline_actions(store: Store, as_of: str | None = None) -> None:
    """Take the first snapshot of the actions' statuses, if none was taken yet: a digest
    reports changes after it, not the whole archive as new."""
    if remembered_statuses(store) is None:
        save_statuses(store, {a["id"]: a["status"] for a in current_actions(store, as_of)})
