"""Benchmark: structural ingest (pages, kind, meeting, items, sections; no entity
extraction) against plain `pdfminer.high_level.extract_text` over the same PDFs, in one run.

    python tests/bench/bench_ingest.py [--repeat 3] [--copies 3]

Prints pages/s and the ratio to plain extraction on one core, and the wall time using every
core (worker processes over files). Targets (issue 2): one-core cost <= 1.3x plain extraction;
parallel wall time <= 0.7x plain extraction on a 2-core machine. The "larger set" is the real
PDFs repeated `--copies` times (copied to a temp folder so each file is parsed separately).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pdfminer.high_level import extract_text

from ingest.pipeline import parse_file

REAL_PDFS = Path(__file__).resolve().parents[2].parent / "shared" / "real-pdfs"


def structural_ingest(path: str) -> int:
    return parse_file(Path(path), analyses=[]).page_count


def plain_extract(path: str) -> int:
    return len(extract_text(path).split("\f"))


def timed(fn, paths: list[str]) -> float:
    start = time.perf_counter()
    for path in paths:
        fn(path)
    return time.perf_counter() - start


def timed_parallel(paths: list[str], workers: int) -> float:
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(structural_ingest, paths, chunksize=1))
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--copies", type=int, default=2)
    args = parser.parse_args()
    if not REAL_PDFS.is_dir():
        print(f"skipped: {REAL_PDFS} is absent")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for copy in range(args.copies):
            for pdf in sorted(REAL_PDFS.glob("*.pdf")):
                target = Path(tmp) / f"{copy}_{pdf.name}"
                shutil.copy(pdf, target)
                paths.append(str(target))
        pages = sum(structural_ingest(p) for p in paths[: len(paths) // args.copies]) * args.copies
        workers = os.cpu_count() or 1
        plain, ours, parallel = [], [], []
        for _ in range(args.repeat):
            plain.append(timed(plain_extract, paths))
            ours.append(timed(structural_ingest, paths))
            parallel.append(timed_parallel(paths, workers))
    p, o, w = (statistics.median(x) for x in (plain, ours, parallel))
    print(f"{len(paths)} PDFs, {pages} pages, median of {args.repeat} runs, {workers} cores")
    print(f"plain extract_text (1 core):   {p:6.2f} s  {pages / p:7.1f} pages/s  (baseline)")
    for label, seconds, target in (("1 core", o, 1.3), (f"{workers} cores", w, 0.7)):
        rate = pages / seconds
        print(f"minutebook ingest ({label}): {seconds:6.2f} s  {rate:7.1f} pages/s", end="")
        print(f"  ratio {seconds / p:.2f}x (target <= {target}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
