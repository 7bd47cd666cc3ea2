"""What is derived from the record store after an ingest: the search index, then the action
tracker's evidence (which reads the updated store). Both can be rebuilt from the store, and
both know when they are behind it: the store records which index build holds each document
(`search.engine.agreement`), and counts document writes (`documents_version`), which the
evidence remembers as `evidence_version` when it is computed."""

from __future__ import annotations

from pathlib import Path

from minutebook.store import Store

EVIDENCE_VERSION = "evidence_version"
DOCUMENTS_VERSION = "documents_version"


def refresh_after_ingest(home: Path, store: Store, changed: list[str], removed: list[str]) -> None:
    """Bring the index up to date with ingested (`changed`) and `removed` documents, then the
    action tracker's evidence."""
    from search.engine import backend

    backend.update(home, store, changed, removed)
    refresh_tracker(home, store)


def refresh_tracker(home: Path, store: Store) -> None:
    """Recompute the tracker's evidence and remember which store version it reflects."""
    from search.tracker import refresh_evidence

    version = store.state(DOCUMENTS_VERSION) or "0"
    refresh_evidence(home, store)
    store.set_state(EVIDENCE_VERSION, version)


def ensure_evidence(home: Path, store: Store) -> bool:
    """Recompute the tracker's evidence if documents changed since it was computed (an
    ingest interrupted before its last step). Returns whether it did."""
    if store.state(EVIDENCE_VERSION) == (store.state(DOCUMENTS_VERSION) or "0"):
        return False
    refresh_tracker(home, store)
    return True


def bring_index_up_to_date(home: Path, store: Store, *, quiet: bool = False, settle: bool = True) -> None:
    """Index what the store holds and the index does not (see `search.engine.agreement`).
    `settle=False` (the catch-ups while an ingest runs) leaves the sections it replaces in
    the index's statistics until the next catch-up that settles: an ingest's last one."""
    from search.engine.agreement import ensure_current

    ensure_current(home, store, quiet=quiet, settle=settle)
