"""Benchmark: the whole `minutebook ingest` (entities, index, everything on) with each PDF
engine, against plain pdfminer `extract_text` and plain pypdfium2 text extraction, in one run.

    python tests/bench/bench_ingest_engines.py [--repeat 3] [--copies 1] [--workers 2]
        [--compare-with CHECKOUT]

Every real folder (../shared/real-pdfs, ../shared/more-councils) is the input; `--copies N`
copies it N times under distinct names (each copy is parsed; identical text is stored once),
a larger archive from the same papers. Per repeat, interleaved so background load hits them
alike:

* plain pdfminer: `pdfminer.high_level.extract_text` over every file, one after another;
* plain pypdfium2: every page's `get_textpage().get_text_range()`, one after another;
* minutebook/pdfminer and minutebook/pdfium: `minutebook --home NEW ingest --pdf-engine E
  FOLDERS` as a whole process (workers, spaCy, the store and the search index included);
* with `--compare-with CHECKOUT` (a checkout of the code before a change, e.g. a
  `git worktree add /tmp/old-XXXX COMMIT`), minutebook/pdfium again running that checkout's
  code (the same interpreter and packages, the checkout first on PYTHONPATH): before and
  after in one run.

Printed: medians of wall seconds, CPU seconds (the process and everything it waited for:
workers included), pages/s, CPU-s/page, the ingest's peak memory (the sum of the resident
memory of the command and its workers, sampled every 50 ms) and the projected wall time for
250,000 pages at the measured rate. The machine is shared: CPU seconds are the steadier
figure. Goal (issue 17): >= 40 pages/s whole ingest with entities, peak <= 300 MB.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

import pypdfium2 as pdfium  # noqa: E402
from pdfminer.high_level import extract_text  # noqa: E402

from tests.conftest import MORE_COUNCILS, REAL_PDFS  # noqa: E402
from tests.reliability import tree_rss  # noqa: E402

ARCHIVE_PAGES = 250_000
MINUTEBOOK = REPO / ".venv" / "bin" / "minutebook"


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(run: Callable[[], object]) -> tuple[float, float]:
    cpu, start = cpu_seconds(), time.perf_counter()
    run()
    return time.perf_counter() - start, cpu_seconds() - cpu


def plain_pdfminer(paths: list[Path]) -> None:
    for path in paths:
        extract_text(path)


def plain_pdfium(paths: list[Path]) -> None:
    for path in paths:
        document = pdfium.PdfDocument(path)
        try:
            for page in document:
                page.get_textpage().get_text_range()
        finally:
            document.close()


def copy_real_folders(scratch: Path, sources: list[Path], copies: int) -> list[Path]:
    """`copies` copies of each real folder's PDFs under `scratch`, renamed so each copy is a
    file of its own (identical text is still stored once by an ingest); the folders made."""
    folders = []
    for copy in range(copies):
        for source in sources:
            target = scratch / f"copy{copy}" / source.name
            target.mkdir(parents=True)
            for pdf in sorted(source.glob("*.pdf")):
                shutil.copy(pdf, target / f"c{copy}_{pdf.name}")
            folders.append(target)
    return folders


def count_pages(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        document = pdfium.PdfDocument(path)
        total += len(document)
        document.close()
    return total


def minutebook_ingest(
    folders: list[Path], engine: str, workers: int, scratch: Path, code: Path | None = None
) -> tuple[float, float, int]:
    """(wall s, CPU s, peak resident bytes of the command and its workers) of one ingest;
    `code` runs another checkout's code instead of this one's."""
    home = Path(tempfile.mkdtemp(dir=scratch, prefix=f"home-{engine}-"))
    command = [str(MINUTEBOOK), "--home", str(home), "ingest", "--workers", str(workers)]
    command += ["--pdf-engine", engine, *map(str, folders)]
    peak = 0

    def sample(pid: int) -> None:
        nonlocal peak
        peak = max(peak, tree_rss(pid)[0])

    env = None
    if code is not None:
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(code), os.environ.get("PYTHONPATH", "")]))
    wall, used, failure = sampled_run(command, sample, env)
    if failure is not None:
        raise SystemExit(f"ingest with {engine} failed: {failure[-500:]}")
    shutil.rmtree(home, ignore_errors=True)
    return wall, used, peak


# How often a sampled run looks at its process tree.
SAMPLE_SECONDS = 0.05


def sampled_run(
    command: list[str], sample: Callable[[int], None], env: dict[str, str] | None = None
) -> tuple[float, float, str | None]:
    """Run `command` to its end, calling `sample(pid)` every `SAMPLE_SECONDS` meanwhile (from a
    thread): (wall s, CPU s of this process and its waited children, stderr when it failed,
    else None)."""
    cpu, start = cpu_seconds(), time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    done = threading.Event()

    def sampling() -> None:
        while not done.wait(SAMPLE_SECONDS):
            sample(process.pid)

    sampler = threading.Thread(target=sampling, daemon=True)
    sampler.start()
    _out, err = process.communicate()
    done.set()
    sampler.join()
    wall, used = time.perf_counter() - start, cpu_seconds() - cpu
    return wall, used, err.decode() if process.returncode != 0 else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument(
        "--compare-with", type=Path, default=None, help="a checkout of the code before a change"
    )
    args = parser.parse_args()
    sources = [folder for folder in (REAL_PDFS, MORE_COUNCILS) if folder.is_dir()]
    if not sources:
        print("no real folders (../shared/real-pdfs, ../shared/more-councils); nothing to measure")
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-engines-") as tmp:
        scratch = Path(tmp)
        folders = copy_real_folders(scratch, sources, args.copies)
        paths = sorted(p for folder in folders for p in folder.glob("*.pdf"))
        pages = count_pages(paths)
        print(
            f"{len(paths)} PDFs, {pages} pages; {args.workers} workers; {args.repeat} repeats;"
            f" load {os.getloadavg()[0]:.1f}"
        )
        runs: dict[str, list[tuple[float, float, int]]] = {}
        for repeat in range(args.repeat):
            wall, cpu = timed(lambda: plain_pdfminer(paths))
            runs.setdefault("plain pdfminer extract_text", []).append((wall, cpu, 0))
            wall, cpu = timed(lambda: plain_pdfium(paths))
            runs.setdefault("plain pypdfium2 text", []).append((wall, cpu, 0))
            for engine in ("pdfminer", "pdfium"):
                runs.setdefault(f"minutebook ingest, {engine}", []).append(
                    minutebook_ingest(folders, engine, args.workers, scratch)
                )
            if args.compare_with is not None:
                runs.setdefault("minutebook ingest, pdfium, before", []).append(
                    minutebook_ingest(folders, "pdfium", args.workers, scratch, args.compare_with)
                )
            print(f"repeat {repeat + 1} done (load {os.getloadavg()[0]:.1f})", flush=True)
    print(
        f"\n{'':32} {'wall s':>8} {'CPU s':>8} {'pages/s':>8} {'CPU-s/pg':>9}"
        f" {'peak MB':>8} {'250k pages':>11}"
    )
    baseline = statistics.median(wall for wall, _, _ in runs["plain pdfminer extract_text"])
    for name, values in runs.items():
        wall = statistics.median(v[0] for v in values)
        cpu = statistics.median(v[1] for v in values)
        peak = max(v[2] for v in values)
        rate = pages / wall
        hours = ARCHIVE_PAGES / rate / 3600
        peak_text = f"{peak / 1e6:8.0f}" if peak else f"{'':>8}"
        print(f"{name:32} {wall:8.2f} {cpu:8.2f} {rate:8.1f} {cpu / pages:9.4f} {peak_text} {hours:9.2f} h")
    ingests = [name for name in runs if name.startswith("minutebook ingest")]
    for name in ingests:
        wall = statistics.median(v[0] for v in runs[name])
        print(f"{name} page rate vs plain serial pdfminer: {baseline / wall:.2f}x (goal >= 2x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
