"""Health of the record store, and recovery of a damaged one without ever losing a copy.

`store_health(path)` reports SQLite's own integrity check, row counts, orphan rows (rows
extracted from a document the store no longer holds, paths pointing at no document) and
documents left incomplete (fewer rows in some table than the document wrote).

`recover_store(path)` copies what SQLite can still read of a damaged file into a new file
beside it, and only then swaps names:

1. the copy is made by SQLite itself: `VACUUM INTO` (when every page still reads), else the
   `sqlite3` shell's `.recover` (which reads around damaged pages), else, when that shell is
   not installed, table by table, stepping over the rows that cannot be read;
2. the copy must pass `PRAGMA integrity_check`, or nothing is swapped;
3. the damaged file (with its `-wal` and `-shm`, which belong to it) is renamed to
   `<name>.damaged-<time>`, then the copy takes the store's name. The damaged file is never
   deleted or written: the only copy of anything is never overwritten.

`tidy_store(store)` then drops orphan rows and incomplete documents (and the file records
that point at them, so the next ingest reads those files again).

Imports: the standard library and `minutebook.store`.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from minutebook.store import _PER_DOCUMENT_TABLES, Store

# How far the table-by-table copy jumps ahead in rowids after a read fails, at most.
_MAX_SKIP = 1 << 20
_SIDE_FILES = ("-wal", "-shm")


class StoreUnreadable(Exception):
    """The store cannot be opened or read; `str(err)` says why and what to run."""


def damage_hint(path: Path, err: BaseException) -> str:
    """The one-line message for a store SQLite cannot read."""
    return (
        f"the record store {path} is damaged ({err}); run `minutebook check --repair`"
        " to recover it into a new file (the damaged one is kept beside it)"
    )


def is_damage(err: BaseException) -> bool:
    """SQLite's errors for a damaged file (not for a locked or full one)."""
    text = str(err).lower()
    return isinstance(err, sqlite3.DatabaseError) and any(
        phrase in text for phrase in ("malformed", "not a database", "file is encrypted", "corrupt")
    )


# --------------------------------------------------------------------- health


@dataclass
class StoreHealth:
    """What `store_health` found. `integrity` is "ok" or SQLite's first complaints."""

    path: str
    exists: bool
    integrity: str = "ok"
    counts: dict[str, int] = field(default_factory=dict)
    orphan_rows: dict[str, int] = field(default_factory=dict)
    orphan_files: int = 0
    incomplete_documents: list[str] = field(default_factory=list)

    @property
    def damaged(self) -> bool:
        return self.exists and self.integrity != "ok"

    @property
    def problems(self) -> list[str]:
        found = []
        if self.damaged:
            found.append(f"record store damaged: {self.integrity}")
        for table, count in self.orphan_rows.items():
            found.append(f"{count} {table} row(s) of documents the store no longer holds")
        if self.orphan_files:
            found.append(f"{self.orphan_files} ingested path(s) pointing at no stored document")
        if self.incomplete_documents:
            found.append(f"{len(self.incomplete_documents)} document(s) missing some of their rows")
        return found

    def as_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "exists": self.exists,
            "integrity": self.integrity,
            "counts": self.counts,
            "orphan_rows": self.orphan_rows,
            "orphan_files": self.orphan_files,
            "incomplete_documents": self.incomplete_documents,
        }


def integrity(db: sqlite3.Connection) -> str:
    """ "ok", or the first few problems SQLite's integrity check reports, on one line."""
    try:
        rows = [row[0] for row in db.execute("PRAGMA integrity_check(5)")]
    except sqlite3.DatabaseError as err:
        return str(err)
    return "ok" if rows == ["ok"] else "; ".join(" ".join(str(r).split()) for r in rows)


def store_health(path: Path) -> StoreHealth:
    """Check the store file at `path` without changing it (a missing store is healthy: empty)."""
    health = StoreHealth(str(path), path.exists())
    if not health.exists:
        return health
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    except sqlite3.DatabaseError as err:
        health.integrity = str(err)
        return health
    try:
        health.integrity = integrity(db)
        if health.integrity != "ok":
            return health
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table in ("documents", "meetings", "items", "sections", "files", *_PER_DOCUMENT_TABLES[3:]):
            if table in tables:
                health.counts[table] = db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        for table in _PER_DOCUMENT_TABLES:
            if table == "action_evidence" or table not in tables:
                continue
            (count,) = db.execute(
                f"SELECT COUNT(*) FROM {table} WHERE document_id NOT IN (SELECT id FROM documents)"
            ).fetchone()
            if count:
                health.orphan_rows[table] = count
        if "files" in tables:
            (health.orphan_files,) = db.execute(
                "SELECT COUNT(*) FROM files WHERE document_id NOT IN (SELECT id FROM documents)"
            ).fetchone()
    except sqlite3.DatabaseError as err:
        health.integrity = str(err)
    finally:
        db.close()
    if health.integrity == "ok":
        with Store(path) as store:
            health.incomplete_documents = store.incomplete_documents()
    return health


def tidy_store(store: Store) -> list[str]:
    """Drop orphan rows and incomplete documents; returns the paths whose files must be
    ingested again (their documents were incomplete or gone)."""
    reread: list[str] = []
    incomplete = store.incomplete_documents()
    with store.transaction() as db:
        for document_id in incomplete:
            store.remove_document_rows(document_id)
        reread = [
            row[0]
            for row in db.execute(
                "SELECT path FROM files WHERE document_id NOT IN (SELECT id FROM documents) ORDER BY path"
            )
        ]
        db.execute("DELETE FROM files WHERE document_id NOT IN (SELECT id FROM documents)")
        for table in _PER_DOCUMENT_TABLES:
            db.execute(f"DELETE FROM {table} WHERE document_id NOT IN (SELECT id FROM documents)")
        db.execute("DELETE FROM meetings WHERE id NOT IN (SELECT meeting_id FROM documents)")
    return reread


# ------------------------------------------------------------------- recovery


@dataclass
class Recovery:
    """What `recover_store` did: how the copy was made, where the damaged file now is, and
    the rows copied per table."""

    method: str
    damaged_copy: str
    rows: dict[str, int]


def recover_store(path: Path) -> Recovery:
    """Recover the damaged store at `path` into a new file and swap it in (module docstring).
    Raises `StoreUnreadable` when no copy that passes the integrity check can be made."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    copy = path.with_name(f"{path.name}.recovered-{stamp}")
    wanted = _table_names(path)
    best: tuple[int, str, Path] | None = None
    # A whole copy when every page reads; else the shell's `.recover` and the row-by-row copy
    # both try, and the copy that kept more rows wins (the shell may be missing, or broken:
    # Debian's 3.40.1 fails on every file with "SQL logic error").
    attempts = (("vacuum-into", _vacuum_into), ("sqlite3-recover", _shell_recover), ("rows", _copy_rows))
    for name, attempt in attempts:
        candidate = copy.with_name(f"{copy.name}-{name}")
        _remove_with_side_files(candidate)
        try:
            made = attempt(path, candidate) and _passes(candidate, wanted)
        except (sqlite3.DatabaseError, OSError, subprocess.SubprocessError):
            made = False
        if not made:
            _remove_with_side_files(candidate)
            continue
        rows = sum(_row_counts(candidate).values())
        if best is None or rows > best[0]:
            if best is not None:
                _remove_with_side_files(best[2])
            best = (rows, name, candidate)
        else:
            _remove_with_side_files(candidate)
        if name == "vacuum-into":
            break  # every row was read: nothing can do better
    if best is None:
        raise StoreUnreadable(f"could not recover anything readable from {path}")
    _rows, method, made_copy = best
    made_copy.rename(copy)
    damaged = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in _SIDE_FILES:
        side = Path(f"{path}{suffix}")
        if side.exists():
            side.rename(f"{damaged}{suffix}")
    path.rename(damaged)
    copy.rename(path)
    return Recovery(method, str(damaged), _row_counts(path))


# The tables a copy must have when the damaged file's own list cannot be read.
_CORE_TABLES = {"documents", "files", "pages", "items", "sections"}


def _table_names(path: Path) -> set[str]:
    """The tables the damaged file says it has (the core ones if it cannot say)."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            db.close()
    except sqlite3.DatabaseError:
        return set(_CORE_TABLES)
    return {name for name in names if not name.startswith("sqlite_")} or set(_CORE_TABLES)


def _passes(copy: Path, wanted: set[str]) -> bool:
    """The copy passes SQLite's integrity check and has every table the store had."""
    if not copy.exists():
        return False
    db = sqlite3.connect(copy)
    try:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return wanted <= tables and integrity(db) == "ok"
    finally:
        db.close()


def _remove_with_side_files(path: Path) -> None:
    for candidate in (path, *(Path(f"{path}{suffix}") for suffix in _SIDE_FILES)):
        candidate.unlink(missing_ok=True)


def _vacuum_into(source: Path, copy: Path) -> bool:
    """SQLite's own copy of every row; fails on the first page it cannot read."""
    db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        db.execute("VACUUM INTO ?", (str(copy),))
    finally:
        db.close()
    return True


def _shell_recover(source: Path, copy: Path) -> bool:
    """The `sqlite3` shell's `.recover`: reads every page it can, around damaged ones."""
    shell = shutil.which("sqlite3")
    if shell is None:
        return False
    dump = subprocess.run(
        [shell, "-readonly", str(source), ".recover --ignore-freelist"],
        capture_output=True,
        timeout=3600,
        check=False,
    )
    if not dump.stdout:
        return False
    load = subprocess.run(
        [shell, str(copy)], input=dump.stdout, capture_output=True, timeout=3600, check=False
    )
    if load.returncode != 0 or not copy.exists():
        return False
    _drop_lost_and_found(copy)
    return True


def _drop_lost_and_found(copy: Path) -> None:
    """`.recover` puts rows it cannot place in a `lost_and_found` table; the store does not
    use them (their documents are re-read from their files)."""
    db = sqlite3.connect(copy)
    try:
        for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'lost_and_found%'"
        ).fetchall():
            db.execute(f'DROP TABLE "{name}"')
        db.commit()
    finally:
        db.close()


def _copy_rows(source: Path, copy: Path) -> bool:
    """Table by table, every row that reads, stepping over ranges of rowids that do not."""
    old = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    new = sqlite3.connect(copy)
    try:
        schema = old.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
        (version,) = old.execute("PRAGMA user_version").fetchone()
        for kind, _name, sql in schema:
            if kind == "table":
                new.execute(sql)
        for kind, name, _sql in schema:
            if kind == "table":
                _copy_table(old, new, name)
        for kind, _name, sql in schema:
            if kind in ("index", "trigger", "view"):
                try:
                    new.execute(sql)
                except sqlite3.IntegrityError:
                    continue  # a unique index the surviving rows no longer satisfy
        new.execute(f"PRAGMA user_version = {int(version)}")
        new.commit()
    finally:
        old.close()
        new.close()
    return True


def _copy_table(old: sqlite3.Connection, new: sqlite3.Connection, table: str) -> None:
    columns = [row[1] for row in old.execute(f'PRAGMA table_info("{table}")')]
    marks = ", ".join("?" * (len(columns) + 1))
    names = ", ".join(f'"{c}"' for c in columns)
    insert = f'INSERT OR IGNORE INTO "{table}"(rowid, {names}) VALUES ({marks})'
    select = f'SELECT rowid, {names} FROM "{table}" WHERE rowid > ? ORDER BY rowid'
    last = 0  # rowids of ordinary tables start at 1
    skip = 1
    while True:
        try:
            for row in old.execute(select, (last,)):
                new.execute(insert, row)
                last = row[0]
                skip = 1
            return
        except sqlite3.DatabaseError:
            # A damaged page: jump ahead, further each time the jump lands in damage again.
            if skip > _MAX_SKIP:
                return
            last += skip
            skip *= 2


def _row_counts(path: Path) -> dict[str, int]:
    db = sqlite3.connect(path)
    try:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in sorted(tables)}
    finally:
        db.close()
