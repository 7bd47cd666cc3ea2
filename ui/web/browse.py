"""The meetings browser: every meeting in a sortable, filterable table and on a timeline by
committee; choosing a row opens that meeting.

Rules:
* The view lives in the URL (`meetings?committee=…&year=2025&kind=minutes`): filters are
  seeded from it on a fresh visit and written back after every run, so a view is shared by
  copying the address. Filters need no query: any combination browses.
* Newest first; undated meetings say "undated" and sort last (an ISO date sorts before the
  word), so the browser never leads with a junk undated meeting.
* Filter options carry their counts over the meetings the other filters leave, and committee
  names are radio labels, which wrap: they are never cut short.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import altair as alt
import streamlit as st

from minutebook.text import body_key
from ui.web import data
from ui.web.text import escape_markdown

UNDATED = "undated"
UNNAMED = "unnamed committee"
_URL_KEYS = ("committee", "year", "kind")
_STATE = "browse_filters"


def _year(row: dict[str, Any]) -> str:
    return (row.get("date") or "")[:4] or UNDATED


def _committee(row: dict[str, Any]) -> str:
    """The committee's name as the browser shows it (`committee_names`)."""
    return str(row.get("committee") or row.get("body") or UNNAMED)


def _shouting(name: str) -> bool:
    """Mostly capitals ("MANORDEILO and SALEM COMMUNITY COUNCIL"): a heading's style, not the name's."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.7


def committee_spellings(rows: list[dict[str, Any]]) -> dict[str, str]:
    """One spelling per committee (by `body_key`), whatever case or "&"/"and" its papers
    print (Bristol's forward plan heads "TRANSPORT and CONNECTIVITY POLICY COMMITTEE"): the
    spelling most meetings use, mixed case before capitals."""
    spellings: dict[str, Counter[str]] = {}
    for row in rows:
        if row.get("body"):
            spellings.setdefault(row.get("body_key") or row["body"], Counter())[row["body"]] += 1
    return {
        key: max(names, key=lambda n: (not _shouting(n), names[n], n)) for key, names in spellings.items()
    }


def committee_names(rows: list[dict[str, Any]]) -> None:
    """Set each row's `committee` to its committee's one spelling (`committee_spellings`)."""
    chosen = committee_spellings(rows)
    for row in rows:
        row["committee"] = chosen.get(row.get("body_key") or row.get("body") or "", UNNAMED)


def with_committees(rows: list[dict[str, Any]], meetings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Copies of `rows` (anything with a `body`: actions, decisions) with `committee` set to
    the spelling the browser shows for that committee among `meetings`, so "MANORDEILO and
    SALEM COMMUNITY COUNCIL" and "Manordeilo and Salem Community Council" are one group and
    one filter option. The papers' own spelling stays in `body`."""
    spellings = committee_spellings(meetings)
    return [
        {**row, "committee": spellings.get(body_key(row.get("body")) or "", row.get("body") or UNNAMED)}
        for row in rows
    ]


def _matches(row: dict[str, Any], chosen: dict[str, Any], skip: str | None = None) -> bool:
    if skip != "committee" and chosen["committee"] and _committee(row) != chosen["committee"]:
        return False
    if skip != "year" and chosen["year"] and _year(row) not in chosen["year"]:
        return False
    return skip == "kind" or not chosen["kind"] or bool(set(chosen["kind"]) & set(row["kinds"]))


def _seed_from_url() -> None:
    """Widget state from the URL on a fresh visit (or from this session's last view)."""
    params = st.query_params
    remembered = st.session_state.get(_STATE, {})
    if "browse_committee" not in st.session_state:
        st.session_state["browse_committee"] = params.get("committee") or remembered.get("committee") or ""
    for name in ("year", "kind"):
        if f"browse_{name}" not in st.session_state:
            st.session_state[f"browse_{name}"] = params.get_all(name) or remembered.get(name) or []


def _filters(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The sidebar's filters, each offering only values the other filters leave, with counts."""
    chosen = {
        "committee": st.session_state.get("browse_committee") or "",
        "year": list(st.session_state.get("browse_year") or []),
        "kind": list(st.session_state.get("browse_kind") or []),
    }
    with st.sidebar:
        st.header("Filter meetings")
        committees = Counter(_committee(r) for r in rows if _matches(r, chosen, skip="committee"))
        options = ["", *sorted(committees, key=lambda c: (-committees[c], c))]
        if chosen["committee"] and chosen["committee"] not in options:
            options.append(chosen["committee"])
        total = sum(committees.values())
        st.radio(
            "Committee",
            options,
            format_func=lambda c: escape_markdown(
                f"All committees ({total})" if not c else f"{c} ({committees.get(c, 0)})"
            ),
            key="browse_committee",
        )
        years = Counter(_year(r) for r in rows if _matches(r, chosen, skip="year"))
        year_options = sorted((y for y in years if y != UNDATED), reverse=True) + (
            [UNDATED] if UNDATED in years else []
        )
        year_options += [y for y in chosen["year"] if y not in year_options]
        st.pills(
            "Year",
            year_options,
            selection_mode="multi",
            format_func=lambda y: f"{y} ({years.get(y, 0)})",
            key="browse_year",
        )
        kinds = Counter(k for r in rows if _matches(r, chosen, skip="kind") for k in r["kinds"])
        kind_options = sorted(kinds, key=lambda k: (-kinds[k], k))
        kind_options += [k for k in chosen["kind"] if k not in kind_options]
        st.pills(
            "Kind of paper",
            kind_options,
            selection_mode="multi",
            format_func=lambda k: f"{k.replace('_', ' ')} ({kinds.get(k, 0)})",
            key="browse_kind",
        )
    return {
        "committee": st.session_state.get("browse_committee") or "",
        "year": list(st.session_state.get("browse_year") or []),
        "kind": list(st.session_state.get("browse_kind") or []),
    }


def _write_url(chosen: dict[str, Any]) -> None:
    wanted: dict[str, str | list[str]] = {k: v for k, v in chosen.items() if v}
    st.session_state[_STATE] = chosen
    if {k: st.query_params.get_all(k) for k in _URL_KEYS} != {
        k: ([wanted[k]] if isinstance(wanted.get(k), str) else list(wanted.get(k) or [])) for k in _URL_KEYS
    }:
        st.query_params.from_dict(wanted)


def table_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What the table shows of each meeting (in the order given)."""
    return [
        {
            "Date": r["date"] or UNDATED,
            "Committee": _committee(r),
            "Papers": ", ".join(k.replace("_", " ") for k in r["kinds"]),
            "Items": r["items"],
            "Decisions": r["decisions"],
            "Actions": r["actions"],
        }
        for r in rows
    ]


def _open_selected(shown: list[dict[str, Any]]) -> None:
    """The table's selection callback: open the chosen meeting (and forget the choice, so
    coming back to the list does not reopen it)."""
    event = st.session_state.get("browse_table")
    rows = list(getattr(getattr(event, "selection", None), "rows", None) or [])
    if not rows and isinstance(event, dict):
        rows = list(event.get("selection", {}).get("rows", []))
    del st.session_state["browse_table"]
    if rows and 0 <= rows[0] < len(shown):
        st.query_params.from_dict({"meeting": shown[rows[0]]["id"]})


def _timeline(rows: list[dict[str, Any]]) -> None:
    """Meetings as points on a date axis, one line per committee; a point opens its meeting."""
    dated = [r for r in rows if r.get("date")]
    if not dated:
        return
    values = [
        {
            "date": r["date"],
            "committee": _committee(r),
            "papers": ", ".join(k.replace("_", " ") for k in r["kinds"]),
            "link": f"meetings?meeting={r['id']}",
        }
        for r in dated
    ]
    committees = len({v["committee"] for v in values})
    chart = (
        alt.Chart(alt.Data(values=values))
        .mark_circle(size=140, opacity=0.85)
        .encode(
            x=alt.X("date:T", title=None, axis=alt.Axis(format="%b %Y")),
            y=alt.Y("committee:N", title=None, axis=alt.Axis(labelLimit=420)),
            color=alt.Color("committee:N", legend=None),
            href="link:N",
            tooltip=["date:N", "committee:N", "papers:N"],
        )
        .properties(height=max(90, 34 * committees))
    )
    st.altair_chart(chart, width="stretch")
    undated = len(rows) - len(dated)
    if undated:
        st.caption(f"{undated} undated meeting{'s are' if undated != 1 else ' is'} in the table only.")


def show(home: Path, version: tuple[float, ...]) -> None:
    """The browser: filters, timeline, table; a chosen row opens its meeting."""
    rows = [dict(r) for r in data.meetings_table(home, version)]
    committee_names(rows)
    st.title("Meetings")
    _seed_from_url()
    chosen = _filters(rows)
    _write_url(chosen)
    shown = [r for r in rows if _matches(r, chosen)]
    st.markdown(
        f"**{len(shown)}** meeting{'s' if len(shown) != 1 else ''}"
        + (f" of {len(rows)}" if len(shown) != len(rows) else "")
        + " · newest first, undated last · select a row to open the meeting"
    )
    if not shown:
        st.info("No meetings match these filters. Clear one in the sidebar.")
        return
    _timeline(shown)
    st.dataframe(
        table_rows(shown),
        hide_index=True,
        width="stretch",
        key="browse_table",
        on_select=lambda: _open_selected(shown),
        selection_mode="single-row",
        column_config={
            "Date": st.column_config.TextColumn("Date", width=95),
            "Committee": st.column_config.TextColumn("Committee", width=365),
            "Papers": st.column_config.TextColumn("Papers", width=180),
            "Items": st.column_config.NumberColumn("Items", width=60),
            "Decisions": st.column_config.NumberColumn("Decisions", width=80),
            "Actions": st.column_config.NumberColumn(
                "Actions", width=70, help="actions raised at the meeting"
            ),
        },
        height=min(35 * (len(shown) + 1) + 3, 1100),
    )
