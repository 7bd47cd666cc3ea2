"""Tracker page: the actions raised in the papers as a work list. A sortable table (status,
due date, the action, owner, committee, meeting, item, what delivered it), filterable by
status, committee, owner, meeting, date raised and due date, grouped by meeting or committee,
overdue first; a selected action opens under its table to the commitment's words and the
evidence, where a person marks a suggested match right or wrong
(`search.tracker.record_correction`); CSV export with links.

Rules:
* Statuses are the tracker's (`search.tracker.list_actions`): `overdue` only when the papers
  give a due date and it has passed; an action without one is `open`. They are judged as of
  a date the URL holds (`tracker?as_of=2014-12-31`), today by default.
* The view lives in the URL (`as_of`, `status`, `committee`, `owner`, `meeting`, `group`,
  `raised_from`/`raised_to`, `due_from`/`due_to`, `action`), so a work list is shared by
  copying the address.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import streamlit as st

from ui.web import browse, data, exports
from ui.web.common import EARLIEST_DATE, LATEST_DATE, app_root_url, open_home, page_link, quote, where
from ui.web.text import escape_markdown, plain_line

STATUSES = ["overdue", "open", "done"]
# Overdue first: it is what needs chasing; then open by due date; delivered last.
_ORDER = {"overdue": 0, "open": 1, "done": 2}
_BADGE = {"overdue": ":red-badge[overdue]", "open": ":blue-badge[open]", "done": ":green-badge[done]"}
GROUPS = {"none": "No grouping", "meeting": "Meeting", "committee": "Committee"}
UNNAMED = "unnamed committee"


def sort_actions(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Overdue, then open, then done; within each, earliest due first (undated last)."""
    return sorted(
        rows,
        key=lambda r: (
            _ORDER.get(r.get("status") or "", 3),
            r.get("due") is None,
            r.get("due") or "",
            r.get("meeting_date") or "",
        ),
    )


def committee(row: dict[str, Any]) -> str:
    """The committee's one spelling (`browse.with_committees`), else the paper's own."""
    return str(row.get("committee") or row.get("body") or UNNAMED)


def meeting_label(row: dict[str, Any]) -> str:
    return f"{row.get('meeting_date') or 'undated'} · {committee(row)}"


def _group_of(row: dict[str, Any], group: str) -> str:
    if group == "meeting":
        return meeting_label(row)
    if group == "committee":
        return committee(row)
    return ""


def grouped(rows: list[dict[str, Any]], group: str) -> list[tuple[str, list[dict[str, Any]]]]:
    """`rows` (already in work-list order) in groups: those with overdue actions first (most
    overdue first), then by most recent meeting; one group of everything when `group` is none."""
    if group not in ("meeting", "committee"):
        return [("", rows)]
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(_group_of(row, group), []).append(row)

    def rank(name: str) -> tuple[int, str]:
        members = groups[name]
        latest = max((r.get("meeting_date") or "" for r in members), default="")
        return (-sum(r.get("status") == "overdue" for r in members), _descending(latest))

    return [(name, groups[name]) for name in sorted(groups, key=rank)]


def _descending(iso: str) -> str:
    # ISO dates sort newest first when their digits are inverted; undated ("") goes last.
    return "".join(chr(ord("9") - ord(c) + ord("0")) if c in "0123456789" else c for c in iso) or "~"


def table_rows(rows: list[dict[str, Any]], group: str = "none") -> list[dict[str, Any]]:
    """What the table shows of each action: due as a date (sortable), the action in full
    (the cells wrap), who owns it and the meeting that raised it. The words the paper used
    for the due date, the item and the evidence are in each action's details and the CSV."""
    return [
        {
            "Status": row.get("status") or "open",
            "Due": dt.date.fromisoformat(row["due"]) if row.get("due") else None,
            "Action": plain_line(row.get("text") or ""),
            "Owner": row.get("owner") or "",
            # Grouped by meeting, the group's heading says where; by committee, the date does.
            **({} if group == "meeting" else {"Raised at": _raised_at(row, group)}),
        }
        for row in rows
    ]


def _raised_at(row: dict[str, Any], group: str) -> str:
    return (row.get("meeting_date") or "undated") if group == "committee" else meeting_label(row)


# Widths that fit the page beside the sidebar; rows tall enough (over 64 px) that Streamlit
# wraps the cells, so the action reads in full instead of being cut at the column's edge.
_COLUMNS = {
    "Status": st.column_config.TextColumn("Status", width=78),
    "Due": st.column_config.DateColumn("Due", width=98, format="YYYY-MM-DD"),
    "Action": st.column_config.TextColumn("Action", width=370),
    "Owner": st.column_config.TextColumn("Owner", width=105),
    "Raised at": st.column_config.TextColumn("Raised at", width=200),
}
ROW_HEIGHT = 76


# ----------------------------------------------------------------- details


def _verdict_buttons(home: Any, action: dict[str, Any], evidence: dict[str, Any], index: int) -> None:
    document_id = evidence.get("document_id")
    if not document_id:
        return
    current = action.get("verdicts", {}).get(document_id)
    left, right, note = st.columns([1, 1, 3])
    key = f"{action['id']}-{document_id}-{index}"
    if left.button("Right match", key=f"right-{key}", icon=":material/check:", disabled=current == "right"):
        data.record_correction(home, action["id"], document_id, "right")
        st.rerun()
    if right.button("Wrong match", key=f"wrong-{key}", icon=":material/close:", disabled=current == "wrong"):
        data.record_correction(home, action["id"], document_id, "wrong")
        st.rerun()
    if current:
        note.caption(f"You marked this match **{current}**.")


def _rejected(home: Any, action: dict[str, Any]) -> None:
    """Matches this person marked wrong: the tracker drops them, so offer the way back."""
    for document_id, verdict in sorted(action.get("verdicts", {}).items()):
        if verdict != "wrong":
            continue
        note, undo = st.columns([3, 1])
        note.caption(f"You marked a match wrong (document {document_id}); it no longer counts as evidence.")
        if undo.button(
            "Undo: it was right", key=f"undo-{action['id']}-{document_id}", icon=":material/undo:"
        ):
            data.record_correction(home, action["id"], document_id, "right")
            st.rerun()


def _detail_label(action: dict[str, Any]) -> str:
    status = action.get("status") or "open"
    due = f"due {action['due']}" if action.get("due") else "no due date"
    text = " ".join((action.get("text") or "").split())
    short = text if len(text) <= 110 else text[:107].rsplit(" ", 1)[0] + " …"
    return f"{_BADGE.get(status, status)} {escape_markdown(due)} · {escape_markdown(short)}"


def _render_action(home: Any, action: dict[str, Any], expanded: bool) -> None:
    with st.expander(_detail_label(action), expanded=expanded, key=f"action-{action['id']}"):
        quote(action.get("text") or "")
        details = [where(action)]
        if action.get("owner"):
            details.append(f"owner: {action['owner']}")
        if action.get("due"):
            details.append(f"due: {action['due']}")
        else:
            details.append("no due date given")
        if action.get("due_text"):
            details.append(f"as written: “{action['due_text']}”")
        st.caption(escape_markdown(" · ".join(details)))
        if action.get("document_id"):
            page_link(action["document_id"], action.get("page"), label=f"Raised on page {action.get('page')}")
        if action.get("explanation"):
            st.caption(escape_markdown(str(action["explanation"])))
        evidence = action.get("evidence") or []
        if not evidence:
            st.caption("No paper found yet that delivers this.")
        for index, item in enumerate(evidence):
            st.markdown("**Delivered by** " + escape_markdown(where(item) + f" · page {item.get('page')}"))
            quote(item.get("quote") or "")
            page_link(item.get("document_id"), item.get("page"), label=f"Open page {item.get('page')}")
            _verdict_buttons(home, action, item, index)
        _rejected(home, action)


# ----------------------------------------------------------------- filters


def _seed_from_url() -> None:
    params = st.query_params
    if "tracker_as_of" not in st.session_state:
        try:
            st.session_state["tracker_as_of"] = dt.date.fromisoformat(params.get("as_of", ""))
        except ValueError:
            st.session_state["tracker_as_of"] = dt.date.today()
    if "tracker_status" not in st.session_state:
        chosen = [s for s in params.get_all("status") if s in STATUSES]
        st.session_state["tracker_status"] = chosen or list(STATUSES)
    for name in ("committee", "owner", "meeting"):
        if f"tracker_{name}" not in st.session_state:
            st.session_state[f"tracker_{name}"] = params.get_all(name)
    for name, key in _RANGES.items():
        if key not in st.session_state:
            span = _dates(params.get(f"{name}_from"), params.get(f"{name}_to"))
            st.session_state[key] = span if span else ()
    if "tracker_group" not in st.session_state:
        st.session_state["tracker_group"] = params.get("group") if params.get("group") in GROUPS else "none"


# Date ranges in the URL: `raised_from`/`raised_to` (the meeting's date), `due_from`/`due_to`.
_RANGES = {"raised": "tracker_dates", "due": "tracker_due"}


def _dates(start: str | None, end: str | None) -> tuple[dt.date, dt.date] | None:
    try:
        span = (dt.date.fromisoformat(start or ""), dt.date.fromisoformat(end or ""))
    except ValueError:
        return None
    return span if span[0] <= span[1] else None


def _options(rows: list[dict[str, Any]], name: str, value: Any) -> list[str]:
    """The values of one filter among `rows`, most actions first, with any chosen kept."""
    counts = Counter(value(r) for r in rows if value(r))
    options = sorted(counts, key=lambda v: (-counts[v], v))
    return options + [v for v in st.session_state.get(f"tracker_{name}") or [] if v not in counts]


def _within(date: str | None, span: Any) -> bool:
    if not isinstance(span, tuple) or len(span) != 2:
        return True
    if not date:
        return False
    return span[0].isoformat() <= date <= span[1].isoformat()


def _write_url(
    as_of: dt.date, statuses: list[str], group: str, chosen: dict[str, list[str]], spans: dict[str, Any]
) -> None:
    wanted: dict[str, Any] = {}
    if as_of != dt.date.today():
        wanted["as_of"] = as_of.isoformat()
    if set(statuses) != set(STATUSES):
        wanted["status"] = statuses
    wanted.update({k: v for k, v in chosen.items() if v})
    if group != "none":
        wanted["group"] = group
    for name, span in spans.items():
        if isinstance(span, tuple) and len(span) == 2:
            wanted[f"{name}_from"], wanted[f"{name}_to"] = span[0].isoformat(), span[1].isoformat()
    if st.query_params.get("action"):
        wanted["action"] = st.query_params["action"]
    current = {k: st.query_params.get_all(k) for k in st.query_params}
    if current != {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}:
        st.query_params.from_dict(wanted)


def main() -> None:
    home, version = open_home()
    _seed_from_url()
    st.title("Action tracker")
    with st.sidebar:
        st.header("Filter")
        as_of_value = st.date_input(
            "Judge overdue as of",
            min_value=EARLIEST_DATE,
            max_value=LATEST_DATE,
            key="tracker_as_of",
            format="YYYY-MM-DD",
            help="An action is overdue when the papers give a due date and it is before this day.",
        )
    as_of = as_of_value if isinstance(as_of_value, dt.date) else dt.date.today()
    with st.spinner("Following actions through the papers…"):
        rows = browse.with_committees(
            data.actions(home, version, as_of.isoformat()), data.meetings_table(home, version)
        )
    if not rows:
        st.info("No actions found in the papers yet.")
        return
    counts = Counter(r.get("status") for r in rows)
    with st.sidebar:
        statuses = st.pills(
            "Status",
            STATUSES,
            selection_mode="multi",
            format_func=lambda s: f"{s} ({counts.get(s, 0)})",
            key="tracker_status",
        ) or list(STATUSES)
        committees = st.multiselect(
            "Committee",
            _options(rows, "committee", committee),
            key="tracker_committee",
        )
        owners = st.multiselect(
            "Owner", _options(rows, "owner", lambda r: r.get("owner")), key="tracker_owner"
        )
        meetings = st.multiselect("Meeting", _options(rows, "meeting", meeting_label), key="tracker_meeting")
        raised = st.date_input(
            "Raised between",
            min_value=EARLIEST_DATE,
            max_value=LATEST_DATE,
            key="tracker_dates",
            format="YYYY-MM-DD",
        )
        due = st.date_input(
            "Due between",
            min_value=EARLIEST_DATE,
            max_value=LATEST_DATE,
            key="tracker_due",
            format="YYYY-MM-DD",
        )
    group = (
        st.segmented_control("Group by", list(GROUPS), format_func=GROUPS.__getitem__, key="tracker_group")
        or "none"
    )
    _write_url(
        as_of,
        list(statuses),
        group,
        {"committee": committees, "owner": owners, "meeting": meetings},
        {"raised": raised, "due": due},
    )

    shown = [
        r
        for r in sort_actions(rows)
        if r.get("status") in statuses
        and (not committees or committee(r) in committees)
        and (not owners or r.get("owner") in owners)
        and (not meetings or meeting_label(r) in meetings)
        and _within(r.get("meeting_date"), raised)
        and _within(r.get("due"), due)
    ]
    cols = st.columns(3)
    for col, status in zip(cols, STATUSES, strict=True):
        col.metric(status.capitalize(), counts.get(status, 0))
    st.caption(
        f"As of {as_of.isoformat()}: overdue means the papers gave a due date before then and no later"
        " paper delivers it; an action without a due date is open."
    )
    head, export = st.columns([4, 1], vertical_alignment="center")
    head.markdown(f"**{len(shown)}** of {len(rows)} actions · overdue first")
    if not shown:
        st.info("No actions match these filters.")
        return
    # The app's address is read now: the export is built later, outside this run.
    root = app_root_url()
    export.download_button(
        "Export CSV",
        data=lambda: exports.actions_csv(shown, root),
        file_name="minutebook-actions.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
    )
    st.caption(
        "Select a row (the box at its left) to open the action under its table: its words in"
        " full, where it was raised, the paper that delivered it, and right/wrong marks."
    )
    wanted = st.query_params.get("action")
    for index, (name, members) in enumerate(grouped(shown, group)):
        if name:
            overdue = sum(r.get("status") == "overdue" for r in members)
            st.subheader(escape_markdown(name))
            st.caption(f"{len(members)} action{'s' if len(members) != 1 else ''} · {overdue} overdue")
        columns = dict(_COLUMNS)
        if group != "none":
            # The group's heading says what the dropped column would repeat: a wider action.
            columns["Action"] = st.column_config.TextColumn(
                "Action", width=570 if group == "meeting" else 470
            )
            columns["Raised at"] = st.column_config.TextColumn("Raised at", width=100)
        event = st.dataframe(
            table_rows(members, group),
            hide_index=True,
            width="stretch",
            column_config=columns,
            row_height=ROW_HEIGHT,
            height=min(ROW_HEIGHT * len(members) + 38, 720),
            placeholder="",
            on_select="rerun",
            selection_mode="multi-row",
            key=f"tracker_table_{group}_{index}",
        )
        positions = event.selection.rows if hasattr(event, "selection") else []
        chosen = {members[p]["id"] for p in positions if 0 <= p < len(members)}
        # The chosen actions (and the one the URL names) open right under their table, in
        # its order, where the eye already is.
        for action in members:
            if action["id"] in chosen or action["id"] == wanted:
                _render_action(home, action, expanded=True)


main()
