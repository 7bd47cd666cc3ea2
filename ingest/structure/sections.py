"""Split an item into sections: numbered paragraphs ("2.3 …") and headings ("Background").

Every line of an item belongs to exactly one section, so the sections' text together is the
item's text; tables stay in the section they appear in.
"""

from __future__ import annotations

import re

from ingest.structure.lines import Line, join_text
from minutebook.models import Section
from minutebook.text import content_id

# "1. Background", "2.3 The Committee…", "11.2 The Committee RESOLVED that:-".
_NUMBERED = re.compile(r"^(?P<number>\d{1,3}(?:\.\d{1,3}){0,3})\.?\s+(?P<rest>(?!\d)\S.*)$")
# Headings officer reports use without numbers (Norfolk, Bristol and WECA templates).
_KNOWN_HEADINGS = re.compile(
    r"^(summary|executive summary|background|introduction|recommendations?|purpose of (the )?report"
    r"|action required|evidence base|financial implications|legal implications|resource implications"
    r"|other implications|risk implications|risk implications/assessment|equality impact assessment.*"
    r"|consultation|conclusions?|appendices|background papers|reasons? for (the )?(decision|recommendations?)"
    r"|officer contact|strategic impact|proposals?|issues, risks and innovation|alternative options.*"
    r"|decision taken|reason for decision|the policy committee:?)\s*:?$",
    re.IGNORECASE,
)
_MAX_HEADING = 90


def _heading(line: Line) -> tuple[str | None, str | None] | None:
    """(number, title) when the line starts a section, else None.

    A numbered line starts a section whatever its length (Norfolk numbers its paragraphs);
    its title is kept only when it reads as a heading ("1. Background"), not a sentence.
    """
    match = _NUMBERED.match(line.text)
    if match:
        rest = match["rest"].strip()
        is_title = len(rest) <= _MAX_HEADING and not rest.endswith((".", ",", ";")) and rest[0].isupper()
        return match["number"], rest if is_title else None
    if _KNOWN_HEADINGS.match(line.text):
        return None, line.text.rstrip(" :")
    if line.emphasised and len(line.text) <= _MAX_HEADING and not line.text.endswith((".", ",")):
        return None, line.text
    return None


def split_sections(item_id: str, lines: list[Line]) -> list[Section]:
    """Sections of one item in order. Lines before the first heading form an untitled one."""
    groups: list[tuple[str | None, str | None, list[Line]]] = []
    for line in lines:
        heading = _heading(line)
        if heading is not None or not groups:
            number, title = heading if heading is not None else (None, None)
            groups.append((number, title, [line]))
        else:
            groups[-1][2].append(line)
    groups = _fold_bare_headings(groups)
    return [
        Section(
            id=content_id(item_id, "section", position, number, title),
            number=number,
            title=title,
            page=block[0].page,
            text=join_text(block),
            position=position,
        )
        for position, (number, title, block) in enumerate(groups)
    ]


def _fold_bare_headings(
    groups: list[tuple[str | None, str | None, list[Line]]],
) -> list[tuple[str | None, str | None, list[Line]]]:
    """A heading alone on its line ("1. Background") followed by an untitled paragraph
    ("1.1 Please see…") becomes one section: the paragraph under its heading's title."""
    folded: list[tuple[str | None, str | None, list[Line]]] = []
    for group in groups:
        if folded:
            number, title, block = folded[-1]
            if len(block) == 1 and title and group[1] is None:
                folded[-1] = (number or group[0], title, block + group[2])
                continue
        folded.append(group)
    return folded
