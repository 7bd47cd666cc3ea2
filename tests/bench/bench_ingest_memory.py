"""Benchmark: the whole `minutebook ingest` (everything on: entities, index) of every real
folder, its page rate, CPU and peak memory, against plain pdfminer `extract_text` and,
optionally, the same command run from another checkout, in one run.

    python tests/bench/bench_ingest_memory.py [--repeat 3] [--copies 1] [--baseline-tree DIR]
                                              [--compare]

The input is ../shared/real-pdfs, ../shared/more-councils and corpus/; `--copies N` copies
the PDF folders N times under distinct names (each copy is parsed; identical text is stored
once), a larger archive from the same papers (`--copies 4` is about 2,000 pages).

`--baseline-tree DIR` also runs the command with DIR first on PYTHONPATH (a `git worktree`
of the commit to compare with, e.g. `git worktree add /tmp/old <commit>`), interleaved with
this checkout's runs so background load hits both alike. Printed per checkout: medians of
wall seconds, CPU seconds (the command and its workers), pages/s, CPU-s/page and the peak
memory of the command and all its workers together (resident set, summed over the process
tree, sampled every 50 ms), with the largest single process beside it, and the seconds until
every paper the ingest stored was in the search index (read from the store every 0.25 s).

`--compare` then runs `entities --json`, `resolutions --json` and `actions --json` on one
home of each checkout and says whether each pair holds the same set of records (ordering
aside; lists inside a record compared as sets), listing the differences.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.bench.bench_ingest_engines import (  # noqa: E402
    copy_real_folders,
    count_pages,
    plain_pdfminer,
    sampled_run,
    timed,
)
from tests.conftest import MORE_COUNCILS, REAL_PDFS  # noqa: E402
from tests.reliability import tree_rss  # noqa: E402

# The command of the running interpreter's environment; each checkout's code comes first on
# PYTHONPATH, so a frozen copy of this checkout (`git worktree add`) measures itself.
MINUTEBOOK = Path(sys.executable).parent / "minutebook"
CORPUS = REPO / "corpus"
ARCHIVE_PAGES = 250_000


def _stored_and_indexed(home: Path) -> tuple[set[str], set[str]]:
    """(ids of the documents stored, of those the index holds now) of a home, read-only
    while an ingest writes. A document whose entities land is marked for the index to write
    it again (its people facets), but its first copy stays searchable: `run_ingest` counts a
    document searchable from the first time it is seen indexed."""
    path = home / "minutebook.sqlite3"
    if not path.exists():
        return set(), set()
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            rows = db.execute("SELECT id, indexed_in IS NOT NULL FROM documents").fetchall()
        finally:
            db.close()
    except sqlite3.Error:  # the schema is still being created
        return set(), set()
    return {row[0] for row in rows}, {row[0] for row in rows if row[1]}


def run_ingest(tree: Path | None, home: Path, folders: list[Path]) -> tuple[float, float, int, int, float]:
    """(wall s, CPU s, peak summed RSS, peak single-process RSS, seconds until every paper the
    ingest stores was in the search index) of one whole ingest."""
    env = dict(os.environ, PYTHONPATH=str(tree or REPO))
    command = [str(MINUTEBOOK), "--home", str(home), "ingest", *map(str, folders)]
    peak = largest = 0
    progress: list[tuple[float, int]] = []  # (seconds, stored documents ever seen indexed)
    seen: set[str] = set()
    ticks = 0

    def sample(pid: int) -> None:
        nonlocal peak, largest, ticks
        total, one = tree_rss(pid)
        peak, largest = max(peak, total), max(largest, one)
        ticks += 1
        if ticks % 5 == 0:  # every 0.25 s
            stored_now, indexed_now = _stored_and_indexed(home)
            seen.update(indexed_now)
            progress.append((time.perf_counter() - start, len(seen & stored_now)))

    start = time.perf_counter()
    wall, used, failure = sampled_run(command, sample, env)
    if failure is not None:
        raise SystemExit(f"ingest ({tree or 'this checkout'}) failed: {failure[-800:]}")
    stored = len(_stored_and_indexed(home)[0])
    searchable = next((seconds for seconds, indexed in progress if indexed >= stored), wall)
    return wall, used, peak, largest, searchable


def _records(tree: Path | None, home: Path, command: str) -> set[str]:
    env = dict(os.environ, PYTHONPATH=str(tree or REPO))
    out = subprocess.run(
        [str(MINUTEBOOK), "--home", str(home), command, "--json"], env=env, capture_output=True, check=True
    ).stdout
    return {json.dumps(_unordered(record), sort_keys=True) for record in json.loads(out)}


def _unordered(value: object) -> object:
    """Lists compared as sets: the order of a record's roles or meetings is not its content."""
    if isinstance(value, dict):
        return {key: _unordered(item) for key, item in value.items()}
    if isinstance(value, list):
        return sorted((_unordered(item) for item in value), key=lambda item: json.dumps(item, sort_keys=True))
    return value


def compare(baseline: tuple[Path | None, Path], ours: tuple[Path | None, Path]) -> bool:
    same = True
    for command in ("entities", "resolutions", "actions"):
        before, after = _records(*baseline, command), _records(*ours, command)
        verdict = "same set" if before == after else "DIFFERENT"
        same = same and before == after
        print(f"{command} --json: baseline {len(before)} records, this checkout {len(after)}: {verdict}")
        for label, records in (("only baseline", before - after), ("only this checkout", after - before)):
            for record in sorted(records)[:20]:
                print(f"  {label}: {record[:300]}")
    return same


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--baseline-tree", type=Path, help="another checkout to run beside this one")
    parser.add_argument("--compare", action="store_true", help="compare entities/resolutions/actions")
    args = parser.parse_args()
    sources = [folder for folder in (REAL_PDFS, MORE_COUNCILS) if folder.is_dir()]
    if not sources:
        print("no real folders (../shared/real-pdfs, ../shared/more-councils); nothing to measure")
        return 0
    trees: dict[str, Path | None] = {"this checkout": None}
    if args.baseline_tree:
        trees = {f"baseline {args.baseline_tree}": args.baseline_tree.resolve(), **trees}
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp:
        scratch = Path(tmp)
        folders = copy_real_folders(scratch, sources, args.copies)
        pdfs = sorted(p for folder in folders for p in folder.glob("*.pdf"))
        pages = count_pages(pdfs) + len(list(CORPUS.glob("*.txt")))
        folders.append(CORPUS)
        print(
            f"{len(pdfs)} PDFs + corpus/, about {pages} pages; {args.repeat} repeats;"
            f" {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        runs: dict[str, list[tuple[float, float, int, int, float]]] = {}
        homes: dict[str, Path] = {}
        for repeat in range(args.repeat):
            wall, cpu = timed(lambda: plain_pdfminer(pdfs))
            runs.setdefault("plain pdfminer extract_text", []).append((wall, cpu, 0, 0, 0.0))
            for name, tree in trees.items():
                home = Path(tempfile.mkdtemp(dir=scratch, prefix="home-"))
                runs.setdefault(name, []).append(run_ingest(tree, home, folders))
                if repeat == 0:
                    homes[name] = home
                else:
                    shutil.rmtree(home, ignore_errors=True)
            print(f"repeat {repeat + 1} done (load {os.getloadavg()[0]:.1f})", flush=True)
        print(
            f"\n{'':40} {'wall s':>7} {'CPU s':>7} {'pages/s':>8} {'CPU-s/pg':>9}"
            f" {'peak MB':>8} {'max 1 MB':>8} {'searchable s':>12}"
        )
        baseline = statistics.median(v[0] for v in runs["plain pdfminer extract_text"])
        for name, values in runs.items():
            wall = statistics.median(v[0] for v in values)
            cpu = statistics.median(v[1] for v in values)
            peak, largest = max(v[2] for v in values), max(v[3] for v in values)
            searchable = statistics.median(v[4] for v in values)
            peaks = f"{peak / 1e6:8.0f} {largest / 1e6:8.0f} {searchable:12.1f}" if peak else ""
            print(f"{name[-40:]:40} {wall:7.2f} {cpu:7.2f} {pages / wall:8.1f} {cpu / pages:9.4f} {peaks}")
            if peak:
                hours = ARCHIVE_PAGES / (pages / wall) / 3600
                print(
                    f"{'':40} page rate {baseline / wall:.2f}x plain serial pdfminer;"
                    f" 250k pages: {hours:.1f} h"
                )
        if args.compare and args.baseline_tree:
            names = list(trees)
            compare((trees[names[0]], homes[names[0]]), (trees[names[1]], homes[names[1]]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
