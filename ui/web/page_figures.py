"""Figures page: search the numbers read from the papers (money, percentages, counts and
indicator-table cells) and chart one indicator over time; every point links to its page.

URL: `figures?q=…&label=…`.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import streamlit as st

from ui.web import data
from ui.web.common import MEETINGS_URL_PATH, open_home
from ui.web.series import Series, series


def point_url(row: dict[str, Any]) -> str:
    """Relative link to the meeting page at the figure's source page (chart `href`, table link).

    Relative, so it resolves against wherever the app is served (`/figures` -> `/meetings`).
    """
    return f"{MEETINGS_URL_PATH}?doc={row['document_id']}&page={row['page']}"


_CHART_FIELDS = ("period", "when", "value", "unit", "meeting_date", "page", "source")


def _chart_values(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # Only what the chart draws: the rows also carry their whole table line as context.
    return [{k: p.get(k) for k in _CHART_FIELDS} for p in points]


def _chart(found: Series, unit_title: str) -> alt.Chart | alt.LayerChart:
    x = (
        alt.X("when:T", title="Period", axis=alt.Axis(format="%b %Y"))
        if found.dated
        else alt.X("period:N", title="Period", sort=None)
    )
    line = (
        alt.Chart(alt.Data(values=_chart_values(found.points)))
        .mark_line(point=alt.OverlayMarkDef(size=80))
        .encode(
            x=x,
            y=alt.Y("value:Q", title=unit_title, scale=alt.Scale(zero=False)),
            href="source:N",
            tooltip=["period:N", "value:Q", "unit:N", "meeting_date:N", "page:Q"],
        )
    )
    if not found.references:
        return line.properties(height=320)
    # Targets and other non-period columns ("Target <55") are lines across the chart, not points.
    rules = (
        alt.Chart(alt.Data(values=_chart_values(found.references)))
        .mark_rule(strokeDash=[6, 4], color="gray")
        .encode(y="value:Q", tooltip=["period:N", "value:Q"])
    )
    return alt.LayerChart(layer=[line, rules], height=320)


def _table(found: Series) -> None:
    rows = [
        {
            "Period": p["period"],
            "Value": p["value"],
            "Unit": p.get("unit"),
            "Meeting": p.get("meeting_date") or "undated",
            "Page": p.get("page"),
            "Source": p["source"],
        }
        for p in [*found.points, *found.references]
    ]
    st.dataframe(
        rows,
        hide_index=True,
        width="stretch",
        column_config={
            # Opens the meeting page's reader at the paper and page the value was read from.
            "Source": st.column_config.LinkColumn("Source", display_text="Open the page"),
        },
    )


def main() -> None:
    home, version = open_home()
    st.title("Figures")
    if "figures_q" not in st.session_state:
        st.session_state["figures_q"] = st.query_params.get("q", "")
    query = st.text_input(
        "Search indicators", key="figures_q", placeholder="looked after children · budget · %"
    ).strip()
    with st.spinner("Finding figures…"):
        rows = [r for r in data.figures(home, version, query or None) if r.get("label")]
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
    found = series(rows, label)
    for point in [*found.points, *found.references]:
        point["source"] = point_url(point)
    units = sorted({p.get("unit") or "" for p in found.points})
    st.altair_chart(_chart(found, ", ".join(u for u in units if u) or "value"), width="stretch")
    st.caption("Click a point, or a row's link below, to open the page it was read from.")
    _table(found)


main()
