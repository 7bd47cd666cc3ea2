"""Stage 3a: typed spans of a sentence or table cell, with their role in it.

Every unit yields candidates of every type it holds: money, percentages, counts, rates and
scores (rates per N, ranks, ordinals, grades and frequencies), dates, times, durations,
financial years and votes (people, organisations and places are read in `people`). Each span
knows its role where the sentence says it: the start or end of a change ("from 48% in 2019 to
53%"), a projection or target ("(this year projected to be 96)"), and the period it is tied to.

Invariants: `Span.text == text[span.start:span.end]` (a verbatim piece of the unit); spans of
one kind never overlap; pure functions of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from search.ask.periods import Period, find_periods
from search.ask.question import (
    COUNT,
    DATE,
    DURATION,
    FINANCIAL_YEAR,
    MONEY,
    PERCENT,
    RATE,
    TIME,
    VOTE,
)


@dataclass(frozen=True)
class Span:
    """A typed piece of a unit. `role` is "from", "to", "projected", "target" or None;
    `period` the period the sentence ties the value to, if any."""

    kind: str
    start: int
    end: int
    text: str
    role: str | None = None
    period: Period | None = None


_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred"
).split()
_WORD_NUMBER = r"(?:" + "|".join(_NUMBER_WORDS) + r")(?:[ -](?:" + "|".join(_NUMBER_WORDS) + r"))?"

_MONEY = re.compile(
    r"(?<![\w£])(?:[-−–](?=£))?£\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|bn|m|k)\b|[MK]\b)?"
    r"|\b\d[\d,]*(?:\.\d+)?\s?(?:million|billion|thousand)?\s?pounds\b",
    re.I,
)
_PERCENT = re.compile(
    r"(?<![\w.])[-+]?\d+(?:\.\d+)?\s?(?:%|per ?cent\b|percent\b|percentage points?\b)", re.I
)
_RATE = re.compile(
    r"(?<![\w.])\d+(?:\.\d+)?\s+per\s+(?:\d{1,3}(?:,\d{3})+|\d+)\b"  # 68.4 per 10,000
    r"|\b\d+\s+in\s+(?:every\s+)?\d+\b"  # 1 in 5
    r"|\b\d{1,3}(?:st|nd|rd|th)\b"  # 22nd
    r"|\b(?:grade|band|level|point|scale point|spinal column point"
    r"|tier|rank(?:ed|ing)?|position|score of)\s?\d+[a-z]?\b"
    r"|(?-i:\b[A-Z]{2,4}\s?\d{1,2}\b)(?![\d/])"  # a pay point or grade code: "SCP8"
    r"|\b(?:quarterly|monthly|weekly|fortnightly|annually|yearly|daily|biannually|bi-annually|termly|half-termly)\b"
    r"|\b(?:once|twice|three times|four times)\s+(?:a|per|each)\s+(?:year|month|week|term|quarter)\b"
    r"|\bevery\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|quarters?|terms?)\b",
    re.I,
)
_NUMBER = re.compile(r"(?<![\w.£/-])\d{1,3}(?:,\d{3})+(?![\d%])|(?<![\w.£/-])\d+(?:\.\d+)?(?![\w%/]|\.\d)")
_WORD_COUNT = re.compile(r"\b" + _WORD_NUMBER + r"\b", re.I)
# "none", "no declarations": the answer to "did anyone ...?" when nobody did.
_NONE = re.compile(
    r"\b(?:there (?:were|was) none|none|nil|no (?:[a-z]+ ){0,2}[a-z]+s?\b(?: of [a-z]+)?)", re.I
)
# Numbers that label rather than count: "item 9", "paragraph 3.3.6", "Key Stage 2", "Lot 15".
_LABEL_BEFORE = re.compile(
    r"(?:item|items|paragraph|paragraphs|para|appendix|section|stage|recommendation|page|pages|minute|tier|"
    r"level|phase|year|years|group|groups|round|no\.?|number|lot|ref|question|questions|statement|table|"
    r"figure|annex|point|q|option|priority|objective|ward|route|bus|room|floor|unit|plan|risk|step|chapter|"
    r"part|clause|schedule)\s*$",
    re.I,
)
_TIME = re.compile(
    r"\b(?:[01]?\d|2[0-3])(?:[.:][0-5]\d)?\s?(?:am|pm|a\.m\.|p\.m\.)(?![a-z])"
    r"|\b(?:[01]?\d|2[0-3])[.:][0-5]\d(?=\s?(?:hrs|hours|h)\b)"
    r"|(?<=\bat )(?:[01]?\d|2[0-3])[.:][0-5]\d\b"
    r"|\b(?:noon|midday|midnight)\b",
    re.I,
)
_DURATION = re.compile(
    r"\b(?:\d+(?:\.\d+)?|" + _WORD_NUMBER + r"|a|an|a further|another)(?:[- ]and[- ]a[- ]half)?[- ]"
    r"(?:years?|months?|weeks?|days?|hours?|minutes?|terms?)(?:[- ]long)?\b",
    re.I,
)
_FY_PHRASE = re.compile(r"\b(?:financial|municipal) year (?:19|20)\d\d\b", re.I)
_VOTE = re.compile(
    r"\bunanimous(?:ly)?\b(?:\s+(?:agreed|resolved|carried|approved))?"
    # Ways minutes record a vote without figures: "All in favour", "agreed without division",
    # "nem con", "carried by a majority".
    r"|\ball (?:members )?(?:were )?in favour\b|\b(?:without (?:a )?division|nem\.? ?con\.?)"
    r"|\b(?:by a (?:clear |large )?majority)\b"
    r"|(?:\b(?:for|in favour|against|abstentions?|abstain(?:ed|ing)?)\s*[:(]?\s*\d+\s*\)?[,;]?\s*){2,}"
    r"|\b(?:for|in favour)\s*[:(]\s*\d+\s*\)?"
    r"|\b\d+\s+(?:votes?\s+)?(?:for"
    r"|in favour)\b[^.;]{0,30}?\b\d+\s+against\b(?:[^.;]{0,20}?\b\d+\s+abstentions?)?"
    r"|\b(?:carried|lost|defeated) by \d+ votes? to \d+\b"
    r"|\b\d+\s+(?:voting\s+)?for\b[^.;]{0,12}?\b\d+\s+(?:voting\s+)?against\b",
    re.I,
)
# A line that is a figure and a side of a vote ("8 For", "0 Against", "1 Abstention", a
# decision notice's voting record) counts votes; it is not an item numbered 8.
_TALLY_ALONE = re.compile(r"\d{1,3}\s+(?:for|against|in favour|abstentions?|abstained)\W*$", re.I)
_RELATIVE_DATE = re.compile(
    r"\b(?:within|in) (?:the next )?(?:\w+ )?(?:days|weeks|months|years)\b"
    r"|\b(?:the following|the next|next) (?:week|month|year|meeting|committee meeting)\b"
    r"|\b(?:at|by|before|after|until) the (?:next|following"
    r"|end of the) (?:meeting|year|month|term|financial year)\b",
    re.I,
)
_ROLE_BEFORE = (
    (
        "projected",
        re.compile(
            r"\b(?:projected|forecast|expected|estimated|predicted)\s+(?:to\s+be\s+|at\s+|of\s+)?$", re.I
        ),
    ),
    ("from", re.compile(r"\bfrom\s+(?:a\s+|an\s+)?(?:\w+\s+)?$", re.I)),
    (
        "to",
        re.compile(
            r"\b(?:to|reaching|reached|now|now at|rising to|falling to|rose to|fell to)\s+(?:\w+\s+)?$", re.I
        ),
    ),
    ("target", re.compile(r"\btarget(?:ed)?\s+(?:of\s+|is\s+|was\s+)?$", re.I)),
)


def _found(pattern: re.Pattern[str], kind: str, text: str) -> list[Span]:
    out = []
    for m in pattern.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1] in " ,;":
            end -= 1
        if start < end:
            out.append(Span(kind, start, end, text[start:end]))
    return out


def _overlaps(span: Span, taken: list[Span]) -> bool:
    return any(span.start < t.end and t.start < span.end for t in taken)


def _role(text: str, span: Span) -> str | None:
    before = text[max(0, span.start - 30) : span.start]
    for role, pattern in _ROLE_BEFORE:
        if pattern.search(before):
            return role
    opening = text.rfind("(", 0, span.start)
    if opening >= 0 and text.find(")", opening) > span.start:
        inside = text[opening : span.start]
        if re.search(r"projected|forecast|expected|estimated", inside, re.I):
            return "projected"
    return None


def _attached_period(span: Span, periods: list[Period], text: str) -> Period | None:
    """The period nearest the value in its clause (no ; or sentence break between them)."""
    best: tuple[int, Period] | None = None
    for period in periods:
        if period.start_char < span.end and span.start < period.end_char:
            continue
        after = period.start_char >= span.end
        lo, hi = (span.end, period.start_char) if after else (period.end_char, span.start)
        gap = text[lo:hi]
        if ";" in gap or len(gap) > 40:
            continue
        # "48% in 2019": a period printed just after the value, by a preposition, is its own.
        distance = hi - lo - (10 if after and _PERIOD_LINK.fullmatch(gap) else 0)
        if best is None or distance < best[0]:
            best = (distance, period)
    return best[1] if best else None


_PERIOD_LINK = re.compile(r"\s*(?:in|at|for|during|by|of|as at|as of|on)\s+(?:the\s+)?", re.I)


def _with_roles(text: str, spans: list[Span]) -> list[Span]:
    periods = find_periods(text)
    return [
        Span(s.kind, s.start, s.end, s.text, _role(text, s), _attached_period(s, periods, text))
        for s in spans
    ]


def money_spans(text: str) -> list[Span]:
    # "£000" and "£m" name a column's unit, not an amount.
    return [s for s in _found(_MONEY, MONEY, text) if not re.fullmatch(r"£\s?0+", s.text)]


def percent_spans(text: str) -> list[Span]:
    return _found(_PERCENT, PERCENT, text)


def date_spans(text: str) -> list[Span]:
    spans = [
        Span(DATE, p.start_char, p.end_char, text[p.start_char : p.end_char])
        for p in find_periods(text)
        if p.kind != "fy"
    ]
    for span in _found(_RELATIVE_DATE, DATE, text):
        if not _overlaps(span, spans):
            spans.append(span)
    return sorted(spans, key=lambda s: s.start)


def financial_year_spans(text: str) -> list[Span]:
    spans = [
        Span(FINANCIAL_YEAR, p.start_char, p.end_char, text[p.start_char : p.end_char])
        for p in find_periods(text)
        if p.kind == "fy"
    ]
    spans += [s for s in _found(_FY_PHRASE, FINANCIAL_YEAR, text) if not _overlaps(s, spans)]
    return sorted(spans, key=lambda s: s.start)


def time_spans(text: str) -> list[Span]:
    single = _found(_TIME, TIME, text)
    out: list[Span] = []
    used: set[int] = set()
    for i, first in enumerate(single):
        if i in used:
            continue
        if i + 1 < len(single):
            second = single[i + 1]
            between = text[first.end : second.start]
            if re.fullmatch(r"\s*(?:-|–|to|and|until|till)\s*", between, re.I):
                start = first.start
                lead = re.search(r"between\s+$", text[max(0, start - 8) : start], re.I)
                if lead:
                    start -= len(lead.group(0))
                out.append(Span(TIME, start, second.end, text[start : second.end]))
                used.add(i + 1)
                continue
        out.append(first)
    return out


def duration_spans(text: str) -> list[Span]:
    return _found(_DURATION, DURATION, text)


def vote_spans(text: str) -> list[Span]:
    return _found(_VOTE, VOTE, text)


def rate_spans(text: str) -> list[Span]:
    taken = money_spans(text) + percent_spans(text)
    spans = [s for s in _found(_RATE, RATE, text) if not _overlaps(s, taken)]
    dates = date_spans(text)
    return [s for s in spans if not _overlaps(s, dates) or not s.text[:1].isdigit()]


def count_spans(text: str) -> list[Span]:
    """Counts: numbers and number words that are not money, percentages, dates, times or
    labels ("item 9"); "none"/"no X" when the sentence says nobody or nothing."""
    taken = money_spans(text) + percent_spans(text) + date_spans(text) + time_spans(text)
    # "over five years": a number of years, weeks or days is a duration (a "how many weeks"
    # question is typed as one), never the count of things a "how many" asks for.
    taken += financial_year_spans(text) + duration_spans(text)
    found: list[Span] = []
    for span in _found(_NUMBER, COUNT, text) + _found(_WORD_COUNT, COUNT, text):
        if _overlaps(span, taken) or _overlaps(span, found):
            continue
        if _LABEL_BEFORE.search(text[max(0, span.start - 20) : span.start]):
            continue
        if span.start == 0 and re.match(r"\d+(?:\.\d+)+\s", text):  # a paragraph number "4.5.1 "
            continue
        if span.start == 0 and re.match(r"\d{1,3}(?:\.\d+)?\s+[A-Z]", text) and not _TALLY_ALONE.match(text):
            continue  # "5.2 Ms Corlett asked ...", "4 Minutes": the paragraph's or item's number
        found.append(span)
    for span in _found(_NONE, COUNT, text):
        if not _overlaps(span, found):
            found.append(span)
    return sorted(found, key=lambda s: s.start)


_READERS = {
    MONEY: money_spans,
    PERCENT: percent_spans,
    COUNT: count_spans,
    RATE: rate_spans,
    DATE: date_spans,
    TIME: time_spans,
    DURATION: duration_spans,
    FINANCIAL_YEAR: financial_year_spans,
    VOTE: vote_spans,
}
# What else may answer a type when the sentence has none of the asked kind, in order (the
# first kind the sentence has wins; kinds grouped in one tuple compete as one): a count
# question answered by a rate ("quarterly"), a rate or score question by a percentage ("a
# response rate of 23%") or a bare number (a score of 3), a date question by a financial year.
FALLBACK: dict[str, tuple[tuple[str, ...], ...]] = {
    COUNT: ((RATE,),),
    RATE: ((PERCENT, COUNT),),
    PERCENT: (),
    DATE: ((FINANCIAL_YEAR,), (TIME,)),
    FINANCIAL_YEAR: ((DATE,),),
    TIME: (),
    DURATION: ((DATE,),),
    MONEY: (),
    VOTE: (),
}


def fallback_spans(kind: str, text: str) -> list[Span]:
    """Spans of the first group of `FALLBACK[kind]` the text has, the group's kinds merged
    (where two overlap, the one listed first keeps its place)."""
    for group in FALLBACK.get(kind, ()):
        found: list[Span] = []
        for other in group:
            found += [s for s in typed_spans(other, text) if not _overlaps(s, found)]
        if found:
            return sorted(found, key=lambda s: s.start)
    return []


def typed_spans(kind: str, text: str) -> list[Span]:
    """Spans of `kind` in `text` with their roles and periods (see the module docstring)."""
    reader = _READERS.get(kind)
    if reader is None:
        return []
    return reader(text) if kind in (DATE, FINANCIAL_YEAR, TIME) else _with_roles(text, reader(text))


_RANGE = re.compile(r"\b(?:to|and|until|till)\b|\d\s*[-–—]\s*\d")


def is_range(text: str) -> bool:
    """Whether a time span gives a range ("8.00 pm to 8.15 pm", "10-12"), not one time
    ("8.00 pm")."""
    return bool(_RANGE.search(text))


def has_type(kind: str, text: str) -> bool:
    reader = _READERS.get(kind)
    return bool(reader and reader(text))
