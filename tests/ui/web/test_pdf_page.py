"""ui/web/pdf_page.py: a PDF page drawn as printed, the search terms shaded, over PDFs made here."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from tests.pdf_fixtures import make_pdf
from ui.web.pdf_page import SCALE, file_mtime, is_pdf, render_page

A4_WIDTH_PT = 595.28


@pytest.fixture()
def paper(tmp_path: Path) -> Path:
    return make_pdf(
        tmp_path / "paper.pdf",
        [["Minutes of the committee."], ["The Committee discussed free school meals and schools funding."]],
    )


def orange_pixels(png: bytes) -> int:
    raw = Image.open(io.BytesIO(png)).convert("RGB").tobytes()
    pixels = zip(raw[0::3], raw[1::3], raw[2::3], strict=True)
    return sum(1 for r, g, b in pixels if r > 240 and 190 < g < 235 and b < 180)


def test_a_page_is_drawn_at_a_legible_size(paper: Path) -> None:
    png = render_page(str(paper), 0.0, 2)
    assert png is not None
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.width == pytest.approx(A4_WIDTH_PT * SCALE, abs=2)
    assert orange_pixels(png) == 0


def test_search_terms_are_shaded_on_the_page_that_has_them(paper: Path) -> None:
    shaded = render_page(str(paper), 0.0, 2, ("school",))
    assert shaded is not None and orange_pixels(shaded) > 100
    # "school" also shades the rest of "schools" (whole words, as the text view marks them).
    assert orange_pixels(shaded) > orange_pixels(render_page(str(paper), 0.0, 2, ("meals",)) or b"")
    # Page 1 does not mention schools: nothing shaded.
    assert orange_pixels(render_page(str(paper), 0.0, 1, ("school",)) or b"") == 0


def test_a_missing_file_or_page_gives_none_not_an_error(paper: Path, tmp_path: Path) -> None:
    assert render_page(str(paper), 0.0, 3) is None
    assert render_page(str(paper), 0.0, 0) is None
    assert render_page(str(tmp_path / "gone.pdf"), 0.0, 1) is None
    not_pdf = tmp_path / "not.pdf"
    not_pdf.write_text("<html>not a pdf</html>")
    assert render_page(str(not_pdf), 0.0, 1) is None
    assert file_mtime(str(tmp_path / "gone.pdf")) is None
    assert file_mtime(str(paper)) == paper.stat().st_mtime


def test_only_pdf_paths_are_drawn() -> None:
    assert is_pdf("/papers/Minutes.PDF")
    assert not is_pdf("/papers/minutes.txt")
    assert not is_pdf(None)


def test_marks_are_counted_only_where_the_terms_are(paper: Path) -> None:
    from ui.web.pdf_page import marks_on_page

    assert marks_on_page(str(paper), 0.0, 2, ("school",)) == 2  # "school" and "schools"
    assert marks_on_page(str(paper), 0.0, 1, ("school",)) == 0
    assert marks_on_page(str(paper), 0.0, 2, ()) == 0
    assert marks_on_page(str(paper), 0.0, 9, ("school",)) == 0
