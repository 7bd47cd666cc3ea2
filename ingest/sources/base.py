"""What every source of papers answers, whatever the site or folder behind it.

A source is a place papers are published: a council's ModernGov site, a plain folder of
PDFs, later CMIS or another platform. Each answers three questions, in this order:

* `committees()`: the bodies it publishes papers for;
* `meetings(committee, date_from, date_to)`: that body's meetings in a date range;
* `documents(meeting)`: the papers of one meeting (packs and agenda-item attachments).

Rules every source keeps:

* Dates are ISO `YYYY-MM-DD` or None, never "". A source reports what the *site* says; the
  paper's own front sheet is read later by ingest and wins where they differ.
* A `SourceDocument.url` is absolute and percent-encoded, so it can be requested and stored
  as it is; documents of one meeting are listed once each (first mention wins).
* Sources raise `SourceError` (a one-line message naming the URL or path) for a place that
  cannot be read; they never raise for one bad link among good ones.

`registry.py` picks the source for a location (a URL or a path) by asking each registered
kind how well it fits, as alephdata/ingest-file's `Manager.auction()` picks a format.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Protocol


class SourceError(Exception):
    """A place (site, page, folder) that cannot be read; the message is one line."""


@dataclass(frozen=True)
class Committee:
    """A body papers are published for. `id` is the site's own (ModernGov's CId)."""

    id: str
    title: str
    category: str | None = None
    expired: bool = False


@dataclass(frozen=True)
class MeetingRef:
    """One meeting as the site lists it: its id there, its committee, date and time."""

    id: str
    committee_id: str
    committee: str
    date: str | None
    time: str | None = None
    status: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class SourceDocument:
    """One paper a meeting links to. `path` is set when the paper is already a local file
    (a folder source); otherwise it is fetched from `url`."""

    url: str
    title: str
    meeting: MeetingRef
    item_number: str | None = None
    item_title: str | None = None
    path: Path | None = None


class Source(Protocol):
    """A place papers come from (see the module docstring for the rules)."""

    kind: ClassVar[str]
    location: str
    # How the source is reading the place ("service", "pages", "folder"), for reports.
    mode: str

    def committees(self) -> list[Committee]: ...

    def meetings(self, committee: Committee, date_from: str, date_to: str) -> Iterator[MeetingRef]: ...

    def documents(self, meeting: MeetingRef) -> list[SourceDocument]: ...
