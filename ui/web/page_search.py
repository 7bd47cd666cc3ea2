"""Search page: query box with an "any word" switch and the syntax explained, facet sidebar
with counts (shown with or without a query), date range, sort, paginated hits under their
item headings with highlighted snippets, CSV export with links.

The view lives in the URL (`?q=free+school+meals&kind=minutes&p=2`, or only facets:
`?body=…&year=2025&kind=minutes`): on a fresh session the widgets are seeded from
`st.query_params`, and after every run the URL is rewritten from the widgets, so copying the
address shares exactly this view.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any

import streamlit as st

from ui.web import data
from ui.web.common import EARLIEST_DATE, LATEST_DATE, app_root_url, open_home, page_link, where
from ui.web.text import escape_markdown, highlight_markdown, mark_spans_markdown, query_terms

PAGE_SIZE = 10
# URL parameter -> (facet name in the search JSON, sidebar label).
FACETS = {
    "body": ("body", "Committee"),
    "year": ("year", "Year"),
    "kind": ("document_kind", "Kind of paper"),
    "person": ("person", "Person"),
    "org": ("organisation", "Organisation"),
}
# Facets shown as a radio list: their values are long names, and radio labels wrap.
LONG_VALUES = {"body", "org"}
FACET_OPTIONS_SHOWN = 12
URL_KEYS = ("q", "any", *FACETS, "from", "to", "sort", "p")
SYNTAX_HELP = """
**Plain words are all required.** `free school meals` finds the sections that say all three
(in their text or under their headings). Switch on **Any word** to find sections that say
any of them, those with more of the words first.

| You type | It finds |
|---|---|
| `"free school meals"` | the words together, in that order |
| `meals AND catering` | both (the same as `meals catering`) |
| `catering OR transport` | either; the sections with both rank first |
| `meals NOT catering` | sections about meals that do not mention catering |
| `field:value` | only where a field says it (the fields are listed below) |

Words are matched in all their forms: *meal* finds *meals*, *planning* finds *plan*.
"""


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
        elif name == "any":
            st.session_state[_key(name)] = value not in ("", "0", "false")
        else:
            st.session_state[_key(name)] = value


def _write_url(state: dict[str, Any]) -> None:
    """Rewrite the URL from the current view, leaving defaults out to keep it short."""
    # ("any" apart: True == 1, which would read as the default page.)
    wanted = {k: str(v) for k, v in state.items() if k != "any" and v not in (None, "", "relevance", 1)}
    if state.get("any"):
        wanted["any"] = "1"
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
        "match": "any" if state["any"] else "all",
    }


def _facet_label(counts: dict[str, int]) -> Callable[[str], str]:
    # Labels are Markdown, and facet values (names, bodies) come from papers.
    return lambda value: escape_markdown(
        "All" if not value else f"{value.replace('_', ' ')} ({counts.get(value, 0)})"
    )


def _facet_sidebar(facets: dict[str, dict[str, int]]) -> None:
    """One single choice per facet, each option labelled with its count over all matches.
    Committees are a radio list (long names wrap); the rest are pills."""
    for name, (facet, label) in FACETS.items():
        counts = facets.get(facet) or {}
        chosen = st.session_state.get(_key(name))
        options = sorted(counts, key=lambda v: (-counts[v], v))[:FACET_OPTIONS_SHOWN]
        if chosen and chosen not in options:
            options.append(chosen)
        if not options:
            continue
        if name in LONG_VALUES:
            if _key(name) not in st.session_state or st.session_state[_key(name)] is None:
                st.session_state[_key(name)] = ""
            st.radio(label, ["", *options], format_func=_facet_label(counts), key=_key(name))
        else:
            st.pills(
                label, options, selection_mode="single", format_func=_facet_label(counts), key=_key(name)
            )


def _render_hit(hit: dict[str, Any], terms: list[str], query: str, index: int) -> None:
    # Keyed containers (CSS class `st-key-hit-N`) let the browser tests find each result.
    with st.container(border=True, key=f"hit-{index}"):
        title = hit.get("item_title") or hit.get("document_title") or "Untitled"
        number = hit.get("item_number")
        heading = f"Item {number}: {title}" if number else title
        section = hit.get("section_title")
        line = "**" + escape_markdown(heading) + "**"
        if section and section.strip().casefold() != title.strip().casefold():
            # The section's own heading, in context under its item's.
            line += " › " + escape_markdown(section)
        st.markdown(line)
        st.caption(escape_markdown(where({**hit, "item_title": None}) + f" · page {hit.get('page') or '?'}"))
        snippet = hit.get("snippet") or ""
        spans = hit.get("highlights")
        # The engine's own marks are exact (stemmed, phrase-aware); query words are the fallback.
        st.markdown(mark_spans_markdown(snippet, spans) if spans else highlight_markdown(snippet, terms))
        page_link(hit.get("document_id"), hit.get("page"), query, f"Open page {hit.get('page') or 1}")


def _help() -> None:
    with st.expander("How to search: all words, any word, phrases, AND/OR/NOT and fields"):
        st.markdown(SYNTAX_HELP)
        st.markdown(
            "**Fields** (type the name, a colon and the value):\n\n"
            + "\n".join(f"- `{names}` {escape_markdown(what)}" for names, what in data.query_fields())
        )


def _any_word() -> None:
    # A callback: the switch's state may only change before the switch is drawn.
    st.session_state[_key("any")] = True


def _no_results(home: Any, version: Any, state: dict[str, Any]) -> None:
    """Nothing matched: say why, and when any-word matching would find something, offer it."""
    if not state["any"] and len(query_terms(state["q"])) > 1:
        loose = data.search(home, version, **{**_request(state, 0, 0), "match": "any"})
        if loose.get("total"):
            st.info(
                f"Nothing says all of these words; {loose['total']} result"
                f"{'s say' if loose['total'] != 1 else ' says'} some of them.",
                icon=":material/info:",
            )
            st.button(
                "Show results with any of the words",
                icon=":material/join_left:",
                on_click=_any_word,
                key="search_any_offer",
            )
            return
    st.info("No papers match. Loosen a filter or try other words.")


def main() -> None:
    home, version = open_home()
    _seed_from_url()
    st.title("Search the papers")
    box, switch = st.columns([5, 1], vertical_alignment="bottom")
    query = box.text_input(
        "Search",
        key=_key("q"),
        placeholder='free school meals · "pathway planning" · leadership OR schools',
        help='All words are required. "Phrases", AND/OR/NOT and field:value work too. Press Enter.',
    )
    any_word = switch.toggle(
        "Any word", key=_key("any"), help="Find sections with any of the words, most of them first."
    )
    st.caption(
        ("Any word: sections with any of the words, most first." if any_word else "All words required.")
        + ' Phrases in "quotes", OR, NOT and field:value work too.'
    )
    _help()

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
        if query.strip():
            sort = st.radio("Sort by", ["relevance", "date"], key=_key("sort"), horizontal=True)
        else:
            # Without words there is nothing to rank by: newest first.
            sort = st.session_state.get(_key("sort")) or "relevance"
            st.caption("Without words to rank by, results are newest first.")
        facet_box = st.container()

    state: dict[str, Any] = {
        "q": query.strip(),
        "any": bool(any_word),
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
    browsing = not state["q"]
    request = _request(state, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    if browsing:
        # No words: everything the filters leave, newest first (relevance means nothing here).
        request["sort"] = "date"

    started = time.perf_counter()
    with st.spinner("Searching…"):
        result = data.search(home, version, **request)
    elapsed = time.perf_counter() - started

    _results(home, version, state, request, result, elapsed, page)
    # The facets are drawn after the results, into their place in the sidebar: the first
    # results show as soon as they can (issue 15: within a second of pressing Enter).
    with facet_box:
        _facet_sidebar(result.get("facets") or {})
    # The facets just drawn may hold a choice made this run: read them back for the URL.
    for name in FACETS:
        state[name] = st.session_state.get(_key(name)) or None
    _write_url({**state, "p": page})


def _results(
    home: Any,
    version: Any,
    state: dict[str, Any],
    request: dict[str, Any],
    result: dict[str, Any],
    elapsed: float,
    page: int,
) -> None:
    """The header, the hits of this page (or why there are none), the export and paging."""
    browsing = not state["q"]
    total = int(result.get("total") or 0)
    terms = query_terms(state["q"])
    filtered = any(state[name] for name in (*FACETS, "from", "to"))
    if browsing and not filtered:
        st.info(
            "Type words and press Enter, or choose a committee, year or kind of paper on the left"
            " to browse without words. Below: the newest papers first.",
            icon=":material/search:",
        )
    head, export = st.columns([4, 1], vertical_alignment="center")
    what = f"for “{escape_markdown(state['q'])}”" if state["q"] else "in the papers the filters leave"
    head.markdown(
        f"**{total}** result{'s' if total != 1 else ''} {what}"
        + (" · newest first" if browsing or state["sort"] == "date" else "")
        + f" · {elapsed:.2f} s"
    )
    for note in result.get("notes", []) or []:
        st.caption(escape_markdown(str(note)))
    if total == 0:
        _no_results(home, version, state)
        return
    # The app's address is read now: the export is built later, outside this run.
    root = app_root_url()
    export.download_button(
        "Export CSV",
        data=lambda: data.search_csv(home, version, total, root, **{**request, "offset": 0}),
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
