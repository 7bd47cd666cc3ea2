"""Hand-built documents for extraction tests: items as ingest would have split them."""

from __future__ import annotations

from minutebook.models import Document, Item


def minutes(*items: tuple[str, str], kind: str = "minutes") -> Document:
    """A minutes document of (number, text) items, as ingest would have split it."""
    return Document(
        id="d",
        path="/papers/minutes.txt",
        kind=kind,
        title="Minutes",
        body="Children's Services Committee",
        meeting_date="2014-06-17",
        meeting_time=None,
        venue=None,
        pages=[],
        items=[
            Item(f"i{number}", number, f"Item {number}", 1, 1, text, position=k)
            for k, (number, text) in enumerate(items)
        ],
    )
