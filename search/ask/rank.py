"""Passage and sentence ranking for `minutebook ask`, and reading the answer span.

A candidate is one sentence (or table row, or resolution block) of a retrieved passage. It
is scored on:

* coverage: the idf-weighted share of the question's content stems found in the sentence
  (full weight), in the item/section titles (0.6) or elsewhere in the passage (0.3);
* type: whether the sentence holds what the question asks for (a GBP amount for "how
  much", a count for "how many", a date for "when", a person for "who", a resolution for
  "what was decided");
* period and committee: a question naming "June 2014" prefers that meeting or a table
  column headed with that month; "panel"/"committee" prefer that kind of body;
* proximity of the matched words in the sentence.

Invariants: `Candidate.quote` and `Candidate.answer` are verbatim substrings of
`Candidate.passage.text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from search.ask.candidates import SYNONYMS
from search.ask.question import (
    COUNT,
    DATE,
    DECISION,
    MONEY,
    PERCENT,
    PERSON,
    PLACE,
    REASON,
    Period,
    QuestionAnalysis,
    stems,
)
from search.ask.retrieve import Passage, Retrieved
from search.ask.text import (
    Sentence,
    Span,
    cell_periods,
    header_for,
    is_numeric_cell,
    row_cells,
    split_sentences,
    typed_spans,
)
from search.engine.schema import ANALYZER

_TYPED = {COUNT, MONEY, PERCENT, DATE, PERSON}
_RESOLVED = re.compile(r"\bRESOLVED\b|\bresolved\b|\bagreed\b|\bAGREED\b")
_REASON_CUES = re.compile(
    r"\b(because|due to|as a result|owing to|related to|reflect|since|in order to|so that)\b", re.I
)
_PLACE = re.compile(
    r"\b[A-Z][\w'’]+ (?:Room|Hall|Chamber|Centre|House|Suite)\b(?:, [A-Z][\w'’]+(?: [A-Z][\w'’]+)*)*"
)

# Score weights: coverage dominates; the rest break ties between sentences that cover the
# question equally well.
_W_TYPE = 0.35
_W_PROXIMITY = 0.1
_W_MEETING = 0.15
_W_BODY = 0.05
_W_RETRIEVAL = 0.05


@dataclass
class Candidate:
    """One possible answer with the evidence for it."""

    passage: Passage
    quote: str
    answer: str
    answer_type: str
    coverage: float
    type_ok: bool
    period_ok: bool
    score: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)


def _matches(term: str, have: set[str]) -> bool:
    if term in have:
        return True
    return any(alt in have for alt in SYNONYMS.get(term, ()))


def _period_in_meeting(period: Period, meeting_date: str | None) -> bool:
    if not meeting_date or not period.year:
        return False
    if int(meeting_date[:4]) != period.year:
        return False
    return period.month is None or int(meeting_date[5:7]) == period.month


def _period_in_text(period: Period, text: str) -> bool:
    from search.ask.question import find_periods

    for found in find_periods(text):
        if found.year == period.year and (period.month is None or found.month == period.month):
            return True
    return False


def _token_positions(text: str, weights: dict[str, float]) -> list[tuple[int, int, float]]:
    """(start, end, idf) of every question word in `text`."""
    positions = []
    for token in ANALYZER(text, chars=True):
        weight = weights.get(token.text)
        if weight is None:
            weight = next((w for t, w in weights.items() if token.text in SYNONYMS.get(t, ())), None)
        if weight is not None:
            positions.append((token.startchar, token.endchar, max(weight, 0.1)))
    return positions


def _proximity(positions: list[tuple[int, int, float]], matched: int) -> float:
    if matched < 2 or len(positions) < 2:
        return 0.0
    window = max(end for _, end, _ in positions) - min(start for start, _, _ in positions)
    return min(1.0, 40.0 * matched / max(window, 1)) if window else 0.0


def _choose_span(spans: list[Span], positions: list[tuple[int, int, float]], question: str) -> Span | None:
    """The typed span most surrounded by the question's words: each word adds its idf
    divided by its distance, so rare words close by dominate ("the peak of 557" beats "63
    more children", March 2017) and several words beat one ("115 confirmed exclusions during
    the autumn term" beats "118 exclusions the previous year"). A word printed after the span
    counts at full distance, one before it at double, as English puts counts before their
    noun ("39 child protection assessments")."""
    lowered = question.lower()
    spans = [s for s in spans if s.text.lower() not in lowered]
    if not spans:
        return None
    if not positions:
        return spans[0]

    def pull(span: Span) -> float:
        total = 0.0
        for start, end, weight in positions:
            if span.end <= start:
                distance = float(start - span.end)
            elif span.start >= end:
                distance = 2.0 * (span.start - end)
            else:
                distance = 0.0
            total += weight / (1.0 + distance / 4.0)
        return total

    return max(spans, key=pull)


class Ranker:
    """Scores the sentences of retrieved passages against one analysed question."""

    def __init__(self, analysis: QuestionAnalysis, index: Retrieved) -> None:
        self.analysis = analysis
        self.retrieved = index
        period_stems = {s for p in analysis.periods for s in stems(p.label)}
        self.content = [t for t in analysis.terms if t not in period_stems] or list(analysis.terms)
        self.weights = {t: index.idf(t) for t in self.content}
        self.total_weight = sum(self.weights.values()) or 1.0
        self.term_set = set(self.content)

    # -------------------------------------------------------------- coverage

    def coverage(self, sentence_stems: set[str], title_stems: set[str], passage_stems: set[str]) -> float:
        got = 0.0
        for term, weight in self.weights.items():
            if _matches(term, sentence_stems):
                got += weight
            elif _matches(term, title_stems):
                got += 0.6 * weight
            elif _matches(term, passage_stems):
                got += 0.3 * weight
        return got / self.total_weight

    def period_ok(self, passage: Passage, text: str) -> bool:
        if not self.analysis.periods:
            return True
        return any(
            _period_in_meeting(p, passage.meeting_date) or _period_in_text(p, text)
            for p in self.analysis.periods
        )

    def body_ok(self, passage: Passage) -> bool:
        hint = self.analysis.body_hint
        body = (passage.body or "").lower()
        if hint == "panel":
            return "panel" in body or "scrutiny" in body
        if hint == "committee":
            return "committee" in body and "panel" not in body
        return False

    # ------------------------------------------------------------ candidates

    def candidates(self, passage: Passage, retrieval: float) -> list[Candidate]:
        text = passage.text
        sentences = split_sentences(text)
        title_stems = set(stems(" ".join(filter(None, [passage.item_title, passage.section_title]))))
        passage_stems = set(stems(text))
        rows = [s.text for s in sentences if s.is_row]
        out: list[Candidate] = []
        for sentence in sentences:
            candidate = self._candidate(passage, sentence, sentences, rows, title_stems, passage_stems)
            if candidate is None:
                continue
            meeting_hit = any(_period_in_meeting(p, passage.meeting_date) for p in self.analysis.periods)
            candidate.score = (
                candidate.coverage
                + _W_TYPE * candidate.type_ok
                + _W_PROXIMITY * candidate.extra.get("proximity", 0.0)
                + _W_MEETING * meeting_hit
                + _W_BODY * self.body_ok(passage)
                + _W_RETRIEVAL * retrieval
                - (0.25 if not candidate.period_ok else 0.0)
            )
            out.append(candidate)
        return out

    def _candidate(
        self,
        passage: Passage,
        sentence: Sentence,
        sentences: list[Sentence],
        rows: list[str],
        title_stems: set[str],
        passage_stems: set[str],
    ) -> Candidate | None:
        answer_type = self.analysis.answer_type
        sent_stems = set(stems(sentence.text))
        context = title_stems
        header = None
        if sentence.is_row:
            header = header_for(rows, rows.index(sentence.text)) if sentence.text in rows else None
            if header:
                context = context | set(stems(header))
        if answer_type == DECISION:
            return self._decision(passage, sentence, sentences, title_stems, passage_stems)
        if not any(_matches(t, sent_stems) for t in self.content):
            return None
        coverage = self.coverage(sent_stems, context, passage_stems)
        positions = _token_positions(sentence.text, self.weights)
        matched = sum(1 for t in self.content if _matches(t, sent_stems))
        period_ok = self.period_ok(passage, sentence.text + "\n" + (header or ""))
        extra: dict[str, Any] = {"proximity": _proximity(positions, matched)}
        answer, type_ok = self._read_answer(sentence, header, positions, extra)
        return Candidate(
            passage=passage,
            quote=sentence.text.strip(),
            answer=answer,
            answer_type=answer_type,
            coverage=coverage,
            type_ok=type_ok,
            period_ok=period_ok,
            extra=extra,
        )

    def _read_answer(
        self,
        sentence: Sentence,
        header: str | None,
        positions: list[tuple[int, int, float]],
        extra: dict[str, Any],
    ) -> tuple[str, bool]:
        answer_type = self.analysis.answer_type
        text = sentence.text
        if sentence.is_row and answer_type in {COUNT, MONEY, PERCENT}:
            cell = self._table_cell(text, header)
            if cell is not None:
                extra.update(cell)
                return cell["value"], True
        if answer_type in _TYPED:
            spans = typed_spans(answer_type, text, self.retrieved.names)
            if answer_type == MONEY and not spans:
                return text.strip(), False
            if answer_type == PERSON:
                return self._person_answer(spans, positions, text)
            span = _choose_span(spans, positions, self.analysis.question)
            if span is None:
                return text.strip(), False
            return span.text, True
        if answer_type == PLACE:
            match = _PLACE.search(text)
            return (match.group(0), True) if match else (text.strip(), False)
        if answer_type == REASON:
            return text.strip(), bool(_REASON_CUES.search(text))
        return text.strip(), True

    def _person_answer(
        self, spans: list[Span], positions: list[tuple[int, int, float]], text: str
    ) -> tuple[str, bool]:
        asked = {p.split()[-1].lower() for p in self.analysis.persons}
        people = [s for s in spans if s.text.split()[-1].lower() not in asked]
        if not people:
            return text.strip(), False
        if self.analysis.plural and len(people) > 1:
            return text[people[0].start : people[-1].end], True
        span = _choose_span(people, positions, self.analysis.question)
        if span is None:
            return text.strip(), False
        return span.text, True

    def _table_cell(self, row: str, header: str | None) -> dict[str, Any] | None:
        """The cell of `row` the question asks for: the column whose header names the
        question's period ("Jan 17"), else whose header shares its words, else the row's only
        number. Cells are offsets into the row, so the value is verbatim."""
        cells = row_cells(row)
        if len(cells) < 2:
            return None
        label = row[cells[0][0] : cells[0][1]]
        values = [(i, row[a:b]) for i, (a, b) in enumerate(cells) if i > 0 and is_numeric_cell(row[a:b])]
        if not values:
            return None
        heads: list[str] = []
        if header:
            heads = [header[a:b] for a, b in row_cells(header)]
        chosen: int | None = None
        if heads and self.analysis.periods:
            for i, _value in values:
                if i < len(heads) and any(self._period_matches(p, heads[i]) for p in self.analysis.periods):
                    chosen = i
                    break
        if chosen is None and heads:
            best = 0.0
            for i, _ in values:
                if i >= len(heads):
                    continue
                overlap = sum(
                    self.weights.get(t, 0.0) for t in self.content if _matches(t, set(stems(heads[i])))
                )
                if overlap > best:
                    best, chosen = overlap, i
        if chosen is None and len(values) == 1:
            chosen = values[0][0]
        if chosen is None:
            return None
        value = dict(values)[chosen]
        period = heads[chosen] if chosen < len(heads) else None
        return {"value": value.strip(), "indicator": label.strip(), "period": period}

    @staticmethod
    def _period_matches(period: Period, head: str) -> bool:
        for found in cell_periods(head):
            if found.month != period.month and period.month is not None:
                continue
            if found.year is None or period.year is None or found.year == period.year:
                return True
        return False

    def _decision(
        self,
        passage: Passage,
        sentence: Sentence,
        sentences: list[Sentence],
        title_stems: set[str],
        passage_stems: set[str],
    ) -> Candidate | None:
        """A decision answer is the whole resolution: the RESOLVED sentence and the limbs
        that follow it in the section (Norfolk minutes list limbs as bullets under
        "The Committee RESOLVED that:-", June 2014)."""
        if not _RESOLVED.search(sentence.text):
            return None
        text = passage.text
        start = sentence.start
        end = len(text.rstrip())
        if "RESOLVED" not in sentence.text:
            end = sentence.start + len(sentence.text)  # "It was agreed that ..." is one sentence
        block = text[start:end].strip()
        block_stems = set(stems(block))
        coverage = self.coverage(block_stems, title_stems, passage_stems)
        # The item title says what a resolution is about ("Free School Meals Update"): a
        # question word there counts nearly as much as one in the resolution itself.
        coverage = max(coverage, self.coverage(block_stems | title_stems, set(), passage_stems) * 0.95)
        return Candidate(
            passage=passage,
            quote=block,
            answer=block,
            answer_type=DECISION,
            coverage=coverage,
            type_ok="RESOLVED" in sentence.text,
            period_ok=self.period_ok(passage, block),
            extra={"proximity": 0.0},
        )


def rank(analysis: QuestionAnalysis, retrieved: Retrieved) -> list[Candidate]:
    """All candidates from the retrieved passages, best first."""
    ranker = Ranker(analysis, retrieved)
    top = max((p.score for p in retrieved.passages), default=0.0)
    out: list[Candidate] = []
    for passage in retrieved.passages:
        out.extend(ranker.candidates(passage, passage.score / top if top else 0.0))
    out.sort(key=lambda c: -c.score)
    return out
