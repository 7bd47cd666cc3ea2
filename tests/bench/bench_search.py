"""Search at archive scale: index build rate, size on disk, and query latency.

    /work/venv/bin/python tests/bench/bench_search.py --sizes 10000,30000,100000

For each size: writes a synthetic archive (tests/bench/synthetic.py) into a real store,
rebuilds the index (`search.rebuild`, `--procs` writer processes), then times queries
in-process. `search_papers` (parse, one hit per item, facets over all matches, highlighted
snippets) is timed against a baseline measured in the same process: Whoosh's own top-10
search for the same parsed query, no facets, no highlighting (for phrases, all of the
phrase's words: the index keeps no positions for Whoosh to check). Targets on 2 cores at 100k
sections: p50 <= 20 ms, p95 <= 100 ms with facets; build >= 1,000 sections/s. "cold" times
a search whose posting lists are read from disk again (the cache of an earlier search
dropped); the plain columns repeat a search whose lists are cached.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_archive  # noqa: E402
from timing import percentile  # noqa: E402
from whoosh import query  # noqa: E402

from minutebook.store import open_store  # noqa: E402
from search import SearchRequest, rebuild, search_papers  # noqa: E402
from search.engine.backend import forget_cached_postings, live_dir, searching  # noqa: E402
from search.engine.query import parse_user_query  # noqa: E402
from search.engine.schema import get_schema  # noqa: E402

QUERIES: dict[str, list[SearchRequest]] = {
    "term": [SearchRequest(q) for q in ("recycling", "broadband", "ofsted", "pension", "carers")],
    "AND": [
        SearchRequest(q)
        for q in ("school AND transport", "flood AND risk", "mental AND health", "budget AND savings")
    ],
    "phrase": [
        SearchRequest(q)
        for q in ('"adult social care"', '"free school meals"', '"looked after children"', '"road safety"')
    ],
    "faceted": [
        SearchRequest("recycling", kind="minutes", date_from="2015-01-01"),
        SearchRequest("care leavers", body="children's services"),
        SearchRequest('"youth justice"', date_from="2014-01-01", date_to="2018-12-31"),
        SearchRequest("library services", kind="report", sort="date"),
    ],
}


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def whoosh_native(q: query.Query) -> query.Query:
    """The query Whoosh itself can run on this index: the searched text fields keep no
    positions (phrases go through word-pair fields), so a phrase becomes all of its words."""

    def words(node: query.Query) -> query.Query:
        if isinstance(node, query.Phrase):
            return query.And([query.Term(node.fieldname, word) for word in node.words])
        return node

    return q.accept(words)


def time_queries(home: Path, repeats: int) -> None:
    """Per query type: our latency with posting lists cached from an earlier search (warm)
    and read from disk (cold), and Whoosh's own top-10 search as the baseline."""
    header = f"  {'query':<8} {'p50 ms':>8} {'p95 ms':>8} {'cold p50':>9} {'cold p95':>9}"
    print(header + f" {'base p50':>9} {'base p95':>9} {'ratio':>6}  mean items matched")
    for label, requests in QUERIES.items():
        ours: list[float] = []
        cold: list[float] = []
        base: list[float] = []
        totals = []
        for request in requests:
            search_papers(home, request)  # warm the cached searcher and facet table
            parsed = whoosh_native(parse_user_query(request.query, get_schema()).query)
            for _ in range(repeats):
                forget_cached_postings(home)
                start = time.perf_counter()
                search_papers(home, request)
                cold.append(time.perf_counter() - start)
                start = time.perf_counter()
                result = search_papers(home, request)
                ours.append(time.perf_counter() - start)
                with searching(home) as found:
                    assert found is not None
                    searcher = found[0]
                    start = time.perf_counter()
                    searcher.search(parsed, limit=10)
                    base.append(time.perf_counter() - start)
            totals.append(result["total"])
        p50, p95 = percentile(ours, 0.5) * 1000, percentile(ours, 0.95) * 1000
        c50, c95 = percentile(cold, 0.5) * 1000, percentile(cold, 0.95) * 1000
        b50, b95 = percentile(base, 0.5) * 1000, percentile(base, 0.95) * 1000
        print(
            f"  {label:<8} {p50:8.1f} {p95:8.1f} {c50:9.1f} {c95:9.1f} {b50:9.1f} {b95:9.1f}"
            f" {p50 / b50:6.1f}x  {statistics.mean(totals):8.0f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10000,30000,100000", help="comma-separated section counts")
    parser.add_argument("--procs", type=int, default=2, help="index writer processes")
    parser.add_argument("--repeats", type=int, default=10, help="timed runs of each query")
    parser.add_argument("--workdir", type=Path, default=None, help="keep archives here (default: temp)")
    parser.add_argument("--compare-procs", action="store_true", help="also time a 1-process build")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="mb-bench-"))
    for size in (int(s) for s in args.sizes.split(",")):
        home = workdir / f"archive-{size}"
        start = time.perf_counter()
        sections = write_archive(home, size)
        print(f"\n{sections} sections (store written/found in {time.perf_counter() - start:.1f}s) at {home}")
        builds = [args.procs, 1] if args.compare_procs and args.procs != 1 else [args.procs]
        for procs in builds:
            with open_store(home) as store:
                start = time.perf_counter()
                indexed = rebuild(home, store, procs=procs)
                took = time.perf_counter() - start
            print(f"  build procs={procs}: {indexed} docs in {took:.1f}s = {indexed / took:,.0f} sections/s")
        live = live_dir(home)
        assert live is not None
        print(
            f"  index size: {folder_bytes(live) / 1e6:.1f} MB ({folder_bytes(live) / indexed:.0f} B/section)"
        )
        time_queries(home, args.repeats)
    if args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
