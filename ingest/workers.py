"""Worker processes for ingest that one file cannot take down, and that die with their parent.

`run_jobs` hands paths to worker processes, one file at a time each, and yields each file's
result as it completes; `run_lanes` does so for several kinds of job at once, each on workers
of its own, in one loop (the ingest parses files on some while its entity worker reads the
papers already stored). Unlike a `ProcessPoolExecutor` (where one worker killed for memory
breaks the whole pool with `BrokenProcessPool`), each worker is supervised on its own:

* a worker that dies (killed by the kernel for memory, a crash in a C library) fails only the
  file it was reading, with a one-line error, and a fresh worker takes the next file;
* a file that takes longer than its time limit has its worker killed and is failed;
* each worker limits its own memory (`RLIMIT_DATA`, so a runaway allocation fails inside the
  worker as `MemoryError`, which is reported as the memory limit, not a bug);
* workers die with their parent: on Linux the kernel sends them SIGKILL when the parent dies
  (`PR_SET_PDEATHSIG`), and a watchdog thread also checks the parent is still theirs, so a
  killed ingest never leaves workers blocked on a pipe, holding memory and the store's files;
* workers ignore Ctrl-C (the terminal sends it to the whole process group): the parent
  decides what an interrupt means and stops them.

Workers are spawned (a fresh interpreter each), so the job and `setup` callables must be
picklable: module-level functions or `functools.partial`s of them.

Imports: the standard library and `minutebook` only (the job function comes from the caller).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from minutebook.settings import Limits

# How often a worker's watchdog checks its parent is alive (seconds).
WATCHDOG_SECONDS = 1.0
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class WorkerLimits:
    """What each worker may use: data segment in bytes, and seconds per job (None: no limit)."""

    memory_bytes: int | None = None
    seconds_for: Callable[[str], float | None] | None = None


def file_size(path: str | Path) -> int:
    """Bytes of the file at `path`; 0 when it cannot be read (its job reports why)."""
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


def limits_for_files(limits: Limits, file_of: Callable[[str], str]) -> WorkerLimits:
    """The workers' share of an ingest's `limits`: their memory, and each job's time by the
    size of its file (`file_of(job)`)."""
    return WorkerLimits(
        memory_bytes=limits.memory_mb * 1024 * 1024 or None,
        seconds_for=lambda job: limits.seconds_for(file_size(file_of(job))),
    )


@dataclass
class JobFailed:
    """A job whose worker could not finish it: `reason` is the one-line error."""

    job: str
    reason: str


Job = Callable[[str], Any]


def _context() -> Any:
    # spawn, not fork: a forked worker starts with a copy of its parent's memory, which its
    # memory limit then counts (a long-lived parent, a test run or the app, could leave a
    # fresh worker no room at all), and forking a parent that runs threads can deadlock the
    # child. The job and setup must therefore be picklable (module-level functions, partials).
    return multiprocessing.get_context("spawn")


# ------------------------------------------------------------------- in the worker


def _die_with_parent(parent_pid: int) -> None:
    """Ask the kernel to SIGKILL this process when its parent dies, and watch as well."""
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no prctl: the watchdog alone
            pass
    if os.getppid() != parent_pid:  # the parent died before the request was made
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(WATCHDOG_SECONDS)
            if os.getppid() != parent_pid:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


def _limit_memory(memory_bytes: int | None) -> None:
    if not memory_bytes:
        return
    try:
        import resource
    except ImportError:  # not POSIX: no memory limit
        return
    # RLIMIT_DATA counts the heap and private writable mappings (what Python, NumPy and spaCy
    # allocate), not shared libraries or reserved-but-unused address space, so the number
    # means memory used. Linux enforces it for mmap since 4.7.
    limit = getattr(resource, "RLIMIT_DATA", resource.RLIMIT_AS)
    _soft, hard = resource.getrlimit(limit)
    if hard != resource.RLIM_INFINITY:
        memory_bytes = min(memory_bytes, hard)
    resource.setrlimit(limit, (memory_bytes, hard))


def _worker_main(
    conn: Connection,
    parent_pid: int,
    memory_bytes: int | None,
    job: Job,
    setup: Callable[[], None] | None,
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent_pid)
    if setup is not None:
        setup()
    _limit_memory(memory_bytes)
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return
        try:
            result: Any = job(path)
        except MemoryError:
            # The heap may be left fragmented near the limit: report, then make way for a
            # fresh worker.
            conn.send(("memory", None))
            return
        conn.send(("done", result))


# -------------------------------------------------------------------- in the parent


@dataclass
class Lane:
    """One kind of job on workers of its own (`run_lanes`): the job function, how many workers
    may run it, their limits and `setup`, the messages for a job its worker could not finish,
    and the jobs waiting (first first).

    A lane made `open` may be given jobs while the run goes on (`add`, from the code that
    consumes the results, between two of them) until it is `close`d; its idle workers wait
    for more instead of exiting. A run ends when no job is running or waiting, so the
    consumer closes an open lane at the latest when it takes the last result of the others.
    """

    job: Job
    workers: int
    limits: WorkerLimits
    setup: Callable[[], None] | None = None
    memory_message: str = "exceeded the memory limit"
    death_message: Callable[[str], str] | None = None
    timeout_message: Callable[[float], str] | None = None
    jobs: deque[str] = field(default_factory=deque)
    open: bool = False

    def add(self, job: str) -> None:
        self.jobs.append(job)

    def close(self) -> None:
        self.open = False


@dataclass
class _Worker:
    lane: Lane
    process: Any
    conn: Connection
    job: str | None = None
    deadline: float | None = None


def _describe_death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        return f"killed by {name}"
    return f"exit code {exitcode}"


def run_jobs(
    jobs: list[str],
    job: Job,
    *,
    workers: int,
    limits: WorkerLimits,
    setup: Callable[[], None] | None = None,
    memory_message: str = "exceeded the memory limit",
    death_message: Callable[[str], str] | None = None,
    timeout_message: Callable[[float], str] | None = None,
) -> Iterator[tuple[str, Any | JobFailed]]:
    """Run `job(path)` for every path on up to `workers` supervised worker processes.

    Yields `(path, result)` as jobs complete, `result` a `JobFailed` when the worker ran out
    of memory, died, or ran past its time limit. `setup` runs once in each worker before its
    memory is limited (loading models there keeps the limit for the files themselves).
    Closing the generator early (an interrupt) kills the workers.
    """
    lane = Lane(job, workers, limits, setup, memory_message, death_message, timeout_message, deque(jobs))
    for _lane, path, outcome in run_lanes([lane]):
        yield path, outcome


def run_lanes(lanes: Sequence[Lane]) -> Generator[tuple[Lane, str, Any | JobFailed], None, None]:
    """`run_jobs` for several lanes at once, each on its own workers, all supervised in one
    loop: yields `(lane, path, result)` as jobs complete, in any lane. Closing the generator
    early (an interrupt) kills every worker."""
    context = _context()
    pool: list[_Worker] = []
    parent_pid = os.getpid()
    unstarted: list[tuple[Lane, str, JobFailed]] = []

    def start(lane: Lane) -> _Worker:
        parent_end, child_end = context.Pipe()
        process = context.Process(
            target=_worker_main,
            args=(child_end, parent_pid, lane.limits.memory_bytes, lane.job, lane.setup),
            name="minutebook-ingest-worker",
            daemon=True,
        )
        process.start()
        child_end.close()
        worker = _Worker(lane, process, parent_end)
        pool.append(worker)
        return worker

    def assign(worker: _Worker) -> None:
        """Hand the lane's next job to `worker`; one that died while idle is replaced first
        (and a job no fresh worker will take either is failed, not the batch)."""
        lane = worker.lane
        path = lane.jobs.popleft()
        seconds = lane.limits.seconds_for(path) if lane.limits.seconds_for else None
        for _attempt in range(2):
            worker.job, worker.deadline = path, (time.monotonic() + seconds if seconds else None)
            try:
                worker.conn.send(path)
                return
            except OSError:
                retire(worker, kill=True)
                worker = start(lane)
        worker.job = worker.deadline = None
        unstarted.append((lane, path, JobFailed(path, "no worker process could be started for it")))

    def retire(worker: _Worker, *, kill: bool) -> None:
        """Stop a worker: an idle one is told to exit; a busy or broken one is killed."""
        pool.remove(worker)
        if not kill:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
            worker.process.join(2)
        with contextlib.suppress(OSError):
            worker.conn.close()
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)

    def refill(worker: _Worker) -> None:
        """An idle worker takes its lane's next job, waits (an open lane) or exits."""
        if worker.lane.jobs:
            assign(worker)
        elif not worker.lane.open:
            retire(worker, kill=False)

    def staff() -> None:
        """Idle workers take waiting jobs (or exit), and each lane with jobs waiting gets
        workers up to its count."""
        for worker in [w for w in pool if w.job is None]:
            refill(worker)
        for lane in lanes:
            while lane.jobs and sum(w.lane is lane for w in pool) < lane.workers:
                assign(start(lane))

    try:
        while True:
            staff()
            while unstarted:
                yield unstarted.pop()
            busy = [w for w in pool if w.job is not None]
            if not busy:
                if any(lane.jobs for lane in lanes):
                    continue
                break
            deadlines = [w.deadline for w in busy if w.deadline is not None]
            timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout)
            now = time.monotonic()
            for worker in busy:
                lane, path = worker.lane, worker.job
                assert path is not None
                outcome: Any | JobFailed | None = None
                replace = False
                if worker.conn in ready:
                    try:
                        kind, result = worker.conn.recv()
                    except (EOFError, OSError):  # died while sending
                        worker.process.join(5)
                        outcome = JobFailed(path, _death(lane.death_message, worker.process.exitcode))
                        replace = True
                    else:
                        if kind == "memory":
                            outcome, replace = JobFailed(path, lane.memory_message), True
                        else:
                            outcome = result
                elif worker.process.sentinel in ready:
                    worker.process.join(5)
                    outcome = JobFailed(path, _death(lane.death_message, worker.process.exitcode))
                    replace = True
                elif worker.deadline is not None and now >= worker.deadline:
                    seconds = lane.limits.seconds_for(path) if lane.limits.seconds_for else 0.0
                    text = lane.timeout_message(seconds or 0.0) if lane.timeout_message else "took too long"
                    outcome, replace = JobFailed(path, text), True
                if outcome is None:
                    continue
                worker.job = worker.deadline = None
                if replace:
                    retire(worker, kill=True)
                    if lane.jobs:
                        assign(start(lane))
                else:
                    refill(worker)  # before the result is handed over, so the worker keeps busy
                yield lane, path, outcome
    finally:
        # Normally no worker is left; after an interrupt or an error, busy ones are killed.
        for worker in list(pool):
            retire(worker, kill=worker.job is not None)


def _death(message: Callable[[str], str] | None, exitcode: int | None) -> str:
    how = _describe_death(exitcode)
    return message(how) if message else f"the worker reading it died ({how})"
