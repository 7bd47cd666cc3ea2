"""Meeting page: a meeting's papers and agenda items in order, attendance, declarations,
resolutions beside the officers' recommendations, actions raised; and a reader that opens
a document at a page with the search terms highlighted.

URL: `meetings?meeting=ID` or `meetings?doc=ID&page=N&hl=words` (from a search hit).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import streamlit as st

from minutebook.text import plain_text
from ui.web import data, originals, pdf_page
from ui.web.common import open_home, quote, record_table
from ui.web.text import count_matches, escape_markdown, highlight_markdown, query_terms

_WORD = re.compile(r"[a-z0-9]+")


def _meeting_label(meeting: dict[str, Any]) -> str:
    return f"{meeting['date'] or 'undated'} · {meeting['body'] or 'unknown body'}"


def _pick_meeting(home: Any, version: Any, meetings: list[dict[str, Any]]) -> dict[str, Any]:
    by_id = {m["id"]: m for m in meetings}
    params = st.query_params
    if "meetings_pick" not in st.session_state:
        wanted = params.get("meeting")
        if not wanted and params.get("doc"):
            wanted = data.meeting_of_document(home, version, params["doc"])
        # Without a link, open the most recent meeting: that is what people usually want.
        # Undated meetings sort last, so the most recent is the last one with a date.
        latest = ([m for m in meetings if m["date"]] or meetings)[-1]["id"]
        st.session_state["meetings_pick"] = wanted if wanted in by_id else latest
    chosen = st.selectbox(
        "Meeting",
        list(by_id),
        format_func=lambda mid: _meeting_label(by_id[mid]),
        key="meetings_pick",
    )
    return by_id[chosen]


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
        if items:
            st.dataframe(
                [
                    {
                        "Item": i["number"] or "–",
                        "Title": i["title"],
                        "Pages": _pages(i),
                        "Presenter": i.get("presenter") or "",
                    }
                    for i in items
                ],
                hide_index=True,
                width="stretch",
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
                for a in records["attendance"]
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
    st.dataframe(
        [
            {
                "Status": statuses.get(a["id"], "open"),
                "Action": a["text"],
                "Owner": a["owner"] or "",
                "Due": a["due"] or (a["due_text"] or ""),
                "Item": f"{a['item_number'] or ''} {a['item_title'] or ''}".strip(),
                "Page": a["page"],
            }
            for a in records["actions"]
        ],
        hide_index=True,
        width="stretch",
    )
    st.page_link("page_tracker.py", label="Follow them in the tracker", icon=":material/task_alt:")


def _reader(home: Any, version: Any, meeting: dict[str, Any]) -> None:
    """Open one document at one page; the terms in `hl` are highlighted."""
    docs = {d["id"]: d for d in meeting["documents"]}
    if not docs:
        return
    params = st.query_params
    if "meetings_doc" not in st.session_state or st.session_state["meetings_doc"] not in docs:
        wanted = params.get("doc")
        st.session_state["meetings_doc"] = wanted if wanted in docs else next(iter(docs))
        page_param = params.get("page", "1")
        # isdecimal, not isdigit: int() refuses digits such as "²".
        st.session_state["meetings_page"] = int(page_param) if page_param.isdecimal() else 1
        st.session_state.setdefault("meetings_hl", params.get("hl", ""))
    col_doc, col_page, col_hl = st.columns([3, 1, 2])
    doc_id = col_doc.selectbox(
        "Document",
        list(docs),
        format_func=lambda d: f"{docs[d]['kind'].replace('_', ' ')} · {docs[d]['title'] or ''}",
        key="meetings_doc",
    )
    doc = docs[doc_id]
    pages = max(1, int(doc["pages"] or 1))
    st.session_state["meetings_page"] = min(max(1, int(st.session_state["meetings_page"])), pages)
    page = int(col_page.number_input(f"Page (of {pages})", 1, pages, key="meetings_page"))
    highlight = col_hl.text_input("Highlight", key="meetings_hl")
    st.query_params.from_dict(
        {
            "meeting": meeting["id"],
            "doc": doc_id,
            "page": str(page),
            **({"hl": highlight} if highlight else {}),
        }
    )
    raw = data.document_page(home, version, doc_id, page)
    terms = query_terms(highlight)
    path = doc.get("path")
    mtime = pdf_page.file_mtime(path)
    original = data.original_of(home, version, doc_id)
    problem = _original_problem(original, mtime)
    if problem:
        # The store keeps the text, so the paper still reads; only the original is not shown.
        st.caption(escape_markdown(f"Original not shown: {problem}" + (f" ({path})" if path else "")))
    if original is not None and mtime is not None and not problem and pdf_page.is_pdf(path):
        text_tab, printed_tab = st.tabs(["Text", "As printed"])
        with text_tab:
            _page_text(home, version, doc_id, page, raw, terms)
        with printed_tab:
            _printed_page(original.path, mtime, page, terms)
    else:
        _page_text(home, version, doc_id, page, raw, terms)
    if original is not None and not problem:
        _original_file(original, doc)


def _original_problem(original: originals.Original | None, mtime: float | None) -> str | None:
    """Why the original cannot be shown or served (None when it is the file ingested)."""
    if original is None or mtime is None:
        return "the original file is no longer on disk"
    return _verify(original, mtime)


@st.cache_data(show_spinner=False, max_entries=256)
def _verify(original: originals.Original, mtime: float) -> str | None:
    """`originals.read_verified`'s verdict, cached per file version (`mtime` is the key)."""
    found = originals.read_verified(original)
    return None if isinstance(found, bytes) else found


def _page_text(home: Any, version: Any, doc_id: str, page: int, raw: str | None, terms: list[str]) -> None:
    """The page's extracted text, matching paragraphs first, grouped by section when known."""
    if raw is None:
        st.caption("This page has no text.")
        return
    text = plain_text(raw)
    if terms:
        found = count_matches(text, terms)
        st.caption(f"{found} match{'es' if found != 1 else ''} on page {page}")
        # Long text papers are one page: show the paragraphs that match first.
        # Best first: paragraphs with more of the distinct words, then more occurrences.
        paragraphs = sorted(
            (p for p in re.split(r"\n\s*\n", text) if count_matches(p, terms)),
            key=lambda p: (-sum(1 for t in terms if count_matches(p, [t])), -count_matches(p, terms)),
        )
        for para in paragraphs[:5]:
            with st.container(border=True):
                st.markdown(highlight_markdown(para, terms))
    sections = sections_on_page(data.document_sections(home, version, doc_id), page)
    with st.container(height=520, border=True):
        if not sections:
            st.markdown(highlight_markdown(text, terms))
            return
        item = None
        for section in sections:
            if (section["item_number"], section["item_title"]) != item:
                item = (section["item_number"], section["item_title"])
                heading = " ".join(filter(None, [section["item_number"], section["item_title"]]))
                st.markdown("#### " + escape_markdown(heading or "Untitled item"))
            body = plain_text(section["text"])
            if section["title"]:
                st.markdown(
                    "##### " + escape_markdown(" ".join(filter(None, [section["number"], section["title"]])))
                )
                body = _without_heading_line(body, section["title"])
            st.markdown(highlight_markdown(body, terms))


def _without_heading_line(text: str, title: str) -> str:
    """`text` minus its first line when that line is just the section's heading (it is shown
    as a subheading already): "1.1 Performance dashboard", "Recommendation:"."""
    first, _, rest = text.partition("\n")
    words = re.sub(r"^[\d.\s]+", "", first).strip().rstrip(":").strip()
    return rest if words.lower() == title.strip().rstrip(":").lower() else text


def sections_on_page(sections: list[dict[str, Any]], page: int) -> list[dict[str, Any]]:
    """The sections (in document order) whose text is on `page`: each section runs from its
    own page to the page the next one starts on."""
    shown = []
    for index, section in enumerate(sections):
        following = sections[index + 1]["page"] if index + 1 < len(sections) else section["page"]
        if section["page"] <= page <= max(section["page"], following):
            shown.append(section)
    return shown


def _printed_page(path: str, mtime: float, page: int, terms: list[str]) -> None:
    """The PDF page drawn as printed, search terms shaded (ui/web/pdf_page.py)."""
    image = pdf_page.render_page(path, mtime, page, tuple(terms))
    if image is None:
        st.caption(f"Page {page} of {escape_markdown(path)} could not be drawn.")
        return
    caption = f"Page {page} as printed" + (" · search terms shaded orange" if terms else "")
    st.image(image, caption=caption, width="stretch", output_format="PNG")


def _original_file(original: originals.Original, doc: dict[str, Any]) -> None:
    """A download button serving the original file as ingested (checked against its sha256
    when clicked: the bytes served are the bytes checked)."""
    st.download_button(
        "Download the original",
        # Read only when clicked: papers run to megabytes and this runs on every rerun.
        data=lambda: originals.download_bytes(original),
        file_name=originals.file_name(original),
        mime="application/pdf" if pdf_page.is_pdf(original.path) else "text/plain",
        icon=":material/download:",
        on_click="ignore",
        key=f"download-{doc['id']}",
    )
    st.caption("Source: " + escape_markdown(original.path))


def main() -> None:
    home, version = open_home()
    meetings = data.meetings(home, version)
    st.title("Meetings")
    meeting = _pick_meeting(home, version, meetings)
    st.markdown(
        escape_markdown(
            " · ".join(filter(None, [meeting["date"] or "undated", meeting["time"], meeting["venue"]]))
        )
    )
    records = data.meeting_records(home, version, meeting["id"])
    # Decided once per visit, so the tabs do not reorder as the reader rewrites the URL.
    reading = st.session_state.setdefault("meetings_reading", bool(st.query_params.get("doc")))
    labels = ["Agenda & papers", "Attendance & declarations", "Decisions", "Actions raised", "Read a paper"]
    if reading:
        # Arriving from a search hit or citation: the paper comes first.
        labels = labels[-1:] + labels[:-1]
    tabs = dict(zip(labels, st.tabs(labels), strict=True))
    with tabs["Agenda & papers"]:
        _items_section(meeting, data.paper_origins(home, version))
    with tabs["Attendance & declarations"]:
        _people_section(records)
    with tabs["Decisions"]:
        _decisions_section(records)
    with tabs["Actions raised"]:
        tracked = data.actions(home, version, dt.date.today().isoformat())
        _actions_section(records, {a["id"]: a["status"] for a in tracked})
    with tabs["Read a paper"]:
        _reader(home, version, meeting)


main()
