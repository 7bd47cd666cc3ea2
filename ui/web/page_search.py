"""Search page: query box, facet sidebar with counts, date range, sort, paginated hits with
highlighted snippets, CSV export.

The view lives in the URL (`?q=free+school+meals&kind=minutes&p=2`): on a fresh session the
widgets are seeded from `st.query_params`, and after every run the URL is rewritten from the
widgets, so copying the address shares exactly this view.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any

import streamlit as st

from ui.web import data
from ui.web.common import EARLIEST_DATE, LATEST_DATE, open_home, page_link, where
from ui.web.text import escape_markdown, highlight_markdown, mark_spans_markdown, query_terms

PAGE_SIZE = 10
# URL parameter -> (facet name in the search JSON, sidebar label).
FACETS = {
    "body": ("body", "Body"),
    "year": ("year", "Year"),
    "kind": ("document_kind", "Kind of paper"),
    "person": ("person", "Person"),
    "org": ("organisation", "Organisation"),
}
FACET_OPTIONS_SHOWN = 12
URL_KEYS = ("q", *FACETS, "from", "to", "sort", "p")


def _key(name: str) -> str:
    return f"search_{name}"


def _seed_from_url() -> None:
    """Fill widget state from the URL for keys this session has not set yet."""
    params = st.query_params
    for name in URL_KEYS:
        if _key(name) in st.session_state or name not in params:
            continue
        value = params[name]
        if name in ("from", "to"):
            try:
                st.session_state[_key(name)] = dt.date.fromisoformat(value)
            except ValueError:
                continue
        elif name == "p":
            st.session_state[_key(name)] = max(1, int(value)) if value.isdecimal() else 1
        elif name == "sort":
            st.session_state[_key(name)] = "date" if value == "date" else "relevance"
        else:
            st.session_state[_key(name)] = value


def _write_url(state: dict[str, Any]) -> None:
    """Rewrite the URL from the current view, leaving defaults out to keep it short."""
    wanted = {k: str(v) for k, v in state.items() if v not in (None, "", "relevance", 1)}
    if dict(st.query_params) != wanted:
        st.query_params.from_dict(wanted)


def _request(state: dict[str, Any], limit: int, offset: int) -> dict[str, Any]:
    """SearchRequest fields (as the CLI names them) for the current view."""
    date_from = state["from"]
    date_to = state["to"]
    if state["year"]:
        # A year facet is a date range; an explicit range narrows it further.
        date_from = max(filter(None, [date_from, f"{state['year']}-01-01"]))
        date_to = min(filter(None, [date_to, f"{state['year']}-12-31"]))
    return {
        "query": state["q"],
        "body": state["body"],
        "kind": state["kind"],
        "date_from": date_from,
        "date_to": date_to,
        "person": state["person"],
        "org": state["org"],
        "sort": state["sort"],
        "limit": limit,
        "offset": offset,
    }


def _facet_label(counts: dict[str, int]) -> Callable[[str], str]:
    # Pill labels are Markdown, and facet values (names, bodies) come from papers.
    return lambda value: escape_markdown(f"{value.replace('_', ' ')} ({counts.get(value, 0)})")


def _facet_sidebar(facets: dict[str, dict[str, int]]) -> None:
    """One single-choice set of pills per facet, labelled with its count over all matches."""
    for name, (facet, label) in FACETS.items():
        counts = facets.get(facet) or {}
        chosen = st.session_state.get(_key(name))
        options = sorted(counts, key=lambda v: (-counts[v], v))[:FACET_OPTIONS_SHOWN]
        if chosen and chosen not in options:
            options.append(chosen)
        if not options:
            continue
        st.pills(
            label,
            options,
            selection_mode="single",
            # Pill labels are Markdown, and facet values (names, bodies) come from papers.
            format_func=_facet_label(counts),
            key=_key(name),
        )


def _render_hit(hit: dict[str, Any], terms: list[str], query: str, index: int) -> None:
    # Keyed containers (CSS class `st-key-hit-N`) let the browser tests find each result.
    with st.container(border=True, key=f"hit-{index}"):
        title = hit.get("item_title") or hit.get("document_title") or "Untitled"
        number = hit.get("item_number")
        heading = f"Item {number}: {title}" if number else title
        st.markdown("**" + escape_markdown(heading) + "**")
        section = hit.get("section_title")
        caption = where({**hit, "item_title": None}) + f" · page {hit.get('page') or '?'}"
        if section and section != title:
            caption += f" · {section}"
        st.caption(escape_markdown(caption))
        snippet = hit.get("snippet") or ""
        spans = hit.get("highlights")
        # The engine's own marks are exact (stemmed, phrase-aware); query words are the fallback.
        st.markdown(mark_spans_markdown(snippet, spans) if spans else highlight_markdown(snippet, terms))
        page_link(hit.get("document_id"), hit.get("page"), query, f"Open page {hit.get('page') or 1}")


def main() -> None:
    home, version = open_home()
    _seed_from_url()
    st.title("Search the papers")
    query = st.text_input(
        "Search",
        key=_key("q"),
        placeholder='free school meals · "pathway planning" · leadership AND schools',
        help='Words, "phrases", AND/OR/NOT and field:value. Press Enter to search.',
    )
    if not query.strip():
        _write_url({})
        st.info("Type a query and press Enter. Try *free school meals* or *pathway planning*.")
        return

    with st.sidebar:
        st.header("Filter")
        col_from, col_to = st.columns(2)
        date_from, date_to = (
            column.date_input(
                label,
                value=None,
                min_value=EARLIEST_DATE,
                max_value=LATEST_DATE,
                key=_key(name),
                format="YYYY-MM-DD",
            )
            for column, label, name in ((col_from, "From", "from"), (col_to, "To", "to"))
        )
        sort = st.radio("Sort by", ["relevance", "date"], key=_key("sort"), horizontal=True)
        facet_box = st.container()

    state: dict[str, Any] = {
        "q": query.strip(),
        **{name: st.session_state.get(_key(name)) or None for name in FACETS},
        "from": date_from.isoformat() if isinstance(date_from, dt.date) else None,
        "to": date_to.isoformat() if isinstance(date_to, dt.date) else None,
        "sort": sort or "relevance",
    }
    # A new query or filter starts again at page 1.
    signature = tuple(sorted(state.items()))
    if st.session_state.get("search_signature") not in (None, signature):
        st.session_state[_key("p")] = 1
    st.session_state["search_signature"] = signature
    page = int(st.session_state.get(_key("p")) or 1)

    started = time.perf_counter()
    with st.spinner("Searching…"):
        result = data.search(home, version, **_request(state, PAGE_SIZE, (page - 1) * PAGE_SIZE))
    elapsed = time.perf_counter() - started

    with facet_box:
        _facet_sidebar(result.get("facets") or {})
    # The pills just drawn may hold a choice made this run: read them back for the URL.
    for name in FACETS:
        state[name] = st.session_state.get(_key(name)) or None
    _write_url({**state, "p": page})

    total = int(result.get("total") or 0)
    terms = query_terms(state["q"])
    head, export = st.columns([4, 1])
    head.markdown(f"**{total}** result{'s' if total != 1 else ''} · {elapsed:.2f} s")
    for note in result.get("notes", []) or []:
        st.caption(escape_markdown(str(note)))
    if total == 0:
        st.info("No papers match. Loosen a filter or try other words.")
        return
    export.download_button(
        "Export CSV",
        data=lambda: data.search_csv(home, version, total, **_request(state, PAGE_SIZE, 0)),
        file_name="minutebook-search.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
    )
    for index, hit in enumerate(result.get("hits", [])):
        _render_hit(hit, terms, state["q"], index)

    pages = max(1, -(-total // PAGE_SIZE))
    if pages > 1:
        prev, label, nxt = st.columns([1, 2, 1])
        if prev.button("← Previous", disabled=page <= 1, width="stretch"):
            st.session_state[_key("p")] = page - 1
            st.rerun()
        label.caption(f"Page {page} of {pages}")
        if nxt.button("Next →", disabled=page >= pages, width="stretch"):
            st.session_state[_key("p")] = page + 1
            st.rerun()


main()
