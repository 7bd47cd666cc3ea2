"""A paper laid out for reading: its parts in order under their headings, each line once.

Input is `data.document_parts` (items of every part with their sections); output is a flat
list of blocks the reading view renders top to bottom:

* `Heading`: an item's heading ("9 Free School Meals Update"), or a part's label for text
  that is not an item (front matter, an appendix, pages no item claims), with `part`;
* `PageStart`: where the paper's page `number` begins (the first block on that page);
* `Passage`: one section's text, `heading` (its own heading line, shown bold) and `body`.

Rules:
* Every line is shown once. A section's text begins with its heading line, so that line is
  taken out of the body and shown as the passage's heading; the first section of an item
  usually repeats the item's own heading ("10 City Centre Transport Corridor …" in Bristol's
  printed minutes), and then it is the item heading alone that shows it.
* Front matter (the heading block, who was present, a covering letter) is shown first, like
  any other part, labelled as front matter: that is where a reader looks for attendance.
* An item without sections is one passage of its own text; a paper without items is its
  pages, one passage each.
* A heading is a line of a heading's shape (`heading_shaped`): short, not a table row,
  starting with a capital or a number, not stopping mid-sentence. The structure stage splits
  some printed paragraphs at wrapped lines (Bristol's resolutions: "… new bus gate and
  traffic lights on" / "Newfoundland Way …"); such a "section" carries its sentence on
  (`Passage.continues`) and is text, not a heading.
* The printed page's line wraps are undone (`reflow`) where a line stops mid-sentence, so
  paragraphs read at any width; line breaks that end a sentence, a heading or a table row stay.

Imports: the standard library only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# What each part of a paper is called where it is not an agenda item.
PART_LABELS = {
    "front_matter": "front matter",
    "appendix": "appendix",
    "pages": "pages no item claims",
    "item": "",
}

_NOT_WORD = re.compile(r"[\W_]+")
# Longer first lines are sentences, whatever the structure stage called them.
HEADING_MAX_CHARS = 100
# A line at least this long that ends on a lower-case word was wrapped, not ended.
WRAP_MIN_CHARS = 50
# Words a line does not end on when its sentence is finished.
_CARRY_ON = {
    "a",
    "an",
    "and",
    "as",
    "at",
    "by",
    "for",
    "from",
    "in",
    "into",
    "of",
    "on",
    "or",
    "the",
    "to",
    "with",
    "that",
    "which",
    "who",
    "be",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "not",
}


@dataclass(frozen=True)
class Heading:
    text: str
    part: str
    page: int | None


@dataclass(frozen=True)
class PageStart:
    number: int


@dataclass
class Passage:
    heading: str
    body: str
    page: int
    item: str = ""
    # The text before it stopped mid-sentence: shown on the next line, not a new paragraph.
    continues: bool = False


Block = Heading | PageStart | Passage


def _words(text: str | None) -> str:
    """A line reduced to its words, for comparing headings however they are punctuated."""
    return " ".join(_NOT_WORD.sub(" ", (text or "").casefold()).split())


def item_heading(item: dict[str, Any]) -> str:
    """'9 Free School Meals Update'; the title alone when the paper prints no number."""
    number, title = (item.get("number") or "").strip(), (item.get("title") or "").strip()
    return f"{number} {title}".strip() if number and not title.startswith(number) else title or number


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().split("\n") if line.strip()]
    return lines[-1] if lines else ""


def _hangs(line: str) -> bool:
    """A line that cannot end a sentence or a heading: it ends on a comma, a hyphen, an
    ampersand, or a word that carries on ("and", "of", "on")."""
    if not line or line.endswith(":-"):  # "Members Present:-" introduces, it does not hang
        return False
    return line[-1] in ",-–(&/" or line.split()[-1].casefold() in _CARRY_ON


def ends_open(text: str) -> bool:
    """Whether `text` stops mid-sentence: its last line hangs (`_hangs`), or it is as long as
    a wrapped line and ends on a lower-case word, not a full stop, colon or bracket. Bristol's
    printed minutes wrap a resolution's limbs over lines the structure stage may read as
    headings ("… new bus gate and traffic lights on"); a short line ending in lower case is
    a heading in sentence case ("Executive summary"), not a wrap."""
    last = _last_line(text)
    if not last or last[-1] in ".:;?!)]”\"'":
        return False
    if _hangs(last):
        return True
    return len(last) >= WRAP_MIN_CHARS and last.split()[-1][:1].islower()


def reflow(text: str) -> str:
    """`text` with the printed page's line wraps undone: a line that stops mid-sentence
    (`ends_open`) runs on into the next, so a paragraph reads as one at any width. Lines that
    end a sentence, headings, list items' ends and table rows keep their breaks."""
    out: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if out and out[-1] and stripped and "|" not in out[-1] and "|" not in stripped and ends_open(out[-1]):
            out[-1] = f"{out[-1]} {stripped}"
        else:
            out.append(stripped)
    return "\n".join(out)


def heading_shaped(line: str) -> bool:
    """Whether a line can be a heading at all: short, not a table row, starting with a capital
    or a number, and not stopping mid-sentence. Anything else is text, whatever the structure
    stage called it ("(westbound) and Newfoundland Circus …" carries a sentence on)."""
    line = line.strip()
    return (
        bool(line)
        and len(line) <= HEADING_MAX_CHARS
        and "|" not in line
        and (line[0].isupper() or line[0].isdigit())
        and not _hangs(line)
    )


def _split_heading(section: dict[str, Any], after_open: bool = False) -> tuple[str, str]:
    """(heading line, body): the section's first line is its heading when the section has a
    title and the line says it (with the number, if printed), unless the line is not a
    heading's shape (a table row, a sentence, a line that carries on) or the text before it
    stopped mid-sentence (`after_open`). A numbered paragraph without a title ("1.2.2 Each
    vital sign has …") has no heading line: its text is all body."""
    text = (section.get("text") or "").strip("\n")
    if after_open or not (section.get("title") or "").strip():
        return "", text
    first, _, rest = text.partition("\n")
    if not heading_shaped(first):
        return "", text
    title = _words(" ".join(filter(None, [section.get("number"), section.get("title")])))
    if _words(first).startswith(title) or _words(first).startswith(_words(section["title"])):
        return first.strip(), rest
    return "", text


def blocks(parts: list[dict[str, Any]], pages: list[dict[str, Any]] | None = None) -> list[Block]:
    """The reading order of a paper (see the module rules). `pages` (number, text) are used
    only when the paper has no items at all."""
    out: list[Block] = []
    seen_page = 0

    def page_mark(page: int | None) -> None:
        nonlocal seen_page
        if page and page > seen_page:
            out.append(PageStart(page))
            seen_page = page

    if not parts:
        for page in pages or []:
            page_mark(page["number"])
            out.append(Passage("", reflow(page.get("text") or ""), page["number"]))
        return out
    for item in parts:
        heading = item_heading(item)
        first_page = item["sections"][0]["page"] if item["sections"] else item.get("page_start")
        page_mark(first_page)
        label = heading or PART_LABELS.get(item["part"], "") or "Untitled"
        out.append(Heading(label, item["part"], first_page))
        if not item["sections"]:
            _head, body = _split_heading(item)
            if body.strip():
                out.append(Passage("", reflow(body), first_page or 1, heading))
            continue
        previous = ""
        for index, section in enumerate(item["sections"]):
            page_mark(section["page"])
            carries_on = index > 0 and ends_open(previous)
            head, body = _split_heading(section, after_open=carries_on)
            if index == 0 and head and _words(head) == _words(heading):
                head = ""  # the item heading above already says it
            elif index == 0 and not head:
                # The first line may be the item heading itself even when the section is untitled.
                first, _, rest = body.partition("\n")
                if _words(first) == _words(heading):
                    body = rest
            if head or body.strip():
                out.append(Passage(head, reflow(body), section["page"], heading, carries_on))
                previous = body if body.strip() else head
    return out
