"""The Streamlit pages, driven by `streamlit.testing.v1.AppTest` over real homes.

Each test starts the real app (`ui/web/app.py`), moves to a page with query parameters as a
link would, and reads what the page rendered.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block, Dataframe, Table

from minutebook.store import open_store
from tests.conftest import (
    JUNE_2014_MINUTES,
    MARCH_2014_PANEL_MINUTES,
    MARCH_2017_REPORT,
    MAY_2014_SUPPLEMENTARY,
    REPO,
)
from tests.pdf_fixtures import make_pdf, sample_paper

APP = REPO / "ui" / "web" / "app.py"


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


def tables(block: Any) -> list[Any]:
    """Every table's or dataframe's value (a pandas DataFrame) under `block`, in page order."""
    found: list[Any] = []
    for child in block.children.values():
        if isinstance(child, Dataframe | Table):
            found.append(child.value)
        elif isinstance(child, Block):
            found.extend(tables(child))
    return found


def table_with(block: Any, *columns: str) -> Any:
    """The first dataframe under `block` that has all of `columns`."""
    return next(t for t in tables(block) if set(columns) <= set(t.columns))


def tab(at: AppTest, label: str) -> Any:
    return next(t for t in at.tabs if t.label == label)


def document_id(home: Path, paper: Path) -> str:
    with open_store(home) as store:
        return store.query("SELECT id FROM documents WHERE path = ?", (str(paper),))[0]["id"]


def meeting_on(home: Path, date: str) -> str:
    with open_store(home) as store:
        return store.query("SELECT id FROM meetings WHERE date = ?", (date,))[0]["id"]


# The dates at the start of hit and action captions ("2014\-06\-17 · Children…").
_CAPTION_DATE = re.compile(r"^(\d{4})\\-(\d{2})\\-(\d{2}) · ")


def caption_dates(at: AppTest) -> list[str]:
    return ["-".join(m.groups()) for c in at.caption if (m := _CAPTION_DATE.match(c.value))]


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
    from ui.cli import main

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
    # The reading view: the paper's meeting as a link back, the words marked where they are.
    back = [p.proto for p in at.main.get("page_link") if "meeting=" in p.proto.query_string]
    assert back and f"meeting={store_meeting(corpus_home, minutes_id)}" in back[0].query_string
    assert at.text_input(key="reader_hl").value == "free school meals"
    assert re.search(r"^\*\*\d+\*\* matches · \[first ↓\]\(#match-1\)", markdown(at), re.MULTILINE)
    # The item's heading, once, with the words marked in it; the words in its text too.
    headings = [m.value for m in at.markdown if m.value.startswith("#### ")]
    item = "#### 9 :orange-background[Free] :orange-background[School] :orange-background[Meals] Update"
    assert headings.count(item) == 1, headings
    assert (
        "for :orange-background[**free**] :orange-background[**school**] :orange-background[**meals**]"
        in (markdown(at))
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
    titles = [list(t["Title"]) for t in tables(at.main) if "Title" in t.columns]
    assert any(t[:3] and "Free School Meals Update" in t for t in titles)
    minutes_items = next(t for t in titles if "Apologies and substitutions" in t)
    assert minutes_items.index("Quality Assurance Update") < minutes_items.index("Free School Meals Update")
    # Each paper opens in the reading view.
    reads = [p.proto.query_string for p in at.main.get("page_link") if p.proto.label == "Read this paper"]
    assert len(reads) == 2 and all(q.startswith("doc=") for q in reads)


# ---------------------------------------------------------------- tracker


def tracker_rows(at: AppTest) -> list[dict[str, Any]]:
    """Every row of the tracker's work-list tables, in page order."""
    return [row for t in tables(at.main) if "Action" in t.columns for row in t.to_dict("records")]


def pathway_action(home: Path) -> dict[str, Any]:
    from search.tracker import list_actions

    with open_store(home) as store:
        rows = list_actions(store, status="all", as_of=dt.date.today().isoformat())
    return next(r for r in rows if "athway" in r["text"] and r["status"] == "done" and r["evidence"])


def test_tracker_shows_pathway_planning_done_with_its_evidence(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    at = run_page(monkeypatch, corpus_home, "page_tracker.py")
    done = [r for r in tracker_rows(at) if r["Status"] == "done"]
    assert any("athway" in r["Action"] for r in done), done
    # The action named in the URL opens with its evidence.
    action = pathway_action(corpus_home)
    at = run_page(monkeypatch, corpus_home, "page_tracker.py", action=action["id"])
    assert "**Delivered by**" in markdown(at)
    assert any(m.value.startswith("> ") and "athway" in m.value for m in at.markdown)


def test_marking_a_match_wrong_is_stored(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    shutil.copytree(corpus_home, home)
    action = pathway_action(home)
    at = run_page(monkeypatch, home, "page_tracker.py", action=action["id"])
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
    question = "What did the panel ask for on pathway planning for care leavers?"
    at = run_page(monkeypatch, corpus_home, "page_ask.py", q=question)
    assert at.text_input(key="ask_q").value == question
    quotes = [m.value for m in at.markdown if m.value.startswith("> ")]
    assert quotes, markdown(at)
    assert any("page" in c.value for c in at.caption)
    assert dict(at.query_params) == {"q": question}


def test_a_question_the_papers_do_not_answer_says_so_and_shows_only_the_nearest_passages(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    question = "What was the percentage of LAC with up to date Health Assessment in June 2017?"
    at = run_page(monkeypatch, corpus_home, "page_ask.py", q=question)
    assert [w.value for w in at.warning] == ["The papers do not answer that question."]
    assert not [s for s in at.subheader if s.value in ("Answer", "From the papers")]
    assert [s.value for s in at.subheader] == ["Nearest passages"]
    assert [m.value for m in at.markdown if m.value.startswith("> ")], "the nearest passages are quoted"


def _example_questions() -> list[str]:
    """The questions the ask page itself offers as examples (its placeholder and its hint)."""
    source = (APP.parent / "page_ask.py").read_text(encoding="utf-8")
    placeholder = re.search(r'placeholder="([^"]+\?)"', source)
    hint = re.search(r"e\.g\. \*([^*]+\?)\*", source)
    assert placeholder and hint, "the ask page's example questions moved"
    return [placeholder.group(1), hint.group(1)]


def test_the_ask_pages_own_example_questions_are_answered(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    # When will the free school meals report come back? The June 2014 minutes resolve "within
    # six months". What did the panel ask for on pathway planning? The March 2014 panel
    # "agreed to receive an action plan".
    expected = {
        "When will the free school meals report come back to committee?": ("within six months", "2014-06-17"),
        "What did the panel ask for on pathway planning?": ("action plan", "2014-03-13"),
    }
    examples = _example_questions()
    assert set(examples) == set(expected)
    for question in examples:
        answer, meeting = expected[question]
        at = run_page(monkeypatch, corpus_home, "page_ask.py", q=question)
        assert "Answer" in [s.value for s in at.subheader], question
        assert answer in markdown(at), question
        assert meeting.replace("-", "\\-") in captions(at), question


# ------------------------------------------------------- search, more


def test_search_export_csv_holds_every_hit_of_the_view(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    from ui.web import data

    at = run_page(monkeypatch, corpus_home, q="children", kind="minutes")
    shown = re.search(r"^\*\*(\d+)\*\* results", markdown(at), re.MULTILINE)
    assert shown, markdown(at)
    total = int(shown.group(1))
    assert total > 10, "the view should span more than one page of results"
    [button] = at.get("download_button")
    assert button.proto.label == "Export CSV"
    # The button's data function, with the view's filters (the page passes exactly these).
    exported = data.search_csv(
        corpus_home,
        data.store_version(corpus_home),
        total,
        "http://127.0.0.1:8501",
        query="children",
        body=None,
        kind="minutes",
        date_from=None,
        date_to=None,
        person=None,
        org=None,
        sort="relevance",
        limit=10,
        offset=0,
        match="all",
    )
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert len(rows) == total
    # What a reader uses, and a link back to the page: no ids, scores, offsets or paths.
    assert list(rows[0]) == ["Meeting", "Committee", "Paper", "Item", "Section", "Page", "Snippet", "Link"]
    assert any(r["Item"] == "9: Free School Meals Update" for r in rows)
    assert all(r["Link"].startswith("http://127.0.0.1:8501/meetings?doc=") for r in rows)
    assert all("&hl=children" in r["Link"] for r in rows)
    assert {r["Committee"] for r in rows} <= {
        "Children's Services Committee",
        "Children's Services Overview and Scrutiny Panel",
    }


def test_sorting_by_date_lists_the_newest_papers_first(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    at = run_page(monkeypatch, corpus_home, q="children", sort="date")
    dates = caption_dates(at)
    assert len(dates) == 10
    assert dates == sorted(dates, reverse=True)
    assert dates[0] == "2017-03-14"
    next(b for b in at.button if b.label == "Next →").click().run()
    later = caption_dates(at)
    assert later and max(later) <= min(dates)


def test_a_date_range_keeps_only_papers_from_those_dates(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    at = run_page(monkeypatch, corpus_home, q="children", **{"from": "2014-03-01", "to": "2014-05-31"})
    dates = caption_dates(at)
    assert dates and set(dates) <= {"2014-03-13", "2014-05-01"}
    assert at.query_params["from"] == "2014-03-01"
    assert at.query_params["to"] == "2014-05-31"
    at.date_input(key="search_to").set_value(dt.date(2014, 3, 31)).run()
    assert set(caption_dates(at)) == {"2014-03-13"}


# ---------------------------------------------------------- meeting tabs


def test_meeting_attendance_lists_members_with_roles_apologies_and_substitutes(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    at = run_page(monkeypatch, corpus_home, "page_meetings.py", meeting=meeting_on(corpus_home, "2014-03-13"))
    table = table_with(tab(at, "Attendance & declarations"), "Person", "Status", "Role")
    rows = {r["Person"]: r for r in table.to_dict("records")}
    assert rows["Mrs J Chamberlin"]["Status"] == "present"
    assert rows["Mrs J Chamberlin"]["Role"] == "Chairman"
    assert rows["Mrs J Leggett"]["Status"] == "present"
    assert rows["Dr K Byrne"]["Role"] == "Parent Governor Representative"
    assert rows["Ms D Gihawi"]["Status"] == "apologies"
    assert rows["Ms E Corlett"]["Status"] == "substitute"
    assert rows["Ms E Corlett"]["Substituting for"] == "Ms D Gihawi"


def test_meeting_declarations_show_mrs_leggetts_leeway_interest(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    at = run_page(monkeypatch, corpus_home, "page_meetings.py", meeting=meeting_on(corpus_home, "2014-03-13"))
    table = table_with(tab(at, "Attendance & declarations"), "Person", "Interest")
    [row] = table.to_dict("records")
    assert row["Person"] == "Mrs J Leggett"
    assert "Leeway" in row["Interest"]


def test_decisions_show_the_officers_recommendation_beside_the_resolution(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    # March 2014 has minutes only; June 2014 has the agenda's reports and the minutes.
    at = run_page(monkeypatch, corpus_home, "page_meetings.py", meeting=meeting_on(corpus_home, "2014-06-17"))
    children = list(tab(at, "Decisions").children.values())
    heading = next(i for i, c in enumerate(children) if "Free School Meals Update" in getattr(c, "value", ""))
    recommended, resolved = children[heading + 1].children.values()
    left = "\n".join(m.value for m in recommended.get("markdown"))
    right = "\n".join(m.value for m in resolved.get("markdown"))
    assert "asked to note the report" in left
    assert "The report be noted" in right
    assert "The report be noted" not in left


def test_actions_tab_lists_the_actions_raised_with_their_status(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    from search.tracker import list_actions

    meeting = meeting_on(corpus_home, "2014-03-13")
    at = run_page(monkeypatch, corpus_home, "page_meetings.py", meeting=meeting)
    table = table_with(tab(at, "Actions raised"), "Status", "Action", "Due")
    with open_store(corpus_home) as store:
        tracked = {
            r["text"]: r["status"]
            for r in list_actions(store, status="all", as_of=dt.date.today().isoformat())
            if r["meeting_date"] == "2014-03-13"
        }
        raised = store.query(
            "SELECT COUNT(*) AS n FROM actions a JOIN documents d ON d.id = a.document_id"
            " WHERE d.meeting_id = ?",
            (meeting,),
        )[0]["n"]
    assert len(table) == raised > 0
    assert {r["Action"]: r["Status"] for r in table.to_dict("records")} == tracked
    pathway = next(r for r in table.to_dict("records") if "Pathway" in r["Item"])
    assert pathway["Status"] == "done"


# ---------------------------------------------------------------- reader


def test_reader_shows_a_pdf_page_as_printed_with_a_download_of_the_original(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from ui.cli import main

    papers = tmp_path / "papers"
    papers.mkdir()
    spec = sample_paper(JUNE_2014_MINUTES, max_lines=60)
    pdf = make_pdf(
        papers / "minutes.pdf", spec.pages, bold_lines=spec.bold_lines, footer="Page {page} of {pages}"
    )
    assert len(spec.pages) >= 2
    home = tmp_path / "home"
    assert main(["--home", str(home), "ingest", str(papers), "--workers", "1"]) == 0
    doc = document_id(home, pdf)
    at = run_page(monkeypatch, home, "page_meetings.py", doc=doc, page="2", hl="school")
    # The page as printed, beside the text, at the page the link named.
    [image] = at.get("image")
    assert image.proto.imgs[0].url
    assert re.match(r"Page 2 as printed · \d+ match(es)? shaded$", image.proto.imgs[0].caption)
    assert at.number_input(key="reader_page").value == 2
    [download] = at.get("download_button")
    assert download.proto.label == "Download the original"
    # Another page: drawn the same way, and the caption says what it shades.
    at.number_input(key="reader_page").set_value(1).run()
    assert re.match(
        r"Page 1 as printed · (no match here|\d+ match(es)? shaded)$",
        at.get("image")[0].proto.imgs[0].caption,
    )
    # The original gone: one caption says so, the extracted text still reads.
    pdf.unlink()
    at = run_page(monkeypatch, home, "page_meetings.py", doc=doc, page="2", hl="school")
    assert not at.get("download_button") and not at.get("image")
    assert len([c.value for c in at.caption if "no longer on disk" in c.value]) == 1
    assert re.search(r"^\*\*\d+\*\* match", markdown(at), re.MULTILINE)


def test_reader_shows_a_text_paper_under_its_section_titles(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    doc = document_id(corpus_home, MARCH_2017_REPORT)
    at = run_page(monkeypatch, corpus_home, "page_meetings.py", doc=doc, page="1")
    text = markdown(at)
    # Section headings in bold at the head of their text, each once, in the paper's order.
    for heading in ("**Executive summary**", "**1\\.1 Performance dashboard**", "**2\\.1 Ofsted Outcomes**"):
        assert text.count(heading) == 1, heading
    assert text.index("**Executive summary**") < text.index("**1\\.1 Performance dashboard**")
    # The heading line is not repeated as the first line of its text.
    assert "**1\\.1 Performance dashboard**  \n1\\.1 Performance dashboard" not in text
    [download] = at.get("download_button")
    assert download.proto.label == "Download the original"


# ---------------------------------------------------------- tracker, more


def test_tracker_lists_overdue_actions_first(monkeypatch: pytest.MonkeyPatch, corpus_home: Path) -> None:
    at = run_page(monkeypatch, corpus_home, "page_tracker.py", as_of="2015-06-30")
    shown = [r["Status"] for r in tracker_rows(at)]
    assert {"overdue", "done"} <= set(shown)
    order = {"overdue": 0, "open": 1, "done": 2}
    assert shown == sorted(shown, key=order.__getitem__)


def test_tracker_status_filter_lists_only_that_status(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    at = run_page(monkeypatch, corpus_home, "page_tracker.py")
    done = int(next(m.value for m in at.metric if m.label == "Done"))
    at.pills(key="tracker_status").set_value(["done"]).run()
    assert [r["Status"] for r in tracker_rows(at)] == ["done"] * done
    assert at.query_params["status"] == "done"


def test_tracker_body_filter_lists_only_that_bodys_actions(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    at = run_page(monkeypatch, corpus_home, "page_tracker.py")
    everything = len(tracker_rows(at))
    panel = "Children's Services Overview and Scrutiny Panel"
    assert panel in at.multiselect(key="tracker_committee").options
    at.multiselect(key="tracker_committee").set_value([panel]).run()
    listed = tracker_rows(at)
    assert 0 < len(listed) < everything
    assert all(r["Raised at"].endswith(f" · {panel}") for r in listed)


def test_tracker_date_filter_lists_only_actions_raised_in_the_range(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    at = run_page(monkeypatch, corpus_home, "page_tracker.py")
    raised = {r["Raised at"][:10] for r in tracker_rows(at)}
    assert {"2014-03-13", "2014-06-17"} <= raised
    at.date_input(key="tracker_dates").set_value((dt.date(2014, 6, 1), dt.date(2014, 6, 30))).run()
    assert {r["Raised at"][:10] for r in tracker_rows(at)} == {"2014-06-17"}


# ------------------------------------------------------------------ people


def open_person(monkeypatch: pytest.MonkeyPatch, home: Path, name: str, kind: str = "person") -> AppTest:
    at = run_page(monkeypatch, home, "page_people.py", type=kind, name=name)
    assert at.selectbox(key="people_name").value == name
    assert dict(at.query_params) == {"type": kind, "name": name}
    return at


def test_a_councillor_shows_the_meetings_she_attended(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    at = open_person(monkeypatch, corpus_home, "Mrs J Leggett")
    table = table_with(at.main, "Date", "Body", "Status")
    assert [(r["Date"], r["Status"]) for r in table.to_dict("records")] == [
        ("2014-03-13", "present"),
        ("2014-06-17", "present"),
    ]
    assert table["Body"].tolist() == [
        "Children's Services Overview and Scrutiny Panel",
        "Children's Services Committee",
    ]


def test_a_councillor_shows_her_declared_interest(monkeypatch: pytest.MonkeyPatch, corpus_home: Path) -> None:
    at = open_person(monkeypatch, corpus_home, "Mrs J Leggett")
    [row] = table_with(at.main, "Date", "Interest").to_dict("records")
    assert row["Date"] == "2014-03-13"
    assert "management committee of Leeway" in row["Interest"]


def test_a_councillor_lists_the_papers_naming_her_with_links(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    at = open_person(monkeypatch, corpus_home, "Mrs J Leggett")
    papers = table_with(at.main, "Paper", "Mentions")
    assert {
        ("2014-03-13", "minutes"),
        ("2014-05-01", "supplementary agenda"),
        ("2014-06-17", "minutes"),
    } <= set(zip(papers["Date"], papers["Paper"], strict=True))
    linked = {link.proto.query_string for link in at.main.get("page_link")}
    for paper in (MARCH_2014_PANEL_MINUTES, MAY_2014_SUPPLEMENTARY, JUNE_2014_MINUTES):
        assert any(f"doc={document_id(corpus_home, paper)}" in q for q in linked), paper.name
    assert at.get("vega_lite_chart")


def test_an_organisation_shows_its_mentions_across_meetings(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    at = open_person(monkeypatch, corpus_home, "Ofsted", "organisation")
    papers = table_with(at.main, "Paper", "Mentions")
    assert {"2014-03-13", "2014-05-01", "2014-06-17", "2017-03-14"} <= set(papers["Date"])
    assert papers["Mentions"].sum() >= 10
    # Organisations attend nothing: no attendance table.
    assert not [t for t in tables(at.main) if "Status" in t.columns]


# ----------------------------------------------------------------- figures

LAC_RATE = "Rate of Looked-After Children per 10,000 of the overall 0-17 population"


def chart_layers(at: AppTest) -> list[dict[str, Any]]:
    [chart] = at.get("vega_lite_chart") or at.get("arrow_vega_lite_chart")
    spec = json.loads(chart.proto.spec)
    return spec.get("layer") or [spec]


def test_figures_chart_the_looked_after_children_rate_one_point_per_period(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    at = run_page(monkeypatch, corpus_home, "page_figures.py", q="looked-after", label=LAC_RATE)
    assert at.selectbox(key="figures_label").value == LAC_RATE
    line, target = chart_layers(at)
    points = line["data"]["values"]
    # corpus/003: the vital-signs dashboard's row for this indicator, Jun 14 to Dec 16.
    assert [(p["period"], p["value"]) for p in points] == [
        ("Jun 14", 68.4),
        ("Sep 14", 66.5),
        ("Dec 14", 64.5),
        ("Mar 15", 64.1),
        ("Jun 15", 64.0),
        ("Sep 15", 63.6),
        ("Dec 15", 63.1),
        ("Mar 16", 62.5),
        ("Jun 16", 62.6),
        ("Sep 16", 62.8),
        ("Dec 16", 65.5),
    ]
    assert [p["when"] for p in points][:2] == ["2014-06-01", "2014-09-01"]
    # The target (<55) is a line across the chart, not a point in time.
    assert [(p["period"], p["value"]) for p in target["data"]["values"]] == [("Target", 55.0)]


def test_each_figure_links_to_the_page_it_was_read_from(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    at = run_page(monkeypatch, corpus_home, "page_figures.py", q="looked-after", label=LAC_RATE)
    source = f"meetings?doc={document_id(corpus_home, MARCH_2017_REPORT)}&page=1"
    line, _ = chart_layers(at)
    assert line["encoding"]["href"]["field"] == "source"
    assert {p["source"] for p in line["data"]["values"]} == {source}
    [table] = at.dataframe
    assert table.value["Source"].tolist() == [source] * 12
    assert table.value["Value"].tolist()[:2] == ["68.4", "66.5"]
    assert json.loads(table.proto.columns)["Source"]["type_config"]["type"] == "link"


def test_the_indicator_search_box_filters_the_labels(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    at = run_page(monkeypatch, corpus_home, "page_figures.py")
    everything = at.selectbox(key="figures_label").options
    at.text_input(key="figures_q").set_value("looked-after").run()
    narrowed = at.selectbox(key="figures_label").options
    assert 0 < len(narrowed) < len(everything)
    assert all("looked-after" in o.lower() for o in narrowed), narrowed
    assert any(o.startswith(LAC_RATE) for o in narrowed)
    # The first is a series worth opening: a named indicator over several periods.
    assert re.search(r"\(\d+ values, \d+ periods\)$", narrowed[0]), narrowed[0]
    at.text_input(key="figures_q").set_value("zzqxj").run()
    assert [i.value for i in at.info] == ["No figures match."]


def test_figures_open_on_a_named_series_with_several_periods(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    from ui.web.series import MIN_PERIODS, names_indicator

    at = run_page(monkeypatch, corpus_home, "page_figures.py")
    label = at.selectbox(key="figures_label").value
    assert names_indicator(label), label
    line = chart_layers(at)[0]
    assert len({p["period"] for p in line["data"]["values"]}) >= MIN_PERIODS
    assert at.query_params["label"] == label


def test_money_is_shown_as_money(monkeypatch: pytest.MonkeyPatch, corpus_home: Path) -> None:
    at = run_page(monkeypatch, corpus_home, "page_figures.py", q="money")
    [table] = at.dataframe
    values = table.value["Value"].tolist()
    assert values and all(re.fullmatch(r"-?£[\d,.]+(m|bn)?", v) for v in values), values
    assert not any("e+" in v or "GBP" in v for v in values)
