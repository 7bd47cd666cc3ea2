"""Where fetched papers came from: the store's `sources`, `source_committees` and
`fetched_files` tables (migration 2 in `store.py`), read and written here only.

Rules:

* One `fetched_files` row per URL: the path it lands on under the home (the same path the
  store's `files` table keys, so a paper joins its provenance by path), what the site says
  of it (meeting id, committee, meeting date, item), and its bytes' sha256 and the
  server's validators (ETag, Last-Modified) for the next conditional request.
* A failed attempt writes `error` and `checked_at` and keeps everything else: the copy that
  landed before (if any) is still the one on disk and in the store.
* What the site says never overwrites what ingest read from the paper: `disagreements`
  lists where they differ, and the paper's reading stays the record.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from minutebook.store import SAME_BODY_SIMILARITY, Store, body_similarity


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S")


@dataclass(frozen=True)
class FetchRecord:
    """What one fetch learnt about one URL (see the module docstring)."""

    url: str
    source_id: str
    path: str
    title: str | None
    meeting_id: str | None
    committee_id: str | None
    committee: str | None
    meeting_date: str | None
    item_number: str | None
    item_title: str | None


def known_copy(store: Store, url: str) -> dict[str, Any] | None:
    """The stored row for `url` (path, sha256, validators, last error), or None."""
    rows = store.query("SELECT * FROM fetched_files WHERE url = ?", (url,))
    return rows[0] if rows else None


def record_landed(
    store: Store,
    record: FetchRecord,
    *,
    sha256: str | None,
    size: int,
    etag: str | None,
    last_modified: str | None,
    fetched: bool,
) -> None:
    """`record.url` is on disk at `record.path`; `fetched` when its bytes arrived this time
    (a 304 or identical bytes keep the old `fetched_at`)."""
    stamp = now()
    with store.transaction() as db:
        db.execute(
            "INSERT INTO fetched_files(url, source_id, path, title, meeting_id, committee_id, committee,"
            " meeting_date, item_number, item_title, sha256, size, etag, last_modified, fetched_at,"
            " checked_at, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)"
            " ON CONFLICT(url) DO UPDATE SET source_id = excluded.source_id, path = excluded.path,"
            " title = excluded.title, meeting_id = excluded.meeting_id,"
            " committee_id = excluded.committee_id, committee = excluded.committee,"
            " meeting_date = excluded.meeting_date, item_number = excluded.item_number,"
            " item_title = excluded.item_title, sha256 = excluded.sha256, size = excluded.size,"
            " etag = excluded.etag, last_modified = excluded.last_modified,"
            " fetched_at = COALESCE(excluded.fetched_at, fetched_files.fetched_at),"
            " checked_at = excluded.checked_at, error = NULL",
            (*_fields(record), sha256, size, etag, last_modified, stamp if fetched else None, stamp),
        )


def record_failed(store: Store, record: FetchRecord, error: str) -> None:
    """The latest attempt at `record.url` failed with `error`; an earlier copy stays as it was."""
    stamp = now()
    with store.transaction() as db:
        db.execute(
            "INSERT INTO fetched_files(url, source_id, path, title, meeting_id, committee_id, committee,"
            " meeting_date, item_number, item_title, checked_at, error)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(url) DO UPDATE SET checked_at = excluded.checked_at, error = excluded.error",
            (*_fields(record), stamp, error),
        )


def _fields(record: FetchRecord) -> tuple[Any, ...]:
    return (
        record.url,
        record.source_id,
        record.path,
        record.title,
        record.meeting_id,
        record.committee_id,
        record.committee,
        record.meeting_date,
        record.item_number,
        record.item_title,
    )


def record_source(
    store: Store,
    source_id: str,
    kind: str,
    council: str,
    mode: str | None,
    committees: list[tuple[str, str]],
    errors: list[str],
) -> None:
    """One fetch run over `source_id` finished: when, how it read the site, which committees
    it fetched and the run's errors (replacing the previous run's)."""
    stamp = now()
    with store.transaction() as db:
        db.execute(
            "INSERT INTO sources(id, kind, council, mode, first_fetched_at, last_fetched_at, last_errors)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET kind = excluded.kind,"
            " council = excluded.council, mode = excluded.mode,"
            " last_fetched_at = excluded.last_fetched_at, last_errors = excluded.last_errors",
            (source_id, kind, council, mode, stamp, stamp, json.dumps(errors)),
        )
        db.executemany(
            "INSERT INTO source_committees(source_id, committee_id, title, last_fetched_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT(source_id, committee_id) DO UPDATE SET"
            " title = excluded.title, last_fetched_at = excluded.last_fetched_at",
            [(source_id, cid, title, stamp) for cid, title in committees],
        )


def sources_overview(store: Store) -> list[dict[str, Any]]:
    """Every site fetched from, newest first, with its committees: for each, the meetings and
    papers fetched, how many of those are in the store, the last fetch and the errors."""
    out = []
    for source in store.query("SELECT * FROM sources ORDER BY last_fetched_at DESC, id"):
        committees = store.query(
            "SELECT c.committee_id AS id, c.title, c.last_fetched_at,"
            " COUNT(DISTINCT f.meeting_id) AS meetings,"
            " SUM(f.error IS NULL AND f.sha256 IS NOT NULL) AS papers,"
            " SUM(f.error IS NOT NULL) AS errors,"
            " COUNT(DISTINCT fl.document_id) AS documents,"
            " MIN(f.meeting_date) AS first_meeting, MAX(f.meeting_date) AS last_meeting"
            " FROM source_committees c"
            " LEFT JOIN fetched_files f ON f.source_id = c.source_id AND f.committee_id = c.committee_id"
            " LEFT JOIN files fl ON fl.path = f.path"
            " WHERE c.source_id = ? GROUP BY c.committee_id ORDER BY c.title",
            (source["id"],),
        )
        failing = store.query(
            "SELECT url, title, committee, meeting_date, error, checked_at FROM fetched_files"
            " WHERE source_id = ? AND error IS NOT NULL ORDER BY checked_at DESC, url",
            (source["id"],),
        )
        out.append(
            {
                "id": source["id"],
                "kind": source["kind"],
                "council": source["council"],
                "mode": source["mode"],
                "first_fetched_at": source["first_fetched_at"],
                "last_fetched_at": source["last_fetched_at"],
                "last_errors": json.loads(source["last_errors"] or "[]"),
                "committees": [
                    {**c, "papers": int(c["papers"] or 0), "errors": int(c["errors"] or 0)}
                    for c in committees
                ],
                "failing": failing,
            }
        )
    return out


def origins(store: Store) -> dict[str, str]:
    """Path under the home -> the URL it was fetched from (papers that landed)."""
    rows = store.query("SELECT path, url FROM fetched_files WHERE sha256 IS NOT NULL")
    return {row["path"]: row["url"] for row in rows}


def disagreements(store: Store) -> tuple[int, list[dict[str, Any]]]:
    """Fetched papers whose meeting date or committee, as the site lists them, differ from
    what ingest read on the paper; and how many fetched papers were compared.

    A date differs when both are known and unequal; a committee when both are known and
    their names share too few words (`store.body_similarity`, so '&' and 'and' or a dropped
    'Policy' do not count). A paper with no date of its own is listed too (`fields` has
    'meeting_date' with the paper's value null): the site's date is then the only one.
    """
    rows = store.query(
        "SELECT f.url, f.path, f.committee, f.meeting_date AS site_date, d.id AS document_id,"
        " d.kind, d.title, d.body, d.meeting_date AS paper_date"
        " FROM fetched_files f JOIN files fl ON fl.path = f.path JOIN documents d ON d.id = fl.document_id"
        " WHERE f.sha256 IS NOT NULL ORDER BY f.meeting_date, f.url"
    )
    found = []
    for row in rows:
        fields = []
        if row["site_date"] and row["paper_date"] != row["site_date"]:
            fields.append("meeting_date")
        if (
            row["committee"]
            and row["body"]
            and body_similarity(row["committee"], row["body"]) < SAME_BODY_SIMILARITY
        ):
            fields.append("committee")
        if fields:
            found.append(
                {
                    "url": row["url"],
                    "path": row["path"],
                    "document_id": row["document_id"],
                    "kind": row["kind"],
                    "title": row["title"],
                    "fields": fields,
                    "site": {"committee": row["committee"], "meeting_date": row["site_date"]},
                    "paper": {"body": row["body"], "meeting_date": row["paper_date"]},
                }
            )
    return len(rows), found
