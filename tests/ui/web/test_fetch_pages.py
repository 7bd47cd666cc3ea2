"""The Sources and What's new pages, and the meeting page's link to the original paper, driven
by `streamlit.testing.v1.AppTest` over homes filled by a real fetch from a ModernGov site on
127.0.0.1 (tests/moderngov_site.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from minutebook.store import open_store
from tests.moderngov_site import FakeModernGov
from tests.pdf_fixtures import make_pdf
from tests.ui.web.test_app import captions, markdown, run_page, tables
from ui.cli import main
from ui.web.text import escape_markdown

COMMITTEE = "Transport and Connectivity Policy Committee"
FAST = ["--rate", "0", "--retries", "0", "--workers", "1", "--from", "2024-01-01", "--to", "2024-12-31"]


def _minutes(path: Path, item: str, text: str) -> bytes:
    lines = [
        COMMITTEE,
        "Minutes of the meeting held on Thursday, 12 September 2024 at 4.00 pm",
        f"1. {item}",
        text,
    ]
    return make_pdf(path, [lines]).read_bytes()


@pytest.fixture(scope="module")
def fetched(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, FakeModernGov]:
    """A home fetched from a site with one good paper and one that fails (404)."""
    tmp = tmp_path_factory.mktemp("fetched")
    site = FakeModernGov()
    site.add_committee("133", COMMITTEE)
    site.add_meeting("9034", "133", "2024-09-12")
    site.add_pack(
        "9034",
        "Printed minutes",
        _minutes(tmp / "m.pdf", "Bus lanes", "RESOLVED that bus lanes be approved."),
    )
    missing = site.add_attachment("9034", "Lost appendix", b"", "1", "Bus lanes")
    site.fail(missing.local, "404")
    home = tmp / "home"
    with site:
        assert main(["--home", str(home), "fetch", site.url, *FAST]) == 1
    return home, site.url, site


def test_sources_page_lists_the_site_its_committees_counts_and_errors(
    monkeypatch: pytest.MonkeyPatch, fetched: tuple[Path, str, FakeModernGov]
) -> None:
    home, url, _ = fetched
    at = run_page(monkeypatch, home, "page_sources.py")
    assert [s.value for s in at.subheader] == [escape_markdown(url)]
    assert "read through its web service" in captions(at)
    committees, failing = tables(at.main)
    assert list(committees["Committee"]) == [COMMITTEE]
    assert (committees["Meetings"][0], committees["Papers"][0], committees["In the archive"][0]) == (1, 1, 1)
    assert committees["Could not fetch"][0] == 1
    assert list(failing["Paper"]) == ["Lost appendix"]
    assert "not found on the server (HTTP 404)" in failing["Error"][0]
    assert any("1 problem at the last fetch" in w.value for w in at.warning)


def test_the_meeting_page_links_a_fetched_paper_to_its_original(
    monkeypatch: pytest.MonkeyPatch, fetched: tuple[Path, str, FakeModernGov]
) -> None:
    home, _, site = fetched
    with open_store(home) as store:
        (meeting,) = store.query("SELECT id FROM meetings")
    at = run_page(monkeypatch, home, "page_meetings.py", meeting=meeting["id"])
    links = [link.proto for link in at.main.get("page_link")]
    original = site.url_of(site.meetings["9034"].papers[0])
    assert [(link.page, link.label) for link in links if link.external] == [
        (original, "Original on the council's site")
    ]


def test_whats_new_shows_new_hits_once_and_marks_them_seen(
    monkeypatch: pytest.MonkeyPatch, fetched: tuple[Path, str, FakeModernGov], tmp_path: Path
) -> None:
    home = tmp_path / "home"
    shutil.copytree(fetched[0], home)
    assert main(["--home", str(home), "watch", "add", "parking"]) == 0
    at = run_page(monkeypatch, home, "page_whats_new.py")
    assert "**parking** · 0 new of 0" in markdown(at)
    assert any("Nothing new since the last look" in s.value for s in at.success)
    paper = tmp_path / "later.pdf"
    _minutes(paper, "Parking charges", "RESOLVED that parking charges be frozen.")
    assert main(["--home", str(home), "ingest", str(paper), "--workers", "1"]) == 0
    at = run_page(monkeypatch, home, "page_whats_new.py")
    assert "**parking** · 1 new of 1" in markdown(at)
    assert "parking charges be frozen" in markdown(at).replace("\\", "").lower()
    assert "2024\\-09\\-12 · Transport and Connectivity Policy Committee" in captions(at)
    next(b for b in at.button if b.label == "Mark all as seen").click().run()
    assert not at.exception
    at = run_page(monkeypatch, home, "page_whats_new.py")
    assert "**parking** · 0 new of 1" in markdown(at)


def test_a_search_saved_on_the_page_is_kept_and_can_be_removed(
    monkeypatch: pytest.MonkeyPatch, fetched: tuple[Path, str, FakeModernGov], tmp_path: Path
) -> None:
    home = tmp_path / "home"
    shutil.copytree(fetched[0], home)
    at = run_page(monkeypatch, home, "page_whats_new.py")
    at.text_input(key="watch_add_query").set_value("bus lanes")
    at.selectbox(key="watch_add_kind").set_value("minutes")
    next(b for b in at.button if b.label == "Save search").click().run()
    assert not at.exception
    with open_store(home) as store:
        (saved,) = store.query("SELECT query, filters FROM watches")
    assert (saved["query"], saved["filters"]) == ("bus lanes", '{"kind": "minutes"}')
    assert "**bus lanes** · 0 new of 1" in markdown(at)
    next(b for b in at.button if b.label == "Remove").click().run()
    with open_store(home) as store:
        assert store.query("SELECT * FROM watches") == []


@pytest.mark.parametrize("page", ["page_sources.py", "page_whats_new.py"])
def test_an_empty_home_says_how_to_add_papers_and_creates_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, page: str
) -> None:
    at = run_page(monkeypatch, tmp_path / "empty", page)
    assert any("minutebook fetch URL" in i.value or "minutebook ingest PATH" in i.value for i in at.info)
    assert not (tmp_path / "empty").exists()
