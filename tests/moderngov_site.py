"""A ModernGov site on 127.0.0.1 for tests: a real HTTP server (`http.server` in a thread).

It speaks what published ModernGov clients read (see ingest/sources/moderngov.py):

* the web service, `mgWebService.asmx/GetCommittees`, `GetMeetings?lCommitteeId=&sFromDate=
  &sToDate=` (dd/mm/yyyy) and `GetMeeting?lMeetingId=`, in the XML of DemocracyClub/LGSF's
  fixtures (lgsf/minutes/tests/fixtures/committees.xml, meetings.xml,
  meeting_with_minutes.xml): `<committees><committee><committeeid>…`, `<getmeetings>
  <committee>…<committeemeetings><meeting><meetingid>…<meetingdate>10/02/2026…`, `<meeting>…
  <agendaitems><agendaitem>…<linkeddocuments><linkeddoc><attachmentid>…<title>…<url>…`;
* the pages, as CampaignLab/council-scraper and the Kent/Westminster/Lancashire scrapers
  read them: `mgListCommittees.aspx` (links `mgCommitteeDetails.aspx?ID=`),
  `ieListMeetings.aspx?CId=&Year=` (links `ieListDocuments.aspx?CId=&MId=&Ver=4` whose
  text is "12 Sep 2024 4.00 pm"), `ieListDocuments.aspx?CId=&MId=` (`ul.mgActionList` of
  packs, `table.mgItemTable` rows with `td.mgItemNumberCell` and `p.mgAiTitleTxt`, link
  texts ending "PDF 291 KB");
* papers at `documents/g<MId>/<name>.pdf?T=<n>` (packs) and `documents/s<id>/<name>.pdf`
  (attachments), names with raw spaces as ModernGov writes them, with ETag and
  Last-Modified, answering conditional requests with 304.

The site sits under a path (`/democracy/`, as many councils' ModernGov does) so relative
links must be resolved against it; robots.txt is at the host's root. Faults are queued per
path (`fail(path, "500", "slow", ...)`), each used once; every request is logged with its
arrival time, for the rate-limit test.
"""

from __future__ import annotations

import hashlib
import html
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

PREFIX = "/democracy"
EPOCH = datetime(2024, 1, 1, 9, 0, 0).astimezone()


@dataclass
class Paper:
    """One paper the site publishes: a meeting's pack or an agenda item's attachment."""

    key: str  # "g9034-1" for a pack (meeting 9034, T=1); "s12345" for an attachment
    title: str
    filename: str
    data: bytes
    item_number: str | None = None
    item_title: str | None = None
    version: int = 1

    @property
    def path(self) -> str:
        """The path under the site's folder, as the links give it (spaces raw)."""
        if self.key.startswith("g"):
            meeting, _, t = self.key[1:].partition("-")
            return f"documents/g{meeting}/{self.filename}?T={t or 0}"
        return f"documents/{self.key}/{self.filename}"

    @property
    def local(self) -> str:
        """The path without its query: what `FakeModernGov.fail` takes."""
        return self.path.split("?", 1)[0]

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.data).hexdigest()[:16] + f'-{self.version}"'

    @property
    def last_modified(self) -> datetime:
        return EPOCH.replace(day=min(28, self.version))


@dataclass
class Meeting:
    id: str
    committee_id: str
    date: date
    time: str = "4.00 pm"
    status: str = "Confirmed"
    papers: list[Paper] = field(default_factory=list)


@dataclass
class Hit:
    """One request as the server saw it."""

    at: float
    path: str
    query: str
    headers: dict[str, str]
    status: int = 0


class FakeModernGov:
    """The site (see the module docstring). Use as a context manager; `url` is its address."""

    def __init__(self) -> None:
        self.committees: dict[str, str] = {}
        self.meetings: dict[str, Meeting] = {}
        self.service = "on"  # "on", "404" (switched off) or "html" (an error page instead)
        self.robots: str | None = "User-agent: *\nDisallow: /democracy/mgAdmin/\n"
        self.faults: dict[str, list[str]] = defaultdict(list)
        self.slow_seconds = 1.5
        self.log: list[Hit] = []
        self._lock = threading.Lock()
        self._next_attachment = 12000
        self._server: ThreadingHTTPServer | None = None

    # ------------------------------------------------------------- content

    def add_committee(self, committee_id: str, title: str) -> None:
        self.committees[committee_id] = title

    def add_meeting(
        self, meeting_id: str, committee_id: str, when: str, time_text: str = "4.00 pm"
    ) -> Meeting:
        meeting = Meeting(meeting_id, committee_id, date.fromisoformat(when), time_text)
        self.meetings[meeting_id] = meeting
        return meeting

    def add_pack(self, meeting_id: str, title: str, data: bytes, t: int = 1) -> Paper:
        """A meeting pack (printed minutes, reports pack), named as ModernGov names them."""
        meeting = self.meetings[meeting_id]
        day = meeting.date.day
        stamp = f"{day}{_ordinal(day)}-{meeting.date:%b-%Y}"
        filename = f"{title} {stamp} 16.00 {self.committees[meeting.committee_id]}.pdf"
        paper = Paper(f"g{meeting_id}-{t}", title, filename, data, "1", title)
        meeting.papers.append(paper)
        return paper

    def add_attachment(
        self, meeting_id: str, title: str, data: bytes, item_number: str, item_title: str
    ) -> Paper:
        self._next_attachment += 1
        paper = Paper(f"s{self._next_attachment}", title, f"{title}.pdf", data, item_number, item_title)
        self.meetings[meeting_id].papers.append(paper)
        return paper

    def replace(self, paper: Paper, data: bytes) -> None:
        """The council republishes a paper at the same address (new ETag and Last-Modified)."""
        with self._lock:
            paper.data = data
            paper.version += 1

    def url_of(self, paper: Paper) -> str:
        path = quote(f"{PREFIX}/{paper.path}", safe="/?=")
        return f"{self.origin}{path}"

    def fail(self, path: str, *faults: str) -> None:
        """Queue faults for requests to `path` (relative to the site folder, no query):
        "500", "503", "429", "404", "slow" (answer after `slow_seconds`), "truncate" (close
        the connection halfway through the body), "html" (an error page as 200 text/html)."""
        self.faults[path].extend(faults)

    def requests_to(self, fragment: str) -> list[Hit]:
        return [hit for hit in self.log if fragment in hit.path]

    # -------------------------------------------------------------- server

    @property
    def origin(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def url(self) -> str:
        return f"{self.origin}{PREFIX}/"

    def __enter__(self) -> FakeModernGov:
        site = self

        class Handler(_Handler):
            pass

        Handler.site = site
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()

    # ------------------------------------------------------------ answers

    def answer(
        self, path: str, query: dict[str, str], headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        if path == "/robots.txt":
            if self.robots is None:
                return 404, {"Content-Type": "text/plain"}, b"not found"
            return 200, {"Content-Type": "text/plain"}, self.robots.encode()
        if not path.startswith(PREFIX + "/"):
            return 404, {"Content-Type": "text/html"}, b"<html><body>Not found</body></html>"
        local = unquote(path[len(PREFIX) + 1 :])
        if local.startswith("mgWebService.asmx/"):
            return self._service(local.split("/", 1)[1], query)
        pages = {
            "mglistcommittees.aspx": self._committees_page,
            "ielistmeetings.aspx": self._meetings_page,
            "ielistdocuments.aspx": self._documents_page,
        }
        if local.lower() in pages:
            return _html(pages[local.lower()](query))
        return self._paper(local, query, headers)

    def _service(self, operation: str, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if self.service == "404":
            return (
                404,
                {"Content-Type": "text/html"},
                b"<html><body>The resource cannot be found.</body></html>",
            )
        if self.service == "html":
            return _html("<h1>Web service disabled</h1><p>This service is not available.</p>")
        if operation == "GetCommittees":
            body = "".join(
                f"<committee><committeeid>{cid}</committeeid><committeetitle>{_x(title)}</committeetitle>"
                "<committeedeleted>False</committeedeleted><committeeexpired>False</committeeexpired>"
                "<committeecategory>Decision making</committeecategory></committee>"
                for cid, title in self.committees.items()
            )
            return _xml(
                f"<committees><committeescount>{len(self.committees)}</committeescount>{body}</committees>"
            )
        if operation == "GetMeetings":
            cid = query.get("lCommitteeId", "")
            start, end = _uk_date(query.get("sFromDate")), _uk_date(query.get("sToDate"))
            meetings = [
                m
                for m in self.meetings.values()
                if m.committee_id == cid
                and (start is None or m.date >= start)
                and (end is None or m.date <= end)
            ]
            rows = "".join(
                f"<meeting><meetingid>{m.id}</meetingid><meetingdate>{m.date:%d/%m/%Y}</meetingdate>"
                f"<meetingstatus>{m.status}</meetingstatus><meetingtime>{m.time}</meetingtime>"
                "<iswebcast>False</iswebcast></meeting>"
                for m in meetings
            )
            title = _x(self.committees.get(cid, ""))
            return _xml(
                f"<getmeetings><meetingscount> {len(meetings)}</meetingscount>"
                "<committeescount> 1</committeescount>"
                f"<committee><committeeid>{cid}</committeeid><committeetitle>{title}</committeetitle>"
                f"<committeemeetings>{rows}</committeemeetings></committee></getmeetings>"
            )
        if operation == "GetMeeting":
            meeting = self.meetings.get(query.get("lMeetingId", ""))
            if meeting is None:
                return 500, {"Content-Type": "text/plain"}, b"System.Exception: meeting not found"
            items: dict[tuple[str | None, str | None], list[Paper]] = defaultdict(list)
            # The service lists only agenda items' attachments: a meeting's packs (reports
            # pack, printed minutes) are on its page alone, as in LGSF's
            # meeting_with_minutes.xml (minutepublished True, no minutes pack linked).
            for paper in meeting.papers:
                if not paper.key.startswith("g"):
                    items[(paper.item_number, paper.item_title)].append(paper)
            agenda = "".join(
                f"<agendaitem><agendaitemid>{index}</agendaitemid>"
                f"<agendaitemtitle>{_x(title or '')}</agendaitemtitle>"
                f"<agendaitemnumber>{number or ''}</agendaitemnumber>"
                f"<fulldisplaynumberformat>{number or ''}.</fulldisplaynumberformat><linkeddocuments>"
                + "".join(
                    f"<linkeddoc><attachmentid>{paper.key}</attachmentid><title>{_x(paper.title)}</title>"
                    f"<isurl>False</isurl><url>{_x(self.url + quote(paper.path, safe='/?='))}</url>"
                    f"<isrestricted>False</isrestricted><meetingdate>{meeting.date:%d/%m/%Y}</meetingdate>"
                    f"<committeetitle>{_x(self.committees[meeting.committee_id])}</committeetitle></linkeddoc>"
                    for paper in papers
                )
                + "</linkeddocuments></agendaitem>"
                for index, ((number, title), papers) in enumerate(items.items(), start=1)
            )
            return _xml(
                f"<meeting><meetingid>{meeting.id}</meetingid><meetingdate>{meeting.date:%d/%m/%Y}</meetingdate>"
                f"<meetingstatus>{meeting.status}</meetingstatus><meetingtime>{meeting.time}</meetingtime>"
                "<meetinglocation>City Hall</meetinglocation><agendapublished>True</agendapublished>"
                f"<agendaitems>{agenda}</agendaitems><attendees></attendees></meeting>"
            )
        return 500, {"Content-Type": "text/plain"}, f"Unknown web method {operation}.".encode()

    def _committees_page(self, query: dict[str, str]) -> str:
        links = "".join(
            f'<li><a href="mgCommitteeDetails.aspx?ID={cid}">{html.escape(title)}</a></li>'
            for cid, title in self.committees.items()
        )
        return f'<h1 class="mgMainTitleTxt">Committee structure</h1><ul class="mgBulletList">{links}</ul>'

    def _meetings_page(self, query: dict[str, str]) -> str:
        cid, year = query.get("CId", ""), query.get("Year", "0")
        meetings = [
            m
            for m in self.meetings.values()
            if m.committee_id == cid and (year == "0" or str(m.date.year) == year)
        ]
        links = "".join(
            f'<li><a href="ieListDocuments.aspx?CId={cid}&amp;MId={m.id}&amp;Ver=4">'
            f"{m.date.day} {m.date:%b %Y} {m.time}</a></li>"
            for m in sorted(meetings, key=lambda m: m.date)
        )
        title = html.escape(self.committees.get(cid, ""))
        return (
            f'<h1 class="mgMainTitleTxt">Browse meetings - {title}</h1><ul class="mgBulletList">{links}</ul>'
        )

    def _documents_page(self, query: dict[str, str]) -> str:
        meeting = self.meetings[query.get("MId", "")]
        packs = [p for p in meeting.papers if p.key.startswith("g")]
        attachments = [p for p in meeting.papers if not p.key.startswith("g")]
        pack_links = "".join(
            f'<li><a href="{html.escape(p.path)}">{html.escape(p.title)}'
            f" PDF {len(p.data) // 1024} KB</a></li>"
            for p in packs
        )
        rows: dict[tuple[str | None, str | None], list[Paper]] = defaultdict(list)
        for paper in attachments:
            rows[(paper.item_number, paper.item_title)].append(paper)
        table = "".join(
            f'<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">{number}.</p></td><td>'
            f'<p class="mgAiTitleTxt">{html.escape(title or "")}</p><ul class="mgBulletList">'
            + "".join(
                f'<li><a href="{html.escape(p.path)}" title="Link to document">'
                f"{html.escape(p.title)}, item {number} PDF {len(p.data) // 1024} KB</a></li>"
                for p in papers
            )
            + "</ul></td></tr>"
            for (number, title), papers in rows.items()
        )
        committee = html.escape(self.committees[meeting.committee_id])
        return (
            f'<div class="mgContent"><h1 class="mgMainTitleTxt">Agenda and minutes</h1>'
            f"<p>{committee} - {meeting.date:%A, %d %B, %Y} {meeting.time}</p>"
            f'<ul class="mgActionList">{pack_links}</ul><table class="mgItemTable">{table}</table></div>'
        )

    def _paper(
        self, local: str, query: dict[str, str], headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        wanted = local + (f"?T={query['T']}" if "T" in query else "")
        with self._lock:
            paper = next((p for m in self.meetings.values() for p in m.papers if p.path == wanted), None)
            if paper is None:
                return 404, {"Content-Type": "text/html"}, b"<html><body>Document not found</body></html>"
            data, etag, modified = paper.data, paper.etag, paper.last_modified
        answer = {
            "Content-Type": "application/pdf",
            "ETag": etag,
            "Last-Modified": format_datetime(modified, usegmt=True),
        }
        if headers.get("if-none-match") == etag:
            return 304, answer, b""
        since = headers.get("if-modified-since")
        if since and "if-none-match" not in headers and parsedate_to_datetime(since) >= modified:
            return 304, answer, b""
        return 200, answer, data


class _Handler(BaseHTTPRequestHandler):
    site: FakeModernGov
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        return

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        parts = urlsplit(self.path)
        query = {key: values[0] for key, values in parse_qs(parts.query).items()}
        headers = {key.lower(): value for key, value in self.headers.items()}
        hit = Hit(time.monotonic(), parts.path, parts.query, headers)
        site = self.site
        with site._lock:
            site.log.append(hit)
            local = (
                unquote(parts.path[len(PREFIX) + 1 :]) if parts.path.startswith(PREFIX + "/") else parts.path
            )
            fault = site.faults[local].pop(0) if site.faults.get(local) else None
        try:
            if fault == "slow":
                time.sleep(site.slow_seconds)
            elif fault in ("500", "503", "429", "404"):
                extra = {"Retry-After": "0"} if fault == "429" else {}
                self._send(
                    int(fault),
                    {"Content-Type": "text/html", **extra},
                    b"<html><body>Error</body></html>",
                    hit,
                )
                return
            elif fault == "html":
                self._send(200, {"Content-Type": "text/html; charset=utf-8"}, _ERROR_PAGE, hit)
                return
            status, answer, body = site.answer(parts.path, query, headers)
            if fault == "truncate" and status == 200:
                self._send(status, answer, body, hit, cut=len(body) // 2)
                return
            self._send(status, answer, body, hit)
        except (BrokenPipeError, ConnectionResetError):
            return  # the client gave up (a timeout test): nothing to answer

    def _send(
        self, status: int, headers: dict[str, str], body: bytes, hit: Hit, cut: int | None = None
    ) -> None:
        hit.status = status
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)) if status != 304 else "0")
        self.end_headers()
        if status == 304:
            return
        if cut is not None:
            self.wfile.write(body[:cut])
            self.wfile.flush()
            self.close_connection = True
            return
        self.wfile.write(body)


_ERROR_PAGE = (
    b"<!DOCTYPE html><html><head><title>Runtime Error</title></head><body>"
    b"<h1>Server Error in '/' Application.</h1>"
    b"<p>An application error occurred on the server.</p></body></html>"
)


def _html(body: str) -> tuple[int, dict[str, str], bytes]:
    page = (
        "<!DOCTYPE html><html><head><title>ModernGov</title></head>"
        f'<body><div id="mgContent">{body}</div></body></html>'
    )
    return 200, {"Content-Type": "text/html; charset=utf-8"}, page.encode("utf-8")


def _xml(body: str) -> tuple[int, dict[str, str], bytes]:
    return (
        200,
        {"Content-Type": "text/xml; charset=utf-8"},
        ('<?xml version="1.0" encoding="utf-8"?>\n' + body).encode(),
    )


def _x(text: str) -> str:
    return html.escape(text, quote=False)


def _uk_date(text: str | None) -> date | None:
    if not text:
        return None
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _ordinal(day: int) -> str:
    return "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
