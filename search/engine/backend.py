"""The Whoosh engine: where the index lives, how it is written, and how it is searched.

Invariants:

* The index lives in `index_path(home)/<build>/`; the file `CURRENT` beside the builds names
  the live one. A rebuild writes a new build folder and then replaces `CURRENT` in one
  `os.replace`, so a reader sees either the old complete index or the new complete one.
* One writer at a time: every writer (rebuild or incremental update) holds an exclusive
  `flock` on `writer.lock`, and Whoosh's own write lock is retried briefly on `LockError`.
* Writers and searchers are used only through context managers. The searcher is cached per
  live build and refreshed when a writer has committed a new generation; its query evaluator
  (`vector.VectorIndex`) and per-docnum facet table are cached with it, so a search reads
  posting lists as arrays and never reads stored fields except for the page it shows.
* Facets and totals count *items* (one hit per item: its best section), over all matches.
* Store and index agree: every writer records in the store which build now holds which
  documents (`Store.mark_indexed`, after its commit), so `search.engine.agreement` can tell
  what the index is missing after any crash.
* Replaced sections leave the statistics once an ingest ends (`catch_up`'s `settle`): the
  routine catch-ups of a running ingest only mark the old copies deleted (the entity pass
  replaces every paper it reads), and the store records that the live build holds such
  copies (`UNSETTLED`); the first catch-up that settles (the ingest's last, or any search's
  `prepare` after an interrupted one) rewrites every segment holding deletions once, so the
  term and length statistics, and so every score, equal those of a fresh `reindex`. Purging
  at every catch-up instead rewrote the same recent segments, in Python, each time a batch
  of entities landed: 17 of 33.5 s of a one-process ingest of the real folders.
* A damaged index (a missing or truncated segment, a garbage table of contents) raises
  `IndexDamaged` from opening or reading it, never Whoosh's or the file system's own errors;
  the index is derived, so the remedy is always a rebuild from the store. A write that fails
  (disk full) removes what it left in the build before the error goes on.
"""

from __future__ import annotations

import os
import pickle
import shutil
import struct
import threading
import time
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import index, query
from whoosh.codec.whoosh3 import W3Codec
from whoosh.index import TOC, LockError
from whoosh.reading import EmptyReader, SegmentReader
from whoosh.searching import Searcher
from whoosh.writing import MERGE_SMALL, IndexWriter

from minutebook.home import index_path
from minutebook.store import Store
from minutebook.text import body_key
from search.engine import columns
from search.engine.columns import MULTI_FACETS, SINGLE_FACETS, FacetTable, IndexColumns
from search.engine.fastwrite import FastSegmentWriter
from search.engine.schema import DEFAULT_FIELDS, MULTI_SEP, get_schema, section_fields
from search.engine.snippets import SNIPPET_MAX_CHARS, make_snippet  # noqa: F401  (re-exported)
from search.engine.vector import Matches, VectorIndex
from search.engine.whoosh_fixes import apply as _apply_whoosh_fixes

_apply_whoosh_fixes()

CURRENT = "CURRENT"
# Names the build CURRENT replaced, kept for readers that may still be opening it; any other
# build folder is left over from an interrupted build (`minutebook check` removes it).
PREVIOUS = "PREVIOUS"
# Posting buffer per writer process before Whoosh spills a sorted run to disk (pickling
# every posting): large enough that a 100k-section build never spills.
LIMIT_MB = 1024
# Postings per block on disk. Whoosh's default (128) suits its posting-at-a-time matchers;
# `vector` reads whole lists, where every block costs a fixed decompress and unpickle.
POSTING_BLOCK = 1024
WRITER_LOCK = "writer.lock"
# Store state: the name of the live build while it holds deleted (replaced or removed) sections
# whose statistics a settling catch-up has not yet purged.
UNSETTLED = "index_unsettled"
LOCK_WAIT_SECONDS = 30.0

# Every section with its item, document and meeting (the meeting's body name, so papers that
# spell the committee differently, "&" or "and", share one facet value); then items without sections, indexed
# as one pseudo-section (id = item id) so that one-line agenda entries can be found too.
SECTION_ROWS_SQL = """
SELECT s.id AS section_id, s.title AS section_title, s.number AS section_number,
       s.page AS page, s.text AS text, s.position AS section_position,
       i.id AS item_id, i.number AS item_number, i.title AS item_title,
       i.position AS item_position, i.page_start AS page_start, i.page_end AS page_end,
       d.id AS document_id, d.kind AS document_kind, d.title AS document_title,
       d.path AS path, COALESCE(m.body, d.body) AS body, d.meeting_id AS meeting_id,
       d.meeting_date AS meeting_date
FROM sections s JOIN items i ON i.id = s.item_id JOIN documents d ON d.id = s.document_id
LEFT JOIN meetings m ON m.id = d.meeting_id
WHERE d.id IN ({ids})
UNION ALL
SELECT i.id, NULL, NULL, COALESCE(i.page_start, 1), i.text, 0,
       i.id, i.number, i.title, i.position, i.page_start, i.page_end,
       d.id, d.kind, d.title, d.path, COALESCE(m.body, d.body), d.meeting_id, d.meeting_date
FROM items i JOIN documents d ON d.id = i.document_id LEFT JOIN meetings m ON m.id = d.meeting_id
WHERE d.id IN ({ids}) AND NOT EXISTS (SELECT 1 FROM sections s WHERE s.item_id = i.id)
ORDER BY document_id, item_position, section_position
"""


# ------------------------------------------------------------------ location


class IndexDamaged(Exception):
    """The index on disk cannot be read (a segment missing or cut short, a garbage table of
    contents). `str(err)` says what was found; the remedy is a rebuild from the store."""


# What reading a damaged Whoosh index raises: a missing segment file, a file cut short, a
# table of contents or segment that does not unpickle or unpack, or Whoosh's own complaint
# about a table of contents it cannot make sense of.
DAMAGE_ERRORS: tuple[type[BaseException], ...] = (
    FileNotFoundError,
    EOFError,
    struct.error,
    zlib.error,
    pickle.UnpicklingError,
    index.IndexError,
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    ImportError,
)


def damage_message(err: BaseException) -> str:
    """One line naming what is wrong with the index files (for `IndexDamaged`)."""
    if isinstance(err, FileNotFoundError):
        return f"a file of the index is missing ({Path(err.filename or '?').name})"
    if isinstance(err, EOFError | struct.error):
        return "a file of the index is cut short (truncated)"
    if isinstance(err, index.IndexError | pickle.UnpicklingError):
        return "its table of contents cannot be read (garbage, or written by another program)"
    return f"the index files cannot be read ({type(err).__name__}: {str(err)[:120]})"


def _base(home: Path) -> Path:
    return index_path(home)


def live_dir(home: Path) -> Path | None:
    """The live build folder, or None when no index has been built yet.

    Only looks for the build's table of contents; whether it can be read is found out by
    opening it (`IndexDamaged`), so a garbage index is still "live" and gets replaced.
    """
    base = _base(home)
    try:
        name = (base / CURRENT).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError, UnicodeDecodeError):
        return None
    path = base / name
    if not name or "/" in name or not path.is_dir():
        return None
    return path if any(path.glob("_MAIN_*.toc")) else None


def open_index(path: Path) -> index.Index:
    """The Whoosh index in build folder `path`; raises `IndexDamaged` when it cannot be read."""
    try:
        return index.open_dir(str(path))
    except DAMAGE_ERRORS as err:
        raise IndexDamaged(damage_message(err)) from err


def builds(home: Path) -> list[Path]:
    """Every build folder under the home's index (the live one, the one it replaced, and any
    left by an interrupted build)."""
    return sorted(_base(home).glob("build-*"))


def _set_live(base: Path, name: str) -> None:
    tmp = base / f"{CURRENT}.{os.getpid()}.tmp"
    tmp.write_text(name + "\n", encoding="utf-8")
    tmp.replace(base / CURRENT)


def _set_previous(base: Path, name: str) -> None:
    tmp = base / f"{PREVIOUS}.{os.getpid()}.tmp"
    tmp.write_text(name + "\n", encoding="utf-8")
    tmp.replace(base / PREVIOUS)


def previous_build(home: Path) -> str | None:
    """The build the live one replaced (kept a while for readers), if any."""
    try:
        return (_base(home) / PREVIOUS).read_text(encoding="utf-8").strip() or None
    except (OSError, UnicodeDecodeError):
        return None


@contextmanager
def writer_lock(home: Path) -> Iterator[None]:
    """Exclusive across processes: one rebuild or update at a time (readers never wait)."""
    base = _base(home)
    base.mkdir(parents=True, exist_ok=True)
    with (base / WRITER_LOCK).open("a") as handle:
        try:
            import fcntl
        except ImportError:  # not POSIX: Whoosh's own lock (below) still serialises writers
            yield
            return
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _codec() -> W3Codec:
    """Whoosh's codec with POSTING_BLOCK postings per block."""
    return W3Codec(blocklimit=POSTING_BLOCK)


def _open_writer(ix: index.Index, **kwargs: Any) -> IndexWriter:
    """A writer on `ix`, waiting out (up to LOCK_WAIT_SECONDS) Whoosh's lock held by another."""
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            return FastSegmentWriter(ix, codec=_codec(), **kwargs)
        except LockError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


@contextmanager
def _writing(ix: index.Index, **kwargs: Any) -> Iterator[IndexWriter]:
    """A writer that commits on success and cancels on error; waits out a held lock."""
    with _open_writer(ix, **kwargs) as writer:
        yield writer


@contextmanager
def _replacing(ix: index.Index, *, settle: bool = True) -> Iterator[IndexWriter]:
    """A writer for replacing documents: it commits with `_purge_deleted` (`settle`) or
    Whoosh's own merge policy (deleted documents stay in their segments' statistics), and
    cancels on error."""
    writer = _open_writer(ix)
    try:
        yield writer
    except BaseException:
        writer.cancel()
        raise
    writer.commit(mergetype=_purge_deleted if settle else MERGE_SMALL)


def _purge_deleted(writer: IndexWriter, segments: list[Any]) -> list[Any]:
    """Whoosh's merge policy, after rewriting every segment that holds deleted documents.

    A deleted document stays in its segment's term and length statistics until the segment
    is merged, so each replaced document would skew every later search's scores (and so ask's
    confidence: the entity pass re-indexes every paper it reads, and an archive read in two
    passes scored otherwise than one rebuilt by `reindex`). The segments rewritten are those
    the replacement touched: usually the ones this ingest just wrote. A segment whose every
    document is deleted is dropped, not rewritten: Whoosh's merge reads every posting of a
    segment, deleted or not, and an ingest's first segments are mostly ones the entity pass
    replaced whole."""
    kept = []
    for segment in segments:
        if not segment.doc_count():
            continue  # nothing live: its files go with the commit (Whoosh's `clean_files`)
        if segment.has_deletions():
            reader = SegmentReader(writer.storage, writer.schema, segment)
            writer.add_reader(reader)
            reader.close()
        else:
            kept.append(segment)
    return list(MERGE_SMALL(writer, kept))


# ------------------------------------------------------------------- writing


# An item with more sections than this (a front sheet or appendix of hundreds of pages) gives
# each section only the names mentioned on that section's page, not all the item's names:
# every name on every section is a posting per name per section, which for one 2,000-page
# item grew with the square of its length (8 million postings, 70 s and 1.1 GB to index).
NAMES_BY_PAGE_SECTIONS = 200


def _item_annotations(
    store: Store, doc_ids: list[str]
) -> tuple[dict[str, tuple[list[str], list[str], bool]], dict[tuple[str, int], tuple[list[str], list[str]]]]:
    """Item id -> (people, organisations, has a resolution), from the entity/decision tables;
    and, for items of more than NAMES_BY_PAGE_SECTIONS sections, (item id, page) -> (people,
    organisations) mentioned on that page (a section's mentions carry its page).

    Only mentions the entity stage tied to an item count: spreading document-level mentions
    over page ranges gave every item of a one-page text paper the whole attendance list.
    Empty until the entity stage fills `mentions`; everything works either way.
    """
    marks = ",".join("?" * len(doc_ids))
    names: dict[str, dict[str, set[str]]] = {}
    on_page: dict[tuple[str, int], dict[str, set[str]]] = {}
    items = store.query(f"SELECT id FROM items WHERE document_id IN ({marks})", doc_ids)
    big = {
        row["item_id"]
        for row in store.query(
            f"SELECT item_id FROM sections WHERE document_id IN ({marks}) GROUP BY item_id"
            f" HAVING COUNT(*) > {NAMES_BY_PAGE_SECTIONS}",
            doc_ids,
        )
    }
    rows = store.query(
        "SELECT item_id, name, type, page FROM mentions"
        f" WHERE document_id IN ({marks}) AND item_id IS NOT NULL AND type IN ('person', 'organisation')",
        doc_ids,
    )
    for row in rows:
        name = " ".join(row["name"].replace(",", " ").replace(MULTI_SEP, " ").split())
        names.setdefault(row["item_id"], {"person": set(), "organisation": set()})[row["type"]].add(name)
        if row["item_id"] in big:
            page = on_page.setdefault((row["item_id"], row["page"]), {"person": set(), "organisation": set()})
            page[row["type"]].add(name)
    resolved = {
        r["item_id"]
        for r in store.query(
            "SELECT DISTINCT item_id FROM resolutions"
            f" WHERE document_id IN ({marks}) AND item_id IS NOT NULL",
            doc_ids,
        )
    }
    result = {}
    for item in items:
        found = names.get(item["id"], {"person": set(), "organisation": set()})
        people, orgs = (
            (sorted(found["person"]), sorted(found["organisation"])) if item["id"] not in big else ([], [])
        )
        result[item["id"]] = (people, orgs, item["id"] in resolved)
    by_page = {
        key: (sorted(found["person"]), sorted(found["organisation"])) for key, found in on_page.items()
    }
    return result, by_page


def body_names(store: Store) -> dict[str, str]:
    """Body key -> one display name, so "Overview & Scrutiny" and "Overview and Scrutiny"
    (both printed by Norfolk's papers for the same panel) are one facet value: the spelling
    most meetings use, ties broken alphabetically."""
    rows = store.query(
        "SELECT body_key, body, COUNT(*) AS n FROM meetings WHERE body_key IS NOT NULL"
        " GROUP BY body_key, body ORDER BY body_key, n DESC, body"
    )
    names: dict[str, str] = {}
    for row in rows:
        names.setdefault(row["body_key"], row["body"])
    return names


def section_documents(store: Store, doc_ids: list[str], batch: int = 200) -> Iterator[dict[str, Any]]:
    """Index field dicts for every section of the given documents, in paper order."""
    names = body_names(store)
    for start in range(0, len(doc_ids), batch):
        chunk = doc_ids[start : start + batch]
        marks = ",".join("?" * len(chunk))
        notes, by_page = _item_annotations(store, chunk)
        for row in store.db.execute(SECTION_ROWS_SQL.format(ids=marks), chunk + chunk):
            people, orgs, resolved = notes.get(row["item_id"], ([], [], False))
            if (row["item_id"], row["page"]) in by_page:
                people, orgs = by_page[(row["item_id"], row["page"])]
            fields_ = dict(row)
            fields_["body"] = names.get(body_key(fields_["body"]) or "", fields_["body"])
            yield section_fields(fields_, people, orgs, resolved)


def _add_all(writer: IndexWriter, docs: Iterable[dict[str, Any]]) -> int:
    count = 0
    for fields_ in docs:
        writer.add_document(**fields_)
        count += 1
    return count


def build(home: Path, store: Store, procs: int | None = None, *, discard_live: bool = False) -> int:
    """Build a complete new index aside from the live one, then make it live. Returns sections.

    A large archive is split into shares of consecutive documents, each written as its own
    segment (by `procs` worker processes when `procs > 1`), and the segments are committed
    together in one table of contents. `procs` defaults to every core. The store then records
    that the new build holds every document it indexed. `discard_live` removes the build
    replaced (a damaged one) instead of keeping it for readers still opening it.
    """
    procs = procs or os.cpu_count() or 1
    base = _base(home)
    with writer_lock(home):
        name = f"build-{time.strftime('%Y%m%d%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
        target = base / name
        # Removals, then documents, as of now: what this build need not drop, and what it holds.
        removals = store.index_removals()
        shares = _shares(store, procs)
        doc_ids = [doc_id for share in shares for doc_id in share]
        try:
            target.mkdir(parents=True)
            ix = index.create_in(str(target), get_schema())
            if len(shares) > 1:
                count = _build_segments(ix, target, store.path, shares, procs)
            else:
                with _writing(ix, limitmb=LIMIT_MB) as writer:
                    count = _add_all(writer, section_documents(store, doc_ids))
            _write_columns(target)
        except BaseException:
            shutil.rmtree(target, ignore_errors=True)
            raise
        previous = live_dir(home)
        kept = previous.name if previous and not discard_live else ""
        _set_previous(base, kept)
        _set_live(base, name)
        store.mark_indexed(doc_ids, name, removals)
        # Keep the build just replaced (a reader in another process may still be opening
        # it) unless it is damaged; remove any older ones, and any an interrupted build left.
        keep = {name, kept}
        for old in builds(home):
            if old.name not in keep:
                shutil.rmtree(old, ignore_errors=True)
    return count


# Below this many sections a second process costs more to start than it saves.
PARALLEL_MIN_SECTIONS = 4000
# Sections per segment at most: Whoosh writes a segment at a steady ~850 sections/s up to
# about 25k sections, and markedly slower beyond (560/s for one 100k segment).
SEGMENT_SECTIONS = 20_000


def _shares(store: Store, procs: int) -> list[list[str]]:
    """Document ids split into runs of consecutive documents balanced by section count: at
    least `procs` runs (when there are enough sections to share), and each run at most about
    SEGMENT_SECTIONS. One share when the archive is small."""
    rows = store.query(
        "SELECT d.id AS id, (SELECT COUNT(*) FROM sections s WHERE s.document_id = d.id) + 1 AS weight"
        " FROM documents d ORDER BY d.id"
    )
    total = sum(row["weight"] for row in rows)
    wanted = -(-total // SEGMENT_SECTIONS)  # ceiling division
    if total >= PARALLEL_MIN_SECTIONS:
        wanted = max(wanted, procs)
    if wanted <= 1:
        return [[row["id"] for row in rows]]
    shares: list[list[str]] = [[]]
    filled = 0
    for row in rows:
        if filled >= total * len(shares) / wanted and len(shares) < wanted:
            shares.append([])
        shares[-1].append(row["id"])
        filled += row["weight"]
    return [share for share in shares if share]


def _build_segments(
    ix: index.Index, target: Path, store_file: Path, shares: list[list[str]], procs: int
) -> int:
    """One segment per share, written by up to `procs` worker processes, committed together.

    Uses the same SegmentWriter steps as Whoosh's own multi-segment writer (`MpWriter`), but
    each worker reads its documents from SQLite itself instead of receiving them pickled.
    """
    jobs = [(str(target), str(store_file), share) for share in shares]
    if procs <= 1:
        results = [_build_share(*job) for job in jobs]
    else:
        from concurrent.futures import ProcessPoolExecutor  # only a build needs processes

        with ProcessPoolExecutor(max_workers=min(procs, len(shares))) as pool:
            results = list(pool.map(_build_share, *zip(*jobs, strict=True)))
    segments = [segment for segment, _count in results]
    # A commit that adds no documents of its own; its merge policy (Whoosh's `mergetype`
    # hook) returns the existing segments plus the workers' ones, unmerged.
    _open_writer(ix).commit(mergetype=lambda _writer, existing: [*existing, *segments])
    return sum(count for _segment, count in results)


def _build_share(target: str, store_file: str, doc_ids: list[str]) -> tuple[Any, int]:
    """Worker: index `doc_ids` into a new, finished (not yet committed) segment."""
    ix = index.open_dir(target)
    writer = FastSegmentWriter(ix, _lk=False, limitmb=LIMIT_MB, codec=_codec())
    with Store(Path(store_file)) as store:
        count = _add_all(writer, section_documents(store, doc_ids))
    segment = writer._finalize_segment()
    if count:
        reader = SegmentReader(ix.storage, ix.schema, segment)
        try:
            columns.segment_columns(reader, Path(target))
        finally:
            reader.close()
    return segment, count


def _write_columns(folder: Path) -> None:
    """Write the columns file of every segment of the build in `folder` that lacks one."""
    with open_index(folder).reader() as reader:
        columns.write_for(folder, [leaf for leaf, _offset in reader.leaf_readers()])


@dataclass
class CatchUp:
    """What one `catch_up` did: documents indexed, documents dropped, sections written, and
    whether it built a whole new index (none yet, or most documents missing)."""

    added: int = 0
    dropped: int = 0
    sections: int = 0
    rebuilt: bool = False

    def __bool__(self) -> bool:
        return bool(self.added or self.dropped or self.rebuilt)


# Missing more than this share of the documents (and more than a few), a whole new build
# (written in parallel, no deletions to apply) is faster than an update.
REBUILD_SHARE = 0.5
REBUILD_MIN_DOCUMENTS = 50


def pending(home: Path, store: Store) -> tuple[list[str], list[str]]:
    """(documents the live index lacks, documents it may hold that the store removed)."""
    live = live_dir(home)
    return store.documents_not_in(live.name if live else None), store.index_removals()


def catch_up(home: Path, store: Store, *, settle: bool = True) -> CatchUp:
    """Bring the index up to what the store holds: index the documents no build holds yet
    and drop the ones the store removed, as `Store.documents_not_in`/`index_removals` say.

    `settle` also purges the sections earlier catch-ups replaced from the statistics (see
    the module docstring), even when nothing else is pending; `settle=False` is for the
    routine catch-ups of a running ingest, whose last catch-up settles.

    Idempotent and safe to run from any process at any time: it re-reads what is pending
    under the writer lock, and records what it did in the store only after its commit.
    """
    missing, removals = pending(home, store)
    if not missing and not removals and not (settle and store.state(UNSETTLED)):
        return CatchUp()
    with writer_lock(home):
        live = live_dir(home)
        missing, removals = pending(home, store)
        total = len(store.document_ids())
        if live is None or (len(missing) > REBUILD_MIN_DOCUMENTS and len(missing) > REBUILD_SHARE * total):
            rebuilt = True
        elif not missing and not removals and not (settle and _unsettled(store, live)):
            return CatchUp()
        else:
            rebuilt = False
            sections = _apply(live, store, missing, removals, settle=settle)
    if rebuilt:
        return CatchUp(len(missing), 0, build(home, store), rebuilt=True)
    return CatchUp(len(missing), len(removals), sections)


def _unsettled(store: Store, live: Path) -> bool:
    """Whether build `live` holds deleted sections not yet purged; a flag naming another
    build (one a rebuild replaced) is cleared."""
    flag = store.state(UNSETTLED)
    if flag and flag != live.name:
        store.set_state(UNSETTLED, "")
    return flag == live.name


def _apply(live: Path, store: Store, missing: list[str], removals: list[str], *, settle: bool = True) -> int:
    """Replace `missing` documents' sections in the live build and drop `removals`', then
    record it; `settle` purges every deleted section from the statistics, else the store
    records that the build holds some (`UNSETTLED`). Called with the writer lock held."""
    ix = open_index(live)
    deleted = 0
    try:
        with _replacing(ix, settle=settle) as writer:
            for doc_id in {*missing, *removals}:
                deleted += writer.delete_by_term("document_id", doc_id)
            if deleted and not settle:
                # Before the commit, so no crash leaves deletions the flag does not name.
                store.set_state(UNSETTLED, live.name)
            count = _add_all(writer, section_documents(store, missing))
        _write_columns(live)
    except DAMAGE_ERRORS as err:
        _remove_strays(live)
        raise IndexDamaged(damage_message(err)) from err
    except BaseException:
        # Disk full, interrupted: what the failed write left (a half-written segment, the
        # writer's temporary folder) goes; the last committed generation stays live.
        _remove_strays(live)
        raise
    store.mark_indexed(missing, live.name, removals)
    if settle and store.state(UNSETTLED):
        # After the commit that purged every deletion: a crash before it keeps the flag,
        # which costs at most one settle too many.
        store.set_state(UNSETTLED, "")
    return count


def _remove_strays(live: Path) -> None:
    """Delete files in build `live` that its latest table of contents does not name."""
    try:
        ix = index.open_dir(str(live))
        generation = ix.latest_generation()
        segments = {segment.segment_id() for segment in ix._segments()}
    except Exception:  # a build that cannot be read is replaced whole; nothing to tidy
        return
    toc = TOC._filename(ix.indexname, generation)
    for entry in live.iterdir():
        name = entry.name
        if name == toc or name.endswith("WRITELOCK") or any(name.startswith(s) for s in segments):
            continue
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)


def update(home: Path, store: Store, changed: list[str], removed: list[str]) -> int:
    """Re-index `changed` documents and bring the index up to date (`catch_up`; the store
    already records the documents an ingest stored or removed, so `removed` needs nothing).
    Returns sections written."""
    del removed
    store.mark_unindexed(changed)
    return catch_up(home, store).sections


# ----------------------------------------------------------------- searching


@dataclass
class Generation:
    """What every search of one index generation shares: searcher, evaluator, facet table.

    `lock` serialises evaluation (the evaluator's posting cache is not thread-safe, and
    Streamlit serves sessions from threads).
    """

    name: str
    searcher: Searcher
    vectors: VectorIndex
    table: FacetTable
    lock: threading.Lock


class _Cache:
    """The live generation of each home's index, shared by every search in this process."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.entries: dict[str, Generation] = {}

    def get(self, home: Path) -> Generation | None:
        """The live generation, opened or refreshed; raises `IndexDamaged` when the index
        files cannot be read."""
        live = live_dir(home)
        key = str(_base(home).resolve())
        with self.lock:
            entry = self.entries.get(key)
            if live is None:
                return None
            try:
                # An index with no sections (only itemless papers) is read by an `EmptyReader`,
                # which has no generation: it is never up to date, and is reopened.
                empty = entry is not None and isinstance(entry.searcher.reader(), EmptyReader)
                if entry and entry.name == live.name and not empty and entry.searcher.up_to_date():
                    return entry
                if entry:
                    # A new searcher, not `Searcher.refresh()`: refresh reuses the reader of
                    # a segment it already has, with that segment's old deletions, so
                    # sections deleted by an update (a replaced or removed paper) would
                    # still be found.
                    self.entries.pop(key)
                    entry.searcher.close()
                fresh = index.open_dir(str(live)).searcher()
                arrays = IndexColumns(fresh.reader(), live)
                generation = Generation(
                    live.name, fresh, VectorIndex(fresh, arrays), arrays.facet_table(), threading.Lock()
                )
            except DAMAGE_ERRORS as err:
                raise IndexDamaged(damage_message(err)) from err
            self.entries[key] = generation
            return generation

    def drop(self, home: Path) -> None:
        """Forget `home`'s cached generation (its index was found damaged or replaced)."""
        key = str(_base(home).resolve())
        with self.lock:
            entry = self.entries.pop(key, None)
        if entry is not None:
            try:
                entry.searcher.close()
            except Exception:  # closing a damaged index's files may fail too; it is dropped
                pass

    def clear(self) -> None:
        with self.lock:
            for generation in self.entries.values():
                generation.searcher.close()
            self.entries.clear()


_CACHE = _Cache()


@contextmanager
def searching(home: Path) -> Iterator[tuple[Searcher, FacetTable] | None]:
    """The cached searcher for `home` and its facet table (None when there is no index yet)."""
    generation = _CACHE.get(home)
    yield (generation.searcher, generation.table) if generation else None


def forget_cached_postings(home: Path) -> None:
    """Make the next search of `home` read its posting lists from disk (for benchmarks)."""
    generation = _CACHE.get(home)
    if generation is not None:
        with generation.lock:
            generation.vectors.forget_postings()


def close_searchers() -> None:
    """Close cached searchers (tests that delete homes, and long-running processes)."""
    _CACHE.clear()


def forget_searcher(home: Path) -> None:
    """Drop `home`'s cached searcher (its index is damaged or about to be replaced)."""
    _CACHE.drop(home)


def check_readable(home: Path) -> None:
    """Open the live index (or refresh the cached one); raises `IndexDamaged`."""
    _CACHE.get(home)


@dataclass
class RawHit:
    docnum: int
    score: float | None


@dataclass
class SearchOutcome:
    total: int
    hits: list[RawHit]
    facets: dict[str, dict[str, int]]


FACET_FIELDS = ("body", "year", "document_kind", "person", "organisation")
MULTI_FACET_LIMIT = 50


def run(
    home: Path, q: query.Query, filter_q: query.Query | None, sort: str, limit: int, offset: int
) -> tuple[SearchOutcome, list[dict[str, Any]]]:
    """Search: one hit per item (its best section), facets and total over all matched items."""
    empty = SearchOutcome(0, [], {name: {} for name in FACET_FIELDS})
    generation = _CACHE.get(home)
    if generation is None:
        return empty, []
    try:
        return _run(generation, q, filter_q, sort, limit, offset, empty)
    except DAMAGE_ERRORS as err:
        _CACHE.drop(home)
        raise IndexDamaged(damage_message(err)) from err


def _run(
    generation: Generation,
    q: query.Query,
    filter_q: query.Query | None,
    sort: str,
    limit: int,
    offset: int,
    empty: SearchOutcome,
) -> tuple[SearchOutcome, list[dict[str, Any]]]:
    searcher, table = generation.searcher, generation.table
    with generation.lock:
        matches = generation.vectors.evaluate(q)
        if filter_q is not None and len(matches):
            matches = matches.restricted_to(generation.vectors.evaluate(filter_q).ids)
        if not len(matches):
            return empty, []
        ranked_docs, ranked_scores = _best_section_per_item(table, matches)
        ranked_items = table.item_of[ranked_docs]
        facets = _count_facets(table, ranked_items)
        if sort == "date":
            order = np.lexsort((ranked_items, -table.date[ranked_items]))
            ranked_docs, ranked_scores = ranked_docs[order], ranked_scores[order]
        page = slice(offset, offset + limit)
        hits = [
            RawHit(int(docnum), round(float(score), 4))
            for docnum, score in zip(ranked_docs[page], ranked_scores[page], strict=True)
        ]
        terms = highlight_terms(q, searcher)
        stored = [searcher.stored_fields(h.docnum) for h in hits]
    for fields_ in stored:
        fields_["_snippet"] = make_snippet(fields_.get("text") or "", terms)
    for hit, fields_ in zip(hits, stored, strict=True):
        fields_["_score"] = hit.score
    return SearchOutcome(len(ranked_docs), hits, facets), stored


def top_sections(
    home: Path, q: query.Query, limit: int, filter_q: query.Query | None = None
) -> list[tuple[str, str, float]]:
    """(section id, document id, score) of the `limit` best-scoring sections matching `q`
    (and `filter_q`), best first, ties by docnum: sections, not one per item (ask reads
    several sections of one item)."""
    generation = _CACHE.get(home)
    if generation is None:
        return []
    with generation.lock:
        matches = generation.vectors.evaluate(q)
        if filter_q is not None and len(matches):
            matches = matches.restricted_to(generation.vectors.evaluate(filter_q).ids)
        if not len(matches):
            return []
        order = np.lexsort((matches.ids, -matches.scores))[:limit]
        best = [
            (generation.searcher.stored_fields(int(docnum)), float(score))
            for docnum, score in zip(matches.ids[order], matches.scores[order], strict=True)
        ]
    return [(fields_["id"], fields_["document_id"], score) for fields_, score in best]


def _best_section_per_item(table: FacetTable, matches: Matches) -> tuple[np.ndarray, np.ndarray]:
    """Each matched item's best-scoring section, items ordered by that score (best first).

    Equal scores are ordered by docnum, so the ranking never depends on the page asked for
    and pages taken with different offsets never overlap.
    """
    order = np.lexsort((matches.ids, -matches.scores))
    docs, scores = matches.ids[order], matches.scores[order]
    _items, first = np.unique(table.item_of[docs], return_index=True)
    first.sort()  # back into score order: the first section seen of each item is its best
    return docs[first], scores[first]


def _count_facets(table: FacetTable, items: np.ndarray) -> dict[str, dict[str, int]]:
    """Facet counts over matched items (each item counted once per value it carries)."""
    facets: dict[str, dict[str, int]] = {}
    for name in SINGLE_FACETS:
        labels = table.labels[name]
        counts = np.bincount(table.codes[name][items], minlength=len(labels))
        facets[name] = {
            labels[code] or ("unknown" if name == "body" else ""): int(counts[code])
            for code in np.flatnonzero(counts)
        }
    selected = np.zeros(table.item_count, dtype=bool)
    selected[items] = True
    for name in MULTI_FACETS:
        pair_items, pair_labels = table.pairs[name]
        labels = table.labels[name]
        counts = np.bincount(pair_labels[selected[pair_items]], minlength=len(labels))
        facets[name] = {labels[code]: int(counts[code]) for code in np.flatnonzero(counts)}
    facets["year"].pop("", None)
    return {
        "body": _most_common(facets["body"]),
        "year": dict(sorted(facets["year"].items())),
        "document_kind": _most_common(facets["document_kind"]),
        "person": _most_common(facets["person"], MULTI_FACET_LIMIT),
        "organisation": _most_common(facets["organisation"], MULTI_FACET_LIMIT),
    }


def _most_common(counts: dict[str, int], limit: int | None = None) -> dict[str, int]:
    """Highest count first, ties alphabetical (stable across runs, unlike hash order)."""
    ordered = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    return dict(ordered[:limit] if limit else ordered)


# ------------------------------------------------------------------ snippets


def highlight_terms(q: query.Query, searcher: Searcher) -> frozenset[str]:
    """The analysed words a hit's text may be highlighted for (never words under a NOT)."""
    reader = searcher.reader()
    terms: set[str] = set()

    def walk(node: query.Query) -> None:
        if isinstance(node, query.Not):
            return
        if node.is_leaf():
            try:
                pairs = node.existing_terms(reader, phrases=True, expand=True)
            except Exception:  # a leaf type that cannot list its terms simply is not highlighted
                return
            terms.update(
                text.decode("utf-8") if isinstance(text, bytes) else text
                for field, text in pairs
                if field in DEFAULT_FIELDS
            )
            return
        for child in node.children():
            walk(child)

    walk(q)
    return frozenset(terms)


def index_names(home: Path, field: str) -> list[str]:
    """Canonical names in a facet field (`person_names`/`organisation_names`) of the index."""
    with searching(home) as found:
        if found is None:
            return []
        _searcher, table = found
        return sorted(table.labels["person" if field == "person" else "organisation"])


def section_count(home: Path) -> int:
    with searching(home) as found:
        return found[0].doc_count() if found else 0
