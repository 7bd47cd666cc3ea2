"""Passages of an item's text as decisions and actions read them: paragraphs (wrapped lines
and page breaks joined, list limbs kept apart), sentences, and the page a passage starts on.

Shared by `decisions` and `actions`, so neither has to borrow from the other.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from minutebook.models import Item

# A list limb: "- ", "• ", "1. ", "a) ", "(a) ", "1) ", "viii) ". Norfolk minutes use "- " bullets;
# Bristol minutes and decision notices number their limbs "1."; Norfolk reports use "a)".
# Word processors' symbol-font bullets come out as a private-use glyph, or as "x", "o" or
# "§" before a capital (Burton-cum-Walden minutes, 2024: "x Waterfall area").
LIMB = re.compile(
    r"^(?:[-•*·▪●◦§Ø]\s+|[\ue000-\uf8ff]\s*|[ox]\s+(?=[A-Z0-9£])|\(?(?:[a-zA-Z0-9]{1,3}|[ivxlc]{1,7})[.)]\s+)"
)
# A numbered paragraph of minutes ("8.3 ", "- 16.2 ", "10.2"): a new paragraph, never a limb.
# Also matters-arising references that number a paragraph by the minute it follows up
# ("4.5v) ", "12i) ", "4.4.13ii) ", Manordeilo and Salem minutes).
PARAGRAPH_NUMBER = re.compile(
    r"^(?:[-•]\s*)?(?:\d{1,3}(?:\.\s?\d{1,3})+\.?|\d{1,3}(?:\.\d{1,3})*[a-z]{1,5}\))(?:\s+|$)"
)
# Lines that end the business of a meeting (Norfolk: "The meeting closed at 5.55pm.").
# The signature line is "CHAIR" in capitals or "Chairman:" (Bristol, Burton-cum-Walden); a line
# that starts "Chair of Transport and Connectivity Committee, to ..." carries on a sentence.
STOP = re.compile(
    r"^(?:(?i:The meeting (?:closed|ended)|If you need this document)"
    r"|CHAIR(?:MAN|PERSON)?\b|Chair(?:man|person)?\s*[:|])"
)
_TERMINAL = (".", ":", ";", "!", "?", ":-", ")")
# A line that opens with the meeting's verdict starts a paragraph even after an unpunctuated
# line: "TCC Website Domain Name Fee – £11.99 paid by direct debit" then "All approved for
# payment." (the verdict on a list of payments, Welsh community council minutes, 2020-2024).
_VERDICT_LINE = re.compile(
    r"^(?:All\s+(?:(?:Councillors|Members|Cllrs)\s+)?(?:present\s+)?(?:approved|agreed)\b|Unanimously\b"
    r"|(?:RESOLVED|Resolved|AGREED|Agreed|APPROVED|Approved|CARRIED|Carried)\b(?!\s+(?:by|in|on|at)\b))"
)


@dataclass
class Paragraph:
    """One paragraph of an item: text joined from its lines, `start` its offset in item.text."""

    text: str
    start: int
    limb: bool
    numbered: bool

    @property
    def body(self) -> str:
        """The text without its paragraph number or limb marker."""
        text = PARAGRAPH_NUMBER.sub("", self.text)
        return LIMB.sub("", text) if self.limb else text


def paragraphs(text: str) -> list[Paragraph]:
    """Split item text into paragraphs. A line joins the previous one when that one did not
    end a sentence and this one starts no limb or numbered paragraph: that is how a sentence
    broken by a page break ("... members of the\\n\\nPanel would be ...", Norfolk 13 March
    2014, item 18) or a line wrap ("(ACTION: PCO to arrange" / "Members' briefing
    sessions.)", Bristol 19 March 2026) is read back whole."""
    lines = text.split("\n")
    width = wrap_width(lines)
    out: list[Paragraph] = []
    offset = 0
    previous_line = ""
    for raw in lines:
        start = offset
        offset += len(raw) + 1
        line = raw.strip()
        if not line:
            continue
        numbered = bool(PARAGRAPH_NUMBER.match(line))
        limb = not numbered and bool(LIMB.match(line))
        joins = out and not numbered and not limb and _continues(out[-1].text, previous_line, line, width)
        previous_line = line
        if joins:
            out[-1].text += " " + line
            continue
        out.append(Paragraph(line, start + raw.index(line[0]), limb, numbered))
    return out


def wrap_width(lines: list[str]) -> int | None:
    """The width (in characters) a paper's text was wrapped at, or None when its lines are
    not wrapped (a text file holds a paragraph per line). A wrapped line fills about this
    width; a line that ends a paragraph usually stops short of it."""
    lengths = sorted(len(line.strip()) for line in lines if line.strip() and " | " not in line)
    if len(lengths) < 2:
        return None
    width = lengths[min(len(lengths) - 1, math.ceil(0.9 * (len(lengths) - 1)))]
    return width if 40 <= width <= 160 else None


_FUNCTION_WORD_END = re.compile(
    r"\b(?:the|of|to|and|a|an|in|for|with|on|by|or|that|be|is|are|was|were|their|its)$", re.I
)


def _continues(previous: str, previous_line: str, line: str, width: int | None) -> bool:
    """Whether `line` carries on the sentence `previous` left open (a wrapped line or a page
    break). Items' text has lost its bullet markers, so an unpunctuated limb ("The contents of
    the progress report be noted", Norfolk 17 June 2014) must not swallow the next limb: a
    lower-case start ("(blue combed) due to ..." counts), a dangling function word or comma
    ("... provided to the"), or a previous line that fills the wrap width joins; a short
    unpunctuated line ends its paragraph."""
    previous = previous.rstrip()
    if STOP.match(line):
        return False
    if previous.endswith(".") and _ABBREVIATION.search(previous, max(0, len(previous) - 20)):
        return True  # "It was proposed by Cllr. W." / "Loynton, seconded by ..." carries on
    if previous.endswith(_TERMINAL):
        return False
    if line[0].islower() or (line[0] == "(" and line[1:2].islower()):
        return True
    if _in_capitals(previous_line) and not _in_capitals(line):
        # A heading in capitals, then the minute in sentence case ("TO RECEIVE AND NOTE THE
        # MINUTES OF THE ALLOTMENT COMMITTEE HELD ON 20 SEPTEMBER 2023" / "Members received
        # and noted the minutes."): however long the heading, the sentence starts anew.
        return False
    if _FUNCTION_WORD_END.search(previous) or previous.endswith((",", "&", "–")):
        return True  # "... the amendment was" / "CARRIED (7 members voting in favour ...)"
    if _VERDICT_LINE.match(line):
        return False
    table = " | " in previous_line or " | " in line
    return width is not None and not table and len(previous_line) >= 0.8 * width


def _in_capitals(line: str) -> bool:
    """A line of three or more words whose letters are all capitals (a heading so set)."""
    words = [w for w in line.split() if any(c.isalpha() for c in w)]
    return len(words) >= 3 and all(c.isupper() for w in words for c in w if c.isalpha())


# A sentence may open with an action asterisk ("... not signposted. *Clerk to report both
# issues to highways.", Norfolk parish minutes mark each action so).
# Lettered limbs run into one line end a sentence too ("a. Newsletters from the police b.
# Letter about the flag for Merchant Navy Day, noted c. Tour of the range ...").
# A table's cells run together with " / " end one another too ("Minutes of the meeting on June
# 7th / The minutes were agreed as a true record").
_SENTENCE_END = re.compile(
    r"(?<=[.!?])\s+(?=[A-Z(]|\*\s?[A-Z])|(?<=[\w,).])\s+(?=[a-h][.)]\s+[A-Z*])|\s+/\s+(?=[A-Z])"
)
# A full stop that ends an abbreviation, not a sentence: titles ("Cllr. O. Williams", "Mr.
# Edwards"), initials, initialisms ("C.C.C. Highways") and "No. 5" (Manordeilo and Salem
# minutes, 2018-2019, write every councillor as "Cllr. J. Davies"), and a lettered limb's marker
# ("b. Letter about the flag").
_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:Cllrs?|Cyng|Mr|Mrs|Ms|Miss|Dr|Prof|Rev|Revd|St|No|Nos|Co|Ltd|Dept|Approx|"
    r"approx|e\.g|i\.e|etc|cf|viz|vs|Fig|Ref|Tel|Sgt|Insp|Supt|PC|Capt|Col|Gen|Hon|Jr|Sr|"
    r"[A-Z]|[a-h]|(?:[A-Za-z]\.)+[A-Za-z]?)\.$"
)


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; a plain splitter is enough for minutes' prose, once the full
    stops of abbreviations and initials are not taken for sentence ends."""
    out: list[tuple[int, str]] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        if _ABBREVIATION.search(text, max(pos - 1, m.start() - 20, 0), m.start()):
            continue
        out.append((pos, text[pos : m.start()]))
        pos = m.end()
    out.append((pos, text[pos:]))
    return [(start, s) for start, s in out if s.strip()]


def page_of(item: Item, start: int, text: str) -> int:
    """The page a passage starts on: the section containing its opening words, else the item's."""
    probe = " ".join(text.split()[:8])
    for section in item.sections:
        if probe and probe in " ".join(section.text.split()):
            return section.page
    return item.page_start or 1
