"""Latency and quality of `minutebook ask` on the sample corpus, in-process.

Ingests corpus/ into a temporary home through the real CLI, then asks every question of
tests/search/ask/ask_eval.py (after one warm-up question, so cached statistics are built once),
and prints: accuracy/citation/abstention overall, on the tuning and held-out halves
(`ask_eval.tuning_half`), and per answer type and source; median and p95 latency
per question; the same for a baseline measured in the same process (the bare `search_papers`
call on the question text, limit 10) and the ratio. Targets: median <= 150 ms, p95 <= 500 ms.

    /work/venv/bin/python tests/bench/bench_ask.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from search import SearchRequest, search_papers  # noqa: E402
from search.ask import answer_question  # noqa: E402
from tests.bench.timing import percentile  # noqa: E402
from tests.search.ask.ask_eval import ANSWERABLE, UNANSWERABLE, score, stored_texts, tuning_half  # noqa: E402
from ui.cli import main as cli_main  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="times each question is asked")
    args = parser.parse_args()
    cases = ANSWERABLE + UNANSWERABLE
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        assert cli_main(["--home", str(home), "ingest", str(REPO / "corpus"), "--workers", "1"]) == 0
        started = time.perf_counter()
        answer_question(home, "How many schools are there?")
        cold = time.perf_counter() - started
        ask_times: list[float] = []
        base_times: list[float] = []
        results = []
        for case in cases:
            for attempt in range(args.repeat):
                t0 = time.perf_counter()
                result = answer_question(home, case.question)
                ask_times.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                search_papers(home, SearchRequest(query=case.question, limit=10))
                base_times.append(time.perf_counter() - t0)
                if attempt == 0:
                    results.append((case, result))
        texts = stored_texts(home)
        scores = score(results, texts)
        halves = {
            "tuning": score([(c, r) for c, r in results if tuning_half(c)], texts),
            "held-out": score([(c, r) for c, r in results if not tuning_half(c)], texts),
        }
    print(f"questions: {len(ANSWERABLE)} answerable, {len(UNANSWERABLE)} unanswerable; repeat {args.repeat}")
    print(
        f"accuracy {scores['accuracy']:.3f}  citation {scores['citation']:.3f}  "
        f"abstention {scores['abstention']:.3f}"
    )
    for name, half in halves.items():
        count = sum(1 for c, _ in results if tuning_half(c) == (name == "tuning"))
        print(
            f"  {name:<8} ({count} questions): accuracy {half['accuracy']:.3f}  "
            f"citation {half['citation']:.3f}  abstention {half['abstention']:.3f}"
        )
    for answer_type, (right, total) in scores["per_type"].items():
        print(f"  type {answer_type:<10} {right:>3}/{total:<3} {right / total:.2f}")
    for kind, (right, total) in scores["per_kind"].items():
        print(f"  source {kind:<10} {right:>3}/{total:<3} {right / total:.2f}")
    for question, expected, got, conf in scores["failures"]:
        shown = (got or "null")[:80].replace("\n", " / ")
        print(f"  miss: {question} | expected {expected!r} | got {shown!r} ({conf})")
    ask_median, ask_p95 = statistics.median(ask_times) * 1000, percentile(ask_times, 0.95) * 1000
    base_median, base_p95 = statistics.median(base_times) * 1000, percentile(base_times, 0.95) * 1000
    print(f"cold first question (builds cached statistics): {cold * 1000:.0f} ms")
    print(f"ask      median {ask_median:7.1f} ms  p95 {ask_p95:7.1f} ms  (targets 150 / 500)")
    print(f"baseline median {base_median:7.1f} ms  p95 {base_p95:7.1f} ms  (search_papers, limit 10)")
    print(f"ratio ask/baseline: median {ask_median / base_median:.1f}x  p95 {ask_p95 / base_p95:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
