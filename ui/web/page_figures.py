"""Figures page: search the numbers read from the papers (money, percentages, counts and
indicator-table cells) and chart one indicator over time; every point links to its page.

Rules:
* The page opens on an indicator worth opening (`series.indicators`): a label that names
  something, with at least three periods; never table debris ("s s s s", "Total").
* Money reads as money (£24.5m, £1,900: `numbers.shown`), on the axis, in tooltips and the table.

URL: `figures?q=…&label=…`.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import altair as alt
import streamlit as st

from ui.web import data
from ui.web.common import MEETINGS_URL_PATH, open_home
from ui.web.numbers import MONEY_AXIS, shown
from ui.web.series import Indicator, Series, indicators, series
from ui.web.text import escape_markdown


def point_url(row: dict[str, Any]) -> str:
    """Relative link to the meeting page at the figure's source page (chart `href`, table link).

    Relative, so it resolves against wherever the app is served (`/figures` -> `/meetings`).
    """
    return f"{MEETINGS_URL_PATH}?doc={row['document_id']}&page={row['page']}"


_CHART_FIELDS = ("period", "when", "value", "shown", "unit", "meeting_date", "page", "source")


def _chart_values(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # Only what the chart draws: the rows also carry their whole table line as context.
    return [{k: p.get(k) for k in _CHART_FIELDS} for p in points]


def _chart(found: Series, unit_title: str, money: bool) -> alt.Chart | alt.LayerChart:
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
            y=alt.Y(
                "value:Q",
                title=unit_title,
                scale=alt.Scale(zero=False),
                axis=alt.Axis(labelExpr=MONEY_AXIS) if money else alt.Axis(),
            ),
            href="source:N",
            tooltip=[
                alt.Tooltip("period:N", title="Period"),
                alt.Tooltip("shown:N", title="Value"),
                alt.Tooltip("meeting_date:N", title="Meeting"),
                alt.Tooltip("page:Q", title="Page"),
            ],
        )
    )
    if not found.references:
        return line.properties(height=320)
    # Targets and other non-period columns ("Target <55") are lines across the chart, not points.
    rules = (
        alt.Chart(alt.Data(values=_chart_values(found.references)))
        .mark_rule(strokeDash=[6, 4], color="gray")
        .encode(y="value:Q", tooltip=[alt.Tooltip("period:N"), alt.Tooltip("shown:N", title="Value")])
    )
    return alt.LayerChart(layer=[line, rules], height=320)


def _table(found: Series) -> None:
    rows = [
        {
            "Period": p["period"],
            "Value": shown(p["value"], p.get("unit")),
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
        # Every value in view (a year of months and more) without a scroll box of its own.
        height=min(35 * (len(rows) + 1) + 3, 35 * 25),
        column_config={
            # Opens the meeting page's reader at the paper and page the value was read from.
            "Source": st.column_config.LinkColumn("Source", display_text="Open the page"),
        },
    )


@st.cache_data(show_spinner=False, max_entries=32)
def _indicators(home: Any, version: Any, query: str) -> list[Indicator]:
    """The labels of the figures `query` finds, best to open first (cached per store version)."""
    return indicators(_figures(home, version, query))


def _figures(home: Any, version: Any, query: str) -> list[dict[str, Any]]:
    return [r for r in data.figures(home, version, query or None) if r.get("label")]


def _option(indicator: Indicator) -> str:
    periods = f", {indicator.periods} periods" if indicator.periods > 1 else ""
    return f"{indicator.label} ({indicator.values} value{'s' if indicator.values != 1 else ''}{periods})"


def main() -> None:
    home, version = open_home()
    st.title("Figures")
    if "figures_q" not in st.session_state:
        st.session_state["figures_q"] = st.query_params.get("q", "")
    query = st.text_input(
        "Search indicators",
        key="figures_q",
        placeholder="looked after children · budget · over £1m · %",
        help="Words of the indicator or its table row; 'money', 'percent', 'over £1m', a year.",
    ).strip()
    with st.spinner("Finding figures…"):
        ranked = _indicators(home, version, query)
    if not ranked:
        st.info("No figures match." if query else "No figures found in the papers yet.")
        return
    by_label = {i.label: i for i in ranked}
    ordered = list(by_label)
    if st.session_state.get("figures_label") not in by_label:
        wanted = st.query_params.get("label")
        # Opens on the best series (ranked first), never on a junk label.
        st.session_state["figures_label"] = wanted if wanted in by_label else ordered[0]
    label = st.selectbox(
        "Indicator",
        ordered,
        format_func=lambda k: _option(by_label[k]),
        key="figures_label",
        help="Type to find an indicator; those with several periods come first.",
    )
    st.query_params.from_dict({**({"q": query} if query else {}), "label": label})
    chosen = by_label[label]
    st.subheader(escape_markdown(label))
    st.caption(
        f"{chosen.values} value{'s' if chosen.values != 1 else ''} over {chosen.periods}"
        f" period{'s' if chosen.periods != 1 else ''}"
        + ("" if chosen.worth_opening or chosen.periods >= 3 else " · too few periods to show a trend")
    )
    found = series(_figures(home, version, query), label)
    for point in [*found.points, *found.references]:
        point["source"] = point_url(point)
        point["shown"] = shown(point.get("value"), point.get("unit"))
    units = Counter(p.get("unit") or "" for p in found.points)
    unit = max(units, key=lambda u: (units[u], u)) if units else ""
    if len(units) > 1:
        # One axis holds one unit: the chart draws the commonest, the table lists them all.
        others = ", ".join(sorted(u or "no unit" for u in units if u != unit))
        st.caption(
            escape_markdown(
                f"The chart shows the values in {unit or 'no unit'}; those in {others} are in the table."
            )
        )
        charted = Series(
            points=[p for p in found.points if (p.get("unit") or "") == unit],
            references=[p for p in found.references if (p.get("unit") or "") == unit],
            dated=found.dated,
        )
    else:
        charted = found
    money = unit == "GBP"
    unit_title = "£" if money else (unit or "value")
    st.altair_chart(_chart(charted, unit_title, money), width="stretch")
    st.caption("Click a point, or a row's link below, to open the page it was read from.")
    _table(found)


main()
