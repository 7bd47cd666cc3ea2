"""Stage 4b: ranking weights and calibrated confidence.

Two small models over the features `score.Scorer` computes (subject coverage, answer type
matched, period and meeting agreement, position and structure; never raw word counts of one
council's papers):

* `rank_score`: a linear score; candidates of one question compete through its softmax
  (a conditional logit), so the weights say which candidate of a question is the answer;
* `answer_confidence`: a logistic model over the best candidate's features and how much of
  the softmax its answer holds (several passages agreeing on one answer), the chance that
  the answer is right.

Both were fitted by `tests/bench/fit_ask_confidence.py` on the development councils'
questions (tests/labels/ask_questions.json: norfolk, bristol, burtoncumwalden) and checked on
the held-out councils (weca, manordeilo), whose questions and papers were not looked at while
writing the rules.

Invariants: `answer_confidence` is in 0..1; an answer is given only when it reaches
`ANSWER_THRESHOLD`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol

ANSWER_THRESHOLD = 0.5

RANK_WEIGHTS: dict[str, float] = {
    "coverage": 5.0,
    "own_coverage": 2.0,
    "type_ok": 1.5,
    "period": 1.0,
    "meeting": 1.5,
    "retrieval": 0.5,
    "rank": 0.5,
    "heading": -2.0,
    "asks": -1.5,
    "answers_question": 1.0,
    "echo": -2.0,
    "from_cell": 0.3,
    "from_attendance": 1.5,
    "chair_record": 3.0,
    "cell_ambiguous": -1.0,
    "span_pull": 0.5,
    "name_by_role": -0.5,
    "long_answer": -0.5,
}
CONFIDENCE_INTERCEPT = -6.0
CONFIDENCE_WEIGHTS: dict[str, float] = {
    "share": 2.0,
    "coverage": 4.0,
    "own_coverage": 1.0,
    "type_ok": 1.0,
    "period": 1.0,
    "meeting": 1.0,
}


class Scored(Protocol):
    features: dict[str, float]
    score: float

    @property
    def key(self) -> str: ...


def rank_score(features: dict[str, float]) -> float:
    return sum(RANK_WEIGHTS.get(name, 0.0) * value for name, value in features.items())


def _sigmoid(x: float) -> float:
    x = max(-30.0, min(30.0, x))
    return 1.0 / (1.0 + math.exp(-x))


def answer_share(ranked: Sequence[Scored]) -> float:
    """The softmax mass of the candidates giving the best candidate's answer."""
    if not ranked:
        return 0.0
    top = ranked[0].score
    weights = [math.exp(c.score - top) for c in ranked]
    best = ranked[0].key
    return sum(w for c, w in zip(ranked, weights, strict=True) if c.key == best) / sum(weights)


def confidence_features(ranked: Sequence[Scored]) -> dict[str, float]:
    features = dict(ranked[0].features)
    features["share"] = answer_share(ranked)
    return features


def answer_confidence(ranked: Sequence[Scored]) -> float:
    """The calibrated chance that the best candidate's answer is right (0 when none)."""
    if not ranked:
        return 0.0
    features = confidence_features(ranked)
    return _sigmoid(
        CONFIDENCE_INTERCEPT + sum(CONFIDENCE_WEIGHTS.get(k, 0.0) * v for k, v in features.items())
    )
