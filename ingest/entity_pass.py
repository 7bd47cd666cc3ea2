"""Entities as a second pass: the stored documents that lack entities, read by spaCy in one
process, their mentions stored as each is done.

Why a second pass: spaCy is the largest thing an ingest holds (≈200 MB for the model and
its working memory) and a third of its CPU. Loaded in every parsing worker it multiplied the
ingest's memory by the number of workers; here it is loaded once, in one supervised worker
started after the parsing workers have finished (so at most `workers` processes ever run
beside the parent), and the papers are stored and searchable before it starts.

Guarantees, the parsing workers' own (`ingest.workers`):

* A document whose entity extraction fails (a Python error, spaCy's worker killed for
  memory or by a crash, past its time limit) is a one-line failure naming its file; its
  paper stays stored and searchable, its flag stays set, and the next ingest tries it again.
* Each document's mentions land in one transaction (`Store.store_mentions`), which also has
  the index write the document again (its people and organisations facets), so an
  interrupted pass leaves every document either done or still pending, and a re-run
  finishes exactly the pending ones. Idempotent: a document's mentions are replaced, never
  added to.

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
from ingest.workers import JobFailed, limits_for_files, run_jobs
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
        results = _in_worker(store, paths, limits)
    try:
        for document_id, result in results:
            path = paths[document_id]
            if isinstance(result, JobFailed):
                yield IngestFailure(path, f"{result.reason}; {RETRY_NOTE}")
            elif isinstance(result, str):
                yield IngestFailure(path, f"{result}; {RETRY_NOTE}")
            elif result is not None and store.store_mentions(document_id, result):
                yield EntitiesStored(document_id, path)
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()  # stops the worker now, not when the generator is collected


def _in_worker(
    store: Store, paths: dict[str, str], limits: Limits
) -> Iterator[tuple[str, list[Mention] | None | str | JobFailed]]:
    """`_read_one` for each document of `paths` (id -> file) on one supervised worker."""
    memory = describe("memory_mb", limits.memory_mb)
    worker_limits = limits_for_files(limits, paths.__getitem__)
    yield from run_jobs(
        list(paths),
        functools.partial(_entity_job, store_path=str(store.path)),
        workers=1,
        limits=worker_limits,
        setup=functools.partial(_prepare_worker, limits),
        memory_message=f"entity extraction exceeded the memory limit ({memory})",
        death_message=lambda how: f"the entity worker reading it died ({how})",
        timeout_message=lambda seconds: (
            f"entity extraction took longer than the time limit ({seconds:.0f} s)"
        ),
    )
