"""People and organisations: who is named in the papers; for one name, the meetings they
attended (with roles), their declarations of interest, and mentions over time.

URL: `people?type=person&name=…`.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import streamlit as st

from ui.web import data
from ui.web.common import open_home, page_link, record_table
from ui.web.text import escape_markdown

TYPES = {"person": "People", "organisation": "Organisations", "place": "Places"}


def _attendance_rows(entity: dict[str, Any]) -> list[dict[str, Any]]:
    """Meetings attended and apologies sent, in date order (people only): one row per
    meeting and status, though two papers of the meeting (its minutes and their printed
    copy) both record it; an undated paper's record is its own row."""
    records = [*(entity.get("attended") or []), *(entity.get("apologies") or [])]
    rows: dict[tuple[Any, ...], dict[str, Any]] = {}
    for a in sorted(records, key=lambda a: (a.get("meeting_date") is None, a.get("meeting_date") or "")):
        meeting = (a["meeting_date"], a["body"]) if a["meeting_date"] else (a.get("document_id"),)
        rows.setdefault(
            (*meeting, a["status"]),
            {
                "Date": a["meeting_date"] or "undated",
                "Body": a["body"],
                "Status": a["status"].replace("_", " "),
                "Role": a["role"] or "",
                "Substituting for": a.get("substituting_for") or "",
                "Page": a["page"],
            },
        )
    return list(rows.values())


def _person_records(entity: dict[str, Any]) -> None:
    # One above the other: each table needs the column's width to show its cells whole.
    record_table("Meetings attended", _attendance_rows(entity), "No attendance recorded under this name.")
    record_table(
        "Declarations of interest",
        [
            {
                "Date": d["meeting_date"] or "undated",
                "Body": d["body"],
                "Interest": d["interest"],
                "Item": d["item_number"] or "",
                "Page": d["page"],
            }
            for d in entity.get("declarations") or []
        ],
        "No declarations recorded.",
    )


def _detail(home: Any, version: Any, entity: dict[str, Any]) -> None:
    name = entity["name"]
    # A name read from a paper ("*Corp*", ":red[Corp]") is shown as written, never as Markdown.
    st.subheader(escape_markdown(name))
    roles = ", ".join(entity.get("roles") or []) or "no role recorded"
    st.caption(
        escape_markdown(
            f"{entity.get('mentions', 0)} mentions · {len(entity.get('meetings') or [])} meetings · {roles}"
        )
    )
    forms = entity.get("forms") or []
    if len(forms) > 1:
        st.caption(escape_markdown("Also written: " + ", ".join(f for f in forms if f != name)))
    if entity["type"] == "person":
        _person_records(entity)
    papers = data.entity_mentions(home, version, entity["type"], tuple(forms or [name]))
    record_table(
        "Papers naming them",
        [
            {
                "Date": m["date"] or "undated",
                "Body": m["body"],
                "Paper": (m["kind"] or "").replace("_", " "),
                "Mentions": m["mentions"],
                "First page": m["page"],
            }
            for m in papers
        ],
        "No paper names them.",
    )
    st.markdown("**Mentions over time**")
    mentions = [m for m in papers if m.get("date")]
    if mentions:
        chart = (
            alt.Chart(alt.Data(values=mentions))
            .mark_bar()
            .encode(
                x=alt.X("date:T", title="Meeting"),
                y=alt.Y("sum(mentions):Q", title="Mentions"),
                color=alt.Color("kind:N", title="Paper"),
                tooltip=["date:T", "body:N", "kind:N", "mentions:Q"],
            )
            .properties(height=220)
        )
        st.altair_chart(chart, width="stretch")
    for m in papers:
        kind = (m["kind"] or "paper").replace("_", " ")
        page_link(
            m["document_id"],
            m["page"],
            name,
            f"{m['date'] or 'undated'} · {m['body'] or ''} · {kind} · page {m['page']}",
        )


def main() -> None:
    home, version = open_home()
    st.title("People and organisations")
    params = st.query_params
    if "people_type" not in st.session_state:
        st.session_state["people_type"] = params.get("type") if params.get("type") in TYPES else "person"
    entity_type = (
        st.segmented_control("Show", list(TYPES), format_func=lambda t: TYPES[t], key="people_type")
        or "person"
    )
    with st.spinner("Gathering names…"):
        rows = data.entities(home, version, entity_type)
    if not rows:
        st.info(f"No {TYPES[entity_type].lower()} found in the papers yet.")
        return
    rows = sorted(rows, key=lambda r: (-int(r.get("mentions") or 0), r["name"]))
    names = [r["name"] for r in rows]
    if st.session_state.get("people_name") not in names:
        wanted = params.get("name")
        st.session_state["people_name"] = wanted if wanted in names else names[0]
    table, detail = st.columns([1, 1])
    with table:
        filter_text = st.text_input("Filter names", key="people_filter").strip().lower()
        listed = [r for r in rows if filter_text in r["name"].lower()]
        st.dataframe(
            [
                {
                    "Name": r["name"],
                    "Mentions": r.get("mentions", 0),
                    "Meetings": len(r.get("meetings") or []),
                    "Roles": ", ".join(r.get("roles") or []),
                }
                for r in listed
            ],
            hide_index=True,
            width="stretch",
            height=420,
            # Rows tall enough (over 64 px) that Streamlit wraps a long list of roles.
            row_height=66,
            column_config={
                "Name": st.column_config.TextColumn("Name", width=130),
                "Mentions": st.column_config.NumberColumn("Mentions", width=70),
                "Meetings": st.column_config.NumberColumn("Meetings", width=70),
                "Roles": st.column_config.TextColumn("Roles", width=155),
            },
        )
        name = st.selectbox("Open", names, key="people_name")
    st.query_params.from_dict({"type": entity_type, "name": name})
    with detail:
        _detail(home, version, next(r for r in rows if r["name"] == name))


main()
