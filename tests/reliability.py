"""Helpers for the reliability tests (issue 13): papers that each carry one unique word, the
command line run as a real subprocess, and a look at a process's children.

Every paper is the June 2014 minutes with one invented word put into an item title, so each
is a distinct document a search can find by that word alone, and parses like a real paper.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import JUNE_2014_MINUTES, REPO

_LETTERS = "bcdfghjklmnpqrstvwxz"


def marker(n: int) -> str:
    """An invented word no paper contains: 'zqv' + letters spelling `n` ('zqvbbc')."""
    word = ""
    for _ in range(3):
        word += _LETTERS[n % len(_LETTERS)]
        n //= len(_LETTERS)
    return "zqv" + word


def marked_papers(folder: Path, count: int, start: int = 0) -> dict[Path, str]:
    """`count` text papers in `folder`, each with its own marker word: path -> marker."""
    folder.mkdir(parents=True, exist_ok=True)
    text = JUNE_2014_MINUTES.read_text(encoding="utf-8")
    papers = {}
    for n in range(start, start + count):
        word = marker(n)
        path = folder / f"paper-{n:03d}.txt"
        path.write_text(
            text.replace("Free School Meals Update", f"Free School Meals Update {word}"), encoding="utf-8"
        )
        papers[path] = word
    return papers


def cli_command(*args: str) -> list[str]:
    """The `minutebook` command line for a subprocess, from this checkout."""
    return [sys.executable, "-c", "import sys; from ui.cli import main; sys.exit(main())", *args]


def cli_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "MINUTEBOOK_HOME"}
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_cli(
    *args: str, timeout: float = 600, permissions_apply: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run `minutebook ARGS` in a subprocess. `permissions_apply`: even as root, file
    permissions are enforced (root's override capabilities are dropped for the child)."""
    return subprocess.run(
        cli_command(*args),
        cwd=REPO,
        env=cli_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        preexec_fn=_drop_permission_override if permissions_apply and os.geteuid() == 0 else None,
    )


def _drop_permission_override() -> None:
    """In the child, before exec: take CAP_DAC_OVERRIDE (1) and CAP_DAC_READ_SEARCH (2) out
    of the capability bounding set, so root's process after exec obeys permission bits."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "cannot drop the permission-override capability")


def stored_paths(home: Path) -> list[str]:
    """Paths of the documents the store holds (read-only; safe while an ingest writes)."""
    db_path = home / "minutebook.sqlite3"
    if not db_path.exists():
        return []
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30)
    try:
        return [row[0] for row in db.execute("SELECT path FROM documents ORDER BY path")]
    except sqlite3.OperationalError:  # the schema is being created
        return []
    finally:
        db.close()


def wait_for(condition: object, timeout: float, interval: float = 0.05) -> bool:
    assert callable(condition)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return False


def process_table() -> tuple[dict[int, list[int]], dict[int, int]]:
    """(children of each process id, resident bytes of each) from Linux /proc; a process that
    ends while it is read is left out."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * page
    return children, rss


def children_of(pid: int) -> list[int]:
    """The process ids whose parent is `pid` (Linux /proc)."""
    return process_table()[0].get(pid, [])


def tree_rss(root: int) -> tuple[int, int]:
    """(resident bytes of `root` and its descendants together, of the largest one)."""
    children, rss = process_table()
    total = largest = 0
    stack = [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        largest = max(largest, rss.get(pid, 0))
        stack.extend(children.get(pid, []))
    return total, largest


def alive(pid: int) -> bool:
    """True while `pid` exists and is not a zombie."""
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
