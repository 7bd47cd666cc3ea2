"""Why ask misses: each development question's miss put down to one cause.

    python tests/bench/ask_causes.py --home /tmp/ask-eval            # table of causes
    python tests/bench/ask_causes.py --home /tmp/ask-eval --list     # and each miss under its cause

Causes (the first that applies):

* `negative answered`: a hard negative got an answer at or above the threshold;
* `retrieval missed`: no retrieved passage holds the labelled source text and no candidate
  from the labelled paper gives the answer;
* `no candidate`: the labelled passage was retrieved but no candidate from it gives the
  answer (the span, cell or sentence was not read);
* `ranked below`: a right candidate exists but another answer ranks first (wrong span or
  wrong passage), split by whether the first answer was given (`confident wrong`) or not;
* `abstained when right`: the first candidate is right but its confidence is under the
  threshold.

Reads only the development councils' questions (tests/labels/ask_questions.json) unless
`--councils` names others; the held-out councils are scored by eval_ask.py, never listed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.ask_scoring import (  # noqa: E402
    DEVELOPMENT,
    NEGATIVE,
    _quote_found,
    answer_correct,
    load_questions,
    read_store,
    same_paper,
)
from tests.bench.eval_ask import answer_threshold, ingest  # noqa: E402


def classify(home: Path, councils: set[str]) -> list[tuple[str, str, str]]:
    from minutebook.store import open_store
    from search.ask.candidates import CandidateReader
    from search.ask.confidence import answer_confidence
    from search.ask.people import attendance_candidates
    from search.ask.question import read_question
    from search.ask.retrieve import retrieve, subject_terms
    from search.ask.score import answerable, rank

    stored = read_store(home)
    threshold = answer_threshold()
    out = []
    with open_store(home) as store:
        for q in load_questions():
            if q.council not in councils:
                continue
            asked = read_question(q.question)
            found = retrieve(home, store, asked)
            weights = {
                t: max(found.idf(t), 0.05)
                for t in subject_terms(asked.terms, found.bodies, bool(asked.meeting_periods))
            }
            candidates = attendance_candidates(store, asked, found)
            candidates += CandidateReader(asked, weights, found.names).read(found.passages)
            ranked = rank(asked, found, candidates)
            conf = answer_confidence(ranked)
            given = bool(ranked) and answerable(ranked[0]) and conf >= threshold
            top = ranked[0] if ranked else None
            got = top.answer if (top and given) else None
            detail = f"{q.question}\n     top {top.answer[:90]!r} conf {conf:.2f}" if top else q.question
            if q.type == NEGATIVE:
                cause = "negative answered" if given else "ok"
                out.append((q.id, cause, detail))
                continue
            if answer_correct(q, got):
                out.append((q.id, "ok", detail))
                continue

            positions = [
                i
                for i, c in enumerate(ranked)
                if answerable(c)
                and answer_correct(q, c.answer)
                and same_paper(stored, c.passage.document_id, q.file)
            ]
            held = [
                p
                for p in found.passages
                if same_paper(stored, p.document_id, q.file) and _quote_found(q.quote, [p.text])
            ]
            if positions and positions[0] == 0:
                cause = "abstained when right"
            elif positions:
                cause = "ranked below, confident wrong" if given else "ranked below, abstained"
                r = ranked[positions[0]]
                detail += f"\n     right #{positions[0]} {r.answer[:60]!r} score {r.score:.2f}"
                detail += f" vs {ranked[0].score:.2f}"
                diff = {
                    k: (round(ranked[0].features.get(k, 0), 2), round(r.features.get(k, 0), 2))
                    for k in sorted(set(r.features) | set(ranked[0].features))
                    if abs(ranked[0].features.get(k, 0) - r.features.get(k, 0)) > 0.05
                }
                detail += f"\n     top vs right: {diff}"
            elif held:
                cause = "no candidate (passage retrieved)"
                detail += f"\n     passage rank {held[0].rank}: {q.quote[:100]!r}"
            else:
                cause = "retrieval missed"
                detail += f"\n     wanted {q.file}: {q.quote[:100]!r}"
            if given:
                cause += " [answered wrong]" if "confident" not in cause else ""
            out.append((q.id, cause, detail))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--home", type=Path)
    parser.add_argument("--councils", help="comma-separated (default: the development councils)")
    parser.add_argument("--list", action="store_true", help="list each miss under its cause")
    args = parser.parse_args()
    councils = set(args.councils.split(",")) if args.councils else set(DEVELOPMENT)
    with tempfile.TemporaryDirectory() as tmp:
        home = args.home or Path(tmp) / "home"
        if not args.home:
            ingest(home, False)
        rows = classify(home, councils)
    counts = Counter(cause for _, cause, _ in rows)
    for cause, n in counts.most_common():
        print(f"{n:>4}  {cause}")
    if args.list:
        for cause, _ in counts.most_common():
            if cause == "ok":
                continue
            print(f"\n== {cause}")
            for qid, c, detail in rows:
                if c == cause:
                    print(f"  {qid}: {detail}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
