"""A paper written for a test, read through the structure stage: the tests of templates write
small papers in the shapes councils print and check the document the ingest makes of them."""

from __future__ import annotations

from pathlib import Path

from ingest.pipeline import parse_file
from minutebook.models import Document


def paper(tmp_path: Path, text: str, name: str = "paper.txt") -> Document:
    """`text` saved as `name` under `tmp_path` and parsed (no analyses: structure only)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_file(path, analyses=[])
