"""`minutebook ask`: one pipeline of typed stages, each a module with one job.

    question.read_question    plain question -> Question (type, subject, periods, people)
    retrieve.retrieve         Question -> Retrieved (passages from the index, loaded by key)
    candidates / people       passages -> Candidates (typed spans, table cells, sentences,
                              attendance records)
    score.rank                Candidates -> features -> ranked by calibrated probability
    citation.result           best Candidate -> CONTRACT.md's `ask --json` shape

The store is opened once per question, after the question is read and before retrieval;
each passage is split into sentences and rows once (`passages.Passage.units`).

Invariants (CONTRACT.md `ask --json`):

* Extractive only: `answer` is a span of a paper (a figure, date, name, table cell, sentence
  or resolution as printed), never generated text.
* Every non-null answer has a citation whose `quote` is a verbatim substring of stored text.
* `confidence` is in 0..1; below `ANSWER_THRESHOLD` the answer is null, nothing is cited as
  support, and `nearest` shows the closest passages found.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from minutebook.home import store_path
from minutebook.store import Store, open_store
from search.ask.candidates import CandidateReader
from search.ask.citation import result
from search.ask.confidence import ANSWER_THRESHOLD, answer_confidence
from search.ask.evidence import Candidate
from search.ask.people import attendance_candidates
from search.ask.question import Question, read_question
from search.ask.retrieve import retrieve, subject_terms
from search.ask.score import rank
from search.engine.agreement import prepare as prepare_index


def ranked_candidates(store: Store, home: Path, asked: Question) -> list[Candidate]:
    """Every candidate answer to `asked`, with features, best first (stages 2 to 4)."""
    found = retrieve(home, store, asked)
    weights = {
        t: max(found.idf(t), 0.05)
        for t in subject_terms(asked.terms, found.bodies, bool(asked.meeting_periods))
    }
    reader = CandidateReader(asked, weights, found.names)
    candidates = attendance_candidates(store, asked, found) + reader.read(found.passages)
    return rank(asked, found, candidates)


def answer_question(home: Path, question: str) -> dict[str, Any]:
    """Answer `question` from the papers under `home` (CONTRACT.md `ask --json`)."""
    asked = read_question(question)
    if (not asked.terms and not asked.meeting_chair) or not store_path(home).exists():
        return result(question, asked.answer_type, [], 0.0, ANSWER_THRESHOLD, None)
    prepare_index(home)  # every stored paper is in the index before it is searched
    with open_store(home) as store:
        ranked = ranked_candidates(store, home, asked)
        return result(question, asked.answer_type, ranked, answer_confidence(ranked), ANSWER_THRESHOLD, store)
