"""The record store: one SQLite file under the home, the system of record.

Everything else (the Whoosh index, the tracker's evidence) is derived from it and can be
rebuilt from it. Rules this module keeps:

* The schema is created and migrated here, by `MIGRATIONS` (append only; never edit a
  shipped step). `PRAGMA user_version` records how many steps have run.
* A document and everything extracted from it are written in one transaction
  (`replace_document`): a crash mid-ingest leaves the previous version readable.
* Rows extracted from a document are keyed by `document_id` and go when it goes.
  User data (`corrections`) is keyed by content ids and is never deleted by ingest.
* The WAL journal lets readers (search, the UI) read while an ingest writes.
* Store and index agree (step 2): `documents.indexed_in` names the index build that holds
  each document (NULL until indexed; a re-inserted document starts NULL again), and
  `index_removals` lists documents removed from the store whose sections the index may
  still hold; both are written in the same transaction as the change they describe, so a
  crash at any point leaves the store saying exactly what the index still has to do.
* A document records how many rows it wrote to each per-document table (`row_counts`), so
  a store recovered from damage can tell which documents lost rows
  (`minutebook.recovery.incomplete_documents`).
* Entities may arrive after their document (step 7): `documents.entities_pending` is 1 for a
  document stored before its entities were read; `store_mentions` writes them, clears the
  flag and has the index write the document again (its people and organisations facets), all
  in one transaction, so an interrupted entity pass leaves the rest pending, never half-done.
* `state` counts document writes (`documents_version`), so what is derived from the whole
  store (the tracker's evidence) can tell that it is behind.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from minutebook.text import body_key, content_id

# The models are imported where rows become them, not here: a search opens the store but
# builds none, and importing them (fourteen dataclasses) was 4 ms of a one-shot search.
if TYPE_CHECKING:
    from minutebook.models import Document, Meeting, Mention, Section, TableRow

MIGRATIONS: list[str] = [
    # 1: the core record store.
    """
    CREATE TABLE files(
        path TEXT PRIMARY KEY,
        document_id TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime REAL NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX files_document ON files(document_id);
    CREATE TABLE meetings(
        id TEXT PRIMARY KEY,
        body TEXT,
        body_key TEXT,
        date TEXT,
        time TEXT,
        venue TEXT
    );
    CREATE TABLE documents(
        id TEXT PRIMARY KEY,
        path TEXT NOT NULL,
        kind TEXT NOT NULL,
        title TEXT,
        body TEXT,
        body_key TEXT,
        meeting_id TEXT NOT NULL,
        meeting_date TEXT,
        meeting_time TEXT,
        venue TEXT,
        page_count INTEGER NOT NULL,
        file_sha256 TEXT NOT NULL,
        warnings TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX documents_meeting ON documents(meeting_id);
    CREATE TABLE pages(
        document_id TEXT NOT NULL,
        number INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY(document_id, number)
    );
    CREATE TABLE items(
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL,
        meeting_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        number TEXT,
        title TEXT NOT NULL,
        presenter TEXT,
        page_start INTEGER,
        page_end INTEGER,
        to_follow INTEGER NOT NULL DEFAULT 0,
        text TEXT NOT NULL
    );
    CREATE INDEX items_document ON items(document_id);
    CREATE INDEX items_meeting ON items(meeting_id);
    CREATE TABLE sections(
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL,
        document_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        number TEXT,
        title TEXT,
        page INTEGER NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX sections_document ON sections(document_id);
    CREATE INDEX sections_item ON sections(item_id);
    CREATE TABLE mentions(
        document_id TEXT NOT NULL,
        item_id TEXT,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        surface TEXT NOT NULL,
        page INTEGER NOT NULL,
        role TEXT
    );
    CREATE INDEX mentions_document ON mentions(document_id);
    CREATE INDEX mentions_name ON mentions(name);
    CREATE TABLE attendance(
        document_id TEXT NOT NULL,
        meeting_id TEXT NOT NULL,
        person TEXT NOT NULL,
        status TEXT NOT NULL,
        role TEXT,
        substituting_for TEXT,
        page INTEGER NOT NULL
    );
    CREATE INDEX attendance_document ON attendance(document_id);
    CREATE TABLE declarations(
        document_id TEXT NOT NULL,
        meeting_id TEXT NOT NULL,
        person TEXT NOT NULL,
        interest TEXT NOT NULL,
        item_number TEXT,
        page INTEGER NOT NULL
    );
    CREATE INDEX declarations_document ON declarations(document_id);
    CREATE TABLE figures(
        document_id TEXT NOT NULL,
        item_id TEXT,
        label TEXT NOT NULL,
        value REAL NOT NULL,
        unit TEXT NOT NULL,
        period TEXT,
        page INTEGER NOT NULL,
        context TEXT NOT NULL,
        source TEXT NOT NULL
    );
    CREATE INDEX figures_document ON figures(document_id);
    CREATE TABLE resolutions(
        id TEXT NOT NULL,
        document_id TEXT NOT NULL,
        item_id TEXT,
        text TEXT NOT NULL,
        outcome TEXT NOT NULL,
        page INTEGER NOT NULL,
        votes_for INTEGER,
        votes_against INTEGER,
        abstentions INTEGER,
        PRIMARY KEY(id, document_id)
    );
    CREATE INDEX resolutions_document ON resolutions(document_id);
    CREATE TABLE recommendations(
        id TEXT NOT NULL,
        document_id TEXT NOT NULL,
        item_id TEXT,
        text TEXT NOT NULL,
        page INTEGER NOT NULL,
        PRIMARY KEY(id, document_id)
    );
    CREATE INDEX recommendations_document ON recommendations(document_id);
    CREATE TABLE actions(
        id TEXT NOT NULL,
        document_id TEXT NOT NULL,
        item_id TEXT,
        text TEXT NOT NULL,
        owner TEXT,
        due TEXT,
        due_text TEXT,
        source TEXT NOT NULL,
        page INTEGER NOT NULL,
        PRIMARY KEY(id, document_id)
    );
    CREATE INDEX actions_document ON actions(document_id);
    -- Derived by the tracker (search/), rebuilt after every ingest.
    CREATE TABLE action_evidence(
        action_id TEXT NOT NULL,
        document_id TEXT NOT NULL,
        item_id TEXT,
        page INTEGER NOT NULL,
        quote TEXT NOT NULL,
        score REAL NOT NULL,
        explanation TEXT NOT NULL
    );
    CREATE INDEX action_evidence_action ON action_evidence(action_id);
    -- User data: a person's verdict on a suggested match. Survives re-ingest.
    CREATE TABLE corrections(
        action_id TEXT NOT NULL,
        document_id TEXT NOT NULL,
        verdict TEXT NOT NULL CHECK (verdict IN ('right', 'wrong')),
        created_at TEXT NOT NULL,
        PRIMARY KEY(action_id, document_id)
    );
    """,
    # 2: what part of the paper an item is (models.Item.part); older rows are items.
    """
    ALTER TABLE items ADD COLUMN part TEXT NOT NULL DEFAULT 'item';
    """,
    # 3: where fetched papers came from (minutebook/provenance.py, written by `fetch`) and
    # saved searches with what each has shown (search/watch). Both are kept across re-ingest.
    """
    CREATE TABLE sources(
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        council TEXT NOT NULL,
        mode TEXT,
        first_fetched_at TEXT NOT NULL,
        last_fetched_at TEXT NOT NULL,
        last_errors TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE source_committees(
        source_id TEXT NOT NULL,
        committee_id TEXT NOT NULL,
        title TEXT NOT NULL,
        last_fetched_at TEXT,
        PRIMARY KEY(source_id, committee_id)
    );
    CREATE TABLE fetched_files(
        url TEXT PRIMARY KEY,
        source_id TEXT NOT NULL,
        path TEXT NOT NULL,
        title TEXT,
        meeting_id TEXT,
        committee_id TEXT,
        committee TEXT,
        meeting_date TEXT,
        item_number TEXT,
        item_title TEXT,
        sha256 TEXT,
        size INTEGER,
        etag TEXT,
        last_modified TEXT,
        fetched_at TEXT,
        checked_at TEXT NOT NULL,
        error TEXT
    );
    CREATE INDEX fetched_files_path ON fetched_files(path);
    CREATE INDEX fetched_files_source ON fetched_files(source_id);
    CREATE TABLE watches(
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        query TEXT NOT NULL,
        filters TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        last_run_at TEXT
    );
    CREATE TABLE watch_seen(
        watch_id INTEGER NOT NULL,
        hit_key TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY(watch_id, hit_key)
    );
    CREATE TABLE watch_actions(
        action_id TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        seen_at TEXT NOT NULL
    );
    CREATE TABLE watch_state(
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 4: a recorded vote's result ("carried" / "lost"), beside its counts (issue 12).
    """
    ALTER TABLE resolutions ADD COLUMN vote_result TEXT;
    """,
    # 5: table rows with their column headers (ingest/analyses/tables.py), so ask can read
    # "X in period Y" by row and column.
    """
    CREATE TABLE table_rows(
        document_id TEXT NOT NULL,
        item_id TEXT,
        section_id TEXT,
        page INTEGER NOT NULL,
        table_index INTEGER NOT NULL,
        position INTEGER NOT NULL,
        label TEXT NOT NULL,
        cells TEXT NOT NULL,
        headers TEXT NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX table_rows_document ON table_rows(document_id);
    CREATE INDEX table_rows_section ON table_rows(section_id);
    """,
    # 6: store and index agree (issue 13). Which index build holds each document (NULL: not
    # yet indexed), how many rows each document wrote (to find rows lost to damage),
    # documents removed from the store that the index may still hold, and counters for what
    # is derived from the whole store.
    """
    ALTER TABLE documents ADD COLUMN indexed_in TEXT;
    CREATE INDEX documents_indexed_in ON documents(indexed_in);
    ALTER TABLE documents ADD COLUMN row_counts TEXT;
    CREATE TABLE index_removals(document_id TEXT PRIMARY KEY);
    CREATE TABLE state(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # 7: entities as a second pass (issue 17). A document stored before its entities were
    # read has `entities_pending` 1 until the entity pass stores its mentions; documents
    # stored before this step had theirs read with them (0).
    """
    ALTER TABLE documents ADD COLUMN entities_pending INTEGER NOT NULL DEFAULT 0;
    """,
]

# Tables whose rows are extracted from one document and go when it is replaced or removed.
_PER_DOCUMENT_TABLES = (
    "pages",
    "items",
    "sections",
    "mentions",
    "attendance",
    "declarations",
    "figures",
    "resolutions",
    "recommendations",
    "actions",
    "action_evidence",
    "table_rows",
)

# The tables whose rows per document are counted when it is stored (`row_counts`).
# Not action_evidence: it is derived, and rewritten after the document is stored.
_COUNTED_TABLES = tuple(table for table in _PER_DOCUMENT_TABLES if table != "action_evidence")

# When several papers describe one meeting, which one's heading to trust for body/time/venue.
_KIND_AUTHORITY = {
    "minutes": 0,
    "agenda": 1,
    "supplementary_agenda": 2,
    "decision_notice": 3,
    "report": 4,
    "questions": 5,
    "forward_plan": 6,
    "other": 7,
}


@dataclass(frozen=True)
class FileRecord:
    """What the store knows about one ingested path."""

    path: str
    document_id: str
    sha256: str
    size: int
    mtime: float


def meeting_id_for(body: str | None, meeting_date: str | None, document_id: str) -> str:
    """Documents of the same body and date share a meeting; undated ones stand alone."""
    key = body_key(body)
    if key and meeting_date:
        return content_id("meeting", key, meeting_date)
    return content_id("meeting-of-document", document_id)


# Words that vary between papers of one body: Bristol's minutes say "Transport & Connectivity
# Policy Committee" where its officer report says "Transport and Connectivity Committee".
_BODY_NOISE = {"the", "of", "and", "meeting", "policy", "mayoral"}
SAME_BODY_SIMILARITY = 0.6


def body_similarity(a: str | None, b: str | None) -> float:
    """Jaccard overlap of two body names' significant words (0 when either is unknown).

    Jaccard, not containment: "Children's Services Committee" must not swallow "Children's
    Services Overview and Scrutiny Panel" when both meet on one day.
    """
    words_a = set((body_key(a) or "").split()) - _BODY_NOISE
    words_b = set((body_key(b) or "").split()) - _BODY_NOISE
    if not words_a or not words_b:
        return 0.0
    return len(words_a & words_b) / len(words_a | words_b)


class Store:
    """A connection to the record store. Use as a context manager, or call `close()`."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path, timeout=30)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self._migrate()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def _migrate(self) -> None:
        (version,) = self.db.execute("PRAGMA user_version").fetchone()
        for step, script in enumerate(MIGRATIONS[version:], start=version + 1):
            # One script per step, committed with its version number: a step is all or nothing.
            self.db.executescript(f"BEGIN; {script}; PRAGMA user_version={step}; COMMIT;")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All-or-nothing block; readers see the old state until it commits."""
        try:
            yield self.db
            self.db.commit()
        except BaseException:
            self.db.rollback()
            raise

    # ----------------------------------------------------------------- files

    def file_record(self, path: str) -> FileRecord | None:
        row = self.db.execute(
            "SELECT path, document_id, sha256, size, mtime FROM files WHERE path = ?", (path,)
        ).fetchone()
        return FileRecord(**dict(row)) if row else None

    def has_document(self, document_id: str) -> bool:
        return bool(self.db.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone())

    def record_file(self, record: FileRecord) -> list[str]:
        """Point `record.path` at an already stored document (a duplicate or a touched file).

        Returns the ids of documents that no longer have any path and were removed.
        """
        with self.transaction():
            return self._record_file(record)

    def _record_file(self, record: FileRecord) -> list[str]:
        old = self.file_record(record.path)
        self.db.execute(
            "INSERT OR REPLACE INTO files(path, document_id, sha256, size, mtime, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                record.path,
                record.document_id,
                record.sha256,
                record.size,
                record.mtime,
                time.strftime("%Y-%m-%dT%H:%M:%S"),
            ),
        )
        if old and old.document_id != record.document_id:
            return self._drop_if_orphaned(old.document_id)
        return []

    def _drop_if_orphaned(self, document_id: str) -> list[str]:
        still_used = self.db.execute(
            "SELECT 1 FROM files WHERE document_id = ? LIMIT 1", (document_id,)
        ).fetchone()
        if still_used:
            return []
        self._delete_document_rows(document_id)
        return [document_id]

    def _delete_document_rows(self, document_id: str) -> None:
        row = self.db.execute("SELECT meeting_id FROM documents WHERE id = ?", (document_id,)).fetchone()
        for table in _PER_DOCUMENT_TABLES:
            self.db.execute(f"DELETE FROM {table} WHERE document_id = ?", (document_id,))
        self.db.execute("DELETE FROM documents WHERE id = ?", (document_id,))
        if row:
            self._refresh_meeting(row["meeting_id"])
            # The index may still hold its sections: say so in the same transaction.
            self.db.execute("INSERT OR IGNORE INTO index_removals(document_id) VALUES (?)", (document_id,))
            self._bump_version()

    def _rows_of(self, table: str, document_id: str) -> int:
        return int(
            self.db.execute(f"SELECT COUNT(*) FROM {table} WHERE document_id = ?", (document_id,)).fetchone()[
                0
            ]
        )

    def incomplete_documents(self) -> list[str]:
        """Documents with fewer rows in some table than they wrote (rows lost to damage), or,
        for documents stored before counts were kept, fewer pages than they have."""
        found = []
        for row in self.db.execute("SELECT id, page_count, row_counts FROM documents ORDER BY id").fetchall():
            expected = json.loads(row["row_counts"]) if row["row_counts"] else {"pages": row["page_count"]}
            if any(self._rows_of(table, row["id"]) < count for table, count in expected.items()):
                found.append(row["id"])
        return found

    def remove_document_rows(self, document_id: str) -> None:
        """Delete a document and everything extracted from it (inside a `transaction`); its
        file records stay, for the caller to decide."""
        self._delete_document_rows(document_id)

    def _bump_version(self) -> None:
        self.db.execute(
            "INSERT INTO state(key, value) VALUES ('documents_version', '1') ON CONFLICT(key)"
            " DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)"
        )

    # ------------------------------------------------------------- documents

    def replace_document(
        self, doc: Document, record: FileRecord, *, entities_pending: bool = False
    ) -> list[str]:
        """Store `doc` and everything extracted from it, and point `record.path` at it.

        One transaction: either the new version and its path land together, or nothing
        changes. Returns ids of documents removed because no path refers to them any more.
        `entities_pending`: its entities were not read yet (`store_mentions` adds them).
        """
        with self.transaction():
            self._delete_document_rows(doc.id)
            self._insert_document(doc, entities_pending=entities_pending)
            return self._record_file(record)

    # ------------------------------------------------------ entities, second pass

    def documents_lacking_entities(self) -> list[tuple[str, str]]:
        """(document id, path) of every document whose entities are still to be read."""
        rows = self.db.execute("SELECT id, path FROM documents WHERE entities_pending = 1 ORDER BY id")
        return [(row["id"], row["path"]) for row in rows]

    def entities_pending_count(self) -> int:
        """How many documents still wait for their entities."""
        return int(self.db.execute("SELECT COUNT(*) FROM documents WHERE entities_pending = 1").fetchone()[0])

    def entity_inputs(self, document_id: str) -> Document | None:
        """What entity extraction reads of a stored document, as the parser produced it: its
        items (in order) with their text and sections (in order), and its attendance (in the
        order stored). Pages, figures and decisions are left out. None if it is gone."""
        row = self.db.execute("SELECT id, path, kind FROM documents WHERE id = ?", (document_id,)).fetchone()
        if row is None:
            return None
        from minutebook.models import Attendance, Document, Item, Section

        doc = Document(row["id"], row["path"], row["kind"], None, None, None, None, None, pages=[])
        sections: dict[str, list[Section]] = {}
        for s in self.db.execute(
            "SELECT id, item_id, number, title, page, text, position FROM sections"
            " WHERE document_id = ? ORDER BY rowid",
            (document_id,),
        ):
            section = Section(s["id"], s["number"], s["title"], s["page"], s["text"], s["position"])
            sections.setdefault(s["item_id"], []).append(section)
        for i in self.db.execute(
            "SELECT id, number, title, page_start, page_end, text, position, part FROM items"
            " WHERE document_id = ? ORDER BY rowid",
            (document_id,),
        ):
            doc.items.append(
                Item(
                    i["id"],
                    i["number"],
                    i["title"],
                    i["page_start"],
                    i["page_end"],
                    text=i["text"],
                    position=i["position"],
                    sections=sections.get(i["id"], []),
                    part=i["part"],
                )
            )
        for a in self.db.execute(
            "SELECT person, status, role, substituting_for, page FROM attendance"
            " WHERE document_id = ? ORDER BY rowid",
            (document_id,),
        ):
            doc.attendance.append(
                Attendance(a["person"], a["status"], a["role"], a["substituting_for"], a["page"])
            )
        return doc

    def store_mentions(self, document_id: str, mentions: Sequence[Mention]) -> bool:
        """Store the entities read for a stored document (replacing any it had), clear its
        `entities_pending` flag and, when any of them is a person or organisation tied to an
        item (what the index's facets hold), have the index write it again. One transaction.
        False (nothing written) when the document is no longer stored."""
        with self.transaction() as db:
            row = db.execute("SELECT row_counts FROM documents WHERE id = ?", (document_id,)).fetchone()
            if row is None:
                return False
            db.execute("DELETE FROM mentions WHERE document_id = ?", (document_id,))
            db.executemany(
                "INSERT INTO mentions(document_id, item_id, name, type, surface, page, role)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(document_id, m.item_id, m.name, m.type, m.surface, m.page, m.role) for m in mentions],
            )
            counts = json.loads(row["row_counts"]) if row["row_counts"] else {}
            counts["mentions"] = len(mentions)
            faceted = any(m.item_id is not None and m.type in ("person", "organisation") for m in mentions)
            db.execute(
                "UPDATE documents SET entities_pending = 0, row_counts = ?,"
                " indexed_in = CASE WHEN ? THEN NULL ELSE indexed_in END WHERE id = ?",
                (json.dumps(counts), int(faceted), document_id),
            )
            self._bump_version()
        return True

    def _meeting_for(self, doc: Document) -> str:
        """The meeting a document belongs to: an existing meeting on the same date whose
        body names the same committee in other words, else one keyed by its own body.

        Which wording names the meeting depends on which paper arrived first; the grouping
        itself does not.
        """
        if doc.meeting_date and doc.body:
            same_day = self.db.execute(
                "SELECT id, body FROM meetings WHERE date = ? ORDER BY id", (doc.meeting_date,)
            ).fetchall()
            scored = [(body_similarity(doc.body, row["body"]), row["id"]) for row in same_day]
            best = max(scored, default=(0.0, ""))
            if best[0] >= SAME_BODY_SIMILARITY:
                return best[1]
        return meeting_id_for(doc.body, doc.meeting_date, doc.id)

    def _insert_document(self, doc: Document, *, entities_pending: bool = False) -> None:
        meeting_id = self._meeting_for(doc)
        db = self.db
        db.execute(
            "INSERT INTO documents(id, path, kind, title, body, body_key, meeting_id, meeting_date,"
            " meeting_time, venue, page_count, file_sha256, warnings, entities_pending)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.id,
                doc.path,
                doc.kind,
                doc.title,
                doc.body,
                body_key(doc.body),
                meeting_id,
                doc.meeting_date,
                doc.meeting_time,
                doc.venue,
                doc.page_count,
                doc.file_sha256,
                json.dumps(doc.warnings),
                int(entities_pending),
            ),
        )
        db.executemany(
            "INSERT INTO pages(document_id, number, text) VALUES (?, ?, ?)",
            [(doc.id, p.number, p.text) for p in doc.pages],
        )
        db.executemany(
            "INSERT INTO items(id, document_id, meeting_id, position, number, title, presenter,"
            " page_start, page_end, to_follow, text, part) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    i.id,
                    doc.id,
                    meeting_id,
                    i.position,
                    i.number,
                    i.title,
                    i.presenter,
                    i.page_start,
                    i.page_end,
                    int(i.to_follow),
                    i.text,
                    i.part,
                )
                for i in doc.items
            ],
        )
        db.executemany(
            "INSERT INTO sections(id, item_id, document_id, position, number, title, page, text)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (s.id, i.id, doc.id, s.position, s.number, s.title, s.page, s.text)
                for i in doc.items
                for s in i.sections
            ],
        )
        db.executemany(
            "INSERT INTO mentions(document_id, item_id, name, type, surface, page, role)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(doc.id, m.item_id, m.name, m.type, m.surface, m.page, m.role) for m in doc.mentions],
        )
        db.executemany(
            "INSERT INTO attendance(document_id, meeting_id, person, status, role,"
            " substituting_for, page) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (doc.id, meeting_id, a.person, a.status, a.role, a.substituting_for, a.page)
                for a in doc.attendance
            ],
        )
        db.executemany(
            "INSERT INTO declarations(document_id, meeting_id, person, interest, item_number, page)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(doc.id, meeting_id, d.person, d.interest, d.item_number, d.page) for d in doc.declarations],
        )
        db.executemany(
            "INSERT INTO figures(document_id, item_id, label, value, unit, period, page, context,"
            " source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (doc.id, f.item_id, f.label, f.value, f.unit, f.period, f.page, f.context, f.source)
                for f in doc.figures
            ],
        )
        db.executemany(
            "INSERT OR IGNORE INTO resolutions(id, document_id, item_id, text, outcome, page,"
            " votes_for, votes_against, abstentions, vote_result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    r.id,
                    doc.id,
                    r.item_id,
                    r.text,
                    r.outcome,
                    r.page,
                    r.votes_for,
                    r.votes_against,
                    r.abstentions,
                    r.vote_result,
                )
                for r in doc.resolutions
            ],
        )
        db.executemany(
            "INSERT OR IGNORE INTO recommendations(id, document_id, item_id, text, page)"
            " VALUES (?, ?, ?, ?, ?)",
            [(r.id, doc.id, r.item_id, r.text, r.page) for r in doc.recommendations],
        )
        db.executemany(
            "INSERT OR IGNORE INTO actions(id, document_id, item_id, text, owner, due, due_text,"
            " source, page) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (a.id, doc.id, a.item_id, a.text, a.owner, a.due, a.due_text, a.source, a.page)
                for a in doc.actions
            ],
        )
        db.executemany(
            "INSERT INTO table_rows(document_id, item_id, section_id, page, table_index, position,"
            " label, cells, headers, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    doc.id,
                    r.item_id,
                    r.section_id,
                    r.page,
                    r.table,
                    r.position,
                    r.label,
                    json.dumps(r.cells),
                    json.dumps(r.headers),
                    r.text,
                )
                for r in doc.table_rows
            ],
        )
        self._refresh_meeting(meeting_id)
        counts = {table: self._rows_of(table, doc.id) for table in _COUNTED_TABLES}
        db.execute("UPDATE documents SET row_counts = ? WHERE id = ?", (json.dumps(counts), doc.id))
        # Inserted with `indexed_in` NULL: the index picks it up (deleting any old copy first).
        self.db.execute("DELETE FROM index_removals WHERE document_id = ?", (doc.id,))
        self._bump_version()

    def _refresh_meeting(self, meeting_id: str) -> None:
        """Recompute a meeting row from its documents (drop it when none are left)."""
        docs = self.db.execute(
            "SELECT kind, body, body_key, meeting_date, meeting_time, venue FROM documents"
            " WHERE meeting_id = ?",
            (meeting_id,),
        ).fetchall()
        if not docs:
            self.db.execute("DELETE FROM meetings WHERE id = ?", (meeting_id,))
            return
        ranked = sorted(docs, key=lambda d: _KIND_AUTHORITY.get(d["kind"], 99))

        def first(column: str) -> Any:
            return next((d[column] for d in ranked if d[column]), None)

        self.db.execute(
            "INSERT OR REPLACE INTO meetings(id, body, body_key, date, time, venue)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                meeting_id,
                first("body"),
                first("body_key"),
                first("meeting_date"),
                first("meeting_time"),
                first("venue"),
            ),
        )

    # ----------------------------------------------- files that moved or went

    def file_records(self) -> list[FileRecord]:
        """Every ingested path, sorted."""
        rows = self.db.execute("SELECT path, document_id, sha256, size, mtime FROM files ORDER BY path")
        return [FileRecord(**dict(row)) for row in rows.fetchall()]

    def document_with_bytes(self, sha256: str, size: int) -> str | None:
        """The stored document some ingested file with exactly these bytes holds, if any."""
        row = self.db.execute(
            "SELECT f.document_id FROM files f JOIN documents d ON d.id = f.document_id"
            " WHERE f.sha256 = ? AND f.size = ? LIMIT 1",
            (sha256, size),
        ).fetchone()
        return row["document_id"] if row else None

    def forget_file(self, path: str) -> list[str]:
        """Forget an ingested path whose file is gone; returns the ids of documents removed
        because no path refers to them any more (a document another path still holds stays,
        and shows that path from now on)."""
        with self.transaction():
            old = self.file_record(path)
            if old is None:
                return []
            self.db.execute("DELETE FROM files WHERE path = ?", (path,))
            removed = self._drop_if_orphaned(old.document_id)
            if not removed:
                self._repoint_document(old.document_id, gone=path)
            return removed

    def _repoint_document(self, document_id: str, gone: str) -> None:
        """Show another of a document's paths when the one it shows is `gone`."""
        # The index stores each section's path: NULL `indexed_in` has it written again.
        self.db.execute(
            "UPDATE documents SET path = (SELECT MIN(path) FROM files WHERE document_id = ?),"
            " indexed_in = NULL WHERE id = ? AND path = ?",
            (document_id, document_id, gone),
        )

    def move_document_path(self, document_id: str, old_path: str, new_path: str) -> None:
        """A renamed file: the document shows `new_path`, and `old_path` (gone) is forgotten."""
        with self.transaction():
            self.db.execute("DELETE FROM files WHERE path = ? AND document_id = ?", (old_path, document_id))
            self.db.execute(
                "UPDATE documents SET path = ?, indexed_in = NULL WHERE id = ? AND path = ?",
                (new_path, document_id, old_path),
            )

    # ------------------------------------------------------- index agreement

    def documents_not_in(self, build: str | None) -> list[str]:
        """Stored documents the index build `build` does not hold (all of them for None)."""
        rows = self.db.execute(
            "SELECT id FROM documents WHERE indexed_in IS NULL OR indexed_in != ? ORDER BY id",
            (build or "",),
        )
        return [row["id"] for row in rows.fetchall()]

    def index_removals(self) -> list[str]:
        """Documents removed from the store whose sections the index may still hold."""
        return [row["document_id"] for row in self.db.execute("SELECT document_id FROM index_removals")]

    def mark_indexed(self, document_ids: Sequence[str], build: str, removed: Sequence[str] = ()) -> None:
        """Record that `build` now holds `document_ids` and none of `removed` (after its commit)."""
        with self.transaction():
            self.db.executemany(
                "UPDATE documents SET indexed_in = ? WHERE id = ?",
                [(build, doc_id) for doc_id in document_ids],
            )
            self.db.executemany(
                "DELETE FROM index_removals WHERE document_id = ?", [(doc_id,) for doc_id in removed]
            )

    def mark_unindexed(self, document_ids: Sequence[str]) -> None:
        """Have the index write these documents again (whatever build holds them now)."""
        with self.transaction():
            self.db.executemany(
                "UPDATE documents SET indexed_in = NULL WHERE id = ?", [(doc_id,) for doc_id in document_ids]
            )

    def state(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return row["value"] if row else None

    def set_state(self, key: str, value: str) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = ?",
                (key, value, value),
            )

    # --------------------------------------------------------------- readers

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows as plain dicts; for readers in search/ and ui/."""
        return [dict(row) for row in self.db.execute(sql, params).fetchall()]

    def meetings(self) -> list[Meeting]:
        """All meetings, oldest first; undated ones last."""
        from minutebook.models import Meeting

        rows = self.db.execute(
            "SELECT id, body, date, time, venue FROM meetings ORDER BY date IS NULL, date, body"
        ).fetchall()
        return [Meeting(**dict(r)) for r in rows]

    def meeting_documents(self, meeting_id: str) -> list[dict[str, Any]]:
        return self.query(
            "SELECT id, kind, title, path, page_count AS pages FROM documents"
            " WHERE meeting_id = ? ORDER BY kind, path",
            (meeting_id,),
        )

    def meeting_items(self, meeting_id: str) -> list[dict[str, Any]]:
        """A meeting's items (parts `AGENDA_PARTS`) in paper order: documents by kind, then
        position in each."""
        from minutebook.models import AGENDA_PARTS

        marks = ", ".join("?" for _ in AGENDA_PARTS)
        return self.query(
            "SELECT i.id, i.number, i.title, i.document_id, i.page_start, i.page_end,"
            " i.presenter, i.to_follow, i.part, d.kind AS document_kind"
            " FROM items i JOIN documents d ON d.id = i.document_id"
            f" WHERE i.meeting_id = ? AND i.part IN ({marks}) ORDER BY d.kind, d.path, i.position",
            (meeting_id, *AGENDA_PARTS),
        )

    def table_rows_of_sections(self, section_ids: Sequence[str]) -> list[TableRow]:
        """The stored table rows lying in the given sections (or items, for items without
        sections), in paper order."""
        rows: list[TableRow] = []
        ids = list(dict.fromkeys(section_ids))
        for start in range(0, len(ids), 400):
            chunk = ids[start : start + 400]
            marks = ",".join("?" * len(chunk))
            found = self.db.execute(
                "SELECT item_id, section_id, page, table_index, position, label, cells, headers, text"
                f" FROM table_rows WHERE section_id IN ({marks})"
                f" OR (section_id IS NULL AND item_id IN ({marks}))"
                " ORDER BY document_id, table_index, position",
                chunk + chunk,
            ).fetchall()
            rows += [_table_row(r) for r in found]
        return rows

    def table_rows_of_document(self, document_id: str) -> list[TableRow]:
        """Every stored table row of one document, in paper order."""
        found = self.db.execute(
            "SELECT item_id, section_id, page, table_index, position, label, cells, headers, text"
            " FROM table_rows WHERE document_id = ? ORDER BY table_index, position",
            (document_id,),
        ).fetchall()
        return [_table_row(r) for r in found]

    def document_ids(self) -> list[str]:
        return [r["id"] for r in self.query("SELECT id FROM documents ORDER BY id")]

    def counts(self) -> dict[str, int]:
        """Row counts per table, for status lines and tests."""
        tables = ("documents", "meetings", "items", "sections", "files") + _PER_DOCUMENT_TABLES[3:]
        return {t: self.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}


def _table_row(row: sqlite3.Row) -> TableRow:
    from minutebook.models import TableRow

    return TableRow(
        page=row["page"],
        table=row["table_index"],
        position=row["position"],
        cells=json.loads(row["cells"]),
        headers=json.loads(row["headers"]),
        label=row["label"],
        text=row["text"],
        item_id=row["item_id"],
        section_id=row["section_id"],
    )


def open_store(home: Path) -> Store:
    """Open (creating and migrating if needed) the store under `home`."""
    from minutebook.home import store_path

    return Store(store_path(home))
