"""The data model, defined once. Every stage takes and returns these dataclasses.

Invariants that hold everywhere:

* Dates are ISO strings (`YYYY-MM-DD`) or `None`; never `""`.
* Page numbers are 1-based physical pages of the file as published (page 14 of the pack is 14),
  so a citation can be checked against the PDF. Text papers with no form feeds have one page.
* Ids derive from content (see `minutebook.text.content_id`), never from file names or run order,
  so re-ingesting the same paper yields the same ids and is a no-op.
* Text fields hold *plain* text (markup such as `**bold**` stripped, whitespace inside lines
  collapsed, line breaks kept), so any substring of them is a verbatim quote of the paper.
  Only `Page.text` keeps the light markup (`**bold**`, `# heading`) that helps find structure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

DocumentKind = Literal[
    "agenda",
    "supplementary_agenda",
    "minutes",
    "report",
    "decision_notice",
    "forward_plan",
    "questions",
    "other",
]
DOCUMENT_KINDS: tuple[str, ...] = (
    "agenda",
    "supplementary_agenda",
    "minutes",
    "report",
    "decision_notice",
    "forward_plan",
    "questions",
    "other",
)

Outcome = Literal["approved", "noted", "endorsed", "recommended", "deferred", "rejected", "other"]
OUTCOMES: tuple[str, ...] = (
    "approved",
    "noted",
    "endorsed",
    "recommended",
    "deferred",
    "rejected",
    "other",
)

EntityType = Literal["person", "organisation", "place"]
AttendanceStatus = Literal["present", "apologies", "substitute", "in_attendance", "absent"]


@dataclass
class Page:
    """One physical page. `text` keeps light markup: `**bold**` runs and `#` heading lines.

    Furniture (running headers/footers, page numbers, "intentionally left blank") is removed
    from `text` but the page itself is kept, so page numbers stay those of the file.
    """

    number: int
    text: str


@dataclass
class Section:
    """A numbered paragraph or heading inside an item ("2.3", "Recommendation", "Background").

    `number` is as printed ("2.3") or None for unnumbered headings; `page` is where it starts.
    Tables stay inside the text of the section they appear in.
    """

    id: str
    number: str | None
    title: str | None
    page: int
    text: str
    position: int = 0


@dataclass
class Item:
    """An agenda item (agenda, supplementary agenda, report) or a numbered minute (minutes).

    `number` is exactly as printed ("7", "292", "7.1", "A") or None when the paper has none
    (a stand-alone report). `page_start`/`page_end` are None for items "to follow" that have
    no pages in this document.

    `part` says what the item is: "item" (an agenda item or minute), "appendix", or text no
    item claims, kept so that every line of a paper is stored and searchable: "front_matter"
    (a heading block, attendance, a covering letter before the first item) and "pages" (pages
    of a pack between items). Only "item" and "appendix" are the meeting's items in
    `meetings --json`; every part is indexed.
    """

    id: str
    number: str | None
    title: str
    page_start: int | None
    page_end: int | None
    text: str = ""
    presenter: str | None = None
    to_follow: bool = False
    position: int = 0
    sections: list[Section] = field(default_factory=list)
    part: str = "item"


# Item parts that are the meeting's business (the others only hold text for search).
AGENDA_PARTS = ("item", "appendix")


@dataclass
class Mention:
    """One mention of a named entity in a document. `name` is the canonical (merged) name."""

    name: str
    type: EntityType
    surface: str
    page: int
    item_id: str | None = None
    role: str | None = None


@dataclass
class Attendance:
    """Who was at a meeting and how (from the minutes' attendance block)."""

    person: str
    status: AttendanceStatus
    role: str | None = None
    substituting_for: str | None = None
    page: int = 1


@dataclass
class Declaration:
    """A declaration of interest recorded in minutes."""

    person: str
    interest: str
    item_number: str | None = None
    page: int = 1


@dataclass
class Figure:
    """A number read from a paper: money in GBP, a percentage, a count or a rate.

    `value` is normalised (`£2.67 million` -> 2670000.0). Table cells carry the row indicator
    as `label` and the column header as `period`. `context` is the verbatim sentence or row.
    """

    label: str
    value: float
    unit: str
    page: int
    context: str
    period: str | None = None
    item_id: str | None = None
    source: Literal["text", "table"] = "text"


@dataclass
class TableRow:
    """One row of a table printed in a paper, read with the column headers it sits under.

    `cells` are the row's cells as printed (spaces collapsed); `headers[i]` is the header of
    `cells[i]` (None where the table prints none), so `len(headers) == len(cells)`. `label` is
    what the row is about: its leading cells that are not numbers ("EK8129 Holt & Corpusty",
    "In-house LAC fostering"). `text` is the row as its section stores it (a verbatim substring
    of that section's text, so it can be quoted); `item_id`/`section_id` are None when the row
    lies outside every item. `table` numbers the paper's tables from 0, `position` the table's
    rows.
    """

    page: int
    table: int
    position: int
    cells: list[str]
    headers: list[str | None]
    label: str
    text: str
    item_id: str | None = None
    section_id: str | None = None


@dataclass
class Resolution:
    """A decision recorded in minutes or a decision notice, verbatim with all its limbs.

    Votes are the counts the paper prints (None where it prints none); `vote_result` is
    "carried" or "lost" when the paper records the vote's fate (in words, "unanimously", or
    by counts), else None.
    """

    id: str
    text: str
    outcome: str
    page: int
    item_id: str | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
    vote_result: str | None = None


@dataclass
class Recommendation:
    """What officers asked the committee to do, verbatim, from a report or agenda item."""

    id: str
    text: str
    page: int
    item_id: str | None = None


@dataclass
class Action:
    """A commitment to do something later, with owner and due date when the paper gives them.

    `due` is resolved against the meeting date ("within six months" of 2014-06-17 ->
    2014-12-17); `due_text` keeps the words it came from. `source` says which pattern found it
    (resolution limb, officer undertaking, action marker, action log, work programme).
    """

    id: str
    text: str
    page: int
    source: str
    item_id: str | None = None
    owner: str | None = None
    due: str | None = None
    due_text: str | None = None


@dataclass
class Document:
    """One paper as ingested. `id` is the content id of its normalised text, so two files with
    the same text (whatever their bytes) are one document with both paths recorded.

    `body`, `meeting_date`, `meeting_time` and `venue` come from the paper itself, never from
    the file name. Documents with the same body key and date belong to one meeting.
    """

    id: str
    path: str
    kind: str
    title: str | None
    body: str | None
    meeting_date: str | None
    meeting_time: str | None
    venue: str | None
    pages: list[Page]
    file_sha256: str = ""
    items: list[Item] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    attendance: list[Attendance] = field(default_factory=list)
    declarations: list[Declaration] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    resolutions: list[Resolution] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    table_rows: list[TableRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def agenda_items(self) -> list[Item]:
        """The meeting's items in this paper (parts `AGENDA_PARTS`), in order."""
        return [item for item in self.items if item.part in AGENDA_PARTS]

    @property
    def page_count(self) -> int:
        return len(self.pages)


@dataclass
class Meeting:
    """A meeting of one body on one date; derived from the documents that name it."""

    id: str
    body: str | None
    date: str | None
    time: str | None
    venue: str | None


@dataclass
class IngestFailure:
    """One file that could not be ingested, with a one-line reason a user can act on."""

    path: str
    error: str
