"""The public search front over the sample corpus: filters hold, totals and facets agree with
the hits, pages never overlap, sorting by date, CSV export."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from search import HIT_FIELDS, SearchRequest, hits_to_csv, search_papers


def test_every_hit_of_kind_minutes_is_minutes(corpus_home: Path) -> None:
    result = search_papers(corpus_home, SearchRequest("children", kind="minutes", limit=100))
    assert result["hits"]
    assert {hit["document_kind"] for hit in result["hits"]} == {"minutes"}
    assert set(result["facets"]["document_kind"]) == {"minutes"}


def test_every_hit_from_2017_is_on_or_after_it(corpus_home: Path) -> None:
    result = search_papers(corpus_home, SearchRequest("children", date_from="2017-01-01", limit=100))
    assert result["hits"]
    assert all(hit["meeting_date"] >= "2017-01-01" for hit in result["hits"])


def test_body_filter_keeps_only_that_committee_under_one_name(corpus_home: Path) -> None:
    # The panel's papers print both "Overview & Scrutiny" and "Overview and Scrutiny".
    result = search_papers(corpus_home, SearchRequest("performance", body="scrutiny panel", limit=100))
    bodies = {hit["body"] for hit in result["hits"]}
    assert len(bodies) == 1 and "Scrutiny Panel" in bodies.pop()
    assert {hit["meeting_date"] for hit in result["hits"]} == {"2014-03-13", "2014-05-01"}
    assert len(result["facets"]["body"]) == 1


@pytest.mark.parametrize("query", ["children", "school meals", '"pathway planning"', "NOT performance"])
def test_total_and_facets_agree_with_all_hits(corpus_home: Path, query: str) -> None:
    result = search_papers(corpus_home, SearchRequest(query, limit=1000))
    facets = result["facets"]
    assert len(result["hits"]) == result["total"]
    assert sum(facets["document_kind"].values()) == result["total"]
    assert sum(facets["body"].values()) == result["total"]
    kinds: dict[str, int] = {}
    for hit in result["hits"]:
        kinds[hit["document_kind"]] = kinds.get(hit["document_kind"], 0) + 1
    assert facets["document_kind"] == kinds


def test_facets_count_all_matches_not_just_the_page(corpus_home: Path) -> None:
    page = search_papers(corpus_home, SearchRequest("children", limit=2))
    assert len(page["hits"]) == 2
    assert sum(page["facets"]["document_kind"].values()) == page["total"] > 2


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_pages_never_overlap_and_cover_every_hit(corpus_home: Path, sort: str) -> None:
    everything = search_papers(corpus_home, SearchRequest("children services", sort=sort, limit=1000))
    seen: list[str] = []
    for offset in range(0, everything["total"] + 7, 7):
        page = search_papers(
            corpus_home, SearchRequest("children services", sort=sort, limit=7, offset=offset)
        )
        seen.extend(hit["id"] for hit in page["hits"])
    assert len(seen) == len(set(seen)) == everything["total"]
    assert seen == [hit["id"] for hit in everything["hits"]]


def test_one_item_does_not_flood_the_first_page(corpus_home: Path) -> None:
    hits = search_papers(corpus_home, SearchRequest("children's centre performance", limit=10))["hits"]
    items = [hit["item_id"] for hit in hits]
    assert len(items) == len(set(items))


def test_sort_by_date_puts_newest_meetings_first(corpus_home: Path) -> None:
    hits = search_papers(corpus_home, SearchRequest("performance", sort="date", limit=100))["hits"]
    dates = [hit["meeting_date"] for hit in hits]
    assert dates == sorted(dates, reverse=True)
    assert dates[0] == "2017-03-14"


def test_hits_have_the_contract_fields_and_csv_exports_them(corpus_home: Path) -> None:
    result = search_papers(corpus_home, SearchRequest("free school meals", limit=5))
    assert set(result) >= {"query", "total", "hits", "facets"}
    assert set(result["facets"]) == {"body", "year", "document_kind", "person", "organisation"}
    for hit in result["hits"]:
        assert set(HIT_FIELDS) <= set(hit)
    rows = list(csv.DictReader(io.StringIO(hits_to_csv(result["hits"]))))
    assert [row["id"] for row in rows] == [hit["id"] for hit in result["hits"]]
    assert list(rows[0])[: len(HIT_FIELDS)] == list(HIT_FIELDS)


def test_a_front_sheet_line_that_belongs_to_no_item_is_found(corpus_home: Path) -> None:
    # "Persons attending the meeting are requested to turn off mobile phones." sits on the June
    # 2014 agenda's front sheet, before its first item: it used to reach no item and no search.
    result = search_papers(corpus_home, SearchRequest('"turn off mobile phones"'))
    assert [(hit["meeting_date"], hit["document_kind"], hit["item_title"]) for hit in result["hits"]] == [
        ("2014-06-17", "agenda", "Front sheet")
    ]
