"""minutebook: search, question answering and follow-up tracking for council committee papers.

This package holds what every other package shares: the data model (`models`), the record
store (`store`), where data lives (`home`), text normalisation (`text`) and the command line
(`cli`). `ingest/` writes the store, `search/` reads it (and derives the index), `ui/` renders.
"""

__version__ = "0.1.0"
