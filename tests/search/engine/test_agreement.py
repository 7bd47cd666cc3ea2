"""Store and index agree (issue 13, failures 1 and 4): whatever the store holds, a search
finds; a damaged index (a segment deleted or cut short, a garbage table of contents) ends in
a message and a rebuild, never a traceback; `check --repair` fixes it; a disk that fills up
mid-write leaves nothing behind in the live index."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.pipeline import ingest_paths
from minutebook.store import open_store
from search import SearchRequest, search_papers
from search.engine import backend
from tests.conftest import CORPUS, JUNE_2014_MINUTES
from tests.reliability import marked_papers, run_cli


@pytest.fixture()
def home(corpus_home: Path, tmp_path: Path) -> Path:
    """A private copy of the ingested sample corpus (store and index), free to damage."""
    copy = tmp_path / "home"
    shutil.copytree(corpus_home, copy)
    return copy


def _live_build(home: Path) -> Path:
    live = backend.live_dir(home)
    assert live is not None
    return live


def test_papers_stored_without_being_indexed_are_found_by_the_next_search(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    papers = marked_papers(tmp_path / "papers", 3)
    home = tmp_path / "home"
    with open_store(home) as store:
        ingest_paths([next(iter(papers))], store, workers=0, analyses=[])
        search_papers(home, SearchRequest("meals"))  # builds the index over the first paper
        # The rest stored as by an ingest killed before it indexed them.
        ingest_paths(list(papers), store, workers=0, analyses=[])
    with caplog.at_level(logging.WARNING, logger="minutebook"):
        for path, word in papers.items():
            hits = search_papers(home, SearchRequest(word))["hits"]
            assert [h["path"] for h in hits] == [str(path)], word
    assert any("behind the record store: indexed 2 document(s)" in r.getMessage() for r in caplog.records)


def test_ask_without_an_index_builds_it_from_the_store_and_answers(home: Path) -> None:
    """The store is the system of record: a missing index is built from it before answering,
    where ask used to abstain with every paper unsearchable."""
    shutil.rmtree(home / "index")
    backend.close_searchers()
    result = run_cli(
        "--home", str(home), "ask", "How many schools did NORSE Commercial Services assess?", "--json"
    )
    assert result.returncode == 0, result.stderr
    assert "built the search index from the record store" in result.stderr
    assert json.loads(result.stdout)["answer"] == "373"
    assert (home / "index" / "CURRENT").exists()


def _delete_segment(build: Path) -> None:
    next(build.glob("*.seg")).unlink()


def _truncate_segment(build: Path) -> None:
    segment = max(build.glob("*.seg"), key=lambda p: p.stat().st_size)
    os.truncate(segment, segment.stat().st_size // 3)


def _garbage_toc(build: Path) -> None:
    toc = next(build.glob("_MAIN_*.toc"))
    toc.write_bytes(bytes((i * 37 + 11) % 256 for i in range(toc.stat().st_size)))


DAMAGE = {
    "deleted segment": _delete_segment,
    "truncated segment": _truncate_segment,
    "garbage toc": _garbage_toc,
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_index_is_reported_and_rebuilt_not_a_traceback(home: Path, damage: object) -> None:
    assert callable(damage)
    damage(_live_build(home))
    check = run_cli("--home", str(home), "check", "--json")
    assert check.returncode == 1
    report = json.loads(check.stdout)
    assert not report["ok"] and report["index"]["problem"]
    assert any("search index damaged" in p for p in report["problems"])
    # A search says what it found and answers all the same, from an index rebuilt from the store.
    found = run_cli("--home", str(home), "search", "free school meals", "--json")
    assert found.returncode == 0 and "Traceback" not in found.stderr
    assert "search index is damaged" in found.stderr and "rebuilding it from the record store" in found.stderr
    assert json.loads(found.stdout)["total"] > 0
    assert json.loads(run_cli("--home", str(home), "check", "--json").stdout)["ok"]
    assert len(backend.builds(home)) == 1  # the damaged build is gone, no orphan left


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_check_repair_rebuilds_a_damaged_index(home: Path, damage: object) -> None:
    assert callable(damage)
    damage(_live_build(home))
    repaired = run_cli("--home", str(home), "check", "--repair", "--json")
    assert repaired.returncode == 0, repaired.stdout + repaired.stderr
    report = json.loads(repaired.stdout)
    assert report["ok"] and any("rebuilt the search index" in r for r in report["repairs"])
    assert report["index"]["documents"] == report["store"]["counts"]["documents"] == 5
    assert len(backend.builds(home)) == 1
    for command in (
        ["ask", "What did the committee agree about free school meals?"],
        ["ingest", str(CORPUS)],
    ):
        result = run_cli("--home", str(home), *command, "--json")
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr


def test_reindex_over_a_garbage_table_of_contents_leaves_no_orphan_build(home: Path) -> None:
    _garbage_toc(_live_build(home))
    for _ in range(2):
        result = run_cli("--home", str(home), "reindex")
        assert result.returncode == 0, result.stderr
    assert len(backend.builds(home)) <= 2  # the live build and the one it replaced, at most
    assert json.loads(run_cli("--home", str(home), "check", "--json").stdout)["ok"]


def test_check_finds_and_removes_a_build_an_interrupted_rebuild_left(home: Path) -> None:
    stray = backend.index_path(home) / "build-19990101000000-1-1"
    shutil.copytree(_live_build(home), stray)
    report = json.loads(run_cli("--home", str(home), "check", "--json").stdout)
    assert report["index"]["stray_builds"] == [stray.name] and not report["ok"]
    report = json.loads(run_cli("--home", str(home), "check", "--repair", "--json").stdout)
    assert report["ok"] and not stray.exists()


# ------------------------------------------------------------------ disk full


@pytest.fixture()
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 24 MB tmpfs (root only): a disk that can really fill up."""
    mount = tmp_path / "small-disk"
    mount.mkdir()
    if os.geteuid() != 0 or not sys.platform.startswith("linux"):
        pytest.skip("mounting a small file system needs root on Linux")
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount tmpfs: {made.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(disk: Path, leave_bytes: int) -> Path:
    """Take all but `leave_bytes` of the disk's free space."""
    filler = disk / "filler"
    free = shutil.disk_usage(disk).free
    with filler.open("wb") as handle:
        handle.write(b"\0" * max(0, free - leave_bytes))
    return filler


def test_a_full_disk_mid_ingest_is_one_message_and_leaves_nothing_in_the_index(
    small_disk: Path, tmp_path: Path
) -> None:
    home = small_disk / "home"
    first = run_cli("--home", str(home), "ingest", str(JUNE_2014_MINUTES), "--workers", "1")
    assert first.returncode == 0, first.stderr
    live = _live_build(home)
    files_before = {p.name for p in live.iterdir()}
    papers = marked_papers(tmp_path / "more", 6)
    filler = _fill(small_disk, leave_bytes=600_000)
    full = run_cli("--home", str(home), "ingest", str(tmp_path / "more"), "--workers", "1")
    assert "Traceback" not in full.stderr, full.stderr
    assert "full" in full.stderr
    # Nothing half-written stays in the live index: only the files of its committed generation.
    live_now = _live_build(home)
    ix = backend.open_index(live_now)
    committed = {f"_MAIN_{ix.latest_generation()}.toc", "MAIN_WRITELOCK"}
    segments = [segment.segment_id() for segment in ix._segments()]
    leftovers = [
        p.name
        for p in live_now.iterdir()
        if p.name not in committed and not p.name.startswith(tuple(segments))
    ]
    assert leftovers == []
    assert files_before
    # Space back: the next plain search makes every stored paper searchable.
    filler.unlink()
    with open_store(home) as store:
        stored = {r["path"] for r in store.query("SELECT path FROM documents")}
    for path, word in papers.items():
        result = run_cli("--home", str(home), "search", word, "--json")
        assert result.returncode == 0, result.stderr
        found = {hit["path"] for hit in json.loads(result.stdout)["hits"]}
        assert found == ({str(path)} if str(path) in stored else set()), word
    assert json.loads(run_cli("--home", str(home), "check", "--json").stdout)["ok"]


# ------------------------------------------------------------ a very big item


def test_a_very_big_items_names_are_indexed_by_page_and_still_filter_and_facet(tmp_path: Path) -> None:
    """An item of more sections than NAMES_BY_PAGE_SECTIONS gives each section the names of
    its own page (linear indexing; every name on every section grew with the square of the
    item), while `--org` still finds the item and its facet counts every name once."""
    from search.engine.backend import NAMES_BY_PAGE_SECTIONS

    councils = ["Norfolk County Council", "Suffolk County Council", "Essex County Council"]
    pages = []
    paragraph = 0
    for page in range(NAMES_BY_PAGE_SECTIONS // 10 + 6):
        lines = []
        for _ in range(10):
            paragraph += 1
            lines.append(
                f"{paragraph}.1 The panel noted the zqbig report from {councils[page % 3]} on roads."
            )
        pages.append("\n\n".join(lines))
    paper = tmp_path / "big.txt"  # a report: one item, one section per numbered paragraph
    head = "Highways Committee\n\nReport by the Executive Director of Place\n\nRoads maintenance review\n\n"
    paper.write_text(head + "\f".join(pages))
    home = tmp_path / "home"
    with open_store(home) as store:
        assert ingest_paths([paper], store, workers=0).failed == []
        [(sections,)] = store.db.execute("SELECT COUNT(*) FROM sections").fetchall()
    assert sections > NAMES_BY_PAGE_SECTIONS
    result = search_papers(home, SearchRequest("zqbig"))
    assert result["total"] == 1
    assert {name: result["facets"]["organisation"].get(name) for name in councils} == dict.fromkeys(
        councils, 1
    )
    for council in councils:
        assert search_papers(home, SearchRequest("zqbig", org=council))["total"] == 1
