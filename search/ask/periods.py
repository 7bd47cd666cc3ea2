"""Periods named in text: days, months, years, financial years, seasons and terms, as intervals
of days, so a question's period and a paper's can be compared whatever their wording.

"September 2016", "Sep 16", "Sept '16" and "30/09/2016" are the same month; "2013/14" and
"2013-14" are the financial year April 2013 to March 2014, which overlaps "December 2013" and
"2014" but not "2014/15" (a UK council's year starts in April: every paper here budgets so).

Invariants: pure (no store, no model); every `Period` has `start <= end`; `label` is the text
as printed and `start_char`/`end_char` locate it in the text it was read from.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from minutebook.text import MONTHS

_ABBREVIATIONS = {name[:3]: number for name, number in MONTHS.items()}
MONTH_WORDS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
)
_WEEKDAY = r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d|'\d\d|\d\d)"
# The first matching pattern claims its characters; later ones only read what is left.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "2013/14", "2013-14", "2013/2014", "2025-26 financial year" (not "2013-2014 to ...").
    ("fy", re.compile(r"\b(?P<first>(?:19|20)\d\d)\s?[/-]\s?(?P<second>(?:19|20)?\d\d)\b(?![/-]\d)")),
    # "31/12/13", "30/09/2016", "2024-09-12".
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")),
    ("dmy", re.compile(r"\b(?P<day>\d{1,2})([/.-])(?P<month>\d{1,2})\2(?P<year>(?:19|20)?\d\d)\b")),
    # "Tuesday 6 May 2025", "13th March 2014", "1 April", "28 January 2025", "the 9th of
    # January 2018".
    (
        "day",
        re.compile(
            r"\b"
            + _WEEKDAY
            + _DAY
            + r"(?:\s+of)?\s+(?P<month>"
            + MONTH_WORDS
            + r")\.?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b",
            re.I,
        ),
    ),
    # "March 6, 2025" (rare in UK papers, but questions are typed by anyone), "January the
    # 9th 2018".
    (
        "mdy",
        re.compile(
            r"\b(?P<month>" + MONTH_WORDS + r")\.?\s+(?:the\s+)?" + _DAY + r",?\s+(?P<year>(?:19|20)\d\d)\b",
            re.I,
        ),
    ),
    # "September 2016", "Sep 16", "Jan 17", "Sept '16", "March17".
    ("month", re.compile(r"\b(?P<month>" + MONTH_WORDS + r")\.?,?\s?" + _YEAR + r"\b", re.I)),
    # "spring 2015", "the autumn term 2013", "Summer 2024".
    (
        "season",
        re.compile(
            r"\b(?P<season>spring|summer|autumn|winter)(?:\s+term)?\s+(?P<year>(?:19|20)\d\d)\b", re.I
        ),
    ),
    # "Q3 2016/17", "quarter 2 2024".
    ("quarter", re.compile(r"\b(?:q|quarter\s)(?P<quarter>[1-4])\s+(?P<year>(?:19|20)\d\d)\b", re.I)),
    ("year", re.compile(r"(?<![\d/£.-])\b(?P<year>(?:19|20)\d\d)\b(?![/.-]?\d)")),
    # A month alone ("In March there were 12 referrals"): any year.
    ("month_only", re.compile(r"\b(?P<month>" + MONTH_WORDS + r")\b(?!-)", re.I)),
)
# Seasons as months (northern hemisphere, as councils use them): start and end month.
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}
# Words that make "may" and "march" verbs, not months ("the Council may", "march on").
_MONTH_VERB_BEFORE = re.compile(
    r"(?:\b(?:which|who|it|they|we|you|council|committee|that|this|and|or)\s+)$", re.I
)


@dataclass(frozen=True)
class Period:
    """An interval of days named in text. `kind` is how it was written (fy, day, month, year,
    season, quarter, month_only); month-only periods have no year (`start.year == 1`)."""

    kind: str
    start: date
    end: date
    label: str
    start_char: int = 0
    end_char: int = 0

    @property
    def yearless(self) -> bool:
        return self.kind == "month_only"

    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share a day; a month without a year shares its month with
        any period that covers that month."""
        if self.yearless or other.yearless:
            month = self.start.month if self.yearless else other.start.month
            dated = other if self.yearless else self
            if dated.yearless:
                return dated.start.month == month
            return any(m == month for m in _months_of(dated))
        return self.start <= other.end and other.start <= self.end

    def contains_date(self, iso: str | None) -> bool:
        """Whether an ISO date ("2014-06-17") falls in this period."""
        day = parse_iso(iso)
        if day is None:
            return False
        if self.yearless:
            return day.month == self.start.month
        return self.start <= day <= self.end


def _months_of(period: Period) -> list[int]:
    months: list[int] = []
    year, month = period.start.year, period.start.month
    while (year, month) <= (period.end.year, period.end.month) and len(months) < 13:
        months.append(month)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


# How far from a paper's date a month printed without its year may be and still be read as
# that month's nearest occurrence (the middle of the month counted).
_ANCHOR_DAYS = 150


def anchored(period: Period, day: date | None) -> Period:
    """A month printed without its year, read in a paper dated `day`: the occurrence of that
    month nearest the day ("Amount spent to end of August" in September 2023 minutes is August
    2023; "In January there were 4 children" in a March 2017 report is January 2017). A paper
    speaks of the months around it; every other period, or no date, is returned as it is."""
    if not period.yearless or day is None:
        return period
    month = period.start.month
    starts = [date(year, month, 1) for year in (day.year - 1, day.year, day.year + 1)]
    start = min(starts, key=lambda s: abs((s - day).days + 14))
    if abs((start - day).days + 14) > _ANCHOR_DAYS:
        return period  # half a year either way: the paper may mean the last or the next
    return Period(
        "month", start, _month_end(start.year, month), period.label, period.start_char, period.end_char
    )


def parse_iso(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date(int(value[:4]), int(value[5:7]), int(value[8:10]))
    except ValueError:
        return None


def _month_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    return MONTHS.get(word) or _ABBREVIATIONS.get(word[:4] if word.startswith("sept") else word[:3])


def _full_year(text: str) -> int:
    digits = text.lstrip("'")
    value = int(digits)
    return value if len(digits) == 4 else 2000 + value if value < 70 else 1900 + value


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _period(kind: str, m: re.Match[str]) -> Period | None:
    label, s, e = m.group(0), m.start(), m.end()
    try:
        if kind == "fy":
            first = int(m.group("first"))
            second_text = m.group("second")
            second = int(second_text) if len(second_text) == 4 else (first // 100) * 100 + int(second_text)
            if second != first + 1:
                return None  # "2013-2016" is a span of years, "2014/13" nothing
            return Period("fy", date(first, 4, 1), date(second, 3, 31), label, s, e)
        if kind in ("iso", "dmy"):
            year = _full_year(m.group("year"))
            day = date(year, int(m.group("month")), int(m.group("day")))
            return Period("day", day, day, label, s, e)
        if kind in ("day", "mdy"):
            month = _month_number(m.group("month"))
            if month is None:
                return None
            if not m.group("year"):
                # "1 April": a day in any year; kept as the month, yearless.
                return Period("month_only", date(1, month, 1), date(1, month, 28), label, s, e)
            day = date(int(m.group("year")), month, int(m.group("day")))
            return Period("day", day, day, label, s, e)
        if kind == "month":
            month = _month_number(m.group("month"))
            if month is None:
                return None
            year = _full_year(m.group("year"))
            return Period("month", date(year, month, 1), _month_end(year, month), label, s, e)
        if kind == "season":
            first, last = _SEASONS[m.group("season").lower()]
            year = int(m.group("year"))
            end_year = year + 1 if last < first else year
            return Period("season", date(year, first, 1), _month_end(end_year, last), label, s, e)
        if kind == "quarter":
            year, quarter = int(m.group("year")), int(m.group("quarter"))
            # Council quarters count from April: Q1 is April to June.
            first = 4 + 3 * (quarter - 1)
            start_year = year + (first - 1) // 12
            first = (first - 1) % 12 + 1
            start = date(start_year, first, 1)
            end_month = first + 2
            return Period("quarter", start, _month_end(start_year, end_month), label, s, e)
        if kind == "year":
            year = int(m.group("year"))
            return Period("year", date(year, 1, 1), date(year, 12, 31), label, s, e)
        if kind == "month_only":
            month = _month_number(m.group("month"))
            if month is None:
                return None
            return Period("month_only", date(1, month, 1), date(1, month, 28), label, s, e)
    except ValueError:
        return None
    return None


def find_periods(text: str) -> list[Period]:
    """Every period named in `text`, in reading order; longer forms win over the shorter
    forms inside them ("13 March 2014" is one day, not also a month and a year)."""
    return list(_find_periods(text))


@lru_cache(maxsize=1 << 14)
def _find_periods(text: str) -> tuple[Period, ...]:
    found: list[Period] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            if kind == "month_only" and not _is_month(text, m):
                continue
            if kind == "month" and m.group("month") in ("may", "march") and len(m.group("year")) < 4:
                continue  # "may 16 members" is not May 2016
            period = _period(kind, m)
            if period is not None:
                found.append(period)
                taken.append((m.start(), m.end()))
    return tuple(sorted(found, key=lambda p: p.start_char))


def _is_month(text: str, m: re.Match[str]) -> bool:
    word = m.group("month")
    if word.lower() in ("may", "march", "sep", "dec", "jan", "mar", "jun", "jul", "aug", "oct", "nov"):
        # Abbreviations and the verbs "may"/"march" count as months only when capitalised
        # and not after a subject ("the Council may decide").
        if not word[0].isupper() or _MONTH_VERB_BEFORE.search(text[max(0, m.start() - 20) : m.start()]):
            return False
        if word.lower() == "may" and not re.match(r"\s*(?:\d|$|[,.;)])", text[m.end() : m.end() + 3]):
            return False
    return True


def any_overlap(wanted: list[Period], found: list[Period]) -> bool:
    return any(w.overlaps(f) for w in wanted for f in found)
