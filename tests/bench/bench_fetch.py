"""Benchmark: what fetching costs beyond ingesting, against a ModernGov site on 127.0.0.1.

    python tests/bench/bench_fetch.py [--repeat 3] [--workers 1] [--rate-limited]

The papers are the real ModernGov PDFs of ../shared/real-pdfs (one meeting per date, packs
and attachments as the site would list them), or, without that folder, PDFs made from the
sample corpus. Each repeat runs, interleaved so background load hits them alike:

* baseline, "ingest alone": `minutebook ingest FOLDER` over the same PDFs already on disk,
  into a fresh home (the parse, the store, the index and the tracker);
* "fetch": `minutebook fetch URL --rate 0` into a fresh home: listing committees, meetings
  and papers through the web service, streaming each PDF to a temporary file, the PDF and
  sha256 checks, the move into the library, the provenance rows, then the same ingest;
* "re-fetch": the same fetch again, when nothing changed (conditional requests, 304s,
  nothing re-ingested): the cost of keeping an archive current.

Printed: medians (wall and CPU time; CPU time is steadier when other work shares the
machine), the whole cost per paper beyond ingest itself, `(fetch - waited - ingest) / ingest`
(waited: seconds the client slept for the rate limit and backoff, 0 with --rate 0), the
same measured directly inside the fetch (its `seconds` for listing the site and landing the
papers, as a share of ingest alone), and the re-fetch cost per paper. Target (issue 16):
overhead <= 10%. `--rate-limited` adds
one fetch at the default one request a second and subtracts the limiter's measured sleeps,
showing the two ways of excluding network wait agree.

A warm-up of each (not timed) loads spaCy in this process first, so neither side pays it.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.moderngov_site import FakeModernGov  # noqa: E402
from tests.pdf_fixtures import make_pdf, sample_paper  # noqa: E402
from ui.cli import main  # noqa: E402

REAL_PDFS = REPO.parent / "shared" / "real-pdfs"
CORPUS = REPO / "corpus"


def papers(folder: Path) -> list[tuple[str, str, Path]]:
    """(meeting date, committee id, PDF) for every paper: the real PDFs, else made ones."""
    if REAL_PDFS.is_dir() and any(REAL_PDFS.glob("*.pdf")):
        found = []
        for pdf in sorted(REAL_PDFS.glob("*.pdf")):
            when = next(part for part in pdf.stem.split("_") if part[:2] == "20" and len(part) == 10)
            found.append((when, "501" if pdf.name.startswith("weca") else "133", pdf))
        return found
    made = []
    for number, text in enumerate(sorted(CORPUS.glob("*.txt"))):
        spec = sample_paper(text, max_lines=400)
        pdf = make_pdf(folder / f"{text.stem}.pdf", spec.pages, bold_lines=spec.bold_lines)
        made.append((f"2014-0{number + 1}-15", "133", pdf))
    return made


def build_site(found: list[tuple[str, str, Path]]) -> FakeModernGov:
    site = FakeModernGov()
    site.add_committee("133", "Transport and Connectivity Policy Committee")
    site.add_committee("501", "West of England Combined Authority Committee")
    meetings: dict[tuple[str, str], str] = {}
    for when, committee, pdf in found:
        key = (when, committee)
        if key not in meetings:
            meetings[key] = str(9000 + len(meetings))
            site.add_meeting(meetings[key], committee, when)
        title = pdf.stem.replace("_", " ")
        if "minutes" in pdf.name:
            site.add_pack(
                meetings[key], title, pdf.read_bytes(), len(site.meetings[meetings[key]].papers) + 1
            )
        else:
            site.add_attachment(meetings[key], title, pdf.read_bytes(), "1", title)
    return site


def cpu_seconds() -> float:
    """User + system CPU time of this process (the server's threads included) and children."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def run_json(args: list[str]) -> tuple[float, float, dict[str, Any]]:
    """Wall and CPU seconds of one `minutebook` command, and its --json output."""
    out = io.StringIO()
    cpu, start = cpu_seconds(), time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main([*args, "--json"])
    elapsed, used = time.perf_counter() - start, cpu_seconds() - cpu
    if code not in (0, 1):
        raise SystemExit(f"{args[2]} failed with exit code {code}")
    return elapsed, used, json.loads(out.getvalue())


def row(label: str, wall: float, cpu: float, count: int) -> str:
    per = f"{1000 * wall / count:7.1f} ms {1000 * cpu / count:7.1f} ms"
    return f"{label:<26}{wall:8.2f}s{cpu:8.2f}s   {per}"


def main_bench() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--rate-limited", action="store_true", help="also fetch once at 1 request/s")
    options = parser.parse_args()
    workers = ["--workers", str(options.workers)]
    span = ["--from", "2000-01-01", "--to", "2030-12-31"]
    with tempfile.TemporaryDirectory(prefix="bench-fetch-") as scratch:
        root = Path(scratch)
        made = root / "made"
        made.mkdir()
        found = papers(made)
        folder = root / "papers"
        folder.mkdir()
        for index, (_, _, pdf) in enumerate(found):
            shutil.copy(pdf, folder / f"{index:02d}-{pdf.name}")
        pages_mb = sum(pdf.stat().st_size for _, _, pdf in found) / 1e6
        source = "real-pdfs" if found[0][2].is_relative_to(REAL_PDFS) else "corpus-made PDFs"
        print(f"papers: {len(found)} ({source}, {pages_mb:.1f} MB), workers={options.workers}")
        site = build_site(found)
        with site:
            # Warm-up: spaCy and the other lazy loads, outside the timings.
            run_json(["--home", str(root / "warm-i"), "ingest", str(folder), *workers])
            run_json(["--home", str(root / "warm-f"), "fetch", site.url, "--rate", "0", *span, *workers])
            runs: dict[str, list[tuple[float, float]]] = {"ingest": [], "fetch": [], "refetch": []}
            waited: list[float] = []
            steps: list[dict[str, float]] = []
            for repeat in range(options.repeat):
                # Alternate which side goes first, so a drift in background load favours neither.
                for side in ("ingest", "fetch") if repeat % 2 == 0 else ("fetch", "ingest"):
                    if side == "ingest":
                        wall, cpu, result = run_json(
                            ["--home", str(root / f"i{repeat}"), "ingest", str(folder), *workers]
                        )
                        assert result["ingested"] == len(found), result
                        runs["ingest"].append((wall, cpu))
                        continue
                    home = root / f"f{repeat}"
                    fetch_args = ["--home", str(home), "fetch", site.url, "--rate", "0", *span, *workers]
                    wall, cpu, result = run_json(fetch_args)
                    assert result["new"] == len(found) and result["ingest"]["ingested"] == len(found), result
                    runs["fetch"].append((wall, cpu))
                    waited.append(result["waited_seconds"])
                    steps.append(result["seconds"])
                    wall, cpu, result = run_json(fetch_args)
                    assert result["downloaded"] == 0 and result["ingest"]["ingested"] == 0, result
                    runs["refetch"].append((wall, cpu))
            count = len(found)
            wait = statistics.median(waited)
            median = {
                side: [statistics.median(t[i] for t in times) for i in (0, 1)] for side, times in runs.items()
            }
            (ingest, ingest_cpu), (fetch, fetch_cpu) = median["ingest"], median["fetch"]
            print(f"{'':26}{'wall':>9}{'CPU':>9}   per paper (wall, CPU)")
            for label, side in (("ingest alone (baseline)", "ingest"), ("fetch (rate limit off)", "fetch")):
                print(row(label, *median[side], count))
            print(f"  the client waited {wait:.2f}s (rate limit and backoff)")
            beyond, beyond_cpu = fetch - wait - ingest, fetch_cpu - ingest_cpu
            wall_share, cpu_share = 100 * beyond / ingest, 100 * beyond_cpu / ingest_cpu
            print(
                f"cost beyond ingest:       {1000 * beyond / count:+7.1f} ms/paper wall = {wall_share:+.1f}%;"
                f" {1000 * beyond_cpu / count:+7.1f} ms/paper CPU = {cpu_share:+.1f}%  (target <= +10%)"
            )
            listing = statistics.median(step["list"] for step in steps)
            landing = statistics.median(step["download"] for step in steps)
            inside = statistics.median(step["ingest"] for step in steps)
            direct = (listing + landing - wait) / ingest
            print(
                f"  measured inside fetch:  listing {listing:.2f}s, landing papers {landing:.2f}s,"
                f" ingest {inside:.2f}s: listing + landing - waited ="
                f" {1000 * (listing + landing - wait) / count:.1f} ms/paper"
                f" = {100 * direct:+.1f}% of ingest alone"
            )
            print(row("re-fetch, nothing new", *median["refetch"], count))
            if options.rate_limited:
                wall, cpu, result = run_json(
                    ["--home", str(root / "limited"), "fetch", site.url, *span, *workers]
                )
                slept = result["waited_seconds"]
                print(
                    f"fetch at 1 request/s:     {wall:7.2f}s wall, {result['requests']} requests,"
                    f" slept {slept:.2f}s; beyond ingest once the sleeps are subtracted:"
                    f" {100 * (wall - slept - ingest) / ingest:+.1f}% wall,"
                    f" {100 * (cpu - ingest_cpu) / ingest_cpu:+.1f}% CPU"
                )


if __name__ == "__main__":
    main_bench()
