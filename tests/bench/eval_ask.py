"""`minutebook ask` against the frozen question set (tests/labels/ask_questions.json), per council
and per answer type: accuracy, correct citations, right meeting, abstention on hard negatives,
confident-wrong rate, and latency per question.

    python tests/bench/eval_ask.py --home /tmp/ask-eval        # reuse the ingested home
    python tests/bench/eval_ask.py --home /tmp/ask-eval --fresh  # re-ingest from scratch
    python tests/bench/eval_ask.py --misses                    # development councils' misses
    python tests/bench/eval_ask.py --save after.json --compare before.json
    python tests/bench/eval_ask.py --home /tmp/ask-held --questions tests/labels/ask_questions_heldout.json \
        --extra-folder ../devcouncils                            # the held-out set, scores only

Ingests the sample corpus and every present council folder (../shared/real-pdfs,
../shared/more-councils) into one home through the real command line (a few tens of seconds;
`--home` keeps it between runs, and a re-ingest of unchanged files is a no-op, so pass
`--fresh` after changing ingest), then asks every question through the real
`search.ask.answer_question` and scores it (tests/bench/ask_scoring.py says how).

Development discipline: rules are written against the development councils (norfolk, bristol,
burtoncumwalden) and the held-out ones (weca, manordeilo) are only scored, never read while
writing rules: `--misses` lists the development councils' misses only, unless `--councils`
names others explicitly. Held-out and development scores are printed separately.

`--questions askdev2` (or its path, ../askdev2/questions.json) asks the second development set,
written by someone who never saw the code over about fifty more councils: the folders its
questions name are ingested into the same home, its scores are printed by council half (A and
B, `ask_scoring.council_half`: fit on one, check on the other) and its misses may be listed.

`--questions FILE` asks another question set; `--extra-folder DIR` (repeatable) ingests the
papers under DIR (recursively: one folder per council) into the same home. A question set
other than the development file is *blind*: only its scores per council, per answer type and
per group are printed or saved; its questions, answers and misses never are (`--misses` is
refused, `--save` keeps no per-question entries, structural misses are counted by council).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.ask_scoring import (  # noqa: E402
    ASKDEV2_QUESTIONS,
    DEVELOPMENT,
    HELD_OUT,
    QUESTIONS,
    Outcome,
    Tally,
    council_half,
    group,
    judge,
    latency_ms,
    load_questions,
    paper_paths,
    question_folders,
    read_store,
)

# The question sets that are development data: their questions and misses may be read.
DEVELOPMENT_SETS = (QUESTIONS, ASKDEV2_QUESTIONS)


def question_path(name: Path) -> Path:
    """The question file `--questions` names ("askdev2" is the second development set)."""
    return ASKDEV2_QUESTIONS if str(name) == "askdev2" else name


def is_askdev2(path: Path) -> bool:
    return path.resolve() == ASKDEV2_QUESTIONS.resolve()


COLUMNS = ("accuracy", "correct_and_cited", "right_meeting", "abstention", "confident_wrong")
SHORT = {
    "accuracy": "accuracy",
    "correct_and_cited": "right+cited",
    "right_meeting": "meeting",
    "abstention": "abstain",
    "confident_wrong": "conf-wrong",
}


def answer_threshold() -> float:
    """The confidence at or above which the code under test answers."""
    import search.ask as ask

    if hasattr(ask, "ANSWER_THRESHOLD"):
        return float(ask.ANSWER_THRESHOLD)
    from search.ask import pipeline  # the code this evaluation was first run on

    return float(pipeline.ANSWER_THRESHOLD)


def ingest(home: Path, fresh: bool, extra: tuple[Path, ...] = ()) -> float:
    from ui.cli import main as cli_main

    if fresh and home.exists():
        shutil.rmtree(home)
    started = time.perf_counter()
    paths = [str(p) for p in paper_paths(extra)]
    code = cli_main(["--home", str(home), "ingest", *paths, "--workers", "2"])
    if code != 0:
        print(f"warning: ingest exited {code} (some papers failed)", file=sys.stderr)
    return time.perf_counter() - started


def ask_all(home: Path, councils: set[str] | None, path: Path = QUESTIONS) -> list[Outcome]:
    from search.ask import answer_question

    questions = [q for q in load_questions(path) if councils is None or q.council in councils]
    stored = read_store(home)
    threshold = answer_threshold()
    answer_question(home, "What was decided?")  # warm-up: the searcher and the model load once
    outcomes = []
    for question in questions:
        started = time.perf_counter()
        result = answer_question(home, question.question)
        seconds = time.perf_counter() - started
        outcomes.append(judge(question, result, seconds, stored, threshold))
    return outcomes


def _cell(value: Any) -> str:
    return f"{'-':>12}" if value is None else f"{value:>12.3f}"


def print_table(title: str, tallies: dict[str, Tally]) -> None:
    print(f"\n{title:<26}{'n':>5}" + "".join(f"{SHORT[c]:>12}" for c in COLUMNS))
    for name, tally in tallies.items():
        scores = tally.scores()
        print(f"{name:<26}{scores['questions']:>5}" + "".join(_cell(scores[c]) for c in COLUMNS))


def print_misses(outcomes: list[Outcome]) -> None:
    for o in outcomes:
        if o.correct and (o.cited or o.question.type == "negative"):
            continue
        got = (o.result.get("answer") or "null").replace("\n", " / ")
        cite = (o.result.get("citations") or [{}])[0]
        verdict = "right, miscited" if o.correct else "miss"
        expected = list(o.question.answers or o.question.keywords) or "(no answer)"
        print(f"\n{o.question.id} [{o.question.type}] {verdict}: {o.question.question}")
        print(f"   expected {expected}  ({o.question.file} p{o.question.page})")
        print(f"   got {got[:160]!r} conf {o.result.get('confidence')}")
        print(
            f"   cited {Path(str(cite.get('document_title') or '')).name[:40]!r}"
            f" {cite.get('meeting_date')} p{cite.get('page')}: {str(cite.get('quote') or '')[:120]!r}"
        )
        if o.diagnosis:
            print(f"   structural: {o.diagnosis}")


def summary(outcomes: list[Outcome], blind: bool = False, halves: bool = False) -> dict[str, Any]:
    """Scores by group, council and type, and (unless `blind`) every question's answer."""
    by_council = group(outcomes, "council")
    dev = Tally([o for o in outcomes if o.question.council in DEVELOPMENT])
    held = Tally([o for o in outcomes if o.question.council in HELD_OUT])
    sample = Tally([o for o in outcomes if o.question.council == "norfolk"])
    real = Tally([o for o in outcomes if o.question.council != "norfolk"])
    median, p95 = latency_ms(outcomes)
    return {
        "all": Tally(outcomes).scores(),
        "development": dev.scores(),
        "held_out": held.scores(),
        "sample_corpus": sample.scores(),
        "real_papers": real.scores(),
        "councils": {name: t.scores() for name, t in by_council.items()},
        "types": {name: t.scores() for name, t in group(outcomes, "type").items()},
        "latency_ms": {"median": round(median, 1), "p95": round(p95, 1)},
        "groups": {name: t.scores() for name, t in groups(outcomes, blind, halves).items()},
        "questions": {}
        if blind
        else {
            o.question.id: {
                "answer": o.result.get("answer"),
                "confidence": o.result.get("confidence"),
                "correct": o.correct,
                "cited": o.cited,
                "diagnosis": o.diagnosis,
            }
            for o in outcomes
        },
    }


def print_compare(before: dict[str, Any], after: dict[str, Any]) -> None:
    print("\nbefore -> after")
    rows = [("all", before["all"], after["all"])]
    for part, scores in after.get("groups", {}).items():
        rows.append((part, before.get("groups", {}).get(part), scores))
    rows += [(f"council {c}", before["councils"].get(c), s) for c, s in after["councils"].items()]
    rows += [(f"type {t}", before["types"].get(t), s) for t, s in after["types"].items()]
    print(f"{'':<26}" + "".join(f"{SHORT[c]:>18}" for c in COLUMNS))
    for name, old, new in rows:
        cells = []
        for column in COLUMNS:
            a = None if old is None else old.get(column)
            b = new.get(column)
            cells.append(f"{'-' if a is None else f'{a:.2f}':>8} -> {'-' if b is None else f'{b:.2f}':<5}")
        print(f"{name:<26}" + "".join(f"{c:>18}" for c in cells))
    lb, la = before["latency_ms"], after["latency_ms"]
    print(f"latency median {lb['median']} -> {la['median']} ms, p95 {lb['p95']} -> {la['p95']} ms")


def groups(outcomes: list[Outcome], blind: bool, halves: bool = False) -> dict[str, Tally]:
    """The groups scores are reported for: development and held-out councils for the
    development file; for a blind set, the councils of the first set and the others; for
    askdev2 (`halves`), its two halves of councils."""
    if halves:
        parts = {f"half {h}": [o for o in outcomes if council_half(o.question.council) == h] for h in "AB"}
        parts["all"] = list(outcomes)
        return {name: Tally(found) for name, found in parts.items() if found}
    if blind:
        first = set(DEVELOPMENT) | set(HELD_OUT)
        parts = {
            "development councils": [o for o in outcomes if o.question.council in DEVELOPMENT],
            "held-out councils": [o for o in outcomes if o.question.council in HELD_OUT],
            "first set's councils": [o for o in outcomes if o.question.council in first],
            "other councils": [o for o in outcomes if o.question.council not in first],
        }
    else:
        parts = {
            "development": [o for o in outcomes if o.question.council in DEVELOPMENT],
            "held-out": [o for o in outcomes if o.question.council in HELD_OUT],
        }
    parts["sample corpus (norfolk)"] = [o for o in outcomes if o.question.council == "norfolk"]
    parts["real council papers"] = [o for o in outcomes if o.question.council != "norfolk"]
    parts["all"] = list(outcomes)
    return {name: Tally(found) for name, found in parts.items() if found}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--home", type=Path, help="home to ingest into and reuse (default: a temporary one)")
    parser.add_argument("--fresh", action="store_true", help="delete --home and ingest again")
    parser.add_argument("--councils", help="comma-separated councils to ask (default: all)")
    parser.add_argument("--misses", action="store_true", help="list misses (development councils only)")
    parser.add_argument("--save", type=Path, help="write the scores and every answer as JSON")
    parser.add_argument("--compare", type=Path, help="a --save file to print before/after against")
    parser.add_argument(
        "--questions", type=Path, default=QUESTIONS, help="question set (default: the development file)"
    )
    parser.add_argument(
        "--extra-folder",
        type=Path,
        action="append",
        default=[],
        help="a folder of more papers to ingest into the same home (repeatable)",
    )
    args = parser.parse_args()

    args.questions = question_path(args.questions)
    blind = all(args.questions.resolve() != known.resolve() for known in DEVELOPMENT_SETS)
    halves = is_askdev2(args.questions)
    if halves:
        args.extra_folder += list(question_folders(load_questions(args.questions)))
    if blind and args.misses:
        parser.error("--misses lists questions: not for a held-out set (scores only)")
    councils = set(args.councils.split(",")) if args.councils else None
    with tempfile.TemporaryDirectory() as tmp:
        home = args.home or Path(tmp) / "home"
        seconds = ingest(home, args.fresh, tuple(args.extra_folder))
        outcomes = ask_all(home, councils, args.questions)
    print(f"{len(outcomes)} questions; ingest {seconds:.1f} s; answer threshold {answer_threshold()}")
    result = summary(outcomes, blind, halves)
    print_table("councils", group(outcomes, "council"))
    print_table("groups", groups(outcomes, blind, halves))
    print_table("answer types", group(outcomes, "type"))
    structural = [o for o in outcomes if not o.correct and o.diagnosis]
    print(f"\nmisses with a structural cause (ingest): {len(structural)}")
    for o in structural:
        if not blind and (o.question.council in DEVELOPMENT or councils or halves):
            print(f"  {o.question.id}: {o.diagnosis}")
        else:
            print(f"  {o.question.council} (held out): {o.diagnosis.split(' under ')[0]}")
    median, p95 = latency_ms(outcomes)
    print(f"\nlatency per question: median {median:.1f} ms, p95 {p95:.1f} ms")
    if args.misses:
        shown = councils or ({o.question.council for o in outcomes} if halves else set(DEVELOPMENT))
        print_misses([o for o in outcomes if o.question.council in shown])
    if args.save:
        args.save.write_text(json.dumps(result, indent=1), encoding="utf-8")
    if args.compare:
        print_compare(json.loads(args.compare.read_text(encoding="utf-8")), result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
