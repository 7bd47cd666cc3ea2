"""The meetings page (issue 15): the browser of every meeting, one meeting's page, and the
reading view, driven by `AppTest` over real homes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from minutebook.store import open_store
from tests.conftest import JUNE_2014_MINUTES, MARCH_2017_REPORT
from tests.ui.web.test_app import document_id, markdown, meeting_on, run_page, tables
from ui.web.text import escape_markdown


def browser_rows(at: Any) -> list[dict[str, Any]]:
    return next(t for t in tables(at.main) if "Committee" in t.columns).to_dict("records")


# ---------------------------------------------------------------- browser


def test_the_browser_lists_every_meeting_newest_first(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    at = run_page(monkeypatch, corpus_home, "page_meetings.py")
    rows = browser_rows(at)
    with open_store(corpus_home) as store:
        stored = store.query("SELECT date, body FROM meetings ORDER BY date DESC")
    assert [(r["Date"], r["Committee"]) for r in rows] == [(m["date"], m["body"]) for m in stored]
    june = next(r for r in rows if r["Date"] == "2014-06-17")
    assert june["Papers"] == "agenda, minutes"
    assert june["Items"] > 5 and june["Decisions"] > 0 and june["Actions"] > 0
    # A timeline by committee beside the table.
    assert at.get("vega_lite_chart") or at.get("arrow_vega_lite_chart")


def test_undated_meetings_say_so_and_sort_last(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from ui.cli import main

    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "note.txt").write_text("A note with no date and no committee.\n\nIt says very little.\n")
    (papers / "minutes.txt").write_text(JUNE_2014_MINUTES.read_text())
    home = tmp_path / "home"
    assert main(["--home", str(home), "ingest", str(papers), "--workers", "1"]) == 0
    at = run_page(monkeypatch, home, "page_meetings.py")
    rows = browser_rows(at)
    assert [r["Date"] for r in rows] == ["2014-06-17", "undated"]
    assert rows[-1]["Committee"] == "unnamed committee"


def test_filters_in_the_url_narrow_the_list_and_offer_counts(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    panel = "Children's Services Overview and Scrutiny Panel"
    at = run_page(monkeypatch, corpus_home, "page_meetings.py", committee=panel, kind="minutes")
    rows = browser_rows(at)
    assert [(r["Date"], r["Committee"]) for r in rows] == [("2014-03-13", panel)]
    # Committee names whole, with their counts (radio labels wrap; they are never cut).
    assert escape_markdown(f"{panel} (1)") in at.radio(key="browse_committee").options
    assert at.query_params["kind"] in ("minutes", ["minutes"])
    # Clearing the committee widens the list and the URL follows.
    at.radio(key="browse_committee").set_value("").run()
    assert len(browser_rows(at)) == 2
    assert "committee" not in at.query_params


def test_a_meeting_opens_with_its_tabs_always_in_one_order(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    meeting = meeting_on(corpus_home, "2014-06-17")
    at = run_page(monkeypatch, corpus_home, "page_meetings.py", meeting=meeting)
    labels = [t.label for t in at.tabs]
    assert labels == ["Agenda & papers", "Attendance & declarations", "Decisions", "Actions raised"]
    assert at.title[0].value == "Children\\'s Services Committee"
    # Back to the list.
    assert any(p.proto.label == "All meetings" for p in at.main.get("page_link"))


def test_an_unknown_meeting_says_so_and_shows_the_list(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    at = run_page(monkeypatch, corpus_home, "page_meetings.py", meeting="no-such-meeting")
    assert at.warning and "not in the archive" in at.warning[0].value
    assert len(browser_rows(at)) == 4


# ----------------------------------------------------------------- reader


def reader(monkeypatch: pytest.MonkeyPatch, home: Path, paper: Path, **params: str) -> Any:
    return run_page(monkeypatch, home, "page_meetings.py", doc=document_id(home, paper), **params)


def test_the_reading_view_shows_each_heading_once_in_the_page_itself(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    at = reader(monkeypatch, corpus_home, JUNE_2014_MINUTES)
    headings = [m.value for m in at.markdown if m.value.startswith("#### ")]
    assert len(headings) == len(set(headings)) > 10
    assert "#### 9 Free School Meals Update" in headings
    # No inner scroll box: nothing on the page is a fixed-height container.
    assert not [b for b in at.main.get("vertical_block") if getattr(b.proto, "height", 0)]
    text = markdown(at)
    assert "9\\. Free School Meals Update" not in text  # the heading line is not repeated as text


def test_the_reading_view_has_the_front_matter_and_the_attendance_block(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    at = reader(monkeypatch, corpus_home, JUNE_2014_MINUTES)
    text = markdown(at)
    assert text.index(":gray-badge[front matter]") < text.index("#### 1 ")
    # The attendance block as printed (corpus/002: "Present:" then the members, one a line).
    assert "Present" in text[: text.index("#### 1 ")]
    assert "Mrs J Leggett" in text[: text.index("#### 1 ")] or "Leggett" in text[: text.index("#### 2 ")]


def test_words_are_marked_in_place_with_a_count_and_a_way_between_them(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    at = reader(monkeypatch, corpus_home, JUNE_2014_MINUTES, hl="pupil premium")
    text = markdown(at)
    total = int(text.split("**", 2)[1])
    assert total == text.count(":orange-background[")
    markers = [h.proto.body for h in at.main.get("html") if 'class="mb-anchor mb-match"' in h.proto.body]
    assert markers and 'id="match-1"' in markers[0] and "↓ next" in markers[0]
    assert "↑ previous" in markers[-1] and "↓ next" not in markers[-1]
    # No word to mark: the caption says so, never "shaded" or "n matches".
    at = reader(monkeypatch, corpus_home, JUNE_2014_MINUTES, hl="zzqxj")
    assert any("No match for zzqxj" in c.value for c in at.caption)
    assert not [h for h in at.main.get("html") if "mb-match" in h.proto.body]


def test_a_link_to_a_page_scrolls_there_once(monkeypatch: pytest.MonkeyPatch, corpus_home: Path) -> None:
    at = reader(monkeypatch, corpus_home, MARCH_2017_REPORT, page="1", hl="exclusions")
    scripts = [h.proto.body for h in at.main.get("html") if "<script>" in h.proto.body]
    assert len(scripts) == 1 and 'getElementById("match-1")' in scripts[0]
    # Only markup the view writes goes through st.html: anchors, page numbers and the scroll.
    for html in at.main.get("html"):
        assert "exclusion" not in html.proto.body.lower()


def test_the_reading_view_sums_up_who_attended(monkeypatch: pytest.MonkeyPatch, corpus_home: Path) -> None:
    at = reader(monkeypatch, corpus_home, JUNE_2014_MINUTES)
    [box] = [e for e in at.expander if e.label.startswith("Attendance as read from this paper")]
    people = next(t for t in tables(box) if "Person" in t.columns)
    assert "Mrs J Leggett" in set(people["Person"])
    assert "present" in box.label


def test_a_text_papers_pipe_tables_read_as_tables(monkeypatch: pytest.MonkeyPatch, corpus_home: Path) -> None:
    # corpus/003 prints its header block and its vital-signs dashboard as pipe tables.
    at = reader(monkeypatch, corpus_home, MARCH_2017_REPORT, hl="looked")
    text = markdown(at)
    assert text.count("\n| --- | --- |") >= 2
    rows = [line for line in text.split("\n") if line.startswith("| ")]
    assert any("Date of meeting\\:" in r and "14 th March 2017" in r for r in rows)
    assert any("orange-background" in r and "Rate of :orange-background" in r for r in rows), (
        "highlighted in cells"
    )
    assert "\\|\\-\\-\\-" not in text  # no delimiter row left as text


def test_a_person_listed_by_two_papers_of_a_meeting_attends_once() -> None:
    from ui.web.meeting import one_row_per_person

    rows = [
        {"person": "Ed Plowden", "status": "present", "role": "Chair", "substituting_for": None},
        {"person": "Ed  Plowden", "status": "present", "role": None, "substituting_for": None},
        {"person": "Kaz Self", "status": "present", "role": "", "substituting_for": ""},
        {"person": "Kaz Self", "status": "present", "role": "Member", "substituting_for": "Tom Renhard"},
        {"person": "Kaz Self", "status": "present", "role": "member", "substituting_for": None},
        {"person": "Ed Plowden", "status": "apologies", "role": None, "substituting_for": None},
    ]
    merged = one_row_per_person(rows)
    assert [(r["person"], r["status"], r["role"], r["substituting_for"]) for r in merged] == [
        ("Ed Plowden", "present", "Chair", ""),
        ("Kaz Self", "present", "Member", "Tom Renhard"),
        ("Ed Plowden", "apologies", "", ""),
    ]
