"""A source's paper -> one checked file in the library under the home.

Where a paper lands: `library/<council>/<committee>/<date>/<title>-<url hash>.pdf`, named
from what the site says (the committee and meeting date it lists the paper under). The
short hash of the URL keeps two "Appendix A.pdf" of one meeting apart, and the same URL
always lands on the same path, so a changed paper replaces its old file and ingest replaces
its old version.

How it lands, so that nothing half-written is ever ingested:

1. the body streams to a hidden temporary name beside the target (`.name.part`: same
   folder, so the final move is an atomic rename; hidden, so a folder ingest skips it);
2. the temporary file is checked: it is a whole PDF (starts `%PDF-`, ends with `%%EOF`),
   not an HTML error page served as one, and its bytes on disk hash to the sha256 of what
   arrived;
3. only then is it moved over the target (`os.replace`). Any failure deletes the temporary
   file and leaves the previous copy, if any, as it was.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ingest.sources.base import SourceDocument
from ingest.sources.http import FetchError, HttpClient

LIBRARY_DIRNAME = "library"
# How far into a file the PDF header may sit, and how far from its end the last %%EOF:
# the PDF specification allows junk before the header; writers pad after the trailer.
PDF_HEADER_WINDOW = 1024
PDF_TRAILER_WINDOW = 2048
_UNSAFE = re.compile(r"[^A-Za-z0-9._ &'()+,-]+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class KnownCopy:
    """What the store remembers of a URL fetched before: where it went, its hash and the
    validators its server sent (for a conditional request)."""

    path: Path
    sha256: str | None
    etag: str | None
    last_modified: str | None


@dataclass
class Landed:
    """The outcome for one paper: `status` is new | changed | unchanged | not_modified.

    `etag`/`last_modified` are the server's current validators (kept from before on a 304).
    """

    path: Path
    status: str
    sha256: str | None
    size: int
    etag: str | None
    last_modified: str | None
    downloaded_bytes: int = 0


def slug(text: str | None, fallback: str, limit: int = 80) -> str:
    """A folder- or file-name-safe form of `text`: letters, digits and plain punctuation,
    spaces as single hyphens ('Transport & Connectivity Committee' ->
    'Transport-&-Connectivity-Committee')."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode("ascii")
    text = _SPACES.sub("-", _UNSAFE.sub(" ", text).strip()).strip("-.")
    return text[:limit].rstrip("-.") or fallback


def council_folder(location: str) -> str:
    """The library folder of one site: its host (and port, and path when the site sits
    under one), e.g. 'democracy.bristol.gov.uk' or 'www.southampton.gov.uk-modernGov'."""
    parts = urlsplit(location)
    name = parts.netloc.replace(":", "-") or "local"
    path = parts.path.strip("/")
    return slug(f"{name} {path}" if path else name, "site", limit=120)


def library_path(library: Path, council: str, document: SourceDocument) -> Path:
    """Where `document` lands under `library` (see the module docstring)."""
    meeting = document.meeting
    stem = Path(unquote(urlsplit(document.url).path)).stem
    name = slug(document.title or stem, "paper", limit=90)
    tag = hashlib.sha256(document.url.encode("utf-8")).hexdigest()[:8]
    return (
        library
        / council
        / slug(meeting.committee, "committee")
        / (meeting.date or "undated")
        / f"{name}-{tag}.pdf"
    )


def check_pdf(path: Path, content_type: str) -> str | None:
    """Why the file at `path` is not a whole PDF, or None when it is one."""
    size = path.stat().st_size
    if size == 0:
        return "the server sent an empty file"
    with path.open("rb") as handle:
        head = handle.read(PDF_HEADER_WINDOW)
        handle.seek(max(0, size - PDF_TRAILER_WINDOW))
        tail = handle.read()
    if b"%PDF-" not in head:
        if "html" in content_type or head.lstrip()[:1] == b"<":
            return f"the server sent a web page, not a PDF (Content-Type {content_type or 'unknown'})"
        return f"not a PDF (it starts {head[:12]!r})"
    if b"%%EOF" not in tail:
        return "the PDF is cut short (no %%EOF at its end)"
    return None


def land(client: HttpClient, document: SourceDocument, target: Path, known: KnownCopy | None) -> Landed:
    """Fetch `document` to `target` (steps in the module docstring). Raises FetchError with
    a one-line message naming the URL; `target` is then as it was before."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.part")
    have_copy = known is not None and known.path == target and target.is_file()
    streamed = client.stream_to(
        document.url,
        partial,
        etag=known.etag if have_copy and known else None,
        last_modified=known.last_modified if have_copy and known else None,
    )
    fetched = streamed.fetched
    if fetched.status == 304 and known is not None:
        return Landed(
            target,
            "not_modified",
            known.sha256,
            target.stat().st_size,
            fetched.etag or known.etag,
            fetched.last_modified or known.last_modified,
        )
    try:
        problem = check_pdf(partial, fetched.content_type)
        if problem is None and _sha256(partial) != streamed.sha256:
            problem = "the file on disk differs from what arrived (sha256 mismatch)"
        if problem is not None:
            raise FetchError(f"{document.url}: {problem}")
        if have_copy and known is not None and known.sha256 == streamed.sha256:
            # Same bytes as before (a server without validators): leave the old file, and its
            # modification time, alone so ingest sees it unchanged without re-reading it.
            status = "unchanged"
        else:
            status = "changed" if target.exists() else "new"
            partial.replace(target)  # an atomic rename: same folder, same filesystem
    finally:
        partial.unlink(missing_ok=True)
    return Landed(
        target,
        status,
        streamed.sha256,
        streamed.size,
        fetched.etag,
        fetched.last_modified,
        downloaded_bytes=streamed.size,
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
