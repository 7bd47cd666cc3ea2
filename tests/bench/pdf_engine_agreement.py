"""Do the two PDF engines give the same documents? The report that decides the default engine.

Every real folder (../shared/real-pdfs, ../shared/more-councils, when present) and the PDFs the
tests render with fpdf2 (each corpus paper printed whole with a running footer and its bold
lines, and the June 2014 minutes with a two-column page and a ruled table, as
tests/ingest/test_pipeline_pdf.py prints them) are ingested twice, into two homes, once with
`--pdf-engine pdfminer` and once with `--pdf-engine pdfium`, and the documents compared:

* document: kind, meeting date, body, title, page count;
* items, matched by position: number, title, first and last page; an item agrees when all
  four do (a missing or extra item is a disagreement);
* sections: each item's section text (whitespace normalised) as a similarity ratio (difflib
  over words, items paired by position, weighted by length), and the share of items split
  into the same sections (numbers and titles), and the share with the same sections, text
  included ("same text": the issue's "section texts agreeing").

Prints per folder the share of items that agree, the mean text similarity and the share of
items with the same sections, then every difference. The default engine may become pdfium
only when items agree on >= 99% over all
folders (issue 17).

Run: .venv/bin/python tests/bench/pdf_engine_agreement.py [--only FOLDER_NAME]
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from ingest.pipeline import ingest_paths  # noqa: E402
from minutebook.models import Document  # noqa: E402
from minutebook.store import open_store  # noqa: E402
from tests.conftest import CORPUS, JUNE_2014_MINUTES, MORE_COUNCILS, REAL_PDFS  # noqa: E402
from tests.ingest.test_pipeline_pdf import (  # noqa: E402
    FOOTERS,
    HEADER,
    INSERT_AFTER,
    TWO_COLUMNS,
)
from tests.pdf_fixtures import TABLE_ROWS, Table, make_pdf, sample_paper  # noqa: E402

AGREEMENT_NEEDED = 0.99
_SPACES = re.compile(r"\s+")


def render_test_pdfs(folder: Path) -> Path:
    """The rendered test PDFs: every corpus paper printed whole, and the June 2014 minutes
    with the two-column page and the ruled table."""
    folder.mkdir(parents=True, exist_ok=True)
    for paper in sorted(CORPUS.glob("*.txt")):
        spec = sample_paper(paper, max_lines=10_000)
        make_pdf(
            folder / f"{paper.stem}.pdf",
            spec.pages,
            footer="Page {page} of {pages}",
            bold_lines=spec.bold_lines,
        )
    spec = sample_paper(JUNE_2014_MINUTES, max_lines=10_000)
    pages = [
        *spec.pages[:INSERT_AFTER],
        TWO_COLUMNS,
        ["Appointments to internal bodies:"],
        *spec.pages[INSERT_AFTER:],
    ]
    make_pdf(
        folder / "june_2014_minutes_columns_and_table.pdf",
        pages,
        header=HEADER,
        footer=FOOTERS,
        bold_lines=spec.bold_lines,
        two_column_page=INSERT_AFTER + 1,
        table=Table(page=INSERT_AFTER + 2, rows=TABLE_ROWS),
    )
    return folder


def ingest(folder: Path, home: Path, engine: str) -> tuple[dict[str, Document], list[str], float]:
    """(documents by file name, failures, CPU-free wall seconds) of one engine over one folder."""
    start = time.perf_counter()
    with open_store(home) as store:
        report = ingest_paths([folder], store, workers=0, analyses=[], pdf_engine=engine)
    seconds = time.perf_counter() - start
    failures = [f"{Path(f.path).name}: {f.error}" for f in report.failed]
    return {Path(doc.path).name: doc for doc in report.ingested}, failures, seconds


def _norm(text: str | None) -> str:
    return _SPACES.sub(" ", text or "").strip()


def _first_difference(reference: list[str], candidate: list[str]) -> str:
    """The first differing stretch of two items' section texts, a few words either side."""
    a, b = " / ".join(reference).split(), " / ".join(candidate).split()
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            before = " ".join(a[max(0, i1 - 4) : i1])
            return f"...{before} [{' '.join(a[i1:i2])!r} (pdfminer) -> {' '.join(b[j1:j2])!r} (pdfium)]"
    return "(whitespace only)"


def _similarity(reference: list[str], candidate: list[str]) -> float:
    """How alike two documents' item texts are (1.0: the same): difflib's ratio over their
    words, items paired by position, weighted by length (equal items cost nothing)."""
    total = matched = 0.0
    for position in range(max(len(reference), len(candidate))):
        a = reference[position].split() if position < len(reference) else []
        b = candidate[position].split() if position < len(candidate) else []
        size = len(a) + len(b)
        total += size
        matched += size if a == b else size * difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    return matched / total if total else 1.0


@dataclass
class FolderResult:
    name: str
    items: int = 0
    agreeing: int = 0
    similarity: list[float] = field(default_factory=list)
    section_items: int = 0
    split_differs: int = 0
    same_sections: int = 0  # items whose sections are the same, text and split
    differences: list[str] = field(default_factory=list)


def compare(name: str, reference: dict[str, Document], candidate: dict[str, Document]) -> FolderResult:
    result = FolderResult(name)
    for file in sorted(set(reference) | set(candidate)):
        ref, cand = reference.get(file), candidate.get(file)
        if ref is None or cand is None:
            result.differences.append(f"{file}: only {'pdfium' if ref is None else 'pdfminer'} ingested it")
            result.items += len((ref or cand).items)  # type: ignore[union-attr]
            continue
        for label, a, b in (
            ("kind", ref.kind, cand.kind),
            ("date", ref.meeting_date, cand.meeting_date),
            ("body", ref.body, cand.body),
            ("title", ref.title, cand.title),
            ("pages", ref.page_count, cand.page_count),
        ):
            if a != b:
                result.differences.append(f"{file}: {label} {a!r} (pdfminer) != {b!r} (pdfium)")
        for position in range(max(len(ref.items), len(cand.items))):
            result.items += 1
            a_item = ref.items[position] if position < len(ref.items) else None
            b_item = cand.items[position] if position < len(cand.items) else None
            a_key = (
                (a_item.number, _norm(a_item.title), a_item.page_start, a_item.page_end) if a_item else None
            )
            b_key = (
                (b_item.number, _norm(b_item.title), b_item.page_start, b_item.page_end) if b_item else None
            )
            if a_key == b_key:
                result.agreeing += 1
            else:
                result.differences.append(
                    f"{file}: item {position + 1}: {a_key} (pdfminer) != {b_key} (pdfium)"
                )
        pairs = list(zip(ref.items, cand.items, strict=False))
        ratio = _similarity(
            [" ".join(_norm(s.text) for s in item.sections) for item, _ in pairs],
            [" ".join(_norm(s.text) for s in item.sections) for _, item in pairs],
        )
        result.similarity.append(ratio)
        for position, (a_item, b_item) in enumerate(pairs, start=1):
            a_split = [(s.number, s.title) for s in a_item.sections]
            b_split = [(s.number, s.title) for s in b_item.sections]
            result.section_items += 1
            a_text = [_norm(s.text) for s in a_item.sections]
            b_text = [_norm(s.text) for s in b_item.sections]
            if a_text == b_text and a_split == b_split:
                result.same_sections += 1
            elif a_split == b_split:
                result.differences.append(
                    f"{file}: item {position} text: {_first_difference(a_text, b_text)}"
                )
            if a_split != b_split:
                result.split_differs += 1
                result.differences.append(
                    f"{file}: item {position} split into {len(a_split)} sections (pdfminer),"
                    f" {len(b_split)} (pdfium)"
                )
        if ratio < 0.995:
            result.differences.append(f"{file}: section text similarity {ratio:.3f}")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run only the folder with this name")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pdf-agreement-") as tmp:
        root = Path(tmp)
        folders = [("rendered test PDFs", render_test_pdfs(root / "rendered"))]
        folders += [(path.name, path) for path in (REAL_PDFS, MORE_COUNCILS) if path.is_dir()]
        results: list[FolderResult] = []
        for name, folder in folders:
            if args.only and args.only != name:
                continue
            slug = name.replace(" ", "_")
            reference, ref_failed, ref_s = ingest(folder, root / f"{slug}-pdfminer", "pdfminer")
            candidate, cand_failed, cand_s = ingest(folder, root / f"{slug}-pdfium", "pdfium")
            result = compare(name, reference, candidate)
            result.differences += [f"pdfminer failed {f}" for f in ref_failed]
            result.differences += [f"pdfium failed {f}" for f in cand_failed]
            results.append(result)
            print(
                f"{name}: {len(reference)} documents,"
                f" ingest {ref_s:.1f} s (pdfminer) / {cand_s:.1f} s (pdfium)",
                flush=True,
            )
    print()
    print(
        f"{'folder':<24} {'items':>6} {'agree':>6} {'agree%':>7} {'text sim':>9}"
        f" {'same split':>11} {'same text':>10}"
    )
    total = agreeing = all_same = all_sectioned = 0
    for result in results:
        share = result.agreeing / result.items if result.items else 1.0
        similarity = sum(result.similarity) / len(result.similarity) if result.similarity else 1.0
        split = 1 - result.split_differs / result.section_items if result.section_items else 1.0
        same = result.same_sections / result.section_items if result.section_items else 1.0
        all_same += result.same_sections
        all_sectioned += result.section_items
        print(
            f"{result.name:<24} {result.items:>6} {result.agreeing:>6} {share:>7.1%} {similarity:>9.4f}"
            f" {split:>11.1%} {same:>10.1%}"
        )
        total += result.items
        agreeing += result.agreeing
    overall = agreeing / total if total else 1.0
    same_share = all_same / all_sectioned if all_sectioned else 1.0
    print(f"{'all':<24} {total:>6} {agreeing:>6} {overall:>7.1%} {'':>9} {'':>11} {same_share:>10.1%}")
    # Issue 17: the same documents, items *and* section texts agreeing on >= 99% of items.
    met = overall >= AGREEMENT_NEEDED and same_share >= AGREEMENT_NEEDED
    verdict = "pdfium may be the default" if met else "pdfminer stays the default"
    print(
        f"needed {AGREEMENT_NEEDED:.0%} of items agreeing (number, title, pages) and with the same"
        f" sections: {overall:.1%} and {same_share:.1%}: {verdict}"
    )
    for result in results:
        if result.differences:
            print(f"\n## {result.name}: {len(result.differences)} differences")
            for line in result.differences:
                print(f"- {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
