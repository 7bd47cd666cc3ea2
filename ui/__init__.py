"""The two faces of minutebook, over the same home:

* `cli/`: the `minutebook` command line (CONTRACT.md), a thin layer over `ingest` and `search`;
* `web/`: the Streamlit app (`minutebook ui`), pages that read widgets, call `search` and the
  store, and render.

Imports: `minutebook`, `search` and (the command line, for `ingest`) `ingest`; nothing imports
`ui`. `web` never imports `cli`, whoosh or pdfminer; `cli` starts `web` only through
`web.launch`. The one write the app makes is a person's verdict on a tracker match.
"""
