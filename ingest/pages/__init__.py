"""Pages: one file's bytes -> its pages of text, page furniture (running headers, footers,
page numbers) removed. `formats` picks the reader by file type and content; `pdf` reads PDFs
with pdfminer.six, `read_text` plain text and Markdown; `furniture` finds repeated edge lines.

Imports: `minutebook`, `ingest.errors` and this package only.
"""
