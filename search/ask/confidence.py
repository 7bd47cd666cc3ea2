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

ANSWER_THRESHOLD = 0.6

RANK_WEIGHTS: dict[str, float] = {
    "answers_question": 0.928,
    "asks": -0.86,
    "body": 1.505,
    "cell_ambiguous": -0.462,
    "chair_record": 2.027,
    "coverage": 4.352,
    "cue_sentence": 0.994,
    "echo": -1.032,
    "from_attendance": 1.036,
    "from_cell": 0.58,
    "heading": -0.977,
    "key_terms": 1.358,
    "long_answer": -0.507,
    "meeting": 1.508,
    "minutes_record": 1.001,
    "name_by_role": -0.528,
    "numbered_part": 1.0,
    "own_coverage": 2.226,
    "paper_coverage": 1.524,
    "period": 1.188,
    "preposition": 0.518,
    "range_fit": 1.078,
    "rank": 1.256,
    "relative_future": 1.0,
    "resolution": -0.117,
    "resolution_answer": 1.29,
    "retrieval": 1.109,
    "row_label": 1.033,
    "sentence_answer": -0.006,
    "span_pull": 0.976,
    "structure": 0.299,
    "tense_fit": 0.972,
    "type_fallback": -1.123,
    "type_ok": 1.994,
    "typed_elsewhere": -1.11,
}
CONFIDENCE_INTERCEPT = -3.264
CONFIDENCE_WEIGHTS: dict[str, float] = {
    "score": 0.023,
    "margin": 0.812,
    "share": 0.16,
    "meeting": 1.305,
    "period": 0.574,
    "type_ok": 0.671,
    "paper_coverage": -0.035,
    "coverage": 1.447,
    "body": -0.115,
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
    """The best candidate's features, its answer's softmax share, its rank score and its lead
    over the best candidate giving another answer."""
    best = ranked[0]
    features = dict(best.features)
    features["share"] = answer_share(ranked)
    features["score"] = best.score
    runner_up = next((c.score for c in ranked[1:] if c.key != best.key), best.score - 3.0)
    features["margin"] = min(3.0, best.score - runner_up)
    return features


def answer_confidence(ranked: Sequence[Scored]) -> float:
    """The calibrated chance that the best candidate's answer is right (0 when none)."""
    if not ranked:
        return 0.0
    features = confidence_features(ranked)
    return _sigmoid(
        CONFIDENCE_INTERCEPT + sum(CONFIDENCE_WEIGHTS.get(k, 0.0) * v for k, v in features.items())
    )
