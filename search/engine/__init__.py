"""The search engine: the index on disk and query evaluation (Whoosh today, behind this front).

Modules: `schema` (fields and the one analyzer), `syntax` (how words combine and the
`field:` names, as users are told), `query` (user text -> query tree and filters),
`backend` (index on disk, generations, writers, searchers), `vector` (queries evaluated over
whole posting lists with NumPy), `whoosh_fixes` (Whoosh bugs and slow spots worked around),
`papers` (one user search -> CONTRACT.md's shape), `columns` (per-segment arrays written
with each segment and memory-mapped by a search: items, facets, lengths, filters),
`fastwrite` (the segment writer), `snippets` (our highlighter), `lean_imports` (Whoosh
imported without the modules a search never uses).

Callers use what `__all__` names, so another engine can replace this one without touching
them. The index is derived from the record store and can be rebuilt from it at any time.

Imports: `minutebook` and this package only; nothing else of `search/`.
"""

from search.engine.lean_imports import import_whoosh

import_whoosh()  # before any module of this package imports Whoosh

from search.engine.papers import HIT_FIELDS, SearchRequest, hits_to_csv, search_papers  # noqa: E402
from search.engine.rebuild import rebuild  # noqa: E402
from search.engine.syntax import MATCH_MODES, USER_FIELDS  # noqa: E402

__all__ = [
    "HIT_FIELDS",
    "MATCH_MODES",
    "USER_FIELDS",
    "SearchRequest",
    "hits_to_csv",
    "rebuild",
    "search_papers",
]
