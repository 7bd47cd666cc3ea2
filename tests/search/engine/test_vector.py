"""The NumPy query evaluator finds exactly the documents Whoosh's own matchers find.

Checked on the sample corpus's index, rebuilt as several segments (the parallel build) with
a document then deleted and re-added by an incremental update, so segment offsets and
deletions are exercised too. Whoosh's own `Query.docs()` per segment is the reference; for
phrases (the text fields keep no positions, so Whoosh cannot match them) the reference is
the stored text itself: the phrase's analysed words, consecutive, in a title or the text.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from whoosh import index

from minutebook.home import store_path
from minutebook.store import open_store
from search import SearchRequest, rebuild, search_papers
from search.engine import backend
from search.engine.backend import close_searchers, live_dir
from search.engine.query import Filters, filter_query, parse_user_query
from search.engine.schema import ANALYZER, DEFAULT_FIELDS, get_schema
from search.engine.vector import VectorIndex
from tests.search.engine.deletions import replace_leaving_deletions

QUERIES = [
    "school",
    "free school meals",
    "pathway planning",
    "school AND governors",
    "care NOT academy",
    "NOT school",
    "academ*",
    "body:scrutiny",
    "kind:minutes",
    "title:leadership",
    "resolved:true",
    "date:[2014-01-01 TO 2014-06-30] leadership",
    "date:2017",
    "ofsted OR inspection",
    "nothingmatchesthisword",
]


@pytest.fixture(scope="module")
def segmented_home(corpus_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample store, indexed by the parallel build, then one document re-indexed with its
    old sections left deleted (see `deletions`)."""
    home = tmp_path_factory.mktemp("segmented")
    shutil.copy(store_path(corpus_home), store_path(home))
    original = backend.PARALLEL_MIN_SECTIONS
    backend.PARALLEL_MIN_SECTIONS = 0  # the sample is small; force the parallel path
    try:
        with open_store(home) as store:
            rebuild(home, store, procs=2)
            replace_leaving_deletions(home, store, store.document_ids()[0])
    finally:
        backend.PARALLEL_MIN_SECTIONS = original
    return home


def _whoosh_docnums(searcher, q) -> list[int]:
    return sorted(offset + d for sub, offset in searcher.leaf_searchers() for d in q.docs(sub))


def test_the_parallel_build_writes_several_segments_and_the_update_deletes(segmented_home: Path) -> None:
    ix = index.open_dir(str(live_dir(segmented_home)))
    with ix.searcher() as searcher:
        assert len(list(searcher.leaf_searchers())) >= 2
        assert searcher.doc_count() < searcher.doc_count_all()  # the re-indexed document


def test_parallel_and_serial_builds_index_the_same_sections(corpus_home: Path, segmented_home: Path) -> None:
    def section_ids(home: Path) -> list[str]:
        with index.open_dir(str(live_dir(home))).searcher() as searcher:
            return sorted(fields["id"] for fields in searcher.all_stored_fields())

    assert section_ids(segmented_home) == section_ids(corpus_home)


@pytest.mark.parametrize("text", QUERIES)
def test_vector_evaluation_matches_whoosh(segmented_home: Path, text: str) -> None:
    parsed = parse_user_query(text, get_schema()).query
    ix = index.open_dir(str(live_dir(segmented_home)))
    with ix.searcher() as searcher:
        found = VectorIndex(searcher).evaluate(parsed)
        assert found.ids.tolist() == _whoosh_docnums(searcher, parsed)
        assert len(found.scores) == len(found.ids)


PHRASES = [
    "pathway planning",
    "free school meals",
    "children's centres",
    "performance monitoring report",
    "school governors",
]


def _stems(text: str) -> list[str]:
    return [token.text for token in ANALYZER(text)]


def _phrase_docnums(searcher, phrase: str) -> list[int]:
    """Docnums whose title or text holds the phrase's analysed words consecutively."""
    words = _stems(phrase)
    found = []
    for docnum, fields in searcher.iter_docs():
        for name in DEFAULT_FIELDS:
            stems = _stems(fields.get(name) or "")
            if any(stems[i : i + len(words)] == words for i in range(len(stems))):
                found.append(docnum)
                break
    return sorted(found)


@pytest.mark.parametrize("phrase", PHRASES)
def test_phrases_match_exactly_the_sections_that_say_them(segmented_home: Path, phrase: str) -> None:
    parsed = parse_user_query(f'"{phrase}"', get_schema()).query
    ix = index.open_dir(str(live_dir(segmented_home)))
    with ix.searcher() as searcher:
        expected = _phrase_docnums(searcher, phrase)
        assert expected, "the sample corpus says each of these phrases"
        assert VectorIndex(searcher).evaluate(parsed).ids.tolist() == expected


def test_a_phrase_combines_with_a_field_constraint(segmented_home: Path) -> None:
    parsed = parse_user_query('"pathway planning" AND body:scrutiny', get_schema()).query
    body = parse_user_query("body:scrutiny", get_schema()).query
    ix = index.open_dir(str(live_dir(segmented_home)))
    with ix.searcher() as searcher:
        expected = sorted(
            set(_phrase_docnums(searcher, "pathway planning")) & set(_whoosh_docnums(searcher, body))
        )
        assert expected
        assert VectorIndex(searcher).evaluate(parsed).ids.tolist() == expected


def test_filters_evaluate_like_whoosh(segmented_home: Path) -> None:
    notes: list[str] = []
    filters = Filters(
        body="children's services", kind="minutes", date_from="2014-01-01", date_to="2014-12-31"
    )
    filter_q = filter_query(filters, notes)
    assert filter_q is not None and not notes
    ix = index.open_dir(str(live_dir(segmented_home)))
    with ix.searcher() as searcher:
        found = VectorIndex(searcher).evaluate(filter_q)
        assert len(found) > 0
        assert found.ids.tolist() == _whoosh_docnums(searcher, filter_q)


def test_search_results_do_not_depend_on_how_the_index_was_built(
    corpus_home: Path, segmented_home: Path
) -> None:
    close_searchers()
    for text in ("free school meals", '"pathway planning"', "ofsted"):
        serial = search_papers(corpus_home, SearchRequest(text, limit=50))
        parallel = search_papers(segmented_home, SearchRequest(text, limit=50))
        assert serial["total"] == parallel["total"]
        assert serial["facets"] == parallel["facets"]
        assert {h["item_id"] for h in serial["hits"]} == {h["item_id"] for h in parallel["hits"]}
