"""Benchmark: `extract_pdf_pages` against plain `pdfminer.high_level.extract_text`.

A plain script, not a test: `python tests/bench/bench_pdf_extract.py [PDF_DIR] [--repeat N]`.
Both run in this one process over the same files (../shared/real-pdfs by default), alternating
per file so caches and CPU state treat them alike. Prints, per file, the median seconds per
page of each and their ratio, then the overall ratio of total medians. The budget is 1.3x.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from pdfminer.high_level import extract_text

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from ingest.pages.pdf import extract_pdf_pages  # noqa: E402

DEFAULT_DIR = REPO / ".." / "shared" / "real-pdfs"
BUDGET = 1.3


def _timed(func, path: Path) -> float:
    start = time.perf_counter()
    func(path)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    files = sorted(args.pdf_dir.glob("*.pdf"))
    if not files:
        print(f"no PDFs in {args.pdf_dir}")
        return 1
    total_ours = total_plain = 0.0
    print(f"{'file':55} {'pages':>5} {'ms/page plain':>14} {'ms/page ours':>13} {'ratio':>6}")
    for path in files:
        pages = len(extract_pdf_pages(path))
        plain: list[float] = []
        ours: list[float] = []
        for _ in range(args.repeat):
            plain.append(_timed(extract_text, path))
            ours.append(_timed(extract_pdf_pages, path))
        plain_median, ours_median = statistics.median(plain), statistics.median(ours)
        total_plain += plain_median
        total_ours += ours_median
        print(
            f"{path.name:55} {pages:5d} {1000 * plain_median / pages:14.1f} "
            f"{1000 * ours_median / pages:13.1f} {ours_median / plain_median:6.2f}"
        )
    ratio = total_ours / total_plain
    verdict = "within" if ratio <= BUDGET else "OVER"
    print(f"total of medians: plain {total_plain:.2f}s, ours {total_ours:.2f}s", end=", ")
    print(f"ratio {ratio:.2f} ({verdict} {BUDGET}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
