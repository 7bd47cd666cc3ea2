"""Sources page: the council sites papers were fetched from (`minutebook fetch`), each with
its committees, how many meetings and papers came from each, when it was last fetched, and
what could not be fetched, with the one-line reason."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui.web import data
from ui.web.text import escape_markdown

_MODES = {"service": "its web service", "pages": "its pages (the web service is off)", "folder": "a folder"}


def _committee_rows(source: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "Committee": c["title"],
            "Meetings": c["meetings"],
            "Papers": c["papers"],
            "In the archive": c["documents"],
            "Could not fetch": c["errors"],
            "Meetings from": c["first_meeting"] or "",
            "Meetings to": c["last_meeting"] or "",
            "Last fetched": (c["last_fetched_at"] or "").replace("T", " "),
        }
        for c in source["committees"]
    ]


def _source(source: dict[str, Any]) -> None:
    with st.container(border=True, key=f"source-{source['council']}"):
        st.subheader(escape_markdown(source["id"]))
        how = _MODES.get(source["mode"] or "", source["mode"] or "unknown")
        last, first = (source[key].replace("T", " ") for key in ("last_fetched_at", "first_fetched_at"))
        st.caption(
            escape_markdown(
                f"{source['kind']} · read through {how} · last fetched {last} · first fetched {first}"
            )
        )
        rows = _committee_rows(source)
        if rows:
            st.dataframe(rows, hide_index=True, width="stretch")
        failing = source["failing"]
        others = [e for e in source["last_errors"] if not any(f["url"] in e for f in failing)]
        if failing or others:
            st.warning(
                f"{len(failing) + len(others)} problem{'s' if len(failing) + len(others) != 1 else ''}"
                " at the last fetch",
                icon=":material/error:",
            )
        if failing:
            st.dataframe(
                [
                    {
                        "Paper": f["title"] or f["url"],
                        "Committee": f["committee"] or "",
                        "Meeting": f["meeting_date"] or "",
                        # The address has its own column: the error without it reads better.
                        "Error": f["error"].removeprefix(f"{f['url']}: "),
                        "Tried": (f["checked_at"] or "").replace("T", " "),
                        "Address": f["url"],
                    }
                    for f in failing
                ],
                hide_index=True,
                width="stretch",
                column_config={"Address": st.column_config.LinkColumn("Address")},
            )
        for error in others:
            st.caption(escape_markdown(error))


def main() -> None:
    home = data.current_home()
    version = data.store_version(home)
    st.title("Sources")
    rows = data.sources(home, version)
    if not rows:
        st.info(
            "No council sites yet — run `minutebook fetch URL` to fetch a council's papers"
            " from its ModernGov site.",
            icon=":material/cloud_download:",
        )
        st.caption(f"Home: `{home}`")
        return
    total = sum(c["papers"] for s in rows for c in s["committees"])
    st.caption(f"{len(rows)} site{'s' if len(rows) != 1 else ''}, {total} papers fetched")
    for source in rows:
        _source(source)


main()
