"""A damaged record store (issue 13, failure 4): every command says so in one line and names
the fix; `check --repair` recovers what SQLite can read into a new file beside the damaged
one (never overwriting it), drops the documents that lost rows, and lists their files, which
the next ingest reads again."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from minutebook.recovery import recover_store, store_health
from tests.conftest import CORPUS
from tests.reliability import run_cli


@pytest.fixture()
def home(corpus_home: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "home"
    shutil.copytree(corpus_home, copy)
    return copy


def _table_pages(db_file: Path, table: str) -> list[int]:
    db = sqlite3.connect(db_file)
    try:
        return [
            row[0] for row in db.execute("SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno", (table,))
        ]
    finally:
        db.close()


def _damage(db_file: Path, table: str, pages: int = 4) -> None:
    """Overwrite some of `table`'s pages with garbage, as a bad disk would (not its root page,
    unless that is all it has)."""
    db = sqlite3.connect(db_file)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    (page_size,) = db.execute("PRAGMA page_size").fetchone()
    db.close()
    found = _table_pages(db_file, table)
    chosen = (found[1:] or found)[:pages]
    assert chosen, f"{table} has no pages to damage"
    with db_file.open("r+b") as handle:
        for number in chosen:
            handle.seek((number - 1) * page_size)
            handle.write(bytes((n * 131 + number) % 256 for n in range(page_size)))


def test_commands_on_a_damaged_store_say_so_in_one_line(home: Path) -> None:
    _damage(home / "minutebook.sqlite3", "sections")
    _damage(home / "minutebook.sqlite3", "documents", pages=1)
    for command in (["meetings"], ["resolutions"], ["entities"]):
        result = run_cli("--home", str(home), *command)
        assert "Traceback" not in result.stderr, result.stderr
        if result.returncode:
            [line] = result.stderr.strip().splitlines()
            assert "record store" in line and "damaged" in line and "minutebook check --repair" in line
    report = json.loads(run_cli("--home", str(home), "check", "--json").stdout)
    assert not report["ok"] and report["store"]["integrity"] != "ok"


def test_check_repair_recovers_the_store_beside_the_damaged_file(home: Path) -> None:
    db_file = home / "minutebook.sqlite3"
    _damage(db_file, "sections")
    damaged_bytes = db_file.read_bytes()
    result = run_cli("--home", str(home), "check", "--repair", "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] and report["store"]["integrity"] == "ok"
    assert any("recovered the record store" in r for r in report["repairs"])
    # The damaged file is kept, byte for byte, beside the recovered one.
    [kept] = home.glob("minutebook.sqlite3.damaged-*[0-9]")
    assert kept.read_bytes() == damaged_bytes
    # Papers that lost rows are listed; ingest reads exactly those again, then all is whole.
    assert report["reingest"]
    again = json.loads(run_cli("--home", str(home), "ingest", str(CORPUS), "--json").stdout)
    assert again["ingested"] == len(report["reingest"]) and again["failed"] == []
    assert store_health(db_file).counts["documents"] == 5
    found = json.loads(run_cli("--home", str(home), "search", "free school meals", "--json").stdout)
    assert found["total"] > 0
    assert json.loads(run_cli("--home", str(home), "check", "--json").stdout)["ok"]


def test_recovery_never_replaces_the_store_with_a_copy_missing_its_tables(tmp_path: Path) -> None:
    """A recovered copy must pass SQLite's integrity check and hold every table: an empty file
    (what a broken `.recover` leaves) passes the first and fails the second."""
    db_file = tmp_path / "store.sqlite3"
    db = sqlite3.connect(db_file)
    db.executescript("CREATE TABLE documents(id TEXT PRIMARY KEY); INSERT INTO documents VALUES ('a');")
    db.close()
    recovery = recover_store(db_file)  # not damaged: VACUUM INTO copies it whole
    assert recovery.method == "vacuum-into" and recovery.rows == {"documents": 1}
    assert Path(recovery.damaged_copy).exists()
