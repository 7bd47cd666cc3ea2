"""Ingest: papers -> `Document`s -> the record store. Four stages, each a package:

* `sources/`: where files come from (a folder today);
* `pages/`: a file's bytes -> pages of text (PDF, plain text, Markdown);
* `structure/`: pages -> kind, meeting, items, sections;
* `analyses/`: attendance, entities, figures, decisions, actions;

and `pipeline.py`, which runs them in order and writes the store (`parse_file` for one file,
`ingest_paths` for many, in parallel), and `entity_pass.py`: entities read from the stored
documents in one process, beside the parsing (two workers or more) or after it, each paper
searchable before its entities are read. `errors.py` is the one
error type every stage raises; `workers.py` runs files on supervised worker processes
(memory and time limits, a dead worker fails only its file, workers die with their parent).

Import rules (asserted by tests/test_layout.py): `ingest` imports `minutebook` and never
`search` or `ui`. Each stage imports only `minutebook`, `errors` and itself; stages hand each
other data (`minutebook.models`), never imports; only `pipeline` imports them all (and
`workers`, which imports nothing of `ingest`); `entity_pass` imports `analyses` and `workers`,
and `pipeline` imports it.
"""
