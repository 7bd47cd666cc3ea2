"""Our snippet highlighter marks exactly the words the index analyser turns into a query's
terms, in non-overlapping fragments, within the snippet cap whatever the text."""

from __future__ import annotations

import pytest

from search.engine.schema import ANALYZER
from search.engine.snippets import (
    SCAN_CHARS,
    SNIPPET_MAX_CHARS,
    _analysis,
    analysed,
    make_snippet,
    matched_spans,
)
from tests.conftest import CORPUS


def _corpus_texts() -> list[str]:
    return [path.read_text(encoding="utf-8")[:SCAN_CHARS] for path in sorted(CORPUS.glob("*.txt"))]


@pytest.mark.parametrize("text", _corpus_texts(), ids=lambda t: t[:20])
def test_words_are_analysed_exactly_as_the_index_analyses_them(text: str) -> None:
    pattern, _stops, _stem = _analysis()
    ours = [(m.start(), term) for m in pattern.finditer(text) if (term := analysed(m.group(0)))]
    whoosh = [(t.startchar, t.text) for t in ANALYZER(text, chars=True)]
    assert ours == whoosh


def test_marks_are_the_query_terms_in_any_inflection() -> None:
    text = "The Committee noted that free school meal uptake rose; schools were MEALS providers."
    snippet = make_snippet(text, frozenset({"school", "meal"}))
    marked = [snippet["snippet"][a:b] for a, b in snippet["spans"]]
    assert marked == ["school", "meal", "schools", "MEALS"]
    assert snippet["marked"].count("**") == 2 * len(marked)


def test_fragments_do_not_overlap_and_stay_in_text_order() -> None:
    filler = " ".join(f"word{n}" for n in range(40))
    text = f"alpha {filler} beta {filler} alpha {filler} beta alpha {filler} gamma"
    snippet = make_snippet(text, frozenset({"alpha", "beta", "gamma"}))
    parts = snippet["snippet"].split(" … ")
    assert 1 < len(parts) <= 3
    positions = [text.find(part) for part in parts]
    assert all(p >= 0 for p in positions), "every fragment is a piece of the text"
    ends = [p + len(part) for p, part in zip(positions, parts, strict=True)]
    assert all(end <= start for end, start in zip(ends, positions[1:], strict=False))


def test_a_snippet_is_capped_and_markup_in_the_paper_is_not_read_as_marks() -> None:
    text = ("**bold** budget " + "x" * 10_000 + " ") * 300
    snippet = make_snippet(text, frozenset({"budget"}))
    assert len(snippet["snippet"]) <= SNIPPET_MAX_CHARS + 1
    assert all(snippet["snippet"][a:b] == "budget" for a, b in snippet["spans"])
    assert snippet["spans"]


def test_no_marked_word_gives_the_plain_opening() -> None:
    snippet = make_snippet("Nothing here   matches.\n" * 50, frozenset({"budget"}))
    assert snippet["spans"] == [] and snippet["snippet"].startswith("Nothing here matches.")
    assert matched_spans("", frozenset({"budget"})) == []
