"""ui/web/exports.py: CSV in the columns a person reads, with links back to the page."""

from __future__ import annotations

import csv
import io

from ui.web.exports import HIT_COLUMNS, hits_csv, paper_url

HIT = {
    "id": "sec-1",
    "body": "Children's Services Committee",
    "meeting_date": "2014-06-17",
    "document_id": "abc123",
    "document_kind": "minutes",
    "document_title": None,
    "item_number": "9",
    "item_title": "Free School Meals Update",
    "section_title": "Eligibility",
    "page": 3,
    "snippet": '=HYPERLINK("http://evil") free  school\nmeals',
    "score": 7.5,
    "highlights": [[0, 4]],
    "item_id": "item-9",
    "path": "/secret/path/minutes.pdf",
}


def test_a_hit_is_exported_as_read_with_a_link_to_its_page() -> None:
    [row] = list(
        csv.DictReader(io.StringIO(hits_csv([HIT], "http://127.0.0.1:8501/", highlight="free meals")))
    )
    assert list(row) == HIT_COLUMNS
    assert row["Meeting"] == "2014-06-17"
    assert row["Item"] == "9: Free School Meals Update"
    assert row["Paper"] == "minutes"
    assert row["Link"] == "http://127.0.0.1:8501/meetings?doc=abc123&page=3&hl=free+meals"
    # Nothing internal: no ids, scores, offsets or paths anywhere in the file.
    text = hits_csv([HIT], "")
    for internal in ("sec-1", "item-9", "7.5", "/secret/path", "[[0, 4]]"):
        assert internal not in text


def test_a_cell_a_spreadsheet_would_run_is_kept_as_text() -> None:
    [row] = list(csv.DictReader(io.StringIO(hits_csv([HIT], ""))))
    assert row["Snippet"].startswith("'=HYPERLINK")
    assert row["Snippet"].endswith("free school meals")


def test_links_are_relative_when_the_app_address_is_unknown() -> None:
    assert paper_url("", "abc", 2) == "meetings?doc=abc&page=2"
    assert paper_url("http://host:9/base/", "abc") == "http://host:9/base/meetings?doc=abc"
    assert paper_url("http://host", None) == ""
