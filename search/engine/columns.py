"""Per-document columns of the index as arrays, written beside each segment at build time.

Why: a search needs, for every section, its item, its facet values, its field lengths (for
BM25), its date and the filter columns. Reading those out of Whoosh's columns is a Python
loop over every section (0.4 s at 100k sections, 1.2 s at 300k) that each new process paid
before its first search. Instead each segment gets one file of arrays, `<segment id>.mbcols`,
written when the segment is made and memory-mapped when read.

Invariants:

* A segment's files never change once written (Whoosh writes a new segment for any change;
  deletions live in the table of contents, not in the segment), so a columns file describes
  its segment for as long as the segment exists. Its header names the segment id, its
  document count, the schema's fields and `FORMAT`; a file that disagrees with any of them,
  or cannot be read, is never used: the columns are computed from Whoosh's own columns
  instead (and the file rewritten when the folder is writable). Deletions are applied at
  read time from the generation being searched.
* The file name matches Whoosh's segment-file pattern, so Whoosh removes it with its
  segment (after a merge), and `backend._remove_strays` keeps it with a live one.
* Written atomically (temporary name, then `os.replace`): two processes writing the same
  segment's file write the same bytes, and a reader sees a whole file or none.
* Item ordinals are per segment (offset when segments are combined): a document's sections,
  and so an item's, are always added to one segment. Facet values are an item's (the same on
  every section, except names of big items, taken per page: their union is the item's).

Layout: 8 bytes magic, 8 bytes header length, a JSON header (labels and, per array, dtype,
shape and offset), then the arrays, each aligned to 8 bytes.
"""

from __future__ import annotations

import json
import mmap
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

FORMAT = 1
SUFFIX = ".mbcols"
MAGIC = b"MBCOLS01"

# Facets: one value per item (a sortable ID column) or several (a `|`-joined bytes column).
SINGLE_FACETS = {"body": "body_name", "year": "year", "document_kind": "document_kind"}
MULTI_FACETS = {"person": "person_names", "organisation": "organisation_names"}
MULTI_SEP = "|"

# Whoosh fills an empty numeric column slot with the largest value of its type; from here up
# a raw value means "no value" (an undated paper). Absent values are stored as 0.
_ABSENT_FROM = 2**63


@dataclass
class SegmentColumns:
    """One segment's arrays (local docnums 0..doc_count-1).

    `item_of[doc]` is the section's item ordinal within the segment; `item_first[item]` its
    first section; `codes[column][doc]` indexes `labels[column]` (single-valued facet columns);
    `pairs[column]` are (item ordinal, label code) for the multi-valued ones; `lengths[field]`
    is Whoosh's one-byte field length per document; `numeric[field]` a sortable numeric
    column's raw value per document (0 where absent).
    """

    doc_count: int
    item_of: np.ndarray
    item_first: np.ndarray
    codes: dict[str, np.ndarray]
    labels: dict[str, list[str]]
    pairs: dict[str, tuple[np.ndarray, np.ndarray]]
    lengths: dict[str, np.ndarray]
    numeric: dict[str, np.ndarray]


def columns_path(folder: Path, segment_id: str) -> Path:
    return folder / f"{segment_id}{SUFFIX}"


def _schema_key(schema: Any) -> list[str]:
    return sorted(schema.names())


def _column_values(leaf: Any, name: str, default: Any, translate: bool = True) -> list[Any]:
    if leaf.has_column(name):
        return list(leaf.column_reader(name, translate=translate))
    return [default] * leaf.doc_count_all()


def _split(value: bytes | str | None) -> list[str]:
    if not value:
        return []
    text = value.decode("utf-8") if isinstance(value, bytes) else value
    return [name for name in text.split(MULTI_SEP) if name]


def compute(leaf: Any, skip: frozenset[int] = frozenset()) -> SegmentColumns:
    """The arrays of one segment, read from Whoosh's columns (the slow path: a Python loop).

    Documents in `skip` (deleted ones) get no item of their own values: they share one
    ordinal that no search matches (a re-ingested item's old sections must not give it their
    facet values)."""
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
    from whoosh.fields import NUMERIC

    schema = leaf.schema
    count = leaf.doc_count_all()
    item_ids = _column_values(leaf, "item_id", "")
    ordinals: dict[str, int] = {}
    item_of = np.empty(count, dtype=np.int32)
    item_first: list[int] = []
    for docnum, item_id in enumerate(item_ids):
        key = "\x00deleted" if docnum in skip else item_id
        ordinal = ordinals.get(key)
        if ordinal is None:
            ordinal = ordinals[key] = len(item_first)
            item_first.append(docnum)
        item_of[docnum] = ordinal
    codes: dict[str, np.ndarray] = {}
    labels: dict[str, list[str]] = {}
    for column in SINGLE_FACETS.values():
        values = _column_values(leaf, column, "")
        distinct = sorted(set(values))
        index = {label: code for code, label in enumerate(distinct)}
        codes[column] = np.fromiter((index[v] for v in values), dtype=np.int32, count=count)
        labels[column] = distinct
    pairs: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for column in MULTI_FACETS.values():
        seen: set[tuple[int, str]] = set()
        for docnum, value in enumerate(_column_values(leaf, column, b"")):
            if value and docnum not in skip:
                ordinal = int(item_of[docnum])
                seen.update((ordinal, name) for name in _split(value))
        distinct = sorted({name for _ordinal, name in seen})
        index = {label: code for code, label in enumerate(distinct)}
        ordered = sorted((ordinal, index[name]) for ordinal, name in seen)
        pairs[column] = (
            np.asarray([p[0] for p in ordered], dtype=np.int32),
            np.asarray([p[1] for p in ordered], dtype=np.int32),
        )
        labels[column] = distinct
    lengths: dict[str, np.ndarray] = {}
    for name in schema.scorable_names():
        reader = leaf._perdoc._cached_reader(_lenfield(name), LENGTHS_COLUMN)
        if reader is not None:
            lengths[name] = np.fromiter(reader, dtype=np.uint8, count=count)
    numeric: dict[str, np.ndarray] = {}
    for name in schema.names():
        field = schema[name]
        if field.column_type is not None and isinstance(field, NUMERIC) and leaf.has_column(name):
            raw = leaf.column_reader(name, translate=False)
            numeric[name] = np.fromiter(
                (v if v and 0 < v < _ABSENT_FROM else 0 for v in raw), dtype=np.int64, count=count
            )
    return SegmentColumns(
        count, item_of, np.asarray(item_first, dtype=np.int32), codes, labels, pairs, lengths, numeric
    )


def _arrays(cols: SegmentColumns) -> dict[str, np.ndarray]:
    arrays = {"item_of": cols.item_of, "item_first": cols.item_first}
    arrays.update({f"codes/{k}": v for k, v in cols.codes.items()})
    for k, (items, codes) in cols.pairs.items():
        arrays[f"pair_items/{k}"], arrays[f"pair_codes/{k}"] = items, codes
    arrays.update({f"lengths/{k}": v for k, v in cols.lengths.items()})
    arrays.update({f"numeric/{k}": v for k, v in cols.numeric.items()})
    return arrays


def save(path: Path, segment_id: str, schema: Any, cols: SegmentColumns) -> None:
    """Write `cols` for segment `segment_id` atomically (see the module's invariants)."""
    arrays = _arrays(cols)
    layout: dict[str, Any] = {}
    offset = 0
    for name, array in arrays.items():
        array = np.ascontiguousarray(array)
        layout[name] = {"dtype": array.dtype.str, "shape": list(array.shape), "offset": offset}
        offset += -(-array.nbytes // 8) * 8
    header = json.dumps(
        {
            "format": FORMAT,
            "segment": segment_id,
            "doc_count": cols.doc_count,
            "schema": _schema_key(schema),
            "labels": cols.labels,
            "arrays": layout,
        },
        ensure_ascii=False,
    ).encode("utf-8")
    header += b" " * (-len(header) % 8)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as out:
            out.write(MAGIC + len(header).to_bytes(8, "little") + header)
            for array in arrays.values():
                data = np.ascontiguousarray(array).tobytes()
                out.write(data + b"\0" * (-len(data) % 8))
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def load(path: Path, segment_id: str, doc_count: int, schema: Any) -> SegmentColumns | None:
    """The columns file of a segment, memory-mapped; None when missing, unreadable or not
    this segment's (never an error: the caller computes the columns instead)."""
    try:
        with path.open("rb") as handle:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    try:
        if mapped[:8] != MAGIC:
            return None
        size = int.from_bytes(mapped[8:16], "little")
        header = json.loads(mapped[16 : 16 + size].decode("utf-8"))
        if (
            header.get("format") != FORMAT
            or header.get("segment") != segment_id
            or header.get("doc_count") != doc_count
            or header.get("schema") != _schema_key(schema)
        ):
            return None
        start = 16 + size
        arrays: dict[str, np.ndarray] = {}
        for name, spec in header["arrays"].items():
            dtype = np.dtype(spec["dtype"])
            count = int(np.prod(spec["shape"])) if spec["shape"] else 1
            arrays[name] = np.frombuffer(mapped, dtype=dtype, count=count, offset=start + spec["offset"])
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None
    labels = header["labels"]

    def group(prefix: str) -> dict[str, np.ndarray]:
        return {name[len(prefix) :]: array for name, array in arrays.items() if name.startswith(prefix)}

    pair_items, pair_codes = group("pair_items/"), group("pair_codes/")
    cols = SegmentColumns(
        doc_count,
        arrays["item_of"],
        arrays["item_first"],
        group("codes/"),
        labels,
        {k: (pair_items[k], pair_codes[k]) for k in pair_items},
        group("lengths/"),
        group("numeric/"),
    )
    if len(cols.item_of) != doc_count or set(cols.codes) != set(SINGLE_FACETS.values()):
        return None
    return cols


def segment_columns(leaf: Any, folder: Path | None, *, write: bool = True) -> SegmentColumns:
    """One segment's columns: its file when valid, else computed (and saved when possible)."""
    segment = leaf.segment()
    segment_id = segment.segment_id()
    count = leaf.doc_count_all()
    path = columns_path(folder, segment_id) if folder is not None else None
    cols = load(path, segment_id, count, leaf.schema) if path is not None else None
    if cols is None:
        cols = compute(leaf)
        if path is not None and write:
            try:
                save(path, segment_id, leaf.schema, cols)
            except OSError:  # a read-only or full home: searching works without the file
                pass
    return cols


def write_for(folder: Path, leaves: list[Any]) -> None:
    """Make sure every segment among `leaves` has its columns file (after a commit)."""
    for leaf in leaves:
        if leaf.doc_count_all():
            segment_columns(leaf, folder)


# --------------------------------------------------------------- whole index


@dataclass
class FacetTable:
    """Per-docnum item ordinals and per-item facet codes for one searcher generation.

    `item_of[docnum]` is the item ordinal of a section; `codes[facet][item]` indexes
    `labels[facet]`; multi-valued facets are (item, label code) pairs in `pairs[facet]`.
    """

    item_of: np.ndarray
    date: np.ndarray
    codes: dict[str, np.ndarray]
    labels: dict[str, list[str]]
    pairs: dict[str, tuple[np.ndarray, np.ndarray]]

    @property
    def item_count(self) -> int:
        return len(self.date)


class IndexColumns:
    """The columns of every segment of one generation, combined into global docnum order,
    with that generation's deletions applied (`live`)."""

    def __init__(self, reader: Any, folder: Path | None) -> None:
        leaves = list(reader.leaf_readers())
        self.doc_count_all = reader.doc_count_all()
        self.live = np.ones(self.doc_count_all, dtype=bool)
        self.segments: list[tuple[SegmentColumns, int]] = []
        for leaf, offset in leaves:
            count = leaf.doc_count_all()
            if not count:
                continue
            deleted = frozenset(leaf.segment().deleted_docs()) if leaf.has_deletions() else frozenset()
            cols = segment_columns(leaf, folder)
            if deleted:
                dead = np.fromiter(deleted, dtype=np.int64, count=len(deleted))
                self.live[dead + offset] = False
                mask = np.zeros(count, dtype=bool)
                mask[dead] = True
                # An item with deleted and live sections in one segment (never made by our
                # writers, which add and delete whole documents) takes the slow, exact path.
                if np.intersect1d(cols.item_of[mask], cols.item_of[~mask]).size:
                    cols = compute(leaf, deleted)
            self.segments.append((cols, offset))
        self._labels: dict[str, tuple[np.ndarray, list[str]]] = {}
        self._table: FacetTable | None = None

    def _global_codes(self, column: str, per_segment: list[np.ndarray]) -> tuple[list[np.ndarray], list[str]]:
        """Per-segment label codes translated into one label list shared by all segments."""
        distinct = sorted({label for cols, _offset in self.segments for label in cols.labels[column]})
        index = {label: code for code, label in enumerate(distinct)}
        out = []
        for (cols, _offset), codes in zip(self.segments, per_segment, strict=True):
            mapping = np.asarray([index[label] for label in cols.labels[column]] or [0], dtype=np.int64)
            out.append(mapping[codes] if len(codes) else np.empty(0, np.int64))
        return out, distinct

    def label_column(self, column: str) -> tuple[np.ndarray, list[str]]:
        """A single-valued facet column as a code per docnum and the labels they index."""
        cached = self._labels.get(column)
        if cached is None:
            codes, labels = self._global_codes(column, [cols.codes[column] for cols, _o in self.segments])
            whole = np.zeros(self.doc_count_all, dtype=np.int64)
            for (cols, offset), part in zip(self.segments, codes, strict=True):
                whole[offset : offset + cols.doc_count] = part
            if not self.segments:
                labels = [""]
            cached = self._labels[column] = (whole, labels)
        return cached

    def field_lengths(self, field: str) -> np.ndarray:
        """Whoosh's one-byte length of `field` per docnum (0 where the field has none)."""
        raw = np.zeros(self.doc_count_all, dtype=np.uint8)
        for cols, offset in self.segments:
            if field in cols.lengths:
                raw[offset : offset + cols.doc_count] = cols.lengths[field]
        return raw

    def numeric_column(self, field: str) -> np.ndarray:
        values = np.zeros(self.doc_count_all, dtype=np.int64)
        for cols, offset in self.segments:
            if field in cols.numeric:
                values[offset : offset + cols.doc_count] = cols.numeric[field]
        return values

    def facet_table(self) -> FacetTable:
        """Item ordinals (global: each segment's offset by the items before it) and facets."""
        if self._table is not None:
            return self._table
        item_offsets = []
        total_items = 0
        for cols, _offset in self.segments:
            item_offsets.append(total_items)
            total_items += len(cols.item_first)
        item_of = np.zeros(self.doc_count_all, dtype=np.int64)
        first_doc = np.zeros(total_items, dtype=np.int64)
        for (cols, offset), base in zip(self.segments, item_offsets, strict=True):
            item_of[offset : offset + cols.doc_count] = cols.item_of.astype(np.int64) + base
            first_doc[base : base + len(cols.item_first)] = cols.item_first.astype(np.int64) + offset
        dates = self.numeric_column("date")[first_doc] if total_items else np.empty(0, np.int64)
        codes: dict[str, np.ndarray] = {}
        labels: dict[str, list[str]] = {}
        for facet, column in SINGLE_FACETS.items():
            per_doc, labels[facet] = self.label_column(column)
            codes[facet] = per_doc[first_doc]
        pairs: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for facet, column in MULTI_FACETS.items():
            local = [cols.pairs[column][1] for cols, _offset in self.segments]
            mapped, labels[facet] = self._global_codes(column, local)
            items = [
                cols.pairs[column][0].astype(np.int64) + base
                for (cols, _offset), base in zip(self.segments, item_offsets, strict=True)
            ]
            pairs[facet] = (
                np.concatenate(items) if items else np.empty(0, np.int64),
                np.concatenate(mapped) if mapped else np.empty(0, np.int64),
            )
        self._table = FacetTable(item_of, dates, codes, labels, pairs)
        return self._table
