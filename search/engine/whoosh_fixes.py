"""A fix to whoosh-reloaded 2.7's segment reader, applied once when `search.engine.backend` loads.

`W3PerDocReader._cached_reader` caches the length column of a field only when it exists;
for fields without lengths (IDs, keywords) it asks the file system again on every call.
Writing a segment calls it once per posting, so a 10k-section build made ~350,000 `stat`
calls. Caching the miss as well is safe: a segment's files never change once written.
"""

from __future__ import annotations

from typing import Any

from whoosh.codec import whoosh3


def _cached_reader(self: Any, fieldname: str, column: Any) -> Any:
    readers = self._readers
    if fieldname not in readers:
        readers[fieldname] = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
    return readers[fieldname]


def apply() -> None:
    """Install the fix (idempotent)."""
    whoosh3.W3PerDocReader._cached_reader = _cached_reader
