"""A PDF page as printed: rendered to a PNG with pypdfium2, search terms boxed in orange.

Rules:
* Rendering reads the original file; callers pass its modification time so the cache
  (`st.cache_data`, keyed by path, mtime, page, terms) never serves a stale picture.
* PDFium is not thread-safe and Streamlit runs each session on its own thread: every call
  into it holds one lock.
* A file that is missing, unreadable or has no such page gives None, never an exception:
  the reader says so in a caption.
* Nothing here uses pdfminer: ingest owns text extraction; this only draws the page.
"""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pypdfium2 as pdfium
import streamlit as st
from PIL import Image, ImageDraw

from ui.web.text import SUFFIX_MAX

# 1.6 × 72 dpi ≈ 115 dpi: an A4 page is ~950 px wide, legible on a laptop at full width.
SCALE = 1.6
_HIGHLIGHT = (255, 165, 0, 90)
_LOCK = threading.Lock()


def is_pdf(path: str | None) -> bool:
    return bool(path) and Path(str(path)).suffix.lower() == ".pdf"


def file_mtime(path: str | None) -> float | None:
    """The file's modification time, or None when it is no longer on disk."""
    try:
        return Path(str(path)).stat().st_mtime if path else None
    except OSError:
        return None


@st.cache_data(show_spinner="Rendering the page…", max_entries=64)
def render_page(path: str, mtime: float, page: int, terms: tuple[str, ...] = ()) -> bytes | None:
    """PNG of 1-based `page` of the PDF at `path`, each occurrence of `terms` highlighted.

    `mtime` is part of the cache key only. None when the file or page cannot be read.
    """
    with _LOCK:
        try:
            pdf = pdfium.PdfDocument(path)
        except (pdfium.PdfiumError, OSError):
            return None
        try:
            if not 1 <= page <= len(pdf):
                return None
            pdf_page = pdf[page - 1]
            image = pdf_page.render(scale=SCALE).to_pil().convert("RGBA")
            boxes = _term_boxes(pdf_page, terms)
        finally:
            pdf.close()
    if boxes:
        image = _shade(image, boxes)
    out = io.BytesIO()
    image.convert("RGB").save(out, format="PNG", optimize=True)
    return out.getvalue()


@st.cache_data(show_spinner=False, max_entries=256)
def marks_on_page(path: str, mtime: float, page: int, terms: tuple[str, ...]) -> int:
    """How many boxes `render_page` shades on this page for `terms` (0 when none or unreadable),
    so a caption says "shaded" only when something is."""
    if not terms:
        return 0
    with _LOCK:
        try:
            pdf = pdfium.PdfDocument(path)
        except (pdfium.PdfiumError, OSError):
            return 0
        try:
            return len(_term_boxes(pdf[page - 1], terms)) if 1 <= page <= len(pdf) else 0
        finally:
            pdf.close()


def _term_boxes(pdf_page: pdfium.PdfPage, terms: tuple[str, ...]) -> list[tuple[float, float, float, float]]:
    """Pixel boxes (left, top, right, bottom) of every occurrence of `terms` on the page."""
    if not terms:
        return []
    height = pdf_page.get_height()
    textpage = pdf_page.get_textpage()
    boxes: list[tuple[float, float, float, float]] = []
    try:
        for term in terms:
            searcher = textpage.search(term, match_case=False, match_whole_word=False)
            while (found := searcher.get_next()) is not None:
                start, count = found
                if start > 0 and textpage.get_text_range(start - 1, 1).isalnum():
                    continue  # inside a word ("omnibus"), as the text view never marks
                whole = _to_word_end(textpage, start, count)
                if whole - count > SUFFIX_MAX:
                    continue  # another word that starts the same way ("Business" for "bus")
                count = whole
                # One rectangle per line the match spans (a phrase can wrap).
                for index in range(textpage.count_rects(start, count)):
                    left, bottom, right, top = textpage.get_rect(index)
                    # PDF space has its origin bottom-left; images top-left.
                    boxes.append(
                        (left * SCALE, (height - top) * SCALE, right * SCALE, (height - bottom) * SCALE)
                    )
            searcher.close()
    finally:
        textpage.close()
    return boxes


def _to_word_end(textpage: pdfium.PdfTextPage, start: int, count: int) -> int:
    """The match's length extended to the end of its word, as the text view marks it
    ("school" marks "schools")."""
    total = textpage.count_chars()
    while start + count < total and count < 64 and textpage.get_text_range(start + count, 1).isalnum():
        count += 1
    return count


def _shade(image: Image.Image, boxes: list[tuple[float, float, float, float]]) -> Image.Image:
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for left, top, right, bottom in boxes:
        draw.rectangle((left - 1, top - 1, right + 1, bottom + 1), fill=_HIGHLIGHT)
    return Image.alpha_composite(image, overlay)
