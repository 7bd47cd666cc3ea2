"""Golden attendance and declarations for two Norfolk minutes and two Bristol minutes."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.pipeline import parse_file
from minutebook.models import Document, Page
from tests.conftest import JUNE_2014_MINUTES, MARCH_2014_PANEL_MINUTES, real_pdfs


def _table(doc: Document) -> dict[str, tuple[str, str | None, str | None]]:
    return {a.person: (a.status, a.role, a.substituting_for) for a in doc.attendance}


P = "present"


def test_march_2014_panel_minutes_attendance_is_exact() -> None:
    doc = parse_file(MARCH_2014_PANEL_MINUTES)
    member = [
        "Mr R Bearman", "Mr D Collis", "Mr D Crawford", "Mrs M Dewsbury", "Mr C Foulger",
        "Mr T Garrod", "Mr P Gilmour", "Mr B Hannah", "Mr M Kiddle-Morris", "Mrs J Leggett",
        "Mr J Perkins", "Mr M Sands", "Mr R Smith", "Miss J Virgo",
    ]  # fmt: skip
    expected = {name: (P, None, None) for name in member}
    expected.update(
        {
            "Mrs J Chamberlin": (P, "Chairman", None),
            "Ms E Corlett": ("substitute", None, "Ms D Gihawi"),
            "Mr E Seward": ("substitute", None, "Dr M Strong"),
            "Dr K Byrne": (P, "Parent Governor Representative", None),
            "Mr A Mash": (P, "Church Representative", None),
            "Mr M Castle": (P, "Non-Voting Cabinet Member (Education and Schools)", None),
            "Mr J Joyce": (P, "Non-Voting Cabinet Member (Safeguarding)", None),
            "Ms V Aldous": (P, "Non-Voting Co-opted Advisor (Primary Education)", None),
            "Mr A Robinson": (P, "Non-Voting Co-opted Advisor (Norfolk Governor Network)", None),
            "Mrs C Smith": (P, "Non-Voting Co-opted Advisor (Secondary Education)", None),
            "Mr N Shaw": ("in_attendance", None, None),
            "Ms D Gihawi": ("apologies", None, None),
            "Dr M Strong": ("apologies", None, None),
            "Mrs S Vertigan": ("apologies", None, None),
            "Mrs H Bates": ("apologies", None, None),
            "Dr L Poliakoff": ("apologies", None, None),
            "Ms T Humber": ("apologies", None, None),
        }
    )
    assert _table(doc) == expected
    assert [(d.person, d.interest, d.item_number) for d in doc.declarations] == [
        (
            "Mrs J Leggett",
            "as a member of the management committee of Leeway, which was mentioned at various points"
            " within the agenda",
            None,
        )
    ]


def test_june_2014_committee_minutes_attendance_is_exact() -> None:
    doc = parse_file(JUNE_2014_MINUTES)
    member = [
        "Mr D Collis", "Ms E Corlett", "Mr D Crawford", "Mrs M Dewsbury", "Mr C Foulger",
        "Mr T Garrod", "Mr P Gilmour", "Ms D Gihawi", "Mr M Kiddle-Morris", "Mrs J Leggett",
        "Mr J Perkins", "Mr E Seward", "Mr R Smith", "Miss J Virgo",
    ]  # fmt: skip
    expected = {name: (P, None, None) for name in member}
    expected.update(
        {
            "Mr J Joyce": (P, "Chair", None),
            "Mr R Bearman": (P, "Vice Chair", None),
            "Mr W Northam": ("substitute", None, "Mrs Chamberlin"),
            "Dr K Byrne": (P, "Parent Governor Representative", None),
            "Ms S Vertigan": (P, "Parent Governor Representative", None),
            "Ms V Aldous": (P, "Non-Voting Co-opted Advisor", None),
            "Ms B Carrington": (P, "Non-Voting Co-opted Advisor", None),
            "Mr A Robinson": (P, "Non-Voting Co-opted Advisor", None),
            "Mr P Hacon": ("in_attendance", None, None),
            "Dr M Strong": ("in_attendance", None, None),
            "Mrs Chamberlin": ("apologies", None, None),
            "Mr Mash": ("apologies", None, None),
            "Ms Smith": ("apologies", None, None),
            "Ms Humber": ("apologies", None, None),
        }
    )
    assert _table(doc) == expected
    assert doc.declarations == []  # "No declarations made."


@pytest.mark.realpdfs
def test_bristol_minutes_with_a_substitute_attendance_is_exact() -> None:
    doc = parse_file(real_pdfs() / "bristol_tcpc_2024-09-12_printed_minutes.pdf")
    plain = ["Donald Alexander", "Rob Bryher", "Tim Rippington", "Emma Edwards", "Kaz Self", "David Wilcox"]
    expected = {name: (P, None, None) for name in plain}
    expected.update(
        {
            "Ed Plowden": (P, "Chair", None),
            "Graham Morris": (P, "Vice-Chair", None),
            "Jos Clark": ("substitute", None, "Councillor Coombes"),
            "Councillor Coombes": ("apologies", None, None),
        }
    )
    assert _table(doc) == expected
    assert doc.declarations == []  # "There were none."


@pytest.mark.realpdfs
def test_bristol_minutes_with_officers_in_attendance_is_exact() -> None:
    doc = parse_file(real_pdfs() / "bristol_tcpc_2026-03-19_printed_minutes.pdf")
    plain = [
        "Rob Bryher", "Nicholas Coombes", "Emma Edwards", "Tom Renhard", "Tim Rippington", "Kaz Self",
        "David Wilcox",
    ]  # fmt: skip
    expected = {name: (P, None, None) for name in plain}
    expected.update(
        {
            "Ed Plowden": (P, "Chair", None),
            "Graham Morris": (P, "Vice-Chair", None),
            "John Smith": ("in_attendance", "Officer (Executive Director: Growth & Regeneration)", None),
            "Patsy Mellor": ("in_attendance", "Officer (Director, Management of Place)", None),
            "Adam Crowther": ("in_attendance", "Officer (Head of City Transport)", None),
        }
    )
    assert _table(doc) == expected
    assert doc.declarations == []


@pytest.mark.realpdfs
def test_bristol_decision_notice_lists_present_and_apologies() -> None:
    doc = parse_file(real_pdfs() / "bristol_tcpc_2024-09-12_decisions.pdf")
    table = _table(doc)
    assert table["Nicholas Coombes"] == ("apologies", None, None)
    assert table["Emma Edwards"] == (P, "Leader of the Green Group", None)
    assert sum(1 for status, _, _ in table.values() if status == P) == 9


def test_declaration_names_the_item_and_reports_and_agendas_have_no_attendance(tmp_path: Path) -> None:
    paper = tmp_path / "minutes.txt"
    paper.write_text(
        "Audit Committee\n\nMinutes of the meeting held on 3 March 2020\n\nPresent:\n\n"
        "Mr A Brown (Chairman)\nMrs B Green\n\n1. Apologies\n\n1.1 There were no apologies.\n\n"
        "2. Declarations of Interest\n\n2.1 Mrs Green declared a personal interest in item 5 as a"
        " governor of Hillside School.\n\n3. Minutes\n\n3.1 The minutes were agreed.\n"
    )
    doc = parse_file(paper)
    assert doc.kind == "minutes"
    assert _table(doc) == {"Mr A Brown": (P, "Chairman", None), "Mrs B Green": (P, None, None)}
    assert [(d.person, d.item_number) for d in doc.declarations] == [("Mrs B Green", "5")]


def test_a_parish_attendance_line_gives_each_person_the_role_after_them() -> None:
    # Burton-cum-Walden's minutes list the councillors, then ", Councillors", then each officer
    # with ", Clerk"; a name may break across lines after its given name.
    page = (
        "MINUTES OF THE PARISH COUNCIL MEETING\n"
        "Present: Miss Ann Hale, Mr Ben Cole and Mrs Cara\n"
        "Dunn, Councillors, Mrs Dee Fox, Clerk and Mr Eli Gray, Assistant Clerk\n"
        "1. Apologies\n"
        "There were none."
    )
    doc = Document(
        "d", "/p.pdf", "minutes", "Minutes", "Parish Council", "2025-01-07", None, None, [Page(1, page)]
    )
    from ingest.analyses.attendance import extract_attendance

    extract_attendance(doc)
    assert _table(doc) == {
        "Ann Hale": (P, "Councillors", None),
        "Ben Cole": (P, "Councillors", None),
        "Cara Dunn": (P, "Councillors", None),
        "Dee Fox": (P, "Clerk", None),
        "Eli Gray": (P, "Assistant Clerk", None),
    }
