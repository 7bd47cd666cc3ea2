"""Shared fixtures. The sample corpus is ingested once per test session into a real home
(SQLite store + Whoosh index on disk) through the real command line."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
# ../shared/real-pdfs beside the repository; tests using it skip when it is absent.
REAL_PDFS = REPO.parent / "shared" / "real-pdfs"
# ../shared/more-councils: word-processor papers of two small councils; skipped when absent.
MORE_COUNCILS = REPO.parent / "shared" / "more-councils"

# The sample papers by what they are (corpus/README says which is which).
MARCH_2014_PANEL_MINUTES = CORPUS / "004_d692cb27e227d39d.txt"
MAY_2014_SUPPLEMENTARY = CORPUS / "001_7655c13a2c62a545.txt"
JUNE_2014_AGENDA = CORPUS / "000_6423823ee118b070.txt"
JUNE_2014_MINUTES = CORPUS / "002_26292387ddb10f8c.txt"
MARCH_2017_REPORT = CORPUS / "003_5bc992f06e6aa607.txt"


def real_pdfs() -> Path:
    """The real ModernGov PDFs folder, or skip the calling test cleanly."""
    if not REAL_PDFS.is_dir() or not any(REAL_PDFS.glob("*.pdf")):
        pytest.skip("../shared/real-pdfs is not present")
    return REAL_PDFS


def more_councils() -> Path:
    """The more-councils PDFs folder, or skip the calling test cleanly."""
    if not MORE_COUNCILS.is_dir() or not any(MORE_COUNCILS.glob("*.pdf")):
        pytest.skip("../shared/more-councils is not present")
    return MORE_COUNCILS


@pytest.fixture(scope="session")
def corpus_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home with the sample corpus ingested (store, index, tracker evidence)."""
    from ui.cli import main

    home = tmp_path_factory.mktemp("corpus-home")
    assert main(["--home", str(home), "ingest", str(CORPUS), "--workers", "1"]) == 0
    return home


@pytest.fixture()
def corpus_store(corpus_home: Path):
    """An open Store over the ingested sample corpus (read it; do not write)."""
    from minutebook.store import open_store

    with open_store(corpus_home) as store:
        yield store
