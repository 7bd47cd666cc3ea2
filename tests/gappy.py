"""Hypothesis strategies for record stores with gaps: what real councils' papers leave out.

A generated archive is a list of `minutebook.models.Document`s written through the real
`Store.replace_document` (as `tests/search/engine/tiny.py` does) and indexed by the real
`search.rebuild`, so every reader under test sees a store the ingest could have written, or
one written by an older ingest: papers with no date, body, time or venue; kinds the model does
not name; no items, items with no number or pages; sections empty, huge or non-ASCII; no
pages; resolutions and actions tied to no item, with no owner, no due date or a due phrase
with no date; mentions and figures with odd labels and values; attendance with no roles; one
committee spelled several ways.

Text is drawn from a small council vocabulary (so searches and questions find things) mixed
with arbitrary Unicode (so nothing assumes ASCII).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import strategies as st

from minutebook.models import (
    DOCUMENT_KINDS,
    OUTCOMES,
    Action,
    Attendance,
    Declaration,
    Document,
    Figure,
    Item,
    Mention,
    Page,
    Recommendation,
    Resolution,
    Section,
)
from minutebook.store import FileRecord, Store

WORDS = (
    "free school meals budget library children care leavers report committee panel resolved "
    "agreed noted approved officers update March June 2014 2017 £2.67 million 55% transport "
    "academy pathway planning scrutiny chairman apologies present declared interest Norfolk "
    "Joyce Chamberlin deferred rejected action due next meeting"
).split()

# One committee in several spellings (issue 12: "&" and "and", case, "The"), a Welsh body,
# sentence fragments that older ingests stored as bodies, and nothing at all.
BODIES = (
    None,
    "",
    "Children's Services Committee",
    "children's services committee",
    "The Children’s Services Committee",
    "Children's Services Overview & Scrutiny Panel",
    "Children's Services Overview and Scrutiny Panel",
    "Cyngor Cymuned Manordeilo a Salem",
    "a meeting of the County Council",
    "None",
    "—",
    "&",
)
ODD_KINDS = ("", "Minutes ", "cabinet_pack", "agenda item 166", "ÄNDERUNG")
PEOPLE = ("Mr J Joyce", "Mrs J Chamberlin", "Cllr Leggett", "Dr Ångström", "", " ", "J.", "the Chairman")
ORGS = ("Norfolk County Council", "Ofsted", "Cyngor Sir", "")
ITEM_NUMBERS = (None, "", "1", "7", "292", "16.07.2", "24/00108", "A", "Item 7", "(ii)")
UNITS = ("GBP", "%", "count", "rate per 10,000", "percentage points", "", "£m")
ACTION_SOURCES = ("resolution", "officer", "action_marker", "action_log", "work_programme", "")
DUE_TEXTS = (None, "", "at the next meeting", "by March", "in the autumn", "within six months", "asap")
STATUSES = ("present", "apologies", "substitute", "in_attendance", "absent", "remote")

# Dates across the range the papers print, the edges a misread year produces, and a few
# dates often enough that papers share meetings and bodies have later meetings.
dates = st.one_of(
    st.sampled_from([dt.date(2014, 3, 13), dt.date(2014, 6, 17), dt.date(2017, 3, 14)]),
    st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2026, 12, 31)),
    st.sampled_from([dt.date(1900, 1, 1), dt.date(2099, 12, 31), dt.date(2016, 2, 29)]),
).map(dt.date.isoformat)
maybe_date = st.none() | dates

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)
unicode_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40
)
text = st.one_of(
    words,
    unicode_text,
    st.just(""),
    # A huge section: a whole pack's text that never split into sections.
    words.map(lambda w: ("\n".join([w] * 400))[:20000]),
    st.sampled_from(["|  |  |\n| --- | --- |\n| a | 12 |", "\t\t\n\t1\t2", "RESOLVED\n\n", "£\n%\n"]),
)
maybe_text = st.none() | text


@dataclass(frozen=True)
class Budget:
    """How big a generated archive may be (the property tests keep stores small)."""

    documents: int = 4
    items: int = 3
    sections: int = 3
    records: int = 3


@st.composite
def documents(draw: st.DrawFn, index: int, budget: Budget) -> Document:
    """One paper with any of its parts missing or odd."""
    doc_id = f"doc{index}"
    page_count = draw(st.integers(0, 3))
    pages = [Page(n, draw(text)) for n in range(1, page_count + 1)]
    page_no = st.integers(0, page_count + 2)
    items: list[Item] = []
    for position in range(draw(st.integers(0, budget.items))):
        item_id = f"{doc_id}-item{position}"
        sections = [
            Section(
                id=f"{item_id}-s{n}",
                number=draw(st.sampled_from([None, "", "1.1", "2.3.4", "a)"])),
                title=draw(maybe_text),
                page=draw(page_no),
                text=draw(text),
                position=n,
            )
            for n in range(draw(st.integers(0, budget.sections)))
        ]
        start = draw(st.none() | page_no)
        items.append(
            Item(
                id=item_id,
                number=draw(st.sampled_from(ITEM_NUMBERS)),
                title=draw(text),
                page_start=start,
                page_end=draw(st.none() | page_no),
                text="\n".join(s.text for s in sections) if sections else draw(text),
                presenter=draw(st.none() | st.sampled_from(PEOPLE)),
                to_follow=draw(st.booleans()),
                position=position,
                sections=sections,
            )
        )
    # Records may name an item of this paper, none, or one that is not stored.
    item_ref = st.sampled_from([None, f"{doc_id}-missing", *(i.id for i in items)])
    records = st.integers(0, budget.records)
    return Document(
        id=doc_id,
        path=f"/papers/{doc_id}.txt",
        kind=draw(st.sampled_from(DOCUMENT_KINDS + ODD_KINDS)),
        title=draw(maybe_text),
        body=draw(st.sampled_from(BODIES)),
        meeting_date=draw(maybe_date),
        meeting_time=draw(st.sampled_from([None, "", "14:00", "10am"])),
        venue=draw(st.none() | st.sampled_from(["Edwards Room, County Hall", "", "Neuadd y Pentref"])),
        pages=pages,
        items=items,
        mentions=[
            Mention(
                name=draw(st.sampled_from(PEOPLE + ORGS) | unicode_text),
                type=draw(st.sampled_from(["person", "organisation", "place", "thing"])),
                surface=draw(st.sampled_from(PEOPLE + ORGS) | unicode_text),
                page=draw(page_no),
                item_id=draw(item_ref),
                role=draw(st.none() | st.sampled_from(["Chairman", "", "Vice-Chair"])),
            )
            for _ in range(draw(records))
        ],
        attendance=[
            Attendance(
                person=draw(st.sampled_from(PEOPLE)),
                status=draw(st.sampled_from(STATUSES)),  # type: ignore[arg-type]
                role=draw(st.none() | st.sampled_from(["Chairman", "", "Vice Chair"])),
                substituting_for=draw(st.none() | st.sampled_from(PEOPLE)),
                page=draw(page_no),
            )
            for _ in range(draw(records))
        ],
        declarations=[
            Declaration(
                person=draw(st.sampled_from(PEOPLE)),
                interest=draw(text),
                item_number=draw(st.sampled_from(ITEM_NUMBERS)),
                page=draw(page_no),
            )
            for _ in range(draw(records))
        ],
        figures=[
            Figure(
                label=draw(st.sampled_from(["", "nan", "inf", "-", "Looked after children"]) | unicode_text),
                # SQLite cannot hold NaN in a NOT NULL column; an overflowed figure ("£" and
                # 400 digits) is stored as infinity.
                value=draw(st.floats(allow_nan=False) | st.sampled_from([0.0, -0.0, 1e300, -1e-300])),
                unit=draw(st.sampled_from(UNITS)),
                page=draw(page_no),
                context=draw(text),
                period=draw(st.none() | st.sampled_from(["", "Jun 14", "2013/14", "Target", "NaN"])),
                item_id=draw(item_ref),
                source=draw(st.sampled_from(["text", "table"])),
            )
            for _ in range(draw(records))
        ],
        resolutions=[
            Resolution(
                id=draw(st.sampled_from([f"{doc_id}-res{n}", f"res{n}"])),
                text=draw(text),
                outcome=draw(st.sampled_from(OUTCOMES + ("", "carried"))),
                page=draw(page_no),
                item_id=draw(item_ref),
                votes_for=draw(st.none() | st.integers(0, 100)),
                votes_against=draw(st.none() | st.integers(0, 100)),
                abstentions=draw(st.none() | st.integers(0, 100)),
            )
            for n in range(draw(records))
        ],
        recommendations=[
            Recommendation(id=f"{doc_id}-rec{n}", text=draw(text), page=draw(page_no), item_id=draw(item_ref))
            for n in range(draw(records))
        ],
        actions=[
            Action(
                id=draw(st.sampled_from([f"{doc_id}-act{n}", f"act{n}"])),
                text=draw(text),
                page=draw(page_no),
                source=draw(st.sampled_from(ACTION_SOURCES)),
                item_id=draw(item_ref),
                owner=draw(st.none() | st.sampled_from(PEOPLE)),
                due=draw(maybe_date),
                due_text=draw(st.sampled_from(DUE_TEXTS)),
            )
            for n in range(draw(records))
        ],
    )


@dataclass
class Archive:
    """Papers to store, in order, then papers ingested later (a new paper, or a changed one
    replacing its old version), and users' verdicts on tracker matches, which may name
    actions and papers no longer stored."""

    documents: list[Document]
    verdicts: list[tuple[str, str, str]]
    later: list[Document] = field(default_factory=list)


@st.composite
def archives(draw: st.DrawFn, budget: Budget = Budget()) -> Archive:
    """One to `budget.documents` papers, each perhaps stored twice, and some verdicts."""
    count = draw(st.integers(1, budget.documents))
    docs = [draw(documents(index, budget)) for index in range(count)]
    # Ingested later, into the built index: a paper id again (a changed paper) or a new one.
    later = [draw(documents(index, budget)) for index in draw(st.sets(st.integers(0, count), max_size=1))]
    action_ids = sorted({a.id for d in docs + later for a in d.actions} | {"act-gone"})
    verdicts = draw(
        st.lists(
            st.tuples(
                st.sampled_from(action_ids),
                st.sampled_from(sorted({d.id for d in docs + later} | {"doc-gone"})),
                st.sampled_from(["right", "wrong"]),
            ),
            max_size=2,
        )
    )
    return Archive(docs, verdicts, later)


def write_archive(home: Path, archive: Archive) -> None:
    """Store the archive through the real store, build the index and the tracker's evidence
    (as `minutebook reindex` and an ingest do), then ingest the later papers as an ingest
    does (`search.refresh_after_ingest`: the index updated in place)."""
    from minutebook.store import open_store
    from search import rebuild, refresh_after_ingest
    from search.tracker import record_correction, refresh_evidence

    with open_store(home) as store:
        for doc in archive.documents:
            write(store, doc)
        rebuild(home, store, procs=1)
        refresh_evidence(home, store)
        for doc in archive.later:
            removed = write(store, doc)
            refresh_after_ingest(home, store, [doc.id], removed)
        for action_id, document_id, verdict in archive.verdicts:
            record_correction(store, action_id, document_id, verdict)


def write(store: Store, doc: Document) -> list[str]:
    return store.replace_document(doc, FileRecord(doc.path, doc.id, doc.id, 1, 1.0))
