"""Benchmark: the action tracker's quality on the labelled sample corpus, and its speed at scale.

A plain script, not a test: `python tests/bench/bench_tracker.py [--sizes 10000,100000] [--repeat 3]`.

Quality, on the sample corpus against tests/search/tracker/labels_decisions.py (hand-labelled):
resolution recall and outcome accuracy; action recall, status accuracy, evidence accuracy (the
top evidence is the labelled delivering paper, or there is none when none is labelled); and
"false done": labelled-undelivered actions the tracker calls done (must be 0).

Speed, on the synthetic archive (tests/bench/synthetic.py, commitments in about a third of
minuted items): `refresh_evidence` (which runs after every ingest) and `list_actions`, median
of `--repeat`; baseline in the same process: reading the same actions and items from the
store with plain SQL, the floor any matcher pays.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from minutebook.store import open_store  # noqa: E402
from search.records.decisions import list_resolutions  # noqa: E402
from search.tracker import list_actions, refresh_evidence, stems  # noqa: E402
from tests.bench.synthetic import write_archive  # noqa: E402
from tests.bench.timing import median_seconds  # noqa: E402
from tests.search.tracker.labels_decisions import (  # noqa: E402
    ACTIONS,
    AS_OF,
    RESOLUTIONS,
    evidence_matches,
    find_labelled,
)


def quality(home: Path) -> None:
    from ingest.pipeline import ingest_paths

    with open_store(home) as store:
        ingest_paths([REPO / "corpus"], store, workers=1)
        refresh_evidence(home, store)
        resolutions = list_resolutions(store)
        actions = list_actions(store, as_of=AS_OF)
    found = [(find_labelled(resolutions, d, n, w), o) for d, n, w, o in RESOLUTIONS]
    recall = sum(r is not None for r, _ in found) / len(found)
    outcomes = sum(r is not None and r["outcome"] == o for r, o in found) / len(found)
    print(f"resolutions: {len(RESOLUTIONS)} labelled, {len(resolutions)} listed")
    print(f"  recall {recall:.3f} (target >= 0.95); outcome accuracy {outcomes:.3f}")
    judged = [(find_labelled(actions, d, n, w), s, ev) for d, n, w, s, ev in ACTIONS]
    n = len(judged)
    recall = sum(r is not None for r, _, _ in judged) / n
    status = sum(r is not None and r["status"] == s for r, s, _ in judged) / n
    evidence = sum(r is not None and evidence_matches(r, ev) for r, _, ev in judged) / n
    print(f"actions: {n} labelled, {len(actions)} listed")
    print(f"  recall {recall:.3f} (target >= 0.85); status accuracy {status:.3f} (target >= 0.85)")
    print(f"  evidence accuracy {evidence:.3f} (target >= 0.8)")
    undelivered = [r for r, _, ev in judged if ev is None and r is not None]
    false_done = [r["text"][:70] for r in undelivered if r["status"] == "done"]
    print(f"  false done: {len(false_done)} of {len(undelivered)} labelled-undelivered {false_done}")
    for (row, want, ev), (date, number, words, _, _) in zip(judged, ACTIONS, strict=True):
        if row is None or row["status"] != want or not evidence_matches(row, ev):
            print("  miss:", date, number, words[:50], row and row["status"], "labelled", want)


def speed(home: Path, sections: int, repeat: int) -> None:
    write_archive(home, sections)
    with open_store(home) as store:
        counts = store.counts()

        def baseline() -> None:
            store.query("SELECT a.id, a.text, a.item_id, d.body_key, d.meeting_date FROM actions a"
                        " JOIN documents d ON d.id = a.document_id")  # fmt: skip
            store.query("SELECT i.id, i.title, i.text, d.body_key, d.meeting_date FROM items i"
                        " JOIN documents d ON d.id = i.document_id")  # fmt: skip

        base = median_seconds(baseline, repeat)
        stems.cache_clear()  # the first refresh of a fresh `minutebook ingest` process
        cold = median_seconds(lambda: refresh_evidence(home, store), 1)
        refresh = median_seconds(lambda: refresh_evidence(home, store), repeat)
        listing = median_seconds(lambda: list_actions(store, as_of=AS_OF), repeat)
        rows = list_actions(store, as_of=AS_OF)
    done = sum(r["status"] == "done" for r in rows)
    print(
        f"{counts['sections']:>7} sections, {counts['items']} items, {len(rows)} actions ({done} done):"
        f" SQL read {base * 1000:.0f} ms; refresh_evidence first {cold * 1000:.0f} ms"
        f" ({cold / base:.1f}x the read), again {refresh * 1000:.0f} ms ({refresh / base:.1f}x);"
        f" list_actions {listing * 1000:.0f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,30000,100000", help="synthetic archive sizes in sections")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-quality", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_quality:
            quality(Path(tmp) / "corpus")
        for size in (int(s) for s in args.sizes.split(",")):
            speed(Path(tmp) / f"synthetic-{size}", size, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
