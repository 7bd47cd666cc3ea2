"""A council's ModernGov site as a source: its web service first, its pages as fallback.

ModernGov (Civica's committee system, on most English and Welsh principal councils' sites)
publishes the same facts two ways, and this module reads both the way published clients do:

* The web service, `mgWebService.asmx/<Operation>` answered as plain XML over GET:
  `GetCommittees` (`<committee>`: `committeeid`, `committeetitle`, `committeecategory`,
  `committeedeleted`, `committeeexpired`), `GetMeetings?lCommitteeId=&sFromDate=&sToDate=`
  with dd/mm/yyyy dates (`<meeting>`: `meetingid`, `meetingdate`, `meetingtime`,
  `meetingstatus`), and `GetMeeting?lMeetingId=` (`<agendaitem>`s with `agendaitemtitle`,
  `fulldisplaynumberformat` and `<linkeddoc>`s: `url`, `title`, `attachmentid`,
  `isrestricted`). This is how DemocracyClub/LGSF's `ModGovMinutesScraper` calls and reads it
  (lgsf/minutes/scrapers.py and its fixtures committees.xml, meetings.xml,
  meeting_with_minutes.xml, taken from Manchester's site).
* The pages, where the service is switched off: `mgListCommittees.aspx` links each
  committee (`mgCommitteeDetails.aspx?ID=` or `ieListMeetings.aspx?CId=`);
  `ieListMeetings.aspx?CId=&Year=` links each meeting (`ieListDocuments.aspx?CId=&MId=`) with
  its date as the link text ("12 Sep 2024 4.00 pm"); `ieListDocuments.aspx?CId=&MId=` lists
  the meeting's packs in `ul.mgActionList` (`documents/g<MId>/Printed minutes ….pdf`) and each
  agenda item's attachments in `table.mgItemTable` rows (`td.mgItemNumberCell`,
  `p.mgAiTitleTxt`, `documents/s<id>/….pdf`), link texts ending "PDF 291 KB". Read so by
  CampaignLab/council-scraper (`.mgContent a, .mgActionList a` for printed minutes) and the
  Kent and Westminster scrapers found beside it (`table.mgItemTable`, `mgItemNumberCell`,
  `mgAiTitleTxt`, `ieListMeetings.aspx?CId=&Year=`).

The service is tried first; the first time it answers with anything but its XML (a 404, an
HTML error page, a server error after retries), the source switches to the pages for the
rest of the run (`mode` says which it is using). Only PDF links are papers: ModernGov's
`documents/…pdf` and `mgConvert2PDF.aspx?ID=` (which converts Word files to PDF).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date, datetime
from html.parser import HTMLParser
from typing import Any, ClassVar
from urllib.parse import parse_qs, quote, urlencode, urljoin, urlsplit, urlunsplit

from ingest.sources.base import Committee, MeetingRef, SourceDocument, SourceError
from ingest.sources.http import FetchError, HttpClient
from minutebook.text import MONTHS

SERVICE = "mgWebService.asmx"
# Link texts end with the file's type and size ("Printed minutes PDF 291 KB"), and
# attachment links often with their item ("Report, item 5").
_SIZE_SUFFIX = re.compile(r"\s*\b(?:PDF|DOC|DOCX)\s+[\d.,]+\s*[KMG]B\s*$", re.IGNORECASE)
_ITEM_SUFFIX = re.compile(r",\s*item\s+[\w.()]+\s*$", re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9}),?\s+(\d{4})\b")
_TIME = re.compile(r"\b(\d{1,2})[.:](\d{2})\s*([ap])\.?m\b", re.IGNORECASE)


class ServiceUnavailable(Exception):
    """The web service did not answer with its XML: use the pages instead."""


class ModernGovSource:
    """One ModernGov site (see the module docstring). `location` is its address: the site
    root or any page of it ("https://democracy.example.gov.uk/mgListCommittees.aspx")."""

    kind: ClassVar[str] = "moderngov"

    def __init__(self, location: str, client: HttpClient) -> None:
        self.base = site_base(location)
        self.location = self.base
        self.client = client
        self.mode = "service"
        self.notes: list[str] = []
        self._committee_titles: dict[str, str] = {}

    @classmethod
    def probe(cls, location: str) -> float:
        """How surely `location` is a ModernGov site: any web address might be; its page
        and service names and its usual host names make it likely."""
        if not location.lower().startswith(("http://", "https://")):
            return 0.0
        marks = ("mgwebservice", ".aspx", "moderngov", "modgov", "democracy.", "committees.", "meetings.")
        return 0.9 if any(mark in location.lower() for mark in marks) else 0.5

    # ------------------------------------------------------------- committees

    def committees(self) -> list[Committee]:
        found = self._either(self._service_committees, self._page_committees)
        self._committee_titles = {c.id: c.title for c in found}
        return found

    def _service_committees(self) -> list[Committee]:
        root = self._service_xml("GetCommittees", {})
        found: dict[str, Committee] = {}
        for node in root.iter("committee"):
            cid, title = _text(node, "committeeid"), _text(node, "committeetitle")
            if not cid or not title or _flag(node, "committeedeleted"):
                continue
            found.setdefault(
                cid, Committee(cid, title, _text(node, "committeecategory"), _flag(node, "committeeexpired"))
            )
        return sorted(found.values(), key=lambda c: c.title.casefold())

    def _page_committees(self) -> list[Committee]:
        page = self._page("mgListCommittees.aspx", {})
        found: dict[str, Committee] = {}
        for link in _links(page.text, page.url):
            query = _query(link.href)
            if "mgcommitteedetails.aspx" in link.path:
                cid = query.get("id")
            elif "ielistmeetings.aspx" in link.path:
                cid = query.get("cid")
            else:
                continue
            if cid and link.text:
                found.setdefault(cid, Committee(cid, link.text))
        if not found:
            raise SourceError(f"{page.url}: no committees listed (is this a ModernGov site?)")
        return sorted(found.values(), key=lambda c: c.title.casefold())

    # --------------------------------------------------------------- meetings

    def meetings(self, committee: Committee, date_from: str, date_to: str) -> Iterator[MeetingRef]:
        """The committee's meetings from `date_from` to `date_to` (inclusive), by date."""
        found = self._either(
            lambda: self._service_meetings(committee, date_from, date_to),
            lambda: self._page_meetings(committee, date_from, date_to),
        )
        yield from sorted(found, key=lambda m: (m.date or "", m.id))

    def _service_meetings(self, committee: Committee, date_from: str, date_to: str) -> list[MeetingRef]:
        root = self._service_xml(
            "GetMeetings",
            {"lCommitteeId": committee.id, "sFromDate": _uk(date_from), "sToDate": _uk(date_to)},
        )
        found: dict[str, MeetingRef] = {}
        for node in root.iter("meeting"):
            mid = _text(node, "meetingid")
            when = _uk_to_iso(_text(node, "meetingdate"))
            if not mid or (when and not date_from <= when <= date_to):
                continue
            found.setdefault(
                mid,
                MeetingRef(
                    mid,
                    committee.id,
                    committee.title,
                    when,
                    _text(node, "meetingtime"),
                    _text(node, "meetingstatus"),
                    self._meeting_page(committee.id, mid),
                ),
            )
        return list(found.values())

    def _page_meetings(self, committee: Committee, date_from: str, date_to: str) -> list[MeetingRef]:
        found: dict[str, MeetingRef] = {}
        for year in range(int(date_from[:4]), int(date_to[:4]) + 1):
            page = self._page("ieListMeetings.aspx", {"CId": committee.id, "Year": str(year)})
            for link in _links(page.text, page.url):
                if "ielistdocuments.aspx" not in link.path:
                    continue
                mid = _query(link.href).get("mid")
                when = read_date(link.text)
                if not mid or not when or not date_from <= when <= date_to:
                    continue
                status = "Cancelled" if "cancelled" in link.text.casefold() else None
                found.setdefault(
                    mid,
                    MeetingRef(
                        mid,
                        committee.id,
                        committee.title,
                        when,
                        read_time(link.text),
                        status,
                        self._meeting_page(committee.id, mid),
                    ),
                )
        return list(found.values())

    # -------------------------------------------------------------- documents

    def documents(self, meeting: MeetingRef) -> list[SourceDocument]:
        """The meeting's papers: its packs, then each agenda item's attachments."""
        return self._either(
            lambda: self._packs(meeting) + self._service_documents(meeting),
            lambda: self._page_documents(meeting),
        )

    def _packs(self, meeting: MeetingRef) -> list[SourceDocument]:
        """The meeting's own packs (agenda front sheet, reports pack, printed minutes), read
        from its page: `GetMeeting` lists only agenda items' attachments (its `minutepublished`
        says minutes exist but links none), so the service alone would miss every pack.
        A page that cannot be read costs the packs, with a note, not the attachments."""
        try:
            documents = self._page_documents(meeting)
        except SourceError as why:
            self.notes.append(f"the packs of meeting {meeting.id} were not read ({why})")
            return []
        return [document for document in documents if document.item_number is None]

    def _service_documents(self, meeting: MeetingRef) -> list[SourceDocument]:
        root = self._service_xml("GetMeeting", {"lMeetingId": meeting.id})
        found: dict[str, SourceDocument] = {}
        item_of: dict[int, tuple[str | None, str | None]] = {}
        for item in root.iter("agendaitem"):
            number = _text(item, "fulldisplaynumberformat") or _text(item, "agendaitemnumber")
            for doc in item.iter("linkeddoc"):
                item_of[id(doc)] = ((number or "").rstrip(".") or None, _text(item, "agendaitemtitle"))
        for doc in root.iter("linkeddoc"):
            url = _text(doc, "url")
            if not url or _flag(doc, "isrestricted") or not is_paper_link(url):
                continue
            url = normalise_url(urljoin(self.base, url))
            number, title = item_of.get(id(doc), (None, None))
            found.setdefault(url, SourceDocument(url, _text(doc, "title") or "", meeting, number, title))
        return list(found.values())

    def _page_documents(self, meeting: MeetingRef) -> list[SourceDocument]:
        page = self._page("ieListDocuments.aspx", {"CId": meeting.committee_id, "MId": meeting.id})
        found: dict[str, SourceDocument] = {}
        for link in _links(page.text, page.url):
            if not is_paper_link(link.href):
                continue
            number, title = link.item()
            found.setdefault(
                link.href, SourceDocument(link.href, clean_title(link.text), meeting, number, title)
            )
        return list(found.values())

    # ---------------------------------------------------------------- helpers

    def _either(self, service: Any, pages: Any) -> Any:
        """Ask the service unless it has failed before; on its first failure, switch to
        the pages for good (and say so in `notes`)."""
        if self.mode == "service":
            try:
                return service()
            except ServiceUnavailable as why:
                self.mode = "pages"
                self.notes.append(f"the web service is not available ({why}); reading the pages instead")
        return pages()

    def _service_xml(self, operation: str, params: dict[str, str]) -> ET.Element:
        url = urljoin(self.base, f"{SERVICE}/{operation}") + (f"?{urlencode(params)}" if params else "")
        try:
            fetched = self.client.get(url)
        except FetchError as err:
            raise ServiceUnavailable(str(err)) from err
        body = fetched.body or b""
        if "html" in fetched.content_type or body.lstrip()[:15].lower().startswith((b"<!doctype", b"<html")):
            raise ServiceUnavailable(f"{url}: answered with a web page, not XML")
        try:
            # expat (Python >= 3.7.1 with expat 2.4.1) refuses entity-expansion attacks.
            return ET.fromstring(body)
        except ET.ParseError as err:
            raise ServiceUnavailable(f"{url}: not well-formed XML ({err})") from err

    def _page(self, page: str, params: dict[str, str]) -> _Page:
        url = urljoin(self.base, page) + (f"?{urlencode(params)}" if params else "")
        try:
            fetched = self.client.get(url)
        except FetchError as err:
            raise SourceError(str(err)) from err
        return _Page(fetched.url, (fetched.body or b"").decode("utf-8", "replace"))

    def _meeting_page(self, committee_id: str, meeting_id: str) -> str:
        return (
            urljoin(self.base, "ieListDocuments.aspx")
            + "?"
            + urlencode({"CId": committee_id, "MId": meeting_id})
        )


class _Page:
    def __init__(self, url: str, text: str) -> None:
        self.url, self.text = url, text


def site_base(location: str) -> str:
    """The folder a ModernGov site lives in, ending '/': the address without its page
    ('…/mgListCommittees.aspx?bcr=1' -> '…/') or the service ('…/mgWebService.asmx/…')."""
    parts = urlsplit(location.strip())
    path = parts.path or "/"
    lowered = path.lower()
    cut = lowered.find(SERVICE.lower())
    if cut >= 0:
        path = path[:cut]
    elif lowered.rsplit("/", 1)[-1].endswith((".aspx", ".asmx", ".htm", ".html")):
        path = path.rsplit("/", 1)[0] + "/"
    if not path.endswith("/"):
        path += "/"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def normalise_url(url: str) -> str:
    """`url` percent-encoded where ModernGov leaves it raw (spaces in document names), and
    never encoded twice."""
    parts = urlsplit(url)
    path = quote(parts.path, safe="/%:@!$&'()*+,;=-._~")
    query = quote(parts.query, safe="=&%+:/?,;@-._~")
    return urlunsplit((parts.scheme, parts.netloc, path, query, ""))


def is_paper_link(url: str) -> bool:
    """A link to a paper ModernGov publishes as PDF: `documents/…/x.pdf` or the converter."""
    parts = urlsplit(url.lower())
    return parts.path.endswith(".pdf") or parts.path.endswith("mgconvert2pdf.aspx")


def clean_title(text: str) -> str:
    """A link text without its file-size and item suffixes ('Report, item 5 PDF 250 KB' -> 'Report')."""
    text = " ".join(text.split())
    text = _SIZE_SUFFIX.sub("", text)
    return _ITEM_SUFFIX.sub("", text).strip()


def read_date(text: str) -> str | None:
    """ISO date from ModernGov's link and heading texts ('12 Sep 2024 4.00 pm',
    'Thursday, 12th September, 2024 4.00 pm')."""
    match = _DAY_MONTH_YEAR.search(text)
    if not match:
        return None
    month = MONTHS.get(match.group(2).casefold())
    if month is None:
        return None
    try:
        return date(int(match.group(3)), month, int(match.group(1))).isoformat()
    except ValueError:
        return None


def read_time(text: str) -> str | None:
    """'4.00 pm' -> '16:00'."""
    match = _TIME.search(text)
    if not match:
        return None
    hour, minute = int(match.group(1)) % 12, match.group(2)
    if match.group(3).lower() == "p":
        hour += 12
    return f"{hour:02d}:{minute}"


def _uk(iso: str) -> str:
    return datetime.strptime(iso, "%Y-%m-%d").strftime("%d/%m/%Y")


def _uk_to_iso(text: str | None) -> str | None:
    """The service's dd/mm/yyyy -> ISO (None for anything else)."""
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime((text or "").strip(), fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _text(node: ET.Element, tag: str) -> str | None:
    found = node.find(tag)
    value = " ".join((found.text or "").split()) if found is not None else ""
    return value or None


def _flag(node: ET.Element, tag: str) -> bool:
    return (_text(node, tag) or "").casefold() == "true"


def _query(url: str) -> dict[str, str]:
    return {key.lower(): values[0] for key, values in parse_qs(urlsplit(url).query).items()}


# ---------------------------------------------------------------- HTML links


class _Link:
    """One link of a page: absolute `href`, its text, and the agenda item row it sits in."""

    def __init__(self, href: str, row: dict[str, str] | None) -> None:
        self.href = href
        self.path = urlsplit(href).path.lower()
        self._parts: list[str] = []
        self._row = row

    @property
    def text(self) -> str:
        return " ".join("".join(self._parts).split())

    def item(self) -> tuple[str | None, str | None]:
        """(number, title) of the agenda item row holding the link, if any."""
        if self._row is None:
            return None, None
        number = (self._row.get("number") or "").strip().rstrip(".") or None
        title = clean_title(self._row.get("title") or "") or None
        return number, title


class _LinkParser(HTMLParser):
    """Collects a page's links, noting for each the `table.mgItemTable` row it is in: the
    row's number (`td.mgItemNumberCell`) and title (the first `p.mgAiTitleTxt` elsewhere)."""

    def __init__(self, base: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.links: list[_Link] = []
        self._open: list[tuple[str, set[str]]] = []
        self._item_tables = 0
        self._row: dict[str, str] | None = None
        self._capture: str | None = None
        self._capture_depth = 0
        self._anchor: _Link | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        classes = set(attributes.get("class", "").split())
        if tag in ("br", "img", "input", "meta", "link", "hr"):
            return
        if tag == "table" and attributes.get("id") == "mgItemTable":
            classes.add("mgItemTable")  # some sites name the table by id, not class
        self._open.append((tag, classes))
        if tag == "table" and "mgItemTable" in classes:
            self._item_tables += 1
        elif tag == "tr" and self._item_tables:
            self._row = {}
        elif self._row is not None and self._capture is None:
            if tag == "td" and "mgItemNumberCell" in classes:
                self._start_capture("number")
            elif tag == "p" and "mgAiTitleTxt" in classes and "title" not in self._row:
                if not any("mgItemNumberCell" in c for _, c in self._open[:-1]):
                    self._start_capture("title")
        if tag == "a" and attributes.get("href"):
            self._anchor = _Link(normalise_url(urljoin(self.base, attributes["href"])), self._row)
            self.links.append(self._anchor)

    def _start_capture(self, key: str) -> None:
        self._capture, self._capture_depth = key, len(self._open)
        assert self._row is not None
        self._row[key] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._anchor = None
        for depth in range(len(self._open) - 1, -1, -1):
            if self._open[depth][0] == tag:
                if self._capture is not None and depth + 1 <= self._capture_depth:
                    self._capture = None
                if tag == "table" and "mgItemTable" in self._open[depth][1]:
                    self._item_tables -= 1
                    self._row = None
                del self._open[depth:]
                break

    def handle_data(self, data: str) -> None:
        if self._anchor is not None:
            self._anchor._parts.append(data)
        if self._capture is not None and self._row is not None:
            self._row[self._capture] += data


def _links(html: str, base: str) -> list[_Link]:
    parser = _LinkParser(base)
    parser.feed(html)
    parser.close()
    return parser.links
