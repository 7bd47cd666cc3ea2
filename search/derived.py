"""What is derived from the record store after an ingest: the search index, then the action
tracker's evidence (which reads the updated store). Both can be rebuilt from the store."""

from __future__ import annotations

from pathlib import Path

from minutebook.store import Store


def refresh_after_ingest(home: Path, store: Store, changed: list[str], removed: list[str]) -> None:
    """Bring the index up to date with ingested (`changed`) and `removed` documents, then the
    action tracker's evidence."""
    from search.engine import backend
    from search.tracker import refresh_evidence

    backend.update(home, store, changed, removed)
    refresh_evidence(home, store)
