"""Tracker page: every action with status, owner, due date and the evidence that it was
delivered; filters by status, body and meeting date; overdue first; a person can mark each
suggested match right or wrong (stored through `search.tracker.record_correction`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from ui.web import data
from ui.web.common import EARLIEST_DATE, LATEST_DATE, open_home, page_link, quote, where
from ui.web.text import escape_markdown

STATUSES = ["overdue", "open", "done"]
# Overdue first: it is what needs chasing; then open by due date; delivered last.
_ORDER = {"overdue": 0, "open": 1, "done": 2}
_BADGE = {"overdue": ":red-badge[overdue]", "open": ":blue-badge[open]", "done": ":green-badge[done]"}


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


def _render_action(home: Any, action: dict[str, Any], sources: dict[str, dict[str, Any]]) -> None:
    with st.container(border=True, key=f"action-{action['id']}"):
        status = action.get("status") or "open"
        st.markdown(
            f"{_BADGE.get(status, escape_markdown(status))} {escape_markdown(action.get('text') or '')}"
        )
        details = [where(action)]
        if action.get("owner"):
            details.append(f"owner: {action['owner']}")
        details.append(f"due: {action['due']}" if action.get("due") else "no due date given")
        st.caption(escape_markdown(" · ".join(details)))
        source = sources.get(action["id"])
        if source:
            page_link(source["document_id"], source["page"], label=f"Raised on page {source['page']}")
        evidence = action.get("evidence") or []
        if not evidence:
            st.caption("No paper found yet that delivers this.")
        for index, item in enumerate(evidence):
            st.markdown("**Delivered by** " + escape_markdown(where(item) + f" · page {item.get('page')}"))
            quote(item.get("quote") or "")
            page_link(item.get("document_id"), item.get("page"), label=f"Open page {item.get('page')}")
            _verdict_buttons(home, action, item, index)
        _rejected(home, action)


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


def main() -> None:
    home, version = open_home()
    st.title("Action tracker")
    with st.sidebar:
        st.header("Filter")
        as_of = st.date_input(
            "Judge overdue as of",
            value=dt.date.today(),
            min_value=EARLIEST_DATE,
            max_value=LATEST_DATE,
            key="tracker_as_of",
        )
        statuses = st.pills(
            "Status", STATUSES, selection_mode="multi", default=STATUSES, key="tracker_status"
        )
    with st.spinner("Following actions through the papers…"):
        rows = data.actions(home, version, as_of.isoformat() if isinstance(as_of, dt.date) else None)
        sources = data.action_sources(home, version)
    if not rows:
        st.info("No actions found in the papers yet.")
        return
    bodies = sorted({r.get("body") or "unknown body" for r in rows})
    dates = sorted(r["meeting_date"] for r in rows if r.get("meeting_date"))
    with st.sidebar:
        chosen_bodies = st.multiselect("Body", bodies, key="tracker_body")
        if dates:
            low, high = dt.date.fromisoformat(dates[0]), dt.date.fromisoformat(dates[-1])
            span = st.date_input(
                "Raised between",
                value=(low, high),
                min_value=EARLIEST_DATE,
                max_value=LATEST_DATE,
                key="tracker_dates",
            )
        else:
            span = ()
    chosen = set(statuses or STATUSES)
    shown = [
        r
        for r in sort_actions(rows)
        if (r.get("status") in chosen)
        and (not chosen_bodies or (r.get("body") or "unknown body") in chosen_bodies)
        and _within(r.get("meeting_date"), span)
    ]
    counts = {s: sum(1 for r in rows if r.get("status") == s) for s in STATUSES}
    cols = st.columns(3)
    for col, status in zip(cols, STATUSES, strict=True):
        col.metric(status.capitalize(), counts[status])
    if not shown:
        st.info("No actions match these filters.")
    for action in shown:
        _render_action(home, action, sources)


def _within(date: str | None, span: Any) -> bool:
    if not isinstance(span, tuple) or len(span) != 2 or not date:
        return True
    return span[0].isoformat() <= date <= span[1].isoformat()


main()
