"""`minutebook ask` latency at archive scale, in-process, against the bare search baseline.

    /work/venv/bin/python tests/bench/bench_ask_scale.py --sizes 10000,100000 [--repeat 2]
        [--seed 7] [--cache-dir /tmp/minutebook-ask-scale] [--fresh]

For each size: writes the synthetic archive (tests/bench/synthetic.py, `write_archive`) into
a real store and builds its search index with `search.rebuild` (what `minutebook reindex`
calls). Building 100k sections and their index takes a few minutes, so the built home is
cached in `--cache-dir`/sections-<size>-seed-<seed>/ (a `BUILT` file marks it complete) and
reused by later runs; `--fresh` deletes and rebuilds it.

Then asks ~30 questions made from the synthetic vocabulary (topics, committees, years, and
a few with words no synthetic paper uses), after one warm-up question (the cached searcher),
and prints median and p95 per question for `answer_question` and, in the same process, for
the bare `search_papers` call on the question text (limit 10), with their ratio.
Target: p95 <= 1 s at 100k sections.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from synthetic import BODIES, TOPICS, write_archive  # noqa: E402
from timing import percentile  # noqa: E402

from minutebook.store import open_store  # noqa: E402
from search import SearchRequest, rebuild, search_papers  # noqa: E402
from search.ask import answer_question  # noqa: E402

# Question forms over the synthetic vocabulary: every answer type the analyser reads.
_FORMS = (
    "How much was the {t} budget in {y}?",
    "What did the {b} decide about {t}?",
    "How many {t} reports did the {b} receive in {y}?",
    "When will the {t} review be completed?",
    "Who presented the {t} update to the {b}?",
    "What percentage of the {t} target was met in {y}?",
    "What are the financial implications of {t}?",
    "Why did the {t} costs increase in {y}?",
    "Who chaired the {b} meeting in March {y}?",
    "What savings were proposed for {t}?",
)
# Words no synthetic paper uses: these questions have no answer.
_UNANSWERABLE = (
    "How many penguins live at the zoo?",
    "Who won the chess tournament in 2015?",
    "What is the price of a lighthouse keeper's telescope?",
    "When did the astronomy society launch its comet survey?",
)


def questions(count: int = 30) -> list[str]:
    """`count` varied questions (deterministic), the last few unanswerable."""
    out: list[str] = []
    answerable = count - len(_UNANSWERABLE)
    for n in range(answerable):
        form = _FORMS[n % len(_FORMS)]
        topic = TOPICS[(n * 7) % len(TOPICS)]
        body = BODIES[(n * 3) % len(BODIES)]
        out.append(form.format(t=topic, b=body, y=2012 + (n * 5) % 10))
    return out + list(_UNANSWERABLE)


def built_home(cache: Path, size: int, seed: int, fresh: bool) -> Path:
    """A home holding the synthetic archive of `size` sections and its index (cached)."""
    home = cache / f"sections-{size}-seed-{seed}"
    if fresh and home.exists():
        shutil.rmtree(home)
    if (home / "BUILT").exists():
        return home
    if home.exists():  # an interrupted build: start again
        shutil.rmtree(home)
    home.mkdir(parents=True)
    started = time.perf_counter()
    sections = write_archive(home, size, seed)
    wrote = time.perf_counter() - started
    started = time.perf_counter()
    with open_store(home) as store:
        rebuild(home, store)
    print(f"  built {sections} sections: store {wrote:.0f} s, index {time.perf_counter() - started:.0f} s")
    (home / "BUILT").write_text(f"{sections}\n", encoding="utf-8")
    return home


def bench(home: Path, repeat: int) -> None:
    asked = questions()
    answer_question(home, "How much was the revenue budget?")  # warm the searcher
    ask_times: list[float] = []
    base_times: list[float] = []
    answered = 0
    for question in asked:
        for attempt in range(repeat):
            t0 = time.perf_counter()
            result = answer_question(home, question)
            ask_times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            search_papers(home, SearchRequest(query=question, limit=10))
            base_times.append(time.perf_counter() - t0)
            if attempt == 0 and result["answer"] is not None:
                answered += 1
    ask_median, ask_p95 = statistics.median(ask_times) * 1000, percentile(ask_times, 0.95) * 1000
    base_median, base_p95 = statistics.median(base_times) * 1000, percentile(base_times, 0.95) * 1000
    slowest = max(ask_times) * 1000
    print(f"  {len(asked)} questions x {repeat}; {answered} answered (synthetic prose is word salad)")
    print(f"  ask      median {ask_median:7.1f} ms  p95 {ask_p95:7.1f} ms  max {slowest:7.1f} ms")
    print(f"  baseline median {base_median:7.1f} ms  p95 {base_p95:7.1f} ms  (search_papers, limit 10)")
    print(f"  ratio ask/baseline: median {ask_median / base_median:.1f}x  p95 {ask_p95 / base_p95:.1f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated section counts")
    parser.add_argument("--repeat", type=int, default=2, help="times each question is asked")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--cache-dir",
        type=Path,
        default=Path("/tmp/minutebook-ask-scale"),
        help="where built archives are kept between runs (one folder per size and seed)",
    )
    parser.add_argument("--fresh", action="store_true", help="rebuild cached archives")
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",") if s.strip()):
        print(f"{size} sections")
        home = built_home(args.cache_dir, size, args.seed, args.fresh)
        bench(home, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
