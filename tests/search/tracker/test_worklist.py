"""Statuses as of a date: an action the papers give no date for is `open` with `due: null`
whatever the date, never `overdue` (CONTRACT, second round); a dated one is overdue once its
date has passed. Through a real store and the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from minutebook.store import open_store
from search.tracker import list_actions, refresh_evidence
from search.tracker.worklist import judge

MINUTES = """## Parks and Open Spaces Committee

Minutes of the Meeting Held on Tuesday 4 March 2025 7:00pm Council Chamber, Town Hall

#### Present:

Mr A Example (Chair) Mrs B Sample

#### 1. Play Area Inspection

1.1 Officers advised that a written answer on the swing repairs would be provided to the questioner.

#### 2. Tree Survey

2.1 The Committee RESOLVED that an updated tree survey should be brought to the Committee within three months.
"""


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from ui.cli import main

    folder = tmp_path_factory.mktemp("papers")
    (folder / "parks-2025-03-04.txt").write_text(MINUTES, encoding="utf-8")
    home = tmp_path_factory.mktemp("home")
    assert main(["--home", str(home), "ingest", str(folder), "--workers", "1"]) == 0
    return home


def statuses(home: Path, as_of: str) -> dict[str, tuple[str | None, str]]:
    with open_store(home) as store:
        refresh_evidence(home, store)
        return {r["item_number"]: (r["due"], r["status"]) for r in list_actions(store, as_of=as_of)}


@pytest.mark.parametrize("as_of", ["2025-03-05", "2025-06-05", "2026-01-01", "2099-12-31"])
def test_an_action_with_no_due_date_is_open_whatever_the_date(home: Path, as_of: str) -> None:
    assert statuses(home, as_of)["1"] == (None, "open")


def test_a_dated_action_is_open_until_its_date_and_overdue_after(home: Path) -> None:
    assert statuses(home, "2025-05-01")["2"] == ("2025-06-04", "open")
    assert statuses(home, "2025-06-05")["2"] == ("2025-06-04", "overdue")


def test_the_command_line_never_lists_an_undated_action_as_overdue(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ui.cli import main

    assert (
        main(["--home", str(home), "actions", "--status", "overdue", "--as-of", "2099-12-31", "--json"]) == 0
    )
    overdue = json.loads(capsys.readouterr().out)
    assert overdue and all(row["due"] is not None for row in overdue)
    assert main(["--home", str(home), "actions", "--status", "open", "--as-of", "2099-12-31", "--json"]) == 0
    open_rows = json.loads(capsys.readouterr().out)
    assert [(row["item_number"], row["due"]) for row in open_rows] == [("1", None)]
    assert open_rows[0]["implied_due"] == "2025-06-04"


@pytest.mark.parametrize(
    ("delivered", "due", "as_of", "status"),
    [
        (True, None, "2030-01-01", "done"),
        (False, None, "2030-01-01", "open"),
        (False, "2025-06-04", "2025-06-04", "open"),
        (False, "2025-06-04", "2025-06-05", "overdue"),
    ],
)
def test_judge(delivered: bool, due: str | None, as_of: str, status: str) -> None:
    assert judge(delivered, due, as_of) == status
