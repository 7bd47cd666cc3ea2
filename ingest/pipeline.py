"""The ingest pipeline: files -> `Document`s -> the record store.

`parse_file` is pure (one file in, one Document out, no store); `ingest_paths` decides what
needs parsing, parses in parallel across cores, and writes each result in its own
transaction, so one bad file never stops the others and nothing stored is lost.

Parallel scheduling is longest-first: files are handed to the worker pool biggest first (by
size in bytes, a fair proxy for parse time), so one large pack does not start last and run
alone while the other cores idle. Results are stored as they complete; the report is sorted
by path at the end, so what the CLI prints does not depend on which worker finished first.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from ingest.analyses import Analysis, registered_analyses
from ingest.errors import IngestError
from ingest.pages.formats import SUPPORTED_SUFFIXES, choose_format
from ingest.sources.folder import expand_paths
from ingest.structure.classify import classify
from ingest.structure.items import build_items
from ingest.structure.lines import to_lines
from ingest.structure.meeting import heading_end, read_meeting_info
from ingest.structure.sections import split_sections
from minutebook.models import Document, IngestFailure
from minutebook.store import FileRecord, Store
from minutebook.text import content_id

Progress = Callable[[int, int, str], None]


@dataclass
class IngestReport:
    """What one `ingest_paths` run did. `changed`/`removed` list document ids for the index."""

    ingested: list[Document] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[IngestFailure] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def parse_file(path: Path, data: bytes | None = None, analyses: list[Analysis] | None = None) -> Document:
    """Read, split and analyse one paper. Raises IngestError for unusable input.

    `analyses` defaults to every registered analysis; benchmarks pass [] to time the
    structural ingest alone.
    """
    data = path.read_bytes() if data is None else data
    if not data.strip():
        raise IngestError("empty file; nothing to ingest")
    fmt = choose_format(path, data[:1024])
    if fmt is None:
        raise IngestError(f"unsupported file type '{path.suffix}'; minutebook reads .pdf, .txt and .md")
    # Step 1: pages of text, furniture removed, page numbers those of the file.
    pages = fmt.read(path, data)
    if not any(page.text.strip() for page in pages):
        raise IngestError("no text found in the file")
    doc_id = content_id("document", *(page.text for page in pages))
    # Step 2: what kind of paper, for which meeting, from its own heading block and anatomy.
    lines = to_lines(pages)
    heading = heading_end(lines)
    kind = classify(lines, heading)
    info = read_meeting_info(lines, kind, heading)
    doc = Document(
        id=doc_id,
        path=str(path),
        kind=kind,
        title=info.title,
        body=info.body,
        meeting_date=info.date,
        meeting_time=info.time,
        venue=info.venue,
        pages=pages,
        file_sha256=hashlib.sha256(data).hexdigest(),
    )
    if info.date_note:
        doc.warnings.append(info.date_note)
    # Step 3: items (agenda items, minutes) with page ranges, then sections inside each.
    for item, item_lines in build_items(doc_id, kind, lines, info.title):
        item.sections = split_sections(item.id, item_lines)
        doc.items.append(item)
    # Step 4: entities, attendance, figures, decisions.
    for analyse in registered_analyses() if analyses is None else analyses:
        analyse(doc)
    return doc


def _parse_job(path_text: str, analyses: list[Analysis] | None = None) -> Document | IngestFailure:
    """Worker entry point: never raises, so one bad file cannot stop the pool. `analyses` must
    be picklable (module-level functions) as it crosses to the worker process."""
    path = Path(path_text)
    try:
        return parse_file(path, analyses=analyses)
    except IngestError as err:
        return IngestFailure(path_text, str(err))
    except OSError as err:
        return IngestFailure(path_text, f"cannot read the file ({err.strerror or err})")
    except Exception as err:  # a parser bug must not lose the rest of the batch
        return IngestFailure(
            path_text, f"could not be parsed ({type(err).__name__}: {err}); please report it"
        )


def _file_record(path: Path, document_id: str, sha256: str) -> FileRecord:
    stat = path.stat()
    return FileRecord(str(path), document_id, sha256, stat.st_size, stat.st_mtime)


def _needs_parsing(store: Store, path: Path) -> bool:
    """False when the store already holds this exact file (same size, time, then bytes)."""
    known = store.file_record(str(path))
    if known is None:
        return True
    stat = path.stat()
    if known.size == stat.st_size and known.mtime == stat.st_mtime:
        return False
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    if sha == known.sha256:
        store.record_file(FileRecord(str(path), known.document_id, sha, stat.st_size, stat.st_mtime))
        return False
    return True


def _largest_first(paths: list[Path]) -> list[Path]:
    """Longest-processing-time-first order (by file size; ties by path, so it is stable)."""
    sizes = {path: _size(path) for path in paths}
    return sorted(paths, key=lambda path: (-sizes[path], str(path)))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the worker reports the unreadable file


def _parse_all(
    paths: list[Path], workers: int, analyses: list[Analysis] | None
) -> Iterator[Document | IngestFailure]:
    if workers <= 1 or len(paths) <= 1:
        for path in paths:
            yield _parse_job(str(path), analyses)
        return
    with ProcessPoolExecutor(max_workers=min(workers, len(paths))) as pool:
        futures = [pool.submit(_parse_job, str(path), analyses) for path in _largest_first(paths)]
        for future in as_completed(futures):
            yield future.result()


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def ingest_paths(
    paths: Iterable[Path],
    store: Store,
    *,
    workers: int | None = None,
    progress: Progress | None = None,
    analyses: list[Analysis] | None = None,
) -> IngestReport:
    """Ingest files and folders into `store`. Never raises for bad input: see the report.

    `analyses` defaults to every registered analysis (entities, attendance, figures,
    decisions). Passing `[]` stores the structural ingest only (pages, kind, meeting, items,
    sections); the ingest benchmark uses it to time "the whole ingest before entity
    extraction". Report lists are sorted by path.
    """
    report = IngestReport()
    files, report.failed = expand_paths(paths, SUPPORTED_SUFFIXES)
    files = [path.resolve() for path in files]
    to_parse: list[Path] = []
    for path in files:
        try:
            if _needs_parsing(store, path):
                to_parse.append(path)
            else:
                report.unchanged.append(str(path))
        except OSError as err:
            report.failed.append(IngestFailure(str(path), f"cannot read the file ({err.strerror or err})"))
    total = len(to_parse)
    results = _parse_all(to_parse, workers or default_workers(), analyses)
    for done, result in enumerate(results, start=1):
        if isinstance(result, IngestFailure):
            report.failed.append(result)
        else:
            _store_result(store, result, report)
        if progress:
            progress(done, total, result.path)
    report.failed.sort(key=lambda failure: failure.path)
    report.ingested.sort(key=lambda doc: doc.path)
    return report


def _store_result(store: Store, doc: Document, report: IngestReport) -> None:
    path = Path(doc.path)
    try:
        record = _file_record(path, doc.id, doc.file_sha256)
    except OSError as err:
        report.failed.append(IngestFailure(doc.path, f"file vanished while ingesting ({err.strerror})"))
        return
    if store.has_document(doc.id):
        # Same text as a stored paper (maybe different bytes): store once, record both paths.
        report.removed.extend(store.record_file(record))
    else:
        report.removed.extend(store.replace_document(doc, record))
        report.changed.append(doc.id)
    report.ingested.append(doc)
