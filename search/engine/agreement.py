"""Store and index agree before anything is searched or answered.

The record store is the system of record and says, per document, which index build holds it
(`Store.documents_not_in`) and which removed documents the index may still hold
(`Store.index_removals`). `prepare(home)` runs before every search and answer: it indexes
what is missing and drops what was removed (a crashed or interrupted ingest, a worker killed
mid-batch, a disk that filled up), and rebuilds an index it finds damaged, saying so in one
line on stderr (the `minutebook` logger). What it cannot fix (a read-only home, a full disk)
is reported the same way and the search goes on over what the index holds.

Invariant: after `prepare` returns without a warning, every stored document is searchable
and no removed one is.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from minutebook.home import store_path
from minutebook.store import Store, open_store
from search.engine import backend
from search.engine.backend import IndexDamaged

log = logging.getLogger("minutebook")


def prepare(home: Path) -> None:
    """Bring the index of `home` up to date with its store, rebuilding it if damaged."""
    if not store_path(home).exists():
        return
    with open_store(home) as store:
        ensure_current(home, store)


def ensure_current(home: Path, store: Store, *, quiet: bool = False, settle: bool = True) -> backend.CatchUp:
    """`prepare` with an open store; returns what was done. `quiet` leaves out the line for
    a routine catch-up (an ingest indexing as it goes), never the one for a problem;
    `settle=False` leaves replaced sections in the statistics for a later catch-up to purge
    (`backend.catch_up`: a running ingest's catch-ups)."""
    try:
        done = backend.catch_up(home, store, settle=settle)
        backend.check_readable(home)
    except IndexDamaged as err:
        return rebuild_damaged(home, store, str(err))
    except (OSError, sqlite3.OperationalError) as err:
        missing, removals = backend.pending(home, store)
        log.warning(
            "the search index lacks %d stored document(s) and could not be brought up to date (%s);"
            " searching what it holds",
            len(missing) + len(removals),
            _reason(err),
        )
        return backend.CatchUp()
    if quiet:
        return done
    if done.rebuilt:
        log.warning("built the search index from the record store: %d document(s)", done.added)
    elif done:
        log.warning(
            "the search index was behind the record store: indexed %d document(s), dropped %d",
            done.added,
            done.dropped,
        )
    return done


def rebuild_damaged(home: Path, store: Store, reason: str) -> backend.CatchUp:
    """Replace a damaged index with a new build from the store (the damaged one is removed)."""
    log.warning("the search index is damaged (%s); rebuilding it from the record store", reason)
    backend.forget_searcher(home)
    count = backend.build(home, store, discard_live=True)
    log.warning("search index rebuilt: %d sections", count)
    return backend.CatchUp(len(store.document_ids()), 0, count, rebuilt=True)


def recover(home: Path, err: IndexDamaged) -> None:
    """After a search found the index damaged mid-read: rebuild it from the store."""
    with open_store(home) as store:
        rebuild_damaged(home, store, str(err))


def _reason(err: BaseException) -> str:
    if isinstance(err, OSError) and err.strerror:
        return err.strerror.lower() if err.errno != 28 else "the disk is full"
    return str(err)
