"""Landing one paper in the library: a temporary name, checked (a whole PDF, its sha256), then
moved; anything else is a one-line error naming the URL and leaves the previous copy alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.sources.base import MeetingRef, SourceDocument
from ingest.sources.download import KnownCopy, check_pdf, council_folder, land, library_path, slug
from ingest.sources.http import ClientOptions, FetchError, HttpClient
from tests.moderngov_site import FakeModernGov, Paper
from tests.pdf_fixtures import make_pdf

FAST = ClientOptions(rate=0, timeout=0.5, retries=1, backoff=0.01)
MEETING = MeetingRef("9034", "133", "Transport & Connectivity Committee", "2024-09-12")


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[tuple[FakeModernGov, Paper, SourceDocument]]:
    site = FakeModernGov()
    site.add_committee("133", "Transport & Connectivity Committee")
    site.add_meeting("9034", "133", "2024-09-12")
    data = make_pdf(tmp_path / "report.pdf", [["Bus lanes report", "The scheme is set out."]]).read_bytes()
    paper = site.add_attachment("9034", "Bus lanes report", data, "5", "Bus lanes")
    with site:
        yield site, paper, SourceDocument(site.url_of(paper), "Bus lanes report", MEETING, "5", "Bus lanes")


def test_a_paper_lands_under_council_committee_and_date(site, tmp_path: Path) -> None:
    fake, paper, document = site
    target = library_path(tmp_path / "library", council_folder(fake.url), document)
    assert (
        target.parent
        == tmp_path
        / "library"
        / council_folder(fake.url)
        / "Transport-&-Connectivity-Committee"
        / "2024-09-12"
    )
    assert target.name.startswith("Bus-lanes-report-") and target.suffix == ".pdf"
    with HttpClient(FAST) as client:
        landed = land(client, document, target, None)
    assert (landed.status, landed.size) == ("new", len(paper.data))
    assert target.read_bytes() == paper.data
    assert list(target.parent.iterdir()) == [target]  # no temporary file left behind


def test_the_same_url_always_lands_on_the_same_path_and_two_appendices_do_not_collide(tmp_path: Path) -> None:
    first = SourceDocument("https://x/documents/s1/Appendix%20A.pdf", "Appendix A", MEETING)
    second = SourceDocument("https://x/documents/s2/Appendix%20A.pdf", "Appendix A", MEETING)
    assert library_path(tmp_path, "x", first) == library_path(tmp_path, "x", first)
    assert library_path(tmp_path, "x", first) != library_path(tmp_path, "x", second)


def test_an_unchanged_paper_is_not_modified_and_a_changed_one_replaces_the_file(site, tmp_path: Path) -> None:
    fake, paper, document = site
    target = tmp_path / "paper.pdf"
    with HttpClient(FAST) as client:
        first = land(client, document, target, None)
        known = KnownCopy(target, first.sha256, first.etag, first.last_modified)
        again = land(client, document, target, known)
        new_data = make_pdf(
            tmp_path / "v2.pdf", [["Bus lanes report (revised)", "The scheme changed."]]
        ).read_bytes()
        fake.replace(paper, new_data)
        changed = land(client, document, target, known)
    assert again.status == "not_modified" and again.downloaded_bytes == 0
    assert changed.status == "changed" and changed.sha256 != first.sha256
    assert target.read_bytes() == new_data


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        ("html", "the server sent a web page, not a PDF (Content-Type text/html)"),
        ("404", "not found on the server (HTTP 404)"),
        ("truncate", "the answer was cut short"),
    ],
)
def test_a_bad_answer_leaves_the_previous_copy_and_no_temporary_file(
    site, tmp_path: Path, fault: str, message: str
) -> None:
    fake, paper, document = site
    target = tmp_path / "paper.pdf"
    with HttpClient(FAST) as client:
        first = land(client, document, target, None)
        fake.replace(paper, paper.data + b" ")  # so the next request is not a 304
        fake.fail(paper.local, fault, fault)
        with pytest.raises(FetchError) as caught:
            land(client, document, target, KnownCopy(target, first.sha256, first.etag, first.last_modified))
    assert str(caught.value).startswith(document.url + ": ") and message in str(caught.value)
    assert target.read_bytes() == paper.data[:-1]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_pdf_cut_short_at_the_source_is_refused(site, tmp_path: Path) -> None:
    """A truncated file served whole (its Content-Length matches): the bytes all arrive, but
    the PDF has no end, so it never reaches the library."""
    fake, paper, document = site
    fake.replace(paper, paper.data[: len(paper.data) // 2])
    target = tmp_path / "paper.pdf"
    with (
        HttpClient(FAST) as client,
        pytest.raises(FetchError, match=r"the PDF is cut short \(no %%EOF at its end\)"),
    ):
        land(client, document, target, None)
    assert not target.exists() and list(tmp_path.glob(".*.part")) == []


def test_check_pdf_names_what_is_wrong(tmp_path: Path) -> None:
    path = tmp_path / "x"
    for data, content_type, expected in [
        (b"", "application/pdf", "empty file"),
        (b"<!DOCTYPE html><html>Error</html>", "application/pdf", "a web page, not a PDF"),
        (b"PK\x03\x04 a zip file", "application/pdf", "not a PDF"),
        (b"%PDF-1.7\n1 0 obj", "application/pdf", "cut short"),
        (b"%PDF-1.7\n1 0 obj\n%%EOF\n", "application/pdf", None),
    ]:
        path.write_bytes(data)
        problem = check_pdf(path, content_type)
        assert (problem is None) if expected is None else (expected in (problem or "")), (data, problem)


def test_slugs_are_safe_file_names() -> None:
    assert (
        slug("Transport & Connectivity Policy Committee", "x") == "Transport-&-Connectivity-Policy-Committee"
    )
    assert slug("../../etc/passwd", "x") == "etc-passwd"
    assert slug("Cyngor Sir Ynys Môn: Pwyllgor", "x") == "Cyngor-Sir-Ynys-Mon-Pwyllgor"
    assert slug("***", "fallback") == "fallback"
