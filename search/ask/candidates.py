"""Stage 3: passages -> candidate answers, one per unit (and per question type).

For a span type (a date, an amount, a name ...) each sentence offers its typed spans and the
span most surrounded by the question's words answers for it; each table row offers the cell
its column header points to (`tables.choose_cell`). For a sentence type (a decision, a
request, a reason, any other "what"), the sentence, or the resolution with its limbs, is the
answer. A sentence that asks a question at the meeting ("Ms X asked why ...") hands its
words to the sentence that answers it, so "what did officers say in response?" finds the reply.

Invariants: every candidate's `quote` is its unit's text (or a run of units) and its `answer`
a span of that quote or one of the row's cells; a unit with none of the question's words
offers nothing (unless it answers the question put in the unit before it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from search.ask.evidence import Candidate
from search.ask.lexicon import TermMatcher, tokens
from search.ask.passages import Passage, Unit
from search.ask.people import cell_is_person_column, name_spans, signature_name, signs_as
from search.ask.periods import Period, find_periods
from search.ask.question import (
    COUNT,
    DATE,
    DECISION,
    DURATION,
    MONEY,
    ORGANISATION,
    PERSON,
    PLACE,
    REASON,
    REQUEST,
    SENTENCE_TYPES,
    TIME,
    VOTE,
    Question,
    asked_motion_role,
    asked_vote_side,
)
from search.ask.spans import Span, fallback_spans, has_type, is_range, typed_spans
from search.ask.tables import choose_cell, other_period, period_columns

_NAME_TYPES = (PERSON, ORGANISATION, PLACE)
_DECIDED = re.compile(
    r"\bRESOLVED\b|\bAGREED\b|\b(?:resolved|agreed|decided"
    r"|approved|determined|endorsed)\b(?: (?:to|that|unanimously))?"
    r"|\bno decisions?\b|\bnoted\b",
)
_DECIDED_STRONG = re.compile(r"\bRESOLVED\b|\bAGREED\b|\bresolved\b|\bagreed\b|\bdecided\b")
_REASON_CUES = re.compile(
    r"\b(?:because|due to|as a result|owing to|given|since"
    r"|in order to|so that|reflect\w*|result\w* (?:from|of)|"
    r"caused by|driven by|as it|as they|as this|the reason|reasons?|on the grounds)\b",
    re.I,
)
_REQUEST_CUES = re.compile(
    r"\b(?:request\w*|asked (?:for|that)|ask\w* (?:for|that)|call\w* (?:for|on)|should|would like|urge\w*|"
    r"sought|seek\w*|recommend\w*|propos\w*|wish\w* to|want\w*|(?:agreed|resolved) to receive|"
    r"be (?:provided|brought|presented|circulated|sent)|report back|come back|RESOLVED|AGREED)\b",
    re.I,
)
# "The Panel is asked to consider ...": a request made *to* the body, not by it.
_ASKED_OF = re.compile(r"\b(?:is|are|was|were|be|being) (?:asked|invited|requested) to\b", re.I)
# A line with no lower-case letter ("BURTON-CUM-WALDEN PARISH COUNCIL"): a letterhead or heading.
_SHOUTED = re.compile(r"[^a-z]{0,80}")
_CODE = re.compile(r"^[a-z]{1,3}(\d{1,3})$")
# How many units (sentences, rows) of all the passages become candidates: the most promising.
# A typed question reads twice what a sentence question does, as its retrieval is deeper
# (`retrieve.CANDIDATES` against `retrieve.SENTENCE_CANDIDATES`) and the one row or sentence
# holding the figure must not be crowded out by the units of the best passages.
KEEP_UNITS = 300
SENTENCE_KEEP_UNITS = 150
# Units holding all of the question's `KEY_TERMS` rarest words are read too, up to this many more.
KEY_TERMS = 2
KEY_UNITS = 30
# Types whose spans a unit of the meeting the question dates offers even without the
# question's words (up to `KEY_UNITS` of them): a time, a date, an amount, a count or a vote
# of that meeting is likely what is asked, however the question words it.
_DATED_TYPES = frozenset({TIME, DATE, MONEY, COUNT, DURATION, VOTE})
# A unit naming the period the question asks about ranks this much higher among the units
# read (a quarter of a unit holding every question word).
PERIOD_PRIOR = 0.25
# A table cell longer than this many words is a sentence: its typed span answers, not it.
_CELL_WORDS = 6
# A resolution block runs on over its limbs, up to this many words.
_RESOLUTION_WORDS = 75


@dataclass
class Matched:
    """Which of the question's words a unit holds, and where."""

    terms: set[str]
    positions: list[tuple[int, int, float]]


def match_unit(
    text: str,
    weights: dict[str, float],
    matcher: TermMatcher | None = None,
    words: list[tuple[str, int, int]] | None = None,
) -> Matched:
    matcher = matcher or TermMatcher(list(weights))
    have: set[str] = set()
    positions: list[tuple[int, int, float]] = []
    for stem, start, end in tokens(text) if words is None else words:
        term = matcher.term_for(stem)
        if term is None:
            code = _CODE.match(stem)
            if code:  # "q1", "scp8": the number matches "1", "8"
                term = matcher.term_for(code.group(1))
        if term is not None:
            have.add(term)
            positions.append((start, end, max(weights[term], 0.1)))
    return Matched(have, positions)


def _pull(span: Span, positions: list[tuple[int, int, float]]) -> float:
    """How closely the question's words surround a span: each adds its weight divided by its
    distance; a word after the span counts at its distance, one before it at double, as
    English puts a figure before what it counts ("39 child protection assessments"). A date,
    time or period is the other way about: it follows the verb or noun it dates ("the lease
    ends in March 2017", "the meeting closed at 4.10pm"), so the words before it count at
    their distance and those after at double."""
    dates = span.kind in _DATING
    total = 0.0
    for start, end, weight in positions:
        if span.end <= start:
            distance = float(start - span.end) * (2.0 if dates else 1.0)
        elif span.start >= end:
            distance = (1.0 if dates else 2.0) * (span.start - end)
        else:
            continue  # the span is the question's own word
        total += weight / (1.0 + distance / 4.0)
    return total


def _bound(text: str, span: Span, positions: list[tuple[int, int, float]]) -> bool:
    """Whether a question's word governs the span through a preposition alone ("ends in
    March 2017", "closed at 4.10pm", "due by 31 March"), or, for a name, as a label its
    value or an agent ("seconded: Brian Smith", "proposed by A Jones"): the date or the
    person of that word, not of another in the sentence."""
    governs = _GOVERNS if span.kind in _DATING else _LABELS
    for _start, end, _weight in positions:
        if end <= span.start and governs.fullmatch(text[end : span.start]):
            return True
    return False


_DATING = frozenset({DATE, TIME})
_LABELS = re.compile(r"\s*(?:by\s+|:\s*|\|\s*|[–—-]\s*|\t\s*)")
_GOVERNS = re.compile(
    r"\s+(?:in|on|at|by|from|until|till|before|after|during|of|for|to)\s+(?:the\s+|about\s+)?",
    re.I,
)


_RANGE_ASKED = re.compile(r"\b(?:slot|window|between|hours|period|from when)\b", re.I)
_LEADING_PREPOSITION = re.compile(r"^\s*(to|from|by|with|for|at|in|on)\s+(?:which|what|whom)\b", re.I)


def leading_preposition(question: Question) -> str | None:
    """ "To which body ...?" -> "to": the answer follows that preposition in the paper."""
    m = _LEADING_PREPOSITION.match(question.text)
    return m.group(1).lower() if m else None


def _preceded_by(text: str, span: Span, preposition: str | None) -> bool:
    if not preposition:
        return False
    return bool(
        re.search(
            r"\b" + preposition + r"\s+(?:the\s+|a\s+|an\s+)?$",
            text[max(0, span.start - 12) : span.start],
            re.I,
        )
    )


def _span_score(
    question: Question,
    span: Span,
    positions: list[tuple[int, int, float]],
    text: str = "",
    spans: list[Span] | None = None,
) -> float:
    score = _pull(span, positions)
    side = asked_vote_side(question.text) if span.kind == COUNT and text else None
    if side is not None:
        # "For – 7, Against – 12": the figure the tally gives the asked side.
        tied = vote_side_of(text, span)
        if tied is not None:
            score += MOTION_ROLE_PULL if tied == side else -MOTION_ROLE_PULL
    motion_role = asked_motion_role(question.text) if span.kind == PERSON and text else None
    if motion_role is not None:
        # The name a proposer/seconder clause gives the asked role is the answer; the other
        # name of the clause is not ("who seconded?" is never answered by the proposer).
        role = motion_role_of(text, span, spans or [span])
        if role is not None:
            score += MOTION_ROLE_PULL if role == motion_role else -MOTION_ROLE_PULL
    if (span.kind in _DATING or span.kind in _NAME_TYPES) and text and _bound(text, span, positions):
        score += 1.0
    if span.kind == TIME and is_range(span.text) and _RANGE_ASKED.search(question.text):
        score += 1.0
    wanted = question.periods
    if wanted and span.period is not None:
        score += 1.0 if any(w.overlaps(span.period) for w in wanted) else -1.0
    if question.wants and span.role:
        if (question.wants == "end" and span.role in ("to", "projected")) or (
            question.wants == "start" and span.role == "from"
        ):
            score += 0.5
    elif span.role in ("target",):
        score -= 0.3
    return score


# The roles a question asking for the end of a change, or its start, wants.
_WANTED_ROLES = {"end": ("to", "projected"), "start": ("from",)}


def _best_span(
    question: Question, spans: list[Span], positions: list[tuple[int, int, float]], text: str = ""
) -> Span | None:
    """The span of a unit that answers: the one the question's words surround most closely;
    where the question asks for the end or the start of a change ("what is it projected to
    be", "what was it originally") and the sentence gives one, that one."""
    lowered = question.text.lower()
    asked = question.person_surnames
    usable = [
        s
        for s in spans
        if s.text.lower() not in lowered
        and not (s.kind in _NAME_TYPES and s.text.replace(".", " ").split()[-1].lower() in asked)
    ]
    named_days = [p for p in (*question.periods, *question.meeting_periods) if p.kind == "day"]
    if named_days:
        usable = [s for s in usable if not (s.kind == DATE and _names_day(s.text, named_days))]
    if not usable:
        return None
    side = asked_vote_side(question.text)
    if side is not None:
        # Only a figure a tally gives the asked side answers: a reference number or the
        # count of a recommendation in the same sentence never does.
        usable = [s for s in usable if s.kind == COUNT and vote_side_of(text, s) == side]
        if not usable:
            return None
    motion_role = asked_motion_role(question.text)
    if motion_role is not None:
        in_role = [s for s in usable if s.kind == PERSON and motion_role_of(text, s, spans) == motion_role]
        if in_role:
            return max(in_role, key=lambda s: (_span_score(question, s, positions, text, spans), -s.start))
    wanted = _WANTED_ROLES.get(question.wants or "", ())
    if any(s.role in wanted for s in usable):
        usable = [s for s in usable if s.role in wanted]
    return max(usable, key=lambda s: (_span_score(question, s, positions, text), -s.start))


# A motion's proposer and seconder ("Proposed as a true record by Cllr Smith seconded by Cllr
# Higgins", "proposed as a correct record by DR and this was seconded by EMW", "Proposed (AH)
# & Seconded (SB)", "Cllr A moved and Cllr B seconded"): which of the two a "who" question
# asks for, and which of them each name in the clause is.
_MOTION_CUE = re.compile(r"\b(?:(propos(?:ed|er|ing)|mov(?:ed|er)|put forward)|(second(?:ed|er)))\b", re.I)
# What a name in the asked role of a proposer/seconder clause adds to its pull (what a name
# in the other role loses): as much as a governing preposition and a question word beside it.
MOTION_ROLE_PULL = 1.5
# How far before a name its cue may stand ("seconded by Cllr", "Seconded (") and after it
# ("Cllr Smith seconded").
_CUE_BEFORE_CHARS = 40
_CUE_AFTER = re.compile(r"^\W{0,3}(?:and\s+)?(?:(propos\w*|moved)|(second\w*))\b", re.I)


# A side of a vote as a tally prints it: "For – 7, Against – 12", "For (37)", "8 For",
# "5 for, 1 against", "Abstentions: 0", "Against recommendation (4) – 12".
_SIDE_WORD = r"(?:(for|in favour)|(against)|(abstain\w*|abstentions?))"
_SIDE_AFTER = re.compile(r"^[ \t]+(?:votes?[ \t]+)?" + _SIDE_WORD + r"\b", re.I)
# "for" is also a preposition ("a report for members, ref: 470"): only punctuation may stand
# between it and its figure; "against" may name what ("Against recommendation (4) – 12").
_SIDE_BEFORE = re.compile(
    r"\b(?:(for|in favour)\W{0,4}|(against)\b[^.;\d]{0,30}(?:\(\d+\)[^.;\d]{0,6})?"
    r"|(abstain\w*|abstentions?)\W{0,4})$",
    re.I,
)


_TALLY_LINE = re.compile(
    r"\b\d+[ \t]+(?:votes?[ \t]+)?" + _SIDE_WORD + r"\b|\b" + _SIDE_WORD + r"\b\W{0,4}\d+\b", re.I
)


def vote_side_of(text: str, span: Span) -> str | None:
    """Which side of a vote a figure counts: the side word right after it ("8 For"), else
    the nearest before it with no other figure between ("For – 7", "Against recommendation
    (4) – 12"); None when neither."""
    found = _SIDE_AFTER.match(text[span.end : span.end + 20]) or _SIDE_BEFORE.search(
        text[max(0, span.start - 45) : span.start]
    )
    if found is None:
        return None
    return "for" if found.group(1) else "against" if found.group(2) else "abstain"


def motion_role_of(text: str, span: Span, spans: list[Span]) -> str | None:
    """Whether `span` names the proposer or the seconder in its sentence: the nearest cue
    before it since the name before it (a name after its verb), else a cue right after it."""
    before_start = max([s.end for s in spans if s.end <= span.start] + [span.start - _CUE_BEFORE_CHARS, 0])
    cues = list(_MOTION_CUE.finditer(text, before_start, span.start))
    if cues:
        return "seconder" if cues[-1].group(2) else "proposer"
    after = _CUE_AFTER.match(text[span.end : span.end + 20])
    if after:
        return "seconder" if after.group(2) else "proposer"
    return None


def _names_day(text: str, days: list[Period]) -> bool:
    """Whether a date span is a day the question itself names, however printed ("Tuesday,
    6 May 2025" for "on 6 May 2025"): the question's own date is never its answer (the
    parish minutes taught it: "which earlier meeting's minutes were approved at the 6 May
    meeting?" answered by the sentence saying that meeting was held on 6 May)."""
    return any(
        found.kind == "day" and any(found.start == day.start for day in days) for found in find_periods(text)
    )


_CHAIR_BEFORE = re.compile(
    r"\b(?:chair(?:man|woman|person)?|presiding|chaired by|presided over by)\s*(?:[:|–—-]|was|is)?\s*$", re.I
)
_CHAIR_AFTER = re.compile(
    r"^\s*(?:\(\s*(?:the\s+)?chair|,?\s*(?:was |were )?(?:in the chair|presid|chaired|took the chair)"
    r"|,\s*(?:the\s+)?chair(?:man|woman|person)?\b)",
    re.I,
)


def _tied_to_chair(text: str, span: Span) -> bool:
    return bool(
        _CHAIR_BEFORE.search(text[max(0, span.start - 30) : span.start])
        or _CHAIR_AFTER.match(text[span.end : span.end + 30])
    )


_NAME_ASKED = re.compile(r"\b(?:named|(?:the )?names? of|what is (?:the|his|her|their) name)\b", re.I)


def _spans(question: Question, text: str, names: list[tuple[str, str]]) -> list[Span]:
    kind = question.answer_type
    if kind in _NAME_TYPES:
        spans = name_spans(kind, text, names)
        if kind == PERSON and _NAME_ASKED.search(question.text):
            # "Which named officer ...?": a role ("the Interim Director") names no one.
            spans = [s for s in spans if s.role != "role"]
        if question.meeting_chair:
            # "Who chaired the meeting?" is answered by a name the paper ties to the chair
            # ("Ed Plowden (Chair)", "Chair: Jane Smith", "chaired by ...", "... in the
            # chair"), not by any name in a sentence mentioning the Chairman ("The Chairman
            # reported that she was waiting to hear from Mr Dent", in parish minutes).
            spans = [s for s in spans if _tied_to_chair(text, s)]
        return spans
    return typed_spans(kind, text) or fallback_spans(kind, text)


def _without_parts(candidates: list[Candidate]) -> list[Candidate]:
    """A limb of a resolution already quoted whole by another candidate is not an answer
    of its own."""
    blocks = [
        (c.passage.id, c.unit.start, c.extra["quote_end"])
        for c in candidates
        if c.unit is not None and c.extra.get("quote_end", 0) > c.unit.end
    ]
    return [
        c
        for c in candidates
        if c.unit is None or not any(p == c.passage.id and s < c.unit.start < e for p, s, e in blocks)
    ]


class CandidateReader:
    """Reads the candidates of one question from passages (see the module docstring)."""

    def __init__(
        self, question: Question, weights: dict[str, float], names: dict[str, list[tuple[str, str]]]
    ):
        self.question = question
        self.weights = weights
        self.total = sum(weights.values()) or 1.0
        self.names = names
        self.matcher = TermMatcher(list(weights))
        self._signed: dict[str, list[Unit]] = {}

    def read(self, passages: list[Passage], keep: int | None = None) -> list[Candidate]:
        """Candidates of the `keep` most promising units of all passages (by the weight of
        the question's words in the unit and its titles, and the passage's retrieval)."""
        if keep is None:
            keep = SENTENCE_KEEP_UNITS if self.question.answer_type in SENTENCE_TYPES else KEEP_UNITS
        top = max((p.score for p in passages), default=0.0) or 1.0
        chosen: list[tuple[float, Passage, int, Matched, Unit | None]] = []
        at_meeting: list[tuple[float, Passage, int, Matched, Unit | None]] = []
        probes = self.matcher.probes
        typed_kind = self.question.answer_type in _DATED_TYPES
        # "How many voted against?": a tally's lines ("8 For", "Against – 12") name no
        # subject; those of a passage holding the question's words are read as the meeting's.
        tally = asked_vote_side(self.question.text) is not None
        for passage in passages:
            dated = typed_kind and self._of_dated_meeting(passage)
            if not dated and not any(p in passage.lowered for p in probes):
                continue
            units = self._units_of(passage)
            inherited: Unit | None = None
            title = match_unit(" ".join(passage.titles), self.weights, self.matcher)
            title_weight = sum(self.weights[t] for t in title.terms) / self.total
            # A sentence answer may sit in a passage whose title names the subject while the
            # sentence itself does not ("They ... requested regular progress updates").
            titled = self.question.answer_type in SENTENCE_TYPES and len(title.terms) >= 2
            for index, unit in enumerate(units):
                lowered = passage.lowered[unit.start : unit.end]
                if not (titled or inherited) and not any(p in lowered for p in probes):
                    if (dated and has_type(self.question.answer_type, unit.text)) or (
                        tally and _TALLY_LINE.search(unit.text)
                    ):
                        # The meeting asked about may put it in other words ("address the
                        # Council between 8.00 pm and 8.15 pm" for "when could residents
                        # speak?"): its units of the asked type are read too.
                        prior = 0.3 * passage.score / top
                        at_meeting.append((prior, passage, index, Matched(set(), []), None))
                        continue
                    if unit.row is None:
                        continue
                matched = match_unit(unit.text, self.weights, self.matcher, unit.words)
                if unit.row is not None:  # the row's column headers say what its cells are
                    headers = match_unit(
                        " ".join(h or "" for h in unit.row.headers), self.weights, self.matcher
                    )
                    matched.terms |= headers.terms
                carried = inherited
                inherited = unit if unit.asks and matched.terms else None
                if not matched.terms and carried is None and not titled:
                    continue
                own = sum(self.weights[t] for t in matched.terms) / self.total
                prior = own + 0.5 * title_weight + 0.3 * passage.score / top + (0.3 if carried else 0.0)
                if self._in_period(unit):
                    prior += PERIOD_PRIOR
                chosen.append((prior, passage, index, matched, carried))
        chosen.sort(key=lambda c: -c[0])
        out: list[Candidate] = []
        at_meeting.sort(key=lambda c: -c[0])
        for _prior, passage, index, matched, carried in self._kept(chosen, keep) + at_meeting[:KEY_UNITS]:
            units = self._units_of(passage)
            candidate = self._candidate(passage, units[index], units, index, matched)
            if candidate is None:
                continue
            if carried is not None:
                candidate.extra["carried_stems"] = carried.stems
                candidate.extra["answers_question_before"] = True
            out.append(candidate)
        return _without_parts(out)

    def _in_period(self, unit: Unit) -> bool:
        """Whether the unit names the period the question asks about ("Target number of
        families for March17: 395" for "by March 2017", in the sample's performance report):
        a figure of that period is likely the one asked, whatever words surround it."""
        wanted = self.question.periods
        if not wanted or unit.is_heading:
            return False
        return any(w.overlaps(p) for p in unit.periods for w in wanted)

    def _of_dated_meeting(self, passage: Passage) -> bool:
        """Whether the passage is a paper of the meeting the question dates ("at the 1 April
        2025 meeting")."""
        wanted = self.question.meeting_periods
        return bool(wanted and passage.meeting_date) and any(
            w.contains_date(passage.meeting_date) for w in wanted
        )

    def _units_of(self, passage: Passage) -> list[Unit]:
        """The passage's units; for a "who" question, a signature's two lines (a name alone on
        its line, its role on the next: "R C Nolan" / "Clerk to the Council") read as one
        unit, so the role's words say whom the name is."""
        if self.question.answer_type != PERSON:
            return passage.units
        found = self._signed.get(passage.id)
        if found is None:
            found = []
            units = passage.units
            index = 0
            while index < len(units):
                unit = units[index]
                after = units[index + 1] if index + 1 < len(units) else None
                if after is not None and signature_name(unit.text) and signs_as(after.text):
                    text = passage.text[unit.start : after.end]
                    found.append(Unit(text, unit.start, after.end, "sentence"))
                    index += 2
                    continue
                found.append(unit)
                index += 1
            self._signed[passage.id] = found
        return found

    def _kept(
        self, chosen: list[tuple[float, Passage, int, Matched, Unit | None]], keep: int
    ) -> list[tuple[float, Passage, int, Matched, Unit | None]]:
        """The `keep` units of highest prior, and beyond them (up to `KEY_UNITS` more) those
        holding every one of the question's rarest words: a long question's common words
        fill the prior of many units, while the one table row or sentence naming the place
        or the scheme asked about sits in a passage the search ranked low."""
        key = sorted(self.weights, key=lambda t: -self.weights[t])[:KEY_TERMS]
        if len(self.weights) <= KEY_TERMS or not key:
            return chosen[:keep]
        extra = [c for c in chosen[keep:] if all(t in c[3].terms for t in key)]
        return chosen[:keep] + extra[:KEY_UNITS]

    def _candidate(
        self, passage: Passage, unit: Unit, units: list[Unit], index: int, matched: Matched
    ) -> Candidate | None:
        kind = self.question.answer_type
        if kind in SENTENCE_TYPES:
            return self._sentence(passage, unit, units, index)
        names = self.names.get(passage.document_id, [])
        if unit.row is not None:
            if other_period(self.question, unit.row):
                # A table by period, not for the period asked: nothing in the row answers.
                return _untyped(passage, unit, kind)
            cell = choose_cell(self.question, unit.row, self.weights)
            answer = cell.text if cell is not None else ""
            if cell is not None and kind in _NAME_TYPES and _dates_or_figures(cell.text):
                # A column headed "By" or "Lead" may hold when, not who ("By April 2014" under
                # "By when", in the sample's progress tables): a date or figure names no one.
                answer = ""
            elif cell is not None and kind in _NAME_TYPES and not cell_is_person_column(cell.header):
                # Outside a column of names, a cell answers "who" only with a name in it
                # (a list printed in columns is no table of people).
                spans = [
                    s
                    for s in name_spans(kind, cell.text, names)
                    if s.role not in ("role", "pattern", "acronym")
                ]
                answer = spans[0].text if spans else ""
            if cell is not None and kind not in _NAME_TYPES and len(answer.split()) > _CELL_WORDS:
                # A cell holding a sentence ("All schools have been contacted. Training
                # begins in April 2014", a progress table's commentary column) answers with
                # the span of the asked type in it, not the whole sentence.
                inside = typed_spans(kind, answer)
                answer = inside[0].text if len(inside) == 1 else ""
            if cell is None and period_columns(unit.row):
                # A table by period is read by its columns: no cell, no answer from the row.
                return _untyped(passage, unit, kind)
            if cell is not None and answer:
                return Candidate(
                    passage=passage,
                    quote=unit.text,
                    answer=answer,
                    answer_type=kind,
                    source="cell",
                    unit=unit,
                    extra={
                        "indicator": unit.row.label or None,
                        "period": cell.header,
                        "cell_period_match": cell.period_match,
                        "cell_header_overlap": cell.header_overlap,
                        "cell_ambiguous": cell.ambiguous,
                    },
                )
        spans = _spans(self.question, unit.text, names)
        preposition = leading_preposition(self.question)
        if preposition and any(_preceded_by(unit.text, s, preposition) for s in spans):
            spans = [s for s in spans if _preceded_by(unit.text, s, preposition)]
        span = _best_span(self.question, spans, matched.positions, unit.text)
        if span is None:
            return _untyped(passage, unit, kind)
        return Candidate(
            passage=passage,
            quote=unit.text,
            answer=span.text,
            answer_type=kind,
            source="span",
            unit=unit,
            span=span,
            extra={
                "motion_role": motion_role_of(unit.text, span, spans)
                == asked_motion_role(self.question.text),
                "span_role": span.role,
                "span_pull": _span_score(self.question, span, matched.positions, unit.text, spans),
                "preposition": _preceded_by(unit.text, span, preposition),
            },
        )

    def _sentence(self, passage: Passage, unit: Unit, units: list[Unit], index: int) -> Candidate | None:
        kind = self.question.answer_type
        if unit.is_heading or _SHOUTED.fullmatch(unit.text.strip()):
            return None  # a heading or a line of capitals is not an answer
        text = unit.text
        cue = False
        quote_end = unit.end
        resolved = passage.in_resolution(text)
        if kind == DECISION:
            cue = (bool(_DECIDED.search(text)) or resolved) and not _ASKED_OF.search(text)
            if not cue:
                return None  # a decision is read from a sentence that records one
            opens_list = _DECIDED_STRONG.search(text) and text.rstrip().endswith((":", ":-", "-", "that"))
            if opens_list or resolved:
                # The resolution's limbs follow: take them while the block stays short.
                words = len(text.split())
                for limb in units[index + 1 :]:
                    words += len(limb.text.split())
                    if words > _RESOLUTION_WORDS or limb.is_heading:
                        break
                    if not opens_list and not passage.in_resolution(limb.text):
                        break
                    quote_end = limb.end
        elif kind == REASON:
            cue = bool(_REASON_CUES.search(text))
        elif kind == REQUEST:
            cue = bool(_REQUEST_CUES.search(text)) and not _ASKED_OF.search(text)
        else:
            cue = True
        quote = passage.text[unit.start : quote_end]
        return Candidate(
            passage=passage,
            quote=quote,
            answer=quote,
            answer_type=kind,
            source="sentence",
            unit=unit,
            extra={"cue": cue, "quote_end": quote_end},
        )


def _dates_or_figures(text: str) -> bool:
    """Whether a cell is a date, a period or a figure and nothing else ("By April 2014",
    "Q3 2025/26", "12"): such a cell is never a name."""
    rest = text
    for period in sorted(find_periods(text), key=lambda p: -p.start_char):
        rest = rest[: period.start_char] + rest[period.end_char :]
    rest = re.sub(
        r"\b(?:by|from|to|until|in|on|at|end|of|the|and|q[1-4]|-)\b|[\d.,:/%£()–—-]", " ", rest, flags=re.I
    )
    return bool(text.strip()) and not rest.strip()


def _untyped(passage: Passage, unit: Unit, kind: str) -> Candidate:
    """The unit itself as a candidate with no typed answer in it: ranked with the others but
    never given as the answer (`score.answerable`)."""
    return Candidate(
        passage=passage,
        quote=unit.text,
        answer=unit.text,
        answer_type=kind,
        source="untyped",
        unit=unit,
    )
