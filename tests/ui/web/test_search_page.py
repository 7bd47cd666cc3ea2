"""The search page says what it does (issue 15): all words required by default, an "Any word"
switch, the syntax and the field names explained, facets with or without words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from search import USER_FIELDS, SearchRequest, search_papers
from tests.ui.web.test_app import captions, markdown, run_page


def result_count(at: object) -> int:
    found = re.search(r"^\*\*(\d+)\*\* results? ", markdown(at), re.MULTILINE)  # type: ignore[arg-type]
    assert found, markdown(at)  # type: ignore[arg-type]
    return int(found.group(1))


def test_a_multi_word_query_requires_all_its_words(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    at = run_page(monkeypatch, corpus_home, q="free school meals")
    every_word = result_count(at)
    assert "All words required." in captions(at)
    assert not at.toggle(key="search_any").value
    # The same words with the switch on find more: every section with any of them.
    at.toggle(key="search_any").set_value(True).run()
    any_word = result_count(at)
    assert any_word > every_word > 0
    assert at.query_params["any"] == "1"
    # The numbers are the engine's own for each mode.
    assert every_word == search_papers(corpus_home, SearchRequest("free school meals"))["total"]
    assert any_word == search_papers(corpus_home, SearchRequest("free school meals", match="any"))["total"]


def test_any_word_from_the_url(monkeypatch: pytest.MonkeyPatch, corpus_home: Path) -> None:
    at = run_page(monkeypatch, corpus_home, q="free school meals", any="1")
    assert at.toggle(key="search_any").value
    assert (
        result_count(at)
        == search_papers(corpus_home, SearchRequest("free school meals", match="any"))["total"]
    )


def test_the_help_explains_the_syntax_and_lists_every_field_name(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path
) -> None:
    at = run_page(monkeypatch, corpus_home, q="children")
    [help_box] = [e for e in at.expander if e.label.startswith("How to search")]
    text = "\n".join(m.value for m in help_box.markdown)
    assert "Plain words are all required" in text and "Any word" in text
    for names, _what in USER_FIELDS:
        assert f"`{names}`" in text, names


def test_facets_alone_browse_without_words(monkeypatch: pytest.MonkeyPatch, corpus_home: Path) -> None:
    at = run_page(monkeypatch, corpus_home, kind="minutes", year="2014")
    total = result_count(at)
    assert (
        total
        == search_papers(
            corpus_home, SearchRequest("", kind="minutes", date_from="2014-01-01", date_to="2014-12-31")
        )["total"]
    )
    assert total > 10
    listed = [c.value for c in at.caption if " · page " in c.value]
    assert listed and all(" · minutes · " in c for c in listed)
    assert dict(at.query_params) == {"kind": "minutes", "year": "2014"}
    # The facets are there with no words, each value with its count.
    assert at.pills(key="search_kind").value == "minutes"
    assert any(o.startswith("Children") for o in at.radio(key="search_body").options)


def test_no_result_with_all_words_offers_any_word(monkeypatch: pytest.MonkeyPatch, corpus_home: Path) -> None:
    at = run_page(monkeypatch, corpus_home, q="pupil zzqxj")
    assert result_count(at) == 0
    assert any("Nothing says all of these words" in i.value for i in at.info)
    next(b for b in at.button if b.label == "Show results with any of the words").click().run()
    assert at.toggle(key="search_any").value
    assert result_count(at) > 0
