"""Line breaks put back into a paper whose lines were run together (ingest/structure/reflow)."""

from __future__ import annotations

import time

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


def test_a_long_paper_of_paragraph_lines_is_reflowed_in_time_proportional_to_its_length() -> None:
    """Runs are read through the whole paper; a paper of thousands of numbered paragraphs
    (a text export keeps each paragraph on one line) must not take the square of that."""

    def paper(items: int) -> list[Line]:
        lines = []
        for number in range(1, items + 1):
            lines.append(Line(1, f"{number}. Item heading {number}", False))
            lines.append(
                Line(1, "The committee considered the report and asked officers questions. " * 4, False)
            )
        return lines

    def seconds(lines: list[Line]) -> float:
        start = time.perf_counter()
        reflow(lines)
        return time.perf_counter() - start

    small, large = paper(1_000), paper(8_000)
    seconds(small)  # warm the regular expressions
    # Eight times the paper: about eight times the time (the square would be sixty-four).
    assert seconds(large) < 24 * max(seconds(small), 0.001)
