"""Passages split into units once (search/ask/passages.py): verbatim sentences, rows and
headings."""

from __future__ import annotations

from minutebook.models import TableRow
from search.ask.passages import Passage


def _passage(text: str, rows: list[TableRow] | None = None, title: str | None = None) -> Passage:
    return Passage(
        "s", text, "d", "Minutes", "minutes", "Committee", "2014-06-17", 1, item_title=title, rows=rows or []
    )


def test_units_are_verbatim_pieces_of_the_passage() -> None:
    text = (
        "9 Free School Meals Update\n"
        "The Committee received the report. Mr. Joyce asked why the take up had fallen\n"
        "since the change. Officers advised that a written answer would be provided.\n"
        "| Service | Budget |\n"
        "| Meals | 1.2 |"
    )
    row = TableRow(1, 0, 0, ["Meals", "1.2"], ["Service", "Budget"], "Meals", "| Meals | 1.2 |")
    passage = _passage(text, [row], title="Free School Meals Update")
    units = passage.units
    assert all(text[u.start : u.end] == u.text for u in units)
    assert [u.kind for u in units] == ["heading", "sentence", "sentence", "sentence", "row", "row"]
    assert units[2].text == "Mr. Joyce asked why the take up had fallen\nsince the change."
    assert units[2].asks and not units[3].asks
    assert units[-1].row is row


def test_units_are_computed_once() -> None:
    passage = _passage("One sentence. Another one.")
    assert passage.units is passage.units


def test_resolutions_mark_what_was_decided() -> None:
    passage = _passage("9.2 The Committee RESOLVED that the report be noted.")
    passage.resolutions = ["The Committee RESOLVED that the report be noted."]
    assert passage.in_resolution(passage.units[0].text)
    assert not passage.in_resolution("Members discussed the report.")


def test_each_line_of_a_list_bulleted_in_a_symbol_font_is_a_unit_of_its_own() -> None:
    # PDF text extraction gives a Symbol-font bullet as a private-use character; the parish
    # minutes list one payment a line so, and no line ends in a full stop.
    text = (
        "The following payments were agreed:\n"
        "\uf0b7 A Gardener (grass cutting at the playing field and churchyard) - £100.00\n"
        "\uf0b7 Web Services Ltd (parish website redesign and hosting for a year) - £150.00\n"
        "\uf0b7 J Smith, petrol £111.51 (including VAT of £18.58)."
    )
    units = [u.text for u in _passage(text).units]
    assert units[1:] == text.split("\n")[1:]
