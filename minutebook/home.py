"""Where minutebook keeps its data: one folder holding the store, the index and caches.

Resolution order (CONTRACT.md): `--home DIR`, else `$MINUTEBOOK_HOME`, else `./minutebook-data`.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_HOME = "minutebook-data"
STORE_FILENAME = "minutebook.sqlite3"
INDEX_DIRNAME = "index"


def resolve_home(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Return the home folder (not created here; writers create it on first use)."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get("MINUTEBOOK_HOME")
    if from_env:
        return Path(from_env).expanduser()
    return Path(DEFAULT_HOME)


def store_path(home: Path) -> Path:
    return home / STORE_FILENAME


def index_path(home: Path) -> Path:
    return home / INDEX_DIRNAME
