"""User query text and filters -> Whoosh queries. Never raises on bad input.

Syntax (CONTRACT.md): words, "phrases", AND/OR/NOT, field:value, and date ranges
(`date:[2014-01-01 TO 2014-06-30]`). Field names users may type are mapped onto schema
fields by `FIELD_ALIASES` (a registry, not an if/else chain); `syntax.USER_FIELDS` is the
list the help shows, each name with what it searches.

Plain words are all required (`match="all"`, the default): `free school meals` finds the
sections that say all three words, as a reader expects of a search box, not the many that
only say "school". Where the user types OR, or asks for any word (`match="any"`: the
interface's "any word" switch, the command line's `--any`), words are OR-ed with a bonus for
matching several of them, as before: `free school meals eligibility` then still finds a
section that never says "eligibility" but ranks the ones that do first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from whoosh import qparser, query
from whoosh.fields import Schema

from search.engine.schema import ANALYZER, DEFAULT_FIELDS

# Schema field -> other names users may type for it (whoosh's FieldAliasPlugin format).
FIELD_ALIASES: dict[str, list[str]] = {
    "body": ["committee"],
    "document_kind": ["kind", "type"],
    "item_title": ["title"],
    "item_number": ["item"],
    "section_title": ["section"],
    "organisation": ["org", "organization"],
    "has_resolution": ["resolution", "resolved"],
}
_KNOWN_FIELDS = {alias for aliases in FIELD_ALIASES.values() for alias in aliases}

# The OR group's bonus for documents matching more of the words (whoosh's OrGroup.factory).
OR_BONUS = 0.9

_FIELD_PREFIX = re.compile(r"\b([A-Za-z_]+):")
# A typed OR (outside quotes): the user has chosen alternatives, so words are ranked as before.
_TYPED_OR = re.compile(r"\bOR\b")
_QUOTED = re.compile(r'"[^"]*"')
_SYNTAX = re.compile(r'[()\[\]{}"^~*?:]|\b(?:AND|OR|NOT|TO)\b')


@dataclass
class ParsedQuery:
    """The user's query as Whoosh sees it, and notes to show the user about how it was read."""

    query: query.Query
    notes: list[str] = field(default_factory=list)


def _parser(schema: Schema, any_word: bool) -> qparser.MultifieldParser:
    # No DateParserPlugin: DATETIME's own parser reads `date:2014-06`, `date:[2014-01-01 TO
    # 2014-06-30]` exactly, where the plugin's English parser widened the range to the year.
    group = qparser.OrGroup.factory(OR_BONUS) if any_word else qparser.AndGroup
    parser = qparser.MultifieldParser(list(DEFAULT_FIELDS), schema=schema, group=group)
    parser.add_plugin(qparser.FieldAliasPlugin(FIELD_ALIASES))
    return parser


def typed_or(text: str) -> bool:
    """Whether the user wrote the OR operator (outside a quoted phrase)."""
    return bool(_TYPED_OR.search(_QUOTED.sub(" ", text or "")))


def parse_user_query(text: str, schema: Schema, match: str = "all") -> ParsedQuery:
    """Parse `text`; a query Whoosh cannot parse is searched as its plain words, with a note.

    `match` is "all" (every plain word required) or "any" (any word, more words ranked
    higher); a typed OR reads the whole query the "any" way, so its ranking is unchanged.
    """
    text = (text or "").strip()
    if not text:
        return ParsedQuery(query.Every(), [])
    any_word = match == "any" or typed_or(text)
    notes: list[str] = []
    unknown = sorted(
        {
            name
            for name in _FIELD_PREFIX.findall(text)
            if name.lower() not in _KNOWN_FIELDS and name not in schema
        }
    )
    if unknown:
        notes.append(f"unknown field(s) {', '.join(unknown)}: searched as words")
    if text.count('"') % 2:
        notes.append("unbalanced quote: the words after it were searched without the phrase")
    parsed: query.Query
    problem: str | None = None
    try:
        parsed = _parser(schema, any_word).parse(text)
    except Exception as err:  # whoosh raises bare Exceptions for bad dates and the like
        parsed, problem = query.NullQuery, str(err) or type(err).__name__
    if isinstance(parsed, query.qcore._NullQuery) and problem is None:
        problem = "nothing searchable left after parsing"
    elif problem is None and _has_null_part(parsed):
        notes.append("part of the query could not be read and was left out")
    if problem:
        # What is left of a query that could not be read holds debris of its syntax (the `x`
        # of `date:[x TO y]`), so any of its words is enough, best matches first.
        words = plain_words(text)
        notes.append(
            f"could not read the query as written ({problem}); searched for any of the words:"
            f" {words or '(none)'}"
        )
        parsed = words_query(words, any_word=True) if words else query.NullQuery
    return ParsedQuery(_constraints_first(parsed), notes)


def _has_null_part(node: query.Query) -> bool:
    if isinstance(node, query.qcore._NullQuery):
        return True
    return not node.is_leaf() and any(_has_null_part(child) for child in node.children())


def _fields(node: query.Query) -> set[str]:
    if node.is_leaf():
        name = node.field() if hasattr(node, "field") else None
        return {name} if name else set()
    return {name for child in node.children() for name in _fields(child)}


def _constraints_first(parsed: query.Query) -> query.Query:
    """Make field constraints (`body:scrutiny`, `date:[...]`, `kind:minutes`) and NOTs required.

    When plain words are OR-ed (any word, or a typed OR), a user who writes
    `date:[2014-01-01 TO 2014-06-30] leadership` still means "leadership, within those
    dates", not "either". (With all words required the top node is an And already.)
    """
    if not isinstance(parsed, query.Or):
        return parsed
    constraints = [
        c
        for c in parsed.subqueries
        if isinstance(c, query.Not) or (_fields(c) and not _fields(c) & set(DEFAULT_FIELDS))
    ]
    if not constraints or len(constraints) == len(parsed.subqueries):
        return parsed
    words = [c for c in parsed.subqueries if c not in constraints]
    rest = words[0] if len(words) == 1 else query.Or(words, scale=OR_BONUS)
    return query.And([*constraints, rest])


def plain_words(text: str) -> str:
    """The query's words with all syntax stripped: operators, quotes, brackets, field names."""
    text = _FIELD_PREFIX.sub(" ", text)
    text = _SYNTAX.sub(" ", text)
    return " ".join(text.split())


def words_query(words: str, any_word: bool = False) -> query.Query:
    """The analysed words over the default fields, all required or (`any_word`) OR-ed: the
    fallback for a bad query."""
    terms = [token.text for token in ANALYZER(words)]
    if not terms:
        return query.NullQuery
    per_term = [query.Or([query.Term(name, term) for name in DEFAULT_FIELDS]) for term in terms]
    if len(per_term) == 1:
        return per_term[0]
    return query.Or(per_term, scale=OR_BONUS) if any_word else query.And(per_term)


# ------------------------------------------------------------------- filters


@dataclass
class Filters:
    """The command line's narrowing options; all optional, all AND-ed together."""

    body: str | None = None
    kind: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    person: list[str] | None = None
    org: list[str] | None = None


def filter_query(filters: Filters, notes: list[str]) -> query.Query | None:
    """A query every hit must match, or None when nothing narrows the search.

    `person`/`org` are lists of canonical names already resolved against the index (see
    `backend.resolve_names`), because users type "Joyce" for "Mr J Joyce".
    """
    parts: list[query.Query] = []
    if filters.body:
        words = [token.text for token in ANALYZER(filters.body)]
        if words:
            parts.append(query.And([query.Term("body", word) for word in words]))
    if filters.kind:
        parts.append(query.Term("document_kind", filters.kind.strip().lower()))
    start = _date_arg(filters.date_from, "--from", notes)
    end = _date_arg(filters.date_to, "--to", notes)
    if start or end:
        # The range end is inclusive of the whole day.
        parts.append(
            query.DateRange(
                "date", start, end + timedelta(days=1) - timedelta(microseconds=1) if end else None
            )
        )
    for name, names in (("person", filters.person), ("organisation", filters.org)):
        if names is not None:
            parts.append(query.Or([query.Term(name, n.lower()) for n in names]) if names else query.NullQuery)
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else query.And(parts)


def _date_arg(value: str | None, option: str, notes: list[str]) -> datetime | None:
    if not value:
        return None
    for fmt, length in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            return datetime.strptime(value.strip()[:length], fmt)
        except ValueError:
            continue
    notes.append(f"{option} {value!r} is not a date (use YYYY-MM-DD); ignored")
    return None
