"""The Streamlit interface: pages that read widgets, call `search/` and the store, and render.

`ui/` only reads (the one write is a person's verdict on a tracker match, through
`search.tracker.record_correction`) and never imports whoosh or pdfminer.
"""
