"""minutebook's core: what every other package shares, and nothing else.

The data model (`models`), the SQLite record store (`store`), where data lives (`home`), text
normalisation (`text`), person and organisation names (`names`) and the JSON views of stored
records (`views`). `ingest/` writes the store, `search/` reads it (and derives the index),
`ui/` is the two faces (the command line and the Streamlit app).

Imports: the standard library only; nothing of `ingest`, `search` or `ui`.
"""

__version__ = "0.1.0"
