"""What retrieval tells the later stages about where to look (search/ask/retrieve.py): the
bodies a question names, its words about what is asked as against the words that locate it,
and which papers hold its rarer words."""

from __future__ import annotations

from pathlib import Path

from minutebook.store import open_store
from search.ask.lexicon import stems
from search.ask.question import read_question
from search.ask.retrieve import body_words, named_bodies, retrieve, subject_terms
from search.ask.score import Scorer
from ui.cli import main as cli_main

WRETTON = """WRETTON PARISH COUNCIL
Minutes of the meeting of Wretton Parish Council held on 13 May 2019

1. Apologies
Apologies were received from Cllr Dale.

2. Footpaths
The Clerk reported that the footpath by the church had been cleared at a cost of £240.
"""
STOKE = """STOKE FERRY PARISH COUNCIL
Minutes of the meeting of Stoke Ferry Parish Council held on 7 June 2017

1. Apologies
Apologies were received from Cllr Moss.

2. Footpaths
The Clerk reported that the footpath by the mill had been cleared at a cost of £510.
"""


def _home(tmp_path: Path) -> Path:
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "wretton.txt").write_text(WRETTON, encoding="utf-8")
    (papers / "stoke.txt").write_text(STOKE, encoding="utf-8")
    home = tmp_path / "home"
    assert cli_main(["--home", str(home), "ingest", str(papers), "--workers", "1"]) == 0
    return home


def test_a_bodys_telling_words_leave_out_the_words_every_body_shares() -> None:
    assert body_words("Wretton Parish Council") == frozenset(stems("Wretton"))
    assert body_words("Committee for Transport and Connectivity") == frozenset(
        stems("transport connectivity")
    )
    assert body_words("Parish Council") == frozenset()


def test_words_that_locate_a_question_are_not_its_subject() -> None:
    asked = read_question(
        "At Wretton Parish Council's May 2019 meeting, what did the footpath clearing cost?"
    )
    subject = subject_terms(asked.terms, frozenset({"Wretton Parish Council"}))
    assert set(stems("footpath clearing")) <= set(subject)
    assert not set(stems("Wretton parish council meeting")) & set(subject)
    # A question of locating words alone keeps them all.
    only = read_question("When did Wretton Parish Council meet?")
    assert subject_terms(only.terms, frozenset({"Wretton Parish Council"})) == only.terms
    chaired = read_question("Who chaired the parish council's May 2019 meeting?")
    assert subject_terms(chaired.terms, frozenset(), dated_meeting=True) == stems("chair")
    # Naming no body and dating no meeting, a committee may be what is asked about.
    back = read_question("When will the report come back to committee?")
    assert stems("committee")[0] in subject_terms(back.terms, frozenset())


def test_a_question_names_the_bodies_whose_telling_words_it_holds(tmp_path: Path) -> None:
    home = _home(tmp_path)
    with open_store(home) as store:
        assert named_bodies(store, "What did Wretton Parish Council pay for the footpath?") == {
            "Wretton Parish Council"
        }
        assert named_bodies(store, "What did Stoke Ferry's council pay?") == {"Stoke Ferry Parish Council"}
        # "Stoke" alone is not "Stoke Ferry"; a council no paper is from names none.
        assert named_bodies(store, "What did Stoke council pay?") == frozenset()
        assert named_bodies(store, "What did the parish council pay for the footpath?") == frozenset()


def test_the_paper_of_the_body_named_is_preferred_and_others_count_against(tmp_path: Path) -> None:
    home = _home(tmp_path)
    asked = read_question("How much did clearing the footpath cost Wretton Parish Council?")
    with open_store(home) as store:
        found = retrieve(home, store, asked)
    scorer = Scorer(asked, found)
    by_body = {}
    for passage in found.passages:
        if "footpath" in passage.text:
            by_body[passage.body] = scorer.paper_coverage(passage)
    assert by_body["Wretton Parish Council"] == 1.0
    assert by_body["Stoke Ferry Parish Council"] < 1.0
    wretton = next(p for p in found.passages if p.body == "Wretton Parish Council")
    assert found.in_paper(stems("Wretton")[0], wretton.document_id)


def test_a_table_row_asked_about_in_other_words_is_retrieved_and_read(corpus_home: Path) -> None:
    # The sample's take-up table prints "Harleston 40 20.6% 154 79.4% 194": a question in a
    # user's words ("not taking up their free early years place") shares few words with it,
    # and the section ranks below a hundred others in the search; it must still be read.
    from search.ask.pipeline import ranked_candidates

    question = read_question(
        "How many children in Harleston were not taking up their free early years place in autumn 2013?"
    )
    with open_store(corpus_home) as store:
        found = retrieve(corpus_home, store, question)
        assert any("Harleston 40" in p.text for p in found.passages)
        ranked = ranked_candidates(store, corpus_home, question)
    assert any(c.answer == "40" and "Harleston 40" in c.quote for c in ranked[:5])
