"""Every path on its own (issue 13, failures 3 and 7): an unreachable path, an unreadable
folder, a name too long, a broken link each get a one-line error naming them, good files
still land, and a file reached twice through a symbolic link is ingested once."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ingest.sources.folder import expand_paths
from tests.conftest import JUNE_2014_MINUTES, MARCH_2014_PANEL_MINUTES
from tests.reliability import run_cli, stored_paths

SUFFIXES = (".pdf", ".txt", ".md")


def _ingest(home: Path, *paths: Path) -> tuple[int, dict, str]:
    result = run_cli(
        "--home", str(home), "ingest", *map(str, paths), "--workers", "1", "--json", permissions_apply=True
    )
    return result.returncode, json.loads(result.stdout), result.stderr


@pytest.fixture()
def papers(tmp_path: Path) -> Path:
    folder = tmp_path / "papers"
    folder.mkdir()
    shutil.copy(JUNE_2014_MINUTES, folder / "good.txt")
    return folder


def test_a_folder_that_cannot_be_searched_is_reported_and_the_rest_lands(
    papers: Path, tmp_path: Path
) -> None:
    locked = papers / "locked"
    locked.mkdir()
    shutil.copy(MARCH_2014_PANEL_MINUTES, locked / "hidden-from-us.txt")
    beyond = locked / "hidden-from-us.txt"
    locked.chmod(0)
    try:
        code, report, stderr = _ingest(tmp_path / "home", papers, beyond)
    finally:
        locked.chmod(0o755)
    assert code == 1
    assert report["ingested"] == 1
    failures = {f["path"]: f["error"] for f in report["failed"]}
    assert "permission denied" in failures[str(locked)] and "skipped" in failures[str(locked)]
    assert "permission denied" in failures[str(beyond)]
    assert "Traceback" not in stderr
    assert stored_paths(tmp_path / "home") == [str(papers / "good.txt")]


def test_a_name_longer_than_the_file_system_allows_is_one_error(papers: Path, tmp_path: Path) -> None:
    too_long = papers / ("x" * 300 + ".txt")
    code, report, stderr = _ingest(tmp_path / "home", too_long, papers)
    assert code == 1 and report["ingested"] == 1
    [failure] = report["failed"]
    assert failure["path"] == str(too_long) and "too long" in failure["error"]
    assert "Traceback" not in stderr


def test_a_folder_reached_twice_through_a_link_is_ingested_once(papers: Path, tmp_path: Path) -> None:
    (papers / "again").symlink_to(papers, target_is_directory=True)  # a loop, too
    (tmp_path / "alias.txt").symlink_to(papers / "good.txt")
    code, report, _stderr = _ingest(tmp_path / "home", papers, papers, tmp_path / "alias.txt")
    assert code == 0
    assert (report["ingested"], report["unchanged"], report["failed"]) == (1, 0, [])
    assert stored_paths(tmp_path / "home") == [str(papers / "good.txt")]


def test_a_broken_link_is_reported(papers: Path) -> None:
    (papers / "gone.txt").symlink_to(papers / "never-there.txt")
    files, failures = expand_paths([papers], SUFFIXES)
    assert files == [papers / "good.txt"]
    assert [(f.path, f.error) for f in failures] == [
        (str(papers / "gone.txt"), "broken symbolic link (its target is gone)")
    ]


def test_a_newline_in_a_path_keeps_the_error_on_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "odd"
    folder.mkdir()
    bad = folder / "two\nlines.txt"
    bad.write_bytes(b"")
    result = run_cli("--home", str(tmp_path / "home"), "ingest", str(folder), "--workers", "1")
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {folder}/two\\nlines.txt: empty file; nothing to ingest"]
    assert "lines.txt" not in result.stderr.replace(errors[0], "")


def test_files_come_back_by_real_path_in_name_order(papers: Path) -> None:
    (papers / "b").mkdir()
    (papers / "a").mkdir()
    for name in ("b/2.txt", "a/1.md", "a/.hidden.txt", "a/notes.docx"):
        (papers / name).write_text("x")
    (papers / "c-link").symlink_to(papers / "a")
    files, failures = expand_paths([papers], SUFFIXES)
    assert failures == []
    assert files == [papers / "a" / "1.md", papers / "b" / "2.txt", papers / "good.txt"]


def test_a_folder_readme_is_not_a_paper_unless_named(papers: Path) -> None:
    """A folder of a council's papers often carries a README or licence describing it; the
    walk leaves those out (the shared council folders hold one), a file named directly is read."""
    (papers / "README.md").write_text("# Real committee papers\n\nThis folder holds minutes.\n")
    (papers / "LICENSE.txt").write_text("Open Government Licence v3.0\n")
    files, failures = expand_paths([papers], SUFFIXES)
    assert [f.name for f in files] == ["good.txt"] and failures == []
    files, _ = expand_paths([papers / "README.md"], SUFFIXES)
    assert [f.name for f in files] == ["README.md"]
