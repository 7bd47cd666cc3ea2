"""The HTTP client against a real server on 127.0.0.1 (tests/moderngov_site.py): the rate
limit as measured at the server, retries and backoff, timeouts, cut-short bodies, robots.txt,
the User-Agent and conditional requests."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.sources.http import USER_AGENT, ClientOptions, FetchError, HttpClient, RateLimiter
from tests.moderngov_site import FakeModernGov, Paper
from tests.pdf_fixtures import make_pdf

FAST = ClientOptions(rate=0, timeout=0.5, retries=2, backoff=0.01)


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[FakeModernGov]:
    site = FakeModernGov()
    site.add_committee("133", "Transport and Connectivity Policy Committee")
    site.add_meeting("9034", "133", "2024-09-12")
    with site:
        yield site


def _paper(site: FakeModernGov, tmp_path: Path, title: str = "Report") -> Paper:
    data = make_pdf(tmp_path / f"{title}.pdf", [[f"{title} for the committee", "Some text."]]).read_bytes()
    return site.add_attachment("9034", title, data, "5", "Bus lanes")


def test_the_rate_limit_holds_at_the_server(site: FakeModernGov, tmp_path: Path) -> None:
    paper = _paper(site, tmp_path)
    with HttpClient(ClientOptions(rate=5)) as client:
        for _ in range(6):
            client.get(site.url_of(paper))
    arrivals = [hit.at for hit in site.log]  # robots.txt first: it counts against the limit too
    gaps = [later - earlier for earlier, later in zip(arrivals, arrivals[1:], strict=False)]
    assert len(arrivals) == 7
    # The client spaces its sends 0.2s apart. The server logs an arrival when its thread gets
    # the CPU, so on a loaded machine one arrival may be logged late: the gap before it grows
    # and the gap after it shrinks by as much (0.31 s then 0.09 s, seen under load). Two
    # consecutive gaps together still span two intervals, and the rate over the run cannot
    # exceed the limit.
    assert all(first + second >= 0.38 for first, second in zip(gaps, gaps[1:], strict=False)), gaps
    rate = (len(arrivals) - 1) / (arrivals[-1] - arrivals[0])
    assert 4.0 <= rate <= 5.05, rate


def test_the_default_is_one_request_a_second_per_host(site: FakeModernGov, tmp_path: Path) -> None:
    paper = _paper(site, tmp_path)
    with HttpClient() as client:
        client.get(site.url_of(paper))
        client.get(site.url_of(paper))
        assert client.limiter.slept >= 1.5  # three requests (robots.txt, two GETs): two waits
    arrivals = [hit.at for hit in site.log]
    assert min(b - a for a, b in zip(arrivals, arrivals[1:], strict=False)) >= 0.9  # 1s, less jitter
    assert (arrivals[-1] - arrivals[0]) / (len(arrivals) - 1) >= 0.99


def test_every_request_names_minutebook_and_its_version(site: FakeModernGov, tmp_path: Path) -> None:
    with HttpClient(FAST) as client:
        client.get(site.url_of(_paper(site, tmp_path)))
    assert {hit.headers["user-agent"] for hit in site.log} == {USER_AGENT}
    assert USER_AGENT.startswith("minutebook/0.1.0 ")


@pytest.mark.parametrize("fault", ["500", "503", "429", "slow", "truncate"])
def test_a_passing_fault_is_retried_and_the_second_try_succeeds(
    site: FakeModernGov, tmp_path: Path, fault: str
) -> None:
    paper = _paper(site, tmp_path)
    site.fail(paper.local, fault)
    target = tmp_path / "out.pdf"
    with HttpClient(FAST) as client:
        streamed = client.stream_to(site.url_of(paper), target)
    assert streamed.fetched.status == 200
    assert target.read_bytes() == paper.data
    assert [hit.status for hit in site.requests_to("/documents/")][-1] == 200
    assert len(site.requests_to("/documents/")) == 2


@pytest.mark.parametrize(
    ("faults", "message"),
    [
        (["500", "500", "500"], "the server kept failing (HTTP 500)"),
        (["slow", "slow", "slow"], "no answer within 0.5s (3 tries)"),
        (["truncate", "truncate", "truncate"], "the answer was cut short"),
        (["404"], "not found on the server (HTTP 404)"),
    ],
)
def test_a_lasting_fault_is_a_one_line_error_naming_the_url_and_leaves_no_file(
    site: FakeModernGov, tmp_path: Path, faults: list[str], message: str
) -> None:
    paper = _paper(site, tmp_path)
    site.fail(paper.local, *faults)
    target = tmp_path / "out.pdf"
    with HttpClient(FAST) as client, pytest.raises(FetchError) as caught:
        client.stream_to(site.url_of(paper), target)
    text = str(caught.value)
    assert text.startswith(site.url_of(paper) + ": ") and message in text and "\n" not in text
    assert not target.exists()


def test_retry_after_is_honoured_and_backoff_is_counted_as_waiting(
    site: FakeModernGov, tmp_path: Path
) -> None:
    paper = _paper(site, tmp_path)
    site.fail(paper.local, "500")
    with HttpClient(ClientOptions(rate=0, retries=1, backoff=0.3)) as client:
        client.get(site.url_of(paper))
        assert client.backoff_slept == pytest.approx(0.3, abs=0.01)
        assert client.waited >= 0.3
    first, second = (hit.at for hit in site.requests_to("/documents/"))
    assert second - first >= 0.25


def test_conditional_requests_get_304_and_no_body(site: FakeModernGov, tmp_path: Path) -> None:
    paper = _paper(site, tmp_path)
    with HttpClient(FAST) as client:
        first = client.get(site.url_of(paper))
        assert first.etag and first.last_modified
        again = client.get(site.url_of(paper), etag=first.etag)
        by_date = client.get(site.url_of(paper), last_modified=first.last_modified)
        site.replace(paper, paper.data + b"\n")
        changed = client.get(site.url_of(paper), etag=first.etag, last_modified=first.last_modified)
    assert (again.status, again.body, by_date.status) == (304, None, 304)
    assert changed.status == 200 and changed.etag != first.etag
    sent = site.requests_to("/documents/")[1].headers
    assert sent["if-none-match"] == first.etag


def test_robots_txt_is_obeyed(site: FakeModernGov, tmp_path: Path) -> None:
    paper = _paper(site, tmp_path)
    site.robots = "User-agent: *\nAllow: /\n\nUser-agent: minutebook\nDisallow: /democracy/documents/\n"
    with HttpClient(FAST) as client:
        assert client.allowed(site.url + "mgListCommittees.aspx")
        with pytest.raises(FetchError, match="robots.txt does not allow minutebook here"):
            client.get(site.url_of(paper))
    assert site.requests_to("/documents/") == []


def test_robots_txt_missing_means_no_rules_and_crawl_delay_slows_the_host(
    site: FakeModernGov, tmp_path: Path
) -> None:
    paper = _paper(site, tmp_path)
    site.robots = None
    with HttpClient(FAST) as client:
        assert client.get(site.url_of(paper)).status == 200
    site.robots = "User-agent: *\nCrawl-delay: 1\n"
    with HttpClient(FAST) as client:
        client.get(site.url_of(paper))
        client.get(site.url_of(paper))
    first, second = (hit.at for hit in site.requests_to("/documents/")[-2:])
    assert second - first >= 0.9  # Crawl-delay 1s (robotparser reads whole seconds), less jitter


def test_an_unreachable_robots_txt_means_stay_out(site: FakeModernGov, tmp_path: Path) -> None:
    paper = _paper(site, tmp_path)
    site.fail("/robots.txt", "500", "500", "500")
    with HttpClient(FAST) as client, pytest.raises(FetchError, match="robots.txt does not allow"):
        client.get(site.url_of(paper))
    assert site.requests_to("/documents/") == []


def test_a_sleep_that_overruns_does_not_bring_the_next_request_closer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A loaded machine wakes a sleeper late; the next request is still spaced a whole interval
    from when this one really went, not from when it was due."""
    real_sleep = time.sleep
    monkeypatch.setattr("ingest.sources.http.time.sleep", lambda seconds: real_sleep(seconds + 0.08))
    limiter = RateLimiter(rate=10)  # 0.1 s apart
    sent = []
    for _ in range(4):
        limiter.wait("council.example")
        sent.append(time.monotonic())
    gaps = [later - earlier for earlier, later in zip(sent, sent[1:], strict=False)]
    assert min(gaps) >= 0.1, gaps
