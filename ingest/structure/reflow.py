"""Line breaks put back into a paper whose lines were run together.

A paper copied out of a PDF viewer, saved from a document-sharing site or exported as text
can lose its line breaks: the heading, the attendance and every minute run on in one line of
thousands of characters ("… Present: Cllr. G Hughes, … 1. APOLOGIES FOR ABSENCE Cllr. R
Silvester. 2. DECLARATIONS OF INTERESTS None. 3. TO RECEIVE, CONFIRM AND SIGN MINUTES …").
Every later stage reads lines (a title is a short line, an item opens a line), so such a paper
would have no items, no kind and no attendance.

`reflow` cuts an overlong line (`LONG_LINE` characters or more; no ordinary line is touched)
before:

* the item labels inside it that run in sequence, with the labels opening the paper's other
  lines: at least `RUN_MINIMUM` labels of one shape ("1." "2." "3."; "Cou/285/07-08"
  "Cou/286/07-08"; "21.44" "21.45"; "0321/01" "0321/02"), each followed by a
  capitalised word, their numbers going up by one (or two, where the run lost a label to a
  missing space: "… OF MONDAY4. MATTERS ARISING"); a number out of order is left where it
  is. A bare number ("1 BUSINESS … 2 APOLOGIES", "1 Apologies for Absence 2 Minutes …") needs
  a longer run before a capitalised word than before one in capitals; a month after it or a
  year never counts, so dates in the prose ("Monday 1 September 2008") never start a run;
* an attendance field ("Present:", "Also present:", "In attendance:", "Apologies:").

The text is unchanged apart from the breaks: joining a cut line's pieces with spaces gives
the line back (give or take the spaces at the cuts).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.structure.lines import Line

# A line this long is a paragraph or more; lines a PDF or a word processor sets are shorter.
LONG_LINE = 200
# Labels that make a run: fewer could be a cross-reference ("see 2. and 3. above"). Bare
# numbers before a capitalised word ("… 2 Minutes RECOMMENDATION that … 3 Declarations of
# Interest …") need more, prose having numbers before names ("4 Members had asked").
RUN_MINIMUM = 3
WEAK_RUN_MINIMUM = 4
WEAK = "weak"

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
# A label inside the line: a reference's letters and slash ("Cou/"), the counting number, the
# rest of a compound number ("/07-08", ".44"), its point or bracket; then a capitalised word.
_INLINE_LABEL = re.compile(
    r"(?:(?<=\s)|^)(?!(?:19|20)\d\d\b)(?P<label>(?P<prefix>[A-Za-z]{1,4}/)?(?P<n>\d{1,5})(?P<rest>(?:[./-]\d{1,4}){0,3})"
    r"(?P<punct>[.)]?))\s+(?P<next>[A-Z][\w'’-]*)"
)
_FIELD = re.compile(
    r"(?<=\s)(?=(?:(?:Also|Members|Councillors)\s+)?(?:Present|PRESENT|In [Aa]ttendance|IN ATTENDANCE"
    r"|Apologies|APOLOGIES)\s*:)"
)


def reflow(lines: list[Line]) -> list[Line]:
    """`lines` with every overlong line cut where a line of the paper began (see the module
    docstring); other lines are returned as they are."""
    if all(len(line.text) < LONG_LINE for line in lines):
        return lines
    cuts = _run_cuts(lines)
    out: list[Line] = []
    for index, line in enumerate(lines):
        if len(line.text) < LONG_LINE:
            out.append(line)
            continue
        here = cuts.get(index, set()) | {m.start() for m in _FIELD.finditer(line.text)}
        starts = [0, *sorted(cut for cut in here if cut > 0)]
        for start, end in zip(starts, [*starts[1:], len(line.text)], strict=True):
            piece = line.text[start:end].strip()
            if piece:
                out.append(replace(line, text=piece))
    return out


Shape = tuple[str, ...]
# A label's place in the paper: (line index, position in the line).
Place = tuple[int, int]


def _run_cuts(lines: list[Line]) -> dict[int, set[int]]:
    """Where, inside the overlong lines, the labels of the paper's longest run of labels start.

    A run is read through the whole paper: labels inside an overlong line and labels opening
    any line ("0321/01 Present: …" and "0321/02 Declarations …" run in one paragraph, "0321/03
    Minutes …" opens the next), so a run a paragraph holds only part of is still found. Only
    runs with a label inside an overlong line count: the others need no cut."""
    groups: dict[Shape, list[tuple[Place, int]]] = {}
    for index, line in enumerate(lines):
        overlong = len(line.text) >= LONG_LINE
        for m in _INLINE_LABEL.finditer(line.text):
            place = (index, m.start("label"))
            if place[1] > 0 and not overlong:
                continue
            for shape, value in _shapes(m):
                groups.setdefault(shape, []).append((place, value))
    best: list[Place] = []
    for shape, members in groups.items():
        run = _longest_run(members, WEAK_RUN_MINIMUM if WEAK in shape else RUN_MINIMUM)
        if len(run) > len(best):
            best = run
    cuts: dict[int, set[int]] = {}
    for index, position in best:
        if position > 0:
            cuts.setdefault(index, set()).add(position)
    return cuts


def _longest_run(members: list[tuple[Place, int]], needed: int) -> list[Place]:
    """The places of the longest run through `members` (in paper order) whose numbers go up
    by one or two, holding a label inside an overlong line, of at least `needed` labels; []
    when there is none. Labels that do not continue a run (a year, a sum, a reference to
    another minute) are passed over; of runs as long, the one starting first wins.

    Linear: each label extends the best run ending one or two below its number."""
    # number -> (length, -first member, inside, member index) of the best run ending there
    ending: dict[int, tuple[int, int, bool, int]] = {}
    before: list[int | None] = [None] * len(members)
    best: tuple[int, int, bool, int] | None = None
    for j, ((_, position), value) in enumerate(members):
        inline = position > 0
        below = [ending[v] for v in (value - 1, value - 2) if v in ending]
        if below:
            length, first, inside, i = max(below)
            before[j], run = i, (length + 1, first, inside or inline, j)
        else:
            run = (1, -j, inline, j)
        if value not in ending or run[:2] >= ending[value][:2]:
            ending[value] = run
        if run[2] and run[0] >= needed and (best is None or run[:2] > best[:2]):
            best = run
    if best is None:
        return []
    places: list[Place] = []
    cursor: int | None = best[3]
    while cursor is not None:
        places.append(members[cursor][0])
        cursor = before[cursor]
    return places[::-1]


def _shapes(m: re.Match[str]) -> list[tuple[Shape, int]]:
    """Every (shape, counting value) reading of a label (none when it cannot open an item)."""
    prefix, rest, punct, following = m["prefix"] or "", m["rest"], m["punct"], m["next"]
    if not rest and not prefix:
        if re.fullmatch(_MONTHS, following, re.IGNORECASE):
            return []  # a date
        if not punct and not (following.isupper() and len(following) > 1):
            # A bare number before a capitalised word ("1 Apologies for Absence 2 Minutes"):
            # a weaker shape, which needs a longer run.
            return [(("n", punct, WEAK), int(m["n"]))]
        return [(("n", punct), int(m["n"]))]
    parts = re.split(r"[./-]", m["n"] + rest)
    separators = re.findall(r"[./-]", m["n"] + rest)
    if set(separators) == {"."} and len(parts) == 2:
        # "21.44": minute 44 of the year 21; it counts in its last part.
        return [(("dotted", prefix, ".".join(parts[:-1]), punct), int(parts[-1]))]
    # "Cou/285/07-08" counts in its first number, "0321/01" and "16.07.2" in their last, "1.7.20"
    # (item, month, year) in its first: each part may count, the rest being the shape.
    readings: list[tuple[Shape, int]] = []
    for position, part in enumerate(parts):
        others = "".join(
            ("#" if k == position else p) + (separators[k] if k < len(separators) else "")
            for k, p in enumerate(parts)
        )
        readings.append((("compound", prefix, others, punct), int(part)))
    return readings
