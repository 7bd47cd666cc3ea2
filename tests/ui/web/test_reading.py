"""ui/web/reading.py: a paper laid out for reading, every line once, headings where they are.

Literal papers in the shapes the real ones take (Bristol's printed minutes wrap a
resolution's limbs over lines the structure stage reads as sections; Norfolk's report has
sentence-case headings), and the sample corpus through the real store.
"""

from __future__ import annotations

from typing import Any

import pytest

from ui.web.reading import Heading, PageStart, Passage, blocks, ends_open, heading_shaped, reflow


def section(text: str, page: int = 1, number: str | None = None, title: str | None = None) -> dict[str, Any]:
    return {"number": number, "title": title, "page": page, "text": text}


def item(
    part: str, number: str | None, title: str, sections: list[dict[str, Any]], text: str = ""
) -> dict[str, Any]:
    first = sections[0]["page"] if sections else 1
    return {
        "part": part,
        "number": number,
        "title": title,
        "page_start": first,
        "text": text,
        "sections": sections,
    }


def shown_lines(laid_out: list[Any]) -> list[str]:
    """Every line a reader sees, in order (headings, passage headings and body lines)."""
    lines: list[str] = []
    for block in laid_out:
        if isinstance(block, Heading):
            lines.append(block.text)
        elif isinstance(block, Passage):
            lines += [line for line in [block.heading, *block.body.split("\n")] if line.strip()]
    return lines


MINUTES = [
    item(
        "front_matter",
        None,
        "Front sheet",
        [
            section("Bristol City Council", title="Bristol City Council"),
            section(
                "Members Present:-\nCouncillors: Ed Plowden (Chair), Graham Morris", title="Members Present:-"
            ),
        ],
    ),
    item(
        "item",
        "10",
        "City Centre Transport Corridor",
        [
            section(
                "10 City Centre Transport Corridor\nThe Committee considered a report which sought approval",
                page=6,
                number="10",
                title="City Centre Transport Corridor",
            ),
            section(
                "1. Subject to the removal of scheme elements relating to new bus gate and traffic lights on",
                page=7,
                number="1",
                title="Subject to the removal of scheme elements relating to new bus gate and traffic lights"
                " on",
            ),
            section(
                "Newfoundland Way (westbound), and the proposed new bus lane\nThe amendment was seconded.",
                page=7,
                title="Newfoundland Way (westbound), and the proposed new bus lane",
            ),
        ],
    ),
    item("item", "11", "CRSTS", [], text="11 CRSTS\nThe report was noted."),
    item(
        "appendix",
        None,
        "Appendix 1: Action log",
        [section("Action log\n| Ref | Action |", page=9, title="Action log")],
    ),
]


def test_every_heading_is_shown_once_and_every_line_of_the_paper_is_there() -> None:
    laid_out = blocks(MINUTES)
    lines = shown_lines(laid_out)
    assert lines.count("10 City Centre Transport Corridor") == 1
    assert lines.count("11 CRSTS") == 1
    for expected in (
        "Bristol City Council",
        "The Committee considered a report which sought approval",
        "The report was noted.",
        "The amendment was seconded.",
        "| Ref | Action |",
    ):
        assert any(expected in line for line in lines), expected


def test_front_matter_comes_first_labelled_and_holds_the_attendance() -> None:
    laid_out = blocks(MINUTES)
    first = next(b for b in laid_out if isinstance(b, Heading))
    assert (first.text, first.part) == ("Front sheet", "front_matter")
    attendance = next(b for b in laid_out if isinstance(b, Passage) and "Councillors" in b.body)
    assert attendance.heading == "Members Present:-"


def test_lines_that_carry_a_sentence_on_are_text_not_headings() -> None:
    passages = [b for b in blocks(MINUTES) if isinstance(b, Passage)]
    limb = next(p for p in passages if "bus gate" in p.body + p.heading)
    # Ends on "on": the structure stage's "section title" is a wrapped line of a resolution.
    assert limb.heading == "" and limb.body.startswith("1. Subject to the removal")
    carried = next(p for p in passages if "Newfoundland" in p.body + p.heading)
    assert carried.heading == "" and carried.continues


def test_pages_are_marked_where_they_begin_once_each() -> None:
    marks = [b.number for b in blocks(MINUTES) if isinstance(b, PageStart)]
    assert marks == [1, 6, 7, 9]


def test_a_paper_without_items_reads_as_its_pages() -> None:
    laid_out = blocks([], [{"number": 1, "text": "One"}, {"number": 2, "text": "Two"}])
    assert [type(b).__name__ for b in laid_out] == ["PageStart", "Passage", "PageStart", "Passage"]


@pytest.mark.parametrize(
    ("text", "open_"),
    [
        ("relating to new bus gate and traffic lights on", True),
        ("the Committee agreed,", True),
        ("The report was noted.", False),
        ("Executive summary", False),
        ("Members Present:-", False),
        ("against the Organisational Improvement Plan (£0.8m), work is due to continue into", True),
        ("the overall delivery of those functions which were considered by members", True),
    ],
)
def test_a_line_that_stops_mid_sentence(text: str, open_: bool) -> None:
    assert ends_open(text) is open_


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Executive summary", True),
        ("1.1 Performance dashboard", True),
        ("(westbound) and Newfoundland Circus (westbound) shown on sheets 5 and 6", False),
        ("Ref | Name | Title", False),
        ("relating to new bus gate and traffic lights on", False),
        ("x" * 120, False),
    ],
)
def test_what_can_be_a_heading(line: str, heading: bool) -> None:
    assert heading_shaped(line) is heading


def test_reflow_joins_wrapped_lines_and_keeps_real_breaks() -> None:
    text = (
        "The Chair highlighted that at a recent City Of Sanctuary event, it was a request\n"
        "that Asylum Seekers are provided bus passes.\n"
        "Public Petitions\n"
        "Ref | Name | Title"
    )
    assert reflow(text).split("\n") == [
        "The Chair highlighted that at a recent City Of Sanctuary event, it was a request that Asylum"
        " Seekers are provided bus passes.",
        "Public Petitions",
        "Ref | Name | Title",
    ]


def test_the_sample_minutes_read_in_order_with_their_items_once(corpus_store: Any) -> None:
    from collections import defaultdict

    from tests.conftest import JUNE_2014_MINUTES

    doc = corpus_store.query("SELECT id FROM documents WHERE path = ?", (str(JUNE_2014_MINUTES),))[0]["id"]
    items = corpus_store.query(
        "SELECT id, part, number, title, page_start, text FROM items WHERE document_id = ? ORDER BY position",
        (doc,),
    )
    sections: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in corpus_store.query(
        "SELECT item_id, number, title, page, text FROM sections WHERE document_id = ? ORDER BY position",
        (doc,),
    ):
        sections[row.pop("item_id")].append(row)
    for row in items:
        row["sections"] = sections[row["id"]]
    headings = [b.text for b in blocks(items) if isinstance(b, Heading)]
    assert headings[0] == items[0]["title"] or items[0]["part"] == "front_matter"
    assert len(headings) == len(set(headings)) == len(items)
    assert headings.index("9 Free School Meals Update") > headings.index("7 Quality Assurance Update")
