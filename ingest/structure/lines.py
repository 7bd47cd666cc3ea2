"""A document as a flat list of lines, each remembering its page and its emphasis.

The splitters work on this form so that page numbers survive every step: an item or section
starting on line k starts on `lines[k].page`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.models import Page
from minutebook.text import clean_line

# A committee system's page of one agenda item opens with the words "Agenda item" alone, after
# the site's own notices when the page was saved with them: within its first lines.
_ITEM_PAGE_STAMP = re.compile(r"^\s*agenda item\s*$", re.IGNORECASE)
ITEM_PAGE_STAMP_LINES = 8


def item_page_stamp(texts: list[str]) -> int | None:
    """The index of the "Agenda item" stamp that opens one item's web page, or None."""
    return next((i for i, t in enumerate(texts[:ITEM_PAGE_STAMP_LINES]) if _ITEM_PAGE_STAMP.match(t)), None)


_EMPHASIS = re.compile(r"^\s*(?:[-*]\s+)?(?:#{1,6}\s|\*\*)|\*\*\s*$")
_HEADING = re.compile(r"^\s*#{1,6}\s")


@dataclass(frozen=True)
class Line:
    """One line of a page. `text` is plain (markup and list dashes stripped); `emphasised`
    is True when the paper set it bold or as a heading, a strong hint it starts something;
    `heading` when it was set in larger type (a PDF heading, a Markdown `#`)."""

    page: int
    text: str
    emphasised: bool
    heading: bool = False


def to_lines(pages: list[Page]) -> list[Line]:
    """All non-blank lines of all pages, in order."""
    lines = []
    for page in pages:
        for raw in page.text.splitlines():
            text = clean_line(raw)
            # Norfolk's converted papers prefix list items and some headings with "- ".
            text = re.sub(r"^[-•▪]\s+", "", text).strip()
            if text:
                lines.append(Line(page.number, text, bool(_EMPHASIS.search(raw)), bool(_HEADING.match(raw))))
    return lines


def join_text(lines: list[Line]) -> str:
    return "\n".join(line.text for line in lines)
