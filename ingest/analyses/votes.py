"""Recorded votes: counts for / against / abstentions and the result, in any common layout.

`read_votes(text)` reads the vote a decision records and returns a `Votes`, or None when the
text records no vote. Invariants:

* Counts are the numbers the paper prints ("none" and "no" are 0); a count it does not print
  is None. Labels may follow the numbers ("4 in favour, 5 against", "8 voting FOR, 1
  against", "(2 For, 7 Against with 0 Abstention.)") or precede them ("For (41) Against (3)
  Abstentions (2)", "For: 6, Against: 2, Abstain: 1"); whichever reading pairs more labels
  with numbers wins, so "For (41)" is 41, never 4. "(4 votes to 5)" is 4 for, 5 against.
* `result` is "carried" or "lost": from the words ("CARRIED", "carried unanimously",
  "passed", "LOST", "FELL", "defeated"), else from the counts (more for than against is
  carried; votes for with none printed against is carried). "Unanimously", "nem con", "all
  in favour" and "all agreed" are a carried vote with no counts.
* A text recording several votes that differ (an amendment lost, then the motion carried;
  one recommendation approved unanimously and another not, 2 for and 7 against) records no
  single vote: None. The same vote repeated is one vote, and so are counts and the fate
  that agrees with them ("For (12) Against (3). CARRIED.").

Taught by Bristol's printed minutes (2024-2026: "CARRIED (6 members voting in favour, none
against with 3 abstentions)", "FELL with 2 voting FOR and 7 AGAINST") and decision notices
("(2 For, 7 Against with 0 Abstention.)"), Burton-cum-Walden's "this resolution was passed
unanimously", and the layouts issue 12 lists from county and parish councils.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER_WORDS = {
    "none": 0, "no": 0, "nil": 0, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}  # fmt: skip
# A count before its label may be a word ("none against", "no abstentions"); after a label
# only digits and "none"/"nil" count ("for no change" is not a vote of nought).
_WORD_NUMBERS = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_COUNT_BEFORE = rf"(?P<n>\d{{1,3}}|{_WORD_NUMBERS})"
_COUNT_AFTER = r"(?P<n>\d{1,3}|none|nil)"
_FILLER = r"(?:\s+(?:members?|councillors?|votes?|voting|voted|were|was|cast|with))*"
_LABELS = {
    "for": r"(?:for|in\s+favour)",
    "against": r"against",
    "abstentions": r"(?:abstentions?|abstaining|abstained|abstain)",
}
_COUNT_FIRST = {
    field: re.compile(rf"\b{_COUNT_BEFORE}{_FILLER}\s+{label}\b", re.I) for field, label in _LABELS.items()
}
_LABEL_FIRST = {
    field: re.compile(rf"\b{label}\s*(?:[:=(–—-]\s*)?{_COUNT_AFTER}\b", re.I)
    for field, label in _LABELS.items()
}
# "(4 votes to 5)"; after a word of voting also "voted 5 to 2", "carried 6-1", "lost 3–4".
_VOTES_TO = re.compile(
    r"\b(?P<for>\d{1,3})\s+votes?\s+to\s+(?P<against>\d{1,3})\b"
    # "carried 5:2", "carried (5-2)".
    r"|\b(?P<fate>vot(?:ed|e|ing)|carried|lost|passed|defeated|rejected)\s+(?:by\s+)?\(?(?P<for2>\d{1,3})\s*(?:to|-|–|:)\s*"
    r"(?P<against2>\d{1,3})\b\)?"
    r"(?=\s*(?:[.,;:)]|$|votes?\b|in\s+favour\b|with\b|against\b))"
    # "By a vote of 6 to 2 the Council approved ...".
    r"|\bvote\s+of\s+(?P<for3>\d{1,3})\s*(?:to|-|–)\s*(?P<against3>\d{1,3})\b",
    re.I,
)

# Lower-case "carried" and "passed" are a vote's fate only beside a motion or a vote ("the
# motion was carried", "carried unanimously"); "many people carried cash" is not.
_MOTION_NOUN = r"(?:motion|resolution|recommendation|amendment|proposal|proposition|vote)s?"
_CARRIED = re.compile(
    r"(?-i:\bCARRIED\b)|\bcarried\s+(?:unanimously|by\s+(?:\d|a\s+majority|majority|\w+\s+votes?)|nem|with|\()"
    rf"|\b{_MOTION_NOUN}\b[^;]{{0,60}}\b(?:carried|passed)\b(?!\s+(?:out|forward|over|through|on|to)\b)"
    r"|\bpassed\s+unanimously\b|\bunanimous(?:ly)?\b|\bnem\.?\s*con\b|\ball\s+(?:were\s+)?in\s+favour\b"
    r"|\bby\s+all\s+(?:those\s+)?present\b|\bagreed\s+by\s+all\b"
    r"|\bby\s+all\s+(?:the\s+)?(?:members|councillors|cllrs)\b"
    # A bare "carried" closing a proposal: "Cllr Ash proposed ..., seconded by Cllr Birch, carried."
    r"|[,;:–—-]\s*carried\s*[.!]?\s*$"
    # The members together as the fate, not as the subject of what they decide: "All
    # agreed.", "All Councillors present were in agreement." ("All Cllrs agreed to order a
    # board" is a decision with no vote recorded; "not all agreed" records no such thing).
    r"|(?<!\bnot\s)\ball\s+(?:(?:the\s+)?(?:members|councillors|cllrs)\s+)?(?:present\s+)?"
    r"(?:agreed(?=\s*(?:[.;,)]|$))|were\s+in\s+agreement\b)"
    # Welsh: "ac roedd pawb yn gytûn" (and all were agreed), "yn unfrydol" (unanimously).
    r"|\bpawb\s+yn\s+gyt[uû]n\b|\byn\s+unfrydol\b",
    re.I,
)
_LOST = re.compile(
    rf"(?-i:\bLOST\b|\bFELL\b)|\b{_MOTION_NOUN}\b[^;]{{0,60}}\b(?:lost|fell)\b"
    r"|\bdefeated\b|\bnot\s+carried\b|\b(?:rejected|refused)\s+by\s+(?:\d|a\s+majority)",
    re.I,
)
_VOTING = re.compile(r"\bvot(?:e|es|ed|ing)\b|\bcarried\b|\blost\b|\bfell\b|\bmajority\b|\bmotion\b", re.I)
# A count in favour is a vote by itself ("seven were in favour, and Cllr Reeve abstained").
_IN_FAVOUR = re.compile(rf"\b{_COUNT_BEFORE}{_FILLER}\s+in\s+favour\b", re.I)
# A text mentions a vote at all: cheap test before the work.
_VOTE_WORDS = re.compile(
    r"\bvot(?:e|es|ed|ing)\b|\bagainst\b|\babst(?:ain|ention)|\bin\s+favour\b|\bcarried\b|\blost\b|\bfell\b|\bFOR\b"
    r"|\bunanimous|\bnem\.?\s*con\b|\bpassed\b|\bdefeated\b|\bby\s+all\b|\bpawb\s+yn\s+gyt|\bunfrydol\b"
    r"|\bin\s+agreement\b|\ball\s+(?:\w+\s+){0,3}agreed\b",
    re.I,
)


@dataclass(frozen=True)
class Votes:
    """One recorded vote: counts as printed (None where not printed) and its result."""

    votes_for: int | None = None
    against: int | None = None
    abstentions: int | None = None
    result: str | None = None

    @property
    def counts(self) -> tuple[int | None, int | None, int | None]:
        return (self.votes_for, self.against, self.abstentions)


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _NUMBER_WORDS[text.lower()]


def _read_counts(text: str, tally: bool = False) -> dict[str, int]:
    """{field: count} from whichever layout (count first or label first) pairs more labels.
    One label alone is a count only beside a word of voting ("funding for 3 years" is not) or
    as one line of a tally (`tally`)."""
    to = _VOTES_TO.search(text)
    if to:
        pair = next(to.group(f"for{k}", f"against{k}") for k in ("", "2", "3") if to.group(f"for{k}"))
        counts = {"for": int(pair[0]), "against": int(pair[1])}
        # "... by 5 votes to 2 with 1 abstention".
        abstained = _COUNT_FIRST["abstentions"].search(text) or _LABEL_FIRST["abstentions"].search(text)
        if abstained:
            counts["abstentions"] = _number(abstained.group("n"))
        if _LOST.search(text):
            # "defeated by 6 votes to 2", "lost 3-5": a pair of counts without labels puts the
            # winning side first or the motion's first; a lost motion had the fewer for it.
            fewer, more = sorted((counts["for"], counts["against"]))
            counts["for"], counts["against"] = fewer, more
        return counts
    readings = []
    for table in (_COUNT_FIRST, _LABEL_FIRST):
        found = {field: m for field, pattern in table.items() if (m := pattern.search(text))}
        readings.append({field: _number(m.group("n")) for field, m in found.items()})
    best = max(readings, key=len)
    if len(best) >= 2 or _VOTING.search(text) or tally:
        return best
    in_favour = _IN_FAVOUR.search(text)
    return {"for": _number(in_favour.group("n"))} if in_favour else {}


def _read_one(segment: str, tally: bool = False) -> Votes | None:
    """The vote one sentence or limb records, or None."""
    if not _VOTE_WORDS.search(segment):
        return None
    counts = _read_counts(segment, tally)
    if _LOST.search(segment):
        result: str | None = "lost"
    elif _CARRIED.search(segment):
        result = "carried"
    elif "for" in counts and "against" in counts and counts["for"] != counts["against"]:
        result = "carried" if counts["for"] > counts["against"] else "lost"
    elif counts.get("for") and "against" not in counts:
        # Votes for and none printed against: "six were in favour and two abstained".
        result = "carried"
    else:
        result = None
    if not counts and result is None:
        return None
    return Votes(counts.get("for"), counts.get("against"), counts.get("abstentions"), result)


_SEGMENT = re.compile(r"\n|(?<=[.!?])\s+(?=[A-Z(])")


def vote_segments(text: str) -> list[tuple[str, Votes]]:
    """Each sentence or limb of `text` that records a vote, with that vote, in order."""
    out = []
    for segment in _SEGMENT.split(text):
        votes = _read_one(segment)
        if votes is not None:
            out.append((segment, votes))
    return out


# One count alone on its line, as a tally prints it: "For: 5", "Votes against: 1", "Abstain 0",
# "In favour – 6", "2 against".
TALLY_LINE = re.compile(
    rf"^[\W]*(?:(?:votes?\s+|voting\s+)?(?:{_LABELS['for']}|{_LABELS['against']}|{_LABELS['abstentions']})"
    r"\s*[:=(–—-]?\s*(?:\d{1,3}|none|nil)\)?"
    rf"|\d{{1,3}}\s+(?:votes?\s+)?(?:{_LABELS['for']}|{_LABELS['against']}|{_LABELS['abstentions']}))\s*[.;,]?\s*$",
    re.I,
)


def _tally(counts: list[Votes], fates: list[Votes]) -> Votes | None:
    """Counts printed one to a line ("For: 5" / "Against: 2" / "Abstain: 1") as one vote: each
    line gives fields no other gives, and the fate printed with them agrees with the counts.
    None when they do not."""
    fields: dict[int, int] = {}
    results = {v.result for v in fates} - {None}
    for v in counts:
        for k, count in enumerate(v.counts):
            if count is None:
                continue
            if k in fields:
                return None
            fields[k] = count
    merged = Votes(fields.get(0), fields.get(1), fields.get(2))
    derived = _read_one(
        f"{merged.votes_for or 0} for, {merged.against or 0} against" if 0 in fields and 1 in fields else ""
    )
    if derived is not None and derived.result:
        results.add(derived.result)
    elif 0 in fields and 1 not in fields and merged.votes_for:
        results.add("carried")
    if len(results) > 1:
        return None
    return Votes(merged.votes_for, merged.against, merged.abstentions, results.pop() if results else None)


def read_votes(text: str) -> Votes | None:
    """The one vote `text` records (see the module doc), or None. A count and a bare fate that
    agree ("For (12) Against (3) Abstentions (1). CARRIED.") are one vote, and so are counts
    printed one to a line ("Votes for: 6" / "Votes against: 1")."""
    tally = [line for line in text.split("\n") if TALLY_LINE.match(line)]
    if len(tally) >= 2:
        counts = [v for line in tally if (v := _read_one(line, tally=True))]
        fates = [
            v for segment, v in vote_segments(text) if not TALLY_LINE.match(segment) and not any(v.counts)
        ]
        merged = _tally(counts, fates)
        if merged is not None:
            return merged
    distinct = {votes for _, votes in vote_segments(text)}
    counted = [v for v in distinct if v.counts != (None, None, None)]
    if len(counted) == 1 and all(v.result in (None, counted[0].result) for v in distinct - set(counted)):
        return counted[0]
    return distinct.pop() if len(distinct) == 1 else None
