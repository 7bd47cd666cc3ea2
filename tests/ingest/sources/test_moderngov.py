"""The ModernGov source: the web service's XML and the pages' HTML read the same meetings and
papers; the service switched off falls back to the pages; links resolve under the site's
folder; the site's dates and committees are reported as the site gives them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.sources.base import Committee, MeetingRef, SourceError
from ingest.sources.http import ClientOptions, HttpClient
from ingest.sources.moderngov import (
    ModernGovSource,
    clean_title,
    is_paper_link,
    read_date,
    read_time,
    site_base,
)
from ingest.sources.registry import open_source
from tests.moderngov_site import FakeModernGov

FAST = ClientOptions(rate=0, timeout=2, retries=1, backoff=0.01)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture()
def site() -> Iterator[FakeModernGov]:
    site = FakeModernGov()
    site.add_committee("133", "Transport and Connectivity Policy Committee")
    site.add_committee("140", "Audit Committee")
    site.add_meeting("9034", "133", "2024-09-12")
    site.add_meeting("9100", "133", "2025-05-15", "10.00 am")
    site.add_meeting("9200", "140", "2025-01-20")
    site.add_pack("9034", "Printed minutes", PDF)
    site.add_attachment("9034", "Bus lanes report", PDF, "5", "Bus lanes & cycle routes")
    site.add_attachment("9034", "Appendix A", PDF, "5", "Bus lanes & cycle routes")
    site.add_attachment("9100", "Appendix A", PDF, "3", "Parking")
    with site:
        yield site


def _read(site: FakeModernGov) -> tuple[ModernGovSource, list[Committee], list[MeetingRef], dict]:
    client = HttpClient(FAST)
    source = ModernGovSource(site.url + "mgListCommittees.aspx?bcr=1", client)
    committees = source.committees()
    transport = next(c for c in committees if c.id == "133")
    meetings = list(source.meetings(transport, "2024-01-01", "2025-12-31"))
    papers = {m.id: source.documents(m) for m in meetings}
    client.close()
    return source, committees, meetings, papers


def _summary(papers: dict) -> dict:
    return {
        mid: sorted((d.url, d.title, d.meeting.date, d.meeting.committee) for d in docs)
        for mid, docs in papers.items()
    }


def test_the_web_service_lists_committees_meetings_and_papers(site: FakeModernGov) -> None:
    source, committees, meetings, papers = _read(site)
    assert source.mode == "service"
    assert [(c.id, c.title) for c in committees] == [
        ("140", "Audit Committee"),
        ("133", "Transport and Connectivity Policy Committee"),
    ]
    assert [(m.id, m.date, m.time) for m in meetings] == [
        ("9034", "2024-09-12", "4.00 pm"),
        ("9100", "2025-05-15", "10.00 am"),
    ]
    first = {d.title: d for d in papers["9034"]}
    assert set(first) == {"Printed minutes", "Bus lanes report", "Appendix A"}
    assert first["Bus lanes report"].item_number == "5"
    assert first["Bus lanes report"].item_title == "Bus lanes & cycle routes"
    assert first["Printed minutes"].url == (
        site.url + "documents/g9034/Printed%20minutes%2012th-Sep-2024%2016.00%20"
        "Transport%20and%20Connectivity%20Policy%20Committee.pdf?T=1"
    )
    # The service links no packs: each meeting's page is read for them, and no other page.
    pages = site.requests_to(".aspx")
    assert sorted(hit.query for hit in pages) == ["CId=133&MId=9034", "CId=133&MId=9100"]
    assert {hit.path for hit in pages} == {"/democracy/ieListDocuments.aspx"}


def test_a_meeting_page_that_fails_costs_its_packs_not_its_attachments(site: FakeModernGov) -> None:
    site.fail("ieListDocuments.aspx", "404", "404")
    source, _, _, papers = _read(site)
    assert source.mode == "service"
    assert {d.title for d in papers["9034"]} == {"Bus lanes report", "Appendix A"}
    assert any("packs of meeting 9034" in note for note in source.notes)


@pytest.mark.parametrize("switched_off", ["404", "html"])
def test_with_the_service_switched_off_the_pages_give_the_same_papers(
    site: FakeModernGov, switched_off: str
) -> None:
    *_, by_service = _read(site)
    site.service = switched_off
    source, committees, meetings, by_pages = _read(site)
    assert source.mode == "pages"
    assert "the web service is not available" in source.notes[0]
    assert {c.title for c in committees} == {"Audit Committee", "Transport and Connectivity Policy Committee"}
    assert [(m.id, m.date, m.time) for m in meetings] == [
        ("9034", "2024-09-12", "16:00"),
        ("9100", "2025-05-15", "10:00"),
    ]
    assert _summary(by_pages) == _summary(by_service)
    attachment = next(d for d in by_pages["9034"] if d.title == "Bus lanes report")
    assert (attachment.item_number, attachment.item_title) == ("5", "Bus lanes & cycle routes")
    assert site.requests_to("ieListMeetings.aspx")[0].query == "CId=133&Year=2024"
    # Once switched, the service is not asked again this run.
    assert len(site.requests_to("mgWebService.asmx")) == 4 + 1  # the first reading, then one try


def test_the_date_range_is_applied_by_both_readings(site: FakeModernGov) -> None:
    with HttpClient(FAST) as client:
        source = ModernGovSource(site.url, client)
        transport = Committee("133", "Transport and Connectivity Policy Committee")
        assert [m.id for m in source.meetings(transport, "2025-01-01", "2025-12-31")] == ["9100"]
        source.mode = "pages"
        assert [m.id for m in source.meetings(transport, "2025-01-01", "2025-12-31")] == ["9100"]


def test_a_site_that_is_neither_service_nor_pages_is_a_one_line_error(site: FakeModernGov) -> None:
    site.service = "404"
    with HttpClient(FAST) as client:
        source = ModernGovSource(site.origin + "/elsewhere/", client)
        with pytest.raises(SourceError) as caught:
            source.committees()
    assert "elsewhere/mgListCommittees.aspx: not found on the server (HTTP 404)" in str(caught.value)


def test_the_service_xml_as_published_clients_read_it() -> None:
    """The shape of DemocracyClub/LGSF's meeting_with_minutes.xml (Manchester): a linked
    document on an agenda item, served through mgConvert2PDF.aspx; restricted ones skipped."""
    import xml.etree.ElementTree as ET

    from ingest.sources import moderngov

    xml = """<?xml version="1.0" encoding="utf-8"?><meeting><meetingid>4967</meetingid>
      <meetingdate>10/02/2026</meetingdate><agendaitems><agendaitem><agendaitemid>18831</agendaitemid>
      <agendaitemtitle>Minutes</agendaitemtitle><agendaitemnumber>4</agendaitemnumber>
      <fulldisplaynumberformat>1.</fulldisplaynumberformat><linkeddocuments><linkeddoc>
      <attachmentid>60860</attachmentid><title>6 - CHAIR APPROVED  Minutes Audit Committee 25 Nov 2025</title>
      <isurl>False</isurl><url>https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60860</url>
      <isrestricted>False</isrestricted></linkeddoc><linkeddoc><attachmentid>60861</attachmentid>
      <title>Exempt appendix</title><url>https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60861</url>
      <isrestricted>True</isrestricted></linkeddoc></linkeddocuments></agendaitem></agendaitems></meeting>"""

    class Canned(ModernGovSource):
        def _service_xml(self, operation: str, params: dict[str, str]) -> ET.Element:
            return ET.fromstring(xml.encode())

    meeting = MeetingRef("4967", "144", "Audit Committee", "2026-02-10")
    with HttpClient(FAST) as client:
        (paper,) = Canned("https://democracy.manchester.gov.uk/", client).documents(meeting)
    assert paper.url == "https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60860"
    assert (paper.title, paper.item_number, paper.item_title) == (
        "6 - CHAIR APPROVED Minutes Audit Committee 25 Nov 2025",
        "1",
        "Minutes",
    )
    assert moderngov.is_paper_link(paper.url)


@pytest.mark.parametrize(
    ("location", "base"),
    [
        ("https://democracy.example.gov.uk", "https://democracy.example.gov.uk/"),
        ("https://democracy.example.gov.uk/mgListCommittees.aspx?bcr=1", "https://democracy.example.gov.uk/"),
        ("https://www.example.gov.uk/modernGov/ieDocHome.aspx", "https://www.example.gov.uk/modernGov/"),
        ("https://x.gov.uk/mgWebService.asmx/GetCommittees", "https://x.gov.uk/"),
    ],
)
def test_the_site_folder_is_found_from_any_of_its_addresses(location: str, base: str) -> None:
    assert site_base(location) == base


@pytest.mark.parametrize(
    ("text", "iso", "time"),
    [
        ("12 Sep 2024 4.00 pm", "2024-09-12", "16:00"),
        ("Thursday, 12th September, 2024 10.30 am", "2024-09-12", "10:30"),
        ("CANCELLED 1 May 2025 12.00 pm", "2025-05-01", "12:00"),
        ("Meeting postponed", None, None),
        ("31 Feb 2025", None, None),
    ],
)
def test_meeting_link_texts_give_date_and_time(text: str, iso: str | None, time: str | None) -> None:
    assert (read_date(text), read_time(text)) == (iso, time)


def test_link_texts_lose_their_size_and_item_suffixes() -> None:
    assert clean_title("Printed minutes PDF 291 KB") == "Printed minutes"
    assert clean_title("Report, item 5 PDF 250 KB") == "Report"
    assert is_paper_link("https://x/documents/s1/a.PDF") and not is_paper_link(
        "https://x/documents/s1/a.docx"
    )


def test_the_registry_picks_moderngov_for_a_site_and_the_folder_source_for_a_path(tmp_path: Path) -> None:
    (tmp_path / "minutes.pdf").write_bytes(PDF)
    with HttpClient(FAST) as client:
        assert open_source("https://democracy.example.gov.uk", client).kind == "moderngov"
        folder = open_source(str(tmp_path), client)
        assert folder.kind == "folder"
        (committee,) = folder.committees()
        (meeting,) = folder.meetings(committee, "2024-01-01", "2024-12-31")
        (paper,) = folder.documents(meeting)
        assert paper.path == (tmp_path / "minutes.pdf").resolve()
        with pytest.raises(SourceError, match="not a web address or an existing folder"):
            open_source(str(tmp_path / "missing"), client)


def test_the_folder_source_offers_what_ingest_reads() -> None:
    from ingest.pages.formats import SUPPORTED_SUFFIXES
    from ingest.sources.folder import PAPER_SUFFIXES

    assert PAPER_SUFFIXES == SUPPORTED_SUFFIXES
