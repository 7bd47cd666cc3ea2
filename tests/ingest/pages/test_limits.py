"""PDF reading under limits (issue 13, failures 2 and 7): decompression bombs refused at the
stream limit before the memory is spent, and messages that name the real problem."""

from __future__ import annotations

import logging
import tracemalloc
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from fpdf import FPDF

from ingest.errors import IngestError
from ingest.pages import limits
from ingest.pages.pdf import extract_pdf_pages
from tests.pdf_fixtures import BODY_SIZE, FONT, bomb_pdf, write_raw_pdf


@pytest.fixture()
def stream_limit_mb() -> Iterator[int]:
    """A 16 MB ceiling for the test, the default restored afterwards."""
    limits.configure(16 * 1024 * 1024)
    yield 16
    limits.configure(limits.DEFAULT_STREAM_LIMIT)


def test_a_decompression_bomb_is_refused_at_the_limit_without_inflating(
    tmp_path: Path, stream_limit_mb: int
) -> None:
    bomb = bomb_pdf(tmp_path / "bomb.pdf", inflated_mb=512)
    assert bomb.stat().st_size < 5_000
    tracemalloc.start()
    try:
        with pytest.raises(IngestError) as refused:
            extract_pdf_pages(bomb)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    message = str(refused.value)
    assert "16 MB per stream" in message and "decompression bomb" in message and "--stream-mb" in message
    assert "\n" not in message
    assert peak < 80 * 1024 * 1024  # a few times the ceiling, never the 512 MB


def test_bounded_inflate_is_zlibs_own_result_below_the_limit() -> None:
    data = b"Committee minutes " * 50_000
    packed = zlib.compress(data)
    assert limits.inflate(packed) == data
    with pytest.raises(zlib.error):
        limits.inflate(packed[: len(packed) // 2])  # cut short: pdfminer's fallback takes over
    # The fallback keeps what inflates when only the checksum at the end is bad.
    assert limits.inflate_damaged(packed[:-2] + b"\x00\x00") == data


def _stream(attrs: bytes, content: bytes) -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(content), attrs) + content + b"\nendstream"


def test_a_form_that_draws_itself_is_named_not_called_a_scan(tmp_path: Path) -> None:
    """pdfminer refuses to run a form XObject that invokes itself; with nothing else on the
    page the message says so, instead of "scanned image?"."""
    form = b"0 0 m 100 100 l S /Fm1 Do"
    pdf = write_raw_pdf(
        tmp_path / "recursive.pdf",
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /XObject << /Fm1 5 0 R >> >> >>",
            _stream(b"", b"/Fm1 Do"),
            _stream(
                b"/Type /XObject /Subtype /Form /BBox [0 0 612 792]"
                b" /Resources << /XObject << /Fm1 5 0 R >> >>",
                form,
            ),
        ],
    )
    with pytest.raises(IngestError) as refused:
        extract_pdf_pages(pdf)
    assert "draws itself" in str(refused.value)
    assert "scanned" not in str(refused.value)


def test_a_pdf_header_followed_by_garbage_is_not_called_truncated(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    with pytest.raises(IngestError) as refused:
        extract_pdf_pages(garbage)
    assert "not a PDF" in str(refused.value) and "truncated" not in str(refused.value)


def test_pdfminer_warnings_name_the_file_not_a_bytesio(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A PDF whose permissions forbid copying text: pdfminer warns, naming its file object."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font(FONT, size=BODY_SIZE)
    pdf.cell(text="Minutes of the meeting. The Committee RESOLVED to note the report.")
    pdf.set_encryption(owner_password="owner-secret", user_password="", permissions=4)  # print only
    path = tmp_path / "no copying\nallowed.pdf"
    pdf.output(str(path))
    with caplog.at_level(logging.WARNING, logger="pdfminer"):
        pages = extract_pdf_pages(path, engine="pdfminer")  # PDFium (the default) reads it silently
    assert "RESOLVED" in pages[0].text
    warnings = [record.getMessage() for record in caplog.records if record.name.startswith("pdfminer")]
    assert warnings, "pdfminer no longer warns about the permission: pick another warning"
    for warning in warnings:
        assert "BytesIO" not in warning
        assert warning.startswith(str(tmp_path / "no copying\\nallowed.pdf") + ": ")
        assert "\n" not in warning
