"""The Streamlit pages, driven by `streamlit.testing.v1.AppTest` over real homes.

Each test starts the real app (`ui/app.py`), moves to a page with query parameters as a
link would, and reads what the page rendered.
"""

from __future__ import annotations

import importlib
import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from minutebook.store import open_store

APP = Path(__file__).resolve().parents[2] / "ui" / "app.py"


def run_page(
    monkeypatch: pytest.MonkeyPatch, home: Path, page: str | None = None, /, **params: str
) -> AppTest:
    """Run the app over `home`, switch to `page` (a `page_*.py` file) with URL `params`."""
    monkeypatch.setenv("MINUTEBOOK_HOME", str(home))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params.update(params)
    at.run()
    if page:
        at.query_params.clear()
        at.query_params.update(params)
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def captions(at: AppTest) -> str:
    return "\n".join(c.value for c in at.caption)


def unescaped_angle_brackets(text: str) -> list[str]:
    """Every `<` or `>` Markdown would treat as HTML (not backslash-escaped), with context."""
    return [text[max(0, m.start() - 20) : m.end() + 20] for m in re.finditer(r"(?<!\\)[<>]", text)]


def backend_or_skip(module: str, name: str) -> None:
    try:
        getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        pytest.skip(f"{module}.{name} is not built yet")


def test_no_html_is_ever_enabled_in_any_page() -> None:
    ui = APP.parent
    offenders = [
        p.name for p in ui.glob("*.py") if "unsafe_allow_html=True" in p.read_text().replace(" ", "")
    ]
    assert offenders == []


# ------------------------------------------------------------------ empty


@pytest.mark.parametrize(
    "page", [None, "page_meetings.py", "page_tracker.py", "page_ask.py", "page_people.py", "page_figures.py"]
)
def test_empty_home_says_how_to_add_papers(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, page: str | None
) -> None:
    at = run_page(monkeypatch, tmp_path / "empty", page)
    assert any("minutebook ingest PATH" in i.value for i in at.info)
    # Reading an empty home must not create a store in it.
    assert not (tmp_path / "empty").exists()


# ----------------------------------------------------------------- search


def test_search_link_opens_the_free_school_meals_item_with_highlights(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    at = run_page(monkeypatch, corpus_home, q="free school meals")
    assert at.text_input(key="search_q").value == "free school meals"
    text = markdown(at)
    assert "**Item 9\\: Free School Meals Update**" in text
    assert ":orange-background[**Free**]" in text
    assert "2014\\-06\\-17 · Children\\'s Services Committee · minutes" in captions(at)
    assert all(not m.allow_html for m in at.markdown)
    assert dict(at.query_params) == {"q": "free school meals"}


def test_clicking_a_kind_facet_filters_and_changes_counts(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    at = run_page(monkeypatch, corpus_home, q="free school meals")
    kinds = at.pills(key="search_kind")
    before = [o for o in kinds.options if o.startswith("minutes")]
    assert before, kinds.options
    total_before = next(m.value for m in at.markdown if "result" in m.value)
    kinds.set_value("minutes").run()
    total_after = next(m.value for m in at.markdown if "result" in m.value)
    assert total_after != total_before
    assert at.query_params["kind"] == "minutes"
    assert "agenda · page" not in captions(at)
    # Other facets now count only minutes: their options (with counts) change.
    assert at.pills(key="search_kind").options == [before[0]]


def test_filters_in_the_url_are_applied_and_kept(monkeypatch: pytest.MonkeyPatch, corpus_home: Path) -> None:
    at = run_page(monkeypatch, corpus_home, q="free school meals", kind="agenda", sort="date")
    assert at.pills(key="search_kind").value == "agenda"
    assert at.radio(key="search_sort").value == "date"
    assert "minutes · page" not in captions(at)
    assert dict(at.query_params) == {"q": "free school meals", "kind": "agenda", "sort": "date"}


def test_results_page_through_ten_at_a_time(monkeypatch: pytest.MonkeyPatch, corpus_home: Path) -> None:
    at = run_page(monkeypatch, corpus_home, q="children")
    first = captions(at)
    assert "Page 1 of" in first
    next_button = next(b for b in at.button if b.label == "Next →")
    next_button.click().run()
    assert "Page 2 of" in captions(at)
    assert at.query_params["p"] == "2"


def test_a_query_nothing_matches_says_so(monkeypatch: pytest.MonkeyPatch, corpus_home: Path) -> None:
    at = run_page(monkeypatch, corpus_home, q="zzqxj")
    assert any("No papers match" in i.value for i in at.info)


def test_a_paper_containing_script_shows_it_as_text(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from minutebook.cli import main

    paper = tmp_path / "papers" / "minutes.txt"
    paper.parent.mkdir()
    paper.write_text(
        "Children's Services Committee\n\nMinutes of the meeting held on Tuesday 17 June 2014 at 2pm\n\n"
        "1. Hostile markup\n\n1.1 The report quoted <script>alert('owned')</script> and "
        "<img src=x onerror=alert(1)> verbatim in the scrutiny notes.\n",
        encoding="utf-8",
    )
    home = tmp_path / "home"
    assert main(["--home", str(home), "ingest", str(paper.parent), "--workers", "1"]) == 0
    at = run_page(monkeypatch, home, q="script scrutiny")
    text = markdown(at)
    assert (
        "\\<:orange-background[**script**]\\>alert\\(\\'owned\\'\\)\\<\\/:orange-background[**script**]\\>"
        in text
    )
    assert unescaped_angle_brackets(text) == []
    assert all(not m.allow_html for m in at.markdown)
    doc_id = open_store(home).document_ids()[0]
    at = run_page(monkeypatch, home, "page_meetings.py", doc=doc_id, page="1", hl="script")
    assert "<script>" not in markdown(at)
    assert "\\<img src\\=x onerror\\=alert\\(1\\)\\>" in markdown(at)
    assert unescaped_angle_brackets(markdown(at)) == []


# --------------------------------------------------------------- meetings


def test_a_search_hit_opens_its_page_with_the_terms_highlighted(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    search = run_page(monkeypatch, corpus_home, q="free school meals")
    link = search.main.get("page_link")[0].proto
    assert link.page.endswith("meetings") or "page_meetings" in link.page
    with open_store(corpus_home) as store:
        minutes_id = store.query(
            "SELECT id FROM documents WHERE kind='minutes' AND meeting_date='2014-06-17'"
        )[0]["id"]
    at = run_page(
        monkeypatch, corpus_home, "page_meetings.py", doc=minutes_id, page="1", hl="free school meals"
    )
    assert at.selectbox(key="meetings_pick").value == store_meeting(corpus_home, minutes_id)
    assert at.selectbox(key="meetings_doc").value == minutes_id
    assert "matches on page 1" in captions(at)
    assert (
        ":orange-background[**Free**] :orange-background[**School**] :orange-background[**Meals**]"
        in markdown(at)
    )


def store_meeting(home: Path, document_id: str) -> str:
    with open_store(home) as store:
        return store.query("SELECT meeting_id FROM documents WHERE id = ?", (document_id,))[0]["meeting_id"]


def test_meeting_page_lists_its_papers_and_items_in_order(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    with open_store(corpus_home) as store:
        meeting = store.query("SELECT id FROM meetings WHERE date = '2014-06-17'")[0]["id"]
    at = run_page(monkeypatch, corpus_home, "page_meetings.py", meeting=meeting)
    assert "2014\\-06\\-17 · 14\\:00 · Edwards Room" in markdown(at)
    tables = [t.value for t in at.dataframe]
    titles = [list(t["Title"]) for t in tables if "Title" in t.columns]
    assert any(t[:3] and "Free School Meals Update" in t for t in titles)
    minutes_items = next(t for t in titles if "Apologies and substitutions" in t)
    assert minutes_items.index("Quality Assurance Update") < minutes_items.index("Free School Meals Update")


# ---------------------------------------------------------------- tracker


def test_tracker_shows_pathway_planning_done_with_its_evidence(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    backend_or_skip("search.tracker", "list_actions")
    at = run_page(monkeypatch, corpus_home, "page_tracker.py")
    text = markdown(at)
    blocks = [b for b in text.split(":") if "athway" in b]
    assert blocks, "no pathway-planning action shown"
    assert ":green-badge[done]" in text
    done_lines = [m.value for m in at.markdown if m.value.startswith(":green-badge[done]")]
    assert any("athway" in line for line in done_lines), done_lines
    assert "**Delivered by**" in text


def test_marking_a_match_wrong_is_stored(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path, tmp_path: Path
) -> None:
    backend_or_skip("search.tracker", "record_correction")
    home = tmp_path / "home"
    shutil.copytree(corpus_home, home)
    at = run_page(monkeypatch, home, "page_tracker.py")
    wrong = [b for b in at.button if b.label == "Wrong match"]
    if not wrong:
        pytest.fail("the tracker shows no suggested matches to judge")
    evidence_before = markdown(at).count("**Delivered by**")
    wrong[0].click().run()
    with open_store(home) as store:
        rows = store.query("SELECT verdict FROM corrections")
    assert rows == [{"verdict": "wrong"}]
    # A wrong match stops counting as evidence, and the page offers to undo the verdict.
    assert markdown(at).count("**Delivered by**") == evidence_before - 1
    assert "You marked a match wrong" in captions(at)
    next(b for b in at.button if b.label == "Undo: it was right").click().run()
    with open_store(home) as store:
        assert store.query("SELECT verdict FROM corrections") == [{"verdict": "right"}]
    assert markdown(at).count("**Delivered by**") == evidence_before


# -------------------------------------------------------------------- ask


def test_ask_answers_with_a_verbatim_quote_and_its_page(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    backend_or_skip("search.ask", "answer_question")
    question = "What did the panel ask for on pathway planning for care leavers?"
    at = run_page(monkeypatch, corpus_home, "page_ask.py", q=question)
    assert at.text_input(key="ask_q").value == question
    quotes = [m.value for m in at.markdown if m.value.startswith("> ")]
    assert quotes, markdown(at)
    assert any("page" in c.value for c in at.caption)
    assert dict(at.query_params) == {"q": question}


# ------------------------------------------------------ people, figures


def test_people_page_lists_names_or_says_it_is_not_built(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    at = run_page(monkeypatch, corpus_home, "page_people.py")
    try:
        importlib.import_module("search.entities").list_entities  # noqa: B018
    except (ImportError, AttributeError):
        assert any("not available yet" in w.value for w in at.warning)
        return
    if at.info:
        assert "No people found" in at.info[0].value
        return
    name = at.selectbox(key="people_name").value
    assert name
    assert at.query_params["name"] == name


def test_figures_page_charts_a_series_or_says_it_is_not_built(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    at = run_page(monkeypatch, corpus_home, "page_figures.py")
    try:
        importlib.import_module("search.figures").find_figures  # noqa: B018
    except (ImportError, AttributeError):
        assert any("not available yet" in w.value for w in at.warning)
        return
    if at.info:
        assert "No figures" in at.info[0].value
        return
    label = at.selectbox(key="figures_label").value
    assert label and at.query_params["label"] == label
    assert at.get("vega_lite_chart")
