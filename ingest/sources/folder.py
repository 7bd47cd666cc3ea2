"""A folder of files as a source: the paths a user names, folders searched recursively.

`expand_paths` is what `minutebook ingest` reads. `FolderSource` is the same folder behind
the source interface (`base.Source`), so a fetch run can take a plain folder of PDFs the way
it takes a council's site. A folder knows nothing of committees or meetings: it lists one
committee (the folder) and one undated meeting per file, and ingest reads the rest from the
papers themselves. Its files are ingested where they are, never copied.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import ClassVar

from ingest.sources.base import Committee, MeetingRef, SourceDocument, SourceError
from minutebook.models import IngestFailure

# What a folder source offers: the suffixes ingest reads (ingest.pages.formats, which a
# source may not import, keeps the same list).
PAPER_SUFFIXES = (".pdf", ".txt", ".md")


def expand_paths(paths: Iterable[Path], suffixes: tuple[str, ...]) -> tuple[list[Path], list[IngestFailure]]:
    """Files to ingest (folders searched recursively for `suffixes`, sorted, hidden files
    left out) and the paths that cannot be."""
    files: list[Path] = []
    failures: list[IngestFailure] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and p.suffix.lower() in suffixes and not p.name.startswith(".")
                )
            )
        elif path.is_file():
            files.append(path)
        else:
            failures.append(IngestFailure(str(path), "no such file or folder"))
    return files, failures


class FolderSource:
    """A local folder (or one file) of papers; see the module docstring."""

    kind: ClassVar[str] = "folder"
    mode = "folder"

    def __init__(self, location: str, client: object = None) -> None:
        del client  # a folder is read from disk, never over the network
        self.root = Path(location).expanduser()
        if not self.root.exists():
            raise SourceError(f"{location}: no such file or folder")
        self.location = str(self.root.resolve())
        self.notes: list[str] = []

    @classmethod
    def probe(cls, location: str) -> float:
        return 1.0 if "://" not in location and Path(location).expanduser().exists() else 0.0

    def committees(self) -> list[Committee]:
        return [Committee(".", self.root.resolve().name or self.location)]

    def meetings(self, committee: Committee, date_from: str, date_to: str) -> Iterator[MeetingRef]:
        """One undated meeting per file (a folder gives no dates, so the range is not applied)."""
        files, _ = expand_paths([self.root], PAPER_SUFFIXES)
        for path in files:
            yield MeetingRef(str(path.resolve()), committee.id, committee.title, None)

    def documents(self, meeting: MeetingRef) -> list[SourceDocument]:
        path = Path(meeting.id)
        return [SourceDocument(path.as_uri(), path.stem, meeting, path=path)]
