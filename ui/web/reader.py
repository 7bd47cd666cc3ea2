"""The reading view: one paper, its parts in order under their headings (`reading.blocks`),
in the page's own scroll, with the page as printed beside it where the paper is a PDF.

URL: `meetings?doc=ID[&page=N][&hl=words]` (a search hit, a citation, a figure's source).

Rules:
* No inner scroll box: the text is laid out in the page itself; only the printed page (a
  picture) stays in view beside it (CSS `position: sticky` on its column).
* Words in `hl` are highlighted where they are. Each passage holding matches is preceded by
  a marker "matches 4-6 of 17" with links to the previous and next passage: plain in-page
  anchors, so moving between matches costs no rerun.
* Arriving with `page=N` scrolls once to the first passage with matches on or after that
  page, else to where page N begins.
* The original is drawn and served only while it is the file ingested (its sha256 checked,
  `ui.web.originals`); otherwise a caption says why and the stored text still reads.
* `st.html` carries only markup this module writes (anchors, page numbers, styles, the
  scroll), never paper text: paper text goes through `ui.web.text` (escaped Markdown).
* Consecutive passages without a marker between them are one Markdown element: a 290-
  section budget report renders as a few dozen elements, not hundreds.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import streamlit as st

from minutebook.text import plain_text
from ui.web import data, originals, pdf_page, reading
from ui.web.common import MEETINGS_PAGE, static_table
from ui.web.meeting import meeting_heading
from ui.web.text import (
    count_matches,
    escape_markdown,
    highlight_markdown,
    highlight_text_markdown,
    query_terms,
)

# The printed page's column stays in view while the text scrolls; anchors clear the app's
# top bar when jumped to; a paper's tables (a KPI dashboard of 16 columns) are set small, and
# one wider than the text scrolls sideways rather than running off the page.
_STYLE = """<style>
[data-testid="stColumn"]:has(.st-key-printed-page) {position: sticky; top: 3.75rem; align-self: flex-start;}
.mb-anchor {scroll-margin-top: 4.5rem;}
.mb-page {color: rgba(49, 51, 63, 0.6); font-size: 0.8rem; border-top: 1px solid rgba(49, 51, 63, 0.15);
  padding-top: 0.2rem;}
.mb-match {font-size: 0.85rem; background: rgba(255, 165, 0, 0.18); border-radius: 0.3rem;
  padding: 0.15rem 0.5rem;}
[data-testid="stMarkdownContainer"] table {font-size: 0.8rem; display: block; max-width: 100%;
  overflow-x: auto;}
[data-testid="stMarkdownContainer"] th, [data-testid="stMarkdownContainer"] td {padding: 0.2rem 0.4rem;}
</style>"""
# A passage with matches opens a new chunk (and marker) once the run before it is this long.
CHUNK_CHARS = 600
PART_BADGES = {"front_matter": ":gray-badge[front matter]", "appendix": ":violet-badge[appendix]"}
PART_BADGES["pages"] = ":gray-badge[pages no item claims]"


def _page_marker(number: int) -> None:
    st.html(f'<div id="page-{number}" class="mb-anchor mb-page">page {number}</div>')


def _match_marker(index: int, passages: int, first: int, last: int, total: int) -> None:
    """'matches 4-6 of 17 · previous · next' before the passage holding them."""
    span = f"match {first}" if first == last else f"matches {first}–{last}"
    links = []
    if index > 1:
        links.append(f'<a href="#match-{index - 1}">↑ previous</a>')
    if index < passages:
        links.append(f'<a href="#match-{index + 1}">↓ next</a>')
    st.html(
        f'<div id="match-{index}" class="mb-anchor mb-match">{span} of {total}'
        + "".join(f" · {link}" for link in links)
        + "</div>"
    )


def _scroll_to(anchor: str) -> None:
    """Scroll the page to `anchor` (an id this module wrote) once it has been drawn."""
    # No "<" before a word character inside the script: the sanitizer Streamlit runs
    # (DOMPurify) drops a script whose text looks like it holds a tag ("tries<40").
    target = json.dumps(anchor)
    st.html(
        "<script>(function () { let tries = 0; const go = () => {"
        f" const el = document.getElementById({target});"
        " if (el) { el.scrollIntoView({block: 'start'}); }"
        " else if (tries++ < 40) { setTimeout(go, 100); } };"
        " setTimeout(go, 50); })();</script>",
        unsafe_allow_javascript=True,
    )


def _heading(block: reading.Heading, terms: list[str]) -> None:
    badge = PART_BADGES.get(block.part, "")
    st.markdown(
        "#### " + highlight_markdown(block.text, terms, strong=False) + (f" {badge}" if badge else "")
    )
    if block.part == "front_matter":
        st.caption("Before the first item: the paper's heading block, who attended, a covering letter.")


def _passage_markdown(passage: reading.Passage, terms: list[str]) -> str:
    parts = []
    if passage.heading:
        parts.append("**" + highlight_markdown(passage.heading, terms, strong=False) + "**")
    if passage.body.strip():
        parts.append(highlight_text_markdown(passage.body.strip("\n"), terms))
    return "  \n".join(parts)


def _matches_in(passage: reading.Passage, terms: list[str]) -> int:
    return count_matches(passage.heading, terms) + count_matches(passage.body, terms) if terms else 0


def match_count(blocks: list[reading.Block], terms: list[str]) -> int:
    """How many highlighted words the paper holds (headings and text)."""
    if not terms:
        return 0
    return sum(
        _matches_in(b, terms) if isinstance(b, reading.Passage) else count_matches(b.text, terms)
        for b in blocks
        if not isinstance(b, reading.PageStart)
    )


def chunks(
    blocks: list[reading.Block], terms: list[str] | None = None
) -> list[reading.Heading | reading.PageStart | list[reading.Passage]]:
    """Consecutive passages (nothing between them) gathered into one chunk: the unit that
    is one Markdown element and, when it holds matches, has one marker. The first passage
    with matches after text without them starts a chunk, and so does one after a chunk of
    `CHUNK_CHARS`, so a marker sits right above the words it counts (a one-page text paper
    is one long run of passages)."""
    out: list[reading.Heading | reading.PageStart | list[reading.Passage]] = []
    size = 0
    marked = False
    for block in blocks:
        if not isinstance(block, reading.Passage):
            out.append(block)
            continue
        length = len(block.heading) + len(block.body)
        matches = bool(terms) and bool(_matches_in(block, terms or []))
        fresh = not (out and isinstance(out[-1], list))
        # A new chunk where the first match of a run is (its marker right above it), and
        # again where matches follow a long run; never for text without matches.
        if fresh or (matches and (not marked or size >= CHUNK_CHARS)):
            out.append([block])
            size, marked = length, matches
        else:
            chunk = out[-1]
            assert isinstance(chunk, list)
            chunk.append(block)
            size += length
    return out


def _chunk_markdown(passages: list[reading.Passage], terms: list[str]) -> str:
    text = ""
    for passage in passages:
        markdown = _passage_markdown(passage, terms)
        if not markdown:
            continue
        # A passage that carries on a sentence runs on; anything else is a new paragraph.
        joint = " " if passage.continues and not passage.heading else "\n\n"
        text = text + joint + markdown if text else markdown
    return text


def render_text(blocks: list[reading.Block], terms: list[str], page: int | None) -> str | None:
    """Draw the paper's text; returns the anchor to scroll to for `page` (or None)."""
    laid_out = chunks(blocks, terms)
    counts = [sum(_matches_in(p, terms) for p in c) if isinstance(c, list) else 0 for c in laid_out]
    # A heading's matches are counted with the text under it (its marker follows the heading).
    carried = 0
    for index, chunk in enumerate(laid_out):
        if isinstance(chunk, reading.Heading):
            carried += count_matches(chunk.text, terms) if terms else 0
        elif isinstance(chunk, list):
            counts[index] += carried
            carried = 0
    total = sum(counts)
    marked = sum(1 for c in counts if c)
    target: str | None = None
    seen = matched = 0
    for chunk, count in zip(laid_out, counts, strict=True):
        if isinstance(chunk, reading.PageStart):
            _page_marker(chunk.number)
        elif isinstance(chunk, reading.Heading):
            _heading(chunk, terms)
        else:
            if count:
                matched += 1
                _match_marker(matched, marked, seen + 1, seen + count, total)
                if page and target is None and chunk[-1].page >= page:
                    target = f"match-{matched}"
                seen += count
            markdown = _chunk_markdown(chunk, terms)
            if markdown:
                st.markdown(markdown)
    if page and target is None:
        # No match from that page on: go to the page itself (its marker, or the nearest before).
        starts = [b.number for b in blocks if isinstance(b, reading.PageStart) and b.number <= page]
        target = f"page-{starts[-1]}" if starts else None
    return target


def _attendance(rows: list[dict[str, Any]]) -> None:
    """Who the paper records, as read from its attendance block (the block itself is in the
    front matter below, where it is printed)."""
    if not rows:
        return
    counts = Counter(row["status"].replace("_", " ") for row in rows)
    summary = ", ".join(f"{n} {status}" for status, n in counts.most_common())
    with st.expander(f"Attendance as read from this paper: {summary}", icon=":material/groups:"):
        static_table(
            [
                {
                    "Person": row["person"],
                    "Status": row["status"].replace("_", " "),
                    "Role": row["role"] or "",
                    "Substituting for": row["substituting_for"] or "",
                    "Page": row["page"],
                }
                for row in rows
            ]
        )


def _original(
    home: Path, version: tuple[float, ...], doc: dict[str, Any]
) -> tuple[originals.Original | None, float | None, str | None]:
    """(the original, its mtime, why it is not shown): the file is shown and served only
    while it is the file ingested (`originals.read_verified`, checked once per file version)."""
    original = data.original_of(home, version, doc["id"])
    mtime = pdf_page.file_mtime(original.path if original else doc.get("path"))
    if original is None or mtime is None:
        return original, None, "the original file is no longer on disk"
    return original, mtime, _verify(original, mtime)


@st.cache_data(show_spinner=False, max_entries=256)
def _verify(original: originals.Original, mtime: float) -> str | None:
    """`originals.read_verified`'s verdict, cached per file version (`mtime` is the key)."""
    found = originals.read_verified(original)
    return None if isinstance(found, bytes) else found


@st.fragment
def _printed(path: str, mtime: float, pages: int, terms: tuple[str, ...]) -> None:
    """The page as printed, with its own page control: turning pages reruns only this."""
    with st.container(key="printed-page"):
        page = int(st.number_input(f"Page as printed (of {pages})", 1, pages, key="reader_page"))
        image = pdf_page.render_page(path, mtime, page, terms)
        if image is None:
            st.caption(f"Page {page} could not be drawn.")
            return
        marks = pdf_page.marks_on_page(path, mtime, page, terms)
        caption = f"Page {page} as printed"
        if terms:
            caption += f" · {marks} match{'es' if marks != 1 else ''} shaded" if marks else " · no match here"
        st.image(image, caption=caption, width="stretch", output_format="PNG")


def _original_download(original: originals.Original, doc: dict[str, Any]) -> None:
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


def _seed(doc_id: str, pages: int) -> None:
    """Widget state from the URL whenever the URL is not the one this view last wrote: a
    paper opened from a link (another paper, or the same one at another page or words)."""
    params = st.query_params
    arrived = (doc_id, params.get("page", ""), params.get("hl", ""))
    if st.session_state.get("reader_url") == arrived:
        return
    st.session_state["reader_url"] = arrived
    wanted = params.get("page", "")
    st.session_state["reader_page"] = min(max(1, int(wanted)), pages) if wanted.isdecimal() else 1
    st.session_state["reader_hl"] = params.get("hl", "")
    st.session_state["reader_scrolled"] = None


def show(home: Path, version: tuple[float, ...], doc_id: str) -> None:
    """The reading view of paper `doc_id`."""
    doc = data.document_info(home, version, doc_id)
    if doc is None:
        st.warning(
            "This paper is not in the archive (it may have been replaced by a newer version of"
            " the file). Find it again from the meetings list or a search.",
            icon=":material/help:",
        )
        st.page_link(MEETINGS_PAGE, label="All meetings", icon=":material/arrow_back:", query_params={})
        return
    pages = max(1, int(doc["pages"] or 1))
    _seed(doc_id, pages)
    st.html(_STYLE)
    meeting = {"body": doc["body"], "date": doc["meeting_date"]}
    st.page_link(
        MEETINGS_PAGE,
        label=escape_markdown(meeting_heading(meeting)),
        icon=":material/arrow_back:",
        query_params={"meeting": doc["meeting_id"]},
    )
    kind = doc["kind"].replace("_", " ")
    st.title(escape_markdown(doc["title"] or kind))
    st.caption(escape_markdown(f"{kind} · {pages} page{'s' if pages != 1 else ''}"))
    highlight = st.text_input(
        "Highlight words", key="reader_hl", placeholder="free school meals", help="Press Enter to mark them."
    ).strip()
    terms = query_terms(highlight)
    requested = st.query_params.get("page", "")
    wanted = {"doc": doc_id, **({"page": requested} if requested else {})}
    if highlight:
        wanted["hl"] = highlight
    if dict(st.query_params) != wanted:
        st.query_params.from_dict(wanted)
    st.session_state["reader_url"] = (doc_id, requested, highlight)
    parts = data.document_parts(home, version, doc_id)
    pages_text = [] if parts else data.document_pages(home, version, doc_id)
    blocks = reading.blocks(parts, [{**p, "text": plain_text(p["text"])} for p in pages_text])
    total = match_count(blocks, terms)
    if terms:
        if total:
            st.markdown(
                f"**{total}** match{'es' if total != 1 else ''} · [first ↓](#match-1)"
                " · each passage links to the previous and next"
            )
        else:
            st.caption(f"No match for {escape_markdown(highlight)} in this paper.")
    _attendance(data.document_attendance(home, version, doc_id))
    original, mtime, problem = _original(home, version, doc)
    path = original.path if original else doc.get("path")
    if problem:
        # The store keeps the text, so the paper still reads; only the original is not shown.
        st.caption(escape_markdown(f"Original not shown: {problem}" + (f" ({path})" if path else "")))
    shown = original if original is not None and mtime is not None and not problem else None
    printed = shown is not None and pdf_page.is_pdf(shown.path)
    if printed:
        text_column, page_column = st.columns([3, 2], gap="medium")
    else:
        text_column, page_column = st.container(), None
    with text_column:
        page = int(requested) if requested.isdecimal() else None
        target = render_text(blocks, terms, page)
    if page_column is not None and shown is not None and mtime is not None:
        with page_column:
            _printed(shown.path, mtime, pages, tuple(terms))
    if shown is not None:
        _original_download(shown, doc)
        st.caption("Source: " + escape_markdown(shown.path))
    scroll_key = (doc_id, requested, highlight)
    if target and st.session_state.get("reader_scrolled") != scroll_key:
        st.session_state["reader_scrolled"] = scroll_key
        _scroll_to(target)
