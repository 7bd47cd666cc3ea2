"""Changes seen (issue 13, failure 5): any edit of a file's text is stored, renames move the
path, and `ingest --prune` forgets papers whose files are gone, in the store and in search."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import JUNE_2014_MINUTES, MARCH_2014_PANEL_MINUTES
from ui.cli import main


def _ingest(home: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    capsys.readouterr()
    main(["--home", str(home), "ingest", *args, "--workers", "1", "--json"])
    return json.loads(capsys.readouterr().out)


def _search(home: Path, capsys: pytest.CaptureFixture[str], query: str) -> list[dict]:
    capsys.readouterr()
    assert main(["--home", str(home), "search", query, "--json"]) == 0
    return json.loads(capsys.readouterr().out)["hits"]


def _item_titles(home: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    assert main(["--home", str(home), "meetings", "--json"]) == 0
    return [item["title"] for meeting in json.loads(capsys.readouterr().out) for item in meeting["items"]]


def test_a_case_only_edit_is_stored_and_searchable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paper = tmp_path / "minutes.txt"
    shutil.copy(JUNE_2014_MINUTES, paper)
    home = tmp_path / "home"
    _ingest(home, capsys, str(paper))
    paper.write_text(
        JUNE_2014_MINUTES.read_text(encoding="utf-8").replace(
            "Free School Meals Update", "FREE SCHOOL MEALS UPDATE"
        )
    )
    report = _ingest(home, capsys, str(paper))
    assert report["ingested"] == 1
    titles = _item_titles(home, capsys)
    assert "FREE SCHOOL MEALS UPDATE" in titles and "Free School Meals Update" not in titles
    found = {h["item_title"] for h in _search(home, capsys, '"school meals update"')}
    assert "FREE SCHOOL MEALS UPDATE" in found and "Free School Meals Update" not in found


def test_a_markup_only_edit_is_stored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paper = tmp_path / "minutes.md"
    text = MARCH_2014_PANEL_MINUTES.read_text(encoding="utf-8")
    paper.write_text(text, encoding="utf-8")
    home = tmp_path / "home"
    first = _ingest(home, capsys, str(paper))["documents"][0]["id"]
    paper.write_text(text.replace("**", ""), encoding="utf-8")  # the bold taken out
    second = _ingest(home, capsys, str(paper))
    assert second["ingested"] == 1 and second["documents"][0]["id"] != first
    from minutebook.store import open_store

    with open_store(home) as store:
        assert store.document_ids() == [second["documents"][0]["id"]]
        pages = "".join(r["text"] for r in store.query("SELECT text FROM pages"))
    assert "**" not in pages


def test_a_renamed_file_updates_its_path_without_parsing_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "old" / "minutes.txt"
    old.parent.mkdir()
    shutil.copy(JUNE_2014_MINUTES, old)
    home = tmp_path / "home"
    _ingest(home, capsys, str(old.parent))
    new = tmp_path / "new" / "2014-06-17 minutes.txt"
    new.parent.mkdir()
    old.rename(new)
    report = _ingest(home, capsys, str(new.parent))
    assert (report["ingested"], report["unchanged"]) == (0, 1)
    assert report["renamed"] == [{"from": str(old), "to": str(new)}]
    capsys.readouterr()
    main(["--home", str(home), "meetings", "--json"])
    [paths] = [[d["path"] for d in m["documents"]] for m in json.loads(capsys.readouterr().out)]
    assert paths == [str(new)]
    assert {h["path"] for h in _search(home, capsys, "free school meals")} == {str(new)}


def test_prune_forgets_papers_whose_files_are_gone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    keep = shutil.copy(JUNE_2014_MINUTES, folder / "june.txt")
    gone = shutil.copy(MARCH_2014_PANEL_MINUTES, folder / "march.txt")
    home = tmp_path / "home"
    _ingest(home, capsys, str(folder))
    assert any(h["path"] == str(gone) for h in _search(home, capsys, "minutes"))
    Path(gone).unlink()
    # Without --prune nothing is forgotten (a file may be on a drive not mounted today).
    assert _ingest(home, capsys, str(folder))["pruned"] == []
    report = _ingest(home, capsys, str(folder), "--prune")
    assert report["pruned"] == [str(gone)]
    paths = {h["path"] for h in _search(home, capsys, "minutes")}
    assert paths == {str(keep)}
    from minutebook.store import open_store

    with open_store(home) as store:
        assert [r["path"] for r in store.query("SELECT path FROM documents")] == [str(keep)]
        assert store.query("SELECT COUNT(*) AS n FROM sections s LEFT JOIN documents d"
                           " ON d.id = s.document_id WHERE d.id IS NULL")[0]["n"] == 0  # fmt: skip
