"""The two faces of minutebook, over the same home:

* `cli/`: the `minutebook` command line (CONTRACT.md), a thin layer over `ingest` and `search`;
* `web/`: the Streamlit app (`minutebook ui`), pages that read widgets, call `search` and the
  store, and render.

Imports: `minutebook`, `search` and (the command line, for `ingest`) `ingest`; nothing imports
`ui`. `web` never imports `cli`, whoosh or pdfminer; `cli` starts `web` only through
`web.launch`. The app writes only what a person decides there: a verdict on a tracker match,
saved searches, and marking what's new as seen.
"""
