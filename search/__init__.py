"""Search: everything that reads the record store for a user.

Rooms, each a package with a public front (`__all__` in its `__init__.py`):

* `engine/`: the index on disk and query evaluation (`search_papers`, `rebuild`).
* `ask/`: the answer pipeline, question -> candidates -> ranked answer -> citation.
* `tracker/`: commitments matched to the later papers that deliver them.
* `records/`: resolutions, entities and figures as users read them.
* `watch/`: saved searches and the digest of what is new (it reports the tracker's verdicts,
  so it ranks above `tracker`, beside `derived.py`).
* `derived.py`: brings the index and the tracker's evidence up to date after an ingest.

Import rules (asserted by tests/test_layout.py): `search` imports `minutebook` and never
`ingest` or `ui`. Inside it, `engine` imports nothing else of `search`; `records` may import
`engine`; `tracker` and `ask` may import `engine` and `records` but not each other; `watch`
and `derived.py` sit above them (siblings, never importing each other), then this front; nothing
imports them back.

This front re-exports the search API most callers need.
"""

from search.derived import bring_index_up_to_date, ensure_evidence, refresh_after_ingest, refresh_tracker
from search.engine import (
    HIT_FIELDS,
    MATCH_MODES,
    USER_FIELDS,
    SearchRequest,
    hits_to_csv,
    rebuild,
    search_papers,
)

__all__ = [
    "HIT_FIELDS",
    "MATCH_MODES",
    "USER_FIELDS",
    "SearchRequest",
    "bring_index_up_to_date",
    "ensure_evidence",
    "hits_to_csv",
    "rebuild",
    "refresh_after_ingest",
    "refresh_tracker",
    "search_papers",
]
