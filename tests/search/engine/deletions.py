"""A build with deleted documents still in its segments, for the tests of what reads one.

`minutebook` purges a replaced document's sections when it commits the replacement
(`backend._purge_deleted`), but an index written before that, or by another Whoosh writer,
holds deletions: the readers (the vector evaluator, the column files) must honour them.
"""

from __future__ import annotations

from pathlib import Path

from whoosh import index

from minutebook.store import Store
from search.engine import backend


def replace_leaving_deletions(home: Path, store: Store, document_id: str) -> None:
    """Re-index `document_id`'s sections in a new segment, its old ones left deleted."""
    live = backend.live_dir(home)
    assert live is not None
    ix = index.open_dir(str(live))
    with backend._writing(ix) as writer:
        writer.delete_by_term("document_id", document_id)
        backend._add_all(writer, backend.section_documents(store, [document_id]))
    backend._write_columns(live)
