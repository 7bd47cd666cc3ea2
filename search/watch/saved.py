"""Saved searches in the store: a query and the search filters, as `minutebook search` takes
them. Adding one marks its current hits as seen, so it reports only what arrives later."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from minutebook.store import Store
from search.watch.seen import FILTER_KEYS, baseline_actions, current_hit_keys


def add_watch(
    home: Path, store: Store, query: str, filters: dict[str, Any] | None = None, as_of: str | None = None
) -> dict[str, Any]:
    """Save a search; its current hits (and, the first time, the actions' statuses as of
    `as_of`, default today) become the baseline the next digest compares with."""
    if not query.strip():
        raise ValueError("a saved search needs a query")
    kept = {key: value for key, value in (filters or {}).items() if key in FILTER_KEYS and value}
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S")
    keys = current_hit_keys(home, query, kept)
    with store.transaction() as db:
        cursor = db.execute(
            "INSERT INTO watches(query, filters, created_at) VALUES (?, ?, ?)",
            (query, json.dumps(kept, sort_keys=True), stamp),
        )
        watch_id = int(cursor.lastrowid or 0)
        db.executemany(
            "INSERT OR IGNORE INTO watch_seen(watch_id, hit_key, seen_at) VALUES (?, ?, ?)",
            [(watch_id, key, stamp) for key in keys],
        )
    baseline_actions(store, as_of)
    return next(w for w in list_watches(store) if w["id"] == watch_id)


def list_watches(store: Store) -> list[dict[str, Any]]:
    """Every saved search, oldest first: id, query, filters, created_at, last_run_at."""
    return [
        {**row, "filters": json.loads(row["filters"] or "{}")}
        for row in store.query("SELECT id, query, filters, created_at, last_run_at FROM watches ORDER BY id")
    ]


def remove_watch(store: Store, watch_id: int) -> bool:
    """Forget a saved search and what it has shown; False when there is no such search."""
    with store.transaction() as db:
        gone = db.execute("DELETE FROM watches WHERE id = ?", (watch_id,)).rowcount
        db.execute("DELETE FROM watch_seen WHERE watch_id = ?", (watch_id,))
    return bool(gone)
