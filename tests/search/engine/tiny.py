"""Tiny literal corpora for search tests, written through the real store API."""

from __future__ import annotations

from pathlib import Path

from minutebook.models import Document, Item, Mention, Page, Resolution, Section
from minutebook.store import FileRecord, Store, open_store


def make_document(
    doc_id: str,
    kind: str,
    body: str,
    date: str | None,
    items: list[tuple[str, str, list[tuple[str, str | None, str]]]],
    mentions: list[Mention] | None = None,
    resolutions: list[Resolution] | None = None,
) -> Document:
    """`items`: (item id, item title, [(section id, section title, text), ...])."""
    doc_items = []
    for position, (item_id, title, sections) in enumerate(items):
        doc_items.append(
            Item(
                id=item_id,
                number=str(position + 1),
                title=title,
                page_start=1,
                page_end=1,
                text=" ".join(text for _sid, _title, text in sections),
                position=position,
                sections=[
                    Section(id=sid, number=None, title=stitle, page=1, text=text, position=n)
                    for n, (sid, stitle, text) in enumerate(sections)
                ],
            )
        )
    return Document(
        id=doc_id,
        path=f"/papers/{doc_id}.txt",
        kind=kind,
        title=f"{kind} {date}",
        body=body,
        meeting_date=date,
        meeting_time=None,
        venue=None,
        pages=[Page(1, "text")],
        items=doc_items,
        mentions=mentions or [],
        resolutions=resolutions or [],
    )


def write(store: Store, doc: Document) -> list[str]:
    return store.replace_document(doc, FileRecord(doc.path, doc.id, doc.id, 1, 1.0))


# Three meetings, two committees; ids say what each section is about.
TINY = [
    make_document(
        "doc-minutes-2014",
        "minutes",
        "Children's Services Overview and Scrutiny Panel",
        "2014-03-13",
        [
            (
                "item-meals-2014",
                "Free School Meals",
                [
                    ("sec-meals-intro", None, "The Panel discussed free school meals for infants."),
                    ("sec-meals-budget", "Budget", "Kitchen equipment capital grants were agreed."),
                ],
            ),
            ("item-academy", "Academy conversions", [("sec-academy", None, "Two schools became academies.")]),
        ],
        mentions=[Mention("Mr J Joyce", "person", "Mr Joyce", 1, item_id="item-meals-2014")],
    ),
    make_document(
        "doc-agenda-2017",
        "agenda",
        "Children's Services Committee",
        "2017-06-20",
        [
            (
                "item-transport",
                "Home to school transport",
                [("sec-transport", None, "Bus routes to rural schools.")],
            ),
            (
                "item-meals-2017",
                "School meals contract",
                [("sec-meals-2017", None, "The catering contract for school meals is renewed.")],
            ),
        ],
        mentions=[
            Mention("Norfolk Catering Ltd", "organisation", "Norfolk Catering", 1, item_id="item-meals-2017")
        ],
        resolutions=[
            Resolution("res-1", "RESOLVED to renew the contract", "approved", 1, item_id="item-meals-2017")
        ],
    ),
    make_document(
        "doc-report-2015",
        "report",
        "Children's Services Committee",
        "2015-01-10",
        [("item-leavers", "Care leavers pathway planning", [])],
    ),
]


def tiny_home(tmp_path: Path) -> Path:
    """A home holding TINY in its store and a freshly rebuilt index."""
    from search import rebuild

    home = tmp_path / "home"
    with open_store(home) as store:
        for doc in TINY:
            write(store, doc)
        rebuild(home, store)
    return home
