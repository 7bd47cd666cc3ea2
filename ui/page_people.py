"""People and organisations: who is named in the papers; for one name, the meetings they
attended (with roles), their declarations of interest, and mentions over time.

URL: `people?type=person&name=…`.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import streamlit as st

from ui import data
from ui.common import open_home, page_link, record_table, show_missing
from ui.text import escape_markdown

TYPES = {"person": "People", "organisation": "Organisations", "place": "Places"}


def _detail(home: Any, version: Any, entity: dict[str, Any]) -> None:
    name = entity["name"]
    st.subheader(name)
    roles = ", ".join(entity.get("roles") or []) or "no role recorded"
    st.caption(
        escape_markdown(
            f"{entity.get('mentions', 0)} mentions · {len(entity.get('meetings') or [])} meetings · {roles}"
        )
    )
    records = data.entity_records(home, version, name)
    left, right = st.columns(2)
    with left:
        record_table(
            "Meetings attended",
            [
                {
                    "Date": a["date"],
                    "Body": a["body"],
                    "Status": a["status"].replace("_", " "),
                    "Role": a["role"] or "",
                }
                for a in records["attendance"]
            ],
            "No attendance recorded under this name.",
        )
    with right:
        record_table(
            "Declarations of interest",
            [
                {
                    "Date": d["date"],
                    "Interest": d["interest"],
                    "Item": d["item_number"] or "",
                    "Page": d["page"],
                }
                for d in records["declarations"]
            ],
            "No declarations recorded.",
        )
    st.markdown("**Mentions over time**")
    mentions = [m for m in records["mentions"] if m.get("date")]
    if mentions:
        chart = (
            alt.Chart(alt.Data(values=mentions))
            .mark_bar()
            .encode(
                x=alt.X("date:T", title="Meeting"),
                y=alt.Y("mentions:Q", title="Mentions"),
                tooltip=["date:T", "body:N", "mentions:Q"],
            )
            .properties(height=220)
        )
        st.altair_chart(chart, width="stretch")
        for m in mentions:
            page_link(
                m["document_id"], m["page"], name, f"{m['date']} · {m['body'] or ''} · page {m['page']}"
            )
    else:
        st.caption("No dated mentions.")


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
    try:
        with st.spinner("Gathering names…"):
            rows = data.entities(home, version, entity_type)
    except data.BackendMissing as exc:
        show_missing(exc)
        return
    if not rows:
        st.info(f"No {TYPES[entity_type].lower()} found in the papers yet.")
        return
    rows = sorted(rows, key=lambda r: (-int(r.get("mentions") or 0), r["name"]))
    names = [r["name"] for r in rows]
    if st.session_state.get("people_name") not in names:
        wanted = params.get("name")
        st.session_state["people_name"] = wanted if wanted in names else names[0]
    table, detail = st.columns([2, 3])
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
        )
        name = st.selectbox("Open", names, key="people_name")
    st.query_params.from_dict({"type": entity_type, "name": name})
    with detail:
        _detail(home, version, next(r for r in rows if r["name"] == name))


main()
