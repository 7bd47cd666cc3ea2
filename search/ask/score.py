"""Stage 4: candidates -> features -> ranked candidates.

Every candidate is described by features that mean the same in any council's papers:

* subject coverage: the idf-weighted share of the question's words in the unit itself, and
  counting its context too (item and section titles, the row's column headers, the paper's
  title and body at 0.6; the rest of the passage at 0.3);
* answer type: whether the unit holds what the question asks for (a span or cell of the type,
  a decision or reason cue), and how the answer was read (span, table cell, attendance
  record, whole sentence);
* period and meeting: whether the period the question names is the unit's (its text, its
  column's header, its titles) or, for a period the question ties to a meeting, the meeting's
  date; a period that contradicts counts against;
* position and structure: retrieval rank and score, headings and questions put at the
  meeting (which are not answers), answers that only repeat the question's words.

`rank` orders candidates by `confidence.rank_score` over these features, those
`confidence.answerable` first (weights fitted on
some councils, checked on others).

Invariants: features are numbers in small fixed ranges; the same candidate always gets the
same features.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from search.ask.confidence import answerable, rank_score
from search.ask.evidence import Candidate
from search.ask.lexicon import TermMatcher, stem_set, stems
from search.ask.passages import Passage
from search.ask.periods import Period, anchored, find_periods, parse_iso
from search.ask.question import (
    DATE,
    DECISION,
    ORGANISATION,
    PERSON,
    PLACE,
    REQUEST,
    SENTENCE_TYPES,
    TIME,
    Question,
    asked_motion_role,
)
from search.ask.retrieve import Retrieved, body_words, subject_terms
from search.ask.spans import is_range

_CONTEXT_WEIGHT = 0.6
_PASSAGE_WEIGHT = 0.3
_RANGE_ASKED = re.compile(r"\b(?:slot|window|between|hours|period|from when)\b", re.I)
_ASKING = re.compile(r"\b(?:ask|asked|asking|question|questions|query|queried|put)\b", re.I)


_FUTURE_QUESTION = re.compile(
    r"\b(?:will|shall|is due|are due|is expected|are expected|going to|is to|are to|is planned|next)\b", re.I
)
_PAST_QUESTION = re.compile(r"^(?:when|on what|in what|which)\b.*\b(?:was|were|did|had)\b", re.I)
_FUTURE_PHRASE = re.compile(r"\b(?:within|next|following|in the coming)\b", re.I)


# A numbered part of a series the question names ("Period 9", "Quarter 2", "question 12",
# "phase 3", "Lot 15"), and the short forms finance reports print ("P9", "Q2").
_NUMBERED = re.compile(
    r"\b(period|quarter|phase|stage|round|tranche|wave|lot|item|question|statement|petition)\s+(\d{1,3})\b",
    re.I,
)
_SHORT_FORM = {"period": "p", "quarter": "q"}


def numbered_parts(text: str) -> dict[str, str]:
    """{"period": "9"} for "in the Period 9 report": the series and the number asked about."""
    return {m.group(1).lower(): m.group(2).lstrip("0") or "0" for m in _NUMBERED.finditer(text)}


def _parts_in(text: str, series: str) -> set[str]:
    """The numbers `text` gives parts of `series` ("Period 5", "P5", "P5/Q2")."""
    found = {m.group(2).lstrip("0") or "0" for m in _NUMBERED.finditer(text) if m.group(1).lower() == series}
    short = _SHORT_FORM.get(series)
    if short:
        found |= {n.lstrip("0") or "0" for n in re.findall(rf"\b{short}(\d{{1,2}})\b", text, re.I)}
    return found


# How long after a period a paper naming no period is taken to report on other things.
_STALE_DAYS = 366


def _near(period: Period, day: date) -> bool:
    """Whether a meeting on `day` could report on `period`: within a month or day asked
    about, or within a year of a year or financial year asked about."""
    if period.yearless:
        return True
    if period.kind in ("day", "month"):
        return period.start <= day <= period.end
    return period.start - timedelta(days=366) <= day <= period.end + timedelta(days=366)


def _tense(question: Question) -> str | None:
    if _FUTURE_QUESTION.search(question.text):
        return "future"
    if _PAST_QUESTION.search(question.text):
        return "past"
    return None


class Scorer:
    """Features and scores of one question's candidates."""

    def __init__(self, question: Question, retrieved: Retrieved) -> None:
        self.question = question
        # Coverage counts the words about what is asked; the words that locate it (a body, a
        # meeting) are weighed by the body, meeting and paper features instead.
        self.subject = subject_terms(question.terms, retrieved.bodies, bool(question.meeting_periods))
        self.all_weights = {t: max(retrieved.idf(t), 0.05) for t in question.terms}
        self.weights = {t: self.all_weights[t] for t in self.subject}
        self.total = sum(self.weights.values()) or 1.0
        # The question's two rarest words: a unit holding them is about what is asked.
        self.key_terms = sorted(self.weights, key=lambda t: -self.weights[t])[:2]
        self.asks_range = question.answer_type == TIME and bool(_RANGE_ASKED.search(question.text))
        self.tense = _tense(question)
        self.top_score = max((p.score for p in retrieved.passages), default=0.0) or 1.0
        # A question put at the meeting is the answer only to "who asked ...?".
        self.matcher = TermMatcher(self.subject)
        self.paper_matcher = TermMatcher(question.terms)
        self._passage_terms: dict[str, set[str]] = {}
        self.asks_who_asked = question.answer_type in (PERSON, ORGANISATION) and bool(
            _ASKING.search(question.text)
        )
        self.retrieved = retrieved
        # The question's rarer words some paper holds: a paper holding none of them is
        # unlikely to be the one asked about (another council's, another committee's).
        self.paper_terms = [
            t for t, papers in retrieved.term_papers.items() if papers and t in self.all_weights
        ]
        self._paper_coverage: dict[str, float] = {}
        self.parts = numbered_parts(question.text)
        self.surnames = question.person_surnames

    def _in_passage(self, passage: Passage) -> set[str]:
        found = self._passage_terms.get(passage.id)
        if found is None:
            found = self._passage_terms[passage.id] = self.matcher.found_in_text(passage.lowered)
        return found

    def coverage(
        self, unit_stems: frozenset[str], context: frozenset[str], passage: Passage
    ) -> tuple[float, float]:
        """(coverage with context, coverage of the unit alone)."""
        in_unit = self.matcher.found_in(unit_stems)
        in_context = self.matcher.found_in(context) - in_unit
        in_passage = self._in_passage(passage) - in_unit - in_context
        own = sum(self.weights[t] for t in in_unit)
        full = own + _CONTEXT_WEIGHT * sum(self.weights[t] for t in in_context)
        full += _PASSAGE_WEIGHT * sum(self.weights[t] for t in in_passage)
        return full / self.total, own / self.total

    def paper_coverage(self, passage: Passage) -> float:
        """The idf-weighted share of the question's rarer words (those some paper holds) that
        the candidate's paper holds anywhere, or its body or title names; 1 when the
        question has no such word."""
        found = self._paper_coverage.get(passage.document_id)
        if found is None:
            total = sum(self.all_weights[t] for t in self.paper_terms)
            if not total:
                found = 1.0
            else:
                named = self.paper_matcher.found_in(
                    stem_set(f"{passage.document_title or ''} {passage.body or ''}")
                )
                held = sum(
                    self.all_weights[t]
                    for t in self.paper_terms
                    if t in named or self.retrieved.in_paper(t, passage.document_id)
                )
                found = held / total
            self._paper_coverage[passage.document_id] = found
        return found

    def _tense_fit(self, candidate: Candidate) -> float:
        """For "when will ...?" a date after the meeting (or "within six months", "the next
        meeting"); for "when was/did ...?" one before it. +1 agrees, -1 contradicts."""
        if self.tense is None or self.question.answer_type != DATE or candidate.span is None:
            return 0.0
        if candidate.span.kind != DATE:
            return 0.0
        text = candidate.span.text
        if _FUTURE_PHRASE.search(text):
            return 1.0 if self.tense == "future" else -0.5
        meeting = parse_iso(candidate.passage.meeting_date)
        periods = find_periods(text)
        if meeting is None or not periods or periods[0].yearless:
            return 0.0
        after = periods[0].end > meeting
        return 1.0 if after == (self.tense == "future") else -1.0

    def _row_label(self, candidate: Candidate) -> float:
        """The share of the question's words (by weight) in the row's label: a table answers
        "X in period Y" from the row named X."""
        unit = candidate.unit
        if unit is None or unit.row is None or not unit.row.label:
            return 0.0
        found = self.matcher.found_in(stem_set(unit.row.label))
        return sum(self.weights[t] for t in found) / self.total

    def _key_terms(self, unit_stems: frozenset[str]) -> float:
        if not self.key_terms:
            return 0.0
        found = self.matcher.found_in(unit_stems)
        return sum(1.0 for t in self.key_terms if t in found) / len(self.key_terms)

    def _period(self, candidate: Candidate) -> float:
        wanted = self.question.periods
        if not wanted:
            return 0.0
        found: list[Period] = []
        if candidate.unit is not None:
            found += candidate.unit.periods
            span = candidate.span
            if span is not None and self.question.answer_type in (DATE, TIME):
                # The answer's own date is what is asked, not a period to agree with.
                offset = (
                    candidate.quote.find(candidate.unit.text) if candidate.quote != candidate.unit.text else 0
                )
                found = [
                    p
                    for p in found
                    if not (p.start_char < span.end + offset and span.start + offset < p.end_char)
                ]
        if candidate.extra.get("cell_period_match"):
            return 1.0
        if candidate.unit is not None and candidate.unit.row is not None:
            found += [p for h in candidate.unit.row.headers if h for p in find_periods(h)]
        found += find_periods(" ".join(candidate.passage.titles))
        # A month printed without its year is the one around the paper's date, not any year's.
        dated = parse_iso(candidate.passage.meeting_date)
        found = [anchored(p, dated) for p in found]
        if any(w.overlaps(f) for w in wanted for f in found):
            return 1.0
        # A meeting held in the month or on the day asked about is weak evidence; one held
        # in the year or financial year asked about is none (most of a year's papers are).
        if any(
            w.kind in ("day", "month") and w.contains_date(candidate.passage.meeting_date) for w in wanted
        ):
            return 0.5
        if found:
            return -1.0
        # Nothing in the unit names a period: the meeting's date is all there is to go by. A
        # paper cannot report what happened after it was written ("in June 2017" from a
        # March 2017 report), unless the question asks what is planned.
        meeting = parse_iso(candidate.passage.meeting_date)
        if (
            meeting is not None
            and self.tense != "future"
            and all(w.start > meeting for w in wanted if not w.yearless)
        ):
            if any(not w.yearless for w in wanted):
                return -1.0
        if meeting is not None and all(
            not w.yearless and w.end + timedelta(days=_STALE_DAYS) < meeting for w in wanted
        ):
            # A paper over a year after the period asked about, naming no period where the
            # candidate is ("agree to buy a new mower in 2022?" from November 2024 parish
            # minutes): it reports its own time, not that period.
            return -1.0
        if meeting is not None and not any(_near(w, meeting) for w in wanted):
            return -0.5
        return 0.0

    def _numbered(self, candidate: Candidate) -> float:
        """+1 when the candidate's unit or titles name the numbered part the question asks
        about ("Period 9"), -1 when they name another part of that series ("P5/Q2") and not
        it, 0 when they name none: a figure from another period's report is not the answer."""
        if not self.parts:
            return 0.0
        text = " ".join([candidate.quote, *candidate.passage.titles, candidate.passage.document_title or ""])
        verdict = 0.0
        for series, number in self.parts.items():
            found = _parts_in(text, series)
            if number in found:
                verdict = max(verdict, 1.0)
            elif found and verdict == 0.0:
                verdict = -1.0
        return verdict

    def _person_named(self, candidate: Candidate) -> float:
        """For a question about what a named person said, asked or wanted ("Andrew McGrain's
        question", "Alan Morris's statement"): +1 when the unit names them, 0 when only its
        passage does, -1 when the passage never does; 0 when the question names nobody, or
        asks who (the name asked about is then the key of a record naming someone else)."""
        if not self.surnames or self.question.answer_type == PERSON:
            return 0.0
        if any(re.search(rf"\b{re.escape(s)}\b", candidate.quote, re.I) for s in self.surnames):
            return 1.0
        return 0.0 if any(s in candidate.passage.lowered for s in self.surnames) else -1.0

    def _meeting(self, candidate: Candidate) -> float:
        wanted = self.question.meeting_periods
        date = candidate.passage.meeting_date
        if not wanted or not date:
            return 0.0
        return 1.0 if any(w.contains_date(date) for w in wanted) else -1.0

    def _body(self, candidate: Candidate) -> float:
        """+1 when the question names the body of the candidate's paper, -1 when it names
        other bodies and not this one, 0 when it names none (or the paper's body is unknown)."""
        named = self.retrieved.bodies
        body = candidate.passage.body
        if not named or not body:
            return 0.0
        if body in named or body_words(body) <= stem_set(self.question.text):
            return 1.0
        return -1.0

    def features(self, candidate: Candidate) -> dict[str, float]:
        unit = candidate.unit
        passage = candidate.passage
        unit_stems = stem_set(candidate.quote) if unit is None or candidate.quote != unit.text else unit.stems
        context = passage.title_stems | stem_set(passage.body or "")
        if unit is not None and unit.row is not None:
            context = context | stem_set(" ".join(h or "" for h in unit.row.headers))
        carried = candidate.extra.get("carried_stems")
        if carried:  # the answer to a question put at the meeting shares that question's words
            unit_stems = unit_stems | carried
        if unit is not None and passage.in_resolution(unit.text):
            # A resolution is about its item: "An updated report should be brought within six
            # months" under "9. Free School Meals Update" is about free school meals.
            unit_stems = unit_stems | stem_set(passage.item_title or "")
        coverage, own = self.coverage(unit_stems, context, passage)
        source = candidate.source
        kind = self.question.answer_type
        type_ok = source in ("span", "cell", "attendance") or (
            source == "sentence" and bool(candidate.extra.get("cue"))
        )
        answer_words = set(stems(candidate.answer))
        question_words = set(self.question.terms)  # an answer repeating any of them echoes
        echoes = (
            bool(answer_words)
            and answer_words <= question_words
            and kind not in SENTENCE_TYPES
            and not re.match(r"(?:no|none|nil)\b", candidate.answer, re.I)
        )
        features = {
            "coverage": coverage,
            "own_coverage": own,
            "paper_coverage": self.paper_coverage(passage),
            "type_ok": float(type_ok),
            "period": self._period(candidate),
            "meeting": self._meeting(candidate),
            "numbered_part": self._numbered(candidate),
            "person_named": self._person_named(candidate),
            "body": self._body(candidate),
            "retrieval": passage.score / self.top_score,
            "rank": 1.0 / (1.0 + passage.rank),
            "heading": float(unit is not None and unit.is_heading),
            "asks": float(unit is not None and unit.asks and not self.asks_who_asked),
            "answers_question": float(bool(candidate.extra.get("answers_question_before"))),
            "echo": float(echoes),
            "from_cell": float(source == "cell"),
            "from_attendance": float(source == "attendance"),
            "chair_record": float(source == "attendance" and self.question.meeting_chair),
            "sentence_answer": float(kind in SENTENCE_TYPES),
            "cell_ambiguous": float(bool(candidate.extra.get("cell_ambiguous"))),
            "span_pull": min(1.0, float(candidate.extra.get("span_pull") or 0.0) / 3.0),
            "name_by_role": float(
                kind == PERSON and candidate.span is not None and candidate.span.role == "role"
            ),
            "long_answer": float(len(candidate.answer.split()) > (75 if kind in SENTENCE_TYPES else 40)),
            "type_fallback": float(candidate.span is not None and candidate.span.kind != kind),
            "cue_sentence": float(source == "sentence" and bool(candidate.extra.get("cue"))),
            "preposition": float(bool(candidate.extra.get("preposition"))),
            "key_terms": self._key_terms(unit_stems),
            "row_label": self._row_label(candidate),
            "range_fit": float(
                self.asks_range and candidate.span is not None and is_range(candidate.span.text)
            ),
            "tense_fit": self._tense_fit(candidate),
            # "When will it come back?" is answered in minutes as "within six months", "at
            # the next meeting": a date counted from the meeting.
            "relative_future": float(
                self.tense == "future"
                and kind == DATE
                and candidate.span is not None
                and bool(_FUTURE_PHRASE.search(candidate.span.text))
            ),
            "resolution": float(unit is not None and passage.in_resolution(unit.text)),
            # "Where ...?" answered by where the paper says a meeting was held ("Venue: ...",
            # "held in the ..."): a place read from its role, as a chair from an attendance list.
            "venue": float(kind == PLACE and candidate.span is not None and candidate.span.role == "venue"),
        }
        # What a body decided or asked for is recorded in its minutes (or decision notice),
        # not in the reports put to it.
        features["minutes_record"] = float(
            kind in (DECISION, REQUEST) and passage.document_kind in ("minutes", "decision_notice")
        )
        # What a body decided, asked for or set a date for is read from its resolutions.
        features["resolution_answer"] = features["resolution"] * float(
            kind in (DECISION, REQUEST) or (kind == DATE and self.tense == "future")
        )
        # The answer was read from a structure ingest keeps (an attendance record, a
        # resolution or promise, a table cell found by its column), not from prose alone.
        features["structure"] = max(
            features["resolution_answer"],
            features["from_attendance"],
            float(
                source == "cell"
                and bool(
                    candidate.extra.get("cell_period_match") or candidate.extra.get("cell_header_overlap")
                )
            ),
        )
        if source == "attendance":
            features["coverage"] = max(coverage, 0.8)
            features["own_coverage"] = max(own, 0.8)
        return features


def rank(question: Question, retrieved: Retrieved, candidates: list[Candidate]) -> list[Candidate]:
    """Candidates with features and score set, best first. Candidates that cannot be the
    answer (`answerable`: a whole sentence for a question asking for a date, an amount or a
    name; a period or meeting the question rules out) rank after every other (they may still
    show as nearest passages)."""
    scorer = Scorer(question, retrieved)
    for candidate in candidates:
        candidate.features = scorer.features(candidate)
    _mark_stand_ins(candidates)
    for candidate in candidates:
        candidate.score = rank_score(candidate.features)
    ordered = sorted(candidates, key=order_key)
    return _motion_clause_first(question, ordered)


def _motion_clause_first(question: Question, ordered: list[Candidate]) -> list[Candidate]:
    """For "who proposed / who seconded?", a paper's name read from its proposer/seconder
    clause in the asked role goes before that paper's other names (its attendance line names
    every member, and a heading shares the question's words). Scores are left as they are,
    so the confidence still sees how close the other names came."""
    if asked_motion_role(question.text) is None:
        return ordered
    out = list(ordered)
    for candidate in ordered:
        if not candidate.extra.get("motion_role") or not answerable(candidate):
            continue
        paper = candidate.passage.document_id
        first = next(i for i, c in enumerate(out) if c.passage.document_id == paper)
        if out[first] is not candidate and not out[first].extra.get("motion_role"):
            out.remove(candidate)
            out.insert(first, candidate)
    return out


def _mark_stand_ins(candidates: list[Candidate]) -> None:
    """`typed_elsewhere`: a span of another type standing in for the asked one ("six" for
    "how frequently", a count for a rank) while another unit, covering the question at least
    as well, holds a span or cell of the asked type itself ("quarterly", the ranking
    column's cell): the stand-in is a fallback for papers that have no such span."""
    typed = [
        c.features["coverage"]
        for c in candidates
        if c.source in ("span", "cell") and not c.features.get("type_fallback")
    ]
    best = max(typed, default=-1.0)
    for c in candidates:
        c.features["typed_elsewhere"] = float(
            bool(c.features.get("type_fallback")) and best >= c.features["coverage"] - 0.05
        )


def order_key(candidate: Candidate) -> tuple[bool, float, int]:
    """Answerable candidates first, then by score, then by retrieval rank."""
    return (not answerable(candidate), -candidate.score, candidate.passage.rank)
