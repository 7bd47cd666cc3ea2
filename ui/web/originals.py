"""The original file of a paper, served only while it is still the file that was ingested.

The store keeps each ingested file's sha256 and size. What is at the stored path now may be
something else: an edited paper, or a symbolic link swapped in to point at another file on
the server (`/etc/passwd`). So the bytes are read once, from a regular file of the recorded
size, hashed, and served only when the hash matches; the bytes served are the bytes hashed,
so nothing can be swapped between the check and the download. Anything else is refused with
a reason the page shows.

Imports: the standard library only.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

REFUSED_NOTE = b"minutebook did not serve this file: it is no longer the file that was ingested.\n"


@dataclass(frozen=True)
class Original:
    """Where a paper was ingested from and what its bytes were."""

    path: str
    sha256: str
    size: int | None


def read_verified(original: Original) -> bytes | str:
    """The file's bytes when they are exactly the ones ingested; else why not (one line)."""
    try:
        # A symbolic link is followed (papers are often linked into a folder); the hash of
        # what it reaches decides. Non-blocking, so a pipe swapped in cannot hang the page.
        fd = os.open(original.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return "the original file is no longer on disk"
    except OSError as err:
        return f"the original file cannot be read ({(err.strerror or str(err)).lower()})"
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            return "the path no longer holds a regular file; not served"
        if original.size is not None and info.st_size != original.size:
            return "the file has changed since it was ingested (its size differs); re-ingest it"
        data = handle.read() if original.size is None else handle.read(original.size + 1)
    if original.size is not None and len(data) != original.size:
        return "the file changed while it was read; try again"
    if hashlib.sha256(data).hexdigest() != original.sha256:
        return "the file has changed since it was ingested (its contents differ); re-ingest it"
    return data


def download_bytes(original: Original) -> bytes:
    """What the download button serves: the verified bytes, or a short note saying why not
    (the button was drawn after a check, but the file may have changed since)."""
    found = read_verified(original)
    return found if isinstance(found, bytes) else REFUSED_NOTE


def file_name(original: Original) -> str:
    return Path(original.path).name
