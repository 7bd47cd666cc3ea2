"""No crash, ever, from any store state (issue 12, point 1).

Hypothesis builds real record stores and real indexes with random gaps (`tests/gappy.py`)
and every reader a user reaches is asked what a user would ask: search (filters, date sort,
offsets past the end), ask, meetings, resolutions, actions (every status, any day),
entities, figures, the command line's text and JSON output, and the web pages' data
functions (`ui/web/data.py`, called as the pages call them). Each must answer in its
documented shape (CONTRACT.md) with undated papers last, and its JSON must be strict JSON.

Runs are repeatable (`derandomize=True`, no example database) and bounded: a few dozen small
archives in the default run, hundreds of bigger ones under `-m slow`. The smallest failing
example of every crash found this way is kept below as a plain regression test.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutebook.models import Action, Attendance, Document, Figure, Mention, Page, Resolution
from minutebook.store import open_store
from minutebook.views import meetings_view, rows_to_csv
from search import HIT_FIELDS, SearchRequest, hits_to_csv, search_papers
from search.ask import answer_question
from search.engine.backend import close_searchers
from search.records.decisions import list_resolutions
from search.records.entities import list_entities
from search.records.figures import find_figures
from search.tracker import list_actions
from tests.conftest import REPO
from tests.gappy import BODIES, ORGS, PEOPLE, WORDS, Archive, Budget, archives, dates, write_archive
from tests.search.engine.tiny import make_document

PROPERTY = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

QUESTIONS = (
    "When will the report on free school meals come back to committee?",
    "How much was the budget for school meals in June 2014?",
    "Who chaired the meeting on 13 March 2014?",
    "Who sent apologies?",
    "What was decided about the library?",
    "Was Mr J Joyce present?",
    "Who declared an interest?",
    "How many care leavers were there?",
    "What percentage of children?",
    "Why was the academy deferred?",
    "Where was the panel held?",
    "",
)
ACTION_STATUSES = ("all", "open", "overdue", "done")
CITATION_FIELDS = {"body", "meeting_date", "document_id", "document_title", "item_number", "item_title"}
CITATION_FIELDS |= {"page", "quote"}
APP = REPO / "ui" / "web" / "app.py"


# ----------------------------------------------------------------- helpers


def strict_json(value: Any) -> Any:
    """`value` through strict JSON (no NaN or Infinity, which no JSON reader accepts)."""
    return json.loads(json.dumps(value, allow_nan=False))


def is_date(value: Any) -> bool:
    """An ISO date or None; never "" (CONTRACT: a missing value is null)."""
    return value is None or (isinstance(value, str) and len(value) == 10 and value[4] == "-")


def undated_last(values: list[str | None]) -> bool:
    """Dated values ascending, then the undated ones."""
    dated = [v for v in values if v]
    return values == [*dated, *[None] * (len(values) - len(dated))] and dated == sorted(dated)


def check_search(home: Path, request: SearchRequest) -> dict[str, Any]:
    result = search_papers(home, request)
    strict_json(result)
    assert {"query", "total", "hits", "facets"} <= set(result)
    assert set(result["facets"]) >= {"body", "year", "document_kind", "person", "organisation"}
    assert isinstance(result["total"], int) and result["total"] >= len(result["hits"])
    assert len(result["hits"]) <= max(0, request.limit)
    for hit in result["hits"]:
        assert set(HIT_FIELDS) <= set(hit)
        assert is_date(hit["meeting_date"])
        assert all(hit[key] != "" for key in ("body", "item_number", "item_title", "section_title"))
    # Each matched item has one kind, so the kind facet counts every match once.
    assert sum(result["facets"]["document_kind"].values()) == result["total"]
    assert sum(result["facets"]["body"].values()) == result["total"]
    return result


def check_ask(home: Path, question: str) -> None:
    result = answer_question(home, question)
    strict_json(result)
    assert result["question"] == question
    assert result["answer"] is None or isinstance(result["answer"], str)
    assert 0.0 <= result["confidence"] <= 1.0
    for citation in result["citations"]:
        assert CITATION_FIELDS <= set(citation)
        assert isinstance(citation["quote"], str)
        assert is_date(citation["meeting_date"])


def check_records(home: Path, as_of: str | None) -> None:
    """meetings, resolutions, actions, entities and figures straight from the library."""
    with open_store(home) as store:
        meetings = strict_json(meetings_view(store))
        assert undated_last([m["date"] for m in meetings])
        for meeting in meetings:
            assert {"id", "body", "date", "time", "venue", "documents", "items"} <= set(meeting)
            for item in meeting["items"]:
                assert item["number"] is None or isinstance(item["number"], str)

        resolutions = strict_json(list_resolutions(store))
        assert undated_last([r["meeting_date"] for r in resolutions])
        for row in resolutions:
            assert {"id", "body", "meeting_date", "item_number", "item_title", "text", "outcome"} <= set(row)
            assert {"document_id", "page"} <= set(row)
        for body in BODIES:
            strict_json(list_resolutions(store, body=body, date_from="2014-01-01", date_to="2015-12-31"))

        everything = strict_json(list_actions(store, "all", as_of))
        assert undated_last([a["meeting_date"] for a in everything])
        by_status: dict[str, list[str]] = {}
        for status in ACTION_STATUSES[1:]:
            rows = strict_json(list_actions(store, status, as_of))
            assert {r["status"] for r in rows} <= {status}
            by_status[status] = [r["id"] for r in rows]
        assert sorted(sum(by_status.values(), [])) == sorted(a["id"] for a in everything)
        for action in everything:
            assert {"id", "body", "meeting_date", "item_number", "item_title", "text", "owner"} <= set(action)
            assert {"due", "status", "evidence"} <= set(action)
            assert is_date(action["due"])

        for kind in (None, "person", "organisation", "place"):
            for entity in strict_json(list_entities(store, kind)):
                assert {"name", "type", "mentions", "meetings", "roles"} <= set(entity)
                assert all(is_date(d) and d for d in entity["meetings"])
                assert entity["meetings"] == sorted(entity["meetings"])

        for query in (None, "", "budget", "money over £1m", "percent in 2014", "children 2017"):
            figures = strict_json(find_figures(store, query))
            assert undated_last([f["meeting_date"] for f in figures])
            for figure in figures:
                assert isinstance(figure["value"], float) and math.isfinite(figure["value"])
                assert figure["label"] is None or figure["label"] != ""


def check_cli(home: Path) -> None:
    """Every read command through the real entry point: text, --json and CSV forms."""
    from ui.cli import main

    commands = [
        ["meetings"],
        ["search", "free school meals"],
        ["search", "library", "--sort", "date", "--offset", "5"],
        ["ask", "When will the report on free school meals come back?"],
        ["resolutions"],
        ["actions", "--as-of", "2099-01-01"],
        ["entities"],
        ["figures"],
        ["figures", "budget"],
    ]
    for command in commands:
        for form in ([], ["--json"], ["--format", "csv"]):
            if form and form[0] == "--format" and command[0] in ("meetings", "ask", "entities", "figures"):
                continue
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                assert main(["--home", str(home), *command, *form]) == 0
            if form == ["--json"]:
                strict_json(json.loads(out.getvalue()))


def check_ui_data(home: Path, as_of: str | None) -> None:
    """The web pages' data functions, called as the pages call them."""
    import streamlit as st

    from ui.web import data
    from ui.web.browse import committee_names
    from ui.web.common import where
    from ui.web.exports import actions_csv
    from ui.web.reading import blocks
    from ui.web.series import indicators, series

    version = data.store_version(home)
    assert data.document_count(home, version) >= 1
    meetings = data.meetings(home, version)
    table = [dict(row) for row in data.meetings_table(home, version)]
    committee_names(table)
    assert {row["id"] for row in table} == {m["id"] for m in meetings}
    for meeting in meetings:
        records = data.meeting_records(home, version, meeting["id"])
        assert set(records) == {"attendance", "declarations", "resolutions", "recommendations", "actions"}
        for document in meeting["documents"]:
            info = data.document_info(home, version, document["id"])
            assert info is not None and info["meeting_id"] == meeting["id"]
            parts = data.document_parts(home, version, document["id"])
            blocks(parts, [] if parts else data.document_pages(home, version, document["id"]))
            data.document_attendance(home, version, document["id"])
    result = data.search(home, version, query="free school meals", sort="date", limit=10, offset=0)
    for hit in result["hits"]:
        where({**hit, "item_title": None})
    data.search_csv(home, version, result["total"], "", query="free school meals", limit=10, offset=0)
    data.search(home, version, query="", kind="minutes", date_from="2014-01-01", date_to="2014-12-31")
    answer = data.ask(home, version, "When will the report on free school meals come back?")
    for citation in answer["citations"]:
        where(citation)
    actions = data.actions(home, version, as_of)
    for action in actions:
        where(action)
        for evidence in action["evidence"]:
            where(evidence)
    actions_csv(actions, "")
    for entity_type in ("person", "organisation", "place"):
        for entity in data.entities(home, version, entity_type)[:5]:
            forms = tuple(entity.get("forms") or [entity["name"]])
            data.entity_mentions(home, version, entity_type, forms)
    rows = [r for r in data.figures(home, version, None) if r.get("label")]
    indicators(rows)
    for label in {r["label"] for r in rows}:
        found = series(rows, label)
        strict_json([*found.points, *found.references])
    st.cache_data.clear()


# ------------------------------------------------------------ the property


search_requests = st.builds(
    SearchRequest,
    query=st.sampled_from(
        [
            "free school meals",
            '"school meals"',
            "meals AND NOT budget",
            "title:library",
            "date:[2014-01-01 TO 2015-12-31] children",
            "kind:minutes",
            "(((",
            "body:",
            "",
        ]
    )
    | st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join),
    body=st.none() | st.sampled_from(BODIES),
    kind=st.none() | st.sampled_from(["minutes", "agenda", "other", "", "Minutes "]),
    date_from=st.none() | dates | st.just("2014-13"),
    date_to=st.none() | dates | st.just("not a date"),
    person=st.none() | st.sampled_from(PEOPLE),
    org=st.none() | st.sampled_from(ORGS),
    sort=st.sampled_from(["relevance", "date", "newest"]),
    limit=st.integers(0, 12),
    offset=st.integers(0, 40),
)


READER_INPUTS = {
    "request": search_requests,
    "question": st.sampled_from(QUESTIONS),
    "as_of": st.none() | dates,
}
# The slow profile: more and bigger archives (`pytest -m slow`).
BIGGER = Budget(documents=7, items=5, sections=4, records=5)


@PROPERTY
@given(archive=archives(), **READER_INPUTS)
def test_every_reader_answers_over_any_store(
    archive: Archive, request: SearchRequest, question: str, as_of: str | None
) -> None:
    every_reader_answers(archive, request, question, as_of)


@pytest.mark.slow
@settings(PROPERTY, max_examples=300)
@given(archive=archives(BIGGER), **READER_INPUTS)
def test_every_reader_answers_over_bigger_stores(
    archive: Archive, request: SearchRequest, question: str, as_of: str | None
) -> None:
    every_reader_answers(archive, request, question, as_of)


def every_reader_answers(archive: Archive, request: SearchRequest, question: str, as_of: str | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        write_archive(home, archive)
        try:
            check_search(home, request)
            everything = check_search(home, SearchRequest("free school meals children", limit=50))
            by_date = check_search(home, SearchRequest("free school meals children", sort="date", limit=50))
            assert by_date["total"] == everything["total"]
            # Newest first, undated last.
            shown = [h["meeting_date"] for h in by_date["hits"]]
            assert shown == sorted(filter(None, shown), reverse=True) + [None] * shown.count(None)
            past = check_search(home, SearchRequest("free school meals children", offset=10_000))
            assert past["hits"] == [] and past["total"] == everything["total"]
            check_ask(home, question)
            check_records(home, as_of)
            check_cli(home)
            check_ui_data(home, as_of)
            rows_to_csv(list_everything(home))
            hits_to_csv(everything["hits"])
        finally:
            close_searchers()


def list_everything(home: Path) -> list[dict[str, Any]]:
    with open_store(home) as store:
        return list_actions(store) + list_resolutions(store)


# ------------------------------------------------------- the web pages


@settings(PROPERTY, max_examples=3)
@given(archive=archives())
def test_every_page_renders_over_any_store(archive: Archive) -> None:
    every_page_renders(archive)


@pytest.mark.slow
@settings(PROPERTY, max_examples=12)
@given(archive=archives(BIGGER))
def test_every_page_renders_over_bigger_stores(archive: Archive) -> None:
    every_page_renders(archive)


def every_page_renders(archive: Archive) -> None:
    """Every page, and every meeting and paper in the meeting page, renders with no exception."""
    from streamlit.testing.v1 import AppTest

    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as monkeypatch:
        home = Path(tmp) / "home"
        write_archive(home, archive)
        monkeypatch.setenv("MINUTEBOOK_HOME", str(home))
        with open_store(home) as store:
            meetings = [m.id for m in store.meetings()]
            papers = store.document_ids()
        visits: list[tuple[str | None, dict[str, str]]] = [
            (None, {"q": "free school meals", "sort": "date"}),
            (None, {"q": "children", "year": "2014"}),
            ("page_meetings.py", {}),
            *(("page_meetings.py", {"meeting": m}) for m in meetings),
            *(("page_meetings.py", {"doc": d, "page": "2", "hl": "meals"}) for d in papers),
            ("page_tracker.py", {}),
            ("page_ask.py", {"q": "What was decided about the library?"}),
            ("page_people.py", {}),
            ("page_people.py", {"type": "organisation"}),
            ("page_figures.py", {}),
        ]
        try:
            for page, params in visits:
                at = AppTest.from_file(str(APP), default_timeout=60)
                at.query_params.update(params)
                at.run()
                if page:
                    at.query_params.clear()
                    at.query_params.update(params)
                    at.switch_page(page).run()
                assert not at.exception, (page, params, [e.value for e in at.exception])
        finally:
            close_searchers()


# ------------------------------------------------------------ regressions
# The smallest store that made each crash found by the properties above, as a plain test.


def _home(tmp_path: Path, *docs: Document) -> Path:
    home = tmp_path / "home"
    write_archive(home, Archive(list(docs), []))
    return home


@pytest.fixture(autouse=True)
def _close_searchers() -> Any:
    yield
    close_searchers()


def test_an_index_with_no_sections_answers_every_search(tmp_path: Path) -> None:
    # Only itemless papers: Whoosh reads the empty index with an `EmptyReader`, which the
    # evaluator read postings from (AttributeError) and the searcher cache tried to refresh
    # from on the second search (TypeError).
    home = _home(tmp_path, make_document("doc-itemless", "other", None, None, []))
    for _ in range(2):
        result = search_papers(home, SearchRequest("free school meals", body="Committee", date_from="2014"))
        assert (result["total"], result["hits"]) == (0, [])
    assert answer_question(home, "When will free school meals come back?")["answer"] is None


def test_a_date_filter_leaves_undated_papers_out_instead_of_failing(tmp_path: Path) -> None:
    # An undated paper's date column holds Whoosh's fill (2**64 - 1), which the date-range
    # evaluator could not put in an int64 array: every `--from`/`--to` search, `date:[...]`
    # query and year facet failed with OverflowError once one undated paper was stored.
    meals = [("sec", None, "Free school meals for infants.")]
    home = _home(
        tmp_path,
        make_document(
            "doc-dated", "minutes", "Children's Services Committee", "2014-06-17", [("i1", "Meals", meals)]
        ),
        make_document(
            "doc-undated", "other", None, None, [("i2", "Meals", [("sec2", None, "Free school meals.")])]
        ),
    )
    by_range = search_papers(home, SearchRequest("meals", date_from="2014-01-01", date_to="2014-12-31"))
    assert [hit["document_id"] for hit in by_range["hits"]] == ["doc-dated"]
    by_query = search_papers(home, SearchRequest("date:[2014-01-01 TO 2014-12-31] meals"))
    assert [hit["document_id"] for hit in by_query["hits"]] == ["doc-dated"]
    assert search_papers(home, SearchRequest("meals", date_to="2013-12-31"))["hits"] == []


def test_an_infinite_figure_is_never_listed(tmp_path: Path) -> None:
    # A figure that overflowed to infinity (see the ingest test below) made `figures --json`
    # print `Infinity`, which is not JSON.
    doc = make_document("doc-figures", "report", None, "2017-03-14", [("i1", "Budget", [])])
    doc.figures = [Figure("budget", math.inf, "GBP", 1, "£999…"), Figure("budget", 5.0, "GBP", 1, "£5")]
    home = _home(tmp_path, doc)
    with open_store(home) as store:
        assert [f["value"] for f in strict_json(find_figures(store))] == [5.0]


def test_a_number_too_long_for_a_float_is_no_figure() -> None:
    from ingest.analyses.figures import extract_figures

    text = "The budget was £" + "9" * 400 + " and 55% of children attended."
    doc = make_document(
        "doc-overflow", "report", None, "2017-03-14", [("i1", "Budget", [("s1", None, text)])]
    )
    extract_figures(doc)
    assert [(f.value, f.unit) for f in doc.figures] == [(55.0, "%")]


def test_records_of_undated_papers_are_listed_last(tmp_path: Path) -> None:
    # SQLite sorts NULL first: undated papers' resolutions and actions came before all others.
    def paper(doc_id: str, date: str | None) -> Document:
        doc = make_document(doc_id, "minutes", "Cabinet", date, [(f"{doc_id}-i", "Library", [])])
        doc.resolutions = [Resolution(f"{doc_id}-r", "RESOLVED to close it", "approved", 1, f"{doc_id}-i")]
        doc.actions = [Action(f"{doc_id}-a", "Officers to report back", 1, "officer", f"{doc_id}-i")]
        return doc

    home = _home(tmp_path, paper("doc-undated", None), paper("doc-dated", "2014-06-17"))
    with open_store(home) as store:
        assert [r["meeting_date"] for r in list_resolutions(store)] == ["2014-06-17", None]
        assert [a["meeting_date"] for a in list_actions(store)] == ["2014-06-17", None]


def test_an_attendance_row_with_no_name_is_skipped_by_ask(tmp_path: Path) -> None:
    # `_surname("")` took the last word of no words (IndexError) for every attendance question.
    doc = make_document("doc-minutes", "minutes", "Cabinet", "2014-03-13", [("i1", "Apologies", [])])
    doc.pages = [Page(1, "Present: Mrs J Chamberlin (Chairman)\nApologies for absence")]
    doc.attendance = [Attendance("", "present", role="Chairman"), Attendance("Mrs J Chamberlin", "present")]
    home = _home(tmp_path, doc)
    check_ask(home, "Who chaired the meeting on 13 March 2014?")
    check_ask(home, "Who sent apologies?")


def test_a_blank_person_mention_is_no_name_for_ask(tmp_path: Path) -> None:
    # A person mention whose surface was only spaces became a "known name" matching between
    # any two words; the person answer then took the last word of " " (IndexError).
    text = "The chairman Mr Joyce spoke about free school meals."
    doc = make_document(
        "doc-blank",
        "minutes",
        "Cabinet",
        "2014-06-17",
        [("i1", "Free school meals", [("s1", None, text)])],
        mentions=[Mention("Mr J Joyce", "person", " ", 1, item_id="i1")],
    )
    home = _home(tmp_path, doc)
    assert answer_question(home, "Who spoke about free school meals?")["answer"] == "Mr Joyce"


def test_a_paper_stored_again_is_faceted_and_sorted_by_its_new_version(tmp_path: Path) -> None:
    # A paper stored again under its id (same text, metadata read anew) keeps its item ids;
    # the index update leaves the old sections deleted in their segment, and the facet table
    # took the item's date, body and kind from them: a stale year, committee and kind, and
    # an undated paper sorted among dated ones.
    items = [("item-meals", "Meals", [("sec-meals", None, "Free school meals.")])]
    first = make_document("doc-meals", "minutes", "Cabinet", "2014-06-17", items)
    again = make_document("doc-meals", "report", "Scrutiny Panel", None, items)
    older = make_document("doc-older", "minutes", "Cabinet", "2013-01-10", [("item-old", "Meals", [])])
    home = tmp_path / "home"
    write_archive(home, Archive([first, older], [], later=[again]))
    result = search_papers(home, SearchRequest("meals", sort="date"))
    assert [hit["meeting_date"] for hit in result["hits"]] == ["2013-01-10", None]
    facets = result["facets"]
    assert (facets["body"], facets["year"], facets["document_kind"]) == (
        {"Cabinet": 1, "Scrutiny Panel": 1},
        {"2013": 1},
        {"minutes": 1, "report": 1},
    )
