"""The command line: every command documented, --help light, --json shapes as CONTRACT.md."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS
from ui.cli import build_parser, main

COMMANDS = [
    "ingest",
    "reindex",
    "check",
    "meetings",
    "search",
    "ask",
    "resolutions",
    "actions",
    "entities",
    "figures",
    "fetch",
    "watch",
    "ui",
]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: minutebook " + command) and len(out.splitlines()) > 3


def test_parser_knows_exactly_the_contract_commands() -> None:
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert sorted(sub.choices) == sorted(COMMANDS)  # type: ignore[union-attr]


def test_help_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys; from ui.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('spacy', 'whoosh', 'streamlit', 'pdfminer') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_ingest_json_reports_documents_and_failures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"<html>not a pdf</html>")
    good = tmp_path / "paper.txt"
    good.write_text((CORPUS / "004_d692cb27e227d39d.txt").read_text())
    code = main(["--home", str(tmp_path / "home"), "ingest", str(tmp_path), "--json", "--workers", "1"])
    result = json.loads(capsys.readouterr().out)
    assert code == 1
    assert (result["ingested"], result["unchanged"]) == (1, 0)
    assert [f["path"] for f in result["failed"]] == [str(bad.resolve())]
    (doc,) = result["documents"]
    assert {k: doc[k] for k in ("kind", "meeting_date", "pages", "items")} == {
        "kind": "minutes",
        "meeting_date": "2014-03-13",
        "pages": 1,
        "items": 20,
    }
    assert set(doc) >= {"id", "path", "kind", "body", "meeting_date", "pages", "items"}


def test_meetings_json_lists_meetings_oldest_first(
    corpus_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--home", str(corpus_home), "meetings", "--json"]) == 0
    meetings = json.loads(capsys.readouterr().out)
    assert [m["date"] for m in meetings] == ["2014-03-13", "2014-05-01", "2014-06-17", "2017-03-14"]
    for meeting in meetings:
        assert set(meeting) >= {"id", "body", "date", "time", "venue", "documents", "items"}
        for item in meeting["items"]:
            assert set(item) >= {"id", "number", "title", "document_id", "page_start", "page_end"}
            assert item["number"] is None or isinstance(item["number"], str)
    may = meetings[1]
    assert [(i["number"], i["title"]) for i in may["items"]][0] == (
        "8",
        "Children's Services Senior Management Arrangements",
    )


# Every --json shape in CONTRACT.md: (command args, fields of each record, nested list -> its fields).
CONTRACT_SHAPES: list[tuple[list[str], set[str], dict[str, set[str]]]] = [
    (
        ["resolutions"],
        {"id", "body", "meeting_date", "item_number", "item_title", "text", "outcome", "document_id", "page"},
        {},
    ),
    (
        ["actions", "--status", "all"],
        {"id", "body", "meeting_date", "item_number", "item_title", "text", "owner", "due", "status"},
        {
            "evidence": {
                "body",
                "meeting_date",
                "document_id",
                "document_title",
                "item_title",
                "page",
                "quote",
            },
        },
    ),
    (["entities"], {"name", "type", "mentions", "meetings", "roles"}, {}),
    (
        ["figures"],
        {"label", "value", "unit", "period", "meeting_date", "document_id", "page", "context"},
        {},
    ),
]
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _no_empty_strings(value: object) -> bool:
    """CONTRACT.md: a missing value is null, never ""."""
    if isinstance(value, dict):
        return all(_no_empty_strings(v) for v in value.values())
    if isinstance(value, list):
        return all(_no_empty_strings(v) for v in value)
    return value != ""


@pytest.mark.parametrize(("args", "fields", "nested"), CONTRACT_SHAPES, ids=lambda v: str(v)[:20])
def test_record_commands_print_the_contract_json_shapes(
    corpus_home: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    fields: set[str],
    nested: dict[str, set[str]],
) -> None:
    assert main(["--home", str(corpus_home), *args, "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert isinstance(records, list) and records
    for record in records:
        assert set(record) >= fields, fields - set(record)
        assert _no_empty_strings(record), record
        for key in ("meeting_date", "due"):
            assert record.get(key) is None or ISO_DATE.match(record[key]), record
        for key, inner in nested.items():
            for entry in record[key]:
                assert set(entry) >= inner, inner - set(entry)
    if args[0] == "actions":
        assert {r["status"] for r in records} <= {"done", "open", "overdue"}
    if args[0] == "resolutions":
        outcomes = {"approved", "noted", "endorsed", "recommended", "deferred", "rejected", "other"}
        assert {r["outcome"] for r in records} <= outcomes


def test_actions_csv_has_one_plain_value_per_cell_and_the_best_evidence(
    corpus_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--home", str(corpus_home), "actions", "--status", "all", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert main(["--home", str(corpus_home), "actions", "--status", "all", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    for row, record in zip(rows, records, strict=True):
        assert int(row["evidence_count"]) == len(record["evidence"])
        if record["evidence"]:
            best = record["evidence"][0]
            assert row["evidence_meeting_date"] == best["meeting_date"]
            assert row["evidence_quote"] == best["quote"]
        # No cell holds a Python or JSON structure a spreadsheet user would have to parse.
        assert not any(cell.startswith(("{", "[")) for cell in row.values()), row


def test_resolutions_csv_spreads_votes_over_their_own_columns(
    corpus_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--home", str(corpus_home), "resolutions", "--format", "csv"]) == 0
    header = next(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert {"text", "outcome", "votes_for", "votes_against", "votes_abstentions"} <= set(header)


# ------------------------------------------------------- fetch and watch

# `fetch --json` and `watch ... --json` shapes as README.md documents them: (fields, nested).
FETCH_FIELDS = {
    "source",
    "from",
    "to",
    "committees",
    "meetings",
    "documents",
    "downloaded",
    "new",
    "changed",
    "unchanged",
    "failed",
    "errors",
    "files",
    "ingest",
    "notes",
}
FETCH_FILE_FIELDS = {
    "url",
    "path",
    "title",
    "committee",
    "meeting_id",
    "meeting_date",
    "item_number",
    "status",
}
DIGEST_FIELDS = {
    "as_of",
    "since",
    "new",
    "searches",
    "new_actions",
    "newly_overdue",
    "newly_done",
    "baseline",
}
WATCH_FIELDS = {"id", "query", "filters", "created_at", "last_run_at"}


def _site_with_one_paper(tmp_path: Path):  # type: ignore[no-untyped-def]
    from tests.moderngov_site import FakeModernGov
    from tests.pdf_fixtures import make_pdf

    site = FakeModernGov()
    site.add_committee("133", "Transport and Connectivity Policy Committee")
    site.add_meeting("9034", "133", "2024-09-12")
    minutes = make_pdf(
        tmp_path / "m.pdf",
        [
            [
                "Transport and Connectivity Policy Committee",
                "Minutes of the meeting held on Thursday, 12 September 2024 at 4.00 pm",
                "1. Bus lane enforcement",
                "RESOLVED that the bus lane scheme be approved.",
            ]
        ],
    )
    site.add_pack("9034", "Printed minutes", minutes.read_bytes())
    site.add_attachment("9034", "Missing appendix", b"", "1", "Bus lane enforcement")
    site.fail("documents/s12001/Missing appendix.pdf", "404")
    return site


def test_fetch_json_prints_the_documented_shapes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = str(tmp_path / "home")
    fast = ["--rate", "0", "--retries", "0", "--workers", "1"]
    with _site_with_one_paper(tmp_path) as site:
        assert main(["--home", home, "fetch", site.url, "--list", "--json", *fast]) == 0
        listed = json.loads(capsys.readouterr().out)
        assert set(listed) == {"source", "committees"}
        assert set(listed["committees"][0]) >= {"id", "title", "category", "expired"}
        code = main(
            ["--home", home, "fetch", site.url, "--from", "2024-01-01", "--to", "2024-12-31", "--json", *fast]
        )
        result = json.loads(capsys.readouterr().out)
    assert code == 1  # the missing appendix
    assert set(result) >= FETCH_FIELDS, FETCH_FIELDS - set(result)
    assert set(result["source"]) >= {"url", "kind", "council", "mode"}
    assert all(ISO_DATE.match(result[key]) for key in ("from", "to"))
    assert [set(f) >= {"url", "error"} for f in result["failed"]] == [True]
    for row in result["files"]:
        assert set(row) >= FETCH_FILE_FIELDS, FETCH_FILE_FIELDS - set(row)
        assert row["status"] in {"new", "changed", "unchanged", "failed"}
        assert row["meeting_date"] is None or ISO_DATE.match(row["meeting_date"])
    assert set(result["ingest"]) >= {"ingested", "unchanged", "failed", "documents"}
    assert _no_empty_strings(result)
    assert main(["--home", home, "fetch", "--check", "--json"]) == 0
    checked = json.loads(capsys.readouterr().out)
    assert set(checked) == {"checked", "disagreements"} and checked["checked"] == 1


def test_watch_json_prints_the_documented_shapes(
    corpus_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    home = str(tmp_path / "home")
    shutil.copytree(corpus_home, home)
    add = ["watch", "add", "free school meals", "--kind", "minutes", "--as-of", "2014-01-01", "--json"]
    assert main(["--home", home, *add]) == 0
    added = json.loads(capsys.readouterr().out)
    assert set(added) >= WATCH_FIELDS and added["filters"] == {"kind": "minutes"}
    assert main(["--home", home, "watch", "list", "--json"]) == 0
    assert [set(w) >= WATCH_FIELDS for w in json.loads(capsys.readouterr().out)] == [True]
    assert main(["--home", home, "watch", "run", "--json", "--as-of", "2030-01-01"]) == 0
    digest = json.loads(capsys.readouterr().out)
    assert set(digest) >= DIGEST_FIELDS, DIGEST_FIELDS - set(digest)
    assert ISO_DATE.match(digest["as_of"])
    (search,) = digest["searches"]
    assert set(search) >= {"id", "query", "filters", "total", "new"}
    for action in digest["newly_overdue"] + digest["newly_done"] + digest["new_actions"]:
        assert set(action) >= {"id", "body", "meeting_date", "text", "status", "evidence"}
    assert digest["newly_overdue"] and {a["status"] for a in digest["newly_overdue"]} == {"overdue"}
    assert _no_empty_strings(digest)
    assert main(["--home", home, "watch", "remove", str(added["id"]), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"removed": added["id"]}


def test_fetch_and_watch_help_do_not_import_the_http_client() -> None:
    code = (
        "import sys; from ui.cli import main\n"
        "for command in ('fetch', 'watch'):\n"
        "    try:\n        main([command, '--help'])\n    except SystemExit:\n        pass\n"
        "print(sorted(m for m in ('httpx', 'spacy', 'whoosh') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_search_as_the_program_prints_its_whole_answer_and_skips_the_teardown(corpus_home: Path) -> None:
    # Run as the program (no argv), `search` ends the process once its output is flushed
    # (ui.cli.main.QUICK_EXIT_COMMANDS): the whole JSON document arrives through a pipe, the
    # exit status is the command's, and Python's teardown (here: an atexit handler) is skipped.
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: sys.stderr.write('teardown ran\\n'))\n"
        "from ui.cli import main\n"
        f"sys.argv = ['minutebook', '--home', {str(corpus_home)!r}, 'search', 'council', '--limit', '500',"
        " '--json']\n"
        "sys.exit(main())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["total"] > 10 and len(result["hits"]) == min(result["total"], 500)
    assert "teardown ran" not in done.stderr


def test_search_called_with_arguments_returns_and_leaves_the_collector_on(
    corpus_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import gc

    assert main(["--home", str(corpus_home), "search", "school", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] > 0
    assert gc.isenabled()
