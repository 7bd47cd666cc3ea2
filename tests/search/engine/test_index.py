"""The index lifecycle: built from the store, updated by ingest, rebuilt atomically.

Tiny literal corpora (tests/search/engine/tiny.py) with exact expected hit ids.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from minutebook.store import open_store
from search import SearchRequest, rebuild, refresh_after_ingest, search_papers
from search.engine.backend import live_dir
from tests.search.engine.tiny import TINY, make_document, tiny_home, write


def ids(home: Path, query: str, **options: object) -> list[str]:
    return [hit["id"] for hit in search_papers(home, SearchRequest(query, **options))["hits"]]  # type: ignore[arg-type]


@pytest.fixture()
def home(tmp_path: Path) -> Path:
    return tiny_home(tmp_path)


def test_rebuild_indexes_every_section_and_sectionless_item(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with open_store(home) as store:
        for doc in TINY:
            write(store, doc)
        # 5 sections plus one item that has none (indexed as itself).
        assert rebuild(home, store) == 6


def test_search_finds_exactly_the_sections_that_say_it(home: Path) -> None:
    assert ids(home, "kitchen equipment") == ["sec-meals-budget"]
    assert ids(home, "bus routes") == ["sec-transport"]


def test_search_for_absent_words_finds_nothing(home: Path) -> None:
    result = search_papers(home, SearchRequest("ofsted inspection"))
    assert result["hits"] == []
    assert result["total"] == 0
    assert result["facets"]["document_kind"] == {}


def test_item_without_sections_is_found_by_its_title(home: Path) -> None:
    assert ids(home, "care leavers") == ["item-leavers"]


def test_one_item_gives_one_hit_its_best_section(home: Path) -> None:
    # Both sections of the 2014 meals item match "meals"/"school"; the item appears once.
    hits = search_papers(home, SearchRequest("free school meals"))["hits"]
    assert [h["item_id"] for h in hits].count("item-meals-2014") == 1
    assert hits[0]["id"] == "sec-meals-intro"


def test_hits_carry_meeting_document_item_and_page(home: Path) -> None:
    (hit,) = search_papers(home, SearchRequest("catering contract"))["hits"]
    assert hit["id"] == "sec-meals-2017"
    assert hit["body"] == "Children's Services Committee"
    assert hit["meeting_date"] == "2017-06-20"
    assert hit["document_id"] == "doc-agenda-2017"
    assert hit["document_kind"] == "agenda"
    assert hit["item_number"] == "2"
    assert hit["item_title"] == "School meals contract"
    assert hit["page"] == 1
    assert hit["has_resolution"] is True
    assert "**catering**" in hit["highlighted"] and "**" not in hit["snippet"]
    start, end = hit["highlights"][0]
    assert hit["snippet"][start:end].lower() == "catering"


def test_people_and_organisations_from_mentions_become_facets_and_filters(home: Path) -> None:
    result = search_papers(home, SearchRequest("meals"))
    assert result["facets"]["person"] == {"Mr J Joyce": 1}
    assert result["facets"]["organisation"] == {"Norfolk Catering Ltd": 1}
    assert ids(home, "meals", person="Joyce") == ["sec-meals-intro"]
    assert ids(home, "meals", org="norfolk catering") == ["sec-meals-2017"]
    assert ids(home, "meals", person="Nobody") == []


def test_ingest_refresh_replaces_changed_and_drops_removed_documents(home: Path) -> None:
    changed = make_document(
        "doc-agenda-2017-v2",
        "agenda",
        "Children's Services Committee",
        "2017-06-20",
        [
            (
                "item-transport-v2",
                "Home to school transport",
                [("sec-ferry", None, "Ferry crossings to island schools.")],
            )
        ],
    )
    with open_store(home) as store:
        write(store, changed)
        removed = [TINY[1].id]
        with store.transaction():
            store._delete_document_rows(TINY[1].id)
        refresh_after_ingest(home, store, [changed.id], removed)
    assert ids(home, "ferry crossings") == ["sec-ferry"]
    assert ids(home, "bus routes") == []
    assert ids(home, "kitchen equipment") == ["sec-meals-budget"]


def test_rebuild_swaps_in_a_new_build_and_open_searches_keep_working(home: Path) -> None:
    before = live_dir(home)
    assert ids(home, "kitchen") == ["sec-meals-budget"]
    with open_store(home) as store:
        assert rebuild(home, store) == 6
    after = live_dir(home)
    assert before is not None and after is not None and after != before
    assert ids(home, "kitchen") == ["sec-meals-budget"]


def test_search_without_an_index_says_how_to_build_one(tmp_path: Path) -> None:
    result = search_papers(tmp_path / "empty", SearchRequest("anything"))
    assert result["hits"] == [] and result["total"] == 0
    assert any("reindex" in note for note in result["notes"])


def test_refresh_builds_the_index_when_there_is_none(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with open_store(home) as store:
        write(store, TINY[0])
        refresh_after_ingest(home, store, [TINY[0].id], [])
    assert ids(home, "kitchen") == ["sec-meals-budget"]


def _home_with_an_undated_paper(tmp_path: Path) -> Path:
    """A home indexing the tiny archive and one undated paper about leavers."""
    home = tmp_path / "home"
    undated = make_document(
        "doc-undated", "other", "Children's Services Committee", None, [("item-u", "Leavers", [])]
    )
    with open_store(home) as store:
        for doc in [*TINY, undated]:
            write(store, doc)
        rebuild(home, store)
    return home


def test_an_undated_paper_beside_dated_ones_is_found_and_sorts_last(tmp_path: Path) -> None:
    # One undated paper used to make every search fail: Whoosh fills a missing date column
    # with a number past int64, which the facet table could not hold.
    home = _home_with_an_undated_paper(tmp_path)
    result = search_papers(home, SearchRequest("leavers", sort="date", limit=100))
    dates = [hit["meeting_date"] for hit in result["hits"]]
    assert None in dates and dates[-1] is None
    assert dates[:-1] == sorted(dates[:-1], reverse=True)
    assert result["facets"]["year"] and "" not in result["facets"]["year"]


def test_a_date_range_or_browsing_without_words_works_beside_an_undated_paper(tmp_path: Path) -> None:
    # A date filter read the date column, which holds a number past int64 for an undated
    # paper: every filtered search failed (OverflowError) on an archive with one (issue 15).
    home = _home_with_an_undated_paper(tmp_path)
    ranged = search_papers(home, SearchRequest("leavers", date_from="2015-01-01", date_to="2015-12-31"))
    assert [hit["item_id"] for hit in ranged["hits"]] == ["item-leavers"]
    browsed = search_papers(home, SearchRequest("", kind="other", sort="date"))
    assert [hit["item_id"] for hit in browsed["hits"]] == ["item-u"]
    everything = search_papers(home, SearchRequest("", date_to="2014-12-31", limit=50))
    assert {hit["meeting_date"] for hit in everything["hits"]} == {"2014-03-13"}


def _segments_with_deletions(home: Path) -> int:
    from whoosh import index

    live = live_dir(home)
    assert live is not None
    return sum(segment.has_deletions() for segment in index.open_dir(str(live))._segments())


def _scores(home: Path, query: str) -> dict[str, float]:
    return {hit["id"]: hit["score"] for hit in search_papers(home, SearchRequest(query))["hits"]}


def test_catch_ups_during_an_ingest_leave_replaced_sections_to_one_settle(home: Path) -> None:
    """Issue 17: a running ingest's catch-ups (`settle=False`) only mark replaced sections
    deleted, and the store says the build holds some; the next catch-up that settles (the
    ingest's last, or a search's after an interrupted ingest) purges them even with nothing
    else pending, and the scores are then a fresh build's."""
    from search.engine import backend

    with open_store(home) as store:
        fresh = _scores(home, "school meals")
        assert len(fresh) >= 2
        documents = store.document_ids()
        for document_id in documents[:2]:  # two papers whose entities landed, one catch-up each
            store.mark_unindexed([document_id])
            assert backend.catch_up(home, store, settle=False).added == 1
        live = live_dir(home)
        assert live is not None
        assert _segments_with_deletions(home) > 0 and store.state(backend.UNSETTLED) == live.name
        # Searchable meanwhile, every replaced section found once.
        assert ids(home, "kitchen equipment") == ["sec-meals-budget"]
        assert backend.pending(home, store) == ([], [])
        backend.catch_up(home, store)
        assert _segments_with_deletions(home) == 0 and not store.state(backend.UNSETTLED)
        assert _scores(home, "school meals") == pytest.approx(fresh, rel=2e-3)
        rebuild(home, store)
        assert _scores(home, "school meals") == pytest.approx(fresh, rel=2e-3)
        # Settled: a further catch-up has nothing to do and writes nothing.
        assert not backend.catch_up(home, store)


def test_a_settle_flag_left_by_a_replaced_build_is_cleared(home: Path) -> None:
    """A rebuild replaces the build the flag named (its deletions went with it): the next
    catch-up clears the flag instead of taking the writer lock at every search."""
    from search.engine import backend

    with open_store(home) as store:
        store.mark_unindexed(store.document_ids()[:1])
        backend.catch_up(home, store, settle=False)
        rebuild(home, store)
        assert store.state(backend.UNSETTLED)
        assert not backend.catch_up(home, store)
        assert not store.state(backend.UNSETTLED)


def test_settling_after_every_paper_was_replaced_drops_the_emptied_segment(home: Path) -> None:
    """The entity pass replaces every paper of an ingest's first segments: the settle drops a
    segment with nothing live (its files go) and the index then scores as a fresh build."""
    from whoosh import index

    from search.engine import backend

    with open_store(home) as store:
        fresh = _scores(home, "school meals")
        live = live_dir(home)
        assert live is not None
        (first,) = [s.segment_id() for s in index.open_dir(str(live))._segments()]
        store.mark_unindexed(store.document_ids())
        backend.catch_up(home, store, settle=False)
        emptied = {s.segment_id(): s.doc_count() for s in index.open_dir(str(live))._segments()}
        assert emptied.get(first) == 0  # still there, every document deleted
        backend.catch_up(home, store)
        segments = index.open_dir(str(live))._segments()
        assert first not in {s.segment_id() for s in segments}
        assert not [entry.name for entry in live.iterdir() if entry.name.startswith(first)]
        assert sum(s.doc_count_all() for s in segments) == 6 and _segments_with_deletions(home) == 0
        assert _scores(home, "school meals") == pytest.approx(fresh, rel=2e-3)
