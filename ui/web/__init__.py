"""The Streamlit app: `app.py` is the entry point and navigation; each `page_*.py` is one page;
`data` is the only module that calls `search` and the store (cached); the meetings page
shows one of three views, `browse` (every meeting), `meeting` (one meeting) and `reader` (one
paper, laid out by `reading`); `errors` turns failures into sentences; `exports` writes CSV;
`common`, `text`, `numbers`, `series` and `pdf_page` are the pages' shared rendering helpers;
`originals` serves a paper's file only while it is the file ingested; `launch` starts (and
stops) the server (127.0.0.1 by default).

Imports: `minutebook`, `search` and this package; never whoosh or pdfminer. Paper text is
escaped before it reaches Markdown, and nothing uses `unsafe_allow_html`; `st.html` carries
only markup the reader writes itself (anchors, page numbers, its styles, one scroll), never
paper text.
"""
