"""Ingest into a real store: grouping into meetings, idempotence, replacement, bad input."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from ingest.pipeline import ingest_paths
from minutebook.store import Store, open_store
from minutebook.views import meetings_view
from tests.conftest import CORPUS, JUNE_2014_MINUTES, MARCH_2014_PANEL_MINUTES


@pytest.fixture()
def store(tmp_path: Path):
    with open_store(tmp_path / "home") as opened:
        yield opened


def test_sample_corpus_forms_four_meetings_with_the_right_papers(store: Store) -> None:
    report = ingest_paths([CORPUS], store, workers=2)
    assert report.failed == [] and len(report.ingested) == 5
    meetings = [
        (m["date"], m["body"], sorted(d["kind"] for d in m["documents"])) for m in meetings_view(store)
    ]
    assert meetings == [
        ("2014-03-13", "Children's Services Overview and Scrutiny Panel", ["minutes"]),
        # The supplementary agenda prints "Overview & Scrutiny Panel": one body, one name.
        ("2014-05-01", "Children's Services Overview and Scrutiny Panel", ["supplementary_agenda"]),
        ("2014-06-17", "Children's Services Committee", ["agenda", "minutes"]),
        ("2017-03-14", "Children's Services Committee", ["report"]),
    ]
    june = meetings_view(store)[2]
    assert (june["time"], june["venue"]) == ("14:00", "Edwards Room, County Hall, Norwich")


def test_reingesting_unchanged_files_does_nothing(store: Store) -> None:
    ingest_paths([CORPUS], store, workers=1)
    before = store.counts()
    again = ingest_paths([CORPUS], store, workers=1)
    assert (len(again.ingested), len(again.unchanged), again.changed) == (0, 5, [])
    assert store.counts() == before


def test_touched_but_identical_file_is_unchanged(store: Store, tmp_path: Path) -> None:
    paper = tmp_path / "minutes.txt"
    shutil.copy(JUNE_2014_MINUTES, paper)
    ingest_paths([paper], store, workers=1)
    os.utime(paper, (1, 1))
    again = ingest_paths([paper], store, workers=1)
    assert (len(again.ingested), len(again.unchanged)) == (0, 1)


def test_changed_file_replaces_its_old_version(store: Store, tmp_path: Path) -> None:
    paper = tmp_path / "minutes.txt"
    shutil.copy(JUNE_2014_MINUTES, paper)
    first = ingest_paths([paper], store, workers=1).ingested[0]
    paper.write_text(
        JUNE_2014_MINUTES.read_text(encoding="utf-8").replace("Free School Meals", "Free Lunches")
    )
    second = ingest_paths([paper], store, workers=1)
    assert second.removed == [first.id]
    assert store.document_ids() == [second.ingested[0].id]
    titles = [r["title"] for r in store.query("SELECT title FROM items")]
    assert "Free Lunches Update" in titles and "Free School Meals Update" not in titles


def test_same_text_with_different_bytes_is_stored_once_with_both_paths(store: Store, tmp_path: Path) -> None:
    unix = tmp_path / "a.txt"
    dos = tmp_path / "b.txt"
    text = MARCH_2014_PANEL_MINUTES.read_text(encoding="utf-8")
    unix.write_text(text, encoding="utf-8")
    dos.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    report = ingest_paths([unix, dos], store, workers=1)
    assert report.failed == []
    assert len(store.document_ids()) == 1
    assert len(store.query("SELECT path FROM files")) == 2


def test_windows_1252_text_is_decoded_not_rejected(store: Store, tmp_path: Path) -> None:
    paper = tmp_path / "legacy.txt"
    text = MARCH_2014_PANEL_MINUTES.read_text(encoding="utf-8").replace("'", "\u2019")
    paper.write_bytes(text.encode("cp1252", errors="replace"))
    report = ingest_paths([paper], store, workers=1)
    assert report.failed == []
    assert report.ingested[0].body == "Children\u2019s Services Overview and Scrutiny Panel"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"   \n\n ", "empty file"),
        ("random.pdf", os.urandom(4096).replace(b"%PDF", b"xxxx"), "not a PDF"),
        ("saved-page.pdf", b"<!DOCTYPE html><html><body>Agenda</body></html>", "HTML"),
        ("binary.txt", b"\x00\x01\x02\x03" * 500, "binary"),
        ("truncated.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n", ""),
    ],
)
def test_bad_file_gets_a_one_line_error_and_the_rest_still_lands(
    store: Store, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    ingest_paths([MARCH_2014_PANEL_MINUTES], store, workers=1)
    stored_before = store.document_ids()
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / name).write_bytes(content)
    shutil.copy(JUNE_2014_MINUTES, folder / "good.txt")
    report = ingest_paths([folder], store, workers=2)
    assert [f.path for f in report.failed] == [str((folder / name).resolve())]
    error = report.failed[0].error
    assert message.lower() in error.lower() and "\n" not in error and "Traceback" not in error
    assert [d.path for d in report.ingested] == [str((folder / "good.txt").resolve())]
    assert set(stored_before) < set(store.document_ids())


def test_missing_path_is_reported_not_raised(store: Store, tmp_path: Path) -> None:
    report = ingest_paths([tmp_path / "nope.pdf"], store, workers=1)
    assert [(f.path, f.error) for f in report.failed] == [
        (str(tmp_path / "nope.pdf"), "no such file or folder")
    ]


# An agenda front sheet in Norfolk's form, for a later meeting of the panel whose 13 March 2014
# minutes (MARCH_2014_PANEL_MINUTES) it reprints for confirmation as item 2.
PACK_FRONT_SHEETS = {
    "date labelled": (
        "Children's Services Overview and Scrutiny Panel\n\nDate: **Thursday 1 May 2014**\n\n"
        "Time: **2.00pm**\n\nVenue: **Edwards Room, County Hall, Norwich**\n\n"
    ),
    "date unlabelled": (
        "Children's Services Overview and Scrutiny Panel\n\n**Thursday 1 May 2014 2.00pm**\n\n"
    ),
}
PACK_ITEMS = (
    "A g e n d a\n\n"
    "- 1 To receive apologies and details of any substitute members attending**\n\n"
    "- 2 Minutes**\nTo confirm the minutes of the meeting of the Panel held on 13 March 2014.\n\n(Page 2)\n\n"
    "- 3 Members to Declare any Interests**\n\n"
    "Date Agenda Published: 22 April 2014\n"
)


@pytest.mark.parametrize("front_sheet", PACK_FRONT_SHEETS.values(), ids=PACK_FRONT_SHEETS.keys())
def test_minutes_reprinted_in_a_later_agenda_keep_their_own_meeting(
    store: Store, tmp_path: Path, front_sheet: str
) -> None:
    pack = tmp_path / "pack.txt"
    minutes_text = MARCH_2014_PANEL_MINUTES.read_text(encoding="utf-8")
    pack.write_text(front_sheet + PACK_ITEMS + "\f" + minutes_text, encoding="utf-8")
    report = ingest_paths([pack, MARCH_2014_PANEL_MINUTES], store, workers=1, analyses=[])
    assert report.failed == []
    meetings = meetings_view(store)
    assert [(m["date"], sorted(d["kind"] for d in m["documents"])) for m in meetings] == [
        ("2014-03-13", ["minutes"]),
        ("2014-05-01", ["agenda"]),
    ]
    pack_items = [(i["number"], i["title"], i["page_start"]) for i in meetings[1]["items"]]
    assert ("2", "Minutes", 2) in pack_items
    # The reprint's own minute numbers do not become items of the later meeting.
    assert [number for number, _, _ in pack_items] == ["1", "2", "3"]


def test_parallel_ingest_reports_documents_in_path_order(store: Store) -> None:
    report = ingest_paths([CORPUS], store, workers=2)
    paths = [doc.path for doc in report.ingested]
    assert len(paths) == 5 and paths == sorted(paths)


def test_ingest_without_analyses_stores_structure_only(store: Store) -> None:
    report = ingest_paths([JUNE_2014_MINUTES], store, workers=1, analyses=[])
    assert report.failed == []
    counts = store.counts()
    # Twelve minutes and the heading block before the first (kept so that it is searchable).
    assert (counts["documents"], counts["items"]) == (1, 13)
    assert counts["mentions"] == 0 and counts["attendance"] == 0


HEADLESS_MINUTES = (
    "1. Apologies\nApologies were received from Cllr Jones.\n"
    "2. Playing field\nRESOLVED that the mower be repaired.\n"
)


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("minutes_20221031.txt", "2022-10-31"),
        ("2023-12-04_general_meeting_minutes.md", "2023-12-04"),
        ("Printed minutes 12th-Sep-2024 16.00 Cabinet.txt", "2024-09-12"),
        ("minutes.txt", None),
        ("from 2024-01-01 to 2024-03-31.txt", None),
    ],
)
def test_a_paper_printing_no_date_takes_the_one_its_file_name_states(
    store: Store, tmp_path: Path, name: str, date: str | None
) -> None:
    paper = tmp_path / name
    paper.write_text(HEADLESS_MINUTES, encoding="utf-8")
    ingest_paths([paper], store, workers=1, analyses=[])
    (meeting,) = meetings_view(store)
    assert meeting["date"] == date


def test_the_date_a_paper_prints_beats_its_file_name(store: Store, tmp_path: Path) -> None:
    paper = tmp_path / "minutes_20221031.txt"
    paper.write_text(
        "Minutes of the meeting of the Parish Council held on 7 November 2022 at 7.30 pm\n"
        + HEADLESS_MINUTES,
        encoding="utf-8",
    )
    ingest_paths([paper], store, workers=1, analyses=[])
    (meeting,) = meetings_view(store)
    assert meeting["date"] == "2022-11-07"


def test_a_report_of_summaries_says_what_the_whole_documents_say() -> None:
    """`keep_documents=False` (the command line) keeps only what `ingest --json` prints."""
    from ingest.pipeline import parse_file, summary_of
    from minutebook.views import document_summary

    for path in sorted(CORPUS.glob("*.txt")):
        doc = parse_file(path)
        slim = summary_of(doc)
        assert document_summary(slim) == document_summary(doc)
        assert not any(page.text for page in slim.pages) and not any(i.sections for i in slim.items)
