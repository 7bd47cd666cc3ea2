"""Candidate retrieval for `minutebook ask` from the search index (search/ask/candidates.py):
the index decides which sections are read, the store supplies their text by id."""

from __future__ import annotations

import shutil
from pathlib import Path

from search.ask import answer_question
from search.ask.candidates import expanded_terms, period_range, preference_filter, query_terms, retrieve
from search.ask.question import analyse_question
from search.engine.backend import close_searchers


def test_retrieved_passages_are_stored_sections_with_citation_fields(corpus_home: Path) -> None:
    analysis = analyse_question("How many child protection assessments were not completed on time?")
    found = retrieve(corpus_home, analysis)
    assert found.passages, "the index should find sections for these words"
    best = found.passages[0]
    assert "39 child protection assessments" in " ".join(p.text for p in found.passages[:10])
    assert best.document_id and best.meeting_date and best.page >= 1
    assert found.doc_count > 0 and found.df["protect"] > 0
    # idf is higher for a rarer word.
    rare, common = sorted(found.df, key=found.df.__getitem__)[0], max(found.df, key=found.df.__getitem__)
    assert found.df[rare] < found.df[common] and found.idf(rare) > found.idf(common)


def test_a_dated_question_gets_that_meetings_minutes_and_front_matter(corpus_home: Path) -> None:
    found = retrieve(corpus_home, analyse_question("Who chaired the meeting on 17 June 2014?"))
    assert found.minutes_docs
    fronts = [p for p in found.passages if p.kind == "front"]
    assert any(p.meeting_date == "2014-06-17" and "Mr J Joyce (Chair)" in p.text for p in fronts)


def test_words_in_no_paper_retrieve_nothing(corpus_home: Path) -> None:
    found = retrieve(corpus_home, analyse_question("How many penguins hibernate?"))
    assert [p for p in found.passages if p.kind == "section"] == []


def test_without_an_index_ask_builds_it_from_the_store_and_answers(corpus_home: Path, tmp_path: Path) -> None:
    """The store is the system of record: a missing index is built from it before answering
    (issue 13), where ask used to abstain with every paper unsearchable."""
    home = tmp_path / "home"
    shutil.copytree(corpus_home, home)
    shutil.rmtree(home / "index")
    close_searchers()
    result = answer_question(home, "How many child protection assessments were not completed on time?")
    assert result["citations"] and (home / "index" / "CURRENT").exists()


def test_very_common_words_are_left_out_of_the_query_but_never_all_of_it() -> None:
    df = {"report": 90_000, "servic": 80_000, "broadband": 30, "rollout": 50}
    # "report" is in 90% of sections: dropped; "servic" stays to keep three words.
    assert query_terms(["report", "servic", "broadband", "rollout"], df, 100_000) == [
        "servic",
        "broadband",
        "rollout",
    ]
    assert set(query_terms(["report", "servic"], df, 100_000)) == {"report", "servic"}
    # A small archive keeps every word.
    assert query_terms(["report", "broadband"], {"report": 900, "broadband": 2}, 1000) == [
        "report",
        "broadband",
    ]


def test_synonyms_widen_the_query() -> None:
    assert expanded_terms(["chair"])[:2] == ["chair", "chairman"]


def test_periods_and_committees_become_filters_for_the_preferred_search() -> None:
    analysis = analyse_question("What did the committee decide about free school meals in June 2014?")
    assert preference_filter(analysis) is not None
    assert preference_filter(analyse_question("How many schools are there?")) is None
    march = period_range(analyse_question("in March 2014").periods[0])
    assert "2014, 3, 1, 0, 0" in repr(march) and "2014, 3, 31, 23, 59, 59" in repr(march)
