"""Tables as tables (ingest/analyses/tables.py): every row with its cells, the column header
of each cell and its label, placed in the section that stores it."""

from __future__ import annotations

from pathlib import Path

from ingest.analyses.tables import read_tables, row_label
from ingest.pipeline import parse_file
from minutebook.models import Document, Item, Page, Section
from minutebook.store import open_store
from minutebook.text import clean_line
from tests.pdf_fixtures import Table, make_pdf


def _document(page_text: str) -> Document:
    """One page, one item with one section holding the page's text as ingest stores it."""
    stored = "\n".join(clean_line(line) for line in page_text.split("\n"))
    section = Section("s1", "1", "Budget", 1, stored)
    item = Item("i1", "1", "Budget", 1, 1, stored, sections=[section])
    return Document(
        "d", "/papers/p.txt", "report", "Report", None, None, None, None, [Page(1, page_text)], items=[item]
    )


def _cells(rows, label: str) -> dict[str | None, str]:
    row = next(r for r in rows if r.label == label)
    return dict(zip(row.headers, row.cells, strict=True))


def test_pipe_table_rows_keep_their_column_headers() -> None:
    text = (
        "| Division of service | Approved budget | Outturn £m |\n"
        "|---|---|---|\n"
        "| Fostering | 8.384 | 8.834 |\n"
        "| Residential | 3.954 | 10.899 |"
    )
    rows = read_tables(_document(text))
    assert _cells(rows, "Fostering") == {
        "Division of service": "Fostering",
        "Approved budget": "8.384",
        "Outturn £m": "8.834",
    }
    assert [r.label for r in rows] == ["Fostering", "Residential"]
    assert all(r.section_id == "s1" and r.item_id == "i1" and r.page == 1 for r in rows)


def test_tab_table_after_a_subtotal_reuses_the_header_with_its_columns() -> None:
    text = (
        "\t\tArea sq m\tContribution\tExpenditure As at 31/12/13\t+ / -\n"
        "EK1\tNorth Centre\t136\t£3,059.00\t£2,275.00\t£784.00\n"
        "\n"
        "TOTAL\n"
        "\n"
        "EK2\tSouth Centre\t287\t£5,738.00\t£4,496.00\t£1,242.00"
    )
    rows = read_tables(_document(text))
    south = _cells(rows, "EK2 South Centre")
    assert south["Expenditure As at 31/12/13"] == "£4,496.00" and south["+ / -"] == "£1,242.00"
    assert row_label(["EK2", "South Centre", "287", "£5,738.00"]) == "EK2 South Centre"


def test_a_header_spanning_two_columns_names_both() -> None:
    text = "Area\tNot in Receipt\t\tIn Receipt\t\tTotal\nHarleston\t40\t20.6%\t154\t79.4%\t194"
    row = read_tables(_document(text))[0]
    assert row.headers == ["Area", "Not in Receipt", "Not in Receipt", "In Receipt", "In Receipt", "Total"]


def test_group_names_over_the_header_head_the_columns_they_span() -> None:
    text = (
        "\tNorth\t\t\tSouth\t\t\n"
        "\t\tAny\t3+\t\tAny\t3+\n"
        "Families registered\t120\t80\t40\t300\t210\t95\n"
        "Lone parents\t30\t22\t9\t61\t40\t12"
    )
    rows = read_tables(_document(text))
    assert [r.label for r in rows] == ["Families registered", "Lone parents"]
    south = _cells(rows, "Lone parents")
    assert (south["South"], south["South Any"], south["South 3+"]) == ("61", "40", "12")
    assert _cells(rows, "Families registered")["North 3+"] == "40"


def test_a_sparse_line_not_followed_by_a_header_stays_a_row() -> None:
    text = "\tMower\t\tStrimmer\t\nFuel\t£40\t\t£12\t"
    rows = read_tables(_document(text))
    assert [r.label for r in rows] == ["Mower", "Fuel"]
    assert rows[1].cells == ["Fuel", "£40", "", "£12", ""]


def test_a_wrapped_pdf_cell_is_read_back_into_its_row() -> None:
    text = (
        "Ref No | Name | Title\n"
        "08 | Jan Smith | Not enough exit and entry points for\n"
        "Southville north and parking spaces\n"
        "36 | Alan Jones, Walking | Resident Parking Scheme Expansion\n"
        "Alliance | Programme"
    )
    rows = read_tables(_document(text))
    first = dict(zip(rows[0].headers, rows[0].cells, strict=True))
    assert first["Title"] == "Not enough exit and entry points for Southville north and parking spaces"
    assert (
        rows[0].text
        == "08 | Jan Smith | Not enough exit and entry points for\nSouthville north and parking spaces"
    )
    second = dict(zip(rows[1].headers, rows[1].cells, strict=True))
    assert second["Name"] == "Alan Jones, Walking Alliance" and second["Title"].endswith("Programme")


def test_prose_is_no_table() -> None:
    assert read_tables(_document("The Committee noted the report.\nIt was agreed to defer.")) == []


def test_rows_of_a_real_pdf_table_are_stored_with_their_headers(tmp_path: Path) -> None:
    pdf = make_pdf(
        tmp_path / "report.pdf",
        [["Budget monitoring report", "1. Revenue budget", "The table shows the outturn by service."]],
        table=Table(
            page=1,
            rows=[
                ["Service", "Budget 2024/25", "Outturn 2024/25"],
                ["Libraries", "1,200", "1,150"],
                ["Parks", "800", "910"],
            ],
        ),
    )
    doc = parse_file(pdf)
    parks = next(r for r in doc.table_rows if r.label == "Parks")
    assert dict(zip(parks.headers, parks.cells, strict=True)) == {
        "Service": "Parks",
        "Budget 2024/25": "800",
        "Outturn 2024/25": "910",
    }
    home = tmp_path / "home"
    with open_store(home) as store:
        from minutebook.store import FileRecord

        store.replace_document(doc, FileRecord(str(pdf), doc.id, "x", 1, 1.0))
        section_ids = [r.section_id for r in doc.table_rows if r.section_id]
        stored = store.table_rows_of_sections(section_ids)
        assert [r.label for r in stored] == [r.label for r in doc.table_rows if r.section_id]
        assert stored[0].headers == doc.table_rows[0].headers
        assert any(parks.text in s.text for i in doc.items for s in i.sections)
