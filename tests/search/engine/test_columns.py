"""The per-segment column files (`search.engine.columns`): written with every segment, read
memory-mapped, never trusted when they do not describe their segment, and giving exactly the
arrays Whoosh's own columns give (the reference: `IndexColumns(reader, None)` computes them
from Whoosh's columns with the file never consulted)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from whoosh import index

from minutebook.home import store_path
from minutebook.store import open_store
from search import SearchRequest, rebuild, search_papers
from search.engine import backend, columns
from search.engine.backend import close_searchers, live_dir
from search.engine.columns import SUFFIX, IndexColumns
from tests.reliability import cli_command, cli_env
from tests.search.engine.deletions import replace_leaving_deletions


@pytest.fixture()
def segmented(corpus_home: Path, tmp_path: Path) -> Path:
    """The sample store indexed by the parallel build (several segments), then one document
    re-indexed (a new segment, deletions left in an old one: see `deletions`)."""
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(store_path(corpus_home), store_path(home))
    original = backend.PARALLEL_MIN_SECTIONS
    backend.PARALLEL_MIN_SECTIONS = 0
    try:
        with open_store(home) as store:
            rebuild(home, store, procs=2)
            replace_leaving_deletions(home, store, store.document_ids()[0])
    finally:
        backend.PARALLEL_MIN_SECTIONS = original
    return home


def _segment_ids(build: Path) -> set[str]:
    ix = index.open_dir(str(build))
    return {segment.segment_id() for segment in ix._segments()}


def _same(left: IndexColumns, right: IndexColumns) -> None:
    assert np.array_equal(left.live, right.live)
    a, b = left.facet_table(), right.facet_table()
    assert np.array_equal(a.item_of, b.item_of) and np.array_equal(a.date, b.date)
    assert a.labels == b.labels
    for facet in a.codes:
        assert np.array_equal(a.codes[facet], b.codes[facet])
    for facet in a.pairs:
        assert np.array_equal(a.pairs[facet][0], b.pairs[facet][0])
        assert np.array_equal(a.pairs[facet][1], b.pairs[facet][1])
    for field in ("text", "item_title", "section_title", "text_pairs", "body"):
        assert np.array_equal(left.field_lengths(field), right.field_lengths(field))
    for field in ("date", "item_position"):
        assert np.array_equal(left.numeric_column(field), right.numeric_column(field))
    for column in ("body_name", "document_kind", "year"):
        codes_a, labels_a = left.label_column(column)
        codes_b, labels_b = right.label_column(column)
        assert labels_a == labels_b and np.array_equal(codes_a, codes_b)


def test_every_segment_of_a_build_and_of_an_update_has_its_file(segmented: Path) -> None:
    build = live_dir(segmented)
    assert build is not None
    segments = _segment_ids(build)
    assert len(segments) >= 3  # two from the parallel build, one from the replacement
    assert {p.name[: -len(SUFFIX)] for p in build.glob(f"*{SUFFIX}")} == segments


def test_the_files_give_exactly_what_whooshs_columns_give(segmented: Path) -> None:
    build = live_dir(segmented)
    assert build is not None
    with index.open_dir(str(build)).searcher() as searcher:
        reader = searcher.reader()
        assert reader.doc_count() < reader.doc_count_all()  # deletions are applied too
        _same(IndexColumns(reader, build), IndexColumns(reader, None))


def _damage(build: Path, how: str) -> None:
    files = sorted(build.glob(f"*{SUFFIX}"))
    if how == "garbage":
        files[0].write_bytes(b"\x00garbage" * 50)
    elif how == "truncated":
        files[0].write_bytes(files[0].read_bytes()[:100])
    elif how == "another segment's":
        shutil.copy(files[1], files[0])
    elif how == "missing":
        for path in files:
            path.unlink()


@pytest.mark.parametrize("how", ["garbage", "truncated", "another segment's", "missing"])
def test_a_file_that_does_not_describe_its_segment_is_never_used(segmented: Path, how: str) -> None:
    close_searchers()
    before = [search_papers(segmented, SearchRequest(q, limit=50)) for q in ("school", "kind:minutes")]
    build = live_dir(segmented)
    assert build is not None
    _damage(build, how)
    close_searchers()
    with index.open_dir(str(build)).searcher() as searcher:
        _same(IndexColumns(searcher.reader(), build), IndexColumns(searcher.reader(), None))
    close_searchers()
    after = [search_papers(segmented, SearchRequest(q, limit=50)) for q in ("school", "kind:minutes")]
    assert after == before
    # ...and the file is written again, right, for the next process.
    for path in build.glob(f"*{SUFFIX}"):
        segment = path.name[: -len(SUFFIX)]
        with index.open_dir(str(build)).reader() as reader:
            leaf = next(leaf for leaf, _o in reader.leaf_readers() if leaf.segment().segment_id() == segment)
            assert columns.load(path, segment, leaf.doc_count_all(), leaf.schema) is not None


def test_a_search_process_imports_nothing_it_does_not_use(corpus_home: Path) -> None:
    """No multiprocessing, urllib, ssl, asyncio or http on the search path (they were a fifth
    of a one-shot search's imports), and the search still answers."""
    probe = (
        "import json, sys; from ui.cli import main; main(sys.argv[1:]);"
        " heavy = ['multiprocessing', 'concurrent.futures', 'urllib.request', 'ssl', 'asyncio',"
        " 'http.client', 'email', 'whoosh.lang.morph_en'];"
        " print(json.dumps([m for m in heavy if m in sys.modules]), file=sys.stderr)"
    )
    command = [*cli_command()[:2], probe, "--home", str(corpus_home), "search", "free school meals", "--json"]
    result = subprocess.run(command, env=cli_env(), capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["total"] > 0
    assert json.loads(result.stderr.strip().splitlines()[-1]) == []
    assert sys.executable == command[0]
