"""The Whoosh engine: where the index lives, how it is written, and how it is searched.

Invariants:

* The index lives in `index_path(home)/<build>/`; the file `CURRENT` beside the builds names
  the live one. A rebuild writes a new build folder and then replaces `CURRENT` in one
  `os.replace`, so a reader sees either the old complete index or the new complete one.
* One writer at a time: every writer (rebuild or incremental update) holds an exclusive
  `flock` on `writer.lock`, and Whoosh's own write lock is retried briefly on `LockError`.
* Writers and searchers are used only through context managers. The searcher is cached per
  live build and refreshed when a writer has committed a new generation; the per-docnum facet
  table is cached per searcher, so facet counting never reads stored fields.
* Facets and totals count *items* (one hit per item: its best section), over all matches.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import highlight, index, query
from whoosh.index import LockError
from whoosh.searching import Searcher
from whoosh.writing import IndexWriter

from minutebook.home import index_path
from minutebook.store import Store
from minutebook.text import body_key
from search._schema import ANALYZER, DEFAULT_FIELDS, MULTI_SEP, get_schema, section_fields

CURRENT = "CURRENT"
WRITER_LOCK = "writer.lock"
LOCK_WAIT_SECONDS = 30.0
# Snippets: up to SNIPPET_FRAGMENTS fragments of about SNIPPET_CHARS characters each.
SNIPPET_FRAGMENTS = 3
SNIPPET_CHARS = 160
SNIPPET_SURROUND = 50
PLAIN_SNIPPET_CHARS = 240

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


def _base(home: Path) -> Path:
    return index_path(home)


def live_dir(home: Path) -> Path | None:
    """The live build folder, or None when no index has been built yet."""
    base = _base(home)
    try:
        name = (base / CURRENT).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    path = base / name
    return path if name and index.exists_in(str(path)) else None


def _set_live(base: Path, name: str) -> None:
    tmp = base / f"{CURRENT}.{os.getpid()}.tmp"
    tmp.write_text(name + "\n", encoding="utf-8")
    tmp.replace(base / CURRENT)


@contextmanager
def _writer_lock(home: Path) -> Iterator[None]:
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


@contextmanager
def _writing(ix: index.Index, **kwargs: Any) -> Iterator[IndexWriter]:
    """A writer that commits on success and cancels on error; waits out a held lock."""
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            writer = ix.writer(**kwargs)
            break
        except LockError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
    with writer:
        yield writer


# ------------------------------------------------------------------- writing


def _item_annotations(store: Store, doc_ids: list[str]) -> dict[str, tuple[list[str], list[str], bool]]:
    """Item id -> (people, organisations, has a resolution), from the entity/decision tables.

    Only mentions the entity stage tied to an item count: spreading document-level mentions
    over page ranges gave every item of a one-page text paper the whole attendance list.
    Empty until the entity stage fills `mentions`; everything works either way.
    """
    marks = ",".join("?" * len(doc_ids))
    names: dict[str, dict[str, set[str]]] = {}
    items = store.query(f"SELECT id FROM items WHERE document_id IN ({marks})", doc_ids)
    rows = store.query(
        "SELECT item_id, name, type FROM mentions"
        f" WHERE document_id IN ({marks}) AND item_id IS NOT NULL AND type IN ('person', 'organisation')",
        doc_ids,
    )
    for row in rows:
        name = " ".join(row["name"].replace(",", " ").replace(MULTI_SEP, " ").split())
        names.setdefault(row["item_id"], {"person": set(), "organisation": set()})[row["type"]].add(name)
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
        result[item["id"]] = (sorted(found["person"]), sorted(found["organisation"]), item["id"] in resolved)
    return result


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
        notes = _item_annotations(store, chunk)
        for row in store.db.execute(SECTION_ROWS_SQL.format(ids=marks), chunk + chunk):
            people, orgs, resolved = notes.get(row["item_id"], ([], [], False))
            fields_ = dict(row)
            fields_["body"] = names.get(body_key(fields_["body"]) or "", fields_["body"])
            yield section_fields(fields_, people, orgs, resolved)


def _add_all(writer: IndexWriter, docs: Iterable[dict[str, Any]]) -> int:
    count = 0
    for fields_ in docs:
        writer.add_document(**fields_)
        count += 1
    return count


def build(home: Path, store: Store, procs: int = 1) -> int:
    """Build a complete new index aside from the live one, then make it live. Returns sections.

    `procs > 1` uses Whoosh's multiprocessing writer (analysis in worker processes, segments
    kept separate rather than merged, which is what makes it faster).
    """
    base = _base(home)
    with _writer_lock(home):
        name = f"build-{time.strftime('%Y%m%d%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
        target = base / name
        target.mkdir(parents=True)
        ix = index.create_in(str(target), get_schema())
        kwargs: dict[str, Any] = {"limitmb": 128}
        if procs > 1:
            kwargs.update(procs=procs, multisegment=True, batchsize=256)
        try:
            with _writing(ix, **kwargs) as writer:
                count = _add_all(writer, section_documents(store, store.document_ids()))
        except BaseException:
            shutil.rmtree(target, ignore_errors=True)
            raise
        previous = live_dir(home)
        _set_live(base, name)
        # Keep the build just replaced (a reader in another process may still be opening
        # it); remove any older ones.
        keep = {name, previous.name if previous else ""}
        for old in base.glob("build-*"):
            if old.name not in keep:
                shutil.rmtree(old, ignore_errors=True)
    return count


def update(home: Path, store: Store, changed: list[str], removed: list[str]) -> int:
    """Replace the sections of `changed` documents and drop those of `removed` ones.

    Builds the whole index instead when there is none yet. Returns sections written.
    """
    if live_dir(home) is None:
        return build(home, store)
    with _writer_lock(home):
        live = live_dir(home)
        if live is None:  # pragma: no cover - removed between the check and the lock
            return 0
        ix = index.open_dir(str(live))
        with _writing(ix) as writer:
            for doc_id in {*changed, *removed}:
                writer.delete_by_term("document_id", doc_id)
            present = [doc_id for doc_id in changed if store.has_document(doc_id)]
            return _add_all(writer, section_documents(store, present))


# ----------------------------------------------------------------- searching


@dataclass
class FacetTable:
    """Per-docnum item ordinals and per-item facet values for one searcher generation."""

    item_of: list[int]
    body: list[str]
    year: list[str]
    kind: list[str]
    date: list[int]
    person: list[tuple[str, ...]]
    organisation: list[tuple[str, ...]]


def _leaf_column(reader: Any, field: str, default: Any, translate: bool = True) -> list[Any]:
    if reader.has_column(field):
        return list(reader.column_reader(field, translate=translate))
    return [default] * reader.doc_count_all()


def _facet_table(searcher: Searcher) -> FacetTable:
    ordinals: dict[str, int] = {}
    table = FacetTable([], [], [], [], [], [], [])
    for leaf, _offset in searcher.reader().leaf_readers():
        columns = [
            _leaf_column(leaf, "item_id", ""),
            _leaf_column(leaf, "body_name", ""),
            _leaf_column(leaf, "year", ""),
            _leaf_column(leaf, "document_kind", ""),
            _leaf_column(leaf, "date", 0, translate=False),
            _leaf_column(leaf, "person_names", b""),
            _leaf_column(leaf, "organisation_names", b""),
        ]
        for item_id, body, year, kind, date, people, orgs in zip(*columns, strict=True):
            ordinal = ordinals.get(item_id)
            if ordinal is None:
                ordinal = ordinals[item_id] = len(ordinals)
                table.body.append(body)
                table.year.append(year)
                table.kind.append(kind)
                table.date.append(date or 0)
                table.person.append(_split(people))
                table.organisation.append(_split(orgs))
            table.item_of.append(ordinal)
    return table


def _split(value: bytes | str | None) -> tuple[str, ...]:
    if not value:
        return ()
    text = value.decode("utf-8") if isinstance(value, bytes) else value
    return tuple(name for name in text.split(MULTI_SEP) if name)


class _Cache:
    """The live searcher and its facet table, shared by every search in this process."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.entries: dict[str, tuple[str, Searcher, FacetTable]] = {}

    def get(self, home: Path) -> tuple[Searcher, FacetTable] | None:
        live = live_dir(home)
        key = str(_base(home).resolve())
        with self.lock:
            entry = self.entries.get(key)
            if live is None:
                return None
            if entry and entry[0] == live.name:
                _name, searcher, table = entry
                if searcher.up_to_date():
                    return searcher, table
                fresh = searcher.refresh()
            else:
                if entry:
                    entry[1].close()
                fresh = index.open_dir(str(live)).searcher()
            table = _facet_table(fresh)
            self.entries[key] = (live.name, fresh, table)
            return fresh, table

    def clear(self) -> None:
        with self.lock:
            for _name, searcher, _table in self.entries.values():
                searcher.close()
            self.entries.clear()


_CACHE = _Cache()


@contextmanager
def searching(home: Path) -> Iterator[tuple[Searcher, FacetTable] | None]:
    """The cached searcher for `home` (None when there is no index yet)."""
    yield _CACHE.get(home)


def close_searchers() -> None:
    """Close cached searchers (tests that delete homes, and long-running processes)."""
    _CACHE.clear()


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


def run(
    home: Path, q: query.Query, filter_q: query.Query | None, sort: str, limit: int, offset: int
) -> tuple[SearchOutcome, list[dict[str, Any]]]:
    """Search: one hit per item (its best section), facets and total over all matched items."""
    empty = SearchOutcome(0, [], {name: {} for name in FACET_FIELDS})
    with searching(home) as found:
        if found is None:
            return empty, []
        searcher, table = found
        combined = q if filter_q is None else query.And([q, filter_q])
        matched = matching_docnums(searcher, combined)
        if not matched:
            return empty, []
        item_of = table.item_of
        items = {item_of[d] for d in matched}
        facets = _count_facets(table, items)
        if sort == "date":
            hits = _date_page(searcher, table, q, matched, limit, offset)
        else:
            hits = _relevance_page(
                searcher, table, q, matched if filter_q is not None else None, len(items), limit, offset
            )
        stored = [searcher.stored_fields(h.docnum) for h in hits]
        for hit, fields_ in zip(hits, stored, strict=True):
            fields_["_snippet"] = make_snippet(fields_.get("text") or "", highlight_terms(q, searcher))
            fields_["_score"] = hit.score
        return SearchOutcome(len(items), hits, facets), stored


def matching_docnums(searcher: Searcher, q: query.Query) -> list[int]:
    """Every live docnum matching `q`, unscored (fast: no scoring, no stored fields).

    Segment by segment: whoosh 2.7's multi-segment matcher fails in `all_ids()` once a
    segment's deletions exhaust it, and per-segment matching avoids that path entirely.
    """
    found: list[int] = []
    for sub, offset in searcher.leaf_searchers():
        found.extend(offset + docnum for docnum in q.docs(sub))
    return found


def _count_facets(table: FacetTable, items: set[int]) -> dict[str, dict[str, int]]:
    counters = {name: Counter[str]() for name in FACET_FIELDS}
    body, year, kind, person, org = table.body, table.year, table.kind, table.person, table.organisation
    for i in items:
        counters["body"][body[i] or "unknown"] += 1
        counters["document_kind"][kind[i]] += 1
        if year[i]:
            counters["year"][year[i]] += 1
        counters["person"].update(person[i])
        counters["organisation"].update(org[i])
    return {
        "body": dict(counters["body"].most_common()),
        "year": dict(sorted(counters["year"].items())),
        "document_kind": dict(counters["document_kind"].most_common()),
        "person": dict(counters["person"].most_common(50)),
        "organisation": dict(counters["organisation"].most_common(50)),
    }


def _relevance_page(
    searcher: Searcher,
    table: FacetTable,
    q: query.Query,
    allow: list[int] | None,
    item_total: int,
    limit: int,
    offset: int,
) -> list[RawHit]:
    """Best-scoring section of each item, items ordered by that score; widen until the page fills.

    Whoosh orders equal scores by docnum, so the ranking's prefix does not depend on how many
    results were asked for: pages taken with different offsets never overlap.
    """
    want = offset + limit
    allowed = set(allow) if allow is not None else None
    n = max(want * 3, 20)
    while True:
        results = searcher.search(q, limit=n, filter=allowed, optimize=True)
        best: dict[int, RawHit] = {}
        for score, docnum in results.top_n:
            item = table.item_of[docnum]
            if item not in best:
                best[item] = RawHit(docnum, round(float(score), 4))
                if len(best) >= want:
                    break
        if len(best) >= want or len(best) >= item_total or len(results.top_n) < n:
            break
        n *= 4
    return list(best.values())[offset:want]


def _date_page(
    searcher: Searcher, table: FacetTable, q: query.Query, matched: list[int], limit: int, offset: int
) -> list[RawHit]:
    """Newest meetings first (undated last); within an item, its best-scoring section."""
    by_item: dict[int, list[int]] = {}
    for docnum in matched:
        by_item.setdefault(table.item_of[docnum], []).append(docnum)
    order = sorted(by_item, key=lambda i: (-table.date[i], i))
    page = order[offset : offset + limit]
    if not page:
        return []
    wanted = {d for i in page for d in by_item[i]}
    results = searcher.search(q, limit=len(wanted), filter=wanted)
    best: dict[int, RawHit] = {}
    for score, docnum in results.top_n:
        best.setdefault(table.item_of[docnum], RawHit(docnum, round(float(score), 4)))
    return [best.get(i) or RawHit(min(by_item[i]), None) for i in page]


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


class _MarkFormatter(highlight.Formatter):
    """Marks matched words as `**word**` (the light markup the rest of minutebook reads)."""

    between = " … "

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return f"**{highlight.get_text(text, token, replace)}**"


def make_snippet(text: str, terms: frozenset[str]) -> dict[str, Any]:
    """A few fragments around matched words: marked (`**`), plain, and the marks as spans."""
    marked = ""
    if terms and text:
        fragmenter = highlight.ContextFragmenter(maxchars=SNIPPET_CHARS, surround=SNIPPET_SURROUND)
        marked = highlight.highlight(
            text, terms, ANALYZER, fragmenter, _MarkFormatter(), top=SNIPPET_FRAGMENTS
        )
    if not marked:
        plain = " ".join(text.split())
        cut = plain[:PLAIN_SNIPPET_CHARS]
        cut = cut + "…" if len(plain) > PLAIN_SNIPPET_CHARS else cut
        return {"snippet": cut, "marked": cut, "spans": []}
    marked = " ".join(marked.split())
    spans: list[list[int]] = []
    plain_parts: list[str] = []
    position = 0
    for index_, part in enumerate(marked.split("**")):
        if index_ % 2:
            spans.append([position, position + len(part)])
        plain_parts.append(part)
        position += len(part)
    return {"snippet": "".join(plain_parts), "marked": marked, "spans": spans}


def index_names(home: Path, field: str) -> list[str]:
    """Canonical names in a facet field (`person_names`/`organisation_names`) of the index."""
    with searching(home) as found:
        if found is None:
            return []
        _searcher, table = found
        values = table.person if field == "person" else table.organisation
        return sorted({name for names in values for name in names})


def section_count(home: Path) -> int:
    with searching(home) as found:
        return found[0].doc_count() if found else 0
