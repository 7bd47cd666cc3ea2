"""A folder of files as a source: the paths a user names, folders searched recursively.

`expand_paths` is what `minutebook ingest` reads. `FolderSource` is the same folder behind
the source interface (`base.Source`), so a fetch run can take a plain folder of PDFs the way
it takes a council's site. A folder knows nothing of committees or meetings: it lists one
committee (the folder) and one undated meeting per file, and ingest reads the rest from the
papers themselves. Its files are ingested where they are, never copied.

Every path stands on its own: a path that cannot be reached (no such file, a folder on the
way without search permission, a name longer than the file system allows, a symbolic link
loop) and a folder that cannot be listed are each reported as a failure naming that path,
and the walk goes on. Symbolic links are followed, but each file and folder is taken once,
however many ways it is reached: files are returned by their real path, without repeats.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import ClassVar

from ingest.sources.base import Committee, MeetingRef, SourceDocument, SourceError
from minutebook.models import IngestFailure

# What a folder source offers: the suffixes ingest reads (ingest.pages.formats, which a
# source may not import, keeps the same list).
PAPER_SUFFIXES = (".pdf", ".txt", ".md")

# Files that describe a folder rather than hold a paper (a README beside a council's
# minutes, a licence for a published collection): a folder walk leaves them out, as it
# leaves out hidden files. Named on the command line, such a file is still read.
FOLDER_NOTES = frozenset({"readme", "licence", "license", "changelog", "changes", "notice"})


def expand_paths(paths: Iterable[Path], suffixes: tuple[str, ...]) -> tuple[list[Path], list[IngestFailure]]:
    """Files to ingest (real paths; folders searched recursively for `suffixes`, sorted,
    hidden files and folder notes (`FOLDER_NOTES`) left out, each file once) and the paths
    that cannot be read."""
    files: list[Path] = []
    failures: list[IngestFailure] = []
    seen_files: set[str] = set()
    seen_folders: set[tuple[int, int]] = set()

    def add(path: str) -> None:
        real = os.path.realpath(path)
        if real not in seen_files:
            seen_files.add(real)
            files.append(Path(real))

    for path in paths:
        try:
            info = Path(path).stat()
        except OSError as err:
            failures.append(IngestFailure(str(path), unreachable(err)))
            continue
        if stat.S_ISDIR(info.st_mode):
            found: list[str] = []
            _walk(str(path), suffixes, found.append, failures, seen_folders)
            for file in sorted(found, key=Path):
                add(file)
        elif stat.S_ISREG(info.st_mode):
            add(str(path))
        else:
            failures.append(IngestFailure(str(path), "not a regular file or folder (a device or pipe?)"))
    return files, failures


def _walk(
    top: str,
    suffixes: tuple[str, ...],
    add: Callable[[str], None],
    failures: list[IngestFailure],
    seen_folders: set[tuple[int, int]],
) -> None:
    """Depth-first over `top`, following links to folders once each (no loops)."""
    pending = [top]
    while pending:
        folder = pending.pop()
        try:
            info = Path(folder).stat()
            key = (info.st_dev, info.st_ino)
            if key in seen_folders:
                continue
            seen_folders.add(key)
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as err:
            failures.append(
                IngestFailure(folder, f"cannot read the folder ({reason(err)}); its files were skipped")
            )
            continue
        subfolders: list[str] = []
        for entry in entries:
            try:
                if entry.is_dir():
                    subfolders.append(entry.path)
                elif entry.name.startswith("."):
                    continue
                elif Path(entry.name).suffix.lower() not in suffixes:
                    continue
                elif Path(entry.name).stem.lower() in FOLDER_NOTES:
                    continue
                elif entry.is_file():
                    add(entry.path)
                elif entry.is_symlink():
                    failures.append(IngestFailure(entry.path, "broken symbolic link (its target is gone)"))
            except OSError as err:
                failures.append(IngestFailure(entry.path, unreachable(err)))
        # Reversed onto the stack, so folders are walked in name order.
        pending.extend(reversed(subfolders))


def reason(err: OSError) -> str:
    """The operating system's reason, in lower case ("permission denied")."""
    return (err.strerror or str(err)).lower()


def unreachable(err: OSError) -> str:
    """A one-line error for a path that cannot be reached, saying what to do."""
    if err.errno == errno.ENOENT:
        return "no such file or folder"
    if err.errno == errno.EACCES:
        return "permission denied: it, or a folder on its path, cannot be read by this user"
    if err.errno == errno.ENAMETOOLONG:
        return "file name too long for the file system (over 255 bytes in one name); shorten it"
    if err.errno == errno.ELOOP:
        return "symbolic link loop; fix or remove the link"
    if err.errno == errno.ENOTDIR:
        return "no such file or folder (a part of the path is a file, not a folder)"
    return f"cannot reach it ({reason(err)})"


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
