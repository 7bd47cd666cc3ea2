"""Resolve the due date of a commitment against the date of the meeting that made it.

`resolve_due(text, meeting_date)` reads the first time phrase in `text` and returns a `Due`:
the ISO date it means (the *last* day it allows: "in Autumn 2014" is due by 30 November 2014)
and the words it came from. Invariants:

* `due` is None when the text gives no date, or only a relative one that needs the store
  ("at the next meeting": `next_meeting` is True and the tracker fills the date in).
* A month or season without a year means its next occurrence on or after the meeting.
* `due_text` is verbatim from `text`, so a user can see why the date was chosen.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from minutebook.text import MONTHS

NUMBER_WORDS = {
    "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18,
}  # fmt: skip
# The last month of each season, and the month an "early" season ends (Met Office seasons).
SEASON_END = {"spring": 5, "summer": 8, "autumn": 11, "fall": 11, "winter": 2}
SEASON_EARLY_END = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_NUMBER = r"\d{1,2}|" + "|".join(NUMBER_WORDS)


@dataclass(frozen=True)
class Due:
    """A resolved due date: `due` ISO or None, `due_text` the words it came from."""

    due: str | None
    due_text: str | None
    next_meeting: bool = False


def add_months(start: date, months: int) -> date:
    """`start` moved by whole months, clamped to the month's last day (31 Jan + 1 = 28 Feb)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _next_year_for(month: int, meeting: date, explicit: str | None) -> int:
    if explicit:
        return int(explicit)
    return meeting.year if month >= meeting.month else meeting.year + 1


def _relative(m: re.Match[str], meeting: date) -> date:
    count_text = m.group("count").lower()
    count = int(count_text) if count_text.isdigit() else NUMBER_WORDS[count_text]
    unit = m.group("unit").lower()
    if unit.startswith("week"):
        return date.fromordinal(meeting.toordinal() + 7 * count)
    if unit.startswith("year"):
        return add_months(meeting, 12 * count)
    return add_months(meeting, count)


def _season(m: re.Match[str], meeting: date) -> date:
    season = m.group("season").lower()
    early = (m.group("part") or "").lower() == "early"
    end_month = (SEASON_EARLY_END if early else SEASON_END)[season]
    if m.group("year"):
        year = int(m.group("year"))
        # "winter 2014" is the winter that starts in December 2014.
        return _month_end(year + 1 if end_month <= 2 else year, end_month)
    year = meeting.year
    candidate = _month_end(year, end_month)
    return candidate if candidate >= meeting else _month_end(year + 1, end_month)


def _month(m: re.Match[str], meeting: date) -> date:
    month = MONTHS[m.group("month").lower()]
    year = _next_year_for(month, meeting, m.group("year"))
    part = (m.group("part") or "").lower()
    if part == "early":
        return date(year, month, 15)
    return _month_end(year, month)


# Registry of (pattern, resolver), tried in order; the first match in the text wins.
# Norfolk minutes taught each form: "within six months" and "in Autumn 2014" (17 June 2014),
# "in four months" and "in the autumn" (13 March 2014), "at the July 2014 Committee meeting"
# (17 June 2014), "May 2014 add:-" (13 March 2014 forward work programme).
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"\b(?:with)?in\s+(?:the\s+next\s+)?(?P<count>{_NUMBER})\s+(?P<unit>weeks?|months?|years?)\b", re.I), "relative"),  # noqa: E501
    (re.compile(r"\b(?:at|by|to|for)?\s*(?:the|their|its)\s+next\s+(?:\w+\s+){0,2}(?:meeting|cycle)\b", re.I), "next"),  # noqa: E501
    (re.compile(rf"\b(?:(?P<part>early|mid|late|end of)\s+)?(?P<month>{_MONTH_NAMES})\.?\s*(?P<year>(?:19|20)\d\d)?\b(?!\s*\d)", re.I), "month"),  # noqa: E501
    (re.compile(r"\b(?:(?P<part>early|mid|late)\s+)?(?:the\s+)?(?P<season>spring|summer|autumn|winter)(?:\s+term)?\s*(?P<year>(?:19|20)\d\d)?\b", re.I), "season"),  # noqa: E501
    (re.compile(r"\bquarterly\b", re.I), "quarterly"),
    (re.compile(r"\b(?:monthly|every month|on a monthly basis)\b", re.I), "monthly"),
]  # fmt: skip

# Words that look like month names but are not dates in minutes ("may be provided").
_NOT_A_MONTH = re.compile(r"^(?:may|march|sept?)$", re.I)


def resolve_due(text: str, meeting_date: str | None) -> Due:
    """The due date `text` states, resolved against `meeting_date` (ISO). See module doc."""
    if not text:
        return Due(None, None)
    meeting = date.fromisoformat(meeting_date) if meeting_date else None
    found: list[tuple[int, re.Match[str], str]] = []
    for pattern, kind in _PATTERNS:
        found.extend(
            (m.start(), m, kind) for m in pattern.finditer(text) if kind != "month" or _is_month_use(m)
        )
    for _, m, kind in sorted(found, key=lambda f: f[0]):
        due = _resolve(m, kind, meeting)
        # A date before the meeting is context ("the autumn term 2013 review"), not a deadline.
        if due.due is None or meeting is None or due.due >= meeting.isoformat():
            return due
    return Due(None, None)


def _resolve(m: re.Match[str], kind: str, meeting: date | None) -> Due:
    words = m.group(0).strip()
    if kind == "next":
        return Due(None, words, next_meeting=True)
    if meeting is None:
        return Due(None, words)
    if kind == "relative":
        when = _relative(m, meeting)
    elif kind == "season":
        when = _season(m, meeting)
    elif kind == "month":
        when = _month(m, meeting)
    elif kind == "quarterly":
        when = add_months(meeting, 3)
    else:
        when = add_months(meeting, 1)
    return Due(when.isoformat(), words)


def _is_month_use(m: re.Match[str]) -> bool:
    """ "May 2014" or "early May" is a month; a bare "may" ("it may be") is not."""
    word = m.group("month")
    if m.group("part"):
        return True
    before = m.string[max(0, m.start() - 10) : m.start()].lower()
    # "between March and June" describes a past period, not a deadline (Norfolk 13 March 2014).
    if re.search(r"\b(?:between|since|from|last|and|during)\s+$", before):
        return False
    if m.group("year"):
        return True
    if _NOT_A_MONTH.match(word):
        return word[0].isupper() and word.lower() != "may" or word == "May" and _preceded_by_date_word(m)
    return word[0].isupper()


def _preceded_by_date_word(m: re.Match[str]) -> bool:
    before = m.string[max(0, m.start() - 12) : m.start()].lower()
    return bool(re.search(r"\b(?:in|by|from|until|before|after|during)\s*$", before))
