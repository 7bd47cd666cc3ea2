"""Converted papers' markup brought to the light markup ingest reads (ingest/pages/markup.py)."""

from __future__ import annotations

from ingest.pages.markup import has_html, strip_html


def test_a_text_whose_only_html_is_an_underline_loses_its_tags() -> None:
    # Norfolk's report front sheet (corpus/003) has a table cell holding only "<u> </u>".
    text = "| Report title: | Performance |\n| - | <u> </u> |\nSome <i>emphasised</i> words."
    assert has_html(text)
    cleaned = strip_html(text)
    assert "<u>" not in cleaned and "<i>" not in cleaned
    assert "emphasised" in cleaned


def test_plain_text_with_angle_brackets_is_not_html() -> None:
    assert not has_html("If x < 5 and y > 3 the rule applies.")
