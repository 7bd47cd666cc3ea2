"""Entities as a second pass: the stored documents that lack entities, read by spaCy in one
process, their mentions stored as each is done.

Why a pass of its own: spaCy is the largest thing an ingest holds (≈200 MB for the model and
its working memory) and, once PDFium reads the layout, most of its CPU. Loaded in every
parsing worker it multiplied the ingest's memory by the number of workers; here it is loaded
once, in one supervised worker. With two workers or more the pipeline runs it beside the
parsing (`entity_lane`: one of the ingest's workers reads entities while the others parse,
and each document is handed to it as it is stored), so both cores work; with one it starts
after the parsing (`extract_pending`). Either way at most `workers` processes run beside the
parent, and a paper is stored and searchable before its entities are read.

Guarantees, the parsing workers' own (`ingest.workers`):

* A document whose entity extraction fails (a Python error, spaCy's worker killed for
  memory or by a crash, past its time limit) is a one-line failure naming its file; its
  paper stays stored and searchable, its flag stays set, and the next ingest tries it again.
* Each document's mentions land in one transaction (`Store.store_mentions`), which also has
  the index write the document again (its people and organisations facets), so an
  interrupted pass leaves every document either done or still pending, and a re-run
  finishes exactly the pending ones. Idempotent: a document's mentions are replaced, never
  added to.

Re-indexing every paper it reads is what the pass costs the parent: while an ingest runs,
its catch-ups only mark a paper's first sections deleted and add the new ones, and the
ingest's last catch-up purges every replaced section from the index's statistics in one
rewrite (`search.engine.backend`, "settle"), so scores after an ingest equal a fresh
`reindex`. Purging at each catch-up rewrote the same recent segments once per batch of
entities: 17 of 33.5 s of a one-process ingest of the real folders.

The worker reads each document from the store itself (`Store.entity_inputs`, a read-only
use of the same SQLite file, which WAL lets it read while the parent writes) and sends back
only its mentions.
"""

from __future__ import annotations

import functools
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path

from ingest.analyses import entity_analysis, nlp
from ingest.errors import IngestError
from ingest.workers import JobFailed, Lane, limits_for_files, run_lanes
from minutebook.models import IngestFailure, Mention
from minutebook.settings import Limits, describe
from minutebook.store import Store

# What the failure line adds: the paper itself is fine and the next ingest retries.
RETRY_NOTE = "the paper is stored and searchable; the next ingest tries its entities again"


@dataclass(frozen=True)
class EntitiesStored:
    """One document whose entities the pass stored (`path` names its file)."""

    document_id: str
    path: str


def entities_of(store: Store, document_id: str) -> list[Mention] | None:
    """Read the entities of one stored document (None if it is no longer stored)."""
    doc = store.entity_inputs(document_id)
    if doc is None:
        return None
    entity_analysis()(doc)
    return doc.mentions


@functools.lru_cache(maxsize=1)
def _worker_store(store_path: str) -> Store:
    return Store(Path(store_path))


def _read_one(store: Store, document_id: str) -> list[Mention] | None | str:
    """The document's mentions, None if it is gone, or a one-line error (never raises but
    for memory, so one document cannot stop the pass)."""
    try:
        return entities_of(store, document_id)
    except MemoryError:
        raise  # in the worker: reported as the memory limit, and a fresh worker goes on
    except IngestError as err:
        return str(err)
    except Exception as err:
        return f"entity extraction failed ({type(err).__name__}: {str(err)[:200]}); please report it"


def _entity_job(document_id: str, store_path: str) -> list[Mention] | None | str:
    """Worker entry point (`_read_one` on the worker's own connection to the store)."""
    return _read_one(_worker_store(store_path), document_id)


def _prepare_worker(limits: Limits) -> None:
    """Load spaCy before the worker's memory limit applies (the limit is for documents)."""
    nlp.configure(limits.item_chars)
    nlp.get_nlp()


def extract_pending(
    store: Store, *, limits: Limits, in_process: bool = False
) -> Generator[EntitiesStored | IngestFailure, None, None]:
    """Read and store the entities of every stored document that lacks them; yield each
    document as it is stored, or its failure. `in_process` reads them in this process (tests,
    benchmarks: no memory or time limit), else in one supervised worker.

    Closing the generator early (an interrupt) stops the worker; what was stored stays.
    """
    pending = store.documents_lacking_entities()
    if not pending:
        return
    paths = dict(pending)
    if in_process:
        nlp.configure(limits.item_chars)
        results: Iterator[tuple[str, list[Mention] | None | str | JobFailed]] = (
            (document_id, _read_one(store, document_id)) for document_id, _ in pending
        )
    else:
        lane = entity_lane(store, limits, paths)
        lane.jobs.extend(paths)
        lane.close()
        results = ((document_id, result) for _lane, document_id, result in run_lanes([lane]))
    try:
        for document_id, result in results:
            outcome = store_outcome(store, document_id, paths[document_id], result)
            if outcome is not None:
                yield outcome
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()  # stops the worker now, not when the generator is collected


def entity_lane(store: Store, limits: Limits, paths: dict[str, str]) -> Lane:
    """An open lane (`ingest.workers.run_lanes`) of one supervised entity worker, for document
    ids of `store` as they are stored (`paths`: each id's file, for its time limit, filled
    before the id is added); `store_outcome` stores what it yields."""
    memory = describe("memory_mb", limits.memory_mb)
    return Lane(
        functools.partial(_entity_job, store_path=str(store.path)),
        workers=1,
        limits=limits_for_files(limits, paths.__getitem__),
        setup=functools.partial(_prepare_worker, limits),
        memory_message=f"entity extraction exceeded the memory limit ({memory})",
        death_message=lambda how: f"the entity worker reading it died ({how})",
        timeout_message=lambda seconds: (
            f"entity extraction took longer than the time limit ({seconds:.0f} s)"
        ),
        open=True,
    )


def store_outcome(
    store: Store, document_id: str, path: str, result: list[Mention] | None | str | JobFailed
) -> EntitiesStored | IngestFailure | None:
    """Store what the entity worker read of one document: its mentions (`EntitiesStored`), or
    its failure, which leaves it pending for the next ingest; None when it is no longer
    stored."""
    if isinstance(result, JobFailed):
        return IngestFailure(path, f"{result.reason}; {RETRY_NOTE}")
    if isinstance(result, str):
        return IngestFailure(path, f"{result}; {RETRY_NOTE}")
    if result is not None and store.store_mentions(document_id, result):
        return EntitiesStored(document_id, path)
    return None
