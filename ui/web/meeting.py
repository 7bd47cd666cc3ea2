"""One meeting: its papers and items in order, who attended and declared interests, what
officers recommended beside what was resolved, and the actions raised (with the tracker's
status). Each paper opens in the reading view (`reader.py`).

Rules:
* The tabs are always in the same order, however the meeting was reached.
* Record tables are static (`common.record_table`): long names and interests wrap, never cut.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import streamlit as st

from ui.web import data
from ui.web.common import MEETINGS_PAGE, quote, record_table, static_table
from ui.web.text import escape_markdown

_WORD = re.compile(r"[a-z0-9]+")
TABS = ["Agenda & papers", "Attendance & declarations", "Decisions", "Actions raised"]


def _items_section(meeting: dict[str, Any], origins: dict[str, str]) -> None:
    """Each paper with its items; a paper fetched from a council's site links to the original."""
    docs = {d["id"]: d for d in meeting["documents"]}
    for doc in meeting["documents"]:
        items = [i for i in meeting["items"] if i["document_id"] == doc["id"]]
        kind = doc["kind"].replace("_", " ")
        st.markdown(
            f"**{escape_markdown(doc['title'] or kind)}** · {escape_markdown(kind)} · "
            f"{doc['pages']} page{'s' if doc['pages'] != 1 else ''}"
        )
        if origins.get(doc["path"]):
            st.page_link(
                origins[doc["path"]], label="Original on the council's site", icon=":material/open_in_new:"
            )
        st.page_link(
            MEETINGS_PAGE,
            label="Read this paper",
            icon=":material/menu_book:",
            query_params={"doc": doc["id"]},
        )
        if items:
            static_table(
                [
                    {
                        "Item": i["number"] or "–",
                        "Title": i["title"],
                        "Pages": _pages(i),
                        "Presenter": i.get("presenter") or "",
                    }
                    for i in items
                ]
            )
    if not docs:
        st.caption("No papers for this meeting.")


def _pages(item: dict[str, Any]) -> str:
    start, end = item.get("page_start"), item.get("page_end")
    if not start:
        return "to follow" if item.get("to_follow") else "–"
    return f"{start}" if not end or end == start else f"{start}–{end}"


def _title_words(title: str | None) -> set[str]:
    return set(_WORD.findall((title or "").lower())) - {"the", "of", "and", "for", "in", "to", "a", "on"}


def _pair_decisions(
    recommendations: list[dict[str, Any]], resolutions: list[dict[str, Any]]
) -> list[tuple[str, list[dict[str, Any]], list[dict[str, Any]]]]:
    """Group by agenda item: officers' recommendations (reports) beside what was resolved.

    Reports and minutes number their items independently, so items are paired by the words
    of their titles (Norfolk's agenda item 9 "Free School Meals Update" is minute 9 with the
    same title, but "Update on Norfolk Family Focus" is agenda "Norfolk Family Focus Update").
    """
    groups: list[tuple[str, set[str], list[dict[str, Any]], list[dict[str, Any]]]] = []

    def group_for(row: dict[str, Any]) -> tuple[str, set[str], list[dict[str, Any]], list[dict[str, Any]]]:
        words = _title_words(row.get("item_title"))
        for group in groups:
            overlap = len(words & group[1]) / max(1, min(len(words), len(group[1])))
            if words and overlap >= 0.6:
                return group
        label = row.get("item_title") or "Other"
        if row.get("item_number"):
            label = f"{row['item_number']}. {label}"
        groups.append((label, words, [], []))
        return groups[-1]

    for rec in recommendations:
        group_for(rec)[2].append(rec)
    for res in resolutions:
        group_for(res)[3].append(res)
    return [(label, recs, ress) for label, _, recs, ress in groups]


def _decisions_section(records: dict[str, list[dict[str, Any]]]) -> None:
    pairs = _pair_decisions(records["recommendations"], records["resolutions"])
    if not pairs:
        st.caption("No recommendations or resolutions found in this meeting's papers.")
        return
    for label, recs, ress in pairs:
        st.markdown(f"##### {escape_markdown(label)}")
        left, right = st.columns(2)
        with left:
            st.caption("Officers recommended")
            for rec in recs:
                quote(rec["text"])
                st.caption(f"page {rec['page']}")
            if not recs:
                st.caption("—")
        with right:
            st.caption("Committee resolved")
            for res in ress:
                st.markdown(f":green-badge[{escape_markdown(res['outcome'])}]")
                quote(res["text"])
                st.caption(f"page {res['page']}")
            if not ress:
                st.caption("—")


def one_row_per_person(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Attendance as one row per person and status, in the order given. A meeting's minutes
    and its decision notice both list who attended (Bristol's 2026-03-19 papers), often one
    with the role ("Chair") and one without: their roles are merged, never repeated."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        key = (" ".join(str(row.get("person") or "").split()).casefold(), str(row.get("status") or ""))
        kept = merged.setdefault(key, {**row, "role": "", "substituting_for": ""})
        for field in ("role", "substituting_for"):
            value = (row.get(field) or "").strip()
            if value and value.casefold() not in [v.casefold() for v in kept[field].split("; ") if v]:
                kept[field] = f"{kept[field]}; {value}" if kept[field] else value
    return list(merged.values())


def _people_section(records: dict[str, list[dict[str, Any]]]) -> None:
    left, right = st.columns(2)
    with left:
        record_table(
            "Attendance",
            [
                {
                    "Person": a["person"],
                    "Status": a["status"].replace("_", " "),
                    "Role": a["role"] or "",
                    "Substituting for": a["substituting_for"] or "",
                }
                for a in one_row_per_person(records["attendance"])
            ],
            "No attendance recorded (only minutes list who attended).",
        )
    with right:
        record_table(
            "Declarations of interest",
            [
                {
                    "Person": d["person"],
                    "Interest": d["interest"],
                    "Item": d["item_number"] or "",
                    "Page": d["page"],
                }
                for d in records["declarations"]
            ],
            "No declarations recorded.",
        )


def _actions_section(records: dict[str, list[dict[str, Any]]], statuses: dict[str, str]) -> None:
    """The actions raised, each with the tracker's status (overdue, open, done) as of today."""
    if not records["actions"]:
        st.caption("No actions raised at this meeting.")
        return
    static_table(
        [
            {
                "Status": statuses.get(a["id"], "open"),
                "Action": a["text"],
                "Owner": a["owner"] or "",
                # A date, or nothing; the paper's own words beside it, never mixed in.
                "Due": a["due"] or "",
                "As written": a["due_text"] or "",
                "Item": f"{a['item_number'] or ''} {a['item_title'] or ''}".strip(),
                "Page": a["page"],
            }
            for a in records["actions"]
        ]
    )
    st.page_link("page_tracker.py", label="Follow them in the tracker", icon=":material/task_alt:")


def meeting_heading(meeting: dict[str, Any]) -> str:
    """'Children's Services Committee · 17 Jun 2014' (or 'undated')."""
    return f"{meeting['body'] or 'Unnamed committee'} · {meeting['date'] or 'undated'}"


def show(home: Path, version: tuple[float, ...], meeting: dict[str, Any]) -> None:
    """The meeting page: heading, when and where, then the four tabs in a fixed order."""
    st.page_link(MEETINGS_PAGE, label="All meetings", icon=":material/arrow_back:", query_params={})
    st.title(escape_markdown(meeting["body"] or "Unnamed committee"))
    st.markdown(
        escape_markdown(" · ".join(filter(None, [meeting["date"], meeting["time"], meeting["venue"]])))
        or "undated"
    )
    records = data.meeting_records(home, version, meeting["id"])
    tabs = dict(zip(TABS, st.tabs(TABS), strict=True))
    with tabs["Agenda & papers"]:
        _items_section(meeting, data.paper_origins(home, version))
    with tabs["Attendance & declarations"]:
        _people_section(records)
    with tabs["Decisions"]:
        _decisions_section(records)
    with tabs["Actions raised"]:
        tracked = data.actions(home, version, dt.date.today().isoformat())
        _actions_section(records, {a["id"]: a["status"] for a in tracked})
