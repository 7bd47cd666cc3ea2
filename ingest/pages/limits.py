"""Guards around pdfminer while one PDF is read: a ceiling on what a stream may inflate to,
pdfminer's warnings named by the file, and what pdfminer refused to do, for the messages.

* Decompression bombs: a few KB of Flate (or LZW) data can inflate to gigabytes, and pdfminer
  inflates every stream whole (`PDFStream.decode`). `guarded_reading` makes its decoders stop
  at `stream_limit()` bytes and raise `IngestError` naming the limit, before the memory is
  spent. The decoders installed are pdfminer's own semantics (a truncated Flate stream still
  raises `zlib.error` for pdfminer's CRC fallback, which keeps what decoded) in linear time:
  pdfminer's fallback fed the inflater one byte at a time onto a growing `bytes`, quadratic.
* pdfminer logs warnings with a file object's repr (`<_io.BytesIO object at 0x7f…>`) or none
  at all ("Could not get FontBBox …"); inside `guarded_reading` each warning starts with the
  file's path (control characters escaped), so one line names the file it is about.
* pdfminer skips a form XObject that draws itself (a circular reference) with a warning; the
  reading records it, so "no text" can say why (`Reading.refused_circular`).

Imports: `ingest.errors`, `minutebook.text`, pdfminer, the standard library.
"""

from __future__ import annotations

import io
import logging
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest.errors import IngestError
from minutebook.text import printable

DEFAULT_STREAM_LIMIT = 256 * 1024 * 1024
# Bytes handed to the inflater at a time (bounds each step's output with `max_length`).
_CHUNK = 1 << 16
# A Flate stream's last 4 bytes are its Adler-32 checksum: errors there lose no text.
_CHECKSUM_BYTES = 4

_stream_limit: int | None = DEFAULT_STREAM_LIMIT
_limit_hint = "raise it with --stream-mb or MINUTEBOOK_STREAM_MB"


def configure(stream_bytes: int | None, hint: str | None = None) -> None:
    """Set the per-stream ceiling for this process (None or 0: no ceiling) and how the
    message says to raise it."""
    global _stream_limit, _limit_hint
    _stream_limit = stream_bytes or None
    if hint:
        _limit_hint = hint


def stream_limit() -> int | None:
    return _stream_limit


class StreamTooLarge(IngestError):
    """A PDF stream inflates past the ceiling (a decompression bomb, or a limit set too low)."""


def _too_large() -> StreamTooLarge:
    limit = _stream_limit or 0
    return StreamTooLarge(
        f"a PDF stream inflates past the limit of {limit // (1024 * 1024)} MB per stream"
        f" (a decompression bomb?); {_limit_hint}"
    )


# --- bounded decoders --------------------------------------------------------------------


def _feed(inflater: Any, data: bytes, out: bytearray) -> None:
    """Inflate `data` onto `out`, stopping with `StreamTooLarge` past the ceiling."""
    limit = _stream_limit
    while data:
        if limit is None:
            out += inflater.decompress(data)
            return
        out += inflater.decompress(data, limit + 1 - len(out))
        if len(out) > limit:
            raise _too_large()
        data = inflater.unconsumed_tail


def inflate(data: bytes) -> bytes:
    """`zlib.decompress(data)` that stops at the ceiling; raises `zlib.error` when the stream
    is cut short, as `zlib.decompress` does (pdfminer then tries its CRC fallback)."""
    inflater = zlib.decompressobj()
    out = bytearray()
    for start in range(0, len(data), _CHUNK):
        _feed(inflater, data[start : start + _CHUNK], out)
    if not inflater.eof:
        raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
    return bytes(out)


def inflate_damaged(data: bytes) -> bytes:
    """pdfminer's `decompress_corrupted` (keep what inflates when only the checksum at the end
    is bad), bounded and linear."""
    inflater = zlib.decompressobj()
    out = bytearray()
    body, tail = data[:-_CHECKSUM_BYTES], data[-_CHECKSUM_BYTES:]
    for start in range(0, len(body), _CHUNK):
        _feed(inflater, body[start : start + _CHUNK], out)  # errors here are real damage
    try:
        for byte in tail:
            _feed(inflater, bytes((byte,)), out)
    except zlib.error:
        logging.getLogger("pdfminer.pdftypes").warning("Data-loss while decompressing corrupted data")
    return bytes(out)


def lzw_decode(data: bytes) -> bytes:
    """pdfminer's LZW decoder, stopping at the ceiling (LZW output grows with the square of
    its input for a run of one byte, so it too can be a bomb)."""
    from pdfminer.lzw import LZWDecoder

    out = bytearray()
    for piece in LZWDecoder(io.BytesIO(data)).run():
        out += piece
        if _stream_limit is not None and len(out) > _stream_limit:
            raise _too_large()
    return bytes(out)


def run_length_decode(data: bytes) -> bytes:
    """pdfminer's RunLength decoder with the ceiling checked (output is at most 64x input)."""
    from pdfminer.runlength import rldecode

    out = rldecode(data)
    if _stream_limit is not None and len(out) > _stream_limit:
        raise _too_large()
    return out


class _BoundedZlib:
    """Stands in for the `zlib` module inside `pdfminer.pdftypes`: `decompress` is bounded,
    everything else is zlib's own."""

    error = zlib.error

    @staticmethod
    def decompress(data: bytes, *args: Any, **kwargs: Any) -> bytes:
        return inflate(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


def install() -> None:
    """Put the bounded decoders into pdfminer (idempotent; they read the ceiling per call)."""
    from pdfminer import pdftypes

    pdftypes.zlib = _BoundedZlib()  # type: ignore[assignment]
    pdftypes.decompress_corrupted = inflate_damaged
    pdftypes.lzwdecode = lzw_decode
    pdftypes.rldecode = run_length_decode


# --- one reading ----------------------------------------------------------------------------


class NamedBytes(io.BytesIO):
    """The file's bytes for pdfminer, with the file's name as its repr (pdfminer's messages
    print the file object)."""

    def __init__(self, data: bytes, path: Path) -> None:
        super().__init__(data)
        self.name = str(path)

    def __repr__(self) -> str:
        return f"'{printable(self.name)}'"


@dataclass
class Reading:
    """What happened while one PDF was read (for the messages)."""

    path: Path
    refused_circular: int = 0


class _NameTheFile(logging.Filter):
    """Prefixes pdfminer's warnings with the file's path; counts refused circular forms."""

    def __init__(self, reading: Reading) -> None:
        super().__init__()
        self.reading = reading

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "circular reference" in message:
            self.reading.refused_circular += 1
        record.msg = f"{printable(str(self.reading.path))}: {printable(message)}"
        record.args = ()
        return True


@contextmanager
def guarded_reading(path: Path) -> Iterator[Reading]:
    """Read one PDF with the bounded decoders and its warnings named by `path`."""
    install()
    reading = Reading(path)
    name_filter = _NameTheFile(reading)
    # Filters on a logger see only records logged to that logger, so each pdfminer module's
    # logger gets it (they are created at import; any created later inherit nothing).
    loggers = [logging.getLogger("pdfminer")] + [
        logger
        for name, logger in logging.Logger.manager.loggerDict.items()
        if name.startswith("pdfminer.") and isinstance(logger, logging.Logger)
    ]
    for logger in loggers:
        logger.addFilter(name_filter)
    try:
        yield reading
    finally:
        for logger in loggers:
            logger.removeFilter(name_filter)
