"""The interface on a real archive (issue 15), end to end in headless Chromium: `minutebook ui`
over a home holding the sample corpus, the real ModernGov PDFs of ../shared/real-pdfs and,
when present, the parish and community council papers of ../shared/more-councils. Skipped
without the real PDFs or Chromium.

Every page is screenshotted into tests/ui/web/artifacts/archive-*.png for a person to look
at; the timings of first results are printed (run with -s to see them).
"""

from __future__ import annotations

import csv
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from minutebook.store import open_store
from search import SearchRequest, search_papers
from tests.conftest import CORPUS, MORE_COUNCILS, real_pdfs
from tests.ui.web.conftest import CHROMIUM, idle, serving, shot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.realpdfs,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed"),
]
# Issue 15: first results visible within a second of pressing Enter, on this archive.
FIRST_RESULTS_BUDGET_S = 1.0
# The first hit card is on the page and drawn by the current run: neither it nor anything in
# it is marked stale (Streamlit's `data-stale`, set on what the previous run drew).
FRESH_FIRST_HIT = """() => {
    const hit = document.querySelector("[class*='st-key-hit-0']");
    return !!hit && !hit.closest("[data-stale='true']") && !hit.querySelector("[data-stale='true']");
}"""
# Queries a user types on this archive, each found by all of its words.
TIMED_QUERIES = ["bus lane", "free school meals", "pathway planning", "parking levy", "budget outturn"]


@pytest.fixture(scope="module")
def archive_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home with the sample corpus, the real PDFs and (when present) more councils, ingested
    by the installed command in its own process, as a user would (worker limits apply to
    workers of a small process, not of this test run)."""
    folders = [CORPUS, real_pdfs()]
    if MORE_COUNCILS.is_dir() and any(MORE_COUNCILS.glob("*.pdf")):
        folders.append(MORE_COUNCILS)
    home = tmp_path_factory.mktemp("archive-home")
    script = Path(sys.executable).parent / "minutebook"
    done = subprocess.run(
        [str(script), "--home", str(home), "ingest", *map(str, folders), "--workers", "2"],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return home


@pytest.fixture(scope="module")
def archive_url(archive_home: Path) -> Iterator[str]:
    with serving(archive_home) as url:
        yield url


def no_error_on(page: Any) -> None:
    """The page finished without an exception box or a traceback."""
    assert page.locator("[data-testid='stException']").count() == 0
    assert "Traceback" not in page.locator("[data-testid='stMain']").inner_text()


# Elements inside the page that scroll on their own (the reading view must have none).
INNER_SCROLL_BOXES = """() => [...document.querySelectorAll('[data-testid=stMain] *')].filter(e => {
    const style = getComputedStyle(e);
    return ['auto', 'scroll'].includes(style.overflowY) && e.scrollHeight > e.clientHeight + 4;
}).map(e => e.getAttribute('data-testid') || e.className)"""


def one_of(home: Path, sql: str) -> dict[str, Any]:
    with open_store(home) as store:
        return store.query(sql)[0]


def grid_texts(page: Any, index: int = 0) -> list[str]:
    """The cell texts of a data grid, row by row (its accessible mirror of the canvas).

    The mirror is filled after the canvas draws, a moment after the grid element itself
    appears, so this waits for its first cell before reading any."""
    grid = page.locator("[data-testid='stDataFrame']").nth(index)
    cells = grid.locator("[role='gridcell']")
    cells.first.wait_for(state="attached", timeout=30_000)
    return [cells.nth(i).inner_text() for i in range(cells.count())]


# ------------------------------------------------------------ every page


def test_every_page_opens_without_an_error_and_is_screenshotted(
    archive_url: str, archive_home: Path, page: Any
) -> None:
    minutes = one_of(
        archive_home,
        "SELECT id, meeting_id FROM documents WHERE path LIKE '%bristol_tcpc_2025-05-15_printed_minutes.pdf'",
    )
    text_paper = one_of(archive_home, "SELECT id FROM documents WHERE path LIKE '%003_5bc992f06e6aa607.txt'")
    pages = {
        "search-empty": "/",
        "search-query": "/?q=bus+lane",
        "search-facets-only": "/?kind=minutes&year=2025",
        "meetings-browser": "/meetings",
        "meeting-page": f"/meetings?meeting={minutes['meeting_id']}",
        "reader-pdf": f"/meetings?doc={minutes['id']}&page=7&hl=bus+gate",
        "reader-text": f"/meetings?doc={text_paper['id']}&page=1&hl=exclusions",
        "tracker": "/tracker",
        "tracker-by-committee": "/tracker?group=committee",
        "ask": "/ask?q=What+did+the+committee+decide+about+the+bus+gate",
        "people": "/people",
        "figures": "/figures",
        "whats-new": "/whats-new",
        "sources": "/sources",
    }
    for name, path in pages.items():
        page.goto(archive_url + path)
        idle(page)
        page.wait_for_timeout(1200)  # charts and grids draw after the run ends
        no_error_on(page)
        shot(page, f"archive-{name}", whole=True)
        shot(page, f"archive-{name}-viewport")


# ------------------------------------------------------------- meetings


def test_the_meetings_browser_lists_every_meeting_and_opens_one(
    archive_url: str, archive_home: Path, page: Any
) -> None:
    with open_store(archive_home) as store:
        meetings = store.query("SELECT id, date, body FROM meetings ORDER BY date IS NULL, date DESC, body")
    page.goto(f"{archive_url}/meetings")
    header = page.get_by_text(re.compile(r"^\d+ meetings? · newest first"))
    header.wait_for()
    assert int(header.inner_text().split()[0]) == len(meetings)
    page.locator("[data-testid='stDataFrame']").first.wait_for()
    idle(page)
    cells = grid_texts(page)
    assert cells[0] == meetings[0]["date"], cells[:6]  # newest first, never a junk undated one
    # Choosing a row (its box at the left) opens that meeting.
    grid = page.locator("[data-testid='stDataFrame']").first.bounding_box()
    page.mouse.click(grid["x"] + 16, grid["y"] + 35 + 35 + 17)  # header, then the second row
    page.wait_for_url(re.compile(rf"meeting={meetings[1]['id']}"))
    tabs = page.get_by_role("tab")
    tabs.first.wait_for()
    idle(page)
    assert [tabs.nth(i).inner_text() for i in range(tabs.count())] == [
        "Agenda & papers",
        "Attendance & declarations",
        "Decisions",
        "Actions raised",
    ]
    no_error_on(page)
    # Each tab of the opened meeting, for a person to look at.
    for index in range(tabs.count()):
        tabs.nth(index).click()
        page.wait_for_timeout(500)
        no_error_on(page)
        shot(page, f"archive-meeting-tab-{index + 1}", whole=True)


def test_the_reading_view_shows_each_heading_once_and_has_no_inner_scroll_box(
    archive_url: str, archive_home: Path, page: Any
) -> None:
    minutes = one_of(
        archive_home,
        "SELECT id FROM documents WHERE path LIKE '%bristol_tcpc_2025-05-15_printed_minutes.pdf'",
    )
    page.goto(f"{archive_url}/meetings?doc={minutes['id']}&page=7&hl=bus+gate")
    page.locator("#match-1").wait_for(state="attached")
    idle(page)
    headings = page.locator("[data-testid='stMain'] h4").all_inner_texts()
    assert len(headings) > 15
    assert len(headings) == len(set(headings)), [h for h in headings if headings.count(h) > 1]
    # Only the page itself scrolls: no element inside it has a scroll box of its own.
    assert page.evaluate(INNER_SCROLL_BOXES) == []
    # Arriving at page 7 scrolled the page there, to a marker; its "next" moves on to the next.
    main = page.locator("[data-testid='stMain']")
    arrived = main.evaluate("e => e.scrollTop")
    assert arrived > 1000
    here = page.evaluate(
        "() => [...document.querySelectorAll('.mb-match')].find(e => e.getBoundingClientRect().top >= 0).id"
    )
    number = int(here.split("-")[1])
    assert number > 1
    page.locator(f"#{here}").get_by_text("↓ next").click()
    page.wait_for_url(re.compile(rf"#match-{number + 1}$"))
    page.wait_for_timeout(500)
    assert main.evaluate("e => e.scrollTop") > arrived
    # The page as printed beside the text, and a count of the marks.
    assert page.get_by_text(re.compile(r"^Page 7 as printed · \d+ match")).count() == 1
    assert page.get_by_text(re.compile(r"^\d+ matches · first ↓")).count() == 1
    shot(page, "archive-reader-after-next")
    # A text paper's pipe tables (corpus/003's dashboard, 16 columns) read as tables that fit
    # the page: no scroll box, no column cut off at its edge.
    text_paper = one_of(archive_home, "SELECT id FROM documents WHERE path LIKE '%003_5bc992f06e6aa607.txt'")
    page.goto(f"{archive_url}/meetings?doc={text_paper['id']}")
    page.locator("[data-testid='stMain'] table").nth(1).wait_for()
    idle(page)
    assert page.evaluate(INNER_SCROLL_BOXES) == []
    main_right = page.locator("[data-testid='stMainBlockContainer']").bounding_box()
    for table in page.locator("[data-testid='stMain'] table").all():
        edge = table.bounding_box()
        assert edge["x"] + edge["width"] <= main_right["x"] + main_right["width"] + 1
        assert table.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), "a table scrolls sideways"


# --------------------------------------------------------------- search


def test_a_facet_only_url_shows_results(archive_url: str, archive_home: Path, page: Any) -> None:
    page.goto(f"{archive_url}/?kind=minutes&year=2025")
    header = page.get_by_text(re.compile(r"^\d+ results? in the papers the filters leave"))
    header.wait_for()
    expected = search_papers(
        archive_home, SearchRequest("", kind="minutes", date_from="2025-01-01", date_to="2025-12-31")
    )["total"]
    assert int(header.inner_text().split()[0]) == expected > 0
    captions = page.locator("[class*='st-key-hit-'] [data-testid='stCaptionContainer']").all_inner_texts()
    assert captions and all(c.startswith("2025-") and " · minutes · " in c for c in captions)


def test_a_multi_word_query_requires_all_words_by_default(
    archive_url: str, archive_home: Path, page: Any
) -> None:
    page.goto(f"{archive_url}/?q=bus+gate")
    header = page.get_by_text(re.compile(r"^\d+ results? for “bus gate”"))
    header.wait_for()
    every = int(header.inner_text().split()[0])
    assert every == search_papers(archive_home, SearchRequest("bus gate"))["total"]
    page.get_by_text("All words required.").wait_for()
    page.locator("[data-testid='stCheckbox']").filter(has_text="Any word").locator("label").click()
    page.wait_for_url(re.compile(r"any=1"))
    idle(page)
    loose = int(page.get_by_text(re.compile(r"^\d+ results? for “bus gate”")).inner_text().split()[0])
    assert loose == search_papers(archive_home, SearchRequest("bus gate", match="any"))["total"]
    assert loose > every > 0


def test_first_results_are_visible_within_a_second_of_submitting(archive_url: str, page: Any) -> None:
    page.goto(archive_url)
    box = page.get_by_role("textbox", name="Search")
    box.wait_for()
    idle(page)
    timings = []
    for query in TIMED_QUERIES:
        box.fill(query)
        started = time.perf_counter()
        box.press("Enter")
        # This query's results: the header names the query, and the first hit card is this
        # run's (the previous query's card stays on screen, marked stale, until replaced).
        page.get_by_text(re.compile(r"results? for “" + re.escape(query) + "”")).first.wait_for()
        page.wait_for_function(FRESH_FIRST_HIT)
        timings.append(time.perf_counter() - started)
        idle(page)
    median, worst = statistics.median(timings), max(timings)
    print(  # noqa: T201 - the measurement is this test's report
        f"first results visible after submitting, real archive: median {median:.3f} s, max {worst:.3f} s"
        f" over {len(timings)} queries ({', '.join(f'{t:.3f}' for t in timings)})"
    )
    assert worst <= FIRST_RESULTS_BUDGET_S, timings


# -------------------------------------------------------------- tracker


def test_the_tracker_table_sorts_and_exports_and_no_undated_action_is_overdue(
    archive_url: str, archive_home: Path, page: Any, tmp_path: Path
) -> None:
    page.goto(f"{archive_url}/tracker")
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.wait_for()
    idle(page)
    page.wait_for_timeout(800)
    columns = 5  # Status, Due, Action, Owner, Raised at

    def rows() -> list[list[str]]:
        cells = grid_texts(page)
        return [cells[i : i + columns] for i in range(0, len(cells), columns)]

    assert rows() and all(r[0] in ("overdue", "open", "done") for r in rows())
    # Clicking the Due header sorts by due date: ascending puts the undated first, and none
    # of them is overdue; clicking again lists the latest due first.
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 35 + 78 + 40, box["y"] + 17)
    page.wait_for_timeout(800)
    undated = [r for r in rows() if not r[1].strip()]
    assert undated, rows()
    assert not [r for r in undated if r[0] == "overdue"], "an action with no due date is overdue"
    page.mouse.click(box["x"] + 35 + 78 + 40, box["y"] + 17)
    page.wait_for_timeout(800)
    dues = [r[1] for r in rows()]
    assert dues and all(dues) and dues == sorted(dues, reverse=True), dues
    shot(page, "archive-tracker-sorted-by-due")
    # Export: every action of the view, with links back to the pages.
    with page.expect_download() as download:
        page.get_by_role("button", name="Export CSV").click()
    saved = tmp_path / "actions.csv"
    download.value.save_as(saved)
    exported = list(csv.DictReader(saved.open(encoding="utf-8")))
    header_text = page.get_by_text(re.compile(r"^\d+ of \d+ actions")).inner_text()
    assert len(exported) == int(header_text.split()[0])
    assert all(r["Link"].startswith(f"{archive_url}/meetings?doc=") for r in exported)
    assert not [r for r in exported if r["Status"] == "overdue" and not r["Due"]]
    # Choosing a row (its box at the left) opens that action right under the table, with the
    # commitment's words and where it was raised.
    first = rows()[0]
    page.mouse.click(box["x"] + 16, box["y"] + 35 + 38)
    opened = page.locator("[class*='st-key-action-']").first
    opened.wait_for()
    idle(page)
    assert opened.bounding_box()["y"] >= box["y"] + box["height"] - 2  # under the table
    assert first[2].split()[0] in opened.inner_text()
    assert "Raised on page" in opened.inner_text()
    opened.scroll_into_view_if_needed()
    shot(page, "archive-tracker-row-opened")


# -------------------------------------------------------------- figures


def test_the_figures_page_opens_on_a_series_with_several_periods(archive_url: str, page: Any) -> None:
    page.goto(f"{archive_url}/figures")
    caption = page.get_by_text(re.compile(r"^\d+ values? over \d+ periods?"))
    caption.wait_for()
    periods = int(re.search(r"over (\d+) period", caption.inner_text()).group(1))  # type: ignore[union-attr]
    assert periods >= 3
    label = page.locator("[data-testid='stMain'] h3").first.inner_text()
    assert len(re.findall(r"[A-Za-z]{3,}", label)) >= 2, label  # an indicator's name, not debris


# --------------------------------------------------------------- errors


def test_a_backend_error_is_a_sentence_not_a_traceback(page: Any, tmp_path: Path) -> None:
    from minutebook.home import store_path

    home = tmp_path / "damaged"
    home.mkdir()
    store_path(home).write_bytes(b"not an SQLite database at all " * 100)
    with serving(home) as url:
        for path in ("/", "/meetings", "/tracker"):
            page.goto(url + path)
            alert = page.locator("[data-testid='stAlertContentError']")
            alert.wait_for()
            assert "damaged" in alert.inner_text() and "minutebook check --repair" in alert.inner_text()
            assert page.locator("[data-testid='stException']").count() == 0
            assert "Traceback" not in page.locator("[data-testid='stMain']").inner_text()
        shot(page, "archive-error-damaged-store")
