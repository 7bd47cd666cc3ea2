"""Meeting metadata from a paper's heading block: body, date, time, venue, title.

Never from the file name here (the pipeline falls back to a date the file name states only
when the paper prints none: `dates.date_from_file_name`). The heading block is the start of
the paper up to its first item heading (capped at `HEADING_LINES`): council papers, whatever
their template, put the body, date, time and venue of *their* meeting there. Every date the
paper prints is a candidate and is scored by the role it plays where it stands:

* for the meeting: in the heading block, set bold or large, labelled ("Date:", "Date of
  meeting"), on a line about the meeting ("held on", "will be held", "meeting of … on"),
  beside a time or a weekday;
* a reference, not the meeting: after the paper's first item heading, inside an item heading,
  about other minutes ("to confirm the minutes of the meeting held on…", "minutes of the last
  meeting", "the minutes of the meeting on 12 May were approved"), about publication
  ("published", "despatched", "issued"), the next meeting, or a covering letter's own date (a
  line holding only a date, with "Dear …" just below).

The best-scoring date is the meeting's. A forward plan has no meeting: its date is the one it
was published on, so for it publication counts for, not against.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from ingest.structure.bodies import find_body
from ingest.structure.dates import DateMatch, find_dates, find_yearless_dates, parse_time
from ingest.structure.lines import Line
from ingest.structure.numbering import ITEM_LINE, first_item_line

HEADING_LINES = 40
_SHORT_FIRST_PAGE = 12
# How far past the heading block dates are still considered (each line further costs more).
SEARCH_LINES = 80
MIN_DATE_SCORE = 0.0
# A date in words about other minutes ("to confirm the minutes of the meeting held on …") loses
# more than a heading-block date with "held on", a weekday and a time gains (about 10): it is
# the earlier meeting's, and the paper is better undated than filed under it.
OTHER_MINUTES_PENALTY = 12.0
# Past the heading block a date is about something the minutes report ("on 16th February the
# budget had been set") unless several signs say it is this meeting's ("the meeting held on
# Tuesday 3 March 2015 at 7.30 pm"): one sign is not enough there.
MIN_BODY_DATE_SCORE = 2.0
# How many characters before a date make up its clause.
_CLAUSE = 60

_LABELLED = re.compile(
    # (A decision's page labels its meeting's date: "Decided at meeting: 20/11/2023 - Cabinet".)
    r"(?:^|[|]\s*)(?:date(?: of (?:the )?meeting)?|meeting date|dyddiad|decided at meeting|made at meeting)"
    r"\s*[:|]?\s*[|]?\s*$",
    re.I,
)
_ABOUT_MEETING = re.compile(
    r"\b(?:meeting|held|will be held|to be held|convened|summoned|assemble|committee|council|cabinet|panel"
    r"|cyfarfod|cyngor"
    r"|board|forum|authority|minutes of|agenda)\b",
    re.IGNORECASE,
)
_MEETING_ON = re.compile(
    r"\b(?:held|will be held|to be held|meeting|take place|takes place)\b(?:[^.]|\.(?=\d)){0,80}$", re.I
)
# (A time's point, "at 6.00 pm on Tuesday,", does not end the clause.)
_SUMMONED_FOR = re.compile(
    r"\b(?:will be held|is to be held|will (?:be )?tak(?:e|ing) place|will meet)\b(?:[^.]|\.(?=\d)){0,80}$",
    re.I,
)
_OTHER_MINUTES = re.compile(
    r"\b(?:confirm|approv|agree|sign|adopt|accept|correct record|true record|matters arising|circulated"
    r"|(?:last|previous|prior|earlier)\s+(?:\w+\s+){0,3}(?:meeting|minutes))",
    re.IGNORECASE,
)
# The confirmation may follow the date: "The minutes of the meeting which took place on
# Tuesday 12th May 2020 were approved as an accurate record".
_CONFIRMED_AFTER = re.compile(
    r"^[^.]{0,80}?\b(?:were|was|are|is|be|being)\s+(?:\w+\s+)?(?:approved|agreed|confirmed|signed|accepted|adopted"
    r"|submitted|tabled"
    r"|received\s+as\s+(?:an?\s+)?(?:accurate|correct|true))\b",
    re.IGNORECASE,
)
_MINUTES_OF_MEETING = re.compile(r"\bminutes of (?:the|a|an)\b[^.]{0,60}\b(?:meeting|held)\b", re.IGNORECASE)
_PERIOD_START = re.compile(
    r"\b(?:from|between)\s+$|\b(?:from|between)\s+\S+(?:\s+\S+){0,3}\s+(?:to|and|until)\s+$", re.IGNORECASE
)
_PERIOD_END = re.compile(r"^\s*(?:to|until|and|[-–—])\s+(?:\w+,?\s+)?\d{1,2}", re.IGNORECASE)
# The end of a period after its start ("Period 1 October 2017 to 31 March 2018").
# A period's end told alone: "(to the 30th September 2023)", "as at 31 March".
_PERIOD_TO = re.compile(r"(?:\(|\b)(?:to|as at|up to|until|ending)\s+(?:the\s+)?$", re.IGNORECASE)
_PERIOD_JOIN = re.compile(r"\s*(?:to|until|[-–—])\s*$", re.IGNORECASE)
_PUBLICATION = re.compile(
    r"\b(?:publish\w*|publication|despatch\w*|dispatch\w*|issued|printed|circulat\w*|deadline|received by"
    r"|submitted by|no later than|closing date|updated|revised|version)\b",
    re.IGNORECASE,
)
_NEXT_MEETING = re.compile(r"\b(?:next|future|forthcoming|following)\s+(?:\w+\s+){0,2}meeting\b", re.I)
# A sentence ends at a full stop, question or exclamation mark before a space and a capital
# (not "St. John's", "10.30 am" or "No. 5").
_SENTENCE_END = re.compile(r"(?<![A-Z][a-z])(?<![A-Z])[.!?]\s+(?=[A-Z])")
_LETTER_OPENING = re.compile(r"^(?:dear|annwyl)\b", re.IGNORECASE)


@dataclass(frozen=True)
class MeetingInfo:
    body: str | None
    date: str | None
    time: str | None
    venue: str | None
    title: str | None
    date_note: str | None = None


def heading_end(lines: list[Line]) -> int:
    """Where the heading block ends: the paper's first item heading, the end of its first page
    (a pack's front sheet is its first page), or `HEADING_LINES`, whichever comes first."""
    first_page = next((i for i, line in enumerate(lines) if line.page != lines[0].page), len(lines))
    # A first page of a few lines (a cover, a letter cut short) does not end the block.
    page_end = first_page if first_page >= _SHORT_FIRST_PAGE else len(lines)
    return max(3, min(first_item_line(lines), page_end, HEADING_LINES))


def _score(lines: list[Line], index: int, date: DateMatch, heading: int, kind: str) -> float:
    """How strongly the date at `lines[index]` is this paper's meeting date (see module doc)."""
    line = lines[index]
    before = line.text[: date.start]
    # The clause the date belongs to: what a reference word says is about its own date only
    # ("Draft (until approved at the next meeting) Minutes of the … Meeting held on 1 July").
    # A date at the start of a line continues the sentence of the line above.
    clause = before[-_CLAUSE:]
    if len(before.strip()) < 15 and index:
        clause = f"{lines[index - 1].text} {before}"[-_CLAUSE:]
    around = " ".join(part.text for part in lines[max(0, index - 1) : index + 2])
    following = lines[index + 1].text if index + 1 < len(lines) else ""
    score = 0.0
    if index < heading:
        score += 4.0 - 2.0 * index / heading
    else:
        score -= 2.0 + 0.05 * (index - heading)
    if line.emphasised or line.heading:
        score += 2.0
    if _LABELLED.search(before) or (index and _LABELLED.search(lines[index - 1].text) and not before.strip()):
        score += 4.0
    if _ABOUT_MEETING.search(around):
        score += 1.5
    if _MEETING_ON.search(clause):
        score += 2.0
    if _SUMMONED_FOR.search(clause) and kind == "minutes":
        # Minutes record a meeting that was held: one that "is to be held" is another
        # ("the first meeting in the County Division is to be held on Tuesday 2nd October").
        score -= 5.0
    elif _SUMMONED_FOR.search(clause):
        # The date a notice calls the meeting for outranks the date its letter is written on
        # ("Date: 29 October 2018 … a meeting of the Executive will be held … on Tuesday, 6
        # November 2018").
        score += 3.0
    if parse_time(line.text[date.end :]) or parse_time(following[:40]):
        score += 1.5
    if date.weekday:
        score += 1.0
    if _OTHER_MINUTES.search(_sentence_before(lines, index, date)) or _CONFIRMED_AFTER.search(
        f"{line.text[date.end :]} {following if following[:1].islower() else ''}"
    ):
        # (The next line only when the sentence runs on to it: "… held on 10 June 2025 be
        # received" / "as a correct record"; not a title's "Minutes (to be approved)".)
        score -= OTHER_MINUTES_PENALTY
    elif index >= heading and _MINUTES_OF_MEETING.search(clause):
        score -= OTHER_MINUTES_PENALTY  # an item about a meeting's minutes: the earlier meeting's
    if _PUBLICATION.search(clause + line.text[date.end : date.end + 25]):
        score += 5.0 if kind == "forward_plan" else -6.0
    if _NEXT_MEETING.search(clause):
        score -= 6.0
    if (
        _PERIOD_START.search(clause)
        or _PERIOD_TO.search(clause)
        or _PERIOD_END.match(line.text[date.end :])
        or (_PERIOD_JOIN.search(clause) and find_dates(_PERIOD_JOIN.sub("", clause)[-25:]))
    ):
        score -= 5.0  # a period's bounds ("minutes of meetings held from 1st March 2019 to …")
    if _starts_item(line, date) and index >= 2:
        score -= 4.0
    if _is_letter_date(lines, index, date):
        score -= 5.0
    return score


def _sentence_before(lines: list[Line], index: int, date: DateMatch) -> str:
    """The sentence up to the date, however long: a confirmation may open it far from the date
    ("To receive as a correct record, the minutes of the meeting of Cabinet held on Tuesday 8
    June 2021"). A date near a line's start continues the line above (the clause's rule)."""
    before = lines[index].text[: date.start]
    if len(before.strip()) < 15 and index:
        before = f"{lines[index - 1].text} {before}"
    return _SENTENCE_END.split(before)[-1]


def _starts_item(line: Line, date: DateMatch) -> bool:
    """Whether the line opens with an item number (not with the date itself)."""
    if date.start == 0:
        return False
    return bool(ITEM_LINE.match(line.text))


def _is_letter_date(lines: list[Line], index: int, date: DateMatch) -> bool:
    """A covering letter's own date: a line holding little but the date, "Dear …" below."""
    rest = (lines[index].text[: date.start] + lines[index].text[date.end :]).strip(" ,.")
    if len(rest) > 12:
        return False
    return any(_LETTER_OPENING.match(line.text) for line in lines[index + 1 : index + 9])


def find_date(lines: list[Line], kind: str, heading: int) -> tuple[str | None, str | None]:
    """The meeting date (ISO) and a note when a printed weekday corrected it."""
    best: tuple[float, int, DateMatch] | None = None
    dated = [find_dates(line.text) for line in lines[:SEARCH_LINES]]
    years = {int(date.iso[:4]) for dates in dated for date in dates}
    for index, line in enumerate(lines[:SEARCH_LINES]):
        for date in dated[index] + find_yearless_dates(line.text, years):
            score = _score(lines, index, date, heading, kind)
            if index >= heading and score < MIN_BODY_DATE_SCORE:
                continue
            if best is None or score > best[0]:
                best = (score, index, date)
    # Only references (earlier minutes, publication, the next meeting): better undated than
    # filed under another meeting's date.
    if best is None or best[0] < MIN_DATE_SCORE:
        return None, None
    date = best[2]
    if date.printed and not _prints_day_again(lines, date.iso, best[1], date):
        # A weekday that contradicts its date is read as a slip of the month only when the
        # paper names the corrected day elsewhere (WECA's "Friday 05 March 2026" pack speaks of
        # "this coming Friday on the 5th June"). Otherwise the weekday is as likely the slip
        # (Chelsworth's "FRIDAY 20th APRIL 2017", a Thursday, later corrected to a November
        # date): the date stays as printed.
        note = f"printed date '{date.text.strip()}' has the wrong weekday; kept as printed"
        return date.printed, note
    return date.iso, date.note


def _prints_day_again(lines: list[Line], iso: str, index: int, date: DateMatch) -> bool:
    """Whether the paper prints the day and month of `iso` anywhere but at `date` itself
    ("5 June", "5th of June", "June 5"), with or without a year."""
    month_name = calendar.month_name[int(iso[5:7])]
    day = int(iso[8:10])
    pattern = re.compile(
        rf"\b0?{day}(?:st|nd|rd|th)?\s+(?:of\s+)?{month_name}\b|\b{month_name}\s+0?{day}(?:st|nd|rd|th)?\b",
        re.IGNORECASE,
    )
    for number, line in enumerate(lines):
        for match in pattern.finditer(line.text):
            if number != index or not (date.start <= match.start() < date.end):
                return True
    return False


def find_time(lines: list[Line], heading: int) -> str | None:
    """The meeting's start time: on a "Time:" line, beside the meeting date, or in a heading
    line about the meeting ("…held … on Tuesday 4 June 2024 at 7.30 pm")."""
    for index, line in enumerate(lines[:heading]):
        lowered = line.text.lower()
        if _PUBLICATION.search(lowered) or _OTHER_MINUTES.search(lowered):
            continue
        labelled = re.match(r"^(?:time|amser)\s*[:|]\s*(.+)$", line.text, re.IGNORECASE)
        if labelled:
            bare = re.match(r"^(\d{1,2})[:.](\d{2})\b", labelled.group(1).strip())
            if bare and int(bare.group(1)) < 24:
                return f"{int(bare.group(1)):02d}:{bare.group(2)}"
            return parse_time(labelled.group(1))
        if find_dates(line.text) or _MEETING_ON.search(line.text):
            found = parse_time(line.text)
            if found is None and index + 1 < len(lines) and not find_dates(lines[index + 1].text):
                found = parse_time(lines[index + 1].text[:40])
            if found:
                return found
    return None


_VENUE_WORDS = re.compile(
    r"\b(room|hall|chamber|house|centre|center|offices?|library|institute|church|school|pavilion|"
    r"building|suite|online|virtual|teams|zoom)\b",
    re.IGNORECASE,
)


def find_venue(lines: list[Line], heading: int) -> str | None:
    """ "Venue: Edwards Room, County Hall, Norwich", or the place a heading line names after the
    date and time ("…13 March 2014 2:00pm Edwards Room, County Hall, Norwich", "…was held in
    the Village Hall, West Burton on Tuesday…")."""
    for line in lines[:heading]:
        match = re.match(r"^(?:venue|place|location|lleoliad)\s*[:|]\s*(.+)$", line.text, re.IGNORECASE)
        if match:
            return match.group(1).strip(" |*") or None
    for line in lines[:heading]:
        text = line.text
        if not (find_dates(text) or parse_time(text)):
            continue
        held_in = re.search(r"\bheld (?:in|at) (?:the )?(?P<place>.+?)(?:,? on\b|,? at \d|\.$|$)", text, re.I)
        if held_in and _VENUE_WORDS.search(held_in["place"]):
            return held_in["place"].strip(" ,.")
        pieces = re.split(r"\d{1,2}[.:]\d{2}\s*[ap]\.?m\.?|\b\d{1,2}\s*[ap]\.?m\.?", text, flags=re.I)
        tail = pieces[-1].strip(" ,.-") if len(pieces) > 1 else ""
        if tail and _VENUE_WORDS.search(tail) and len(tail) < 120:
            return re.sub(r"^(?:at|in)\s+(?:the\s+)?", "", tail, flags=re.I)
    return None


_KIND_TITLES = {
    "agenda": "Agenda",
    "supplementary_agenda": "Supplementary agenda",
    "minutes": "Minutes",
    "decision_notice": "Decisions",
    "forward_plan": "Forward plan",
    "questions": "Public questions and responses",
}


def find_title(lines: list[Line], kind: str) -> str | None:
    """A short display title: the report title where printed, else the paper's kind heading."""
    for i, line in enumerate(lines[:30]):
        match = re.match(r"^\|?\s*(?:report )?title\s*[:|]\s*\|?\s*(.*?)\s*\|?$", line.text, re.IGNORECASE)
        if not match:
            continue
        value = match.group(1).strip(" |")
        if not value and i + 1 < len(lines):
            value = lines[i + 1].text  # "TITLE:" with the title on the next line (WECA)
        if value:
            return _title_case(value)
    if kind in _KIND_TITLES:
        return _KIND_TITLES[kind]
    return lines[0].text[:120] if lines else None


def _title_case(text: str) -> str:
    if not text.isupper():
        return text
    small = {"of", "and", "the", "for", "to", "in", "on", "at", "&"}
    return " ".join(w if i and w in small else w.capitalize() for i, w in enumerate(text.lower().split()))


def read_meeting_info(lines: list[Line], kind: str, heading: int) -> MeetingInfo:
    """Everything about the meeting that the paper's heading block (`lines[:heading]`) says."""
    date, note = find_date(lines, kind, heading)
    return MeetingInfo(
        body=find_body(lines[: max(heading, 12)]),
        date=date,
        time=find_time(lines, heading),
        venue=find_venue(lines, heading),
        title=find_title(lines, kind),
        date_note=note,
    )
