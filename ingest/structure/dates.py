"""Dates and times as council papers print them, in English and Welsh.

`find_dates(text)` returns every date in a line with where it sits; `parse_time(text)` the
first clock time. Which of a paper's dates is its meeting's is decided elsewhere
(`ingest.structure.meeting`), by the role the date plays in the paper.

Forms read: "Tuesday 17 June 2014", "Tuesday, 4 June 2024", "13th March 2014", "14 th March
2017", "05 MARCH 2026", "June 17, 2014", "17/06/2014", "17.06.14" (day first, as the UK writes
it), and Welsh "Dydd Mercher 9 Ionawr 2019". A printed weekday that contradicts the date
offers a reading with the day number kept and the month moved to the nearest one where they
agree, within `MAX_MONTH_SLIP` months (WECA printed "Friday 05 March 2026" for its Friday 5 June
2026 meeting); the meeting-date reader (`ingest.structure.meeting.find_date`) takes that
reading only when the paper prints the corrected day again, and otherwise keeps the date as
printed, with a note either way.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from minutebook.text import MONTHS

# Welsh month names (Welsh community and town councils publish bilingual minutes).
WELSH_MONTHS = {
    "ionawr": 1, "chwefror": 2, "mawrth": 3, "ebrill": 4, "mai": 5, "mehefin": 6,
    "gorffennaf": 7, "awst": 8, "medi": 9, "hydref": 10, "tachwedd": 11, "rhagfyr": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {name.lower(): n for n, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): n for n, name in enumerate(calendar.day_abbr)})
WELSH_WEEKDAYS = {"llun": 0, "mawrth": 1, "mercher": 2, "iau": 3, "gwener": 4, "sadwrn": 5, "sul": 6}

_MONTH = "|".join(sorted([*MONTHS, *WELSH_MONTHS], key=len, reverse=True))
_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_WELSH_WEEKDAY = "|".join(WELSH_WEEKDAYS)
_DAY_NAME = rf"(?:(?P<weekday>{_WEEKDAY})|dydd\s+(?P<welsh_weekday>{_WELSH_WEEKDAY}))\.?,?\s+(?:the\s+)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# English ordinals, and Welsh ones ("1af", "2il", "3ydd", "5ed", "9fed", "11eg", "12fed").
_ORDINAL = r"(?:st|nd|rd|th|af|ail|il|ydd|ed|fed|eg|ain)"

# "Tuesday, 17th June, 2014", "17 June 2014", "9 Ionawr 2019".
_DAY_MONTH_YEAR = re.compile(
    rf"\b(?:{_DAY_NAME})?(?P<day>[0-3]?\d)\s*{_ORDINAL}?\s+(?:of\s+)?(?P<month>{_MONTH})\.?,?\s+{_YEAR}\b",
    re.IGNORECASE,
)
# "Tuesday, June 17, 2014" (rare in UK papers, but councils' web templates print it).
_MONTH_DAY_YEAR = re.compile(
    rf"\b(?:{_DAY_NAME})?(?P<month>{_MONTH})\.?\s+(?P<day>[0-3]?\d){_ORDINAL}?,?\s+{_YEAR}\b",
    re.IGNORECASE,
)
# "17/06/2014", "17/06/14", "17-06-2014", "17.06.2014": day first, as the UK writes it. A dotted
# date needs its four-digit year: "16.07.24" may be a minute number (year.month.item).
_NUMERIC = re.compile(
    rf"(?<![\d/.\-])(?:{_DAY_NAME})?(?P<day>[0-3]?\d)(?:(?P<sep>[/\-])(?P<month_number>[01]?\d)(?P=sep)"
    r"(?P<numeric_year>(?:19|20)\d\d|\d\d)|\.(?P<dot_month>[01]?\d)\.(?P<dot_year>(?:19|20)\d\d))"
    r"(?![\d/.\-]\d)",
    re.IGNORECASE,
)
_PATTERNS = (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _NUMERIC)
# "on Wednesday 17th July at 7.00pm": a summons may leave out the year; its weekday fixes it.
_WEEKDAY_DAY_MONTH = re.compile(
    rf"\b{_DAY_NAME}(?P<day>[0-3]?\d)\s*{_ORDINAL}?\s+(?:of\s+)?(?P<month>{_MONTH})\b(?!\.?,?\s+(?:19|20)\d\d)",
    re.IGNORECASE,
)

TIME_PATTERN = re.compile(
    r"(?<![\d.:])(?P<h>[01]?\d|2[0-3])(?:[.:](?P<m>[0-5]\d))?\s*(?P<ampm>[ap])\.?\s?m\b\.?"
    r"|(?<![\d.:])(?P<h24>[01]?\d|2[0-3])[:.](?P<m24>[0-5]\d)\s*(?:hrs|hours|h)\b"
    r"|\b(?P<noon>noon|midday)\b",
    re.IGNORECASE,
)


# How many months from the printed one a weekday may move a date (see `_parse`).
MAX_MONTH_SLIP = 3


@dataclass(frozen=True)
class DateMatch:
    """A date printed in a line: its ISO value, where it sits, and a correction note."""

    iso: str
    start: int
    end: int
    text: str
    weekday: bool
    note: str | None = None
    # The date as printed, when its weekday corrected it (`iso` is then the corrected one).
    printed: str | None = None


def find_dates(text: str) -> list[DateMatch]:
    """Every date printed in `text`, left to right, overlapping readings dropped."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            parsed = _parse(match)
            if parsed is not None:
                found.append(parsed)
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda d: d.start)


def find_yearless_dates(text: str, years: set[int]) -> list[DateMatch]:
    """Dates printed with a weekday but no year ("Wednesday 17th July"), each read in the one
    year of `years` (the years the paper's other dates name, and the next) whose calendar puts
    that day on that weekday; none when no year or several fit."""
    found = []
    for match in _WEEKDAY_DAY_MONTH.finditer(text):
        groups = match.groupdict()
        name = groups["month"].lower().rstrip(".")
        month = MONTHS.get(name) or WELSH_MONTHS.get(name, 0)
        weekday = _weekday_number(groups)
        fits = set()
        for year in years | {y + 1 for y in years}:
            try:
                date = dt.date(year, month, int(groups["day"]))
            except ValueError:
                continue
            if date.weekday() == weekday:
                fits.add(date)
        if len(fits) == 1:
            date = fits.pop()
            note = f"printed date '{match.group(0).strip()}' has no year; read as {date} by its weekday"
            found.append(DateMatch(date.isoformat(), match.start(), match.end(), match.group(0), True, note))
    return found


def _parse(match: re.Match[str]) -> DateMatch | None:
    groups = match.groupdict()
    if groups.get("month_number") or groups.get("dot_month"):
        month = int(groups["month_number"] or groups["dot_month"])
        year = int(groups["numeric_year"] or groups["dot_year"])
        if year < 100:
            year += 2000 if year < 70 else 1900
    else:
        name = groups["month"].lower().rstrip(".")
        month = MONTHS.get(name) or WELSH_MONTHS.get(name, 0)
        year = int(groups["year"])
    day = int(groups["day"])
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    weekday = _weekday_number(groups)
    note = printed = None
    if weekday is not None and date.weekday() != weekday:
        fixed = _nearest_month_with_weekday(year, month, day, weekday)
        # A month slip lands near the printed month (March for June); a weekday that only fits
        # a far month ("TUESDAY 29 JANUARY 2020", a Wednesday) is the slip itself.
        if fixed is not None and abs(fixed.month - month) <= MAX_MONTH_SLIP:
            note = f"printed date '{match.group(0).strip()}' has the wrong weekday; read as {fixed}"
            printed, date = date.isoformat(), fixed
    return DateMatch(
        date.isoformat(), match.start(), match.end(), match.group(0), weekday is not None, note, printed
    )


def _weekday_number(groups: dict[str, str | None]) -> int | None:
    if groups.get("weekday"):
        return WEEKDAYS[groups["weekday"].lower()]  # type: ignore[union-attr]
    if groups.get("welsh_weekday"):
        return WELSH_WEEKDAYS[groups["welsh_weekday"].lower()]  # type: ignore[union-attr]
    return None


def _nearest_month_with_weekday(year: int, month: int, day: int, weekday: int) -> dt.date | None:
    candidates = []
    for other in range(1, 13):
        try:
            candidate = dt.date(year, other, day)
        except ValueError:
            continue
        if candidate.weekday() == weekday:
            candidates.append(candidate)
    return min(candidates, key=lambda c: abs(c.month - month)) if candidates else None


def parse_time(text: str) -> str | None:
    """The first clock time in `text` as 24-hour "HH:MM" ("2.00pm" -> "14:00")."""
    for match in TIME_PATTERN.finditer(text):
        if match["noon"]:
            return "12:00"
        if match["h24"] is not None:
            return f"{int(match['h24']):02d}:{match['m24']}"
        hour, minute = int(match["h"]) % 12, int(match["m"] or 0)
        if match["ampm"].lower() == "p":
            hour += 12
        if hour < 24:
            return f"{hour:02d}:{minute:02d}"
    return None


# A date written into a file name by a person or a download tool: "minutes_20221031",
# "2023-12-04_general_meeting", "agenda 2019.06.24" (year first, as sortable names are). It
# starts a word, so a content hash ("…ab20231105…") is not read as one.
_NAME_DATE = re.compile(
    r"(?<![0-9A-Za-z])(?P<year>(?:19|20)\d\d)(?P<sep>[-_.]?)(?P<month>0[1-9]|1[0-2])(?P=sep)"
    r"(?P<day>0[1-9]|[12]\d|3[01])(?!\d)"
)


def date_from_file_name(name: str) -> str | None:
    """The one date a file name states (ISO), or None if it states none or several.

    Year-first dates ("20221031", "2023-12-04") and dates in words ("12th-Sep-2024", as
    ModernGov names its packs) are read; separators may be "-", "_" or ".". A name with two
    different dates says nothing certain, so it gives None.
    """
    found: set[str] = set()
    for match in _NAME_DATE.finditer(name):
        try:
            found.add(dt.date(int(match["year"]), int(match["month"]), int(match["day"])).isoformat())
        except ValueError:
            continue
    spaced = re.sub(r"[-_]+", " ", name)
    found.update(date.iso for date in find_dates(spaced) if date.note is None)
    return found.pop() if len(found) == 1 else None
