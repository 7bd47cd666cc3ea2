"""First results on screen after submitting a search, in a real browser, per home.

    .venv/bin/python tests/bench/bench_ui_results.py [--repeats 5]
        [--cache-dir /tmp/minutebook-bench-oneshot] [--sizes 100000]

For each home (the sample corpus, then the synthetic archives bench_oneshot.py builds and
caches in `--cache-dir`) it starts `minutebook ui` (the installed console script, as the
browser tests do), opens it in headless Chromium (/usr/bin/chromium, Playwright) and types
each query in the search box: the time from pressing Enter to the first hit card drawn by
that run (the same wait as tests/ui/web/test_browser_archive.py). It prints the median and
worst of the queries per home, and the same queries' `search_papers` time in this process as
the baseline the interface adds to. The goal (issue 17) is a median <= 0.5 s on the sample home
and on a 100k archive. Not a timed test: the machine is shared, so the load average is printed.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from bench_oneshot import archive_home, sample_home  # noqa: E402

from search import SearchRequest, search_papers  # noqa: E402
from tests.ui.web.conftest import CHROMIUM, CHROMIUM_ARGS, VIEWPORT, idle, serving  # noqa: E402
from tests.ui.web.test_browser_archive import FRESH_FIRST_HIT  # noqa: E402

# Searches a user types; each home is timed on the first five that find something there.
CANDIDATE_QUERIES = [
    "free school meals", "care leavers", "recycling", "budget", "broadband", "ofsted",
    "pathway planning", "pension", "carers", "road safety", "school transport",
]  # fmt: skip


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min) {five:.2f} (5 min) on {os.cpu_count()} cores"


def queries_for(home: Path) -> list[str]:
    """The first five candidate queries with at least one hit in `home`."""
    found = [q for q in CANDIDATE_QUERIES if search_papers(home, SearchRequest(q))["total"]]
    return found[:5]


def time_queries(page: object, url: str, queries: list[str], repeats: int) -> list[float]:
    """Seconds from Enter to this run's first hit card, for every query `repeats` times."""
    page.goto(url)  # type: ignore[attr-defined]
    box = page.get_by_role("textbox", name="Search")  # type: ignore[attr-defined]
    box.wait_for()
    idle(page)
    timings = []
    for _ in range(repeats):
        for query in queries:
            box.fill(query)
            started = time.perf_counter()
            box.press("Enter")
            pattern = re.compile(r"results? for “" + re.escape(query) + "”")
            page.get_by_text(pattern).first.wait_for()  # type: ignore[attr-defined]
            page.wait_for_function(FRESH_FIRST_HIT)  # type: ignore[attr-defined]
            timings.append(time.perf_counter() - started)
            idle(page)
    return timings


def search_times(home: Path, queries: list[str], repeats: int) -> list[float]:
    timings = []
    for _ in range(repeats):
        for query in queries:
            started = time.perf_counter()
            search_papers(home, SearchRequest(query))
            timings.append(time.perf_counter() - started)
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeats", type=int, default=1, help="rounds of the five queries")
    parser.add_argument("--cache-dir", type=Path, default=Path("/tmp/minutebook-bench-oneshot"))
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000])
    args = parser.parse_args()
    if not CHROMIUM.exists():
        print("skipped: /usr/bin/chromium is not installed")
        return 0
    from playwright.sync_api import sync_playwright

    homes = [("sample home", sample_home(args.cache_dir))]
    homes += [(f"{n:,} sections", archive_home(args.cache_dir, n)) for n in args.sizes]
    print(f"start: {load()}")
    with sync_playwright() as playwright:
        browser: Any = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for name, home in homes:
                queries = queries_for(home)
                baseline = search_times(home, queries, args.repeats)
                with serving(home) as url:
                    context = browser.new_context(viewport=VIEWPORT)
                    page = context.new_page()
                    page.set_default_timeout(60_000)
                    shown = time_queries(page, url, queries, args.repeats)
                    context.close()
                print(
                    f"{name:16} first results on screen: median {statistics.median(shown):.3f} s,"
                    f" worst {max(shown):.3f} s over {len(shown)} submits;"
                    f" search_papers alone (baseline, this process): median"
                    f" {1000 * statistics.median(baseline):.1f} ms; queries {', '.join(queries)} ({load()})"
                )
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
