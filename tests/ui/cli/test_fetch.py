"""`minutebook fetch` end to end, against a ModernGov site on 127.0.0.1 (tests/moderngov_site.py):
the first fetch lands and ingests every meeting's papers; the second downloads nothing; a
changed paper replaces its old version; faults give one-line errors with nothing half-written;
the pages stand in for a switched-off web service; an interrupted run resumes; `--check`
lists where the site and the paper disagree. Small papers are made with fpdf2; the real
ModernGov PDFs of ../shared/real-pdfs are served when present."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from minutebook.store import open_store
from tests.conftest import real_pdfs
from tests.moderngov_site import FakeModernGov, Paper
from tests.pdf_fixtures import make_pdf
from ui.cli import main

TRANSPORT = "Transport and Connectivity Policy Committee"
FAST = ["--rate", "0", "--timeout", "1", "--retries", "1", "--workers", "1"]


def _minutes(tmp: Path, name: str, body: str, when: str, items: list[tuple[str, str]]) -> bytes:
    lines = [
        body,
        f"Minutes of the meeting held on {when} at 4.00 pm",
        "Present: Councillors Ashby and Brown.",
    ]
    for number, (title, text) in enumerate(items, start=1):
        lines += [f"{number}. {title}", text]
    return make_pdf(tmp / f"{name}.pdf", [lines]).read_bytes()


def _report(tmp: Path, name: str, body: str, when: str, title: str, text: str) -> bytes:
    lines = [f"Report to the {body}", f"Date of meeting: {when}", title, "1. Purpose of the report", text]
    return make_pdf(tmp / f"{name}.pdf", [lines]).read_bytes()


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[FakeModernGov]:
    """Two committees, three meetings, five papers (packs and item attachments)."""
    papers = tmp_path / "made"
    papers.mkdir()
    site = FakeModernGov()
    site.add_committee("133", TRANSPORT)
    site.add_committee("140", "Audit Committee")
    site.add_meeting("9034", "133", "2024-09-12")
    site.add_meeting("9100", "133", "2025-05-15")
    site.add_meeting("9200", "140", "2025-01-20", "10.00 am")
    site.add_pack(
        "9034",
        "Printed minutes",
        _minutes(
            papers,
            "m1",
            TRANSPORT,
            "Thursday, 12 September 2024",
            [
                ("Apologies", "None were received."),
                ("Bus lane enforcement", "RESOLVED that the bus lane scheme be approved."),
            ],
        ),
    )
    site.add_attachment(
        "9034",
        "Bus lane enforcement report",
        _report(
            papers,
            "r1",
            TRANSPORT,
            "12 September 2024",
            "Bus lane enforcement",
            "Cameras on the A38 bus lane.",
        ),
        "2",
        "Bus lane enforcement",
    )
    site.add_pack(
        "9100",
        "Printed minutes",
        _minutes(
            papers,
            "m2",
            TRANSPORT,
            "Thursday, 15 May 2025",
            [
                ("Apologies", "None were received."),
                ("Parking charges", "RESOLVED that parking charges be frozen."),
            ],
        ),
    )
    site.add_attachment(
        "9100",
        "Parking charges report",
        _report(papers, "r2", TRANSPORT, "15 May 2025", "Parking charges", "Charges at the city car parks."),
        "2",
        "Parking charges",
    )
    site.add_pack(
        "9200",
        "Printed minutes",
        _minutes(
            papers,
            "m3",
            "Audit Committee",
            "Monday, 20 January 2025",
            [("External audit plan", "RESOLVED that the external audit plan be noted.")],
        ),
    )
    with site:
        yield site


def fetch(
    home: Path, site: FakeModernGov, capsys: pytest.CaptureFixture[str], *extra: str
) -> tuple[int, Any]:
    code = main(
        [
            "--home",
            str(home),
            "fetch",
            site.url,
            "--from",
            "2024-01-01",
            "--to",
            "2025-12-31",
            "--json",
            *FAST,
            *extra,
        ]
    )
    out = capsys.readouterr().out
    return code, json.loads(out)


def _stored(home: Path) -> list[dict[str, Any]]:
    with open_store(home) as store:
        return store.query(
            "SELECT d.kind, d.body, d.meeting_date, f.url, f.meeting_id, f.committee,"
            " f.meeting_date AS site_date, f.sha256, f.etag, f.fetched_at"
            " FROM documents d JOIN files fl ON fl.document_id = d.id"
            " JOIN fetched_files f ON f.path = fl.path ORDER BY f.meeting_date, f.url"
        )


def test_a_first_fetch_lands_and_ingests_every_meetings_papers(
    tmp_path: Path, site: FakeModernGov, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    code, result = fetch(home, site, capsys)
    assert code == 0, result
    assert (result["meetings"], result["documents"], result["new"], result["failed"]) == (3, 5, 5, [])
    assert result["ingest"]["ingested"] == 5 and result["ingest"]["failed"] == []
    assert result["source"]["mode"] == "service"
    library = home.resolve() / "library" / result["source"]["council"]
    assert sorted(p.relative_to(library).parts[:2] for p in library.rglob("*.pdf")) == [
        ("Audit-Committee", "2025-01-20"),
        ("Transport-and-Connectivity-Policy-Committee", "2024-09-12"),
        ("Transport-and-Connectivity-Policy-Committee", "2024-09-12"),
        ("Transport-and-Connectivity-Policy-Committee", "2025-05-15"),
        ("Transport-and-Connectivity-Policy-Committee", "2025-05-15"),
    ]
    rows = _stored(home)
    assert len(rows) == 5
    assert {(r["meeting_id"], r["site_date"], r["meeting_date"]) for r in rows} == {
        ("9034", "2024-09-12", "2024-09-12"),
        ("9100", "2025-05-15", "2025-05-15"),
        ("9200", "2025-01-20", "2025-01-20"),
    }
    assert all(r["sha256"] and r["etag"] and r["fetched_at"] for r in rows)
    assert {r["url"] for r in rows} == {site.url_of(p) for m in site.meetings.values() for p in m.papers}
    # The papers are searchable straight away.
    assert main(["--home", str(home), "search", "bus lane", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] >= 1


def test_a_second_fetch_downloads_nothing_and_a_changed_paper_replaces_its_old_version(
    tmp_path: Path, site: FakeModernGov, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    fetch(home, site, capsys)
    before = len(site.log)
    code, again = fetch(home, site, capsys)
    assert code == 0
    assert (again["downloaded"], again["unchanged"], again["ingest"]["ingested"]) == (0, 5, 0)
    papers = [hit for hit in site.log[before:] if "/documents/" in hit.path]
    assert [hit.status for hit in papers] == [304] * 5
    assert all("if-none-match" in hit.headers for hit in papers)

    report: Paper = site.meetings["9100"].papers[1]
    old_id = _document_for(home, site.url_of(report))
    site.replace(
        report,
        _report(
            tmp_path,
            "r2b",
            TRANSPORT,
            "15 May 2025",
            "Parking charges",
            "Charges at the city car parks rise by ten pence.",
        ),
    )
    code, third = fetch(home, site, capsys)
    assert (code, third["changed"], third["unchanged"], third["ingest"]["ingested"]) == (0, 1, 4, 1)
    assert [f["url"] for f in third["files"] if f["status"] == "changed"] == [site.url_of(report)]
    new_id = _document_for(home, site.url_of(report))
    with open_store(home) as store:
        assert new_id != old_id and not store.has_document(old_id)
        assert store.counts()["documents"] == 5
    assert main(["--home", str(home), "search", '"ten pence"', "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 1


def _document_for(home: Path, url: str) -> str:
    with open_store(home) as store:
        return store.query(
            "SELECT fl.document_id FROM fetched_files f JOIN files fl ON fl.path = f.path WHERE f.url = ?",
            (url,),
        )[0]["document_id"]


@pytest.mark.parametrize("switched_off", ["404", "html"])
def test_with_the_web_service_switched_off_the_pages_are_used(
    tmp_path: Path, site: FakeModernGov, capsys: pytest.CaptureFixture[str], switched_off: str
) -> None:
    site.service = switched_off
    code, result = fetch(tmp_path / "home", site, capsys)
    assert code == 0, result
    assert result["source"]["mode"] == "pages"
    assert "the web service is not available" in result["notes"][0]
    assert (result["meetings"], result["new"], result["ingest"]["ingested"]) == (3, 5, 5)
    assert site.requests_to("ieListDocuments.aspx")


@pytest.mark.parametrize(
    ("fault", "tries", "error"),
    [
        # A wrong answer is not retried; a dropped or slow one is (FAST allows one retry).
        ("html", 1, "the server sent a web page, not a PDF"),
        ("404", 1, "not found on the server (HTTP 404)"),
        ("truncate", 2, "the answer was cut short"),
        ("slow", 2, "no answer within 1s"),
    ],
)
def test_a_bad_paper_is_a_one_line_error_and_nothing_half_written_is_stored(
    tmp_path: Path,
    site: FakeModernGov,
    capsys: pytest.CaptureFixture[str],
    fault: str,
    tries: int,
    error: str,
) -> None:
    bad = site.meetings["9034"].papers[1]
    site.slow_seconds = 1.5
    site.fail(bad.local, *[fault] * tries)
    home = tmp_path / "home"
    code = main(["--home", str(home), "fetch", site.url, "--from", "2024-01-01", "--to", "2025-12-31", *FAST])
    captured = capsys.readouterr()
    assert code == 1
    lines = [line for line in captured.err.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and lines[0].startswith(f"error: {site.url_of(bad)}: ") and error in lines[0]
    assert "4 new" in captured.out
    urls = {r["url"] for r in _stored(home)}
    assert site.url_of(bad) not in urls and len(urls) == 4
    assert list(home.rglob("*.part")) == []
    with open_store(home) as store:
        (row,) = store.query("SELECT sha256, error FROM fetched_files WHERE url = ?", (site.url_of(bad),))
    assert row["sha256"] is None and error in row["error"]
    # The next run fetches the paper that failed, and only it.
    before = len(site.log)
    code, result = fetch(home, site, capsys)
    assert (code, result["new"], result["unchanged"], result["ingest"]["ingested"]) == (0, 1, 4, 1)
    assert [h.status for h in site.log[before:] if "/documents/" in h.path].count(200) == 1


def test_a_server_error_then_success_lands_the_paper(
    tmp_path: Path, site: FakeModernGov, capsys: pytest.CaptureFixture[str]
) -> None:
    paper = site.meetings["9200"].papers[0]
    site.fail(paper.local, "500")
    site.fail("mgWebService.asmx/GetMeetings", "503")
    code, result = fetch(tmp_path / "home", site, capsys)
    assert (code, result["new"], result["failed"], result["source"]["mode"]) == (0, 5, [], "service")
    assert [h.status for h in site.requests_to(paper.local.split("/")[1])] == [500, 200]


def test_an_interrupted_fetch_resumes_without_downloading_again(
    tmp_path: Path, site: FakeModernGov, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C after the papers landed but before they were ingested: the next run finds them
    on disk (304s, nothing downloaded) and ingests them."""
    import ui.cli.fetch as fetch_module

    def interrupt(label: str, done: int, total: int, what: str) -> None:
        if label == "ingest":
            raise KeyboardInterrupt

    monkeypatch.setattr(fetch_module, "_progress", interrupt)
    home = tmp_path / "home"
    assert (
        main(["--home", str(home), "fetch", site.url, "--from", "2024-01-01", "--to", "2025-12-31", *FAST])
        == 130
    )
    with open_store(home) as store:
        assert store.query("SELECT COUNT(*) AS n FROM fetched_files WHERE sha256 IS NOT NULL")[0]["n"] == 5
        assert store.counts()["documents"] <= 1
    monkeypatch.undo()
    before = len(site.log)
    code, result = fetch(home, site, capsys)
    assert (code, result["downloaded"], result["unchanged"]) == (0, 0, 5)
    assert result["ingest"]["ingested"] + result["ingest"]["unchanged"] == 5
    assert len(_stored(home)) == 5
    assert {h.status for h in site.log[before:] if "/documents/" in h.path} == {304}


def test_committees_are_listed_and_chosen_by_name_or_id(
    tmp_path: Path, site: FakeModernGov, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--home", str(tmp_path / "home"), "fetch", site.url, "--list", "--json", *FAST]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(c["id"], c["title"]) for c in listed["committees"]] == [
        ("140", "Audit Committee"),
        ("133", TRANSPORT),
    ]
    assert not (tmp_path / "home").exists()  # listing writes nothing
    code, result = fetch(tmp_path / "home", site, capsys, "--committee", "audit")
    assert (code, [c["id"] for c in result["committees"]], result["new"]) == (0, ["140"], 1)
    code, result = fetch(tmp_path / "home", site, capsys, "--committee", "133")
    assert (code, result["new"], result["unchanged"]) == (0, 4, 0)
    code = main(["--home", str(tmp_path / "home"), "fetch", site.url, "--committee", "Cabnet", *FAST])
    assert code == 2
    assert "no committee called 'Cabnet'" in capsys.readouterr().err


def test_robots_txt_keeps_fetch_out(
    tmp_path: Path, site: FakeModernGov, capsys: pytest.CaptureFixture[str]
) -> None:
    site.robots = "User-agent: minutebook\nDisallow: /democracy/\n"
    code = main(["--home", str(tmp_path / "home"), "fetch", site.url, *FAST])
    assert code == 1
    assert "robots.txt does not allow minutebook here" in capsys.readouterr().err
    assert [h.path for h in site.log] == ["/robots.txt"]


def test_fetch_check_lists_where_the_site_and_the_paper_disagree(
    tmp_path: Path, site: FakeModernGov, capsys: pytest.CaptureFixture[str]
) -> None:
    """The previous meeting's minutes attached to the next agenda (as councils do): the site
    files them under 15 May 2025, the paper says 12 September 2024. The paper wins."""
    previous = site.meetings["9034"].papers[0]
    site.add_attachment("9100", "Minutes of the previous meeting", previous.data, "1", "Minutes")
    home = tmp_path / "home"
    fetch(home, site, capsys)
    assert main(["--home", str(home), "fetch", "--check", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["checked"] == 6
    (row,) = result["disagreements"]
    assert row["fields"] == ["meeting_date"]
    assert row["site"] == {"committee": TRANSPORT, "meeting_date": "2025-05-15"}
    assert row["paper"]["meeting_date"] == "2024-09-12"
    with open_store(home) as store:
        dates = {
            r["meeting_date"]
            for r in store.query("SELECT meeting_date FROM documents WHERE kind = 'minutes'")
        }
    assert "2024-09-12" in dates  # the store keeps the paper's reading
    assert main(["--home", str(home), "fetch", "--check"]) == 0
    assert "1 of 6 fetched papers disagree" in capsys.readouterr().out


@pytest.mark.realpdfs
def test_real_moderngov_pdfs_are_fetched_once_and_a_replaced_one_is_reingested(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = real_pdfs()
    site = FakeModernGov()
    site.add_committee("133", "Transport and Connectivity Policy Committee")
    site.add_committee("501", "West of England Combined Authority Committee")
    by_date: dict[str, list[Path]] = {}
    for pdf in sorted(folder.glob("*.pdf")):
        if "forward_plan" in pdf.name:
            continue  # a forward plan belongs to no meeting
        by_date.setdefault(pdf.name.split("_")[2], []).append(pdf)
    for number, (when, pdfs) in enumerate(sorted(by_date.items())):
        committee = "501" if pdfs[0].name.startswith("weca") else "133"
        site.add_meeting(str(9000 + number), committee, when)
        for t, pdf in enumerate(pdfs, start=1):
            title = " ".join(pdf.stem.split("_")[3:]).capitalize()
            if "minutes" in pdf.name:
                site.add_pack(str(9000 + number), "Printed minutes", pdf.read_bytes(), t)
            else:
                site.add_attachment(str(9000 + number), title, pdf.read_bytes(), str(t), title)
    with site:
        home = tmp_path / "home"
        code, first = fetch(home, site, capsys, "--to", "2026-12-31")
        assert code == 0, first["failed"]
        assert (first["new"], first["ingest"]["ingested"]) == (9, 9)
        rows = _stored(home)
        assert {r["site_date"] for r in rows} == set(by_date)
        assert all(
            r["meeting_date"] == r["site_date"] for r in rows if r["kind"] in ("minutes", "decision_notice")
        )
        code, second = fetch(home, site, capsys, "--to", "2026-12-31")
        assert (code, second["downloaded"], second["ingest"]["ingested"]) == (0, 0, 0)
        minutes = next(p for m in site.meetings.values() for p in m.papers if "2025" in p.filename)
        other = next(pdf for pdf in folder.glob("bristol_tcpc_2025-10-23*.pdf"))
        site.replace(minutes, other.read_bytes())
        code, third = fetch(home, site, capsys, "--to", "2026-12-31")
        assert (code, third["changed"], third["ingest"]["ingested"]) == (0, 1, 1)
