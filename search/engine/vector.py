"""Whoosh query trees evaluated over whole posting lists with NumPy.

Why: Whoosh's matchers step through postings one at a time in Python. Facet counts, totals
and one-hit-per-item grouping need *every* match of a query anyway, so reading each posting
list once as arrays and combining them with set operations is simpler and an order of
magnitude faster at archive scale (tens of thousands of matches per query).

Invariants:

* `Matches.ids` are global docnums (segment offset added), ascending, unique and live (never
  a deleted document); `scores` and `terms` align with them.
* Scores are BM25 (K1 = 1.2, B = 0.75, Whoosh's idf) per field over the indexed weights
  (which carry the field's boost), times the query's boosts; an OR group with a `scale`
  gets Whoosh's coordination bonus (SQR) over the number of its term leaves a document
  matches. So rankings follow Whoosh's own closely; tests compare the *match sets* with
  Whoosh's exactly.
* A phrase on a field with a word-pair companion (`PAIR_FIELDS`; those fields keep no
  positions) is matched as all of its adjacent word pairs and scored as those pair terms,
  and a proximity query ("a b"~3) there as all of its words; on other fields Whoosh's own
  phrase matcher checks positions. Any query type not modelled here is evaluated by Whoosh's matcher,
  segment by segment: slower, never wrong.
* Terms of the fields in `TERM_COLUMNS` (committee, kind, year: the filters) are read off
  their one-value-per-document column and score a constant: the same documents as their
  postings, without reading lists that cover much of the archive.
* Posting blocks are read through whoosh-reloaded 2.7's `W3LeafMatcher` internals (the
  version is pinned below 2.8 in pyproject.toml); any other matcher is read through the
  public `id()`/`weight()`/`next()` interface.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from whoosh import query
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.reading import TermNotFound
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

from search.engine.schema import PAIR_FIELDS, PAIR_SEP, TERM_COLUMNS

K1 = 1.2
B = 0.75
# Postings kept in memory per searcher generation (16 bytes each: ~160 MB at most), least
# recently used evicted first; a common query touches a dozen lists.
POSTINGS_CACHE_LIMIT = 10_000_000

# Raw numeric column values from here up are Whoosh's fill for "no value" (see `numeric_column`).
_ABSENT_FROM = 2**63

_BYTE_TO_LENGTH = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)


@dataclass(frozen=True)
class Matches:
    """Matching docnums with their scores and how many query terms each matched."""

    ids: np.ndarray
    scores: np.ndarray
    terms: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)

    def restricted_to(self, allowed: np.ndarray) -> Matches:
        """Only the matches whose docnum is in `allowed` (ascending, unique)."""
        keep = np.isin(self.ids, allowed, assume_unique=True)
        return Matches(self.ids[keep], self.scores[keep], self.terms[keep])


def _empty() -> Matches:
    return Matches(np.empty(0, np.int64), np.empty(0, np.float64), np.empty(0, np.int64))


def _constant(ids: np.ndarray, score: float) -> Matches:
    return Matches(ids, np.full(len(ids), score, dtype=np.float64), np.zeros(len(ids), np.int64))


def _union(parts: list[Matches]) -> tuple[Matches, np.ndarray]:
    """All ids of `parts`, scores and term counts summed; also how many parts matched each."""
    parts = [p for p in parts if len(p)]
    if not parts:
        return _empty(), np.empty(0, np.int64)
    if len(parts) == 1:
        return parts[0], np.ones(len(parts[0]), np.int64)
    ids, inverse = np.unique(np.concatenate([p.ids for p in parts]), return_inverse=True)
    scores = np.bincount(inverse, weights=np.concatenate([p.scores for p in parts]), minlength=len(ids))
    terms = np.bincount(inverse, weights=np.concatenate([p.terms for p in parts]), minlength=len(ids))
    count = np.bincount(inverse, minlength=len(ids))
    return Matches(ids, scores, terms.astype(np.int64)), count


def _intersection(parts: list[Matches]) -> Matches:
    parts = sorted(parts, key=len)  # smallest first: every later step is cheaper
    result = parts[0]
    for other in parts[1:]:
        if not len(result):
            break
        ids, left, right = np.intersect1d(result.ids, other.ids, assume_unique=True, return_indices=True)
        result = Matches(
            ids, result.scores[left] + other.scores[right], result.terms[left] + other.terms[right]
        )
    return result


def _without(kept: Matches, removed: Matches) -> Matches:
    if not len(removed) or not len(kept):
        return kept
    keep = ~np.isin(kept.ids, removed.ids, assume_unique=True)
    return Matches(kept.ids[keep], kept.scores[keep], kept.terms[keep])


def _term_leaves(node: query.Query) -> int:
    """How many term matchers Whoosh would count under `node` (for the SQR bonus)."""
    if isinstance(node, query.Phrase):
        return len(node.words)
    if isinstance(node, query.Term):
        return 1
    if node.is_leaf():
        return 0
    return sum(_term_leaves(child) for child in node.children())


def _sqr(scores: np.ndarray, matched: np.ndarray, termcount: int, scale: float) -> np.ndarray:
    """Whoosh's `CoordMatcher` bonus for matching more of an OR group's terms."""
    if termcount == 0 or termcount == scale:
        return np.zeros_like(scores)
    return (scores + (matched - 1) / (termcount - scale) ** 2) * ((termcount - 1) / termcount)


def _read_postings(matcher: Any) -> tuple[np.ndarray, np.ndarray]:
    """Every (docnum, weight) of one segment's posting list, as arrays."""
    if isinstance(matcher, W3LeafMatcher) and not matcher._byteids:
        return _read_blocks(matcher)
    ids: list[int] = []
    weights: list[float] = []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return np.asarray(ids, dtype=np.int64), np.asarray(weights, dtype=np.float64)


def _read_blocks(matcher: W3LeafMatcher) -> tuple[np.ndarray, np.ndarray]:
    """A whole on-disk posting list, block by block, decoded with NumPy.

    A block's data is (delta-encoded ids, weights, values): the weights are None when all
    are 1, one float when all are equal, else one per posting (see whoosh3's
    `W3PostingsWriter._mini_weights`). Values (positions) are never decoded.
    """
    ids: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    while matcher.is_active():  # at the start of a block: take the whole block
        matcher._read_data()
        deltas, block_weights = matcher._data[0], matcher._data[1]
        block_ids = np.cumsum(np.asarray(deltas, dtype=np.int64))
        ids.append(block_ids)
        if block_weights is None:
            weights.append(np.ones(len(block_ids), dtype=np.float64))
        elif isinstance(block_weights, float):
            weights.append(np.full(len(block_ids), block_weights, dtype=np.float64))
        else:
            weights.append(np.asarray(block_weights, dtype=np.float64))
        matcher._next_block()
    if not ids:
        return np.empty(0, np.int64), np.empty(0, np.float64)
    return np.concatenate(ids), np.concatenate(weights)


class VectorIndex:
    """One searcher generation, ready for `evaluate`. Build once per generation and share.

    Thread safety: evaluation only reads, but the posting cache is an OrderedDict updated on
    every lookup; callers serialise searches on one instance (`backend` holds a lock).
    """

    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher
        self.schema = searcher.schema
        self.reader = searcher.reader()
        # An index with no sections yet (every paper itemless) has a single `EmptyReader`
        # leaf, which has no postings or columns to read: only leaves holding documents count.
        self.leaves = [(leaf, offset) for leaf, offset in self.reader.leaf_readers() if leaf.doc_count_all()]
        self.doc_count_all = self.reader.doc_count_all()
        live = np.ones(self.doc_count_all, dtype=bool)
        for leaf, offset in self.leaves:
            if not leaf.has_deletions():
                continue
            deleted = [docnum for docnum in range(leaf.doc_count_all()) if leaf.is_deleted(docnum)]
            if deleted:
                live[np.asarray(deleted, dtype=np.int64) + offset] = False
        self.live = live
        self.live_ids = np.flatnonzero(live).astype(np.int64)
        self._lengths: dict[str, np.ndarray] = {}
        self._numeric: dict[str, np.ndarray] = {}
        self._labels: dict[str, tuple[np.ndarray, list[str]]] = {}
        self._postings: OrderedDict[tuple[str, bytes], tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._postings_held = 0
        self._handlers: list[tuple[type, Callable[[Any], Matches]]] = [
            (query.qcore._NullQuery, lambda q: _empty()),
            (query.Every, lambda q: _constant(self.live_ids, q.boost)),
            (query.Term, self._term),
            (query.Phrase, self._phrase),
            (query.NumericRange, self._numeric_range),
            (query.AndNot, self._and_not),
            (query.AndMaybe, self._and_maybe),
            (query.Require, self._require),
            (query.Not, self._not),
            (query.And, self._and),
            (query.Or, self._or),
            (query.MultiTerm, self._multi_term),
        ]

    # ---------------------------------------------------------------- evaluation

    def evaluate(self, q: query.Query) -> Matches:
        """Every live document matching `q`, with its score."""
        for kind, handler in self._handlers:
            if isinstance(q, kind):
                return handler(q)
        return self._by_whoosh(q)

    def _term(self, q: query.Term) -> Matches:
        field = self.schema[q.fieldname] if q.fieldname in self.schema else None
        column = TERM_COLUMNS.get(q.fieldname)
        if field is not None and column and self.reader.has_column(column):
            ids = self._column_term(q.fieldname, column, q.text)
            return Matches(ids, np.full(len(ids), q.boost, np.float64), np.ones(len(ids), np.int64))
        ids, weights = self.postings(q.fieldname, q.text)
        if field is None:
            return Matches(ids, weights, np.ones(len(ids), np.int64))
        if not len(ids) or not field.scorable:
            return Matches(ids, np.full(len(ids), q.boost, np.float64), np.ones(len(ids), np.int64))
        idf = self.searcher.idf(q.fieldname, q.text)
        avg = self.searcher.avg_field_length(q.fieldname) or 1.0
        lengths = self.field_lengths(q.fieldname)[ids]
        bm25 = idf * (weights * (K1 + 1)) / (weights + K1 * ((1 - B) + B * lengths / avg))
        # The field's boost is already in the weights: Whoosh multiplies it in at index time.
        return Matches(ids, bm25 * q.boost, np.ones(len(ids), np.int64))

    def _phrase(self, q: query.Phrase) -> Matches:
        """A phrase on a field with a pair companion is the documents holding all of its
        adjacent word pairs there, scored as those pair terms (with the field's boost): a
        pair implies both its words, and pair lists are far shorter than word lists."""
        words = [query.Term(q.fieldname, word, boost=q.boost) for word in q.words]
        if not words:
            return _empty()
        pairs = PAIR_FIELDS.get(q.fieldname)
        if len(words) > 1 and q.slop == 1 and pairs and pairs in self.schema:
            boost = q.boost * self.schema[q.fieldname].format.field_boost
            pair_terms = [
                query.Term(pairs, f"{first}{PAIR_SEP}{second}", boost=boost)
                for first, second in zip(q.words, q.words[1:], strict=False)
            ]
            found = _intersection([self.evaluate(term) for term in pair_terms])
            return Matches(found.ids, found.scores, np.full(len(found), len(words), np.int64))
        found = _intersection([self.evaluate(word) for word in words])
        if len(words) == 1 or not len(found) or (pairs and pairs in self.schema):
            # One word; or a proximity query ("a b"~3), which pair fields cannot check:
            # then all of its words, anywhere in the field.
            return found
        exact = self._by_whoosh(q)  # a field with positions and no pair companion
        return found.restricted_to(exact.ids)

    def _numeric_range(self, q: query.NumericRange) -> Matches:
        if q.fieldname not in self.schema or self.schema[q.fieldname].column_type is None:
            return self._by_whoosh(q)
        values = self.numeric_column(q.fieldname)
        mask = self.live & (values != 0)  # 0: the document has no value for the field
        if q.start is not None:
            mask &= values > q.start if q.startexcl else values >= q.start
        if q.end is not None:
            mask &= values < q.end if q.endexcl else values <= q.end
        return _constant(np.flatnonzero(mask).astype(np.int64), q.boost)

    def _multi_term(self, q: query.MultiTerm) -> Matches:
        """Prefix, wildcard, fuzzy, term range: the union of the index terms they expand to."""
        field = q.field()
        parts = [self.evaluate(query.Term(field, text, boost=q.boost)) for text in q._btexts(self.reader)]
        found, _count = _union(parts)
        if getattr(q, "constantscore", False):
            return Matches(found.ids, np.full(len(found), q.boost, np.float64), found.terms)
        return found

    def _and(self, q: query.And) -> Matches:
        positive = [c for c in q.subqueries if not isinstance(c, query.Not)]
        negative = [c.query for c in q.subqueries if isinstance(c, query.Not)]
        found = (
            _intersection([self.evaluate(c) for c in positive]) if positive else _constant(self.live_ids, 0.0)
        )
        for excluded in negative:
            found = _without(found, self.evaluate(excluded))
        return _boosted(found, q.boost)

    def _or(self, q: query.Or) -> Matches:
        found, _count = _union([self.evaluate(c) for c in q.subqueries])
        scores = found.scores
        if q.scale:
            scores = _sqr(scores, found.terms, _term_leaves(q), q.scale)
        return _boosted(Matches(found.ids, scores, found.terms), q.boost)

    def _not(self, q: query.Not) -> Matches:
        return _without(_constant(self.live_ids, q.boost), self.evaluate(q.query))

    def _and_not(self, q: query.AndNot) -> Matches:
        return _without(self.evaluate(q.a), self.evaluate(q.b))

    def _require(self, q: query.Require) -> Matches:
        scored = self.evaluate(q.a)
        return scored.restricted_to(self.evaluate(q.b).ids)

    def _and_maybe(self, q: query.AndMaybe) -> Matches:
        required = self.evaluate(q.a)
        optional = self.evaluate(q.b)
        _ids, left, right = np.intersect1d(
            required.ids, optional.ids, assume_unique=True, return_indices=True
        )
        scores = required.scores.copy()
        scores[left] += optional.scores[right]
        return Matches(required.ids, scores, required.terms)

    def _by_whoosh(self, q: query.Query) -> Matches:
        """Whoosh's own matcher, segment by segment (deleted documents already skipped)."""
        ids: list[int] = []
        scores: list[float] = []
        for sub, offset in self.searcher.leaf_searchers():
            matcher = q.matcher(sub)
            while matcher.is_active():
                ids.append(offset + matcher.id())
                scores.append(matcher.score())
                matcher.next()
        order = np.argsort(np.asarray(ids, dtype=np.int64), kind="stable")
        id_array = np.asarray(ids, dtype=np.int64)[order]
        return Matches(id_array, np.asarray(scores, dtype=np.float64)[order], np.ones(len(ids), np.int64))

    # ------------------------------------------------------------------ data

    def postings(self, fieldname: str, text: Any) -> tuple[np.ndarray, np.ndarray]:
        """Live global docnums and term frequencies of one term (cached per generation)."""
        if fieldname not in self.schema:
            return np.empty(0, np.int64), np.empty(0, np.float64)
        btext = self.reader._text_to_bytes(fieldname, text)
        key = (fieldname, btext)
        cached = self._postings.get(key)
        if cached is not None:
            self._postings.move_to_end(key)
            return cached
        fmt = self.schema[fieldname].format
        id_parts: list[np.ndarray] = []
        weight_parts: list[np.ndarray] = []
        for leaf, offset in self.leaves:
            try:
                matcher = leaf._terms.matcher(fieldname, btext, fmt)
            except (KeyError, TermNotFound):
                continue
            ids, weights = _read_postings(matcher)
            id_parts.append(ids + offset)
            weight_parts.append(weights)
        if id_parts:
            ids = np.concatenate(id_parts)
            weights = np.concatenate(weight_parts)
            keep = self.live[ids]
            result = (ids[keep], weights[keep])
        else:
            result = (np.empty(0, np.int64), np.empty(0, np.float64))
        self._postings[key] = result
        self._postings_held += len(result[0])
        while self._postings_held > POSTINGS_CACHE_LIMIT and len(self._postings) > 1:
            _key, (evicted, _weights) = self._postings.popitem(last=False)
            self._postings_held -= len(evicted)
        return result

    def _column_term(self, fieldname: str, column: str, text: Any) -> np.ndarray:
        """Live docnums whose `column` value, analysed like `fieldname`, contains `text`."""
        codes, labels = self.label_column(column)
        field = self.schema[fieldname]
        wanted = text.decode("utf-8") if isinstance(text, bytes) else str(text)
        matching = [
            code
            for code, label in enumerate(labels)
            if wanted in set(field.process_text(label, mode="index"))
        ]
        mask = np.isin(codes, matching) & self.live
        return np.flatnonzero(mask).astype(np.int64)

    def label_column(self, column: str) -> tuple[np.ndarray, list[str]]:
        """A text column as a code per docnum and the distinct labels the codes index."""
        cached = self._labels.get(column)
        if cached is None:
            values: list[str] = []
            for leaf, _offset in self.leaves:
                values.extend(
                    leaf.column_reader(column) if leaf.has_column(column) else [""] * leaf.doc_count_all()
                )
            labels, codes = np.unique(np.asarray(values, dtype=object), return_inverse=True)
            cached = self._labels[column] = (codes.astype(np.int64), [str(label) for label in labels])
        return cached

    def forget_postings(self) -> None:
        """Drop cached posting lists (benchmarks time searches that read them from disk)."""
        self._postings.clear()
        self._postings_held = 0

    def field_lengths(self, fieldname: str) -> np.ndarray:
        """Each document's length in words of `fieldname` (Whoosh's one-byte approximation)."""
        lengths = self._lengths.get(fieldname)
        if lengths is None:
            lengths = np.zeros(self.doc_count_all, dtype=np.float64)
            for leaf, offset in self.leaves:
                column = leaf._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
                if column is None:
                    continue
                raw = np.fromiter(column, dtype=np.uint8, count=leaf.doc_count_all())
                lengths[offset : offset + len(raw)] = _BYTE_TO_LENGTH[raw]
            self._lengths[fieldname] = lengths
        return lengths

    def numeric_column(self, fieldname: str) -> np.ndarray:
        """A sortable numeric field's raw column value per docnum (0 where absent).

        Whoosh fills a document with no value with the column's default, the largest value
        of its type: for a date (an undated paper) 2**64 - 1, past any int64. It is absent.
        """
        values = self._numeric.get(fieldname)
        if values is None:
            values = np.zeros(self.doc_count_all, dtype=np.int64)
            for leaf, offset in self.leaves:
                if leaf.has_column(fieldname):
                    column = leaf.column_reader(fieldname, translate=False)
                    raw = [value if value and 0 < value < _ABSENT_FROM else 0 for value in column]
                    values[offset : offset + len(raw)] = raw
            self._numeric[fieldname] = values
        return values


def _boosted(found: Matches, boost: float) -> Matches:
    return found if boost == 1.0 else Matches(found.ids, found.scores * boost, found.terms)
