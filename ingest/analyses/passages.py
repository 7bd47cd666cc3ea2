"""Passages of an item's text as decisions and actions read them: paragraphs (wrapped lines
and page breaks joined, list limbs kept apart), sentences, and the page a passage starts on.

Shared by `decisions` and `actions`, so neither has to borrow from the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.models import Item

# A list limb: "- ", "• ", "1. ", "a) ", "(a) ", "1) ". Norfolk minutes use "- " bullets;
# Bristol minutes and decision notices number their limbs "1."; Norfolk reports use "a)".
LIMB = re.compile(r"^(?:[-•*·▪●◦o]\s+|\(?[a-zA-Z0-9]{1,3}[.)]\s+)")
# A numbered paragraph of minutes ("8.3 ", "- 16.2 ", "10.2"): a new paragraph, never a limb.
PARAGRAPH_NUMBER = re.compile(r"^(?:[-•]\s*)?\d{1,3}(?:\.\d{1,3})+\.?(?:\s+|$)")
# Lines that end the business of a meeting (Norfolk: "The meeting closed at 5.55pm.").
STOP = re.compile(r"^(?:The meeting (?:closed|ended)|CHAIR(?:MAN)?\b|If you need this document)", re.I)
_TERMINAL = (".", ":", ";", "!", "?", ":-", ")")


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
    2014, item 18) is read back whole."""
    out: list[Paragraph] = []
    offset = 0
    for raw in text.split("\n"):
        start = offset
        offset += len(raw) + 1
        line = raw.strip()
        if not line:
            continue
        numbered = bool(PARAGRAPH_NUMBER.match(line))
        limb = not numbered and bool(LIMB.match(line))
        if out and not numbered and not limb and _continues(out[-1].text, line):
            out[-1].text += " " + line
            continue
        out.append(Paragraph(line, start + raw.index(line[0]), limb, numbered))
    return out


_FUNCTION_WORD_END = re.compile(
    r"\b(?:the|of|to|and|a|an|in|for|with|on|by|or|that|be|is|are|was|were|their|its)$", re.I
)


def _continues(previous: str, line: str) -> bool:
    """Whether `line` carries on the sentence `previous` left open (a wrapped line or a page
    break). Items' text has lost its bullet markers, so an unpunctuated limb ("The contents of
    the progress report be noted", Norfolk 17 June 2014) must not swallow the next limb: only
    a lower-case start or a dangling function word ("... provided to the") joins."""
    previous = previous.rstrip()
    if previous.endswith(_TERMINAL) or STOP.match(line):
        return False
    return line[0].islower() or bool(_FUNCTION_WORD_END.search(previous))


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; a plain splitter is enough for minutes' prose."""
    out: list[tuple[int, str]] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
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
