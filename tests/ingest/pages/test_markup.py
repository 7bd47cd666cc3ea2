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


def test_single_emphasis_markers_go_and_the_words_stay() -> None:
    from ingest.pages.markup import plain_markdown

    assert plain_markdown("*Agreed* to buy a mower.") == "Agreed to buy a mower."
    assert plain_markdown("8   **_Financial Report_**") == "8   **Financial Report**"
    # Not emphasis: an escaped action marker, bold, a marker inside a word, arithmetic.
    assert plain_markdown("\\*Clerk to write.") == "*Clerk to write."
    assert (
        plain_markdown("**bold** and snake_case_name, 3 * 4 * 5") == "**bold** and snake_case_name, 3 * 4 * 5"
    )
