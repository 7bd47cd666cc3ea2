"""`entities` and `figures` over the ingested sample corpus (real store, real CLI ingest)."""

from __future__ import annotations

from search.records.entities import list_entities
from search.records.figures import find_figures, parse_figure_query


def test_person_page_lists_meetings_attended_apologies_and_declarations(corpus_store) -> None:
    people = {e["name"]: e for e in list_entities(corpus_store, "person")}
    leggett = people["Mrs J Leggett"]
    assert {"2014-03-13", "2014-06-17"} <= set(leggett["meetings"])
    assert {a["meeting_date"] for a in leggett["attended"]} == {"2014-03-13", "2014-06-17"}
    assert [d["meeting_date"] for d in leggett["declarations"]] == ["2014-03-13"]
    assert "Leeway" in leggett["declarations"][0]["interest"]
    # "Mrs Chamberlin" (apologies, June committee) is the March panel's chairman "Mrs J Chamberlin".
    chamberlin = people["Mrs J Chamberlin"]
    assert "Mrs Chamberlin" not in people
    assert [a["meeting_date"] for a in chamberlin["apologies"]] == ["2014-06-17"]
    assert "Chairman" in chamberlin["roles"]


def test_entity_types_filter_and_contract_fields(corpus_store) -> None:
    orgs = list_entities(corpus_store, "organisation")
    assert orgs and all(e["type"] == "organisation" for e in orgs)
    assert {"name", "type", "mentions", "meetings", "roles"} <= set(orgs[0])
    assert "Ofsted" in {e["name"] for e in orgs}
    assert list_entities(corpus_store, "place")


def test_monthly_series_of_an_indicator_is_returned_in_order(corpus_store) -> None:
    rows = find_figures(corpus_store, "rate of looked-after children")
    table = [r for r in rows if r["period"] and r["context"].startswith("|")]
    assert [r["period"] for r in table][:3] == ["Jun 14", "Sep 14", "Dec 14"]
    assert table[0]["value"] == 68.4 and table[0]["meeting_date"] == "2017-03-14"
    assert {"label", "value", "unit", "period", "meeting_date", "document_id", "page", "context"} <= set(
        rows[0]
    )


def test_money_over_a_million_in_2014() -> None:
    q = parse_figure_query("money over £1m in 2014")
    assert (q.unit, q.minimum, q.year, q.words) == ("GBP", 1e6, "2014", [])


def test_money_filters_apply_in_the_store(corpus_store) -> None:
    rows = find_figures(corpus_store, "money over 1m in 2014")
    assert rows and all(r["unit"] == "GBP" and r["value"] > 1e6 for r in rows)
    assert {r["meeting_date"][:4] for r in rows} == {"2014"}
    assert 16e6 in {r["value"] for r in rows}  # "£16M additional funding" (March 2014 minutes)
    assert find_figures(corpus_store, "zzzunknownword") == []
