"""Ask page: a plain question in, an answer with verbatim page-cited quotes out.

The question lives in the URL (`ask?q=…`) so an answer can be shared. When the papers do
not answer, the page says so instead of guessing, and shows the nearest passages found.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui.web import data
from ui.web.common import open_home, page_link, quote, where
from ui.web.text import escape_markdown


def main() -> None:
    home, version = open_home()
    st.title("Ask the papers")
    if "ask_q" not in st.session_state:
        st.session_state["ask_q"] = st.query_params.get("q", "")
    question = st.text_input(
        "Question",
        key="ask_q",
        placeholder="When will the free school meals report come back to committee?",
        help="Press Enter to ask. Answers quote the papers verbatim, with the page.",
    ).strip()
    if not question:
        st.query_params.clear()
        st.info("Ask a question in plain words, e.g. *What did the panel ask for on pathway planning?*")
        return
    st.query_params.from_dict({"q": question})
    with st.spinner("Reading the papers…"):
        result = data.ask(home, version, question)
    answer = result.get("answer")
    if answer is None:
        # Passages that do not answer support nothing (CONTRACT): they are shown apart, as
        # the closest the papers come, with a search for the same words as the next step.
        st.warning("The papers do not answer that question.", icon=":material/help:")
        nearest = result.get("nearest") or []
        if nearest:
            st.subheader("Nearest passages")
        show_citations(nearest, question, "nearest")
        st.page_link(
            "page_search.py",
            label="Search the papers for these words instead",
            icon=":material/search:",
            query_params={"q": question},
        )
        return
    st.subheader("Answer")
    st.markdown(escape_markdown(str(answer)))
    st.caption(f"Confidence {float(result.get('confidence') or 0):.0%}")
    citations = result.get("citations") or []
    if citations:
        st.subheader("From the papers")
    show_citations(citations, question, "citation")


def show_citations(citations: list[dict[str, Any]], question: str, key: str) -> None:
    for index, cite in enumerate(citations):
        with st.container(border=True, key=f"{key}-{index}"):
            quote(cite.get("quote") or "")
            st.caption(escape_markdown(where(cite) + f" · page {cite.get('page')}"))
            page_link(cite.get("document_id"), cite.get("page"), question, f"Open page {cite.get('page')}")


main()
