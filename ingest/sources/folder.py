"""A folder of files as a source: the paths a user names, folders searched recursively."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from minutebook.models import IngestFailure


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
