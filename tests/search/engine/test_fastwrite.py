"""`FastSegmentWriter` writes the index Whoosh's own `SegmentWriter` writes: the same terms,
postings (docnum, weight, value), field lengths, stored fields and columns, from the same
sections of the sample corpus (and a few hostile texts)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from whoosh import index
from whoosh.writing import SegmentWriter

from minutebook.store import open_store
from search.engine.backend import POSTING_BLOCK, _codec, section_documents
from search.engine.fastwrite import FastSegmentWriter, analysed_words
from search.engine.schema import ANALYZER, PAIR_ANALYZER, get_schema

HOSTILE = [
    "budget " * 3000,
    "",
    "   ",
    "The the THE and of",  # stop words only
    "Free school meals; free-school meals, FREE SCHOOL MEALS 2014/15 £3.5m 12.5% e.g. i.e.",
    "naïve café Ærø façade — “quoted” 'single' children's centre’s",
    "a" * 5000 + " b",
]


def _build(folder: Path, writer_class: type, docs: list[dict[str, Any]]) -> index.Index:
    ix = index.create_in(str(folder), get_schema())
    writer = writer_class(ix, codec=_codec())
    for fields in docs:
        writer.add_document(**fields)
    writer.commit()
    return index.open_dir(str(folder))


def _dump(ix: index.Index) -> dict[str, Any]:
    with ix.reader() as reader:
        postings = {
            (field, text): (_items(reader.postings(field, text)), _info(reader.term_info(field, text)))
            for field, text in reader.all_terms()
        }
        lengths = {
            name: [reader.doc_field_length(d, name) for d in range(reader.doc_count_all())]
            for name in get_schema().scorable_names()
        }
        columns = {
            name: list(reader.column_reader(name)) for name in get_schema().names() if reader.has_column(name)
        }
        totals = {name: reader.field_length(name) for name in get_schema().names()}
        stored = list(reader.all_stored_fields())
    return {"postings": postings, "lengths": lengths, "columns": columns, "totals": totals, "stored": stored}


def _items(matcher: Any) -> list[tuple[Any, ...]]:
    """Every posting with its block's statistics (what skipping and scoring bounds read)."""
    out = []
    while matcher.is_active():
        block = (matcher.block_max_weight(), matcher.block_min_length(), matcher.block_max_length())
        out.append((matcher.id(), matcher.weight(), matcher.value(), *block))
        matcher.next()
    return out


def _info(info: Any) -> tuple[Any, ...]:
    return (info.weight(), info.doc_frequency(), info.min_length(), info.max_length(), info.max_weight())


@pytest.fixture(scope="module")
def sections(corpus_home: Path) -> list[dict[str, Any]]:
    with open_store(corpus_home) as store:
        docs = list(section_documents(store, store.document_ids()))
    for n, text in enumerate(HOSTILE):
        extra = dict(docs[0])
        extra.update(id=f"hostile-{n}", text=text, text_pairs=text, item_title=text, item_title_pairs=text)
        docs.append(extra)
    for n in range(POSTING_BLOCK + 100):  # posting lists longer than one block
        extra = dict(docs[0])
        words = "budget savings " * (1 + n % 7) + f"line{n}"
        extra.update(id=f"block-{n}", text=words, text_pairs=words)
        docs.append(extra)
    return docs


def test_the_fast_writer_writes_what_whooshs_writer_writes(
    sections: list[dict[str, Any]], tmp_path: Path
) -> None:
    (tmp_path / "whoosh").mkdir()
    (tmp_path / "fast").mkdir()
    reference = _dump(_build(tmp_path / "whoosh", SegmentWriter, sections))
    fast = _dump(_build(tmp_path / "fast", FastSegmentWriter, sections))
    assert len(reference["postings"]) > 1000
    assert fast["postings"].keys() == reference["postings"].keys()
    assert fast["postings"] == reference["postings"]
    assert fast["lengths"] == reference["lengths"]
    assert fast["columns"] == reference["columns"]
    assert fast["totals"] == reference["totals"]
    assert fast["stored"] == reference["stored"]


@pytest.mark.parametrize("text", HOSTILE + ["Members noted the Ofsted inspection's outcome (2014)."])
def test_words_and_pairs_are_the_analysers_own(text: str) -> None:
    words = analysed_words(text, {})
    assert words == [token.text for token in ANALYZER(text, mode="index")]
    pairs = [f"{a}-{b}" for a, b in zip(words, words[1:], strict=False)]
    assert pairs == [token.text for token in PAIR_ANALYZER(text, mode="index")]
