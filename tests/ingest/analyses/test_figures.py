"""Figures: money normalised to GBP, percentages, and every cell of the 2017 dashboard."""

from __future__ import annotations

import pytest

from ingest.analyses.figures import figures_in_tables, figures_in_text, parse_money
from ingest.pipeline import parse_file
from tests.conftest import MARCH_2017_REPORT
from tests.ingest.analyses.labels_entities import MONEY, PERCENTAGES


@pytest.mark.parametrize(
    ("printed", "pounds", "suspicious"),
    [
        ("£2.67 million", 2_670_000.0, False),
        ("£16M", 16_000_000.0, False),
        ("£400K", 400_000.0, False),
        ("£1.709m", 1_709_000.0, False),
        ("£3.147.700", 3_147_700.0, True),
        ("£56", 56.0, False),
        ("£ 3,410,346", 3_410_346.0, False),
        ("-£0.5m", -500_000.0, False),
    ],
)
def test_money_is_normalised_to_pounds(printed: str, pounds: float, suspicious: bool) -> None:
    assert parse_money(printed) == (pounds, suspicious)


def test_money_exact_value_accuracy_meets_the_floor_on_the_labelled_set() -> None:
    right = total = 0
    wrong = []
    for _, sentence, expected in MONEY:
        found = [f.value for f in figures_in_text(sentence, 1)[0] if f.unit == "GBP"]
        total += max(len(expected), len(found))
        right += sum(1 for a, b in zip(found, expected, strict=False) if a == b)
        if found != expected:
            wrong.append((sentence, found, expected))
    assert right / total >= 0.95, wrong


def test_percentages_are_read_with_their_sentence() -> None:
    for sentence, expected in PERCENTAGES:
        found = [f for f in figures_in_text(sentence, 4)[0] if f.unit == "%"]
        assert [f.value for f in found] == expected
        assert all(f.context == sentence and f.page == 4 for f in found)


def test_guessed_amount_is_flagged_in_warnings() -> None:
    _, warnings = figures_in_text("For 2016/17 this means a maximum funding of £3.147.700.uo", 2)
    assert len(warnings) == 1 and "£3.147.700" in warnings[0]


def test_counts_and_periods_come_with_labels() -> None:
    figures, _ = figures_in_text(
        "Across January 2017, we received 239 referrals into Early Help Family Focus.", 1
    )
    assert [(f.value, f.unit, f.label, f.period) for f in figures] == [
        (239.0, "count", "referrals", "January 2017")
    ]


def test_dates_and_years_are_not_counts() -> None:
    figures, _ = figures_in_text("The meeting on 31 March 2014 considered Year 2 pupils and 3 items.", 1)
    assert figures == []


def _dashboard():
    doc = parse_file(MARCH_2017_REPORT)
    [section] = [s for item in doc.items for s in item.sections if s.number == "1.1"]
    return figures_in_tables(section.text, section.page)


def test_every_non_blank_dashboard_cell_is_a_figure_with_indicator_and_month() -> None:
    cells = _dashboard()
    # Hand count: monthly block 8 + 8 x 14 = 120; quarterly block 11 + 12 + 5 = 28.
    assert len(cells) == 148
    by_key = {(f.label, f.period): (f.value, f.unit) for f in cells}
    assert len(by_key) == 148
    early_help = (
        "Percentage of Referrals into Early Help Services who have had a referral to EH in the"
        " previous 12 months"
    )
    assert [p for (label, p) in by_key if label == early_help] == [
        "Jul 16", "Aug 16", "Sep 16", "Oct 16", "Nov 16", "Dec 16", "Jan 17", "Target",
    ]  # fmt: skip
    assert by_key[(early_help, "Jul 16")] == (8.2, "%")
    assert by_key[(early_help, "Target")] == (20.0, "%")
    cin = "Child in Need (CIN) with up to date CIN Plan"
    assert by_key[(cin, "Jan 16")] == (58.4, "%") and by_key[(cin, "Jan 17")] == (85.7, "%")
    rate = "Rate of Looked-After Children per 10,000 of the overall 0-17 population"
    assert [(p, v) for (label, p), (v, _) in by_key.items() if label == rate] == [
        ("Jun 14", 68.4), ("Sep 14", 66.5), ("Dec 14", 64.5), ("Mar 15", 64.1), ("Jun 15", 64.0),
        ("Sep 15", 63.6), ("Dec 15", 63.1), ("Mar 16", 62.5), ("Jun 16", 62.6), ("Sep 16", 62.8),
        ("Dec 16", 65.5), ("Target", 55.0),
    ]  # fmt: skip
    assert by_key[(rate, "Jun 14")][1] == "rate"
    ofsted = "Increase the percentage of education establishments judged good or better by Ofsted"
    assert sorted(p for (label, p) in by_key if label == ofsted) == [
        "Dec 14",
        "Dec 15",
        "Dec 16",
        "Sep 16",
        "Target",
    ]
    pep = "LAC with up to date Personal Education Plan (PEP)"
    assert (pep, "Dec 15") not in by_key and by_key[(pep, "Mar 16")] == (73.5, "%")
    assert all(f.source == "table" for f in cells)


def test_money_columns_take_their_scale_from_the_header() -> None:
    text = "| Division | Outturn £m | Balance £000 |\n|---|---|---|\n| Early Years | 1.727 | 250 |\n"
    cells = figures_in_tables(text, 3)
    assert [(f.label, f.period, f.value, f.unit) for f in cells] == [
        ("Early Years", "Outturn £m", 1_727_000.0, "GBP"),
        ("Early Years", "Balance £000", 250_000.0, "GBP"),
    ]
