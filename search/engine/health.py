"""Health of the search index against the record store, and its repair (`minutebook check`).

`index_health` opens the live build and reads every segment's document ids (a missing or
truncated segment, a garbage table of contents shows up here as `problem`), then compares
what the index really holds with what the store holds: documents missing from the index,
documents it holds that the store no longer does, and build folders that are neither live
nor the one it replaced (left by an interrupted build). `repair_index` fixes all of it: a
damaged or disagreeing index is rebuilt from the store, a lagging one caught up, stray
builds removed.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from minutebook.home import index_path
from minutebook.store import Store
from search.engine import agreement, backend


@dataclass
class IndexHealth:
    """What `index_health` found. `problem` is None when the live index reads cleanly."""

    path: str | None
    problem: str | None = None
    sections: int = 0
    documents: int = 0
    missing: list[str] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)
    stray_builds: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        found = []
        if self.problem:
            found.append(f"search index damaged: {self.problem}")
        if self.missing:
            found.append(f"{len(self.missing)} stored document(s) missing from the search index")
        if self.orphans:
            found.append(
                f"{len(self.orphans)} document(s) in the search index that the store no longer holds"
            )
        if self.stray_builds:
            found.append(f"{len(self.stray_builds)} stray index build folder(s) left by an interrupted build")
        return found

    def as_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "problem": self.problem,
            "sections": self.sections,
            "documents": self.documents,
            "missing": len(self.missing),
            "orphans": len(self.orphans),
            "stray_builds": self.stray_builds,
        }


def index_health(home: Path, store: Store) -> IndexHealth:
    """Read the live index through and compare it with the store (changes nothing)."""
    live = backend.live_dir(home)
    health = IndexHealth(str(live) if live else None)
    stored = set(store.document_ids())
    previous = backend.previous_build(home)
    # A rebuild running in another process shows here too, until it goes live.
    health.stray_builds = [b.name for b in backend.builds(home) if b != live and b.name != previous]
    if live is None:
        health.missing = sorted(stored)
        return health
    try:
        held, health.sections = _documents_held(live)
    except backend.IndexDamaged as err:
        health.problem = str(err)
        return health
    health.documents = len(held)
    health.missing = sorted(stored - held)
    health.orphans = sorted(held - stored)
    return health


def _documents_held(live: Path) -> tuple[set[str], int]:
    """The document ids with at least one live (not deleted) section, and the section count,
    read from every segment; raises `IndexDamaged`."""
    ix = backend.open_index(live)
    try:
        with ix.searcher() as searcher:
            reader = searcher.reader()
            held: set[str] = set()
            for term in reader.lexicon("document_id"):
                postings = reader.postings("document_id", term)
                if any(not reader.is_deleted(docnum) for docnum in postings.all_ids()):
                    held.add(term.decode("utf-8") if isinstance(term, bytes) else term)
            count = reader.doc_count()
            # Stored fields live in their own part of each segment: read the last one.
            if reader.doc_count_all():
                reader.stored_fields(reader.doc_count_all() - 1)
            return held, count
    except backend.IndexDamaged:
        raise
    except backend.DAMAGE_ERRORS as err:
        raise backend.IndexDamaged(backend.damage_message(err)) from err


def repair_index(home: Path, store: Store, health: IndexHealth) -> list[str]:
    """Fix what `index_health` found; returns what was done, one line each."""
    done: list[str] = []
    pending_missing, pending_removals = backend.pending(home, store)
    untracked = set(health.missing) - set(pending_missing)
    if health.problem or health.orphans or untracked:
        # Damaged, or holding what the store says it does not: the store's record of the
        # index cannot be trusted, so the index is rebuilt from the store.
        backend.forget_searcher(home)
        count = backend.build(home, store, discard_live=True)
        done.append(f"rebuilt the search index from the record store ({count} sections)")
    elif health.missing or pending_removals:
        caught = agreement.ensure_current(home, store)
        done.append(f"indexed {caught.added} missing document(s), dropped {caught.dropped}")
    stray = [name for name in health.stray_builds if (index_path(home) / name).exists()]
    if stray:
        with backend.writer_lock(home):
            live = backend.live_dir(home)
            for name in stray:
                if live is None or name != live.name:
                    shutil.rmtree(index_path(home) / name, ignore_errors=True)
        done.append(f"removed {len(stray)} stray index build folder(s)")
    return done
