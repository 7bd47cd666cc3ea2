"""Candidate retrieval for `minutebook ask` from the live search index.

A question becomes an OR of its content stems (plus council synonyms) over the indexed text
and title fields, scored by the index's BM25F. The period and committee a question names are
preferences, never filters ("in January 2017" may name the month a figure describes, not the
meeting), so they get a second, filtered search whose hits join the first's: a question about
"June 2014" always has that period's best sections among its candidates, without a
boost that would distort the scores of everything else.

Invariants:

* Reads only the index (document frequencies, then one or two top-N searches) and then the
  store by id (`search.ask.retrieve`): the cost grows with `limit`, not with the archive.
* No index under `home` means no candidates (the caller abstains), never an error.
* Minutes papers among the hits, and those of a meeting the question dates, contribute their
  front matter (attendance block) as one more passage.
"""

from __future__ import annotations

import calendar
from datetime import datetime
from pathlib import Path

from whoosh import query
from whoosh.searching import Searcher

from minutebook.store import open_store
from search.ask.question import Period, QuestionAnalysis, stems
from search.ask.retrieve import Retrieved, front_matter_passages, load_passages, person_names
from search.engine.backend import searching
from search.engine.schema import DEFAULT_FIELDS

# How many sections the main search keeps (several user pages' worth), and how many more the
# period/committee search may add.
CANDIDATES = 60
PREFERRED = 25
# Minutes papers whose front matter is added: the best few among the hits.
FRONT_MATTER_DOCS = 4
# Words in more than this share of sections ("report", "services", "update" in a large
# archive) barely change which sections rank best, yet make the OR query score most of the
# index: they are left out of the query (the ranking still counts them), keeping at least
# `MIN_QUERY_TERMS` of the rarest words.
COMMON_SHARE = 0.08
MIN_QUERY_TERMS = 3
# In a small archive every word is cheap to search, and "child" in 10% of sections still
# ranks (the five sample papers): only words in more sections than this are ever dropped.
COMMON_FLOOR = 2000

# Council vocabulary where the question and the papers use different words for one thing
# ("Who chaired..." / "Mrs J Chamberlin (Chairman)"; "overspend" / "+Over/- Underspend £m").
# Keys and values are stems of the search analyzer.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "chair": ("chairman", "chairwoman", "chairperson"),
    "chairman": ("chair",),
    "overspend": ("over",),
    "underspend": ("under",),
    "apolog": ("apologi",),
    "lac": ("look", "after"),
    "fsm": ("free", "school", "meal"),
}


def expanded_terms(terms: list[str]) -> list[str]:
    """The question's stems followed by their synonyms, each once."""
    out = list(terms)
    for term in terms:
        out += [alt for alt in SYNONYMS.get(term, ()) if alt not in out]
    return out


def content_query(terms: list[str]) -> query.Query:
    """Any of the stems in any default field (titles carry their schema boosts)."""
    return query.Or([query.Term(name, term) for term in terms for name in DEFAULT_FIELDS])


def period_range(period: Period) -> query.Query | None:
    """The meeting dates a period names: its month, or its whole year."""
    if not period.year:
        return None
    if period.month:
        last = calendar.monthrange(period.year, period.month)[1]
        start = datetime(period.year, period.month, 1)
        end = datetime(period.year, period.month, last, 23, 59, 59)
    else:
        start, end = datetime(period.year, 1, 1), datetime(period.year, 12, 31, 23, 59, 59)
    return query.DateRange("date", start, end)


def preference_filter(analysis: QuestionAnalysis) -> query.Query | None:
    """Sections of a meeting in a named period and/or of the kind of body named."""
    parts: list[query.Query] = []
    ranges = [r for r in (period_range(p) for p in analysis.periods) if r is not None]
    if ranges:
        parts.append(query.Or(ranges))
    if analysis.body_hint == "panel":
        # Norfolk's "Overview and Scrutiny Panel" (March 2014 minutes).
        parts.append(query.Or([query.Term("body", s) for s in stems("panel scrutiny")]))
    elif analysis.body_hint == "committee":
        parts.append(query.Term("body", stems("committee")[0]))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else query.And(parts)


def query_terms(terms: list[str], df: dict[str, int], doc_count: int) -> list[str]:
    """The words worth searching for: all but the very common, and never fewer than the
    `MIN_QUERY_TERMS` rarest (in question order)."""
    limit = max(COMMON_SHARE * doc_count, COMMON_FLOOR)
    keep = {t for t in terms if df.get(t, 0) <= limit}
    if len(keep) < MIN_QUERY_TERMS:
        keep |= set(sorted(terms, key=lambda t: df.get(t, 0))[:MIN_QUERY_TERMS])
    return [t for t in terms if t in keep]


def _top(
    searcher: Searcher, q: query.Query, limit: int, filter_q: query.Query | None
) -> list[tuple[str, str, str, float]]:
    """(section id, document id, document kind, score) of the best `limit` sections."""
    results = searcher.search(q, limit=limit, filter=filter_q)
    out = []
    for hit in results:
        out.append((hit["id"], hit["document_id"], hit.get("document_kind", ""), float(hit.score or 0.0)))
    return out


def _dated_minutes(searcher: Searcher, analysis: QuestionAnalysis) -> list[str]:
    """Minutes papers of a meeting in the period the question names (attendance questions
    name the meeting by its date: "Who chaired the meeting on 13 March 2014?")."""
    ranges = [r for r in (period_range(p) for p in analysis.periods if p.month) if r is not None]
    if not ranges:
        return []
    q = query.And([query.Or(ranges), query.Term("document_kind", "minutes")])
    docs: list[str] = []
    for hit in searcher.search(q, limit=50):
        if hit["document_id"] not in docs:
            docs.append(hit["document_id"])
    return docs[:FRONT_MATTER_DOCS]


def retrieve(home: Path, analysis: QuestionAnalysis, limit: int = CANDIDATES) -> Retrieved:
    """The best sections for the question from the index, loaded from the store, best first."""
    terms = expanded_terms(analysis.terms)
    if not terms:
        return Retrieved([])
    with searching(home) as found:
        if found is None:
            return Retrieved([])
        searcher = found[0]
        df = {t: max(searcher.doc_frequency(name, t) for name in DEFAULT_FIELDS) for t in terms}
        doc_count = searcher.doc_count()
        q = content_query(query_terms(terms, df, doc_count))
        hits = _top(searcher, q, limit, None)
        preferred = preference_filter(analysis)
        if preferred is not None:
            seen = {h[0] for h in hits}
            hits += [h for h in _top(searcher, q, PREFERRED, preferred) if h[0] not in seen]
        dated = _dated_minutes(searcher, analysis)
    minutes = list(dict.fromkeys([h[1] for h in hits if h[2] in ("minutes", "decision_notice")]))
    front_docs = list(dict.fromkeys(dated + minutes[:FRONT_MATTER_DOCS]))
    with open_store(home) as store:
        loaded = load_passages(store, [h[0] for h in hits])
        passages = []
        for section_id, _doc, _kind, score in hits:
            passage = loaded.get(section_id)
            if passage is not None:  # the index may briefly lag a re-ingest
                passage.score = score
                passages.append(passage)
        top = max((p.score for p in passages), default=1.0)
        for front in front_matter_passages(store, front_docs):
            front.score = top * 0.5
            passages.append(front)
        names = person_names(store, {p.document_id for p in passages})
    return Retrieved(passages, doc_count, df, names, list(dict.fromkeys(dated + minutes)))
