"""A faster Whoosh segment writer: the same segment on disk, less Python per posting.

Where a 100k-section build's time went (one process, profiled): analysing text through
Whoosh's chain of token generators (each section's text analysed twice, for `text` and again
for `text_pairs`), adding every posting to the pool through its checks, and, when the segment
is finished, reading each posting's field length back out of the length column just written.

`FastSegmentWriter` differs from `whoosh.writing.SegmentWriter` in three places only:

* Fields analysed by `schema.ANALYZER` (`WORD_FIELDS`) or by `PAIR_ANALYZER` (`PAIR_FIELDS`)
  with a frequency format are analysed here: the analyser's own tokenizer pattern, its stop
  list and its stemmer, each distinct word stemmed once (`analysed_words`), and a text shared
  by a field and its pair companion analysed once. `tests/search/engine/test_fastwrite.py`
  checks the terms, frequencies and weights against Whoosh's own analysis of the same fields.
* Postings are gathered per term (docnums ascending as documents are added), so finishing
  the segment sorts its terms, not every posting, and hands the postings writer a block at a
  time; field lengths for the block statistics are kept as documents are added, not read
  back from disk. A writer that also merges other segments in (`add_reader`), or is given
  Whoosh's `_boost`/`_stored_` keywords, hands what it gathered to Whoosh's pool and writes
  the rest Whoosh's way.

Any other field, or a field whose format is not the one expected, takes Whoosh's own path.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from functools import lru_cache
from typing import Any

from whoosh import formats
from whoosh.codec.whoosh3 import W3FieldWriter
from whoosh.system import pack_uint
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

from search.engine.schema import PAIR_FIELDS, PAIR_SEP
from search.engine.snippets import _analysis

WORD_FIELDS = frozenset({"text", "item_title", "section_title", "body"})
PAIR_OF = {pairs: words for words, pairs in PAIR_FIELDS.items()}

_B2L = [None] + [byte_to_length(b) for b in range(1, 256)]


@lru_cache(maxsize=1)
def _word_pattern() -> re.Pattern[str]:
    """The tokenizer's pattern with its groups made non-capturing, so `findall` returns whole
    words (the same matches: a group's capturing never changes what matches)."""
    pattern, _stops, _stem = _analysis()
    return re.compile(re.sub(r"(?<!\\)\((?!\?)", "(?:", pattern.pattern), pattern.flags)


def analysed_words(text: str, cache: dict[str, str | None]) -> list[str]:
    """The terms `schema.ANALYZER` makes of `text` (index mode), in order."""
    _pattern, stops, stem = _analysis()
    words: list[str] = []
    append = words.append
    for word in _word_pattern().findall(text) if text else ():
        term = cache.get(word, "")
        if term == "":
            lower = word.lower()
            term = cache[word] = None if lower in stops else stem(lower)
        if term is not None:
            append(term)
    return words


def _pairs(words: list[str]) -> list[str]:
    return [f"{first}{PAIR_SEP}{second}" for first, second in zip(words, words[1:], strict=False)]


class _Lengths:
    """`doc_field_length` for `FieldWriter.add_postings`, from lengths kept in memory."""

    def __init__(self, lengths: dict[str, list[int]], docbase: int) -> None:
        self.lengths = lengths
        self.docbase = docbase

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> Any:
        column = self.lengths.get(fieldname)
        if column is None:
            return default
        index = docnum - self.docbase
        return _B2L[column[index]] if index < len(column) else None


class FastSegmentWriter(SegmentWriter):
    """`SegmentWriter` with the analysis, pooling and length look-ups above done faster."""

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        self._plan: dict[str, tuple[Any, str | None]] = {}
        for name in self.schema.names():
            field = self.schema[name]
            kind = None
            if type(field.format) is formats.Frequency and field.indexed and not field.vector:
                if name in WORD_FIELDS:
                    kind = "words"
                elif name in PAIR_OF:
                    kind = "pairs"
            self._plan[name] = (field, kind)
        self._stems: dict[str, str | None] = {}
        self._lengths: dict[str, list[int]] = {}
        # (field, term bytes) -> [(docnum, weight, value)]: the segment's postings by term.
        self._postings: dict[tuple[str, bytes], list[Any]] = {}
        # Spelling words and term vectors are Whoosh's to write (this schema has neither).
        self._merged = any(
            self.schema[name].separate_spelling() or self.schema[name].vector for name in self.schema.names()
        )

    def add_reader(self, reader: Any) -> None:
        self._use_whooshs_path()
        super().add_reader(reader)

    def _use_whooshs_path(self) -> None:
        """From here on, Whoosh's own writing: postings gathered so far go into its pool."""
        if not self._merged:
            self._merged = True
            current = self.pool.current
            for (fieldname, tbytes), rows in self._postings.items():
                self.pool.fieldnames.add(fieldname)
                current.extend((fieldname, tbytes, docnum, weight, vbytes) for docnum, weight, vbytes in rows)
            self._postings.clear()

    def add_document(self, **fields: Any) -> None:
        if self._merged or any(name.startswith("_") for name in fields):
            self._use_whooshs_path()  # boosts, custom stored values: lengths read from disk
            super().add_document(**fields)
            return
        self._check_state()
        perdoc = self.perdocwriter
        docnum = self.docnum
        postings = self._postings
        fieldnames = sorted(fields)
        self._check_fields(self.schema, fieldnames)
        analysed: dict[int, list[str]] = {}  # id(text) -> its words, shared by a field and its pairs
        perdoc.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields[fieldname]
                if value is None:
                    continue
                field, kind = self._plan[fieldname]
                length = 0
                if field.indexed:
                    if kind is not None and isinstance(value, str):
                        words = analysed.get(id(value))
                        if words is None:
                            words = analysed[id(value)] = analysed_words(value, self._stems)
                        counts = Counter(words if kind == "words" else _pairs(words))
                        boost = field.format.field_boost
                        for term, freq in counts.items():
                            key = (fieldname, term.encode("utf-8"))
                            row = (docnum, freq * boost, pack_uint(freq))
                            found = postings.get(key)
                            if found is None:
                                postings[key] = [row]
                            else:
                                found.append(row)
                        length = sum(counts.values()) if field.scorable else 0
                    else:
                        for tbytes, freq, weight, vbytes in field.index(value):
                            if field.scorable:
                                length += freq
                            postings.setdefault((fieldname, tbytes), []).append((docnum, weight, vbytes))
                    if field.scorable:
                        lengths = self._lengths.setdefault(fieldname, [])
                        lengths.extend([0] * (docnum - self.docbase - len(lengths)))
                        lengths.append(length_to_byte(length) if length else 0)
                sv = value if field.stored else None
                perdoc.add_field(fieldname, field, sv, length)
                column = field.column_type
                if column:
                    perdoc.add_column_value(fieldname, column, field.to_column_value(value))
        except Exception:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self) -> None:
        if self._merged or not self.codec.length_stats or type(self.fieldwriter) is not W3FieldWriter:
            self._use_whooshs_path()
            super()._flush_segment()
            return
        self.perdocwriter.close()
        lengths = _Lengths(self._lengths, self.docbase)
        _add_postings_by_term(self.fieldwriter, self.schema, lengths, self._postings)
        self._postings.clear()
        self.fieldwriter.close()


def _add_postings_by_term(
    writer: W3FieldWriter, schema: Any, lengths: _Lengths, postings: dict[tuple[str, bytes], list[Any]]
) -> None:
    """`FieldWriter.add_postings` from postings gathered per term (docnums ascending, as
    documents were added), terms in Whoosh's order (field name, then term bytes): each block
    of a term's postings is handed to Whoosh's postings writer whole, with the statistics
    `W3PostingsWriter.add_posting` would have gathered one posting at a time (the same blocks
    and bytes: full blocks of `blocklimit`, the rest written by `finish_postings`)."""
    lastfield = None
    for key in sorted(postings):
        fieldname, btext = key
        rows = postings[key]
        if fieldname != lastfield:
            if lastfield is not None:
                writer.finish_field()
            writer.start_field(fieldname, schema[fieldname])
            lastfield = fieldname
        writer.start_term(btext)
        postwriter = writer._postwriter
        column = lengths.lengths.get(fieldname)
        limit = postwriter._blocklimit
        for start in range(0, len(rows), limit):
            if start:
                postwriter._write_block()
            block = rows[start : start + limit]
            ids = [row[0] for row in block]
            weights = [row[1] for row in block]
            postwriter._ids = array("I", ids)
            postwriter._weights = array("f", weights)
            postwriter._values = [row[2] for row in block if row[2]]
            postwriter._maxweight = max(0, max(weights))
            if column is not None:
                base = lengths.docbase
                found = [_B2L[column[i - base]] for i in ids if i - base < len(column) and column[i - base]]
                postwriter._minlength = min(found) if found else None
                postwriter._maxlength = max(found) if found else 0
        writer.finish_term()
    if lastfield is not None:
        writer.finish_field()
