"""Oracle structure: a labelled paper's kind, body, date and item headings taken from its
labels, so the analyses (decisions, votes, actions) are scored apart from the structure
stage that finds them.

`oracle_document(label)` reads the paper's pages through the real page stage, then cuts its
text into items at the labelled item headings (the line on the labelled page, or after it,
that starts with the item's number and its title's first words). An item whose heading
cannot be found is left inside the item before it, as a structure miss would. Text before
the first heading is an unnumbered item. Used by `eval_structure.py --oracle-structure`;
`structure_eval.score_paper` scores the result as it scores the store.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from minutebook.models import Document, Item


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.casefold())


def _find_heading(lines: list[tuple[int, str]], start: int, item: dict[str, Any]) -> int | None:
    """Index of the line that heads `item`, at or after `start` and on or after its page: a
    line opening with the item's number and its title's first words, else (a decision notice's
    "Subject: ... (agenda item 7)") the first line on its page that mentions "item N"."""
    number = _words(item["number"] or "")
    title = _words(item["title"] or "")[:3]
    page = item.get("page") or 1
    candidates = [k for k in range(start, len(lines)) if lines[k][0] >= page]
    for k in candidates:
        words = _words(lines[k][1])
        if number and words[: len(number)] != number:
            continue
        rest = words[len(number) :]
        if not title or rest[: len(title)] == title:
            return k
    mention = re.compile(rf"\bitem\s+{re.escape(item['number'] or '')}\b", re.I)
    for k in candidates:
        if lines[k][0] == page and item["number"] and mention.search(lines[k][1]):
            # The form starts at its first line on the page, before the subject's "item N".
            first = min(j for j in candidates if lines[j][0] == page)
            return first
    return None


def oracle_document(label: dict[str, Any]) -> Document:
    """The paper parsed by the real page stage, with the labels' kind, body, date and items."""
    from ingest.pipeline import parse_file

    doc = parse_file(Path(label["path"]))
    doc.kind, doc.body, doc.meeting_date = label["kind"], label["body"], label["meeting_date"]
    lines = [
        (page.number, re.sub(r"\*\*|^#+\s*", "", line).strip())
        for page in doc.pages
        for line in page.text.split("\n")
    ]
    heads: list[tuple[int, dict[str, Any]]] = []
    cursor = 0
    for item in label.get("items") or []:
        found = _find_heading(lines, cursor, item)
        if found is not None:
            heads.append((found, item))
            cursor = found + 1
    items: list[Item] = []
    bounds = [k for k, _ in heads] + [len(lines)]
    if not heads or heads[0][0] > 0:
        # Text before the first heading; a paper with no numbered items is all preamble.
        items.append(_item("preamble", None, "", lines[: heads[0][0]] if heads else lines, 0))
    for position, ((start, item), end) in enumerate(zip(heads, bounds[1:], strict=True), start=1):
        items.append(_item(f"oracle-{position}", item["number"], item["title"], lines[start:end], position))
    doc.items = items
    return doc


def _item(item_id: str, number: str | None, title: str, lines: list[tuple[int, str]], position: int) -> Item:
    pages = [page for page, _ in lines] or [1]
    text = "\n".join(line for _, line in lines)
    return Item(item_id, number, title, min(pages), max(pages), text, position=position)


def oracle_stored(label: dict[str, Any]) -> dict[str, Any]:
    """The paper as `structure_eval.score_paper` reads a stored one, analysed on oracle structure."""
    from ingest.analyses.actions import analyse_actions
    from ingest.analyses.decisions import analyse_decisions

    doc = oracle_document(label)
    analyse_decisions(doc)
    analyse_actions(doc)
    numbers = {item.id: item.number for item in doc.items}
    resolutions = []
    for r in doc.resolutions:
        counts = (r.votes_for, r.votes_against, r.abstentions)
        votes = (
            None
            if r.vote_result is None and counts == (None, None, None)
            else dict(zip(("for", "against", "abstentions", "result"), (*counts, r.vote_result), strict=True))
        )
        resolutions.append(
            {
                "item_number": numbers.get(r.item_id or ""),
                "text": r.text,
                "outcome": r.outcome,
                "votes": votes,
            }
        )
    return {
        "kind": doc.kind,
        "meeting_date": doc.meeting_date,
        "body": doc.body,
        "items": [{"number": item.number} for item in doc.items],
        "resolutions": resolutions,
        "actions": [{"text": a.text} for a in doc.actions],
    }
