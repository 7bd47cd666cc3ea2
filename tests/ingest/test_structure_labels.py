"""Every labelled paper of the real folders (tests/labels/structure.json, frozen, written by a
person reading the papers): its kind, meeting date and body, and every item number as printed.
Skipped cleanly when ../shared/real-pdfs or ../shared/more-councils is absent."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from ingest.pipeline import parse_file
from minutebook.models import Document
from tests.bench.structure_eval import ITEM_KINDS, LABELS, load_labels, normalise_body, normalise_number

ALL_LABELS = load_labels(LABELS)
LABELLED = [paper for paper in ALL_LABELS if paper["folder"] != "seeds"]
# The one heading no reader can recover: its font maps every glyph one code off and carries no
# Unicode table, so pdfminer (and pdftotext) print "4&OHUN¶V5HSRUW" for "4. Clerk's Report".
UNREADABLE_HEADINGS = {("burtoncumwalden_pc_2024-06-04_minutes.pdf", "4")}


@cache
def parsed(path: str) -> Document:
    return parse_file(Path(path), analyses=[])


def _ids(paper: dict) -> str:
    return paper["file"]


@pytest.mark.skipif(not LABELLED, reason="../shared/real-pdfs and ../shared/more-councils are not present")
@pytest.mark.parametrize("paper", LABELLED, ids=_ids)
def test_kind_date_and_body_are_read_from_the_paper(paper: dict) -> None:
    doc = parsed(paper["path"])
    accepted = {normalise_body(name) for name in [paper["body"], *paper["body_aliases"]]}
    assert (doc.kind, doc.meeting_date) == (paper["kind"], paper["meeting_date"])
    assert normalise_body(doc.body) in accepted, doc.body


ITEMISED = [paper for paper in LABELLED if paper["kind"] in ITEM_KINDS and paper["items"]]


@pytest.mark.skipif(not ITEMISED, reason="../shared/real-pdfs and ../shared/more-councils are not present")
@pytest.mark.parametrize("paper", ITEMISED, ids=_ids)
def test_every_item_is_found_with_its_printed_number(paper: dict) -> None:
    doc = parsed(paper["path"])
    wanted = [
        normalise_number(item["number"])
        for item in paper["items"]
        if (paper["file"], item["number"]) not in UNREADABLE_HEADINGS
    ]
    found = [normalise_number(item.number) for item in doc.agenda_items if item.number]
    assert found == wanted
