"""Fixes to whoosh-reloaded 2.7, applied once when `search.engine.backend` loads.

1. `W3PerDocReader._cached_reader` caches the length column of a field only when it exists;
   for fields without lengths (IDs, keywords) it asks the file system again on every call.
   Writing a segment calls it once per posting, so a 10k-section build made ~350,000 `stat`
   calls. Caching the miss as well is safe: a segment's files never change once written.
2. Opening a segment stored as one compound file (`.seg`) copied each of its sub-files out of
   the memory map into a `BytesIO` (`BufferFile`): a new searcher copied every posting list and
   term table of the index into its own memory (120 MB and 70 ms at 100k sections). Reading
   through a view of the map instead copies only the bytes read.
3. A variable-length column (the stored fields of a segment) without stored offsets derives
   them from its lengths in a Python loop when first read: 20 ms per 20k-section segment for
   the first hit shown from it. `itertools.accumulate` does the same sum in C.
"""

from __future__ import annotations

import struct
from array import array
from itertools import accumulate
from typing import Any

from whoosh import columns
from whoosh.codec import whoosh3
from whoosh.filedb import structfile


def _cached_reader(self: Any, fieldname: str, column: Any) -> Any:
    readers = self._readers
    if fieldname not in readers:
        readers[fieldname] = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
    return readers[fieldname]


class ViewFile:
    """A read-only file over a memoryview: what `BytesIO(view)` offers a reader, without the
    copy. Reads return `bytes` (as a file's do)."""

    def __init__(self, view: Any) -> None:
        self._view = memoryview(view)
        self._pos = 0
        self.closed = False

    def read(self, size: int | None = -1) -> bytes:
        start = self._pos
        end = len(self._view) if size is None or size < 0 else min(len(self._view), start + size)
        self._pos = max(start, end)
        return bytes(self._view[start:end])

    def readline(self, size: int | None = -1) -> bytes:
        end = len(self._view) if size is None or size < 0 else min(len(self._view), self._pos + size)
        line = bytearray()
        while self._pos < end:
            byte = self._view[self._pos]
            self._pos += 1
            line.append(byte)
            if byte == 0x0A:
                break
        return bytes(line)

    def __iter__(self) -> Any:
        while line := self.readline():
            yield line

    def seek(self, offset: int, whence: int = 0) -> int:
        base = {0: 0, 1: self._pos, 2: len(self._view)}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def tell(self) -> int:
        return self._pos

    def close(self) -> None:
        self.closed = True
        self._view = memoryview(b"")


def _buffer_file_init(self: Any, buf: Any, name: Any = None, onclose: Any = None) -> None:
    self._buf = buf
    self._name = name
    self.file = ViewFile(buf)
    self.onclose = onclose
    self.is_real = False
    self.is_closed = False


def _read_offsets_and_lengths(self: Any) -> None:
    """`VarBytesColumn.Reader._read_offsets_and_lengths`, offsets summed in C."""
    dbfile = self._dbfile
    lastbyte = self._basepos + self._length - 1
    doccount = self._doccount
    lens_code = chr(dbfile.get_byte(lastbyte))
    offsets = None
    if lens_code == "X":  # offsets were written: the lengths' type code is two bytes back
        self.had_stored_offsets = True
        lens_code = chr(dbfile.get_byte(lastbyte - 2))
        offsets_code = chr(dbfile.get_byte(lastbyte - 1))
        offsetstart = (lastbyte - 2) - doccount * struct.calcsize(offsets_code)
        offsets = dbfile.get_array(offsetstart, offsets_code, doccount)
        lastbyte = offsetstart
    lenstart = lastbyte - struct.calcsize(lens_code) * doccount
    lengths = dbfile.get_array(lenstart, lens_code, doccount)
    if offsets is None:
        offsets = array("L", accumulate(lengths, initial=0))
        offsets.pop()
    self._offsets = offsets
    self._lengths = lengths


def apply() -> None:
    """Install the fixes (idempotent)."""
    whoosh3.W3PerDocReader._cached_reader = _cached_reader
    structfile.BufferFile.__init__ = _buffer_file_init
    columns.VarBytesColumn.Reader._read_offsets_and_lengths = _read_offsets_and_lengths
