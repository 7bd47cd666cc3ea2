"""Query syntax: words, phrases, AND/OR/NOT, field:value, date ranges, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from search import SearchRequest, search_papers
from search.engine.query import parse_user_query, plain_words
from search.engine.schema import get_schema
from tests.search.engine.tiny import tiny_home


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_home(tmp_path_factory.mktemp("query"))


def item_ids(home: Path, query: str, **options: object) -> list[str]:
    result = search_papers(home, SearchRequest(query, limit=50, **options))  # type: ignore[arg-type]
    return sorted(hit["item_id"] for hit in result["hits"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("meals", ["item-meals-2014", "item-meals-2017"]),
        # Stemming: "meal" finds "meals", "academy" finds "academies".
        ("meal", ["item-meals-2014", "item-meals-2017"]),
        ("academy", ["item-academy"]),
        ('"free school meals"', ["item-meals-2014"]),
        ('"school free meals"', []),
        ("meals AND catering", ["item-meals-2017"]),
        ("meals NOT catering", ["item-meals-2014"]),
        ("catering OR bus", ["item-meals-2017", "item-transport"]),
        ("meals body:scrutiny", ["item-meals-2014"]),
        ("meals committee:scrutiny", ["item-meals-2014"]),
        ("meals kind:agenda", ["item-meals-2017"]),
        ("title:transport", ["item-transport"]),
        ("schools date:[2014-01-01 TO 2014-12-31]", ["item-academy", "item-meals-2014"]),
        ("date:[2015-01-01 TO 2015-01-31]", ["item-leavers"]),
        ("meals date:2017", ["item-meals-2017"]),
        ("meals year:2014", ["item-meals-2014"]),
        ("resolution:true", ["item-meals-2017"]),
    ],
)
def test_query_syntax_selects_exactly_these_items(home: Path, query: str, expected: list[str]) -> None:
    assert item_ids(home, query) == expected


@pytest.mark.parametrize(
    "query", ['"unclosed', "AND OR (", "date:[x TO", "date:[x TO y]", ")))", "body:(", "**", ""]
)
def test_malformed_query_is_answered_not_raised(home: Path, query: str) -> None:
    result = search_papers(home, SearchRequest(query))
    assert isinstance(result["hits"], list)
    assert result["total"] == len({h["item_id"] for h in result["hits"]}) or result["total"] > len(
        result["hits"]
    )


def test_bad_query_falls_back_to_its_plain_words_with_a_note(home: Path) -> None:
    result = search_papers(home, SearchRequest("date:[x TO y] kitchen"))
    assert [hit["id"] for hit in result["hits"]] == ["sec-meals-budget"]
    assert any("searched for any of the words" in note for note in result["notes"])


def test_unbalanced_quote_is_noted(home: Path) -> None:
    result = search_papers(home, SearchRequest('"kitchen equipment'))
    assert [hit["id"] for hit in result["hits"]] == ["sec-meals-budget"]
    assert result["notes"]


def test_bad_filter_date_is_ignored_with_a_note(home: Path) -> None:
    result = search_papers(home, SearchRequest("meals", date_from="last tuesday"))
    assert result["total"] == 2
    assert any("--from" in note for note in result["notes"])


def test_filters_narrow_by_body_kind_and_dates(home: Path) -> None:
    assert item_ids(home, "meals", body="scrutiny panel") == ["item-meals-2014"]
    assert item_ids(home, "meals", kind="agenda") == ["item-meals-2017"]
    assert item_ids(home, "meals", date_from="2015-01-01") == ["item-meals-2017"]
    assert item_ids(home, "meals", date_to="2014-03-13") == ["item-meals-2014"]
    assert item_ids(home, "meals", date_from="2014-03-14", date_to="2017-06-19") == []


def test_plain_words_strip_all_syntax() -> None:
    assert (
        plain_words('"pathway planning" AND body:scrutiny NOT (academy)')
        == "pathway planning scrutiny academy"
    )


def test_field_constraints_are_required_but_words_are_alternatives() -> None:
    parsed = parse_user_query("leadership schools date:[2014-01-01 TO 2014-06-30]", get_schema())
    assert type(parsed.query).__name__ == "And"


# ------------------------------------------------------------ all words or any (issue 15)


@pytest.mark.parametrize(
    ("query", "all_words", "any_word"),
    [
        # Every plain word required by default: a section (with its item's title) saying all.
        (
            "free school meals",
            ["item-meals-2014"],
            ["item-academy", "item-meals-2014", "item-meals-2017", "item-transport"],
        ),
        ("catering bus", [], ["item-meals-2017", "item-transport"]),
        ("meals catering", ["item-meals-2017"], ["item-meals-2014", "item-meals-2017"]),
        # A phrase or a field constraint is required either way; the words beside it follow the mode.
        ('"school meals" contract', ["item-meals-2017"], ["item-meals-2014", "item-meals-2017"]),
        ("meals infants kind:minutes", ["item-meals-2014"], ["item-meals-2014"]),
    ],
)
def test_plain_words_are_all_required_unless_any_word_is_asked_for(
    home: Path, query: str, all_words: list[str], any_word: list[str]
) -> None:
    assert item_ids(home, query) == all_words
    assert item_ids(home, query, match="any") == any_word


def test_a_typed_or_ranks_as_any_word_does() -> None:
    schema = get_schema()
    typed = parse_user_query("meals OR catering OR bus", schema).query
    assert typed == parse_user_query("meals OR catering OR bus", schema, "any").query
    # OR inside a phrase is a word of the phrase, not the operator.
    assert type(parse_user_query('"meals or catering" bus', schema).query).__name__ == "And"


def test_search_json_says_which_matching_it_used(home: Path) -> None:
    assert search_papers(home, SearchRequest("meals"))["match"] == "all"
    assert search_papers(home, SearchRequest("meals", match="any"))["match"] == "any"
    assert search_papers(home, SearchRequest("meals", match="bogus"))["match"] == "all"


def test_every_field_name_the_help_lists_is_one_the_parser_knows() -> None:
    from search.engine.query import FIELD_ALIASES
    from search.engine.syntax import USER_FIELDS

    known = set(get_schema().names()) | {a for aliases in FIELD_ALIASES.values() for a in aliases}
    listed = {name.rstrip(":") for names, _ in USER_FIELDS for name in names.split(" or ")}
    assert listed and listed <= known, listed - known
