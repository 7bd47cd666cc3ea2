"""A server safe by default (issue 13, failure 6): `minutebook ui` listens on 127.0.0.1 unless
`--host` says otherwise; the original file is served only while it is the file ingested (a
symbolic link swapped in is refused); names and text from papers show literally (no Markdown,
no links made of bare URLs); snippets are capped whatever the paper holds.

A real Streamlit server and headless Chromium for what a browser sees; `AppTest` for the page
logic; real files for the download check."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from minutebook.store import open_store
from search.engine.backend import SNIPPET_MAX_CHARS
from tests.conftest import JUNE_2014_MINUTES
from tests.ui.web.conftest import serving
from tests.ui.web.test_app import run_page
from ui.web.originals import Original, read_verified

HOSTILE_ORGANISATION = ":red[Corp] *Acme* Holdings"
URL = "https://evil.example.com/steal"
LONG_WORD = "x" * 100_000


@pytest.fixture(scope="module")
def hostile_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A paper with a bare URL and a 100,000-character word, and an organisation whose name
    is Markdown (put into the store's mentions as the entity stage would)."""
    from ui.cli import main

    folder = tmp_path_factory.mktemp("hostile")
    paper = folder / "minutes.txt"
    text = JUNE_2014_MINUTES.read_text(encoding="utf-8")
    paper.write_text(
        text.replace(
            "Free School Meals Update",
            f"Free School Meals Update\n\nSee {URL} and www.evil.example.org"
            f" for the zqlong {LONG_WORD} figures.",
        ),
        encoding="utf-8",
    )
    home = folder / "home"
    assert main(["--home", str(home), "ingest", str(paper), "--workers", "1"]) == 0
    with open_store(home) as store, store.transaction() as db:
        (document_id,) = db.execute("SELECT id FROM documents").fetchone()
        db.execute(
            "INSERT INTO mentions(document_id, item_id, name, type, surface, page, role)"
            " VALUES (?, NULL, ?, 'organisation', ?, 1, NULL)",
            (document_id, HOSTILE_ORGANISATION, HOSTILE_ORGANISATION),
        )
    return home


# ------------------------------------------------------------- listening


def _listening_addresses(port: int) -> set[str]:
    """Local addresses with a socket listening on `port` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table, width in (("tcp", 8), ("tcp6", 32)):
        try:
            lines = Path(f"/proc/net/{table}").read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            address, port_hex = fields[1].split(":")
            if fields[3] == "0A" and int(port_hex, 16) == port:  # 0A: LISTEN
                if width == 8:
                    found.add(".".join(str(b) for b in reversed(bytes.fromhex(address))))
                else:
                    found.add("::" if set(address) == {"0"} else address.lower())
    return found


@pytest.fixture(scope="module")
def ui_server(hostile_home: Path) -> Iterator[tuple[str, int]]:
    """`minutebook ui --port N` with no --host, over the hostile home."""
    with serving(hostile_home) as url:
        yield url, int(url.rsplit(":", 1)[1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/net")
def test_ui_listens_on_this_machine_only_by_default(ui_server: tuple[str, int]) -> None:
    _url, port = ui_server
    assert _listening_addresses(port) == {"127.0.0.1"}


def test_ui_host_flag_names_the_address_and_warns(tmp_path: Path) -> None:
    from ui.web.launch import streamlit_command

    command = streamlit_command(8501, "0.0.0.0")
    assert command[command.index("--server.address") + 1] == "0.0.0.0"
    default = streamlit_command(8501)
    assert default[default.index("--server.address") + 1] == "127.0.0.1"


# -------------------------------------------------------------- originals


def _original(path: Path) -> Original:
    import hashlib

    data = path.read_bytes()
    return Original(str(path), hashlib.sha256(data).hexdigest(), len(data))


def test_the_original_is_served_only_while_it_is_the_file_ingested(tmp_path: Path) -> None:
    paper = tmp_path / "minutes.txt"
    paper.write_bytes(JUNE_2014_MINUTES.read_bytes())
    original = _original(paper)
    assert read_verified(original) == JUNE_2014_MINUTES.read_bytes()
    paper.unlink()
    paper.symlink_to("/etc/passwd")
    assert "has changed since it was ingested" in str(read_verified(original))
    paper.unlink()
    os.mkfifo(paper)  # a pipe: refused at once, not read (which would wait forever)
    assert "no longer holds a regular file" in str(read_verified(original))
    paper.unlink()
    assert "no longer on disk" in str(read_verified(original))


def test_the_meeting_page_refuses_a_swapped_original(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from ui.cli import main

    paper = tmp_path / "minutes.txt"
    paper.write_bytes(JUNE_2014_MINUTES.read_bytes())
    home = tmp_path / "home"
    assert main(["--home", str(home), "ingest", str(paper), "--workers", "1"]) == 0
    with open_store(home) as store:
        doc = store.document_ids()[0]
    at = run_page(monkeypatch, home, "page_meetings.py", doc=doc, page="1")
    assert [b.proto.label for b in at.get("download_button")] == ["Download the original"]
    paper.unlink()
    paper.symlink_to("/etc/passwd")
    at = run_page(monkeypatch, home, "page_meetings.py", doc=doc, page="1")
    assert not at.get("download_button")
    assert any("has changed since it was ingested" in c.value for c in at.caption)


# ---------------------------------------------------------------- snippets


def test_a_snippet_is_capped_whatever_the_paper_holds(
    hostile_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ui.cli import main

    capsys.readouterr()
    assert main(["--home", str(hostile_home), "search", "zqlong", "--json"]) == 0
    [hit] = json.loads(capsys.readouterr().out)["hits"]
    assert "zqlong" in hit["snippet"]
    assert len(hit["snippet"]) <= SNIPPET_MAX_CHARS + 1
    assert len(hit["highlighted"]) <= SNIPPET_MAX_CHARS + 2 * len(hit["highlights"]) * 2 + 1


# ------------------------------------------------------- in a real browser


@pytest.mark.browser
def test_a_markdown_name_is_shown_as_written_on_the_people_page(
    ui_server: tuple[str, int], browser: Any
) -> None:
    url, _port = ui_server
    page = browser.new_page()
    try:
        page.goto(f"{url}/people?type=organisation&name={HOSTILE_ORGANISATION}")
        heading = page.locator("h3", has_text="Holdings").first
        heading.wait_for(timeout=60_000)
        assert heading.inner_text().strip() == HOSTILE_ORGANISATION
        assert heading.locator("em, strong, span[class*='red']").count() == 0
    finally:
        page.close()


@pytest.mark.browser
def test_a_bare_url_in_a_paper_is_text_not_a_link(
    ui_server: tuple[str, int], browser: Any, hostile_home: Path
) -> None:
    url, _port = ui_server
    with open_store(hostile_home) as store:
        doc = store.document_ids()[0]
    page = browser.new_page()
    try:
        # The paper's one word of its own: every word of a query is required (issue 15), and
        # "evil" is no word of "evil.example.com" to the index (the address is one token).
        page.goto(f"{url}/?q=zqlong")
        card = page.locator("[class*='st-key-hit-']").first
        card.wait_for(timeout=60_000)
        text = card.inner_text().replace("\u2060", "")  # the joiner that keeps it from linking
        assert "www.evil.example.org" in text
        assert len(text) < 2 * SNIPPET_MAX_CHARS
        assert page.locator("a[href*='evil.example']").count() == 0
        # The page itself, where the whole paragraph is shown.
        page.goto(f"{url}/meetings?doc={doc}&page=1&hl=evil")
        page.get_by_text("evil.example.com/steal").first.wait_for(timeout=60_000)
        assert page.locator("a[href*='evil.example']").count() == 0
    finally:
        page.close()
