"""Figures page: search the numbers read from the papers (money, percentages, counts and
indicator-table cells) and chart one indicator over time; every point links to its page.

URL: `figures?q=…&label=…`.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import streamlit as st

from ui import data
from ui.common import open_home, page_link, show_missing


def _point_url(row: dict[str, Any]) -> str:
    """Relative link to the meeting page at the figure's source page (Altair `href`)."""
    return f"meetings?doc={row['document_id']}&page={row['page']}"


def series(rows: list[dict[str, Any]], label: str) -> list[dict[str, Any]]:
    """The points of one indicator in time order: by period label when tables give one
    (KPI dashboards print months as columns), else by meeting date."""
    points = [dict(r, x=r.get("period") or r.get("meeting_date") or "") for r in rows if r["label"] == label]
    # Stable sort: within one meeting the paper's own column order is the time order.
    return sorted(points, key=lambda r: r.get("meeting_date") or "")


def main() -> None:
    home, version = open_home()
    st.title("Figures")
    if "figures_q" not in st.session_state:
        st.session_state["figures_q"] = st.query_params.get("q", "")
    query = st.text_input(
        "Search figures", key="figures_q", placeholder="looked after children · budget · %"
    ).strip()
    try:
        with st.spinner("Finding figures…"):
            rows = data.figures(home, version, query or None)
    except data.BackendMissing as exc:
        show_missing(exc)
        return
    if not rows:
        st.info("No figures match." if query else "No figures found in the papers yet.")
        return
    labels: dict[str, int] = {}
    for row in rows:
        labels[row["label"]] = labels.get(row["label"], 0) + 1
    ordered = sorted(labels, key=lambda k: (-labels[k], k))
    if st.session_state.get("figures_label") not in ordered:
        wanted = st.query_params.get("label")
        st.session_state["figures_label"] = wanted if wanted in ordered else ordered[0]
    label = st.selectbox(
        "Indicator", ordered, format_func=lambda k: f"{k} ({labels[k]} values)", key="figures_label"
    )
    st.query_params.from_dict({**({"q": query} if query else {}), "label": label})
    points = series(rows, label)
    for point in points:
        point["source"] = _point_url(point)
    units = sorted({p.get("unit") or "" for p in points})
    chart = (
        alt.Chart(alt.Data(values=points))
        .mark_line(point=alt.OverlayMarkDef(size=80))
        .encode(
            x=alt.X("x:N", title="Period", sort=None),
            y=alt.Y("value:Q", title=", ".join(u for u in units if u) or "value"),
            href="source:N",
            tooltip=["x:N", "value:Q", "unit:N", "meeting_date:N", "page:Q", "context:N"],
        )
        .properties(height=320)
    )
    st.altair_chart(chart, width="stretch")
    st.caption("Click a point to open its source page.")
    st.dataframe(
        [
            {
                "Period": p["x"],
                "Value": p["value"],
                "Unit": p.get("unit"),
                "Meeting": p.get("meeting_date"),
                "Page": p.get("page"),
                "Context": p.get("context"),
            }
            for p in points
        ],
        hide_index=True,
        width="stretch",
    )
    with st.expander("Source pages"):
        for p in points:
            page_link(
                p.get("document_id"), p.get("page"), None, f"{p['x']}: {p['value']:g} — page {p.get('page')}"
            )


main()
