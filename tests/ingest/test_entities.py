"""Entity extraction over a hand-labelled set: people and money above their floors."""

from __future__ import annotations

from ingest.entities import spans_in
from ingest.nlp import get_nlp, has_statistical_model
from minutebook.names import merge_names
from tests.ingest.labels_entities import PEOPLE_AND_ORGS


def _extract(texts: list[str]) -> list[tuple[set[str], set[str]]]:
    nlp = get_nlp()
    out = []
    for processed in nlp.pipe(texts):
        people, orgs = [], set()
        for kind, surface, _role, canonical in spans_in(processed):
            if kind == "person":
                people.append(surface)
            elif kind == "organisation":
                orgs.add(canonical or surface)
        merged = merge_names(people)
        out.append(({merged[p] for p in people}, orgs))
    return out


def _prf(pairs: list[tuple[set[str], set[str]]]) -> tuple[float, float]:
    tp = sum(len(found & gold) for found, gold in pairs)
    found_n = sum(len(found) for found, _ in pairs)
    gold_n = sum(len(gold) for _, gold in pairs)
    return (tp / found_n if found_n else 1.0), (tp / gold_n if gold_n else 1.0)


def test_the_statistical_model_is_installed_and_rules_sit_before_it() -> None:
    nlp = get_nlp()
    assert has_statistical_model(nlp)
    assert nlp.pipe_names.index("entity_ruler") < nlp.pipe_names.index("ner")
    assert "parser" not in nlp.pipe_names


def test_people_precision_and_recall_meet_the_floors_on_the_labelled_set() -> None:
    results = _extract([text for _, text, _, _ in PEOPLE_AND_ORGS])
    pairs = [(found, gold) for (found, _), (_, _, gold, _) in zip(results, PEOPLE_AND_ORGS, strict=True)]
    precision, recall = _prf(pairs)
    misses = [(sorted(f), sorted(g)) for f, g in pairs if f != g]
    assert precision >= 0.95, misses
    assert recall >= 0.9, misses


def test_organisations_are_found_with_useful_precision_and_recall() -> None:
    results = _extract([text for _, text, _, _ in PEOPLE_AND_ORGS])
    pairs = [(found, gold) for (_, found), (_, _, _, gold) in zip(results, PEOPLE_AND_ORGS, strict=True)]
    precision, recall = _prf(pairs)
    misses = [(sorted(f), sorted(g)) for f, g in pairs if f != g]
    # No floor in the issue; these guard against regressions (measured 2025: see report).
    assert precision >= 0.6, misses
    assert recall >= 0.6, misses


def test_model_junk_never_reaches_mentions() -> None:
    [(people, orgs)] = _extract(["Mr D Crawford Mrs M Dewsbury. Plans. EXECUTIVE SUMMARY | Total | 12 |"])
    assert people == {"Mr D Crawford", "Mrs M Dewsbury"}
    assert orgs == set()


def test_people_in_a_stored_paper_are_merged_and_the_chairman_resolved(corpus_store) -> None:
    rows = corpus_store.query(
        "SELECT DISTINCT m.name, m.surface FROM mentions m JOIN documents d ON d.id = m.document_id"
        " WHERE d.meeting_date = '2014-03-13' AND m.type = 'person'"
    )
    forms: dict[str, set[str]] = {}
    for row in rows:
        forms.setdefault(row["name"], set()).add(row["surface"])
    assert {"Mrs J Leggett", "Mrs Leggett"} <= forms["Mrs J Leggett"]
    assert "the Chairman" in forms["Mrs J Chamberlin"]
    assert not any(" Mrs " in name or " Mr " in name for name in forms)
