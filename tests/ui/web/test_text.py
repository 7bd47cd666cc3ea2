"""ui/web/text.py: paper text is escaped before it reaches Markdown; matches are highlighted."""

from __future__ import annotations

import pytest

from ui.web.text import (
    count_matches,
    escape_markdown,
    highlight_markdown,
    highlight_text_markdown,
    mark_spans_markdown,
    query_terms,
)


@pytest.mark.parametrize(
    "raw",
    [
        "<script>alert('x')</script>",
        "**not bold** and [a link](http://example.com)",
        ":red[not red] and $x^2$ maths",
        "&lt;b&gt; entity",
        "    indented like code",
    ],
)
def test_escaped_paper_text_has_no_live_markup(raw: str) -> None:
    escaped = escape_markdown(raw)
    # Every markup character is preceded by a backslash, so Markdown shows it literally.
    for char in "<>*[]():$&":
        assert all(escaped[i - 1] == "\\" for i, c in enumerate(escaped) if c == char), (raw, escaped)
    assert not escaped.startswith(" ")


def test_line_breaks_in_paper_text_are_kept_as_hard_breaks() -> None:
    assert escape_markdown("one\ntwo") == "one  \ntwo"


def test_query_terms_drop_operators_fields_and_stopwords() -> None:
    assert query_terms('"free school meals" AND body:children NOT the') == [
        "free",
        "school",
        "meals",
        "children",
    ]
    assert query_terms("") == []


def test_highlight_marks_inflected_forms_and_keeps_spaces() -> None:
    marked = highlight_markdown("Free school meal take-up in schools", ["meals", "school"])
    assert marked == (
        "Free :orange-background[**school**] :orange-background[**meal**] take\\-up in "
        ":orange-background[**schools**]"
    )
    assert count_matches("Schools and school", ["school"]) == 2


def test_highlight_does_not_unescape_script_in_a_match() -> None:
    marked = highlight_markdown("<script>alert(1)</script>", ["script"])
    assert "<" not in marked.replace("\\<", "")
    assert ":orange-background[**script**]" in marked


def test_engine_spans_are_highlighted_and_bad_spans_ignored() -> None:
    text = "eligibility for free school meals"
    assert mark_spans_markdown(text, [[16, 20], [10, 99], [17, 19]]) == (
        "eligibility for :orange-background[**free**] school meals"
    )


def test_pipe_table_rows_are_drawn_as_a_table_with_escaped_highlighted_cells() -> None:
    # corpus/003 prints its header block and dashboard as pipe tables.
    text = (
        "Intro line\n| Report title: | Integrated $x$ report |\n|----|--|\n"
        "| Date | 14 March |\n| <u> | three | extra |\nAfter text"
    )
    markdown = highlight_text_markdown(text, ["report"])
    lines = markdown.split("\n")
    assert lines[0] == "Intro line" and lines[1] == ""
    marked = ":orange-background[**Report**] title\\: | Integrated \\$x\\$ :orange-background[**report**]"
    assert lines[2] == f"| {marked} |   |"
    assert lines[3] == "| --- | --- | --- |"  # as wide as the widest row; the paper's delimiter row dropped
    assert lines[4] == "| Date | 14 March |   |"
    assert lines[5] == "| \\<u\\> | three | extra |"
    assert lines[6:] == ["", "After text"]


@pytest.mark.parametrize(
    "text", ["one line | with a pipe", "| a single | row |\nthen prose", "a | b\nc | d", "||\n||"]
)
def test_text_without_a_pipe_table_reads_as_before(text: str) -> None:
    assert highlight_text_markdown(text, ["row"]) == highlight_markdown(text, ["row"])
