"""Rebuilding the index from the record store (`minutebook reindex`)."""

from __future__ import annotations

from pathlib import Path

from minutebook.store import Store


def rebuild(home: Path, store: Store, procs: int | None = None) -> int:
    """Rebuild the whole index from the store, aside, then swap it in. Returns sections indexed.

    A large archive is written by `procs` processes (default: every core)."""
    from search.engine import backend

    return backend.build(home, store, procs=procs)
