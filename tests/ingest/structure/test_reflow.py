"""Line breaks put back into a paper whose lines were run together (ingest/structure/reflow)."""

from __future__ import annotations

from ingest.structure.lines import Line
from ingest.structure.reflow import LONG_LINE, reflow

RUN_TOGETHER = (
    "Minutes of the Meeting of Holtby Town Council held on Monday 1 September 2008 Present: Cllr G "
    "Hughes, Cllr K Butcher. 1. APOLOGIES FOR ABSENCE Cllr R Silvester. 2. DECLARATIONS OF INTERESTS "
    "None. 3. MINUTES Of the Meeting of Monday 7 July 2008 were approved. 4. MATTERS ARISING None."
)


def texts(lines: list[Line]) -> list[str]:
    return [line.text for line in lines]


def test_a_run_together_paper_is_cut_before_its_fields_and_items_and_loses_no_word() -> None:
    pieces = texts(reflow([Line(1, RUN_TOGETHER, False)]))
    assert [piece.split()[0] for piece in pieces] == ["Minutes", "Present:", "1.", "2.", "3.", "4."]
    assert " ".join(pieces).split() == RUN_TOGETHER.split()


def test_dates_and_sums_in_a_long_paragraph_never_start_items() -> None:
    prose = (
        "The Clerk reported that the grass was cut on 1 September, 2 October and 3 November 2024 at a "
        "cost of 3 Hundred pounds each time, and that 4 Members had asked for a fourth cut; the Council "
        "will decide when the contract is renewed in the spring, as it did in 2023 and 2022 before it."
    )
    assert len(prose) >= LONG_LINE
    assert texts(reflow([Line(1, prose, False)])) == [prose]


def test_ordinary_lines_are_left_as_they_are() -> None:
    lines = [Line(1, "1. Apologies 2. Minutes 3. Finance", False), Line(2, "Present: Cllr A", True)]
    assert reflow(lines) == lines
