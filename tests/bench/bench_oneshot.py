"""One-shot and warm search, and reindex throughput, against baselines from the same run.

    .venv/bin/python tests/bench/bench_oneshot.py [--sizes 100000] [--with-300k]
        [--repeats 5] [--compare-with /work/main/.venv/bin/minutebook] [--install-engines]
        [--no-reindex] [--cache-dir /tmp/minutebook-bench-oneshot]

Homes: the sample corpus (ingested into a temporary home) and synthetic archives of the
given section counts (tests/bench/synthetic.py, built once and cached in `--cache-dir`;
`--with-300k` adds the 300k archive, which takes a long while to build the first time).

For each home it prints:

* one-shot `minutebook search "free school meals" --json` as a whole process: median wall
  time, median CPU time (user + system) and peak RSS of `--repeats` runs, beside
  `minutebook --help` run the same way (the ratio is the goal: <= 2x on the sample home; at
  100k <= 150 ms, at 300k <= 250 ms; RSS at 100k <= 150 MB). `--compare-with` times another
  installation's `minutebook` (the code before a change) on the same home too;
* warm p50/p95 of `search_papers` in this process over the query mix of bench_search.py;
* Tantivy (when the `tantivy` package imports; `--install-engines` pip-installs it into this
  interpreter's environment first, never into the project's dependencies) and SQLite FTS5
  over the same sections, warm p50/p95 for the same words with one hit per item (the best
  section), and their own one-shot process time;
* `minutebook reindex` (largest archive; `--no-reindex` skips it): sections/s, wall and CPU.

The machine is shared: the load average is printed at the start and end of every section,
and CPU time is printed beside wall time so a loaded run can still be compared.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from bench_search import QUERIES  # noqa: E402
from synthetic import write_archive  # noqa: E402
from timing import percentile  # noqa: E402

from minutebook.store import open_store  # noqa: E402
from search import SearchRequest, rebuild, search_papers  # noqa: E402

ONE_SHOT_QUERY = "free school meals"
ENGINE_QUERIES = [
    "recycling",
    "broadband",
    "ofsted",
    "pension",
    "carers",
    "school transport",
    "flood risk",
    "free school meals",
]


def pcts(values: list[float]) -> str:
    """p50 and p95 of `values` (seconds) in milliseconds."""
    return f"p50 {percentile(values, 0.5) * 1000:6.1f} ms  p95 {percentile(values, 0.95) * 1000:6.1f} ms"


def process(row: dict[str, float]) -> str:
    return f"wall {row['wall'] * 1000:6.0f} ms  cpu {row['cpu'] * 1000:6.0f} ms  RSS {row['rss']:5.0f} MB"


def load() -> str:
    one, five, _fifteen = os.getloadavg()
    return f"load average {one:.2f} (1 min) {five:.2f} (5 min) on {os.cpu_count()} cores"


def minutebook_command() -> list[str]:
    script = Path(sys.executable).parent / "minutebook"
    return [str(script)] if script.exists() else [sys.executable, "-m", "ui.cli.main"]


GNU_TIME = Path("/usr/bin/time")


def run_once(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """(wall s, CPU s of the process and its children, peak RSS MB) of one run.

    Peak RSS comes from GNU time when it is installed: a child forked from this process
    (NumPy loaded) would otherwise report this process's size as its own high-water mark."""
    timed = [str(GNU_TIME), "-f", "%M", *command] if GNU_TIME.exists() else command
    start = time.perf_counter()
    proc = subprocess.Popen(timed, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _out, err = proc.communicate()
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{command} exited {proc.returncode}: {err.decode()[-300:]}")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime - run_once.spent  # type: ignore[attr-defined]
    run_once.spent += cpu  # type: ignore[attr-defined]
    rss = int(err.decode().strip().splitlines()[-1]) / 1024 if GNU_TIME.exists() else usage.ru_maxrss / 1024
    return wall, cpu, rss


run_once.spent = 0.0  # type: ignore[attr-defined]


def installed_env() -> dict[str, str]:
    """This environment as an installed minutebook runs in: with bytecode caches.

    `pip install .` compiles every module to `.pyc` at install time, so a user's process never
    compiles source. An editable checkout run with PYTHONDONTWRITEBYTECODE set (as some
    sandboxes set it) would compile every module of ours on every run, about 30 CPU-ms a
    search that no user pays; without the variable, the first (untimed) run writes them."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def timed_runs(command: list[str], repeats: int) -> dict[str, float]:
    env = installed_env()
    # The first run warms the page cache, writes bytecode caches and any missing column files.
    run_once(command, env)
    runs = [run_once(command, env) for _ in range(repeats)]
    return {
        "wall": statistics.median(r[0] for r in runs),
        "cpu": statistics.median(r[1] for r in runs),
        "rss": max(r[2] for r in runs),
    }


def one_shot(home: Path, repeats: int, compare_with: str | None) -> None:
    print(f"  one-shot, median of {repeats} ({load()})")
    help_ = timed_runs([*minutebook_command(), "--help"], repeats)
    rows = [("minutebook --help (baseline)", help_)]
    search = [*minutebook_command(), "--home", str(home), "search", ONE_SHOT_QUERY, "--json"]
    ours = timed_runs(search, repeats)
    rows.append((f"minutebook search {ONE_SHOT_QUERY!r}", ours))
    if compare_with:
        rows.append(
            (
                "  the same, --compare-with",
                timed_runs([compare_with, *search[len(minutebook_command()) :]], repeats),
            )
        )
    for label, row in rows:
        ratios = f"{row['wall'] / help_['wall']:.1f}x wall, {row['cpu'] / help_['cpu']:.1f}x cpu of --help"
        print(f"    {label:<40} {process(row)}  ({ratios})")


def warm_times(home: Path, repeats: int) -> dict[str, list[float]]:
    """Seconds per `search_papers` call by query type (after one warm-up call each)."""
    times: dict[str, list[float]] = {}
    for label, requests in QUERIES.items():
        for request in requests:
            search_papers(home, request)
            for _ in range(repeats):
                start = time.perf_counter()
                search_papers(home, request)
                times.setdefault(label, []).append(time.perf_counter() - start)
    return times


WARM_PROBE = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from bench_search import QUERIES
from search import search_papers
home, repeats, times = Path(sys.argv[2]), int(sys.argv[3]), {}
for label, requests in QUERIES.items():
    for request in requests:
        search_papers(home, request)
        for _ in range(repeats):
            start = time.perf_counter()
            search_papers(home, request)
            times.setdefault(label, []).append(time.perf_counter() - start)
print(json.dumps(times))
"""


def warm(home: Path, repeats: int, compare_with: str | None) -> None:
    print(f"  warm search_papers in-process, {repeats} runs of each query ({load()})")
    rows = [("ours", warm_times(home, repeats))]
    if compare_with:
        # The same measurement by the other installation's Python (its own code), same home.
        python = Path(compare_with).parent / "python"
        # The probe imports `search` from that installation (never this checkout: it runs
        # outside it, with only the bench folder on its path for the query mix).
        probe = WARM_PROBE
        done = subprocess.run(
            [str(python), "-c", probe, str(HERE), str(home), str(repeats)],
            capture_output=True,
            text=True,
            check=False,
            cwd=tempfile.gettempdir(),
        )
        if done.returncode == 0:
            rows.append(("compared", json.loads(done.stdout.strip().splitlines()[-1])))
        else:
            print(f"    (--compare-with warm run failed: {done.stderr.strip()[-200:]})")
    for name, times in rows:
        every = [t for values in times.values() for t in values]
        for label, values in [*times.items(), ("all", every)]:
            print(f"    {name:<8} {label:<8} {pcts(values)}")


# ------------------------------------------------------------- other engines


def sections(home: Path) -> list[tuple[str, str, str, str]]:
    with open_store(home) as store:
        rows = store.query(
            "SELECT s.id AS id, s.item_id AS item_id, COALESCE(i.title, '') AS title,"
            " COALESCE(s.text, '') AS text FROM sections s JOIN items i ON i.id = s.item_id"
        )
        return [(r["id"], r["item_id"], r["title"], r["text"]) for r in rows]


def install_tantivy() -> None:
    try:
        import tantivy  # noqa: F401

        return
    except ImportError:
        pass
    print("  installing tantivy into this interpreter's environment (bench only)")
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "tantivy"], check=False)


def one_hit_per_item(ranked: list[tuple[str, str]], limit: int = 10) -> list[str]:
    seen: set[str] = set()
    out = []
    for section_id, item_id in ranked:
        if item_id not in seen:
            seen.add(item_id)
            out.append(section_id)
            if len(out) == limit:
                break
    return out


def fts5_bench(home: Path, rows: list[tuple[str, str, str, str]], workdir: Path, repeats: int) -> None:
    path = workdir / "fts5.sqlite3"
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    start, cpu = time.perf_counter(), time.process_time()
    db.execute(
        "CREATE VIRTUAL TABLE s USING fts5(id UNINDEXED, item_id UNINDEXED, title, text, tokenize='porter')"
    )
    db.executemany("INSERT INTO s VALUES (?, ?, ?, ?)", rows)
    db.commit()
    built = time.perf_counter() - start
    cpu = time.process_time() - cpu
    print(f"    FTS5    build {len(rows) / built:8,.0f} sections/s ({built:.1f} s, {cpu:.1f} CPU-s)")
    sql = "SELECT id, item_id FROM s WHERE s MATCH ? ORDER BY bm25(s, 0, 0, 3.0, 1.0) LIMIT 2000"

    def query(words: str) -> list[str]:
        match = " OR ".join(f'"{w}"' for w in words.split())
        return one_hit_per_item(db.execute(sql, (match,)).fetchall())

    _warm_engine("FTS5", query, repeats)
    db.close()
    probe = (
        "import sqlite3,sys; db=sqlite3.connect(sys.argv[1]);"
        f' db.execute({sql!r}, (\'"free" OR "school" OR "meals"\',)).fetchall()'
    )
    row = timed_runs([sys.executable, "-c", probe, str(path)], repeats)
    print(f"    FTS5    one-shot {process(row)}")


def tantivy_bench(rows: list[tuple[str, str, str, str]], workdir: Path, repeats: int) -> None:
    try:
        import tantivy
    except ImportError:
        print("    Tantivy skipped: the tantivy package is not installed (--install-engines installs it)")
        return
    folder = workdir / "tantivy"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("item_id", stored=True, tokenizer_name="raw")
    builder.add_text_field("title", stored=False, tokenizer_name="en_stem")
    builder.add_text_field("text", stored=False, tokenizer_name="en_stem")
    schema = builder.build()
    index = tantivy.Index(schema, path=str(folder))
    start, cpu = time.perf_counter(), time.process_time()
    writer = index.writer(heap_size=256_000_000, num_threads=2)
    for section_id, item_id, title, text in rows:
        writer.add_document(tantivy.Document(id=section_id, item_id=item_id, title=title, text=text))
    writer.commit()
    writer.wait_merging_threads()
    built = time.perf_counter() - start
    cpu = time.process_time() - cpu
    print(f"    Tantivy build {len(rows) / built:8,.0f} sections/s ({built:.1f} s, {cpu:.1f} CPU-s)")
    index.reload()
    searcher = index.searcher()

    def query(words: str) -> list[str]:
        parsed = index.parse_query(words, ["title", "text"])
        hits = searcher.search(parsed, 2000).hits
        docs = [searcher.doc(address) for _score, address in hits]
        return one_hit_per_item([(d["id"][0], d["item_id"][0]) for d in docs])

    _warm_engine("Tantivy", query, repeats)
    probe = (
        "import sys, tantivy; ix = tantivy.Index.open(sys.argv[1]); s = ix.searcher();"
        " s.search(ix.parse_query('free school meals', ['title', 'text']), 10)"
    )
    row = timed_runs([sys.executable, "-c", probe, str(folder)], repeats)
    print(f"    Tantivy one-shot {process(row)}")


def _warm_engine(name: str, query: Any, repeats: int) -> None:
    times = []
    for words in ENGINE_QUERIES:
        query(words)
        for _ in range(repeats):
            start = time.perf_counter()
            query(words)
            times.append(time.perf_counter() - start)
    print(f"    {name:<7} warm {pcts(times)} (plain words, top 10 items)")


def ours_on_engine_queries(home: Path, repeats: int) -> None:
    times = []
    for words in ENGINE_QUERIES:
        search_papers(home, SearchRequest(words))
        for _ in range(repeats):
            start = time.perf_counter()
            search_papers(home, SearchRequest(words))
            times.append(time.perf_counter() - start)
    print(f"    ours    warm {pcts(times)} (same words; with facets, totals and snippets)")


# ------------------------------------------------------------------- homes


def sample_home(workdir: Path) -> Path:
    home = workdir / "sample"
    if not (home / "BUILT").exists():
        shutil.rmtree(home, ignore_errors=True)
        from ui.cli import main

        assert main(["--home", str(home), "ingest", str(REPO / "corpus"), "--workers", "1"]) == 0
        (home / "BUILT").write_text("sample\n", encoding="utf-8")
    return home


def archive_home(cache: Path, size: int) -> Path:
    home = cache / f"sections-{size}"
    if (home / "BUILT").exists():
        return home
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    start = time.perf_counter()
    count = write_archive(home, size)
    wrote = time.perf_counter() - start
    start = time.perf_counter()
    with open_store(home) as store:
        rebuild(home, store)
    print(f"  built {count} sections: store {wrote:.0f} s, index {time.perf_counter() - start:.0f} s")
    (home / "BUILT").write_text(f"{count}\n", encoding="utf-8")
    return home


def reindex(home: Path) -> None:
    with open_store(home) as store:
        count = store.query("SELECT COUNT(*) AS n FROM sections")[0]["n"]
    print(f"  reindex ({load()})")
    wall, cpu, rss = run_once([*minutebook_command(), "--home", str(home), "reindex"])
    print(
        f"    minutebook reindex: {count / wall:,.0f} sections/s ({wall:.1f} s wall, {cpu:.1f} CPU-s"
        f" over all its processes, {count / cpu:,.0f} sections per CPU-s, peak RSS {rss:.0f} MB)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", default="100000", help="synthetic archive sizes (comma-separated; '' for none)"
    )
    parser.add_argument(
        "--with-300k", action="store_true", help="also the 300k-section archive (slow to build)"
    )
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--compare-with", default=None, help="another installation's minutebook to time too")
    parser.add_argument(
        "--install-engines", action="store_true", help="pip-install tantivy for the comparison"
    )
    parser.add_argument("--no-engines", action="store_true", help="skip the Tantivy/FTS5 comparison")
    parser.add_argument("--no-reindex", action="store_true")
    parser.add_argument("--cache-dir", type=Path, default=Path("/tmp/minutebook-bench-oneshot"))
    args = parser.parse_args()
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as `minutebook search` does
    args.cache_dir.mkdir(parents=True, exist_ok=True)
    if args.install_engines and not args.no_engines:
        install_tantivy()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.with_300k and 300_000 not in sizes:
        sizes.append(300_000)
    homes = [("sample home", sample_home(args.cache_dir))]
    homes += [(f"{size:,} sections", archive_home(args.cache_dir, size)) for size in sizes]
    print(f"start: {load()}")
    for label, home in homes:
        print(f"\n{label}: {home}")
        one_shot(home, args.repeats, args.compare_with)
        warm(home, args.repeats, args.compare_with)
        if not args.no_engines and label != "sample home":
            with tempfile.TemporaryDirectory(prefix="mb-engines-") as tmp:
                rows = sections(home)
                print(f"  engines over the same {len(rows):,} sections ({load()})")
                ours_on_engine_queries(home, args.repeats)
                fts5_bench(home, rows, Path(tmp), args.repeats)
                tantivy_bench(rows, Path(tmp), args.repeats)
    if sizes and not args.no_reindex:
        print(f"\n{sizes[-1]:,} sections")
        reindex(archive_home(args.cache_dir, sizes[-1]))
    print(f"\nend: {load()}")
    print(json.dumps({"python": sys.version.split()[0], "cpus": os.cpu_count()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
