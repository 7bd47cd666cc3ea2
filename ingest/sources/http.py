"""A polite HTTP client for council websites: what every web source fetches through.

Rules it keeps, so a source cannot forget them:

* An honest User-Agent naming minutebook and its version (`USER_AGENT`).
* robots.txt is read once per host and obeyed for the agent token `minutebook` (RFC 9309:
  a 4xx robots.txt means no rules; an unreachable one, after retries, means stay out), and
  a `Crawl-delay` longer than the rate limit slows that host down further.
* A rate limit per host (default one request a second), applied to every request,
  retries and robots.txt included. `waited` adds up every second spent sleeping (the limit
  and the backoff), so a benchmark can tell waiting from working.
* Timeouts on every request; retries with exponential backoff on 429 and 5xx answers and
  on timeouts and dropped connections, honouring `Retry-After` (capped).
* Conditional requests: `If-None-Match` / `If-Modified-Since` from what the caller kept;
  a 304 comes back as `status == 304` with no body.
* Downloads stream to a file the caller names while hashing (sha256); a body cut short
  (fewer bytes than Content-Length, or the connection dropped) is retried like a timeout
  and never reported as complete.
"""

from __future__ import annotations

import email.utils
import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from minutebook import __version__

ROBOTS_AGENT = "minutebook"
USER_AGENT = f"minutebook/{__version__} (archives council committee papers for search; python-httpx)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
CHUNK = 64 * 1024

T = TypeVar("T")


class FetchError(Exception):
    """A URL that could not be fetched; the message is one line and names the URL."""


@dataclass
class ClientOptions:
    """How hard the client may lean on a site. `rate` is requests per second per host
    (0 switches the limit off); `retries` are attempts after the first."""

    rate: float = 1.0
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 1.0
    max_backoff: float = 60.0


@dataclass
class Fetched:
    """The final answer to one GET (after retries): status, headers, body (None for 304)."""

    url: str
    status: int
    headers: httpx.Headers
    body: bytes | None = None

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


@dataclass
class Streamed:
    """A download streamed to a file: what arrived (sha256 and size of the bytes written)."""

    fetched: Fetched
    sha256: str | None = None
    size: int = 0


class _Retry(Exception):
    """One attempt failed in a way worth trying again (`reason` is for the final message)."""

    def __init__(self, reason: str, delay: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.delay = delay


@dataclass
class RateLimiter:
    """At most `rate` requests a second to each host: a request waits until `interval`
    after the previous one to the same host. `slept` is the total time spent waiting."""

    rate: float
    slept: float = 0.0
    _next: dict[str, float] = field(default_factory=dict)
    _interval: dict[str, float] = field(default_factory=dict)

    def slow_down(self, host: str, interval: float) -> None:
        """Make `host` wait at least `interval` seconds between requests (Crawl-delay)."""
        self._interval[host] = max(interval, self._interval.get(host, 0.0))

    def wait(self, host: str) -> None:
        interval = max(1.0 / self.rate if self.rate > 0 else 0.0, self._interval.get(host, 0.0))
        now = time.monotonic()
        start = max(now, self._next.get(host, now))
        if start > now:
            time.sleep(start - now)
            self.slept += start - now
        # From when the request really goes: a sleep that overran on a loaded machine must not
        # let the next request follow this one closer than `interval`.
        self._next[host] = max(start, time.monotonic()) + interval


class HttpClient:
    """One client per fetch run: shares connections, robots.txt and the rate limit."""

    def __init__(self, options: ClientOptions | None = None) -> None:
        self.options = options or ClientOptions()
        self.limiter = RateLimiter(self.options.rate)
        self.backoff_slept = 0.0
        self.requests = 0
        self._robots: dict[str, RobotFileParser] = {}
        self._client = httpx.Client(
            headers={"User-Agent": USER_AGENT},
            timeout=httpx.Timeout(self.options.timeout, connect=min(10.0, self.options.timeout)),
            follow_redirects=True,
        )

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    @property
    def waited(self) -> float:
        """Seconds spent sleeping for the rate limit and for backoff between retries."""
        return self.limiter.slept + self.backoff_slept

    # ----------------------------------------------------------------- requests

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET `url` into memory. Returns 200 and 304 answers; raises FetchError otherwise."""

        def read(response: httpx.Response) -> Fetched:
            return self._answer(url, response, response.read() if response.status_code == 200 else None)

        fetched = self._attempts(url, _conditional(etag, last_modified), read)
        _raise_for_status(url, fetched.status)
        return fetched

    def stream_to(
        self, url: str, target: Path, *, etag: str | None = None, last_modified: str | None = None
    ) -> Streamed:
        """GET `url` straight into the file `target` (created or truncated), hashing as it
        goes. A 304 writes nothing. Raises FetchError for any answer but 200 or 304, and
        leaves no partial `target` behind when it does."""

        def write(response: httpx.Response) -> Streamed:
            fetched = self._answer(url, response, None)
            if response.status_code != 200:
                return Streamed(fetched)
            digest = hashlib.sha256()
            size = 0
            try:
                with target.open("wb") as out:
                    for chunk in response.iter_bytes(CHUNK):
                        out.write(chunk)
                        digest.update(chunk)
                        size += len(chunk)
                    out.flush()
                    os.fsync(out.fileno())  # on disk before anyone moves it into place
            except (httpx.TimeoutException, httpx.TransportError):
                target.unlink(missing_ok=True)
                raise
            expected = response.headers.get("content-length")
            if expected and expected.isdigit() and int(expected) != size:
                target.unlink(missing_ok=True)
                raise _Retry(f"the answer was cut short ({size} of {expected} bytes)")
            return Streamed(fetched, digest.hexdigest(), size)

        try:
            streamed = self._attempts(url, _conditional(etag, last_modified), write)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        _raise_for_status(url, streamed.fetched.status)
        return streamed

    def _answer(self, url: str, response: httpx.Response, body: bytes | None) -> Fetched:
        return Fetched(str(response.url) or url, response.status_code, response.headers, body)

    def _attempts(self, url: str, headers: dict[str, str], consume: Callable[[httpx.Response], T]) -> T:
        """Send GET `url` up to 1 + retries times; `consume` reads a response (it may raise
        `_Retry`). 429/5xx answers are retried; the last one is returned as it is."""
        self._check_robots(url)
        host = urlsplit(url).netloc
        attempts = self.options.retries + 1
        reason = "no answer"
        for attempt in range(attempts):
            self.limiter.wait(host)
            self.requests += 1
            delay: float | None = None
            try:
                with self._client.stream("GET", url, headers=headers) as response:
                    if response.status_code in RETRY_STATUSES and attempt + 1 < attempts:
                        reason = f"the server answered HTTP {response.status_code}"
                        delay = _retry_after(response.headers.get("retry-after"))
                    else:
                        return consume(response)
            except httpx.TimeoutException:
                reason = f"no answer within {self.options.timeout:g}s"
            except httpx.RemoteProtocolError as err:  # e.g. the body ended before Content-Length
                reason = f"the answer was cut short ({err})"
            except httpx.TransportError as err:
                reason = f"the connection failed ({type(err).__name__}: {err})"
            except _Retry as retry:
                reason, delay = retry.reason, retry.delay
            if attempt + 1 < attempts:
                self._sleep(delay if delay is not None else self.options.backoff * 2**attempt)
        raise FetchError(f"{url}: {reason} ({attempts} tries)")

    def _sleep(self, seconds: float) -> None:
        seconds = max(0.0, min(seconds, self.options.max_backoff))
        time.sleep(seconds)
        self.backoff_slept += seconds

    # ------------------------------------------------------------------- robots

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets minutebook fetch `url` (fetching robots.txt if needed)."""
        return self._robots_for(url).can_fetch(ROBOTS_AGENT, url)

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.path == "/robots.txt":
            return
        if not self.allowed(url):
            raise FetchError(
                f"{url}: {parts.scheme}://{parts.netloc}/robots.txt does not allow minutebook here"
            )

    def _robots_for(self, url: str) -> RobotFileParser:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        parser = self._robots.get(root)
        if parser is not None:
            return parser
        parser = RobotFileParser(root + "/robots.txt")
        try:
            fetched = self._attempts(
                root + "/robots.txt", {}, lambda r: self._answer(root, r, r.read() if r.is_success else None)
            )
        except FetchError:
            fetched = None
        if fetched is not None and fetched.status == 200:
            parser.parse((fetched.body or b"").decode("utf-8", "replace").splitlines())
        elif fetched is not None and 400 <= fetched.status < 500:
            parser.allow_all = True  # type: ignore[attr-defined]  # RFC 9309 2.3.1.3: no rules
        else:
            parser.disallow_all = True  # type: ignore[attr-defined]  # RFC 9309 2.3.1.4: stay out
        parser.modified()
        delay = parser.crawl_delay(ROBOTS_AGENT)
        if delay:
            self.limiter.slow_down(parts.netloc, float(delay))
        self._robots[root] = parser
        return parser


def _conditional(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _raise_for_status(url: str, status: int) -> None:
    if status in (200, 304):
        return
    if status in (404, 410):
        raise FetchError(f"{url}: not found on the server (HTTP {status})")
    if status in RETRY_STATUSES:
        raise FetchError(f"{url}: the server kept failing (HTTP {status})")
    raise FetchError(f"{url}: the server refused it (HTTP {status})")
