"""`minutebook ui` owns its Streamlit server: a signal to the command stops the server too,
and the command returns only once nothing listens on the port (issue 15)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.web.conftest import free_port as _free_port
from tests.ui.web.conftest import wait_healthy


def _children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (read from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # "pid (comm) state ppid ...": the name may hold spaces, so split after its ")".
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_to_minutebook_ui_leaves_nothing_listening(corpus_home: Path, signum: int) -> None:
    port = _free_port()
    script = Path(sys.executable).parent / "minutebook"
    env = {k: v for k, v in os.environ.items() if k != "MINUTEBOOK_HOME"}
    # Its own session, so the signal below reaches the command alone, as `kill PID` would.
    process = subprocess.Popen(
        [str(script), "--home", str(corpus_home), "ui", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    servers: list[int] = []
    try:
        wait_healthy(f"http://127.0.0.1:{port}", process)
        servers = _children(process.pid)
        assert servers, "minutebook ui started no server process"
        process.send_signal(signum)
        process.wait(timeout=30)
        assert not _listening(port), f"something still listens on {port} after {signal.Signals(signum).name}"
        assert not [pid for pid in servers if _alive(pid)], "the Streamlit server outlived minutebook ui"
    finally:
        for pid in [process.pid, *servers]:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        process.wait(timeout=10)
