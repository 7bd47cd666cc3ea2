"""The action tracker (being written): follows each action to the later paper that delivers it."""

from __future__ import annotations

from pathlib import Path

from minutebook.store import Store


def refresh_evidence(home: Path, store: Store) -> None:
    """Recompute the `action_evidence` table for every action (placeholder: no-op for now)."""
    del home, store
