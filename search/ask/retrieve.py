"""Stage 2: a question -> candidate passages, from the search index, loaded from the store.

The question's subject stems are searched as an OR over the indexed titles and text (the
index's BM25F, title boosts included). A period the question names is a preference, never a
filter: a second search restricted to that period's meetings adds its best sections, so a
question about "June 2014" always sees that meeting's papers. The papers among the best hits
(and those of the meeting the question dates) add their front matter (who attended, who
chaired, the notice of the meeting) when ingest kept it outside every item.

Invariants:

* Reads the index (document frequencies, one or two top-N searches) and then the store by key
  only (section, item and document ids): the cost grows with the number of candidates, never
  with the archive. The caller opens the store once and passes it in.
* No index or no store under `home` means no passages (the caller abstains), never an error.
* A passage's text is stored text (a section, an item without sections, or the plain text of
  a paper's first page before its first item), so any substring of it is a verbatim quote.
"""

from __future__ import annotations

import calendar
import math
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from whoosh import query

from minutebook.store import Store
from minutebook.text import plain_text
from search.ask.lexicon import stem_set, variants
from search.ask.passages import Passage
from search.ask.periods import Period
from search.ask.question import SENTENCE_TYPES, Question
from search.engine.backend import searching, top_sections
from search.engine.schema import DEFAULT_FIELDS

# How many sections the main search keeps, and how many more the period search may add. A
# figure, date or name asked for in other words than the paper's sits in a section that ranks
# low (a table row of figures, a short sentence among long reports: in the frozen set the
# labelled section sat at ranks 81 to 233 for a fifth of the questions whose right answer was
# never a candidate), so typed questions search deep; reading is bounded by
# `candidates.KEEP_UNITS`, not by this. A sentence answer (a decision, a request) is about
# the subject, whose own section ranks high, and deeper sections only add rival sentences.
CANDIDATES = 200
SENTENCE_CANDIDATES = 60
PREFERRED = 25
# The rarest few words of the question get a search of their own, adding this many sections.
RARE_TERMS = 3
RARE_CANDIDATES = 20
# Papers whose front matter joins the candidates: the best few among the hits; and how much
# of a first page front matter may be (a text paper's one page is the whole paper).
FRONT_MATTER_DOCS = 5
FRONT_MATTER_CHARS = 6000
# Words in more than this share of sections barely change which sections rank best, yet make
# the OR query score most of the index: they are left out of the query (the ranking still
# counts them), keeping at least `MIN_QUERY_TERMS` of the rarest words. In a small archive
# every word is cheap to search: only words in more than `COMMON_FLOOR` sections are dropped.
COMMON_SHARE = 0.08
MIN_QUERY_TERMS = 3
COMMON_FLOOR = 2000
_BATCH = 400
# Which papers hold each of the question's rarer words (a council's or a place's name, a
# committee, a scheme): looked up for words in at most `PAPER_TERM_SECTIONS` sections, at
# most `PAPER_TERMS` of them, rarest first. A commoner word is taken to be in every paper.
PAPER_TERM_SECTIONS = 300
PAPER_TERMS = 6

_SECTION_ROWS = """
SELECT s.id AS passage_id, s.text, s.title AS section_title, s.page,
       i.id AS item_id, i.number AS item_number, i.title AS item_title,
       d.id AS document_id, d.title AS document_title, d.kind AS document_kind,
       COALESCE(m.body, d.body) AS body, COALESCE(m.date, d.meeting_date) AS meeting_date
FROM sections s JOIN items i ON i.id = s.item_id JOIN documents d ON d.id = s.document_id
LEFT JOIN meetings m ON m.id = d.meeting_id
WHERE s.id IN ({marks})
"""
# Items without sections are indexed as one pseudo-section whose id is the item id
# (`search.engine.backend.SECTION_ROWS_SQL`); their passage is the item's own text.
_ITEM_ROWS = """
SELECT i.id AS passage_id, i.text, NULL AS section_title, COALESCE(i.page_start, 1) AS page,
       i.id AS item_id, i.number AS item_number, i.title AS item_title,
       d.id AS document_id, d.title AS document_title, d.kind AS document_kind,
       COALESCE(m.body, d.body) AS body, COALESCE(m.date, d.meeting_date) AS meeting_date
FROM items i JOIN documents d ON d.id = i.document_id LEFT JOIN meetings m ON m.id = d.meeting_id
WHERE i.id IN ({marks})
"""
_DOCUMENT_ROWS = """
SELECT d.id, d.title, d.kind, COALESCE(m.body, d.body) AS body,
       COALESCE(m.date, d.meeting_date) AS meeting_date
FROM documents d LEFT JOIN meetings m ON m.id = d.meeting_id WHERE d.id IN ({marks})
"""


@dataclass
class Retrieved:
    """The passages retrieved for one question, best first, with what the later stages weigh
    them by: the archive's size and document frequencies (idf), and, per paper, the people,
    organisations and places ingest found in it and its attendance record."""

    passages: list[Passage]
    doc_count: int = 0
    df: dict[str, int] = field(default_factory=dict)
    names: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    attendance: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # Papers of the meeting the question dates, and papers among the best hits, best first.
    documents: list[str] = field(default_factory=list)
    # For the question's rarer words (`PAPER_TERMS`), the papers holding each anywhere in
    # their indexed text; a word not looked up is in every paper.
    term_papers: dict[str, frozenset[str]] = field(default_factory=dict)
    # The bodies (as stored on papers) the question names by their own words (`named_bodies`).
    bodies: frozenset[str] = frozenset()

    def in_paper(self, term: str, document_id: str) -> bool:
        """Whether the paper holds `term` (or one of its forms) anywhere in its indexed text."""
        papers = self.term_papers.get(term)
        return papers is None or document_id in papers

    def idf(self, term: str) -> float:
        """BM25 idf over the whole index; a word no paper uses gets the highest weight."""
        n = max(1, self.doc_count)
        df = self.df.get(term, 0)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))


def content_query(terms: list[str]) -> query.Query:
    """Any of the stems in any default field (titles carry their schema boosts)."""
    return query.Or([query.Term(name, term) for term in terms for name in DEFAULT_FIELDS])


def period_range(period: Period) -> query.Query | None:
    """The meeting dates a period covers (a month-only period names no meeting)."""
    if period.yearless:
        return None
    start = datetime(period.start.year, period.start.month, period.start.day)
    end = datetime(period.end.year, period.end.month, period.end.day, 23, 59, 59)
    if period.kind == "day":  # a meeting "on 5 May" is dated that day; allow its month
        last = calendar.monthrange(period.start.year, period.start.month)[1]
        start = datetime(period.start.year, period.start.month, 1)
        end = datetime(period.start.year, period.start.month, last, 23, 59, 59)
    return query.DateRange("date", start, end)


def query_terms(terms: list[str], df: dict[str, int], doc_count: int) -> list[str]:
    """The words worth searching for: all but the very common, never fewer than the
    `MIN_QUERY_TERMS` rarest (in question order)."""
    limit = max(COMMON_SHARE * doc_count, COMMON_FLOOR)
    keep = {t for t in terms if df.get(t, 0) <= limit}
    if len(keep) < MIN_QUERY_TERMS:
        keep |= set(sorted(terms, key=lambda t: df.get(t, 0))[:MIN_QUERY_TERMS])
    return [t for t in terms if t in keep]


def _dated_documents(home: Path, periods: list[Period], q: query.Query | None) -> list[str]:
    """Papers of meetings in the periods the question ties to a meeting, those whose sections
    best match the question first."""
    ranges = [r for r in (period_range(p) for p in periods) if r is not None]
    if not ranges:
        return []
    docs: list[str] = []
    found = top_sections(home, q, 200, query.Or(ranges)) if q is not None else []
    found += top_sections(home, query.Or(ranges), 200)
    for _id, document_id, _score in found:
        if document_id not in docs:
            docs.append(document_id)
    return docs[:FRONT_MATTER_DOCS]


def retrieve(home: Path, store: Store, question: Question, limit: int | None = None) -> Retrieved:
    """The best passages for `question`, best first (see the module docstring)."""
    if limit is None:
        limit = SENTENCE_CANDIDATES if question.answer_type in SENTENCE_TYPES else CANDIDATES
    terms = question.terms
    searched = list(dict.fromkeys(terms + [v for t in terms for v in sorted(variants(t))]))
    with searching(home) as found:
        if found is None:
            return Retrieved([])
        searcher = found[0]
        df = {t: max(searcher.doc_frequency(name, t) for name in DEFAULT_FIELDS) for t in searched}
        for term in terms:  # a word counts as often as its commonest form
            df[term] = max([df[term]] + [df[v] for v in variants(term) if v in df])
        doc_count = searcher.doc_count()
    hits: list[tuple[str, str, float]] = []
    q: query.Query | None = None
    if terms:
        q = content_query(query_terms(searched, df, doc_count))
        hits = top_sections(home, q, limit)
        seen = {h[0] for h in hits}
        # The rarest words alone (names, places, codes): their sections can sink under common
        # words in the OR query above.
        rare = sorted((t for t in terms if df.get(t)), key=lambda t: df[t])[:RARE_TERMS]
        if len(rare) < len(terms):
            hits += [h for h in top_sections(home, content_query(rare), RARE_CANDIDATES) if h[0] not in seen]
        ranges = [r for r in (period_range(p) for p in question.all_periods) if r is not None]
        if ranges:
            seen = {h[0] for h in hits}
            hits += [h for h in top_sections(home, q, PREFERRED, query.Or(ranges)) if h[0] not in seen]
    term_papers = _term_papers(home, terms, df)
    dated = _dated_documents(home, question.meeting_periods or question.periods, q)
    documents = list(dict.fromkeys(dated + [h[1] for h in hits]))
    loaded = load_passages(store, [h[0] for h in hits])
    passages: list[Passage] = []
    for section_id, _doc, score in hits:
        passage = loaded.get(section_id)
        if passage is not None:  # the index may briefly lag a re-ingest
            passage.score = score
            passages.append(passage)
    top = max((p.score for p in passages), default=1.0)
    front_docs = list(dict.fromkeys(dated + documents[:FRONT_MATTER_DOCS]))
    for front in front_matter_passages(store, front_docs):
        front.score = top * 0.5
        passages.append(front)
    _attach_rows(store, passages)
    _attach_resolutions(store, passages)
    for rank, passage in enumerate(passages):
        passage.rank = rank
    paper_ids = list(dict.fromkeys(dated + [p.document_id for p in passages]))
    return Retrieved(
        passages=passages,
        doc_count=doc_count,
        df=df,
        names=known_names(store, paper_ids),
        attendance=attendance_rows(store, paper_ids),
        documents=list(dict.fromkeys(dated + documents)),
        term_papers=term_papers,
        bodies=named_bodies(store, question.text),
    )


# Words every kind of body's name shares: they say what sort of body it is, not which.
_BODY_KIND_WORDS = stem_set(
    "council councils parish town city county community district borough committee committees "
    "panel board meeting meetings annual general extraordinary joint full the of and for on in a "
    "sub group cabinet authority combined"
)


# Words that say where to look (which body, which meeting, which paper), not what is asked.
_LOCATOR_WORDS = stem_set(
    "council councils parish committee committees panel board cabinet meeting meetings minutes agenda"
)


def subject_terms(terms: list[str], bodies: frozenset[str], dated_meeting: bool = False) -> list[str]:
    """The question's words about what it asks, without the words that only locate it: the
    names of the bodies it names and, when it names a body or dates the meeting, its words
    for a body or a meeting ("At Wretton Parish Council's May 2019 meeting, who ...": "who"
    asks about what follows). A word for a committee in a question that names none may be
    its subject ("when will the report come back to committee?"). All of them when nothing
    else is left."""
    locating: set[str] = set()
    for body in bodies:
        locating |= stem_set(body)
    if bodies or dated_meeting:
        locating |= _LOCATOR_WORDS
    subject = [t for t in terms if t not in locating]
    return subject or list(terms)


def body_words(body: str) -> frozenset[str]:
    """The stems that tell one body's name from another's ("wretton" in "Wretton Parish
    Council", "transport connectiv" in "Committee for Transport and Connectivity")."""
    return stem_set(body) - _BODY_KIND_WORDS


def named_bodies(store: Store, text: str) -> frozenset[str]:
    """The stored bodies whose telling words the question holds every one of (so "Wretton
    Parish Council" names "Wretton Parish Council", and "the Committee for Transport and
    Connectivity" names it whatever it is printed as). Empty when it names none."""
    have = stem_set(text)
    try:
        rows = store.query(
            "SELECT DISTINCT body FROM documents WHERE body IS NOT NULL"
            " UNION SELECT DISTINCT body FROM meetings WHERE body IS NOT NULL"
        )
    except sqlite3.Error:
        return frozenset()
    named = set()
    for row in rows:
        words = body_words(row["body"] or "")
        if words and words <= have:
            named.add(row["body"])
    return frozenset(named)


def _term_papers(home: Path, terms: list[str], df: dict[str, int]) -> dict[str, frozenset[str]]:
    """The papers holding each of the question's rarer words (see `PAPER_TERM_SECTIONS`); a
    word in no section is held by no paper. Reads the index only, a few sections per word."""
    rare = sorted((t for t in terms if df.get(t, 0) <= PAPER_TERM_SECTIONS), key=lambda t: df.get(t, 0))
    out: dict[str, frozenset[str]] = {}
    for term in rare[:PAPER_TERMS]:
        if not df.get(term):
            out[term] = frozenset()
            continue
        forms = [term, *sorted(variants(term))]
        hits = top_sections(home, content_query(forms), PAPER_TERM_SECTIONS * 2)
        out[term] = frozenset(h[1] for h in hits)
    return out


def _batches(ids: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), _BATCH):
        yield ids[start : start + _BATCH]


def load_passages(store: Store, ids: list[str]) -> dict[str, Passage]:
    """Passages for index ids (section ids, or item ids of items without sections)."""
    found: dict[str, Passage] = {}
    for chunk in _batches(list(dict.fromkeys(ids))):
        marks = ",".join("?" * len(chunk))
        for row in store.query(_SECTION_ROWS.format(marks=marks), chunk):
            found[row["passage_id"]] = _passage(row, "section")
        missing = [i for i in chunk if i not in found]
        if missing:
            marks = ",".join("?" * len(missing))
            for row in store.query(_ITEM_ROWS.format(marks=marks), missing):
                found[row["passage_id"]] = _passage(row, "item")
    return found


def _passage(row: dict[str, Any], kind: str) -> Passage:
    return Passage(
        id=row["passage_id"],
        text=row["text"] or "",
        document_id=row["document_id"],
        document_title=row["document_title"],
        document_kind=row["document_kind"],
        body=row["body"],
        meeting_date=row["meeting_date"],
        page=int(row["page"] or 1),
        item_id=row["item_id"],
        item_number=row["item_number"],
        item_title=row["item_title"],
        section_title=row["section_title"],
        kind=kind,
    )


def _attach_rows(store: Store, passages: list[Passage]) -> None:
    """The stored table rows of each passage (none in a store from before the tables)."""
    ids = [p.id for p in passages if p.kind != "front"]
    try:
        rows = store.table_rows_of_sections(ids)
    except sqlite3.Error:
        return
    by_section: dict[str, list[Any]] = {}
    for row in rows:
        by_section.setdefault(row.section_id or row.item_id or "", []).append(row)
    for passage in passages:
        passage.rows = by_section.get(passage.id, [])


def _attach_resolutions(store: Store, passages: list[Passage]) -> None:
    """What ingest read as decided or promised in each passage's item: its resolutions and its
    actions (commitments to report back, to provide, to do)."""
    items = list(dict.fromkeys(p.item_id for p in passages if p.item_id))
    by_item: dict[str, list[str]] = {}
    try:
        for chunk in _batches(items):
            marks = ",".join("?" * len(chunk))
            for table in ("resolutions", "actions"):
                for row in store.query(
                    f"SELECT item_id, text FROM {table} WHERE item_id IN ({marks})", chunk
                ):
                    by_item.setdefault(row["item_id"], []).append(" ".join(row["text"].split()))
    except sqlite3.Error:
        return
    for passage in passages:
        passage.resolutions = by_item.get(passage.item_id or "", [])


def document_rows(store: Store, doc_ids: Iterable[str]) -> list[dict[str, Any]]:
    """Citation fields of the given documents (id, title, kind, body, meeting_date)."""
    rows: list[dict[str, Any]] = []
    for chunk in _batches(list(dict.fromkeys(doc_ids))):
        rows += store.query(_DOCUMENT_ROWS.format(marks=",".join("?" * len(chunk))), chunk)
    return rows


def front_matter_passages(store: Store, doc_ids: Iterable[str]) -> list[Passage]:
    """The head of each paper's first page before its first numbered item: who attended and
    chaired, where and when it met, the notice of the meeting. Papers whose ingest already
    keeps that text as an unnumbered first item (so it is indexed) get none."""
    passages: list[Passage] = []
    ordered = list(doc_ids)
    docs = {d["id"]: d for d in document_rows(store, ordered)}
    for doc_id in ordered:
        doc = docs.get(doc_id)
        if doc is None:
            continue
        page = store.query(
            "SELECT number, text FROM pages WHERE document_id = ? ORDER BY number LIMIT 1", (doc_id,)
        )
        first = store.query(
            "SELECT number, text FROM items WHERE document_id = ? ORDER BY position LIMIT 1", (doc_id,)
        )
        if not page or (first and first[0]["number"] is None):
            continue
        text = plain_text(page[0]["text"][:FRONT_MATTER_CHARS])
        cut = len(text)
        if first and first[0]["text"]:
            head = first[0]["text"].split("\n", 1)[0][:40]
            found = text.find(head) if head else -1
            cut = found if found > 0 else min(len(text), 2500)
        front = text[:cut].rstrip()
        if front:
            passages.append(
                Passage(
                    id=f"front:{doc_id}",
                    text=front,
                    document_id=doc_id,
                    document_title=doc["title"],
                    document_kind=doc["kind"],
                    body=doc["body"],
                    meeting_date=doc["meeting_date"],
                    page=int(page[0]["number"]),
                    section_title="Front matter",
                    kind="front",
                )
            )
    return passages


def known_names(store: Store, doc_ids: list[str]) -> dict[str, list[tuple[str, str]]]:
    """Per paper, the (surface, type) of the people, organisations and places ingest found in
    it (mentions and attendance), longest first (empty for a store without them)."""
    out: dict[str, list[tuple[str, str]]] = {}
    try:
        for chunk in _batches(doc_ids):
            marks = ",".join("?" * len(chunk))
            for row in store.query(
                f"SELECT DISTINCT document_id, surface, type FROM mentions WHERE document_id IN ({marks})",
                chunk,
            ):
                _add_name(out, row["document_id"], row["surface"], row["type"])
            for row in store.query(
                f"SELECT DISTINCT document_id, person FROM attendance WHERE document_id IN ({marks})", chunk
            ):
                _add_name(out, row["document_id"], row["person"], "person")
    except sqlite3.Error:
        return {}
    for doc_id, names in out.items():
        out[doc_id] = sorted(set(names), key=lambda n: -len(n[0]))
    return out


def _add_name(out: dict[str, list[tuple[str, str]]], doc_id: str, surface: str | None, kind: str) -> None:
    """Keep a name of two or more words, spaces collapsed: a surface of spaces alone (or "Mr ")
    would match between any two words of a sentence as a "name"."""
    words = (surface or "").split()
    if len(words) > 1:
        out.setdefault(doc_id, []).append((" ".join(words), kind))


def attendance_rows(store: Store, doc_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Per paper, its attendance rows (person, status, role, substituting_for, page)."""
    out: dict[str, list[dict[str, Any]]] = {}
    try:
        for chunk in _batches(doc_ids):
            marks = ",".join("?" * len(chunk))
            for row in store.query(
                "SELECT document_id, person, status, role, substituting_for, page FROM attendance"
                f" WHERE document_id IN ({marks})",
                chunk,
            ):
                out.setdefault(row["document_id"], []).append(row)
    except sqlite3.Error:
        return {}
    return out
