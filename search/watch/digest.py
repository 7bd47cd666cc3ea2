"""What is new since the last look, and remembering that it has been shown.

`whats_new` only reads: for each saved search, the hits whose agenda item it has not shown
before; actions that were not there before; actions whose status turned `overdue` or `done`
(with the evidence that delivered them) since the last snapshot. `remember` then records a
digest as shown, so each new hit and each change appears in exactly one digest. An action
turning back to `open` (a user rejected its evidence) is remembered, not reported.

The UI shows a digest on every rerun and remembers it only when asked; `run_watches` is
the command line's `watch run`: both steps at once.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from minutebook.store import Store
from search.engine import HIT_FIELDS
from search.watch.saved import list_watches
from search.watch.seen import (
    all_hits,
    current_actions,
    hit_key,
    remembered_statuses,
    save_statuses,
    seen_hit_keys,
)

# What a digest shows of each hit: the CONTRACT hit fields but the score (a digest lists what
# is new, not how well it matched), and where the hit sits, to link it.
DIGEST_HIT_FIELDS = (*(name for name in HIT_FIELDS if name != "score"), "item_id", "meeting_id", "path")


@dataclass
class Digest:
    """One look at what is new. `view()` is `watch run --json`'s shape (README.md); the
    rest is what `remember` records."""

    as_of: str
    since: str | None
    searches: list[dict[str, Any]]
    new_actions: list[dict[str, Any]]
    newly_overdue: list[dict[str, Any]]
    newly_done: list[dict[str, Any]]
    baseline: bool
    hit_keys: dict[int, list[str]] = field(default_factory=dict)
    action_statuses: dict[str, str] = field(default_factory=dict)

    @property
    def count(self) -> int:
        """How many things are new (hits, actions, status changes)."""
        hits = sum(len(search["new"]) for search in self.searches)
        return hits + len(self.new_actions) + len(self.newly_overdue) + len(self.newly_done)

    def view(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of,
            "since": self.since,
            "new": self.count,
            "searches": self.searches,
            "new_actions": self.new_actions,
            "newly_overdue": self.newly_overdue,
            "newly_done": self.newly_done,
            "baseline": self.baseline,
        }


def whats_new(home: Path, store: Store, as_of: str | None = None) -> Digest:
    """The digest as of `as_of` (default today); reads only (see the module docstring)."""
    as_of = as_of or date.today().isoformat()
    watches = list_watches(store)
    searches = []
    hit_keys: dict[int, list[str]] = {}
    for watch in watches:
        total, hits = all_hits(home, watch["query"], watch["filters"])
        seen = seen_hit_keys(store, watch["id"])
        hit_keys[watch["id"]] = [hit_key(hit) for hit in hits]
        searches.append(
            {
                "id": watch["id"],
                "query": watch["query"],
                "filters": watch["filters"],
                "total": total,
                "last_run_at": watch["last_run_at"],
                "new": [_hit_view(hit) for hit in hits if hit_key(hit) not in seen],
            }
        )
    actions = current_actions(store, as_of)
    before = remembered_statuses(store)
    new_actions: list[dict[str, Any]] = []
    overdue: list[dict[str, Any]] = []
    done: list[dict[str, Any]] = []
    if before is not None:
        for action in actions:
            previous = before.get(action["id"])
            if previous is None:
                new_actions.append(action)
            elif previous != action["status"] and action["status"] == "overdue":
                overdue.append(action)
            elif previous != action["status"] and action["status"] == "done":
                done.append(action)
    runs = [w["last_run_at"] for w in watches if w["last_run_at"]]
    return Digest(
        as_of=as_of,
        since=max(runs) if runs else None,
        searches=searches,
        new_actions=new_actions,
        newly_overdue=overdue,
        newly_done=done,
        baseline=before is None,
        hit_keys=hit_keys,
        action_statuses={a["id"]: a["status"] for a in actions},
    )


def remember(store: Store, digest: Digest) -> None:
    """Record `digest` as shown: its searches' hits are seen and the actions' statuses are
    the new snapshot. Hits that arrived after the digest was made stay new."""
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S")
    with store.transaction() as db:
        for watch_id, keys in digest.hit_keys.items():
            if not db.execute("SELECT 1 FROM watches WHERE id = ?", (watch_id,)).fetchone():
                continue  # removed since the digest was made
            db.executemany(
                "INSERT OR IGNORE INTO watch_seen(watch_id, hit_key, seen_at) VALUES (?, ?, ?)",
                [(watch_id, key, stamp) for key in keys],
            )
            db.execute("UPDATE watches SET last_run_at = ? WHERE id = ?", (stamp, watch_id))
    save_statuses(store, digest.action_statuses)


def run_watches(home: Path, store: Store, as_of: str | None = None) -> Digest:
    """`watch run`: the digest, then remember it."""
    digest = whats_new(home, store, as_of)
    remember(store, digest)
    return digest


def _hit_view(hit: dict[str, Any]) -> dict[str, Any]:
    return {key: hit.get(key) for key in DIGEST_HIT_FIELDS}
