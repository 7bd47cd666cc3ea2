"""Start the Streamlit app over a home (`minutebook ui --port N`).

Streamlit runs the app in its own process; the home travels in `MINUTEBOOK_HOME`, which is
how `ui.web.data.current_home()` finds it (the same resolution order as the CLI).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

APP = Path(__file__).with_name("app.py")


def streamlit_command(port: int) -> list[str]:
    """The command line that serves the app headless on `port` (no browser, no telemetry)."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(APP),
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        # No "Deploy" button or developer menu: this is a reading tool, not a dev server.
        "--client.toolbarMode",
        "minimal",
    ]


def launch(home: Path, port: int) -> int:
    """Serve the interface over `home` until interrupted; returns Streamlit's exit code."""
    env = dict(os.environ, MINUTEBOOK_HOME=str(Path(home).resolve()))
    process = subprocess.Popen(streamlit_command(port), env=env)
    try:
        return process.wait()
    except KeyboardInterrupt:
        # Ctrl-C reaches the child too (same process group); wait for it to shut down cleanly.
        return process.wait()
