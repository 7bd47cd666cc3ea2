"""A paper's item numbering, found from how numbers run through it, not from a list of formats.

Every line that opens with a label ("7", "7.", "12a", "16.07.2", "24/00108 –", "Item 7",
"Minute 12", "Question 3", "A.", "(b)", "iv)") is a candidate heading. Candidates are grouped
by the *shape* of their label (the word before it, its separators, its closing punctuation)
and by the constant part of a compound number ("24/" in "24/105", "16.07." in "16.07.2").
Within a group, the best chain is the one whose last numbers rise in small steps through the
paper and whose lines read as headings; the group whose chain scores best is the paper's item
numbering. Why this generalises:

* A paper's minutes or agenda items are numbered in one consistent scheme that rises through
  the whole paper; the numbered limbs of a resolution ("1. approves…", "2. notes…") restart
  at 1 and sit on consecutive lines, so they never form a better chain.
* Paragraph numbers ("8.1", "8.2", "9.1") have a head that changes with each item, so they
  split into short chains under the items they belong to.
* A table of numbered rows has cells (" | ") and a list of names has one number per line with
  no text between: neither reads as headings.

The number is kept exactly as printed (without its leading word or closing punctuation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ingest.structure.lines import Line

# Words that introduce an item number: "Item 7", "Agenda Item 7", "Minute 12", "Min. 12/24",
# "Question 3". Kept out of the number itself.
_LEAD_WORDS = r"agenda\s+item|item|minute|min|question|q"
_ROMAN = r"(?:x{0,3})(?:ix|iv|v?i{1,3}|v)"
# A minute number's prefix of the year or years and the body's capitals: "18-19/FRA/1".
_YEARS_AND_BODY = r"\d\d(?:-\d\d)?/(?-i:[A-Z]{2,4})/"
# A committee's capitals before its minute number, joined by a point: "DCC.038".
_BODY_POINT = r"(?-i:[A-Z]{2,4})\.(?=\d)"
# The body's capitals between the minute number and the year ("1/FC/22"), or between the
# year and the minute number ("19.C.83", the Council's minute 83 of 2019).
_BODY_MIDDLE = r"(?P<mid>[/.])(?-i:[A-Z]{1,4})(?P=mid)\d{1,4}"
_LABEL = re.compile(
    rf"^(?:(?P<word>{_LEAD_WORDS})\.?\s*(?:no\.?\s*)?)?"
    # A number may carry a reference's capital letters ("C048/23") and join its parts with
    # any of . / - _ ("16.07.2", "24/00108", "304-1", "2020-06_1"); a running count of minutes
    # over the years reaches five digits ("14365").
    # A reference may also lead with a few letters and a slash ("Cou/285/07-08").
    # And it may close with the letters of the body after a slash ("83/19/TC").
    # Or with a year's or years' number and the body's capitals ("18-19/FRA/1").
    # Or with a committee's capitals and a point ("DCC.038"), or carry the body's capitals
    # between the number and the year ("1/FC/22", "19.C.83").
    rf"(?P<label>(?:(?-i:[A-Z]{{1,2}})|[A-Za-z]{{1,4}}/|{_YEARS_AND_BODY}|{_BODY_POINT})?\d{{1,5}}(?:[./_-]\d{{1,5}}){{0,3}}"
    rf"(?:{_BODY_MIDDLE}|/(?-i:[A-Z]{{1,4}})\b|[a-z]?)(?![\d/_-])"
    # A number in brackets: "(3)", "(b)", "(iv)", "[1]".
    rf"|\((?:\d{{1,3}}|[a-z]|{_ROMAN})\)|\[\d{{1,3}}\]|[A-Z](?=[.)]\s)|{_ROMAN}(?=[.)]\s))"
    # A word processor's "1.Attendance" or "40.TO RECEIVE" (no space after the point) when a
    # capitalised word or one in capitals follows.
    # So may a slashed minute number ("15/09/1Public Forum –").
    # And a web page's "1Apologies for Absence", "2DECLARATIONS" (the number set apart in a
    # cell of its own) when a word of three letters or more follows.
    # ("1 . Apologies": a point set apart from its number.)
    r"(?P<punct>\s[.)](?=\s+[A-Z])|[.):]?)(?:\s*[-–—:/]\s+|\s+|$|(?<=[.)])(?-i:(?=[A-Z][a-z]|[A-Z]{2,}\s))|(?<=/\d)(?-i:(?=[A-Z][a-z]{2}))"
    r"|(?<=^\d)(?-i:(?=[A-Z][a-z]{2,}|[A-Z]{3,}))|(?<=^\d\d)(?-i:(?=[A-Z][a-z]{2,}|[A-Z]{3,}))"
    # Running minute numbers too ("3563DECLARATIONS OF INTEREST", a fire authority's minutes).
    r"|(?<=^\d{3})(?-i:(?=[A-Z]{3,}))|(?<=^\d{4})(?-i:(?=[A-Z]{3,}))|(?<=^\d{5})(?-i:(?=[A-Z]{3,}))"
    r"|(?<=/\d\d)(?-i:(?=[A-Z][a-z]{2})))(?P<title>.*)$",
    re.IGNORECASE,
)
# A line that opens with an item's number, as the heading block's readers (meeting date, body)
# need to know it, without the chain: "7 Planning", "7a) Planning", "Item 7 Planning", "2710.
# Public Forum" (a council's running minute numbers), "15/03/1 Public Forum". A four-digit
# year opening a line ("2024 Annual Meeting") is not one.
ITEM_LINE = re.compile(
    rf"^(?:item\s+)?(?!(?:19|20)\d\d\b(?![/.]\d))(?:(?-i:[A-Z]{{1,2}})|[A-Za-z]{{1,4}}/|{_YEARS_AND_BODY})?"
    r"\d{1,5}(?:[./_-]\d{1,5}){0,3}"
    r"(?:/(?-i:[A-Z]{1,4})|[a-z])?[.)]?\s+\S",
    re.IGNORECASE,
)
_CLOSING_CELL = re.compile(r"\s+\|$")
# A table's header cells (words only) with the first row's number run into the last of them.
_GLUED_HEADER = re.compile(r"^(?:[A-Z][A-Za-z .]*\s/\s)+[A-Z][a-z]+(?P<row>\d{1,5}\.?\s/\s\S.*)$")
# A row of a table of items: the number in its own cell, then the title in the next.
_NUMBERED_ROW = re.compile(r"^(?P<label>\d{1,3}[a-z]?\.?)\s+\|\s+(?P<title>[^|]*[A-Za-z][^|]*?)\s*\|?$")
_TABLE_ROW = re.compile(r"\s\|\s|^\||\t")
# Dates, measures and figures that look like numbered headings: "12 September 2024 at
# 5.00 pm", "20 mph", "3 4 5" (a row of figures). Units are lower case ("20 minutes"), unlike
# a heading ("3. Minutes").
NOT_A_TITLE = re.compile(
    r"^(?:(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d)\b"
    r"|(?:mph|km|miles?|per\s?cent|%|pm|am|p\.m|a\.m|hours?|minutes?|days?|weeks?|months?|years?)\b"
    r"|[\d.,%£$]+(?:\s+[\d.,%£$]+)*$)"
)
_WORD_NAMES = {"agenda item": "item", "min": "minute", "q": "question"}
_AGENDA_NUMBER = re.compile(r"^\d{1,3}[.)]\s+(?=\S)")
# Step between consecutive items: minutes skip numbers that are agenda items held elsewhere.
MAX_STEP = 8
# How far back (in candidates of one scheme) a chain looks for an item's predecessor; keeps
# the chain search linear on papers with thousands of numbered paragraphs.
WINDOW = 60


@dataclass(frozen=True)
class Candidate:
    """A line that opens with a label. `scheme` is the label's shape; `head` the constant part
    of a compound number ("24/" of "24/105"); `value` the part that counts."""

    index: int
    scheme: str
    head: str
    value: int
    number: str
    title: str
    weight: float
    list_row: bool = False


# A running minute number of the year ("70/17", "114/20") after a sentence's end inside a line,
# then a capitalised title: where a paper kept several minutes in one paragraph ("70/17
# Apologies for absence Apologies had been received ... 71/17 Declaration of Interest ...").
_RUN_IN_NUMBER = re.compile(r"(?<=[.!?:”\"’)])\s+(?P<label>(?P<n>\d{1,4})/(?P<year>\d{2}))\s+(?=[A-Z])")
_LINE_NUMBER = re.compile(r"^(?P<n>\d{1,4})/(?P<year>\d{2})\b(?!/)")


def split_run_in_numbers(lines: list[Line]) -> list[Line]:
    """`lines` with a line broken before each running minute number it holds inside it, where
    the paper numbers its minutes so ("N/YY" opening at least two lines) and the number falls
    among the paper's own (not a reference to last year's minute, not beyond its last number
    by more than a step). The paper's own numbers opening lines are left as they are."""
    opening: dict[str, list[int]] = {}
    for line in lines:
        m = _LINE_NUMBER.match(line.text)
        if m:
            opening.setdefault(m["year"], []).append(int(m["n"]))
    years = {year: (min(ns), max(ns)) for year, ns in opening.items() if len(ns) >= 2}
    if not years:
        return _split_flattened_numbers(lines)
    out: list[Line] = []
    for line in lines:
        cuts = [
            m.start("label")
            for m in _RUN_IN_NUMBER.finditer(line.text)
            if m["year"] in years
            and years[m["year"]][0] - MAX_STEP <= int(m["n"]) <= years[m["year"]][1] + MAX_STEP
            and int(m["n"]) not in opening[m["year"]]
        ]
        if not cuts:
            out.append(line)
            continue
        for start, end in zip([0, *cuts], [*cuts, len(line.text)], strict=True):
            piece = line.text[start:end].strip()
            if piece:
                out.append(replace(line, text=piece))
    return out


# A running minute number inside a paper flattened to a few long lines, then a capitalised
# title: "… (IFC) 078/15 Apologies for absence: … Cllr Peter Topping 079/15 To approve …". Not
# a reference ("minute 045/15", "item 12/15").
_FLAT_NUMBER = re.compile(
    r"(?<!minute )(?<!minutes )(?<!item )(?<!min )(?<=\s)"
    r"(?P<label>(?P<n>\d{1,4})/(?P<year>\d{2}))\s+(?=[A-Z])",
    re.IGNORECASE,
)
# Lines this long hold a flattened paper's paragraphs, not a heading and its minute.
FLATTENED_LINE_CHARS = 600


def _split_flattened_numbers(lines: list[Line]) -> list[Line]:
    """`lines` with its long lines broken before each running minute number, where no line opens
    with one but the long lines hold at least three of one year, rising through the paper
    (Ickleton's minutes flattened to one paragraph)."""
    found: dict[str, list[int]] = {}
    for line in lines:
        if len(line.text) >= FLATTENED_LINE_CHARS:
            for m in _FLAT_NUMBER.finditer(line.text):
                found.setdefault(m["year"], []).append(int(m["n"]))
    years = {
        year for year, ns in found.items() if len(ns) >= 3 and ns == sorted(ns) and len(set(ns)) == len(ns)
    }
    if not years:
        return lines
    out: list[Line] = []
    for line in lines:
        cuts = [
            m.start("label")
            for m in _FLAT_NUMBER.finditer(line.text)
            if len(line.text) >= FLATTENED_LINE_CHARS and m["year"] in years
        ]
        for start, end in zip([0, *cuts], [*cuts, len(line.text)], strict=True):
            piece = line.text[start:end].strip()
            if piece:
                out.append(replace(line, text=piece))
    return out


def _roman(text: str) -> int | None:
    values = {"i": 1, "v": 5, "x": 10}
    total, previous = 0, 0
    for char in reversed(text.lower()):
        value = values.get(char)
        if value is None:
            return None
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total or None


_COMPOUND = re.compile(r"(?P<prefix>[A-Za-z]{0,2}|[A-Za-z]{1,4}/)(?P<parts>\d+(?:[./_-]\d+)+)")


def _readings(label: str) -> list[tuple[str, str, int]]:
    """Every way a label may count (see `_number_readings`); a body's letters, closing the label
    ("83/19/TC") or between its numbers ("1/FC/22", "19.C.83"), are a constant part of the shape
    and head, and the numbers around them count as a label without them would."""
    middle = re.search(r"/[A-Z]{1,4}(?=/\d{2,4}$)|\.[A-Z]{1,4}(?=\.\d{1,4}$)", label)
    if middle and re.search(r"\d", label[: middle.start()]):
        # "1/FC/22", "19.C.83": the minute number and the year, the body's letters between.
        # (The letters lead the shape, so that a shape still ends where its counting part does.)
        tail = middle.group().upper()
        return [
            (tail + shape, head + tail, value)
            for shape, head, value in _number_readings(label[: middle.start()] + label[middle.end() :])
        ]
    suffix = re.search(r"/[A-Za-z]{1,4}$", label)
    if suffix and re.search(r"\d", label[: suffix.start()]):
        tail = suffix.group().upper()
        return [
            (shape + tail, head + tail, value)
            for shape, head, value in _number_readings(label[: suffix.start()])
        ]
    return _number_readings(label)


def _number_readings(label: str) -> list[tuple[str, str, int]]:
    """Every way a label may count. A dotted number counts in its last part ("16.07.2": item 2
    of 16.07). One joined by anything else may count in any part: "24/00108", "15/03/1" and
    "304-1" count last, but "107/20" (minute 107 of 2020), "C048/23" and "13.17/18" (minute 13
    of the year 2017/18) count first; the chain through the paper decides which."""
    split = _split_label(label)
    if split is None:
        return []
    readings = [split]
    compound = _COMPOUND.fullmatch(label)
    if compound:
        prefix = compound["prefix"]
        parts = re.split(r"[./_-]", compound["parts"])
        separators = re.findall(r"[./_-]", compound["parts"])
        # "1.0", "2.0", "3.0": main items numbered with a point nought count in the first part.
        # "1.7.20", "2.7.20": the item, then the month and year of the meeting, count first.
        # "4178.19", "4179.19": a running minute number, then the year, count first.
        year_last = len(parts) == 2 and len(parts[1]) == 2 and len(parts[0]) >= 3
        if set(separators) != {"."} or set(parts[1:]) <= {"0", "00"} or len(parts) >= 3 or year_last:
            for position in range(len(parts) - 1):
                shape = prefix + f"n@{position}" + "".join(separators)
                marked = [p if k != position else "#" for k, p in enumerate(parts)]
                head = prefix + "".join(p + s for p, s in zip(marked, [*separators, ""], strict=True))
                readings.append((shape, head, int(parts[position])))
    return readings


def _split_label(label: str) -> tuple[str, str, int] | None:
    """(shape, head, value) of a printed label: "16.07.2" -> ("n.n.n", "16.07.", 2)."""
    if label.startswith("["):
        return "[n]", "", int(label.strip("[]"))
    if label.startswith("("):
        inner = label.strip("()")
        if inner.isdigit():
            return "(n)", "", int(inner)
        roman = _roman(inner)
        if roman is not None and len(inner) > 1 or inner.lower() == "i":
            return "(i)", "", roman or 1
        return "(a)", "", ord(inner.lower()) - ord("a") + 1
    if label.isalpha():
        roman = _roman(label)
        if len(label) == 1 and label.isupper():
            return "A", "", ord(label) - ord("A") + 1
        return ("i", "", roman) if roman else None
    match = re.fullmatch(
        rf"([A-Za-z]{{0,2}}|[A-Za-z]{{1,4}}/|{_YEARS_AND_BODY}|{_BODY_POINT})((?:\d+[./_-])*)(\d+)([a-zA-Z]?)",
        label,
    )
    if not match:
        return None
    prefix, head, last, suffix = match.groups()
    if "/" in head:
        # A slashed number's separators are one: "15/09.12" among "15/09/11" and "15/09/13" is
        # a slip of the key (Norfolk parish minutes, 2015), counted with its neighbours.
        head = head.replace(".", "/")
    head = prefix + head
    shape = prefix + re.sub(r"\d+", "n", head[len(prefix) :]) + "n" + ("a" if suffix else "")
    # "7a" follows "7" in the same scheme: count it between 7 and 8.
    value = int(last) * 10 + (ord(suffix.lower()) - ord("a") + 1 if suffix else 0)
    return shape.replace("na", "n"), head, value


def candidates(lines: list[Line], *, lists_are_items: bool = False) -> list[Candidate]:
    """Every line that opens with a label and could be a heading, with its heading weight.

    In minutes, a short row of a list printed one number per line ("01 David Redgewell" / "02
    Ian Pond", Bristol's public forum) is marked `list_row`: headings have text after them, on
    their own lines or run in ("2710. Public Forum: No one present."). A chain is never built
    from list rows, though one may fill a gap a chain leaves. An agenda's items are such a list
    (`lists_are_items`)."""
    found = _labelled_lines(lines)
    if lists_are_items:
        return found
    by_index: dict[int, list[Candidate]] = {}
    for cand in found:
        by_index.setdefault(cand.index, []).append(cand)
    return [
        replace(cand, list_row=True)
        if _short(lines[cand.index].text)
        and _in_list(cand, by_index.get(cand.index - 1, []) + by_index.get(cand.index + 1, []), lines)
        else cand
        for cand in found
    ]


def _continued_rows(found: list[Candidate]) -> set[int]:
    """The line indices of list rows whose run of adjacent rows is followed, further on, by the
    next number of the same scheme set as a heading: those rows were headings set close
    together ("250. Matters Arising" directly above "251. To Adjourn the Meeting", then "252.
    Routine Finance" after its text: a Norfolk parish's minutes whose first items had nothing
    to record). A list's own rows are not continued by a heading of their numbering."""
    continued: set[int] = set()
    by_numbering: dict[tuple[str, str], list[Candidate]] = {}
    for cand in found:
        by_numbering.setdefault((cand.scheme, cand.head), []).append(cand)
    for (scheme, _head), group in by_numbering.items():
        unit = _unit(scheme)
        runs: list[list[Candidate]] = []
        for cand in group:
            if not cand.list_row:
                continue
            last = runs[-1][-1] if runs else None
            if last and cand.index == last.index + 1 and cand.value - last.value == unit:
                runs[-1].append(cand)
            else:
                runs.append([cand])
        for run in runs:
            following = [c for c in group if c.index > run[-1].index][:2]
            after = following[0] if following else None
            if (
                after is not None
                and not after.list_row
                and after.value - run[-1].value == unit
                and (after.index > run[-1].index + 1 or _headings_run_on(following, unit))
            ):
                continued.update(row.index for row in run)
    return continued


def _headings_run_on(following: list[Candidate], unit: int) -> bool:
    """Whether the heading right under a run of rows is followed by the next number as a
    heading too: the rows were the first minutes, with nothing recorded under them
    ("1. Declarations of Interest. None" / "2. Public Participation" / "3. Minutes … were
    approved and signed." / … "4. Matters Arising", Llanfrynach's minutes). A list's long last
    row (set right under the others, as the heading is here) is where its numbers stop."""
    return (
        len(following) == 2 and not following[1].list_row and following[1].value - following[0].value == unit
    )


# A list's row, wrapped or not, runs to a line of a table (Bristol's statements: a number, a
# name and a subject); a line longer than this is a paragraph.
LIST_ROW_WORDS = 20


def _short(text: str) -> bool:
    return len(text.split()) <= 7 and ":" not in text and not text.endswith(".")


def _in_list(cand: Candidate, neighbours: list[Candidate], lines: list[Line]) -> bool:
    """Whether a neighbouring line is the next or previous row of the same list: numbered
    on, and no paragraph. A short heading after a whole minute run in on its line ("3.
    Co-opt members …: Mr Watts was proposed … and it was unanimously Resolved to co-opt …"
    then "4. Planning") is the next minute, not a list's row."""
    return any(
        len(lines[other.index].text.split()) <= LIST_ROW_WORDS
        and other.scheme == cand.scheme
        and other.head == cand.head
        and abs(other.value - cand.value) == _unit(cand.scheme)
        for other in neighbours
    )


def _unit(scheme: str) -> int:
    return 10 if _counts_in_tens(scheme) else 1


# A web page's link to the item's document, saved with the heading ("Executive Report pdf
# icon PDF 239 KB", "Questions Raised by Members PDF 129 KB"): not part of the title.
_LINK_SIZE = re.compile(r"\s*(?:pdf icon\s+)?(?:PDF|DOC|DOCX)\s+\d+(?:\.\d+)?\s*[KM]B\b.*$")
_NAMED_IN_BRACKETS = re.compile(r"^\((?:[^()\s]+\s+){1,}[^()]*\)")
_CELL_AFTER_LABEL = re.compile(r"^\S+\s+/\s")
# A postal address opening a line ("11 Horslow Street, Potton SG19 2NS", a planning application
# listed under its item): its house number is no item's. Read as a street's name, then a comma
# and its town, or its postcode; an item about a street ("7. Church Lane Parking") has neither.
_STREETS = (
    r"street|road|lane|close|avenue|drive|way|hill|green|court|place|crescent|gardens|terrace|row"
    r"|walk|rise|mews|square|grove|park|view"
)
_POSTAL_ADDRESS = re.compile(
    rf"^(?:[A-Z][\w'’-]+\s+){{1,3}}(?i:{_STREETS})(?:,\s*(?:[A-Z][\w'’-]+\s*)+|\s*,?\s*[A-Z]{{1,2}}\d)"
)


# How many bare sub-item labels may sit between a label and its title.
_BARE_LABELS_SKIPPED = 2


def _title_below(lines: list[Line], index: int) -> str:
    """The title of a label printed alone on its line: the next line that is not a label, past
    bare labels of its sub-items ("2." / "2.1" / "URGENT ITEMS", a parish's minutes with every
    level of numbering on a line of its own). Empty when the next line opens with a label of
    its own and a title ("2" above "3 Minutes": a list of numbers, not a heading)."""
    for below in lines[index + 1 : index + 1 + _BARE_LABELS_SKIPPED + 1]:
        match = _LABEL.match(below.text)
        if not match:
            return below.text
        if match["title"].strip():
            # Its first lettered part ("233." / "a) / Finance", a parish's minutes kept as a
            # table): the number heads the parts, so the first part's title stands for it.
            lettered = _LETTERED.match(match["label"] + match["punct"])
            return match["title"].strip(" /") if lettered else ""
    return ""


_LETTERED = re.compile(r"^\(?(?:[a-z]|[ivx]{1,4})\)$")


def _labelled_lines(lines: list[Line]) -> list[Candidate]:
    found: list[Candidate] = []
    for index, line in enumerate(lines):
        # A web page's table saved as text closes each cell with " |": "32. |" then the title
        # on the next line.
        text = _CLOSING_CELL.sub("", line.text)
        glued = _GLUED_HEADER.match(text)
        if glued:
            # A table's header row run into its first row: "Min No / Action4715 / Apologies".
            text = glued["row"]
        row = _NUMBERED_ROW.match(text)
        if row:
            # A web page's table of items: "1 | Minutes of the Previous Meeting |".
            text = f"{row['label']} {row['title']}"
        match = _LABEL.match(text)
        if not match or _TABLE_ROW.search(text):
            continue
        readings = _readings(match["label"])
        if not readings:
            continue
        # A minute's reference, then the agenda's own number ("C048/23   1.   APOLOGIES"): the
        # title is what follows both.
        title = _LINK_SIZE.sub("", _AGENDA_NUMBER.sub("", match["title"].strip()))
        if _POSTAL_ADDRESS.match(title):
            continue
        if _NAMED_IN_BRACKETS.match(title):
            # A reference naming its minute in brackets ("Minute 45 (Summary Audit Report) -
            # Non-pecuniary interest", a declarations list): headings are not bracketed.
            continue
        if _CELL_AFTER_LABEL.match(line.text):
            # A table's row with its cells run together by " / " ("13.17/18 / Apologies for
            # absence / Apologies were received …"): the heading is the second cell.
            title = title.split(" / ", 1)[0]
        if not title:
            # pdfminer can put "2" and "Apologies for Absence" (Bristol) on separate lines.
            title = _title_below(lines, index)
        head = run_in_title(title)
        weight = _heading_weight(line, head) if head else _heading_weight(line, title)
        if weight <= 0 and not head and _run_on_minute(title):
            # The whole minute on its heading's line, its title not set apart ("9. Accounts were
            # presented and accepted for payment. Cheques ...", "11. School Lane car park update
            # a. The original Planning Application ..."): a weak candidate, taken where it
            # continues its scheme's run (Norfolk parish minutes kept as one paragraph a line).
            weight, head = RUN_ON_WEIGHT, _lead_words(title)
        title = head or title
        if match["label"].startswith("0") and match["label"].isdigit():
            weight -= 0.5  # "01 Maria Garbutt": a zero-padded reference number in a list
        if weight <= 0:
            continue
        word = " ".join((match["word"] or "").lower().split())
        word = _WORD_NAMES.get(word, word)
        for shape, head, value in readings:
            scheme = f"{word} {shape}{match['punct'].strip()}".strip()
            found.append(Candidate(index, scheme, head, value, match["label"], title.rstrip(" *"), weight))
    return found


# A heading run in before its minute's text: "Public Forum: No one present.", "Planning – The
# Council had no objection", "To Receive Declarations of Interest Cllr Mann declared…".
_RUN_IN_SEPARATOR = re.compile(r"\s*(?::|\s[-–—])\s+")
_SMALL = {"of", "and", "the", "for", "to", "in", "on", "at", "a", "an", "by", "with", "from", "&", "or"}
# Lower-case words a title keeps ("Activity within Children's Social Care"): not a sentence.
_TITLE_LOWER = _SMALL | {
    "within", "between", "into", "over", "under", "about", "after", "before", "through", "across",
    "against", "among", "per", "via", "upon", "onto", "towards", "without", "including", "regarding", "vs",
}  # fmt: skip
# A run-in minute goes on for a sentence after its heading.
_RUN_IN_MIN_REST = 4


def run_in_title(text: str) -> str | None:
    """The heading at the start of a minute's line when its text runs on after it: up to a
    colon or dash; else a heading in capitals ("ACCEPTANCE OF APOLOGIES These were accepted");
    else the run of capitalised words before a sentence starts, whose subject is the run's
    last word ("To Receive Declarations of Interest Cllr Mann declared…"), when what follows
    reads as a sentence. None when the line is not of that shape."""
    separator = _RUN_IN_SEPARATOR.search(text)
    if separator and 0 < separator.start() <= 90 and _is_sentence(text[separator.end() :]):
        return text[: separator.start()].strip(" *")
    words = text.split()
    capitals = 0
    while capitals < len(words) and (
        _is_capitals(words[capitals])
        or words[capitals] in "&-–"
        # "PUBLIC FORUM (15 MINUTES) The Parish Council was welcomed ...": a figure or a
        # bracket inside a heading in capitals.
        or (capitals > 0 and not any(c.isalpha() for c in words[capitals]) and capitals + 1 < len(words))
    ):
        capitals += 1
    if (
        capitals >= 1
        and len(words) - capitals >= _RUN_IN_MIN_REST
        and any(c.islower() for c in words[capitals])
    ):
        return " ".join(words[:capitals]).strip(" *-–")
    run = 0
    while run < len(words) and (
        words[run][:1].isupper() or words[run].lower() in _SMALL or words[run][:1].isdigit()
    ):
        run += 1
    rest = " ".join(words[run:])
    if (
        run >= 3
        and len(words) - run >= _RUN_IN_MIN_REST
        and words[run][:1].islower()
        and words[run].lower() not in _TITLE_LOWER
        and _is_sentence(rest)
        and ("." in rest or len(text) > 110)
    ):
        head = words[: run - 1]
        while head and head[-1].lower() in _SMALL:
            head.pop()
        if len(head) >= 2:
            return " ".join(head).strip(" *")
    return None


def _is_capitals(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _is_sentence(text: str) -> bool:
    """Text after a heading's colon or dash that is the minute itself ("No one present.",
    "Attached. Farm break-ins…"), not the rest of a title ("Pathway Planning for Care
    Leavers", "closure report")."""
    text = text.strip()
    return bool(text) and (text.endswith(".") or ". " in text or len(text.split()) >= 6)


# The weight of a minute run on after its number with no title set apart: less than any
# heading's, so it never outweighs one, but enough to carry a chain through it.
RUN_ON_WEIGHT = 0.3
_RUN_ON_TITLE_WORDS = 8


def _run_on_minute(title: str) -> bool:
    """A numbered line too long to read as a heading (a sentence: "3382. Public Session (15
    mins) to receive & consider any matters raised by members of the public.") that opens as a
    heading would (a capital or a figure), ends no list limb and is no date or measure."""
    return (
        len(title) > 60
        and (title[0].isupper() or title[0].isdigit())
        and not title.rstrip().endswith((",", ";"))
        and not NOT_A_TITLE.match(title)
    )


def _lead_words(text: str) -> str:
    """A run-on minute's title: its first sentence or clause, at most `_RUN_ON_TITLE_WORDS`."""
    first = re.split(r"(?<=[.;:!?])\s|\s[–—-]\s|\s•\s", text, maxsplit=1)[0]
    words = first.split()[:_RUN_ON_TITLE_WORDS]
    return " ".join(words).rstrip(".,;:")


def _heading_weight(line: Line, title: str) -> float:
    """How much a numbered line reads as a heading (0: not at all)."""
    if not title or len(title) > 160 or NOT_A_TITLE.match(title):
        return 0.0
    first = title[0]
    if not (first.isupper() or first.isdigit() or first in "'‘\"“("):
        return 0.0
    weight = 1.0
    if line.emphasised:
        weight += 0.6
    if title.isupper() and len(title) > 3:
        weight += 0.4
    if title.rstrip().endswith((",", ";")):
        weight -= 0.8
    if title.rstrip().endswith(".") and len(title) > 60:
        weight -= 0.6  # a sentence, not a heading
    if len(title) > 100:
        weight -= 0.4
    return max(weight, 0.0)


@dataclass(frozen=True)
class Chain:
    """The headings of one numbering scheme, in paper order."""

    scheme: str
    members: tuple[Candidate, ...]
    score: float


def best_chain(
    lines: list[Line],
    *,
    start: int = 0,
    stop: int | None = None,
    minimum: int = 2,
    lists_are_items: bool = False,
    shape: str | None = None,
) -> Chain | None:
    """The paper's item numbering between `start` and `stop`: the best-scoring chain of any
    scheme (or of schemes of one `shape`, "n" for "n." and "n)"), or None when no scheme has
    `minimum` members."""
    stop = len(lines) if stop is None else stop
    groups: dict[tuple[str, str], list[Candidate]] = {}
    found = [c for c in candidates(lines, lists_are_items=lists_are_items) if start <= c.index < stop]
    continued = _continued_rows(found)
    for cand in found:
        if not cand.list_row or cand.index in continued:
            groups.setdefault((cand.scheme, cand.head), []).append(cand)
    chains: list[Chain] = []
    span = max(1, stop - start)
    for (scheme, _head), group in groups.items():
        if shape is not None and _bare(scheme) != shape:
            continue
        chain = _chain(scheme, group)
        if len(chain.members) < minimum:
            continue
        # A paper's items run through the paper; a numbered list sits inside one of them.
        covered = (chain.members[-1].index - chain.members[0].index + 1) / span
        # A clerk may print one number twice; a column printing the same few numbers again and
        # again ("Minute Number: 25b" in a table of declarations) is references, not headings.
        distinct = len({m.value for m in chain.members}) / len(chain.members)
        score = chain.score * (0.4 + 0.6 * min(1.0, covered)) * distinct
        chains.append(Chain(chain.scheme, chain.members, score))
    if not chains:
        return None
    best = max(chains, key=lambda chain: chain.score)
    return _fill_gaps(_parent(best, chains), found)


# How strong, against the nested chain, a chain must be to be taken as its parent when the
# only sign of nesting is a list starting again from one.
PARENT_SCORE_RATIO = 0.35


def _parent(chain: Chain, chains: list[Chain]) -> Chain:
    """The chain `chain` is nested in, if any: its numbers are the limbs of one item of a
    chain numbered another way, which holds the paper's items however many limbs that item
    has. "4.1" … "4.7" under "4 Correspondence" of "1" "2" "3" "4"; "1)" … "4)" listed under
    "16.17/18 Planning" of "13.17/18" … "16.17/18"."""
    first, last = chain.members[0].index, chain.members[-1].index
    head = chain.members[0].head.rstrip(".")
    for other in sorted(chains, key=lambda c: -c.score):
        if other is chain or _bare(other.scheme) == _bare(chain.scheme):
            continue  # a second run numbered the same way is another meeting's, not limbs
        before = [m for m in other.members if m.index < first]
        following = [m for m in other.members if before and m.index > before[-1].index]
        if not before or (following and following[0].index <= last):
            continue  # not all inside one item of `other`
        if head and head == before[-1].number.rstrip(".)"):
            return other  # numbered under the item: "4.1" under "4"
        # Starting again from one under a numbering strong enough to hold the paper's items
        # (not the initials of a list of names).
        if chain.members[0].value <= _unit(chain.scheme) and other.score >= PARENT_SCORE_RATIO * chain.score:
            return other
    return chain


# A restarted run needs this many headings, and headings set at least this strongly relative
# to the first run's: a short numbered list inside an item is neither.
RUN_MINIMUM = 3
RUN_WEIGHT_RATIO = 0.9
RUN_TITLE_WORDS = 8


_FINANCIAL_YEAR = re.compile(r"^(?:19|20)(?P<first>\d\d)[/-](?P<second>\d\d)$")
_DECISION_WORD = re.compile(r"^(?:resolved|agreed|decided|decision|recommended|noted)\b", re.IGNORECASE)
# A lone numbered heading must be set as strongly as a heading usually is.
LONE_HEADING_WEIGHT = 1.0


def lone_heading(lines: list[Line]) -> Chain | None:
    """The one numbered heading of a paper that prints only one: an extract of the minutes for
    a single item ("39 Executive Report" under its meeting's line, a ModernGov item page), or
    minutes cut short after their first numbered minute ("268/12/13 DECLARATIONS OF INTEREST").
    None when no line, or more than one line, opens with a strongly set label: two labelled
    lines make a chain or nothing, never one item."""
    strong = [
        c
        for c in candidates(lines)
        if not c.list_row
        and c.weight >= LONE_HEADING_WEIGHT
        # A bracketed number alone ("[1] White Lion – letter …") marks a list's entry or a
        # note; minutes number their items in brackets only as a run ("[1]", "[2]", …).
        and not c.scheme.startswith(("(", "["))
        and not _names_the_paper(_heading_text(lines, c.index))
    ]
    if len({c.index for c in strong}) != 1:
        return None
    # One line may be read several ways ("268/12/13" as 268/12/* or */12/13): the first reading
    # is the whole label's.
    heading = strong[0]
    if _is_financial_year(heading.number) or _DECISION_WORD.match(heading.title):
        # Alone, "2023/24 Budget and Precept" is a year's budget and "1. Resolved – That …" a
        # resolution's first clause; in a chain of minutes either could be a heading.
        return None
    return Chain(heading.scheme, (heading,), heading.weight)


def _is_financial_year(number: str) -> bool:
    """ "2023/24": a year and the next ("2019/53", minute 53 of 2019, is not one)."""
    found = _FINANCIAL_YEAR.match(number)
    return found is not None and (int(found["first"]) + 1) % 100 == int(found["second"])


_MINUTES_OF = re.compile(r"\bminutes of (?:the|a|an)\b", re.IGNORECASE)
_RECEIVING = re.compile(r"\b(?:receive|confirm|approve|note|agree|sign|adopt)", re.IGNORECASE)


def _heading_text(lines: list[Line], index: int) -> str:
    """A numbered line's words, with the next line's when the number stands alone ("ITEM 12")."""
    text = lines[index].text
    if len(text) < 15 and index + 1 < len(lines):
        text = f"{text} {lines[index + 1].text}"
    return text


def _names_the_paper(text: str) -> bool:
    """Whether a numbered line is the paper's own title ("83. Minutes of the Meeting of Town
    Council held on …" under a folio number; "ITEM 12 … MINUTES of the meeting of the Forum",
    minutes filed as another meeting's item), not an item about earlier minutes ("52 To receive
    the minutes of the meeting of the Cabinet")."""
    found = _MINUTES_OF.search(text)
    return found is not None and not _RECEIVING.search(text[: found.start()])


def numbering_runs(lines: list[Line]) -> list[Chain]:
    """The paper's item numbering as one or more runs, in paper order.

    One file may hold the minutes of two meetings one after the other (an annual meeting and
    the ordinary meeting that follows it: Govan's October 2025 minutes number both from 1,
    Tintern's May 2020 file runs 2876-2889 then the AGM's 805-813), each numbered afresh.
    Beside the best chain, a run before or after it counts when it is numbered the same way,
    its numbers go back rather than on (so the two cannot be one chain), it has
    `RUN_MINIMUM` headings, set as strongly (mean weight) as the best chain's and titled in a
    few words (`RUN_TITLE_WORDS` on average), as headings are and a list's sentences are not.
    The runs' headings are the items, in paper order, whichever run they belong to.
    """
    best = best_chain(lines)
    if best is None:
        return []
    shape = _bare(best.scheme)
    strength = _strength(best)
    # Where the best chain goes back or repeats a number it may have jumped from one meeting's
    # run into the next, over the headings between: cut it there, so that the gap is searched.
    # (Cutting changes no item: the runs' headings are the chain's, in the same order.)
    members = list(best.members)
    runs: list[Chain] = []
    cut = 0
    for k in range(1, len(members)):
        if members[k].value <= members[k - 1].value:
            runs.append(Chain(best.scheme, tuple(members[cut:k]), best.score))
            cut = k
    runs.append(Chain(best.scheme, tuple(members[cut:]), best.score))

    def separate(chain: Chain, earlier: Chain | None, later: Chain | None) -> bool:
        """A run of its own: long and strong enough, and its numbers go back against a
        neighbouring run (it starts again after the earlier or the later starts again after it)."""
        goes_back = (earlier is not None and chain.members[0].value <= earlier.members[-1].value) or (
            later is not None and later.members[0].value <= chain.members[-1].value
        )
        strong = _strength(chain) >= RUN_WEIGHT_RATIO * strength
        # Headings name a subject in a few words; a numbered list's entries are sentences.
        titled = sum(len(m.title.split()) for m in chain.members) <= RUN_TITLE_WORDS * len(chain.members)
        return len(chain.members) >= RUN_MINIMUM and goes_back and strong and titled

    found_one = True
    while found_one:
        found_one = False
        # The gaps: before the first run, between runs, after the last.
        bounds = [-1, *(i for run in runs for i in (run.members[0].index, run.members[-1].index)), len(lines)]
        for gap in range(len(runs) + 1):
            start, stop = bounds[2 * gap] + 1, bounds[2 * gap + 1]
            chain = best_chain(lines, start=start, stop=stop, minimum=RUN_MINIMUM, shape=shape)
            earlier = runs[gap - 1] if gap > 0 else None
            later = runs[gap] if gap < len(runs) else None
            if chain is not None and separate(chain, earlier, later):
                runs.insert(gap, chain)
                found_one = True
                break
    return _rejoined(runs, lines)


def _rejoined(runs: list[Chain], lines: list[Line]) -> list[Chain]:
    """Neighbouring runs whose numbers go on rather than back are one run, its gaps filled: the
    best chain may jump from a meeting's first item to the next meeting's first ("1." of the
    annual meeting, then "1." of the ordinary meeting), leaving the rest of the first meeting
    to be found as a run of its own after the cut (Govan's October 2025 minutes, whose "2."
    sits on the line after "1." as a list row would)."""
    joined: list[Chain] = []
    for run in runs:
        last = joined[-1] if joined else None
        if (
            last is not None
            and _bare(last.scheme) == _bare(run.scheme)
            and last.members[-1].head == run.members[0].head
            and last.members[-1].value < run.members[0].value
        ):
            joined[-1] = Chain(last.scheme, last.members + run.members, last.score + run.score)
        else:
            joined.append(run)
    found = candidates(lines)
    if len(joined) != len(runs):
        joined = [_fill_gaps(run, found) if len(run.members) > 1 else run for run in joined]
    return _with_item_taken_late(joined, found)


def _with_item_taken_late(runs: list[Chain], found: list[Candidate]) -> list[Chain]:
    """An item the meeting took out of order, minuted after the last item under its own number
    ("9. Money Claim" after "25.", the minutes of item 8 saying it was "moved to end of meeting";
    Norfolk parish minutes, 2018): a heading of the last run's scheme, set as strongly as its
    weakest, whose number is one the run skipped."""
    if not runs or len(runs[-1].members) < RUN_MINIMUM:
        return runs
    last = runs[-1]
    members = last.members
    shape, head = _bare(last.scheme), members[-1].head
    printed = {m.value for run in runs for m in run.members}
    weakest = min(m.weight for m in members)
    late = [
        cand
        for cand in found
        if cand.index > members[-1].index
        and _bare(cand.scheme) == shape
        and cand.head == head
        and members[0].value < cand.value < members[-1].value
        and cand.value not in printed
        and cand.weight >= weakest
        and not cand.list_row
    ]
    if not late:
        return runs
    taken = {c.index: c for c in late}  # one reading per line
    return [
        *runs[:-1],
        Chain(last.scheme, members + tuple(sorted(taken.values(), key=lambda c: c.index)), last.score),
    ]


def _strength(chain: Chain) -> float:
    """How strongly a chain's headings are set: their mean weight."""
    return sum(m.weight for m in chain.members) / max(1, len(chain.members))


def _fill_gaps(chain: Chain, found: list[Candidate]) -> Chain:
    """Headings the chain skipped because their label's punctuation differs ("7 Quality
    Assurance Update" among "6." and "8.", Norfolk 17 June 2014): a number the sequence expects
    in a gap between its neighbours (or a repeated one, a clerk's slip for the missing number),
    with the same head and at least the chain's weakest weight; and a first item set as a row
    of a list before the chain's first."""
    members = list(chain.members)
    shape = _bare(chain.scheme)
    weakest = min(m.weight for m in members)
    added = []
    for before, after in zip(members, members[1:], strict=False):
        for cand in found:
            if (
                before.index < cand.index < after.index
                and _bare(cand.scheme) == shape
                and cand.head == before.head
                and before.value <= cand.value < after.value
                and after.value - before.value > _unit(chain.scheme)
                # The very number missing fits whatever its weight ("2019/53. To receive
                # reports …" between "2019/52" and "2019/54").
                and (
                    cand.weight >= weakest
                    or cand.list_row
                    or (
                        cand.head  # a compound number ("2019/53."): a paragraph's "6." is not one
                        and cand.scheme != chain.scheme
                        and cand.value == before.value + _unit(chain.scheme)
                    )
                )
            ):
                added.append(cand)
    # The chain's first number, when it opens the paper's numbering on a short line of its own
    # ("1.7.20 Attendance (as above)" before "2.7.20 To receive apologies …").
    first = members[0]
    opening = [
        cand
        for cand in found
        if cand.index < first.index
        and cand.list_row
        and _bare(cand.scheme) == shape
        and cand.head == first.head
        and cand.value == first.value - _unit(chain.scheme)
        and cand.value <= _unit(chain.scheme)
    ]
    added.extend(opening[-1:])
    # The numbers that go on after the chain's last, one by one, printed with other punctuation
    # ("2019/54 Chairman's remarks" then "2019/55. To receive the notes …"; "11. Dates of
    # Meetings" then "12Transparency Fund Grant"). A plain number must read as a heading of its
    # own (full weight): a paragraph's "12 members voted" does not.
    last = members[-1]
    for cand in found:
        if (
            cand.index > last.index
            and (cand.head or cand.weight >= 1.0)
            and cand.scheme != chain.scheme
            and not cand.list_row
            and _bare(cand.scheme) == shape
            and cand.head == last.head
            and cand.value == last.value + _unit(chain.scheme)
        ):
            added.append(cand)
            last = cand
    if not added:
        return chain
    merged = sorted({m.index: m for m in members + added}.values(), key=lambda m: m.index)
    return Chain(chain.scheme, tuple(merged), chain.score + sum(c.weight for c in added))


def _bare(scheme: str) -> str:
    """A scheme's shape without its closing punctuation: "n." and "n" are one numbering."""
    return scheme.rstrip(".):")


def _chain(scheme: str, group: list[Candidate]) -> Chain:
    """The best rising chain through one group (dynamic programming over candidates).

    A step rises by 1..MAX_STEP (a repeated number is allowed, at a cost, since a clerk may
    print one number twice by mistake); skipped numbers cost a little."""
    n = len(group)
    score = [c.weight for c in group]
    previous: list[int | None] = [None] * n
    for j in range(n):
        for i in range(max(0, j - WINDOW), j):
            step = group[j].value - group[i].value
            unit = _unit(scheme)
            if not 0 <= step <= MAX_STEP * unit:
                continue
            gain = group[j].weight
            if step == 0:
                gain -= 0.7
            elif step > unit:
                # Skipped numbers happen (items taken elsewhere), but less often than not.
                gain -= min(0.4, 0.1 * (step - unit) / unit)
            if score[i] + gain > score[j]:
                score[j], previous[j] = score[i] + gain, i
    if not n:
        return Chain(scheme, (), 0.0)
    end = max(range(n), key=lambda k: (score[k], -k))
    members: list[Candidate] = []
    cursor: int | None = end
    while cursor is not None:
        members.append(group[cursor])
        cursor = previous[cursor]
    members.reverse()
    return Chain(scheme, tuple(members), score[end])


def _counts_in_tens(scheme: str) -> bool:
    """Numeric schemes count in tens so that "7a" sits between "7" and "8"."""
    return scheme.rstrip(".):").endswith("n")


# How far (in lines) a numbered heading's successor may come for it to open the item list.
_SUCCESSOR_WITHIN = 200


def first_item_line(lines: list[Line]) -> int:
    """The first line that opens a numbered sequence (a heading whose next number follows
    within `_SUCCESSOR_WITHIN` lines, lists included), or len(lines) when there is none."""
    found = candidates(lines[: _SUCCESSOR_WITHIN * 2], lists_are_items=True)
    for position, cand in enumerate(found):
        unit = _unit(cand.scheme)
        for later in found[position + 1 :]:
            if later.index - cand.index > _SUCCESSOR_WITHIN:
                break
            if (
                later.scheme == cand.scheme
                and later.head == cand.head
                and 0 < later.value - cand.value <= 3 * unit
            ):
                return cand.index
    return len(lines)
