"""Large inputs ingest in time proportional to their size, with their text searchable (issue 13).

Each input is ingested by the real command line (`minutebook ingest`, a subprocess with its
supervised worker) into a fresh home; the script reports wall time, CPU time (the ingest and
its workers), the peak memory of any one process of it (the largest resident set), and then
checks searchability: a plain `minutebook search` for a sample of the invented words the
generator put on each page or paragraph must find each on its own page.

Inputs (tests/bench/large_papers.py): agenda packs of 250, 500, 1000 and 2000 pages; text
minutes of 2.5, 5, 10 and 20 MB. The ratios against the smallest size of each kind show
linear scaling (a ratio near the size ratio), which is the baseline this run measures
against itself.

    .venv/bin/python tests/bench/bench_large_inputs.py               # everything (about an hour)
    .venv/bin/python tests/bench/bench_large_inputs.py --quick       # 250/500 pages, 2.5/5 MB
    .venv/bin/python tests/bench/bench_large_inputs.py --only text   # one kind
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.bench.large_papers import agenda_pack_pdf, long_text_paper  # noqa: E402

CLI = [sys.executable, "-c", "import sys; from ui.cli import main; sys.exit(main())"]
SAMPLE = 40


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def ingest(path: Path, home: Path, *extra: str) -> dict[str, float]:
    """Ingest `path` with the CLI; wall seconds, CPU seconds and peak MB of its processes."""
    before_cpu = _children_cpu()
    started = time.perf_counter()
    # /usr/bin/time -v would report only the biggest process too; a wrapper that waits for the
    # ingest gives RUSAGE_CHILDREN of exactly that run.
    wrapper = (
        "import resource, subprocess, sys, json;"
        "code = subprocess.call(sys.argv[1:]);"
        "print(json.dumps([code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))"
    )
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            wrapper,
            *CLI,
            "--home",
            str(home),
            "ingest",
            str(path),
            "--workers",
            "1",
            *extra,
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - started
    code, peak_kb = json.loads(done.stdout.strip().splitlines()[-1])
    if code != 0:
        raise SystemExit(f"ingest of {path} failed:\n{done.stderr[-2000:]}")
    return {"wall": wall, "cpu": _children_cpu() - before_cpu, "peak_mb": peak_kb / 1024}


def searchable(home: Path, words: dict[int, str], *, pages: bool) -> tuple[int, int]:
    """(found where expected, sampled): a search for each sampled word must return a hit on
    its page (packs) or at all (text, one page)."""
    rng = random.Random(5)
    sample = rng.sample(sorted(words), min(SAMPLE, len(words)))
    found = 0
    for key in sample:
        result = subprocess.run(
            [*CLI, "--home", str(home), "search", words[key], "--json"],
            cwd=REPO,
            capture_output=True,
            text=True,
        )
        hits = json.loads(result.stdout)["hits"]
        if hits and (not pages or hits[0]["page"] == key):
            found += 1
    return found, len(sample)


def run(kind: str, sizes: list[float], workdir: Path, extra: list[str]) -> None:
    rows = []
    for size in sizes:
        path = workdir / (f"pack-{int(size)}.pdf" if kind == "pdf" else f"minutes-{size}MB.txt")
        made = time.perf_counter()
        words = agenda_pack_pdf(path, int(size)) if kind == "pdf" else long_text_paper(path, size)
        made = time.perf_counter() - made
        home = workdir / f"home-{path.stem}"
        measured = ingest(path, home, *extra)
        found, sampled = searchable(home, words, pages=kind == "pdf")
        rows.append((size, path.stat().st_size / 1e6, made, measured, found, sampled))
        unit = "pages" if kind == "pdf" else "MB"
        print(
            f"{kind:>4} {size:>7g} {unit:<5} file {rows[-1][1]:6.1f} MB  made {made:6.1f} s  "
            f"ingest wall {measured['wall']:7.1f} s  cpu {measured['cpu']:7.1f} s  "
            f"peak {measured['peak_mb']:6.0f} MB  searchable {found}/{sampled}",
            flush=True,
        )
    base = rows[0]
    for size, _mb, _made, measured, _found, _sampled in rows[1:]:
        print(
            f"{kind:>4} {size:g} vs {base[0]:g}: size x{size / base[0]:.1f}  "
            f"cpu x{measured['cpu'] / base[3]['cpu']:.2f}  wall x{measured['wall'] / base[3]['wall']:.2f}  "
            f"peak x{measured['peak_mb'] / base[3]['peak_mb']:.2f}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the two smallest sizes of each kind")
    parser.add_argument("--only", choices=["pdf", "text"], help="one kind of input")
    args = parser.parse_args()
    pdf_sizes = [250, 500, 1000, 2000]
    text_sizes = [2.5, 5.0, 10.0, 20.0]
    if args.quick:
        pdf_sizes, text_sizes = pdf_sizes[:2], text_sizes[:2]
    print(f"cores {os.cpu_count()}, python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="bench-large-") as tmp:
        workdir = Path(tmp)
        if args.only in (None, "pdf"):
            run("pdf", pdf_sizes, workdir, [])
        if args.only in (None, "text"):
            run("text", text_sizes, workdir, [])


if __name__ == "__main__":
    main()
