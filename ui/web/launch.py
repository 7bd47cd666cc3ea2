"""Start the Streamlit app over a home (`minutebook ui --port N [--host ADDR]`).

Streamlit runs the app in its own process; the home travels in `MINUTEBOOK_HOME`, which is
how `ui.web.data.current_home()` finds it (the same resolution order as the CLI).

Safe by default: the server listens on 127.0.0.1 (this machine only) unless `--host` names
another address. The app has no login and can write (a verdict on a tracker match) and serve
the original files, so sharing it on a network is a decision the user makes explicitly; the
line Streamlit prints at start says which address it listens on, and a warning is printed
when that is not this machine only.

`minutebook ui` owns its server: SIGTERM or SIGINT sent to it is passed on to Streamlit, and
it returns only once Streamlit has stopped (killed after `STOP_GRACE_S` if it hangs), so
stopping the command never leaves a server holding the port.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

APP = Path(__file__).with_name("app.py")
DEFAULT_HOST = "127.0.0.1"
# How long Streamlit gets to stop after a signal before it is killed.
STOP_GRACE_S = 10.0


def streamlit_command(port: int, host: str = DEFAULT_HOST) -> list[str]:
    """The command line that serves the app headless on `host`:`port` (no browser, no
    telemetry)."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(APP),
        "--server.port",
        str(port),
        "--server.address",
        host,
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        # No "Deploy" button or developer menu: this is a reading tool, not a dev server.
        "--client.toolbarMode",
        "minimal",
    ]


def launch(home: Path, port: int, host: str = DEFAULT_HOST) -> int:
    """Serve the interface over `home` until stopped; returns Streamlit's exit code."""
    env = dict(os.environ, MINUTEBOOK_HOME=str(Path(home).resolve()))
    if host not in (DEFAULT_HOST, "localhost", "::1"):
        sys.stderr.write(
            f"minutebook: listening on {host}:{port}: anyone who can reach this address can read"
            " the papers and mark tracker matches (there is no login)\n"
        )
    process = subprocess.Popen(streamlit_command(port, host), env=env)
    stopping: list[int] = []

    def pass_on(signum: int, _frame: object) -> None:
        stopping.append(signum)
        if process.poll() is None:
            process.send_signal(signum)

    handled = (signal.SIGTERM, signal.SIGINT)
    previous = {signum: signal.signal(signum, pass_on) for signum in handled}
    deadline: float | None = None
    try:
        while True:
            # Short waits, so a signal's grace period is counted however it arrived.
            try:
                return process.wait(timeout=0.25)
            except subprocess.TimeoutExpired:
                if stopping and deadline is None:
                    deadline = time.monotonic() + STOP_GRACE_S
                if deadline is not None and time.monotonic() > deadline:
                    process.kill()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
