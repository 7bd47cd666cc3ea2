"""Meeting metadata read from a paper's front matter: body, date, time, venue, title.

Never from the file name. Each field has its own small set of patterns, tried in order of
trust (a labelled "Date:" beats a date found in a heading, which beats any date at all).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ingest.structure.classify import front_lines

MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): n for n, name in enumerate(calendar.day_name)}

_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_PATTERN = re.compile(
    rf"\b(?:(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?"
    rf"(?P<day>\d{{1,2}})\s*(?:st|nd|rd|th)?\s+(?P<month>{_MONTH_WORDS})\.?,?\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
TIME_PATTERN = re.compile(
    r"\b(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s*(?P<ampm>[ap])\.?\s?m\b\.?", re.IGNORECASE
)
_DATE_LABEL = re.compile(
    r"^(date( of meeting)?\s*[:|]|minutes of the meeting held on|meeting on|.*\bheld on\b)",
    re.IGNORECASE,
)
# A body name ends in one of these words (Norfolk "…Overview and Scrutiny Panel",
# Bristol "…Policy Committee", WECA "…Combined Authority Committee").
_BODY_WORDS = r"(?:committee|sub-committee|panel|cabinet|council|board|authority|forum|executive)"
_BODY_LINE = re.compile(rf"^[A-Z][\w'’&,\- ]*\b{_BODY_WORDS}\b", re.IGNORECASE)
_BODY_PREFIXES = (
    re.compile(r"^minutes of (?:the )?(?:meeting of (?:the )?)?(?P<body>.+?)(?:\s+held\b.*)?$", re.I),
    re.compile(r"^decision determined at (?P<body>.+?)(?: meeting on\b.*)?$", re.I),
    re.compile(r"^(?:committee|report to|meeting)\s*:\s*(?P<body>.+)$", re.I),
    # Bristol's forward plan: "…KEY DECISIONS TO BE TAKEN / AT TRANSPORT & CONNECTIVITY…".
    re.compile(r"^.*?\b(?:to be )?taken(?: at)?\s*$|^.*?\btaken at (?P<body>.+)$", re.I),
)
_ABOUT_MINUTES = re.compile(r"\bminutes\b")
_LABEL_LINE = re.compile(r"^[A-Za-z][\w ()/]{0,40}:(\s|$)")
_WEAK_BODIES = re.compile(r"^(\w+ )*(city|county|borough|district) council$", re.IGNORECASE)
_SMALL_WORDS = {"of", "and", "the", "for", "to", "in", "on", "at", "&"}


@dataclass(frozen=True)
class MeetingInfo:
    body: str | None
    date: str | None
    time: str | None
    venue: str | None
    title: str | None
    date_note: str | None = None


def parse_date(match: re.Match[str]) -> tuple[str | None, str | None]:
    """ISO date from a DATE_PATTERN match, and a note when the printed date was corrected.

    When the printed weekday contradicts the date, we trust the weekday and day number and
    look for the month of that year where they agree: WECA's questions paper prints "Friday
    05 March 2026" for its 5 June 2026 meeting (5 March 2026 was a Thursday).
    """
    day, month, year = int(match["day"]), MONTHS[match["month"].lower()], int(match["year"])
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None, None
    weekday = match["weekday"]
    if weekday and date.weekday() != WEEKDAYS[weekday.lower()]:
        wanted = WEEKDAYS[weekday.lower()]
        candidates = []
        for m in range(1, 13):
            try:
                candidate = dt.date(year, m, day)
            except ValueError:
                continue
            if candidate.weekday() == wanted:
                candidates.append(candidate)
        if len(candidates) >= 1:
            fixed = min(candidates, key=lambda c: abs(c.month - month))
            note = f"printed date '{match.group(0).strip()}' has the wrong weekday; read as {fixed}"
            return fixed.isoformat(), note
    return date.isoformat(), None


def find_date(lines: list[str], kind: str) -> tuple[str | None, str | None]:
    """The meeting date: a labelled date first, then any date in the front matter.

    "Date Agenda Published: 9 June 2014" is not the meeting date, except for a forward plan,
    whose only date is when it was published. Outside minutes, a date on a line about minutes
    is an earlier meeting's: agenda packs list "To confirm the minutes of the meeting held on
    13 March 2014" and reprint those minutes, which keep their own date (Norfolk packs).
    """
    joined_pairs = [f"{a} {b}" for a, b in zip(lines, lines[1:] + [""], strict=True)]
    labelled: list[re.Match[str]] = []
    other: list[re.Match[str]] = []
    for line, with_next in zip(lines, joined_pairs, strict=True):
        lowered = line.lower()
        if "publish" in lowered and kind != "forward_plan":
            continue
        if kind != "minutes" and _ABOUT_MINUTES.search(lowered):
            continue
        target = labelled if _DATE_LABEL.search(line) else other
        match = DATE_PATTERN.search(line) or DATE_PATTERN.search(with_next)
        if match:
            target.append(match)
    for match in labelled + other:
        iso, note = parse_date(match)
        if iso:
            return iso, note
    return None, None


def find_time(lines: list[str]) -> str | None:
    """ "2.00pm", "2:00pm", "4.30 pm" -> "14:00"/"16:30" (24-hour, as ISO times are)."""
    for line, following in zip(lines[:25], lines[1:26] + [""], strict=False):
        lowered = line.lower()
        if "publish" in lowered or ("time" not in lowered and not DATE_PATTERN.search(line)):
            continue
        # Norfolk's minutes heading puts the time on the line after the date.
        match = TIME_PATTERN.search(line) or TIME_PATTERN.match(following)
        if match:
            hour, minute = int(match["h"]) % 12, int(match["m"] or 0)
            if match["ampm"].lower() == "p":
                hour += 12
            if hour < 24 and minute < 60:
                return f"{hour:02d}:{minute:02d}"
    return None


def find_venue(lines: list[str]) -> str | None:
    """ "Venue: Edwards Room, County Hall, Norwich", or the text after the time in a minutes
    heading ("…Thursday 13 March 2014 2:00pm Edwards Room, County Hall, Norwich")."""
    for line in lines[:25]:
        match = re.match(r"^(?:venue|place|location)\s*[:|]\s*(.+)$", line, re.IGNORECASE)
        if match:
            return match.group(1).strip(" |*") or None
    for line, following in zip(lines[:10], lines[1:11] + [""], strict=False):
        if DATE_PATTERN.search(line):
            if not TIME_PATTERN.search(line) and TIME_PATTERN.match(following):
                line = following
            after_time = TIME_PATTERN.split(line)
            tail = after_time[-1].strip(" ,.-") if len(after_time) > 1 else ""
            if re.search(r"\b(room|hall|chamber|house|centre|offices?)\b", tail, re.IGNORECASE):
                return tail
    return None


def tidy_body(name: str) -> str:
    """Trim a body name and title-case one printed in capitals."""
    name = re.split(r",\s*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", name, flags=re.I)[
        0
    ]
    name = DATE_PATTERN.split(name)[0] if DATE_PATTERN.search(name) else name
    name = re.sub(r"\s+", " ", name).strip(" ,.:-|*")
    if name.isupper():
        words = name.lower().split()
        name = " ".join(w if (i and w in _SMALL_WORDS) else w.capitalize() for i, w in enumerate(words))
    return name


def _with_continuation(lines: list[str], start: int, limit: int = 3) -> str:
    """A heading broken over lines ("Minutes of the Transport & Connectivity" / "Policy
    Committee"), joined until a labelled line ("DATE:") or a date starts the next field."""
    parts = [lines[start]]
    for line in lines[start + 1 : start + limit]:
        if _LABEL_LINE.match(line) or DATE_PATTERN.match(line):
            break
        parts.append(line)
    return " ".join(parts)


def find_body(lines: list[str]) -> str | None:
    """The committee or panel, from a heading like "Minutes of the X" or a line naming a body.

    A bare council name ("Bristol City Council") is the weakest candidate: the committee
    line after it is what groups papers into meetings.
    """
    window = lines[:14]
    for i, line in enumerate(window):
        for prefix in _BODY_PREFIXES:
            if not prefix.match(line):
                continue
            match = prefix.match(_with_continuation(window, i))
            body = match["body"] if match else ""
            if re.search(rf"\b{_BODY_WORDS}\b", body, re.IGNORECASE) and "meeting held" not in body.lower():
                return tidy_body(_cut_after_body_word(body))
    candidates = [
        _with_continuation(window, i)
        for i, line in enumerate(window)
        if _BODY_LINE.match(line) and len(line) < 140 and not _LABEL_LINE.match(line)
    ]
    strong = [c for c in candidates if not _WEAK_BODIES.match(tidy_body(_cut_after_body_word(c)))]
    chosen = (strong or candidates)[:1]
    return tidy_body(_cut_after_body_word(chosen[0])) if chosen else None


def _cut_after_body_word(text: str) -> str:
    """Keep a body name up to its last body word ("X Committee, Friday …" -> "X Committee")."""
    matches = list(re.finditer(rf"\b{_BODY_WORDS}\b", text, re.IGNORECASE))
    return text[: matches[-1].end()] if matches else text


def find_title(lines: list[str], kind: str) -> str | None:
    """A short display title: the report title where printed, else the paper's kind heading."""
    for i, line in enumerate(lines[:30]):
        match = re.match(r"^\|?\s*(?:report )?title\s*[:|]\s*\|?\s*(.*?)\s*\|?$", line, re.IGNORECASE)
        if not match:
            continue
        value = match.group(1).strip(" |")
        if not value and i + 1 < len(lines):
            # WECA prints "TITLE:" with the title on the following lines.
            value = _with_continuation(lines, i + 1)
        if value:
            return tidy_body(value)
    headings = {
        "agenda": "Agenda",
        "supplementary_agenda": "Supplementary agenda",
        "minutes": "Minutes",
        "decision_notice": "Decisions",
        "forward_plan": "Forward plan",
        "questions": "Public questions and responses",
    }
    if kind in headings:
        return headings[kind]
    return lines[0][:120] if lines else None


def read_meeting_info(first_text: str, kind: str) -> MeetingInfo:
    """Everything about the meeting that the paper's first page(s) say."""
    lines = front_lines(first_text)
    date, note = find_date(lines, kind)
    return MeetingInfo(
        body=find_body(lines),
        date=date,
        time=find_time(lines),
        venue=find_venue(lines),
        title=find_title(lines, kind),
        date_note=note,
    )
