"""Question analysis for `minutebook ask`: what kind of answer is wanted, which words carry
the content, and which meeting, period or committee the question points at.

Invariants:

* Pure and cheap: no store, no model; the same question always gives the same analysis.
* `terms` are stems from the search analyzer (`search.engine.schema.ANALYZER`), so they compare
  equal to the stems of the papers' text (STYLE.md habit 4).
* Dates, periods and committees named in the question are *preferences* (boosts), never
  hard filters: "in January 2017" may name the month a figure describes, not the meeting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from search.engine.schema import ANALYZER

# Answer types, in the order the rules below are tried.
COUNT = "count"
MONEY = "money"
PERCENT = "percent"
DATE = "date"
PERSON = "person"
PLACE = "place"
DECISION = "decision"
REASON = "reason"
FACT = "fact"
ANSWER_TYPES = (COUNT, MONEY, PERCENT, DATE, PERSON, PLACE, DECISION, REASON, FACT)

# (pattern over the lower-cased question, answer type): the first match wins. "How much"
# asks for money unless it asks "by how much ... increase", which the papers answer with a
# percentage or a number ("an 86% increase in the number of child minders", March 2014).
_TYPE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\b(what|which) (percentage|proportion|per ?cent|%)|\bwhat % |\bhow many per ?cent|"
            r"\bwhat (was|is|were|are) the (percentage|proportion)\b"
        ),
        PERCENT,
    ),
    (re.compile(r"\bby how much\b.*\b(increas|reduc|decreas|fall|fell|rise|rose|grow|drop)"), PERCENT),
    (re.compile(r"\bhow many\b|\bwhat (was|is) the number of\b|\bwhat number\b|\bhow often\b"), COUNT),
    (
        re.compile(
            r"\bhow much\b|\bwhat (was|is|were|are) the (cost|budget|overspend|underspend|"
            r"allocation|saving|savings|spend|funding|grant|variance|balance)"
        ),
        MONEY,
    ),
    (re.compile(r"\bwhat (was|is) the (rate|figure|average|level|total|value)\b"), COUNT),
    (re.compile(r"^(when|until when|by when|since when)\b|\bwhat date\b|\bwhich (month|year|date)\b"), DATE),
    (re.compile(r"\b(decide|decided|decision|resolve|resolved|resolution|agree|agreed)\b"), DECISION),
    (re.compile(r"^(who|whom|whose)\b|\bwhich (member|councillor|officer|person)\b"), PERSON),
    (re.compile(r"^where\b"), PLACE),
    (re.compile(r"^why\b|\bwhat (was|is) the reason\b"), REASON),
)

# Words that shape a question but are not its content; committee words are read as body
# hints instead (they appear in nearly every paper and say nothing about the topic).
_QUESTION_WORDS = {
    "how",
    "mani",
    "much",
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "why",
    "when",
    "did",
    "doe",
    "do",
    "was",
    "were",
    "is",
    "are",
    "has",
    "had",
    "been",
    "there",
    "their",
    "they",
    "it",
    "its",
    "about",
    "decid",
    "decis",
    "resolv",
    "resolut",
    "agre",
    "committe",
    "panel",
    "council",
    "meet",
    "meetingth",
    "paper",
    "report",
    "said",
    "say",
    "tell",
    "me",
    "ani",
    "would",
    "should",
    "could",
    "number",
    "percentag",
    "proport",
    "per",
    "cent",
    "amount",
    "total",
    "figur",
    "happen",
    "s",
    "held",
    "take",
}

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
_MONTH_ABBR = {name[:3]: number for name, number in _MONTHS.items()}
_MONTH_ABBR["sept"] = 9
# "June 2014", "13 March 2014", "Jan 17", "Dec 16" (the 2017 report's dashboard columns).
_MONTH_YEAR = re.compile(
    r"\b(?:(\d{1,2})(?:st|nd|rd|th)? )?(january|february|march|april|may|june|july|august|september|"
    r"october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?,? ('?\d{2}|\d{4})\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")
_FINANCIAL_YEAR = re.compile(r"\b(20\d\d)[/-](\d\d)\b")
_QUOTED = re.compile(r"[\"“”']([^\"“”']{3,80})[\"“”']")
# Titled names as the papers print them: "Mrs J Chamberlin", "Mr Northam", "Cllr Leggett".
PERSON_NAME = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Sir|Dame|Prof)\.? (?:[A-Z]\.? ?){0,3}[A-Z][A-Za-z'’-]+"
    r"(?: [A-Z][a-z'’-]+)?"
)


@dataclass(frozen=True)
class Period:
    """A month and/or year named in the question; `label` is how the question wrote it."""

    year: int | None
    month: int | None
    label: str


@dataclass
class QuestionAnalysis:
    """What `analyse_question` reads from a question. `terms` keeps question order."""

    question: str
    answer_type: str
    terms: list[str]
    periods: list[Period] = field(default_factory=list)
    body_hint: str | None = None
    persons: list[str] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)
    plural: bool = False

    @property
    def years(self) -> set[int]:
        return {p.year for p in self.periods if p.year}


def stems(text: str) -> list[str]:
    """Stems of `text` with the search analyzer (stop words dropped)."""
    return [token.text for token in ANALYZER(text)]


def classify_answer_type(question: str) -> str:
    lowered = " ".join(question.lower().split())
    for pattern, answer_type in _TYPE_RULES:
        if pattern.search(lowered):
            return answer_type
    return FACT


def _year(text: str) -> int:
    digits = text.lstrip("'")
    value = int(digits)
    return value if len(digits) == 4 else 2000 + value


def find_periods(question: str) -> list[Period]:
    periods: list[Period] = []
    covered: list[tuple[int, int]] = []
    for match in _MONTH_YEAR.finditer(question):
        month_word = match.group(2).lower()
        month = _MONTHS.get(month_word) or _MONTH_ABBR.get(
            month_word[:4] if month_word == "sept" else month_word[:3]
        )
        periods.append(Period(_year(match.group(3)), month, match.group(0)))
        covered.append(match.span())
    for match in _YEAR.finditer(question):
        if any(start <= match.start() < end for start, end in covered):
            continue
        periods.append(Period(int(match.group(1)), None, match.group(0)))
    return periods


def _body_hint(lowered: str) -> str | None:
    # Norfolk's children's papers come from a "Committee" and an "Overview and Scrutiny
    # Panel"; the word the question uses says which one it means.
    if re.search(r"\b(panel|scrutiny|o&s)\b", lowered):
        return "panel"
    if re.search(r"\bcommittee\b", lowered) and "management committee" not in lowered:
        return "committee"
    return None


def analyse_question(question: str) -> QuestionAnalysis:
    """Read a plain-English question into an answer type, content stems and preferences."""
    text = " ".join(question.split())
    lowered = text.lower()
    answer_type = classify_answer_type(text)
    persons = [m.group(0) for m in PERSON_NAME.finditer(text)]
    terms: list[str] = []
    for stem in stems(text):
        # A "word" with no letter or digit ("*", "?") carries no content: `ask "*"` must
        # abstain, not match the asterisks in a paper (issue 13).
        if stem in _QUESTION_WORDS or stem in terms or not any(ch.isalnum() for ch in stem):
            continue
        terms.append(stem)
    plural = bool(re.search(r"\b(who were|which members|members|apologies|present|attended)\b", lowered))
    return QuestionAnalysis(
        question=text,
        answer_type=answer_type,
        terms=terms,
        periods=find_periods(text),
        body_hint=_body_hint(lowered),
        persons=persons,
        phrases=[m.group(1) for m in _QUOTED.finditer(text)],
        plural=plural,
    )
