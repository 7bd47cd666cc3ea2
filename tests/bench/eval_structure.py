"""Structure scores per council against the frozen labels: kind, meeting date, body, item
numbers, decision items, actions.

    python tests/bench/eval_structure.py                       # every labelled folder present
    python tests/bench/eval_structure.py --councils bristol    # some councils only
    python tests/bench/eval_structure.py --extra /work/devcouncils/labels.json  # more labels
    python tests/bench/eval_structure.py --misses              # what each miss was
    python tests/bench/eval_structure.py --oracle-structure    # analyses on labelled items

`--oracle-structure` takes each paper's kind, body, date and item headings from its labels
(tests/bench/oracle_structure.py), so decisions, votes and actions are scored apart from the
structure stage that finds items in the real ingest.

Leave-one-council-out: when a rule changes, score it first on a council that was not looked
at while writing it (`--councils` that one), then on all; the closing notes report both.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.structure_eval import (  # noqa: E402
    LABELS,
    MEASURES,
    ingest_labelled,
    load_labels,
    score_all,
    score_oracle,
)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--councils", help="comma-separated councils to score (default: all)")
    parser.add_argument("--extra", type=Path, action="append", default=[], help="another labels file")
    parser.add_argument("--misses", action="store_true", help="list every miss")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--oracle-structure", action="store_true", help="score the analyses on the labels' kind and items"
    )
    args = parser.parse_args()

    papers = load_labels(LABELS)
    for extra in args.extra:
        papers += load_labels(extra, root=extra.parent)
    if args.councils:
        wanted = set(args.councils.split(","))
        papers = [p for p in papers if p["council"] in wanted]
    if not papers:
        print("no labelled papers present")
        return 1
    started = time.perf_counter()
    if args.oracle_structure:
        failed: dict[str, str] = {}
        tallies = score_oracle(papers)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            failed = ingest_labelled(papers, Path(tmp) / "home")
            tallies, _ = score_all(papers, Path(tmp) / "home")
    seconds = time.perf_counter() - started
    if args.json:
        print(json.dumps({c: {m: t.score(m) for m in MEASURES} for c, t in tallies.items()}, indent=2))
        return 0
    councils = sorted(c for c in tallies if c != "all") + ["all"]
    print(f"{len(papers)} papers, ingested and scored in {seconds:.1f} s; {len(failed)} rejected")
    print(f"{'council':<16}" + "".join(f"{m[:14]:>15}" for m in MEASURES))
    for council in councils:
        tally = tallies[council]
        cells = []
        for measure in MEASURES:
            score = tally.score(measure)
            cells.append(
                f"{'-':>15}"
                if score is None
                else f"{score:>8.3f} {int(tally.hits[measure]):>3}/{int(tally.totals[measure]):<3}"
            )
        print(f"{council:<16}" + "".join(cells))
    for path, error in sorted(failed.items()):
        print(f"rejected: {path}: {error}")
    if args.misses:
        for council in councils[:-1]:
            for miss in tallies[council].misses:
                print(f"  {council}: {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
