"""What's new page: `minutebook watch` in the browser. New hits of each saved search, new
actions, actions newly overdue and newly done (with the paper that delivered them) since the
last look; saved searches added and removed here; "Mark all as seen" remembers the digest,
as `watch run` does. Reading the page changes nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from minutebook.models import DOCUMENT_KINDS
from ui.web import data
from ui.web.common import EARLIEST_DATE, LATEST_DATE, open_home, page_link, quote, where
from ui.web.text import escape_markdown


def _filters_text(filters: dict[str, Any]) -> str:
    return " · ".join(
        f"{key.replace('date_', '').replace('body', 'committee')}: {value}" for key, value in filters.items()
    )


def _search(home: Any, search: dict[str, Any]) -> None:
    with st.container(border=True, key=f"watch-{search['id']}"):
        head, remove = st.columns([5, 1])
        head.markdown(
            f"**{escape_markdown(search['query'])}** · {len(search['new'])} new of {search['total']}"
        )
        if search["filters"]:
            head.caption(escape_markdown(_filters_text(search["filters"])))
        if remove.button("Remove", key=f"remove-watch-{search['id']}", icon=":material/delete:"):
            data.remove_saved_search(home, search["id"])
            st.rerun()
        if not search["new"]:
            st.caption("Nothing new.")
        for hit in search["new"]:
            st.caption(escape_markdown(where(hit) + (f" · page {hit['page']}" if hit.get("page") else "")))
            quote(hit.get("snippet") or "")
            page_link(hit["document_id"], hit.get("page"), search["query"], label="Open the paper")


def _actions(title: str, rows: list[dict[str, Any]], empty: str) -> None:
    st.subheader(title)
    if not rows:
        st.caption(empty)
    for action in rows:
        with st.container(border=True, key=f"{title}-{action['id']}"):
            st.markdown(escape_markdown(action["text"]))
            details = [where(action)]
            details.append(f"due {action['due']}" if action.get("due") else "no due date given")
            st.caption(escape_markdown(" · ".join(details)))
            for evidence in (action.get("evidence") or [])[:1]:
                st.markdown(
                    "**Delivered by** " + escape_markdown(where(evidence) + f" · page {evidence.get('page')}")
                )
                quote(evidence.get("quote") or "")
                page_link(
                    evidence.get("document_id"),
                    evidence.get("page"),
                    label=f"Open page {evidence.get('page')}",
                )


def _add_form(home: Any) -> None:
    with st.expander("Save a search", icon=":material/add_alert:"):
        with st.form("watch_add", clear_on_submit=True, border=False):
            query = st.text_input(
                "Search for", key="watch_add_query", placeholder='"free school meals" OR breakfast'
            )
            left, right = st.columns(2)
            body = left.text_input("Committee", key="watch_add_body")
            kind = right.selectbox("Kind of paper", ["", *DOCUMENT_KINDS], key="watch_add_kind")
            if st.form_submit_button("Save search", icon=":material/bookmark_add:") and query.strip():
                data.add_saved_search(
                    home, query.strip(), {"body": body.strip() or None, "kind": kind or None}
                )
                st.rerun()


def main() -> None:
    home, version = open_home()
    st.title("What's new")
    as_of = st.date_input(
        "Judge overdue as of",
        value=dt.date.today(),
        min_value=EARLIEST_DATE,
        max_value=LATEST_DATE,
        key="whatsnew_as_of",
    )
    day = as_of.isoformat() if isinstance(as_of, dt.date) else dt.date.today().isoformat()
    with st.spinner("Looking for what is new…"):
        digest = data.whats_new(home, version, day)
    if digest is None:
        return
    view = digest.view()
    st.caption(
        f"Since the last look ({(view['since'] or 'never').replace('T', ' ')}): {view['new']} new"
        f" thing{'s' if view['new'] != 1 else ''}."
    )
    if view["baseline"]:
        st.info(
            "This is the first look: the actions' statuses are remembered from now on.",
            icon=":material/info:",
        )
    if view["new"] or view["baseline"]:
        if st.button("Mark all as seen", key="whatsnew_remember", icon=":material/done_all:", type="primary"):
            data.remember_whats_new(home, digest)
            st.rerun()
    else:
        st.success("Nothing new since the last look.", icon=":material/check_circle:")
    st.header("Saved searches")
    if not view["searches"]:
        st.caption("No saved searches yet.")
    for search in view["searches"]:
        _search(home, search)
    _add_form(home)
    st.header("Actions")
    _actions("Newly done", view["newly_done"], "No action was newly delivered.")
    _actions("Newly overdue", view["newly_overdue"], "No action newly overdue.")
    _actions("New actions", view["new_actions"], "No new actions.")


main()
