"""Cached access to the home for the pages: the store, search and the other backends.

Rules:
* Every cached query takes `version` (the store files' modification times), so a re-ingest
  while the app runs shows up on the next rerun without restarting.
* The store is opened per call (a short-lived SQLite connection): Streamlit runs each rerun
  on its own thread and sqlite3 connections belong to the thread that made them; opening is
  ~1 ms, and the results are what `st.cache_data` keeps.
* The backends are plain imports from `search/`: a page whose backend breaks fails loudly
  (and its tests with it) instead of showing a placeholder.
* Nothing here creates a store: a home without one is simply empty.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import streamlit as st

from minutebook.home import resolve_home, store_path
from minutebook.models import AGENDA_PARTS
from minutebook.store import Store, open_store
from minutebook.views import meetings_view
from search import USER_FIELDS, SearchRequest, ensure_evidence, search_papers
from search.ask import answer_question
from search.records.entities import list_entities
from search.records.figures import find_figures
from search.tracker import list_actions
from search.tracker import record_correction as store_correction
from search.watch import Digest, add_watch, remove_watch
from search.watch import remember as remember_digest
from search.watch import whats_new as watch_digest
from ui.web import exports
from ui.web.originals import Original

EMPTY_HOME_MESSAGE = "No papers yet — run `minutebook ingest PATH` to add some."


def current_home() -> Path:
    """The home the app serves: `$MINUTEBOOK_HOME` (set by `minutebook ui`), else the default."""
    return resolve_home(None).resolve()


def store_version(home: Path) -> tuple[float, ...]:
    """A cache key that changes whenever the store is written (main file or its WAL)."""
    db = store_path(home)
    return tuple(p.stat().st_mtime if p.exists() else 0.0 for p in (db, Path(f"{db}-wal")))


@contextmanager
def _store(home: Path) -> Iterator[Store]:
    with open_store(home) as store:
        yield store


# ------------------------------------------------------------------ corpus


@st.cache_data(show_spinner=False)
def document_count(home: Path, version: tuple[float, ...]) -> int:
    if not store_path(home).exists():
        return 0
    with _store(home) as store:
        return int(store.query("SELECT COUNT(*) AS n FROM documents")[0]["n"])


@st.cache_data(show_spinner=False)
def meetings(home: Path, version: tuple[float, ...]) -> list[dict[str, Any]]:
    """`minutebook meetings --json`, oldest first."""
    if not store_path(home).exists():
        return []
    with _store(home) as store:
        return meetings_view(store)


@st.cache_data(show_spinner=False)
def meeting_records(
    home: Path, version: tuple[float, ...], meeting_id: str
) -> dict[str, list[dict[str, Any]]]:
    """Attendance, declarations, resolutions, recommendations and actions of one meeting.

    Each row carries its document and item (number, title) so the page can cite and link it.
    """
    item_cols = "i.number AS item_number, i.title AS item_title, d.kind AS document_kind"
    join = "JOIN documents d ON d.id = t.document_id LEFT JOIN items i ON i.id = t.item_id"
    with _store(home) as store:
        return {
            "attendance": store.query(
                "SELECT person, status, role, substituting_for, page, document_id FROM attendance"
                " WHERE meeting_id = ? ORDER BY status, person",
                (meeting_id,),
            ),
            "declarations": store.query(
                "SELECT person, interest, item_number, page, document_id FROM declarations"
                " WHERE meeting_id = ? ORDER BY item_number, person",
                (meeting_id,),
            ),
            "resolutions": store.query(
                f"SELECT t.id, t.text, t.outcome, t.page, t.document_id, {item_cols} FROM resolutions t"
                f" {join} WHERE d.meeting_id = ? ORDER BY d.kind, i.position, t.page",
                (meeting_id,),
            ),
            "recommendations": store.query(
                f"SELECT t.id, t.text, t.page, t.document_id, {item_cols} FROM recommendations t"
                f" {join} WHERE d.meeting_id = ? ORDER BY d.kind, i.position, t.page",
                (meeting_id,),
            ),
            "actions": store.query(
                f"SELECT t.id, t.text, t.owner, t.due, t.due_text, t.page, t.document_id, {item_cols}"
                f" FROM actions t {join} WHERE d.meeting_id = ? ORDER BY d.kind, i.position, t.page",
                (meeting_id,),
            ),
        }


@st.cache_data(show_spinner=False)
def meetings_table(home: Path, version: tuple[float, ...]) -> list[dict[str, Any]]:
    """One row per meeting for the browser: id, date, body (and `body_key`, which groups the
    spellings of a name), time, venue, the kinds of its papers, how many papers and pages,
    its items (the most any one of its papers lists: an agenda and its minutes number the
    same business), decisions and actions raised. Newest first, undated meetings last."""
    if not store_path(home).exists():
        return []
    marks = ", ".join("?" for _ in AGENDA_PARTS)
    with _store(home) as store:
        rows = store.query(
            "SELECT m.id, m.date, m.body, m.body_key, m.time, m.venue,"
            " (SELECT GROUP_CONCAT(DISTINCT d.kind) FROM documents d WHERE d.meeting_id = m.id) AS kinds,"
            " (SELECT COUNT(*) FROM documents d WHERE d.meeting_id = m.id) AS papers,"
            " (SELECT COALESCE(SUM(d.page_count), 0) FROM documents d WHERE d.meeting_id = m.id) AS pages,"
            " (SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM items i"
            f"   WHERE i.meeting_id = m.id AND i.part IN ({marks}) GROUP BY i.document_id)) AS items,"
            " (SELECT COUNT(*) FROM resolutions r JOIN documents d ON d.id = r.document_id"
            "   WHERE d.meeting_id = m.id) AS decisions,"
            " (SELECT COUNT(DISTINCT a.id) FROM actions a JOIN documents d ON d.id = a.document_id"
            "   WHERE d.meeting_id = m.id) AS actions"
            " FROM meetings m ORDER BY m.date IS NULL, m.date DESC, m.body",
            AGENDA_PARTS,
        )
    for row in rows:
        row["kinds"] = sorted((row["kinds"] or "").split(",")) if row["kinds"] else []
    return rows


@st.cache_data(show_spinner=False)
def document_info(home: Path, version: tuple[float, ...], document_id: str) -> dict[str, Any] | None:
    """One paper: id, kind, title, path, pages, meeting_id, body, meeting_date (or None)."""
    with _store(home) as store:
        rows = store.query(
            "SELECT id, kind, title, path, page_count AS pages, meeting_id, body, meeting_date"
            " FROM documents WHERE id = ?",
            (document_id,),
        )
    return rows[0] if rows else None


@st.cache_data(show_spinner=False)
def document_parts(home: Path, version: tuple[float, ...], document_id: str) -> list[dict[str, Any]]:
    """A paper's items of every part (front matter, items, appendices, unclaimed pages) in
    paper order, each with `sections` in order (number, title, page, text). Together they
    hold every line of the paper once."""
    with _store(home) as store:
        items = store.query(
            "SELECT id, part, number, title, page_start, page_end, text FROM items"
            " WHERE document_id = ? ORDER BY position",
            (document_id,),
        )
        sections = store.query(
            "SELECT item_id, number, title, page, text FROM sections WHERE document_id = ? ORDER BY position",
            (document_id,),
        )
    by_item: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for section in sections:
        by_item[section.pop("item_id")].append(section)
    for item in items:
        item["sections"] = by_item.get(item["id"], [])
    return items


@st.cache_data(show_spinner=False)
def document_pages(home: Path, version: tuple[float, ...], document_id: str) -> list[dict[str, Any]]:
    """A paper's pages in order (number, text): what a paper with no items reads as."""

    with _store(home) as store:
        return store.query(
            "SELECT number, text FROM pages WHERE document_id = ? ORDER BY number", (document_id,)
        )


@st.cache_data(show_spinner=False)
def document_attendance(home: Path, version: tuple[float, ...], document_id: str) -> list[dict[str, Any]]:
    """Who the paper records as present, absent or in attendance, in the paper's order."""
    with _store(home) as store:
        return store.query(
            "SELECT person, status, role, substituting_for, page FROM attendance WHERE document_id = ?"
            " ORDER BY rowid",
            (document_id,),
        )


@st.cache_data(show_spinner=False)
def original_of(home: Path, version: tuple[float, ...], document_id: str) -> Original | None:
    """The file a document shows, with the sha256 and size it had when ingested."""
    with _store(home) as store:
        rows = store.query(
            "SELECT d.path, COALESCE(f.sha256, d.file_sha256) AS sha256, f.size FROM documents d"
            " LEFT JOIN files f ON f.path = d.path AND f.document_id = d.id WHERE d.id = ?",
            (document_id,),
        )
    return Original(rows[0]["path"], rows[0]["sha256"], rows[0]["size"]) if rows else None


# ------------------------------------------------------------------ search


@st.cache_data(show_spinner=False, max_entries=256)
def search(home: Path, version: tuple[float, ...], **filters: Any) -> dict[str, Any]:
    """`search.search_papers` with the CLI's filters (query, body, kind, date_from, …, match)."""
    return search_papers(home, SearchRequest(**filters))


def query_fields() -> tuple[tuple[str, str], ...]:
    """The `field:` names a user may type, each with what it narrows to (for the help)."""
    return USER_FIELDS


def search_csv(home: Path, version: tuple[float, ...], total: int, base_url: str, **filters: Any) -> str:
    """What the search page's "Export CSV" serves: every hit of the view, not one page of it,
    in the columns a reader uses (`exports.hits_csv`), each row linking to its paper's page.

    `filters` are the view's and `total` its hit count (the page has it already); `limit` and
    `offset` are replaced to cover all `total` hits in one search.
    """
    hits = search(home, version, **{**filters, "limit": max(total, 1), "offset": 0})["hits"]
    return exports.hits_csv(hits, base_url, highlight=str(filters.get("query") or ""))


@st.cache_data(show_spinner=False, max_entries=64)
def ask(home: Path, version: tuple[float, ...], question: str) -> dict[str, Any]:
    return answer_question(home, question)


# ----------------------------------------------------------------- tracker


@st.cache_data(show_spinner=False)
def actions(home: Path, version: tuple[float, ...], as_of: str | None) -> list[dict[str, Any]]:
    """Every action (CONTRACT `actions --json` rows), each with its stored verdicts."""
    with _store(home) as store:
        ensure_evidence(home, store)  # an interrupted ingest may have left it behind the store
        rows = list_actions(store, status="all", as_of=as_of)
        verdicts: dict[str, dict[str, str]] = defaultdict(dict)
        for row in store.query("SELECT action_id, document_id, verdict FROM corrections"):
            verdicts[row["action_id"]][row["document_id"]] = row["verdict"]
        meeting_ids = {r["id"]: r["meeting_id"] for r in store.query("SELECT id, meeting_id FROM documents")}
    for row in rows:
        row["verdicts"] = dict(verdicts.get(row["id"], {}))
        for evidence in row.get("evidence", []):
            evidence["meeting_id"] = meeting_ids.get(evidence.get("document_id"))
    return list(rows)


def record_correction(home: Path, action_id: str, document_id: str, verdict: str) -> None:
    """Store a person's verdict on one suggested match, then drop cached tracker rows."""
    with _store(home) as store:
        store_correction(store, action_id, document_id, verdict)
    actions.clear()


# -------------------------------------------------- entities and figures


@st.cache_data(show_spinner=False)
def entities(home: Path, version: tuple[float, ...], entity_type: str) -> list[dict[str, Any]]:
    with _store(home) as store:
        return list(list_entities(store, entity_type=entity_type))


@st.cache_data(show_spinner=False)
def entity_mentions(
    home: Path, version: tuple[float, ...], entity_type: str, forms: tuple[str, ...]
) -> list[dict[str, Any]]:
    """The papers naming an entity, oldest first: one row per document (date, body, kind,
    how many mentions, first page), matched by the surface forms `list_entities` merged under
    its name ("Mrs J Leggett" is also "Cllr Leggett" and "Mrs Leggett")."""
    if not forms:
        return []
    marks = ", ".join("?" for _ in forms)
    with _store(home) as store:
        return store.query(
            "SELECT d.meeting_date AS date, d.body, d.kind, COUNT(*) AS mentions,"
            " GROUP_CONCAT(DISTINCT mn.role) AS roles, MIN(mn.page) AS page, mn.document_id"
            " FROM mentions mn JOIN documents d ON d.id = mn.document_id"
            f" WHERE mn.type = ? AND mn.surface IN ({marks})"
            " GROUP BY mn.document_id ORDER BY d.meeting_date IS NULL, d.meeting_date, d.kind",
            (entity_type, *forms),
        )


@st.cache_data(show_spinner=False)
def figures(home: Path, version: tuple[float, ...], query: str | None) -> list[dict[str, Any]]:
    with _store(home) as store:
        return list(find_figures(store, query or None))


# ------------------------------------------------- sources and what's new


@st.cache_data(show_spinner=False)
def sources(home: Path, version: tuple[float, ...]) -> list[dict[str, Any]]:
    """The council sites papers were fetched from, with their committees, counts and errors
    (`minutebook.provenance.sources_overview`)."""
    if not store_path(home).exists():
        return []
    from minutebook.provenance import sources_overview

    with _store(home) as store:
        return sources_overview(store)


@st.cache_data(show_spinner=False)
def paper_origins(home: Path, version: tuple[float, ...]) -> dict[str, str]:
    """A fetched paper's path -> the address it was fetched from on the council's site."""
    if not store_path(home).exists():
        return {}
    from minutebook.provenance import origins

    with _store(home) as store:
        return origins(store)


@st.cache_data(show_spinner=False)
def whats_new(home: Path, version: tuple[float, ...], as_of: str) -> Digest | None:
    """The digest of `minutebook watch` as of `as_of`, read only (remembered on request)."""
    if not store_path(home).exists():
        return None
    with _store(home) as store:
        return watch_digest(home, store, as_of)


def remember_whats_new(home: Path, digest: Digest) -> None:
    """Mark everything in `digest` as seen, as `watch run` does after printing it."""
    with _store(home) as store:
        remember_digest(store, digest)
    whats_new.clear()


def add_saved_search(home: Path, query: str, filters: dict[str, Any]) -> dict[str, Any]:
    with _store(home) as store:
        watch = add_watch(home, store, query, filters)
    whats_new.clear()
    return watch


def remove_saved_search(home: Path, watch_id: int) -> None:
    with _store(home) as store:
        remove_watch(store, watch_id)
    whats_new.clear()
