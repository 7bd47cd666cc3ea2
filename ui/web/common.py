"""Pieces every page uses: the home and its empty state, links to a paper's page, labels.

Paper text is only ever rendered through `ui.web.text` (escaped Markdown) or `st.text`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import streamlit as st

from ui.web import data
from ui.web.text import escape_markdown

# Relative to the entry point (app.py), as Streamlit resolves page links: an absolute path
# would name a different file whenever `ui` is imported from another copy of the project
# (a checkout on the path beside an installed build).
MEETINGS_PAGE = "page_meetings.py"
# The meeting page's URL path (app.py `url_path`), for plain links such as a chart's `href`.
MEETINGS_URL_PATH = "meetings"


# Date pickers default to ten years either side of today, which would reject (and silently
# drop from the URL) the dates of older papers: the 2014 sample minutes, say.
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)


def open_home() -> tuple[Path, tuple[float, ...]]:
    """The home and its store version; stops the page with the empty state when no papers."""
    home = data.current_home()
    version = data.store_version(home)
    if data.document_count(home, version) == 0:
        st.info(data.EMPTY_HOME_MESSAGE, icon=":material/inbox:")
        st.caption(f"Home: `{home}`")
        st.stop()
    return home, version


def where(row: dict[str, Any]) -> str:
    """'17 Jun 2014 · Children's Services Committee · minutes · item 9: Free School Meals'."""
    parts = [row.get("meeting_date") or "undated", row.get("body") or "unknown body"]
    kind = row.get("document_kind") or row.get("document_title")
    if kind:
        parts.append(str(kind).replace("_", " "))
    item = row.get("item_title")
    if item:
        number = row.get("item_number")
        parts.append(f"item {number}: {item}" if number else str(item))
    return " · ".join(str(p) for p in parts)


def page_link(
    document_id: str | None, page: int | None, highlight: str | None = None, label: str | None = None
) -> None:
    """A link that opens the meeting page at this document's page (terms highlighted)."""
    if not document_id:
        return
    params: dict[str, str] = {"doc": document_id}
    if page:
        params["page"] = str(page)
    if highlight:
        params["hl"] = highlight
    st.page_link(
        MEETINGS_PAGE,
        # Labels are Markdown and often carry paper text (bodies, titles): escaped.
        label=escape_markdown(label) if label else (f"Open page {page}" if page else "Open the paper"),
        icon=":material/description:",
        query_params=params,
    )


def quote(text: str) -> None:
    """A verbatim quote from a paper, escaped, as a block quote."""
    st.markdown("> " + escape_markdown(text).replace("  \n", "  \n> "))


def record_table(title: str, rows: list[dict[str, Any]], empty: str) -> None:
    """A bold heading, then the rows as a table, or `empty` as a caption when there are none.

    A static table (`st.table`), not a data grid: its cells wrap, so roles, bodies and
    declared interests read in full instead of being cut at the column's width.
    """
    st.markdown(f"**{title}**")
    if rows:
        static_table(rows)
    else:
        st.caption(empty)


def static_table(rows: list[dict[str, Any]]) -> None:
    """`rows` as a static table whose cells wrap, without the columns no row has a value in
    ("Substituting for" on most days, "Presenter" in most packs): they only take width."""
    kept = [key for key in rows[0] if any(row.get(key) not in (None, "") for row in rows)]
    st.table([{key: row.get(key) for key in kept} for row in rows], hide_index=True)


# The app's pages by URL path (app.py): the last part of an address that names a page.
PAGE_PATHS = ("meetings", "tracker", "ask", "people", "figures", "whats-new", "sources")


def app_root_url() -> str:
    """The app's own address (`http://host:port/base`), from the browser's: for links that
    leave the app (a CSV export). Empty when unknown (a test run), so links stay relative."""
    try:
        url = str(st.context.url or "")
    except Exception:  # no browser behind this run (AppTest): relative links
        return ""
    url = url.rstrip("/")
    head, _, last = url.rpartition("/")
    return head if last in PAGE_PATHS and head.count("/") >= 2 else url
