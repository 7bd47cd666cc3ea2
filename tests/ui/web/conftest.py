"""Fixtures for the browser tests: `minutebook ui` (the installed console script) over a home,
and headless Chromium from the system (`/usr/bin/chromium`, no browser download) driven by
Playwright. Screenshots go to tests/ui/web/artifacts/ (not committed) for a person to look at.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1366, "height": 800}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(url: str, process: subprocess.Popen[bytes], timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"minutebook ui exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"minutebook ui did not answer on {url} within {timeout} s")


@contextmanager
def serving(home: Path) -> Iterator[str]:
    """`minutebook ui --port N` over `home`; stopped (with its Streamlit server) afterwards."""
    script = Path(sys.executable).parent / "minutebook"
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "MINUTEBOOK_HOME"}
    # Its own session: the CLI and the Streamlit child it starts are stopped together.
    process = subprocess.Popen(
        [str(script), "--home", str(home), "ui", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    try:
        yield tab
    finally:
        context.close()


def idle(page: Any) -> None:
    """Wait until Streamlit has finished the current run (its status widget disappears)."""
    page.wait_for_timeout(300)
    page.locator("[data-testid='stStatusWidget']").wait_for(state="detached", timeout=60_000)


def shot(page: Any, name: str, whole: bool = False) -> Path:
    """A screenshot in ARTIFACTS: the viewport, or (`whole`) the page's full height (Streamlit
    scrolls inside its main element, so the viewport is grown to the content instead)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    if whole:
        # From the top, whatever the page scrolled to (the reader scrolls to a linked page).
        page.evaluate("document.querySelector('[data-testid=stMain]')?.scrollTo(0, 0)")
        height = page.evaluate(
            "Math.max(...[...document.querySelectorAll('[data-testid=stMain], section')]"
            ".map(e => e.scrollHeight), 800)"
        )
        page.set_viewport_size({"width": VIEWPORT["width"], "height": min(int(height), 12_000)})
        page.wait_for_timeout(600)
    page.screenshot(path=str(path))
    if whole:
        page.set_viewport_size(VIEWPORT)
    return path
