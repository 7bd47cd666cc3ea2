"""CSV exports in the columns a person reads: what, where, and a link back to the page.

Rules:
* A row holds what the page shows (meeting, committee, paper, item, page, the words), never
  internal columns (ids, scores, highlight offsets, file paths).
* Every row links to the paper's page in the app (`paper_url`): an absolute address when the
  app's own address is known, so the link works from a spreadsheet.
* Text is exported as read: cells that a spreadsheet would run as a formula (starting with
  `=`, `+`, `-`, `@`) get a leading apostrophe, as OWASP advises for CSV injection.

Imports: the standard library and `ui.web.text` (itself the standard library only).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlencode

from ui.web.text import plain_line

# The meeting page's URL path (app.py `url_path`): it opens a paper at a page.
READER_PATH = "meetings"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def paper_url(base_url: str, document_id: str | None, page: int | None = None, highlight: str = "") -> str:
    """The app's address of a paper at a page (`meetings?doc=…&page=…&hl=…`)."""
    if not document_id:
        return ""
    params: dict[str, str] = {"doc": document_id}
    if page:
        params["page"] = str(page)
    if highlight:
        params["hl"] = highlight
    root = base_url.rstrip("/")
    return f"{root}/{READER_PATH}?{urlencode(params)}" if root else f"{READER_PATH}?{urlencode(params)}"


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def to_csv(rows: Iterable[dict[str, Any]], columns: list[str]) -> str:
    """`rows` as CSV with a header of `columns` (in that order)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell(row.get(key)) for key in columns})
    return out.getvalue()


HIT_COLUMNS = ["Meeting", "Committee", "Paper", "Item", "Section", "Page", "Snippet", "Link"]


def item_heading(number: str | None, title: str | None) -> str:
    """'9: Free School Meals Update', or the title alone when the paper prints no number."""
    if number and title:
        return f"{number}: {title}"
    return title or number or ""


def hits_csv(hits: list[dict[str, Any]], base_url: str, highlight: str = "") -> str:
    """Search hits as CSV (`HIT_COLUMNS`), each linking to its page with the words marked."""
    rows = [
        {
            "Meeting": hit.get("meeting_date") or "undated",
            "Committee": hit.get("body") or "",
            "Paper": (hit.get("document_title") or hit.get("document_kind") or "").replace("_", " "),
            "Item": item_heading(hit.get("item_number"), hit.get("item_title")),
            "Section": hit.get("section_title") or "",
            "Page": hit.get("page") or "",
            "Snippet": plain_line(hit.get("snippet") or ""),
            "Link": paper_url(base_url, hit.get("document_id"), hit.get("page"), highlight),
        }
        for hit in hits
    ]
    return to_csv(rows, HIT_COLUMNS)


ACTION_COLUMNS = [
    "Status",
    "Due",
    "Due as written",
    "Action",
    "Owner",
    "Committee",
    "Meeting",
    "Item",
    "Page",
    "Link",
    "Delivered by",
    "Evidence link",
]


def actions_csv(actions: list[dict[str, Any]], base_url: str) -> str:
    """Tracker rows as CSV (`ACTION_COLUMNS`): the action, where it was raised (with a link),
    and the first paper that delivered it (with a link)."""
    rows = []
    for action in actions:
        evidence = (action.get("evidence") or [{}])[0]
        delivered = " · ".join(
            str(part)
            for part in (evidence.get("meeting_date"), evidence.get("body"), evidence.get("document_title"))
            if part
        )
        rows.append(
            {
                "Status": action.get("status") or "",
                "Due": action.get("due") or "",
                "Due as written": action.get("due_text") or "",
                "Action": plain_line(action.get("text") or ""),
                "Owner": action.get("owner") or "",
                "Committee": action.get("committee") or action.get("body") or "",
                "Meeting": action.get("meeting_date") or "undated",
                "Item": item_heading(action.get("item_number"), action.get("item_title")),
                "Page": action.get("page") or "",
                "Link": paper_url(base_url, action.get("document_id"), action.get("page")),
                "Delivered by": delivered,
                "Evidence link": paper_url(base_url, evidence.get("document_id"), evidence.get("page")),
            }
        )
    return to_csv(rows, ACTION_COLUMNS)
