"""Which source reads a location: every registered kind says how well it fits (0..1) and the
best fit opens it, as alephdata/ingest-file's `Manager.auction()` picks a format. A new
platform (CMIS, a council's own pages) joins by `register_source`, without an if/else here.
"""

from __future__ import annotations

from typing import Any, Protocol

from ingest.sources.base import Source, SourceError
from ingest.sources.folder import FolderSource
from ingest.sources.http import HttpClient
from ingest.sources.moderngov import ModernGovSource


class SourceKind(Protocol):
    """A registered kind: `probe` scores a location; calling it opens one."""

    kind: str

    def probe(self, location: str) -> float: ...


_KINDS: dict[str, Any] = {}


def register_source(cls: Any) -> Any:
    """Add a source class: it needs `kind`, `probe(location)` and a constructor taking the
    location and the HTTP client (which a local source ignores). Usable as a decorator."""
    _KINDS[cls.kind] = cls
    return cls


register_source(FolderSource)
register_source(ModernGovSource)


def source_kinds() -> list[str]:
    return sorted(_KINDS)


def open_source(location: str, client: HttpClient, kind: str | None = None) -> Source:
    """The source for `location` (a site's address or a local path): the named `kind`, else
    the registered kind that fits best. Raises SourceError when none fits."""
    if kind is not None:
        if kind not in _KINDS:
            raise SourceError(f"unknown source kind {kind!r}; known: {', '.join(source_kinds())}")
        chosen = _KINDS[kind]
    else:
        score, chosen = max(((cls.probe(location), cls) for cls in _KINDS.values()), key=lambda pair: pair[0])
        if score <= 0:
            raise SourceError(f"{location}: not a web address or an existing folder")
    source: Source = chosen(location, client)
    return source
