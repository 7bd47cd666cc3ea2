"""Saved searches and the digest, over the sample corpus arriving paper by paper: the March
2014 panel minutes first, then the May 2014 supplementary agenda that delivers their
pathway-planning action plan (corpus/README). A saved search shows new hits only when new
papers arrive; an action turning done or overdue appears in exactly one digest; the Atom
feed parses as Atom with a feed library."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import feedparser
import pytest

from minutebook.store import open_store
from search.watch import add_watch, list_watches, remember, remove_watch, run_watches, whats_new
from search.watch.atom import digest_to_atom
from tests.conftest import (
    JUNE_2014_AGENDA,
    JUNE_2014_MINUTES,
    MARCH_2014_PANEL_MINUTES,
    MAY_2014_SUPPLEMENTARY,
)
from ui.cli import main


def _ingest(home: Path, *papers: Path) -> None:
    assert main(["--home", str(home), "ingest", *map(str, papers), "--workers", "1"]) == 0


@pytest.fixture(scope="module")
def march_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("march") / "home"
    _ingest(home, MARCH_2014_PANEL_MINUTES)
    return home


def _copy(home: Path, tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "home"
    shutil.copytree(home, target)
    return target


def _document_of(home: Path, paper: Path) -> str:
    with open_store(home) as store:
        return store.query("SELECT id FROM documents WHERE path = ?", (str(paper.resolve()),))[0]["id"]


def _ids(rows: list[dict[str, Any]]) -> set[str]:
    return {row["id"] for row in rows}


def test_a_saved_search_shows_new_hits_only_after_new_papers_arrive(march_home: Path, tmp_path: Path) -> None:
    home = _copy(march_home, tmp_path)
    with open_store(home) as store:
        watch = add_watch(home, store, "pathway planning", as_of="2014-03-20")
        first = run_watches(home, store, as_of="2014-03-20")
    (search,) = first.searches
    assert search["total"] >= 1 and search["new"] == []  # what was there when it was saved is not news
    assert first.count == 0 and not first.baseline
    _ingest(home, MAY_2014_SUPPLEMENTARY)
    may = _document_of(home, MAY_2014_SUPPLEMENTARY)
    with open_store(home) as store:
        second = run_watches(home, store, as_of="2014-04-01")
        third = run_watches(home, store, as_of="2014-04-01")
        (saved,) = list_watches(store)
    new = second.searches[0]["new"]
    assert new and {hit["document_id"] for hit in new} == {may}
    assert all(hit["meeting_date"] == "2014-05-01" for hit in new)
    assert third.searches[0]["new"] == []
    assert saved["id"] == watch["id"] and saved["last_run_at"]


def test_actions_turning_done_and_overdue_each_appear_once(march_home: Path, tmp_path: Path) -> None:
    home = _copy(march_home, tmp_path)
    with open_store(home) as store:
        add_watch(home, store, "children's centres", as_of="2014-03-20")
        quiet = run_watches(home, store, as_of="2014-03-20")
    assert (quiet.new_actions, quiet.newly_done, quiet.newly_overdue) == ([], [], [])
    _ingest(home, MAY_2014_SUPPLEMENTARY)
    with open_store(home) as store:
        delivered = run_watches(home, store, as_of="2014-04-01")
        again = run_watches(home, store, as_of="2014-04-01")
        late = run_watches(home, store, as_of="2014-05-02")
        later = run_watches(home, store, as_of="2014-05-02")
    done_texts = " ".join(a["text"] for a in delivered.newly_done)
    assert "pathway planning" in done_texts and "Children's Centres" in done_texts
    assert all(a["status"] == "done" and a["evidence"] for a in delivered.newly_done)
    assert all(a["evidence"][0]["meeting_date"] == "2014-05-01" for a in delivered.newly_done)
    assert delivered.newly_overdue == []
    assert (again.newly_done, again.newly_overdue, again.new_actions) == ([], [], [])
    overdue_texts = [a["text"] for a in late.newly_overdue]
    assert any("OFSTED category" in text for text in overdue_texts)  # due 2014-04-13
    assert any("scorecards" in text for text in overdue_texts)  # due at the next meeting, 2014-05-01
    assert not _ids(late.newly_overdue) & _ids(delivered.newly_done)
    assert (later.newly_done, later.newly_overdue) == ([], [])


def test_a_digest_that_is_only_read_is_shown_again_until_remembered(march_home: Path, tmp_path: Path) -> None:
    home = _copy(march_home, tmp_path)
    with open_store(home) as store:
        add_watch(home, store, "pathway planning", as_of="2014-03-20")
    _ingest(home, MAY_2014_SUPPLEMENTARY)
    with open_store(home) as store:
        shown = whats_new(home, store, as_of="2014-04-01")
        shown_again = whats_new(home, store, as_of="2014-04-01")
        remember(store, shown)
        after = whats_new(home, store, as_of="2014-04-01")
    assert shown.count and shown.count == shown_again.count
    assert after.count == 0


def test_a_saved_search_keeps_its_filters_and_can_be_removed(march_home: Path, tmp_path: Path) -> None:
    home = _copy(march_home, tmp_path)
    with open_store(home) as store:
        watch = add_watch(home, store, "pathway planning", {"kind": "agenda", "limit": 5, "body": None})
        assert watch["filters"] == {"kind": "agenda"}
        assert remove_watch(store, watch["id"]) and not remove_watch(store, watch["id"])
        assert list_watches(store) == []
        with pytest.raises(ValueError, match="needs a query"):
            add_watch(home, store, "  ")
    with open_store(home) as store:
        minutes_only = add_watch(home, store, "free school meals", {"kind": "minutes"}, as_of="2014-03-20")
        everything = add_watch(home, store, "free school meals", as_of="2014-03-20")
    _ingest(home, JUNE_2014_AGENDA)
    with open_store(home) as store:
        agenda_arrived = {s["id"]: s["new"] for s in run_watches(home, store, as_of="2014-04-01").searches}
    _ingest(home, JUNE_2014_MINUTES)
    with open_store(home) as store:
        minutes_arrived = {s["id"]: s["new"] for s in run_watches(home, store, as_of="2014-04-01").searches}
    # The June agenda is news to the unfiltered search only; the June minutes to both.
    assert agenda_arrived[minutes_only["id"]] == []
    assert {h["document_kind"] for h in agenda_arrived[everything["id"]]} == {"agenda"}
    assert {h["document_kind"] for h in minutes_arrived[minutes_only["id"]]} == {"minutes"}
    assert {h["document_kind"] for h in minutes_arrived[everything["id"]]} == {"minutes"}


def test_the_atom_feed_parses_as_atom_with_one_entry_per_new_thing(march_home: Path, tmp_path: Path) -> None:
    home = _copy(march_home, tmp_path)
    with open_store(home) as store:
        add_watch(home, store, "pathway planning", as_of="2014-03-20")
    _ingest(home, MAY_2014_SUPPLEMENTARY)
    with open_store(home) as store:
        digest = whats_new(home, store, as_of="2014-04-01")
    text = digest_to_atom(
        digest, str(home), {str(MAY_2014_SUPPLEMENTARY.resolve()): "https://democracy.example/x.pdf"}
    )
    feed = feedparser.parse(text)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.id.startswith("urn:uuid:") and feed.feed.title and feed.feed.updated
    assert len(feed.entries) == digest.count > 0
    for entry in feed.entries:
        assert entry.id.startswith("urn:uuid:") and entry.title and entry.updated and entry.content[0].value
    assert len({entry.id for entry in feed.entries}) == len(feed.entries)
    hits = [e for e in feed.entries if e.tags[0].term == "search"]
    assert hits and all(e.link == "https://democracy.example/x.pdf" for e in hits)
    assert [e for e in feed.entries if e.tags[0].term == "done"]
    # The same digest gives the same entry ids: a reader keeps one copy of each.
    again = feedparser.parse(digest_to_atom(digest, str(home)))
    assert [e.id for e in again.entries] == [e.id for e in feed.entries]


def test_watch_on_the_command_line_add_list_run_atom_remove(
    march_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = _copy(march_home, tmp_path)

    def run(*args: str) -> tuple[int, str]:
        code = main(["--home", str(home), "watch", *args])
        return code, capsys.readouterr().out

    code, out = run("add", "pathway planning", "--committee", "Children's Services", "--json")
    added = json.loads(out)
    assert code == 0 and added["filters"] == {"body": "Children's Services"}
    assert run("list")[1].startswith(f"   {added['id']}  'pathway planning' --body")
    code, out = run("--json")  # plain `watch` is `watch run`
    assert code == 0 and json.loads(out)["new"] == 0
    _ingest(home, MAY_2014_SUPPLEMENTARY)
    feed_file = tmp_path / "feed.xml"
    code, _ = run("run", "--format", "atom", "--out", str(feed_file), "--as-of", "2014-04-01")
    assert code == 0 and not feedparser.parse(feed_file.read_text()).bozo
    assert len(feedparser.parse(feed_file.read_text()).entries) > 0
    code, out = run("run", "--as-of", "2014-04-01")
    assert code == 0 and "Nothing new since the last look." in out
    code, out = run("remove", str(added["id"]), "--json")
    assert (code, json.loads(out)) == (0, {"removed": added["id"]})
    assert run("remove", str(added["id"]))[0] == 1
