"""The Whoosh schema, defined once (paperless-ngx `documents/index.py` style), and the one
function that maps a stored section onto index fields.

Invariants:

* One index document per section; item, document and meeting fields are denormalised onto
  it, so a hit can be shown without reading the store.
* An item with no sections (a one-line agenda entry such as "Members to Declare any
  Interests") is indexed as one pseudo-section whose id is the item id, so every item is
  findable.
* `ANALYZER` is used for indexing *and* querying every text field (STYLE.md habit 4).
* Facet fields (`body_name`, `document_kind`, `year`, `item_id`) are single-valued
  sortable columns, read per docnum for counting; `person`/`organisation` are multi-valued
  (`KEYWORD(commas=True)`) with a `|`-joined column copy, so facet counts never read stored
  fields. All facet values are item-level (the same on every section of an item), which is
  what lets one-hit-per-item counts agree with the facets.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Any

from whoosh import analysis, columns, fields

# Stemming with English stop words; minsize 1 keeps item letters and numbers like "A" or "7".
ANALYZER = analysis.StemmingAnalyzer(minsize=1)

# Fields a plain query word searches, with their boosts: a word in an item or section title
# says more about what the section is about than the same word in its running text.
DEFAULT_FIELDS = ("item_title", "section_title", "text")
ITEM_TITLE_BOOST = 3.0
SECTION_TITLE_BOOST = 2.0

# Separator of multi-valued facet columns (names never contain it).
MULTI_SEP = "|"

# Word pairs: a phrase on a text field is matched as its words plus its adjacent stemmed
# word pairs in the field's pair companion (`vector`), far cheaper than checking positions. The
# separator never occurs inside an analysed word (the tokenizer splits on it).
PAIR_SEP = "-"
PAIR_FIELDS = {"text": "text_pairs", "item_title": "item_title_pairs", "section_title": "section_title_pairs"}


class WordPairFilter(analysis.Filter):
    """Adjacent words joined by PAIR_SEP ("free school meals" -> "free-school", "school-meal").

    Whoosh's own `BiWordFilter` fails on an empty token stream and passes a lone word
    through; this emits pairs only, and nothing for fewer than two words.
    """

    def __call__(self, tokens: Any) -> Any:
        previous: str | None = None
        for token in tokens:
            text = token.text
            if previous is not None:
                token.text = f"{previous}{PAIR_SEP}{text}"
                yield token
            previous = text


PAIR_ANALYZER = ANALYZER | WordPairFilter()


# Fields whose terms can be read off a one-value-per-document column instead of postings:
# `body` is analysed from the same string as the `body_name` column, and the others are
# their own columns. A term matches where the column value, analysed like the field,
# contains it (`vector` uses this for filters, which would otherwise read long lists).
TERM_COLUMNS = {"body": "body_name", "document_kind": "document_kind", "year": "year"}


@lru_cache(maxsize=1)
def get_schema() -> fields.Schema:
    """The index schema. Change it and `minutebook reindex` rebuilds from the store."""
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        item_id=fields.ID(stored=True, sortable=True),
        document_id=fields.ID(stored=True),
        document_kind=fields.ID(stored=True, sortable=True),
        document_title=fields.STORED(),
        meeting_id=fields.ID(stored=True),
        meeting_date=fields.STORED(),
        date=fields.DATETIME(stored=False, sortable=True),
        year=fields.ID(stored=True, sortable=True),
        # `body:scrutiny` matches words of the committee name; `body_name` is the exact
        # name for facets.
        body=fields.TEXT(analyzer=ANALYZER, stored=False),
        body_name=fields.ID(stored=True, sortable=True),
        item_number=fields.ID(stored=True),
        # No positions in the searched text fields (`phrase=False`): phrases are matched
        # through the `*_pairs` fields, and unread positions would still be decompressed and
        # unpickled with every posting block (they were most of a 100k-section search).
        item_title=fields.TEXT(analyzer=ANALYZER, stored=True, field_boost=ITEM_TITLE_BOOST, phrase=False),
        section_title=fields.TEXT(
            analyzer=ANALYZER, stored=True, field_boost=SECTION_TITLE_BOOST, phrase=False
        ),
        section_number=fields.STORED(),
        item_position=fields.NUMERIC(stored=False, sortable=True),
        page=fields.NUMERIC(stored=True),
        text=fields.TEXT(analyzer=ANALYZER, stored=True, phrase=False),
        text_pairs=fields.TEXT(analyzer=PAIR_ANALYZER, stored=False, phrase=False),
        item_title_pairs=fields.TEXT(analyzer=PAIR_ANALYZER, stored=False, phrase=False),
        section_title_pairs=fields.TEXT(analyzer=PAIR_ANALYZER, stored=False, phrase=False),
        person=fields.KEYWORD(commas=True, lowercase=True, stored=False),
        organisation=fields.KEYWORD(commas=True, lowercase=True, stored=False),
        person_names=fields.COLUMN(columns.VarBytesColumn()),
        organisation_names=fields.COLUMN(columns.VarBytesColumn()),
        has_resolution=fields.BOOLEAN(stored=True),
        path=fields.STORED(),
    )


def section_fields(
    row: dict[str, Any], people: list[str], orgs: list[str], has_resolution: bool
) -> dict[str, Any]:
    """Map one joined section row (see `backend.SECTION_ROWS_SQL`) onto index fields."""
    date = row["meeting_date"]
    parsed = _parse_date(date)
    values: dict[str, Any] = {
        "id": row["section_id"],
        "item_id": row["item_id"],
        "document_id": row["document_id"],
        "document_kind": row["document_kind"],
        "document_title": row["document_title"],
        "meeting_id": row["meeting_id"],
        "meeting_date": date,
        "year": date[:4] if parsed else "",
        "body": row["body"] or "",
        "body_name": row["body"] or "",
        "item_number": row["item_number"] or "",
        "item_title": row["item_title"] or "",
        "section_title": row["section_title"] or "",
        "section_number": row["section_number"],
        "item_position": int(row["item_position"] or 0),
        "page": int(row["page"] or 0),
        "text": row["text"] or "",
        "text_pairs": row["text"] or "",
        "item_title_pairs": row["item_title"] or "",
        "section_title_pairs": row["section_title"] or "",
        "person": ",".join(people),
        "organisation": ",".join(orgs),
        "person_names": MULTI_SEP.join(people).encode("utf-8"),
        "organisation_names": MULTI_SEP.join(orgs).encode("utf-8"),
        "has_resolution": has_resolution,
        "path": row["path"],
    }
    if parsed:
        values["date"] = parsed
    return values


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.strptime(value[:10], "%Y-%m-%d")
    except ValueError:
        return None
