"""Text papers (.txt, .md): decode, undo Markdown and HTML conversion, then one page per form feed.

Council exports arrive in UTF-8, Windows-1252 or Latin-1; decodable legacy encodings are
ingested, not rejected. UTF-16 (what Windows Notepad and Word save as "Unicode") is read too:
by its byte-order mark, or without one by its shape (every other byte NUL, for the mostly
Latin text of a council paper). A file that is really binary (NUL bytes, mostly control
characters) is refused with a message saying so.
"""

from __future__ import annotations

from pathlib import Path

from ingest.errors import IngestError
from ingest.pages.markup import has_html, plain_markdown, strip_html
from minutebook.models import Page

# Tried in order; cp1252 before latin-1 because it maps 0x80-0x9f to the curly quotes and
# dashes Word exports use, while latin-1 decodes anything and so must come last.
_ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")


# Byte-order marks, longest first (UTF-32's little-endian mark starts with UTF-16's).
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16/32 by byte-order mark, or UTF-16 without one: NULs in most odd (little-endian)
    or most even (big-endian) positions of the first 4 KB and almost none in the others."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if nul_odd > 0.4 and nul_even < 0.05:
        return "utf-16-le"
    if nul_even > 0.4 and nul_odd < 0.05:
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> str:
    """Decode bytes of a text paper, or raise IngestError when they are not text."""
    if not data.strip():
        raise IngestError("empty file; nothing to ingest")
    wide = _wide_encoding(data)
    if wide is not None:
        try:
            text = data.decode(wide)
        except UnicodeDecodeError as err:
            raise IngestError(f"looks like {wide.upper()} text but does not decode ({err.reason})") from err
        if not text.strip():
            raise IngestError("empty file; nothing to ingest")
        if _looks_like_text(text.lstrip("\ufeff")):
            return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        raise IngestError(
            f"binary data in a text file (control characters, even as {wide.upper()}); is it mislabelled?"
        )
    if b"\x00" in data[:65536]:
        raise IngestError("binary data in a text file (NUL bytes); is it mislabelled?")
    for encoding in _ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text.replace("\r\n", "\n").replace("\r", "\n")
        break
    raise IngestError("not readable text (mostly control characters); is it mislabelled?")


def _looks_like_text(text: str) -> bool:
    sample = text[:65536]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls <= max(2, len(sample) // 200)


def extract_text_pages(path: Path, data: bytes | None = None) -> list[Page]:
    """Pages of a text paper: split on form feeds, numbered from 1; blank pages kept.
    `data`, when given, is the file's bytes already read by the caller."""
    text = decode_text(path.read_bytes() if data is None else data)
    if text.lstrip().lower().startswith(("%pdf-", "<!doctype html", "<html")):
        raise IngestError("a PDF or HTML file named as text; rename it or save it as text")
    if path.suffix.lower() == ".md":
        text = plain_markdown(text)
    elif has_html(text):
        text = strip_html(text)
    return [Page(number=n, text=chunk.strip("\n")) for n, chunk in enumerate(text.split("\f"), 1)]
