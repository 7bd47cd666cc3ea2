"""`minutebook check [--repair]`: the health of the record store and the search index.

Order matters: the store is the system of record, so it is checked (and recovered) first;
the index is then checked against it and, on `--repair`, rebuilt from it. A recovered store
always gets a new index (the old one described the damaged file). Documents a recovery could
not bring back whole are dropped with their file records, and their paths are listed: the
next `minutebook ingest` reads them again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from minutebook.home import store_path
from minutebook.recovery import StoreUnreadable, recover_store, store_health, tidy_store
from minutebook.store import open_store


def run_check(home: Path, *, repair: bool) -> dict[str, Any]:
    """Check (and with `repair`, fix) the store and index under `home`: the JSON of
    `minutebook check --json` (README)."""
    from search import ensure_evidence
    from search.engine.health import IndexHealth, index_health, repair_index

    path = store_path(home)
    repairs: list[str] = []
    reingest: list[str] = []
    health = store_health(path)
    found = list(health.problems)
    recovered = False
    if health.damaged and repair:
        try:
            recovery = recover_store(path)
        except StoreUnreadable as err:
            found.append(str(err))
        else:
            recovered = True
            repairs.append(
                f"recovered the record store ({recovery.method}) into a new file;"
                f" the damaged file is kept as {recovery.damaged_copy}"
            )
            health = store_health(path)
    index = IndexHealth(None)
    if not health.damaged and health.exists:
        with open_store(home) as store:
            if repair and (health.orphan_rows or health.orphan_files or health.incomplete_documents):
                reingest = tidy_store(store)
                repairs.append(
                    "dropped rows of documents the store no longer holds and documents that lost rows"
                    + (f"; {len(reingest)} file(s) to ingest again" if reingest else "")
                )
                health = store_health(path)
            index = index_health(home, store)
            found += [p for p in index.problems if p not in found]
            if repair:
                if recovered:
                    index.problem = index.problem or "the record store was recovered"
                repairs += repair_index(home, store, index)
                if ensure_evidence(home, store):
                    repairs.append("recomputed the action tracker's evidence")
                index = index_health(home, store)
    problems = health.problems + index.problems
    return {
        "ok": not problems,
        "store": health.as_json(),
        "index": index.as_json(),
        "found": found,
        "problems": problems,
        "repairs": repairs,
        "reingest": reingest,
    }
