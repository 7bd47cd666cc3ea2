"""Supervised ingest workers (issue 13, failures 2 and 3): real processes under real resource
limits. A worker that runs out of memory, is killed, or runs past its time limit fails only
its own file; the rest of the batch lands; workers die with their parent."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections import deque
from pathlib import Path

import pytest

from ingest.workers import JobFailed, Lane, WorkerLimits, run_jobs, run_lanes
from tests.conftest import REPO
from tests.pdf_fixtures import bomb_pdf
from tests.reliability import alive, children_of, marked_papers, run_cli, stored_paths, wait_for

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="Linux resource limits and /proc"
)


# Job functions: module-level, so they also work where workers are spawned, not forked.


def _echo_or_misbehave(job: str) -> str:
    """'sleep:N' sleeps N seconds, 'hog' allocates 8 GB at once, 'hang' waits for a kill;
    anything else is returned as it is."""
    if job.startswith("sleep:"):
        time.sleep(float(job.split(":")[1]))
    elif job == "hog":
        return str(len(bytearray(8 * 1024**3)))
    elif job == "hang":
        time.sleep(600)
    return job


def _results(jobs: list[str], **kwargs: object) -> dict[str, object]:
    return dict(run_jobs(jobs, _echo_or_misbehave, **kwargs))  # type: ignore[arg-type]


def test_a_job_past_the_memory_limit_fails_alone_and_a_fresh_worker_takes_the_rest() -> None:
    limits = WorkerLimits(memory_bytes=512 * 1024**2)
    results = _results(["a", "hog", "b", "c", "d"], workers=2, limits=limits, memory_message="memory limit")
    assert results["hog"] == JobFailed("hog", "memory limit")
    assert {job: results[job] for job in "abcd"} == {job: job for job in "abcd"}


def test_lanes_run_side_by_side_and_an_open_lane_takes_jobs_as_results_arrive() -> None:
    """The ingest's shape: files parsed on one lane while another (the entity worker) is
    fed each result as it lands, and closed with the last one; both lanes' workers run at
    once, a failure in one lane is that lane's, and the run ends when both are done."""
    parse = Lane(_echo_or_misbehave, 1, WorkerLimits(), jobs=deque(["sleep:0.5", "a", "hang", "b"]))
    parse.limits = WorkerLimits(seconds_for=lambda job: 2.0 if job == "hang" else None)
    follow = Lane(_echo_or_misbehave, 1, WorkerLimits(), open=True, timeout_message=lambda s: "follower late")
    seen: list[tuple[str, str, object]] = []
    parsed = 0
    for lane, job, result in run_lanes([parse, follow]):
        seen.append(("parse" if lane is parse else "follow", job, result))
        if lane is parse:
            parsed += 1
            if not isinstance(result, JobFailed):
                follow.add(f"sleep:0.{parsed}")
            if parsed == 4:
                follow.close()
    parse_results = {job: result for name, job, result in seen if name == "parse"}
    assert parse_results["hang"] == JobFailed("hang", "took too long")
    assert [parse_results[j] for j in ("sleep:0.5", "a", "b")] == ["sleep:0.5", "a", "b"]
    followed = [job for name, job, _ in seen if name == "follow"]
    assert followed == ["sleep:0.1", "sleep:0.2", "sleep:0.4"]
    # The follower worked while the parse lane did: its first result came before the last parse.
    order = [name for name, _, _ in seen]
    assert order.index("follow") < len(order) - 1 - order[::-1].index("parse")
    assert not _workers_of(os.getpid())


def test_a_worker_killed_from_outside_fails_only_its_job() -> None:
    """What the kernel's out-of-memory killer does: SIGKILL, no chance to report."""
    jobs = ["hang", "a", "b", "sleep:0.2", "c"]
    outcomes: dict[str, object] = {}
    runner = run_jobs(jobs, _echo_or_misbehave, workers=2, limits=WorkerLimits())
    killed = False
    for job, result in runner:
        outcomes[job] = result
        if not killed:
            # Workers start in order, so the first (lowest pid) has the first job, "hang".
            os.kill(min(_workers_of(os.getpid())), signal.SIGKILL)
            killed = True
    assert isinstance(outcomes["hang"], JobFailed)
    assert "killed by SIGKILL" in outcomes["hang"].reason
    assert [outcomes[j] for j in ("a", "b", "sleep:0.2", "c")] == ["a", "b", "sleep:0.2", "c"]


def _workers_of(pid: int) -> list[int]:
    """The live worker processes `pid` spawned (not multiprocessing's resource tracker)."""
    found = []
    for child in children_of(pid):
        try:
            command = (Path("/proc") / str(child) / "cmdline").read_bytes()
        except OSError:
            continue
        if alive(child) and b"spawn_main" in command:
            found.append(child)
    return found


def test_a_job_past_its_time_limit_is_stopped_and_the_rest_finish() -> None:
    # Only the hanging job has a short limit: a quick job on a loaded machine (a worker just
    # spawned, two cores shared) can take over a second, and must not be the one stopped.
    limits = WorkerLimits(seconds_for=lambda job: 1.0 if job == "hang" else 60.0)
    started = time.monotonic()
    results = _results(
        ["hang", "a", "b"], workers=2, limits=limits, timeout_message=lambda seconds: f"over {seconds:.0f} s"
    )
    assert time.monotonic() - started < 30
    assert results == {"hang": JobFailed("hang", "over 1 s"), "a": "a", "b": "b"}


def test_workers_die_with_their_parent() -> None:
    """SIGKILL the process running the pool: its workers must not linger (they used to block
    forever on a pipe write, holding memory and the store's files)."""
    code = textwrap.dedent(
        """
        import sys, time
        from ingest.workers import WorkerLimits, run_jobs
        from tests.ingest.test_workers import _echo_or_misbehave
        for _ in run_jobs(["hang", "hang"], _echo_or_misbehave, workers=2, limits=WorkerLimits()):
            pass
        """
    )
    parent = subprocess.Popen([sys.executable, "-c", code], cwd=REPO)
    try:
        assert wait_for(lambda: len(_workers_of(parent.pid)) == 2, timeout=60)
        workers = _workers_of(parent.pid)
        parent.kill()
        parent.wait()
        gone = wait_for(lambda: not any(alive(pid) for pid in workers), timeout=5)
        for pid in workers:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        assert gone
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()


@pytest.mark.parametrize("engine", ["pdfminer", "pdfium"])
def test_an_ingest_worker_out_of_memory_leaves_the_rest_of_the_batch_landed(
    tmp_path: Path, engine: str
) -> None:
    """The real pipeline, stream limit off: a bomb inflating to 1.5 GB meets the worker's
    memory limit; the other papers are stored and the bomb gets a one-line error. pdfminer
    meets it in Python (a `MemoryError`: "exceeded the memory limit"); PDFium in C, which
    aborts the worker ("died (killed by SIGABRT); it may have run out of memory")."""
    papers = marked_papers(tmp_path / "batch", 3)
    bomb = bomb_pdf(tmp_path / "batch" / "bomb.pdf", inflated_mb=1536)
    assert bomb.stat().st_size < 20_000
    home = tmp_path / "home"
    result = run_cli(
        "--home", str(home), "ingest", str(tmp_path / "batch"), "--workers", "2",
        "--memory-mb", "900", "--stream-mb", "0", "--pdf-engine", engine, "--json",
    )  # fmt: skip
    report = json.loads(result.stdout)
    assert report["ingested"] == 3
    [failure] = report["failed"]
    assert failure["path"] == str(bomb)
    expected = "exceeded the memory limit" if engine == "pdfminer" else "may have run out of memory"
    assert expected in failure["error"] and "--memory-mb" in failure["error"]
    assert "\n" not in failure["error"]
    assert sorted(stored_paths(home)) == sorted(str(p) for p in papers)
    assert "Traceback" not in result.stderr and "BrokenProcessPool" not in result.stderr
