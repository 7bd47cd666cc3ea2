"""The ingest pipeline: files -> `Document`s -> the record store.

`parse_file` is pure (one file in, one Document out, no store); `ingest_paths` decides what
needs parsing, parses in supervised worker processes (`ingest.workers`), and writes each
result in its own transaction, so one bad file never stops the others and nothing stored is
lost.

* Every path on its own: an unreachable path, an unreadable folder, a file that breaks a
  parser, exhausts its worker's memory, kills its worker or runs past its time limit is a
  one-line failure naming the file, and the batch goes on (`minutebook.settings.Limits`).
* Changes seen: a file whose bytes changed is parsed again, and since a document's id is the
  hash of its exact text, any change of text (case, markup) is a new version that replaces
  the old; a file whose bytes are already stored under another path (a rename) is recorded
  without parsing, and the document shows its new path; `prune` forgets paths whose files
  are gone.
* Searchable as it lands: `on_stored` (the CLI passes "bring the index up to date") is
  called every `INDEX_EVERY_DOCUMENTS` stored documents or `INDEX_EVERY_SECONDS`, so an
  interrupted ingest leaves what it stored searchable; the store records what is indexed,
  so whatever an interruption left behind is caught up by the next command.
* Entities after storing: the workers parse without spaCy; `ingest.entity_pass` reads the
  entities of every stored document that lacks them in one supervised process, so spaCy is
  loaded once per ingest, not once per worker. With two workers or more it runs beside the
  parsing, on one of them (`_parse_beside_entities`: the others parse, and each paper is
  handed to it once stored), so both cores work from start to end; with one, after every
  paper is stored. Either way a paper is searchable before its entities are read, and the
  parent runs at most `workers` processes (peak memory: the parent, the entity worker and
  `workers - 1` parsing workers).

Parallel scheduling is longest-first: files are handed to the workers biggest first (by
size in bytes, a fair proxy for parse time), so one large pack does not start last and run
alone while the other cores idle. Results are stored as they complete; the report is sorted
by path at the end, so what the CLI prints does not depend on which worker finished first.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ingest.analyses import Analysis, entity_analysis, nlp, registered_analyses
from ingest.entity_pass import EntitiesStored, entity_lane, extract_pending, store_outcome
from ingest.errors import IngestError
from ingest.pages import limits as pdf_limits
from ingest.pages.formats import SUPPORTED_SUFFIXES, choose_format, configure_pdf_engine
from ingest.sources.folder import expand_paths, unreachable
from ingest.structure.classify import classify
from ingest.structure.dates import date_from_file_name
from ingest.structure.items import build_items
from ingest.structure.lines import to_lines
from ingest.structure.meeting import heading_end, read_meeting_info
from ingest.structure.reflow import reflow
from ingest.structure.sections import split_sections
from ingest.workers import JobFailed, Lane, file_size, limits_for_files, run_lanes
from minutebook.models import Document, IngestFailure, Page
from minutebook.settings import DEFAULT_PDF_ENGINE, Limits, describe
from minutebook.store import FileRecord, Store
from minutebook.text import content_id

# How often an ingest makes what it stored searchable (`on_stored`).
INDEX_EVERY_DOCUMENTS = 20
INDEX_EVERY_SECONDS = 10.0

Progress = Callable[[int, int, str], None]


@dataclass
class IngestReport:
    """What one `ingest_paths` run did. `changed`/`removed` list document ids for the index;
    `renamed` is (old path, new path) of files found under a new name (also `unchanged`);
    `pruned` the paths forgotten because their files are gone; `entities` the paths whose
    entities the second pass stored (this run's papers, and any an earlier run left pending)."""

    ingested: list[Document] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[IngestFailure] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)


def parse_file(path: Path, data: bytes | None = None, analyses: list[Analysis] | None = None) -> Document:
    """Read, split and analyse one paper. Raises IngestError for unusable input.

    `analyses` defaults to the analyses the parsing workers run (`registered_analyses`:
    everything but entities, which `ingest_paths` reads in a second pass); pass
    `all_analyses()` for a paper read whole, or [] to time the structural ingest alone.
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
    # The id is the hash of the exact text (case and markup included), so an edit of any
    # kind is a new version; bytes that decode to the same text are still one document.
    exact = hashlib.sha256("\f".join(page.text for page in pages).encode("utf-8")).hexdigest()
    doc_id = content_id("document", exact)
    # Step 2: what kind of paper, for which meeting, from its own heading block and anatomy.
    lines = reflow(to_lines(pages))
    heading = heading_end(lines)
    kind = classify(lines, heading)
    info = read_meeting_info(lines, kind, heading)
    if info.date is None and (named := date_from_file_name(path.stem)):
        # The paper prints no meeting date (a text export without its heading, a scan's
        # OCR): the date its file is named by beats filing it as undated, and says so.
        note = f"meeting date {named} taken from the file name: the paper prints none"
        info = dataclasses.replace(info, date=named, date_note=note)
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
    # Step 4: attendance, figures, tables, decisions, actions (entities: see `analyses`).
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
    except MemoryError:
        raise  # the worker reports the memory limit and makes way for a fresh one
    except Exception as err:  # a parser bug must not lose the rest of the batch
        return IngestFailure(
            path_text, f"could not be parsed ({type(err).__name__}: {str(err)[:200]}); please report it"
        )


def configure_stages(limits: Limits, pdf_engine: str = DEFAULT_PDF_ENGINE) -> None:
    """Apply the limits the stages enforce themselves and the PDF engine (in each worker, or
    in-process)."""
    pdf_limits.configure(limits.stream_mb * 1024 * 1024)
    configure_pdf_engine(pdf_engine)
    nlp.configure(limits.item_chars)


def _file_record(path: Path, document_id: str, sha256: str) -> FileRecord:
    stat = path.stat()
    return FileRecord(str(path), document_id, sha256, stat.st_size, stat.st_mtime)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(functools.partial(handle.read, 1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _triage(store: Store, path: Path, report: IngestReport) -> bool:
    """Whether `path` needs parsing. False when the store already holds this exact file
    (same size and time, then same bytes), or holds its bytes under another path (a copy or a
    rename: recorded without parsing; a renamed document shows its new path)."""
    known = store.file_record(str(path))
    stat = path.stat()
    if known is not None and known.size == stat.st_size and known.mtime == stat.st_mtime:
        report.unchanged.append(str(path))
        return False
    sha = _sha256(path)
    if known is not None and sha == known.sha256:
        store.record_file(FileRecord(str(path), known.document_id, sha, stat.st_size, stat.st_mtime))
        report.unchanged.append(str(path))
        return False
    if known is None:
        holder = store.document_with_bytes(sha, stat.st_size)
        if holder is not None:
            store.record_file(FileRecord(str(path), holder, sha, stat.st_size, stat.st_mtime))
            _follow_rename(store, holder, str(path), report)
            report.unchanged.append(str(path))
            return False
    return True


def _follow_rename(store: Store, document_id: str, new_path: str, report: IngestReport) -> None:
    """The document's other paths whose files are gone were this file's old names."""
    for record in store.file_records():
        if record.document_id == document_id and record.path != new_path and _gone(record.path):
            store.move_document_path(document_id, record.path, new_path)
            report.renamed.append((record.path, new_path))


def _gone(path: str) -> bool:
    """True only when the file is certainly not there (not for a permission problem)."""
    try:
        os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False
    return False


def _largest_first(paths: list[Path]) -> list[Path]:
    """Longest-processing-time-first order (by file size; ties by path, so it is stable)."""
    sizes = {path: file_size(path) for path in paths}
    return sorted(paths, key=lambda path: (-sizes[path], str(path)))


def _parse_all(
    paths: list[Path], workers: int, analyses: list[Analysis] | None, limits: Limits, pdf_engine: str
) -> Generator[Document | IngestFailure, None, None]:
    """Parse each path: in this process when `workers` is 0 (tests, benchmarks: no memory or
    time limit), else on supervised worker processes that enforce every limit."""
    if workers <= 0:
        configure_stages(limits, pdf_engine)
        for path in paths:
            yield _parse_job(str(path), analyses)
        return
    lane = _parse_lane(paths, workers, analyses, limits, pdf_engine)
    for _lane, job, result in run_lanes([lane]):
        yield _parsed(job, result)


def _parse_lane(
    paths: list[Path], workers: int, analyses: list[Analysis] | None, limits: Limits, pdf_engine: str
) -> Lane:
    """The parsing workers' lane (`ingest.workers.run_lanes`), largest file first."""
    memory = describe("memory_mb", limits.memory_mb)
    return Lane(
        functools.partial(_parse_job, analyses=analyses),
        workers=workers,
        limits=limits_for_files(limits, lambda path: path),
        setup=functools.partial(configure_stages, limits, pdf_engine),
        memory_message=f"exceeded the memory limit ({memory})",
        death_message=lambda how: (
            f"the worker reading it died ({how}); it may have run out of memory ({memory})"
        ),
        timeout_message=lambda seconds: (
            f"took longer than the time limit ({seconds:.0f} s for this file:"
            f" {limits.time_per_file} s + {limits.time_per_mb} s per MB;"
            f" raise it with --time-per-file or MINUTEBOOK_TIME_PER_FILE)"
        ),
        jobs=deque(str(path) for path in _largest_first(paths)),
    )


def _parsed(job: str, result: Document | IngestFailure | JobFailed) -> Document | IngestFailure:
    return IngestFailure(job, result.reason) if isinstance(result, JobFailed) else result


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def ingest_paths(
    paths: Iterable[Path],
    store: Store,
    *,
    workers: int | None = None,
    progress: Progress | None = None,
    analyses: list[Analysis] | None = None,
    limits: Limits | None = None,
    on_stored: Callable[[], None] | None = None,
    prune: bool = False,
    pdf_engine: str = DEFAULT_PDF_ENGINE,
    entity_progress: Progress | None = None,
    keep_documents: bool = True,
) -> IngestReport:
    """Ingest files and folders into `store`. Never raises for bad input: see the report.

    `analyses` defaults to every analysis: the parsing workers run `registered_analyses`,
    the papers are stored (and made searchable through `on_stored`), and then entities are
    read as a second pass in one process (`ingest.entity_pass`) for every stored document
    that lacks them, this run's and any an earlier run left pending. A list runs exactly
    those analyses in the workers and no second pass; documents it stores without entities
    are left pending for the next default ingest. Passing `[]` stores the structural ingest
    only (pages, kind, meeting, items, sections); the ingest benchmark uses it to time "the
    whole ingest before entity extraction". `workers=0` parses (and reads entities) in this
    process. `on_stored` is called as documents land
    (see the module docstring) and once at the end. `prune` forgets stored paths whose files
    are gone (documents no other path holds go with them). `pdf_engine` reads PDFs ("pdfium",
    the default, falling back to pdfminer per file, or "pdfminer", the reference). `entity_progress` is
    `progress` for the entity pass. `keep_documents=False` keeps in `report.ingested` only
    what `minutebook.views.document_summary` reads (`summary_of`), so the memory of an
    archive's ingest does not grow with its papers (the command line's choice). Report lists
    are sorted by path.
    """
    report = IngestReport()
    limits = limits or Limits()
    files, report.failed = expand_paths(paths, SUPPORTED_SUFFIXES)
    to_parse: list[Path] = []
    for path in files:
        try:
            if _triage(store, path, report):
                to_parse.append(path)
        except OSError as err:
            report.failed.append(IngestFailure(str(path), unreachable(err)))
    if prune:
        _prune(store, report)
    total = len(to_parse)
    batch = _Batch(on_stored)
    workers = default_workers() if workers is None else workers
    if analyses is None and workers >= 2:
        # Entities beside the parsing: one worker reads them, the others parse.
        _parse_beside_entities(
            store, to_parse, report, batch, workers, limits, pdf_engine,
            progress=progress, entity_progress=entity_progress, keep_documents=keep_documents,
        )  # fmt: skip
    else:
        entities_pending = analyses is None or entity_analysis() not in analyses
        results = _parse_all(to_parse, workers, analyses, limits, pdf_engine)
        try:
            for done, result in enumerate(results, start=1):
                if isinstance(result, IngestFailure):
                    report.failed.append(result)
                elif _store_result(
                    store, result, report, entities_pending=entities_pending, keep_document=keep_documents
                ):
                    batch.stored()
                if progress:
                    progress(done, total, result.path)
        finally:
            results.close()  # stops the workers if the loop ended early (an interrupt)
        batch.flush()
        if analyses is None:
            # The papers are stored and searchable: now their entities, in one process.
            _read_entities(store, report, batch, limits, in_process=workers <= 0, progress=entity_progress)
    batch.flush()
    report.failed.sort(key=lambda failure: failure.path)
    report.ingested.sort(key=lambda doc: doc.path)
    report.entities.sort()
    return report


def _parse_beside_entities(
    store: Store,
    to_parse: list[Path],
    report: IngestReport,
    batch: _Batch,
    workers: int,
    limits: Limits,
    pdf_engine: str,
    *,
    progress: Progress | None,
    entity_progress: Progress | None,
    keep_documents: bool,
) -> None:
    """Parse on `workers - 1` workers while one entity worker (`ingest.entity_pass`) reads the
    stored documents that lack entities: an earlier run's first, then each paper as it is
    stored, so spaCy works while the files are parsed instead of after. Every paper is stored
    (and searchable through `on_stored`) before its entities are read; each document's
    entities land in their own transaction, as in the second pass."""
    paths: dict[str, str] = {}  # document id -> file, of every document handed to the entity worker
    entities = entity_lane(store, limits, paths)
    parse = _parse_lane(to_parse, workers - 1, None, limits, pdf_engine)

    def hand_over(document_id: str, path: str) -> None:
        if document_id not in paths:
            paths[document_id] = path
            entities.add(document_id)

    def hand_over_pending() -> None:
        for document_id, path in store.documents_lacking_entities():
            hand_over(document_id, path)

    hand_over_pending()  # what an earlier run left
    total, parsed, read = len(to_parse), 0, 0
    if not total:
        entities.close()
    results = run_lanes([parse, entities])
    try:
        for lane, job, outcome in results:
            if lane is parse:
                parsed += 1
                result = _parsed(job, outcome)
                if isinstance(result, IngestFailure):
                    report.failed.append(result)
                elif _store_result(
                    store, result, report, entities_pending=True, keep_document=keep_documents
                ):
                    batch.stored()
                    if report.changed and report.changed[-1] == result.id:  # stored now, not a copy
                        hand_over(result.id, result.path)
                if progress:
                    progress(parsed, total, result.path)
                if parsed == total:
                    batch.flush()  # every paper is searchable; the entity worker finishes
                    hand_over_pending()  # any stored document still lacking them
                    entities.close()
            else:
                read += 1
                found = store_outcome(store, job, paths[job], outcome)
                if isinstance(found, EntitiesStored):
                    report.entities.append(found.path)
                    batch.stored()
                elif found is not None:
                    report.failed.append(found)
                if entity_progress:
                    entity_progress(read, len(paths), paths[job])
    finally:
        results.close()  # stops every worker if the loop ended early (an interrupt)


class _Batch:
    """Calls `on_stored` every INDEX_EVERY_DOCUMENTS stored documents or INDEX_EVERY_SECONDS."""

    def __init__(self, on_stored: Callable[[], None] | None) -> None:
        self.on_stored = on_stored
        self.waiting = 0
        self.since = time.monotonic()

    def stored(self) -> None:
        self.waiting += 1
        due = time.monotonic() - self.since >= INDEX_EVERY_SECONDS
        if self.waiting >= INDEX_EVERY_DOCUMENTS or due:
            self.flush()

    def flush(self) -> None:
        if self.on_stored is not None:
            self.on_stored()
        self.waiting = 0
        self.since = time.monotonic()


def _read_entities(
    store: Store,
    report: IngestReport,
    batch: _Batch,
    limits: Limits,
    *,
    in_process: bool,
    progress: Progress | None,
) -> None:
    """The second pass: entities of every stored document that lacks them. Each document
    stored counts towards `on_stored` (the index writes it again with its people and
    organisations); a failure is reported and leaves the document pending."""
    total = store.entities_pending_count() if progress else 0
    found = extract_pending(store, limits=limits, in_process=in_process)
    try:
        for done, result in enumerate(found, start=1):
            if isinstance(result, EntitiesStored):
                report.entities.append(result.path)
                batch.stored()
            else:
                report.failed.append(result)
            if progress:
                progress(done, total, result.path)
    finally:
        found.close()  # stops the entity worker if the loop ended early (an interrupt)
    report.entities.sort()


def _prune(store: Store, report: IngestReport) -> None:
    """Forget every stored path whose file is certainly gone."""
    for record in store.file_records():
        if _gone(record.path):
            report.removed.extend(store.forget_file(record.path))
            report.pruned.append(record.path)


def _store_result(
    store: Store, doc: Document, report: IngestReport, *, entities_pending: bool, keep_document: bool
) -> bool:
    """Store one parsed document; False (and a failure) when it could not be stored.
    `entities_pending`: it was parsed without entities (the second pass reads them);
    `keep_document`: the report keeps the whole document, else its `summary_of`."""
    path = Path(doc.path)
    try:
        record = _file_record(path, doc.id, doc.file_sha256)
    except OSError as err:
        report.failed.append(IngestFailure(doc.path, f"file vanished while ingesting ({err.strerror})"))
        return False
    try:
        if store.has_document(doc.id):
            # Same text as a stored paper (maybe different bytes): store once, record both paths.
            report.removed.extend(store.record_file(record))
        else:
            report.removed.extend(store.replace_document(doc, record, entities_pending=entities_pending))
            report.changed.append(doc.id)
    except sqlite3.OperationalError as err:
        # Disk full, or the store locked past its timeout: this file is not stored (its
        # transaction rolled back); the next files may still fit.
        report.failed.append(IngestFailure(doc.path, f"could not be stored ({err})"))
        return False
    report.ingested.append(doc if keep_document else summary_of(doc))
    return True


def summary_of(doc: Document) -> Document:
    """What a report needs of a stored document (`minutebook.views.document_summary`): its
    own fields, its page numbers and its items without their text or sections; everything
    else is in the store."""
    return dataclasses.replace(
        doc,
        pages=[Page(page.number, "") for page in doc.pages],
        items=[dataclasses.replace(item, text="", sections=[]) for item in doc.items],
        mentions=[],
        attendance=[],
        declarations=[],
        figures=[],
        resolutions=[],
        recommendations=[],
        actions=[],
        table_rows=[],
    )
