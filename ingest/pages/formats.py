"""Which reader handles a file: a registry of formats, each scoring how well it fits.

Like ingest-file's `Manager.auction()`: every format scores the file (from its extension and
its first bytes) and the highest score wins, so a PDF named `.txt` is still read as a PDF
and HTML named `.pdf` is refused with a useful message by the PDF reader.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from minutebook.models import Page
from minutebook.settings import DEFAULT_PDF_ENGINE, PDF_ENGINES

_pdf_engine = DEFAULT_PDF_ENGINE


def configure_pdf_engine(name: str) -> None:
    """Choose the engine that reads PDFs in this process ("pdfminer" or "pdfium")."""
    global _pdf_engine
    if name not in PDF_ENGINES:
        raise ValueError(f"unknown PDF engine {name!r} (known: {', '.join(PDF_ENGINES)})")
    _pdf_engine = name


def pdf_engine() -> str:
    return _pdf_engine


SUPPORTED_SUFFIXES = (".pdf", ".txt", ".md")


@dataclass(frozen=True)
class Format:
    name: str
    score: Callable[[str, bytes], int]
    # (path, the file's bytes) -> pages: the pipeline reads each file once and passes its bytes.
    read: Callable[[Path, bytes], list[Page]]


def _read_pdf(path: Path, data: bytes) -> list[Page]:
    from ingest.pages.pdf import extract_pdf_pages  # the PDF engines load only when a PDF is read

    return extract_pdf_pages(path, data, engine=_pdf_engine)


def _read_text(path: Path, data: bytes) -> list[Page]:
    from ingest.pages.read_text import extract_text_pages

    return extract_text_pages(path, data)


def _score_pdf(suffix: str, head: bytes) -> int:
    if b"%PDF-" in head:
        return 100
    return 50 if suffix == ".pdf" else 0


def _score_text(suffix: str, head: bytes) -> int:
    return 40 if suffix in (".txt", ".md") else 0


FORMATS: tuple[Format, ...] = (
    Format("pdf", _score_pdf, _read_pdf),
    Format("text", _score_text, _read_text),
)


def choose_format(path: Path, head: bytes) -> Format | None:
    """The best-scoring format for `path`, or None when nothing claims it."""
    scored = [(fmt.score(path.suffix.lower(), head), fmt) for fmt in FORMATS]
    best_score, best = max(scored, key=lambda pair: pair[0])
    return best if best_score > 0 else None
