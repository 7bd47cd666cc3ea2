"""`minutebook ask`: answers to plain questions, quoted verbatim from the papers.

Pipeline: analyse the question (`ask_question`) -> retrieve candidate sections from the search
index and load them from the store by id (`ask_candidates`, `ask_retrieve`) -> score
sentences, table rows and resolutions by answer type, coverage, period and proximity
(`ask_rank`), and attendance questions from the attendance tables (`ask_attendance`) ->
answer or abstain.

Invariants (CONTRACT.md `ask --json`):

* Extractive only: `answer` is a span of a paper (a figure, date, name, sentence or whole
  resolution as printed), never generated text.
* Every non-null answer has at least one citation whose `quote` is a verbatim substring of
  stored text (a section, or a paper's page for attendance).
* `confidence` is in 0..1; below `ANSWER_THRESHOLD` the answer is null (the papers do not
  say) and the best evidence is still cited so a reader can check.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from minutebook.home import store_path
from minutebook.store import open_store
from search.ask.attendance import attendance_candidates
from search.ask.candidates import retrieve
from search.ask.question import DECISION, FACT, PLACE, REASON, QuestionAnalysis, analyse_question
from search.ask.rank import Candidate, rank
from search.ask.retrieve import Retrieved
from search.engine.agreement import prepare as prepare_index

# Retrieval depth: many more passages than a user page, so the answer-type ranking has
# sentences to choose from.
CANDIDATE_PASSAGES = 60
# Answers below this confidence are withheld (calibrated on the tuning half of
# tests/search/ask/ask_eval.py; the held-out half is reported separately by bench_ask.py).
ANSWER_THRESHOLD = 0.5
# Untyped questions ("what", "why") are judged on coverage alone, so they need more of it.
_UNTYPED = {FACT, REASON, PLACE}
# Extra keys of a best candidate copied onto the result (table cells, attendance rows).
_EXTRA_KEYS = ("indicator", "period", "attendance", "role", "interest")


def confidence(best: Candidate, runner_up: Candidate | None) -> float:
    """Map the evidence onto 0..1. Coverage of the question's content words carries most of
    it; a typed question whose sentence lacks the type, or a named period the evidence does
    not match, pulls it down; a clear lead over a different runner-up pushes it up."""
    x = 9.0 * (best.coverage - 0.62)
    if not best.type_ok:
        x -= 2.5
    if not best.period_ok:
        x -= 2.0
    if best.answer_type in _UNTYPED:
        x -= 1.0
    if runner_up is not None and runner_up.answer != best.answer:
        x += 2.0 * min(0.5, best.score - runner_up.score)
    return round(1.0 / (1.0 + math.exp(-x)), 3)


def _attendance(home: Path, analysis: QuestionAnalysis, retrieved: Retrieved) -> list[Candidate]:
    """Attendance-table candidates; when the question names no meeting and the candidate
    meetings disagree, the answer is ambiguous and its coverage drops accordingly."""
    if not retrieved.minutes_docs or not store_path(home).exists():
        return []
    with open_store(home) as store:
        found = attendance_candidates(store, analysis, retrieved.minutes_docs)
    if found and not analysis.periods and len({c.answer for c in found}) > 1:
        for candidate in found:
            candidate.coverage = 0.6
    return found


def answer_question(home: Path, question: str) -> dict[str, Any]:
    """Answer `question` from the papers under `home` (CONTRACT.md `ask --json`)."""
    analysis = analyse_question(question)
    result: dict[str, Any] = {
        "question": question,
        "answer": None,
        "confidence": 0.0,
        "answer_type": analysis.answer_type,
        "citations": [],
    }
    if not analysis.terms:
        return result
    prepare_index(home)  # every stored paper is in the index before it is searched
    retrieved = retrieve(home, analysis, CANDIDATE_PASSAGES)
    candidates = _attendance(home, analysis, retrieved)
    if candidates:
        result["answer_type"] = "attendance"
    else:
        candidates = rank(analysis, retrieved)
    if not candidates:
        return result
    best = candidates[0]
    runner_up = next((c for c in candidates[1:] if c.answer != best.answer), None)
    score = confidence(best, runner_up)
    result["confidence"] = score
    result["citations"] = [best.passage.citation(best.quote)]
    if score >= ANSWER_THRESHOLD:
        result["answer"] = best.answer
        for key in _EXTRA_KEYS:
            if best.extra.get(key):
                result[key] = best.extra[key]
        if analysis.answer_type == DECISION:
            result["answer_type"] = DECISION
    return result
