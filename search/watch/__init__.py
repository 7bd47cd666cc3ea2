"""Watch: saved searches and the digest of what is new since the last look.

Modules: `saved` (saved searches in the store: add, list, remove), `digest` (what is new:
new hits of each saved search, new actions, actions newly overdue or newly done; and
`remember`, which marks a digest as seen), `atom` (a digest as an Atom feed).

State lives in the store (`watches`, `watch_seen`, `watch_actions`, `watch_state`), keyed by
content ids (an agenda item's id for a hit, an action's id), so it survives re-ingest.

Why this room ranks above `tracker`: a digest reports the tracker's verdicts (an action
turning overdue or done), so it calls `search.tracker.list_actions` as well as the engine's
`search_papers`. `tracker` and `ask` are siblings that never import each other; `watch` sits
one rank higher, beside `derived`, and nothing below imports it.

Imports: `minutebook`, `search.engine`, `search.records`, `search.tracker` and this package.
"""

from search.watch.digest import Digest, remember, run_watches, whats_new
from search.watch.saved import add_watch, list_watches, remove_watch

__all__ = ["Digest", "add_watch", "list_watches", "remember", "remove_watch", "run_watches", "whats_new"]
