"""Nothing stored is left unsearchable (issue 13, failure 1), and workers die with their parent
(failure 3): a real `minutebook ingest` subprocess is killed (SIGKILL) or interrupted (SIGINT)
at several points, then a plain `minutebook search` must find every paper the store holds,
and no worker may outlive the killed ingest.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.reliability import (
    alive,
    children_of,
    cli_command,
    cli_env,
    marked_papers,
    run_cli,
    stored_paths,
    wait_for,
)

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

PAPERS = 10


def _searchable(home: Path, papers: dict[Path, str]) -> list[str]:
    """The stored papers a plain search for their marker word does not find."""
    lost = []
    for path in stored_paths(home):
        word = papers[Path(path)]
        result = run_cli("--home", str(home), "search", word, "--json")
        assert result.returncode == 0, result.stderr
        hits = json.loads(result.stdout)["hits"]
        if not any(hit["path"] == path for hit in hits):
            lost.append(path)
    return lost


@pytest.mark.parametrize(
    ("how", "after_stored"),
    [
        (signal.SIGKILL, 1),  # right after the first paper lands
        (signal.SIGKILL, 5),  # mid-batch, between index catch-ups
        (signal.SIGINT, 3),  # Ctrl-C
    ],
    ids=["kill-9-after-first", "kill-9-mid-batch", "ctrl-c"],
)
def test_after_an_interrupted_ingest_a_plain_search_finds_every_stored_paper(
    tmp_path: Path, how: signal.Signals, after_stored: int
) -> None:
    papers = marked_papers(tmp_path / "papers", PAPERS)
    home = tmp_path / "home"
    ingest = subprocess.Popen(
        cli_command("--home", str(home), "ingest", str(tmp_path / "papers"), "--workers", "2"),
        cwd=REPO,
        env=cli_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        assert wait_for(lambda: len(stored_paths(home)) >= after_stored, timeout=300), "nothing was stored"
        workers = children_of(ingest.pid)
        ingest.send_signal(how)
        ingest.wait(timeout=120)
    finally:
        if ingest.poll() is None:
            ingest.kill()
        ingest.wait()
    stored = stored_paths(home)
    assert 0 < len(stored) <= PAPERS
    # No worker outlives the ingest (they would block on a pipe, holding memory and the store).
    orphans_gone = wait_for(lambda: not any(alive(pid) for pid in workers), timeout=10)
    for pid in workers:  # never leave one behind, even when this fails
        if alive(pid):
            os.kill(pid, signal.SIGKILL)
    assert orphans_gone, workers
    # The store says what it holds; a plain search finds all of it, catching the index up.
    assert _searchable(home, papers) == []
    check = run_cli("--home", str(home), "check", "--json")
    assert json.loads(check.stdout)["ok"], check.stdout
    # And a re-run finishes the batch: every paper stored, every one searchable.
    again = run_cli("--home", str(home), "ingest", str(tmp_path / "papers"), "--workers", "2", "--json")
    assert again.returncode == 0, again.stderr
    assert len(stored_paths(home)) == PAPERS
    assert _searchable(home, papers) == []
