"""Fit ask's ranking weights and its confidence on the development councils; check them on the
held-out councils.

    python tests/bench/fit_ask_confidence.py --home /tmp/ask-eval            # fit and report
    python tests/bench/fit_ask_confidence.py --home /tmp/ask-eval --write    # and write them

Every question of tests/labels/ask_questions.json is run through ask's stages up to ranking
(`search.ask.pipeline.ranked_candidates`), and every candidate is labelled by the evaluation's
own judge (tests/bench/ask_scoring.py): right when its answer is right and it comes from the
labelled paper. Then, on the development councils only:

1. ranking weights: a conditional logit (a softmax over each question's candidates) fitted so
   the right candidates of a question get its probability mass, with an L2 penalty;
2. confidence: a logistic regression over the best candidate's features and its answer's
   share of the softmax, fitted to whether that best answer is right (hard negatives
   included: their best answer is never right).

Both are reported on the development and the held-out councils (accuracy, abstention,
confident-wrong at `ANSWER_THRESHOLD`), and `--write` replaces `RANK_WEIGHTS`,
`CONFIDENCE_INTERCEPT` and `CONFIDENCE_WEIGHTS` in search/ask/confidence.py. Features are the
ones `search.ask.score.Scorer` computes; none names a council.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.ask_scoring import (  # noqa: E402
    DEVELOPMENT,
    HELD_OUT,
    NEGATIVE,
    Question,
    answer_correct,
    load_questions,
    read_store,
)
from tests.bench.eval_ask import ingest  # noqa: E402

CONFIDENCE_PY = Path(__file__).resolve().parents[2] / "search" / "ask" / "confidence.py"
RANK_L2 = 0.02
CONFIDENCE_L2 = 0.5
CONFIDENCE_FEATURES = (
    "share",
    "coverage",
    "own_coverage",
    "type_ok",
    "period",
    "meeting",
    "retrieval",
    "from_cell",
)


def collect(home: Path, questions: list[Question]) -> list[dict[str, Any]]:
    from minutebook.store import open_store
    from search.ask.pipeline import ranked_candidates
    from search.ask.question import read_question

    stored = read_store(home)
    out = []
    with open_store(home) as store:
        for question in questions:
            ranked = ranked_candidates(store, home, read_question(question.question))
            labels = [
                question.type != NEGATIVE
                and answer_correct(question, c.answer)
                and stored.file_of.get(c.passage.document_id) == question.file
                for c in ranked
            ]
            out.append({"question": question, "candidates": ranked, "labels": labels})
    return out


def _matrix(candidates: list[Any], names: list[str]) -> np.ndarray:
    return np.array([[c.features.get(n, 0.0) for n in names] for c in candidates], dtype=float)


def fit_rank(data: list[dict[str, Any]], names: list[str], start: dict[str, float]) -> dict[str, float]:
    """Conditional-logit weights: maximise, per question, the softmax mass of its right
    candidates (questions with no right candidate teach nothing here)."""
    groups = [(_matrix(d["candidates"], names), np.array(d["labels"], dtype=bool)) for d in data]
    groups = [(x, y) for x, y in groups if y.any() and len(y)]
    w = np.array([start.get(n, 0.0) for n in names])
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for step in range(1, 1501):
        grad = RANK_L2 * w
        for x, y in groups:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            r = p * y
            r /= r.sum()
            grad += x.T @ (p - r) / len(groups)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return {n: round(float(x), 3) for n, x in zip(names, w, strict=True)}


def rerank(data: list[dict[str, Any]], weights: dict[str, float]) -> None:
    for d in data:
        pairs = list(zip(d["candidates"], d["labels"], strict=True))
        for c, _ in pairs:
            c.score = sum(weights.get(k, 0.0) * val for k, val in c.features.items())
        pairs.sort(key=lambda p: (-p[0].score, p[0].passage.rank))
        d["candidates"] = [p[0] for p in pairs]
        d["labels"] = [p[1] for p in pairs]


def top_rows(data: list[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray]:
    from search.ask.confidence import confidence_features

    xs, ys = [], []
    for d in data:
        if not d["candidates"]:
            xs.append([0.0] * len(CONFIDENCE_FEATURES))
            ys.append(False)
            continue
        features = confidence_features(d["candidates"])
        xs.append([features.get(n, 0.0) for n in CONFIDENCE_FEATURES])
        question = d["question"]
        ys.append(question.type != NEGATIVE and answer_correct(question, d["candidates"][0].answer))
    return np.array(xs, dtype=float), np.array(ys, dtype=float)


def fit_confidence(data: list[dict[str, Any]]) -> tuple[float, dict[str, float]]:
    x, y = top_rows(data)
    x1 = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(x1.shape[1])
    penalty = np.full_like(w, CONFIDENCE_L2)
    penalty[0] = 0.0
    for _ in range(100):  # Newton's method on the penalised log-likelihood
        p = 1 / (1 + np.exp(-np.clip(x1 @ w, -30, 30)))
        grad = x1.T @ (p - y) + penalty * w
        hess = x1.T @ (x1 * (p * (1 - p))[:, None]) + np.diag(penalty + 1e-6)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return round(float(w[0]), 3), {
        n: round(float(v), 3) for n, v in zip(CONFIDENCE_FEATURES, w[1:], strict=True)
    }


def report(
    name: str, data: list[dict[str, Any]], intercept: float, weights: dict[str, float], threshold: float
) -> None:
    x, y = top_rows(data)
    conf = 1 / (
        1 + np.exp(-np.clip(intercept + x @ np.array([weights[n] for n in CONFIDENCE_FEATURES]), -30, 30))
    )
    answered = conf >= threshold
    negatives = np.array([d["question"].type == NEGATIVE for d in data])
    answerable = ~negatives
    oracle = np.array([any(d["labels"]) for d in data])
    top_right = np.array([bool(d["labels"]) and bool(d["labels"][0]) for d in data])
    print(
        f"{name:<12} n={len(data):<4} right answer anywhere {oracle[answerable].mean():.3f}  ranked first "
        f"{y[answerable].mean():.3f} (from right paper {top_right[answerable].mean():.3f})  "
        f"accuracy {(y * answered)[answerable].mean():.3f}  abstention {(~answered)[negatives].mean():.3f}  "
        f"confident-wrong {(answered & (y == 0)).mean():.3f}"
    )
    calibration = []
    for lo, hi in ((0, 0.25), (0.25, 0.5), (0.5, 0.75), (0.75, 1.01)):
        band = (conf >= lo) & (conf < hi)
        if band.any():
            calibration.append(f"[{lo:.2f},{hi:.2f}) n={band.sum()} right {y[band].mean():.2f}")
    print("             calibration: " + "; ".join(calibration))


def write(rank: dict[str, float], intercept: float, confidence: dict[str, float]) -> None:
    source = CONFIDENCE_PY.read_text(encoding="utf-8")

    def block(name: str, values: dict[str, float]) -> str:
        lines = "".join(f'    "{k}": {v},\n' for k, v in values.items())
        return f"{name}: dict[str, float] = {{\n{lines}}}"

    source = re.sub(
        r"RANK_WEIGHTS: dict\[str, float\] = \{\n.*?\n\}", block("RANK_WEIGHTS", rank), source, flags=re.S
    )
    source = re.sub(
        r"CONFIDENCE_WEIGHTS: dict\[str, float\] = \{\n.*?\n\}",
        block("CONFIDENCE_WEIGHTS", confidence),
        source,
        flags=re.S,
    )
    source = re.sub(r"CONFIDENCE_INTERCEPT = -?[\d.]+", f"CONFIDENCE_INTERCEPT = {intercept}", source)
    CONFIDENCE_PY.write_text(source, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--home", type=Path, help="home to ingest into and reuse (default: a temporary one)")
    parser.add_argument("--fresh", action="store_true", help="delete --home and ingest again")
    parser.add_argument(
        "--write", action="store_true", help="write the fitted weights into search/ask/confidence.py"
    )
    args = parser.parse_args()
    from search.ask.confidence import ANSWER_THRESHOLD, RANK_WEIGHTS

    questions = load_questions()
    with tempfile.TemporaryDirectory() as tmp:
        home = args.home or Path(tmp) / "home"
        ingest(home, args.fresh)
        data = collect(home, questions)
    dev = [d for d in data if d["question"].council in DEVELOPMENT]
    held = [d for d in data if d["question"].council in HELD_OUT]
    names = sorted({k for d in data for c in d["candidates"] for k in c.features})
    rank = fit_rank(dev, names, RANK_WEIGHTS)
    rerank(data, rank)
    intercept, confidence = fit_confidence(dev)
    print("rank weights:", rank)
    print("confidence:", intercept, confidence)
    report("development", dev, intercept, confidence, ANSWER_THRESHOLD)
    report("held-out", held, intercept, confidence, ANSWER_THRESHOLD)
    if args.write:
        write(rank, intercept, confidence)
        print(f"wrote {CONFIDENCE_PY}")
    return 0 if math.isfinite(intercept) else 1


if __name__ == "__main__":
    sys.exit(main())
