"""A polite HTTP client for news pages: robots.txt, a delay per host, retries with
back-off, conditional GET, a user agent naming kliping, a size cap and a time limit.

urllib3 does the HTTP (connection pools, redirects, retries with exponential back-off
that honour `Retry-After`); `urllib.robotparser` reads robots.txt. One client is meant
for one run: it remembers each host's robots.txt and when it last asked that host.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import urllib3
from urllib3.util.retry import Retry

#: Seconds between two requests to one host (robots.txt's Crawl-delay, when longer, wins).
DEFAULT_DELAY = 1.0
#: A Crawl-delay or Retry-After longer than this is cut to it (a run must end).
MAX_WAIT = 60.0
DEFAULT_RETRIES = 3
#: Exponential back-off between retries: 0, 2 x this, 4 x this … seconds.
DEFAULT_BACKOFF = 0.5
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_BYTES = 8 << 20
RETRY_STATUSES = (429, 500, 502, 503, 504)
#: The name robots.txt rules are matched against.
ROBOTS_NAME = "kliping"
_CHUNK = 64 << 10


def user_agent() -> str:
    """`kliping/VERSION (…)`: who is asking, and that it reads robots.txt."""
    try:
        release = version("kliping")
    except PackageNotFoundError:
        release = "0"
    return f"{ROBOTS_NAME}/{release} (news archiver; honours robots.txt)"


class FetchError(Exception):
    """A URL that could not be fetched; the message says why, in one line."""


@dataclass
class Fetched:
    """What one GET gave. `status` is "ok", "not modified" (a 304 to a conditional GET)
    or "disallowed" (robots.txt); `data` the body (ok only), `url` the URL after
    redirects; `etag`, `last_modified` the validators for the next conditional GET."""

    requested: str
    status: str
    url: str
    data: bytes | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: str | None = None
    http_status: int | None = None


class _Retry(Retry):
    """urllib3's Retry, with a server's Retry-After cut to MAX_WAIT."""

    def get_retry_after(self, response):
        seconds = super().get_retry_after(response)
        return None if seconds is None else min(seconds, MAX_WAIT)


def check_url(url: str) -> str:
    """`url` if it is an absolute http(s) URL with a host; FetchError otherwise."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"{url!r} is not an http:// or https:// URL")
    return url.strip()


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


class PoliteClient:
    """GET pages one at a time, politely (see the module's docstring)."""

    def __init__(self, *, delay: float = DEFAULT_DELAY, retries: int = DEFAULT_RETRIES,
                 backoff: float = DEFAULT_BACKOFF, timeout: float = DEFAULT_TIMEOUT,
                 max_bytes: int = DEFAULT_MAX_BYTES, agent: str | None = None,
                 sleep=time.sleep, clock=time.monotonic):
        self.delay = delay
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.agent = agent or user_agent()
        self.sleep, self.clock = sleep, clock
        self.retry = _Retry(total=retries, connect=retries, read=retries, status=retries, redirect=5,
                            backoff_factor=backoff, backoff_max=MAX_WAIT, status_forcelist=RETRY_STATUSES,
                            allowed_methods=["GET"], respect_retry_after_header=True, raise_on_status=False)
        self.pool = urllib3.PoolManager(timeout=urllib3.Timeout(connect=timeout, read=timeout))
        self.robots: dict[str, RobotFileParser | FetchError] = {}
        self.last: dict[str, float] = {}
        #: Requests sent (robots.txt included; retries inside urllib3 not counted).
        self.requests = 0

    def close(self) -> None:
        self.pool.clear()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _wait_turn(self, host: str, delay: float) -> None:
        """Sleep until `delay` seconds have passed since the last request to `host`."""
        last = self.last.get(host)
        if last is not None:
            left = last + delay - self.clock()
            if left > 0:
                self.sleep(left)
        self.last[host] = self.clock()

    def _robots(self, url: str) -> RobotFileParser:
        """The robots.txt of `url`'s origin, fetched once: a missing one (4xx) allows
        everything, one the server fails on (5xx) or forbids (401, 403) disallows
        everything, as urllib.robotparser and the major crawlers read it; a host that
        cannot be reached is a FetchError for each of its pages."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        parser = self.robots.get(origin)
        if isinstance(parser, FetchError):
            raise FetchError(f"{url}: {parser}")
        if parser is None:
            try:
                response = self._get(origin + "/robots.txt", {}, self.delay)
            except FetchError as exc:  # the host cannot be reached: its pages fail alike
                self.robots[origin] = FetchError(str(exc).split(": ", 1)[-1])
                raise FetchError(f"{url}: {self.robots[origin]}") from None
            parser = self.robots[origin] = RobotFileParser(origin + "/robots.txt")
            status, body = response[0].status, response[1]
            if status in (401, 403) or status >= 500:
                parser.disallow_all = True
            elif status >= 400:
                parser.allow_all = True
            else:
                parser.parse(body.decode("utf-8", "replace").splitlines())
        return parser

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets kliping fetch `url`."""
        return self._robots(url).can_fetch(ROBOTS_NAME, url)

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET `url` (conditionally, given the validators of the last copy); FetchError
        for a network failure, an HTTP error after the retries, or a page over the size cap."""
        url = check_url(url)
        robots = self._robots(url)
        if not robots.can_fetch(ROBOTS_NAME, url):
            return Fetched(url, "disallowed", url)
        delay = max(self.delay, min(float(robots.crawl_delay(ROBOTS_NAME) or 0), MAX_WAIT))
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        response, body = self._get(url, headers, delay)
        final = urljoin(url, response.url or url)
        fetched = Fetched(url, "ok", final, content_type=response.headers.get("Content-Type"),
                          etag=response.headers.get("ETag"), last_modified=response.headers.get("Last-Modified"),
                          fetched_at=_now(), http_status=response.status)
        if response.status == 304:
            fetched.status = "not modified"
            fetched.etag = fetched.etag or etag
            fetched.last_modified = fetched.last_modified or last_modified
            return fetched
        if response.status >= 400:
            raise FetchError(f"{url}: HTTP {response.status} {response.reason or ''}".rstrip())
        fetched.data = body
        return fetched

    def _get(self, url: str, headers: dict, delay: float):
        """(response, body): one GET with its retries, in this host's turn."""
        self._wait_turn(urlsplit(url).netloc, delay)
        self.requests += 1
        deadline = self.clock() + self.timeout * (self.retry.total + 1) + MAX_WAIT
        try:
            response = self.pool.request("GET", url, headers={"User-Agent": self.agent, **headers},
                                         retries=self.retry,
                                         preload_content=False, decode_content=True)
        except urllib3.exceptions.MaxRetryError as exc:
            raise FetchError(f"{url}: {_reason(exc.reason)}") from None
        except (urllib3.exceptions.HTTPError, OSError, ValueError) as exc:
            raise FetchError(f"{url}: {_reason(exc)}") from None
        try:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > self.max_bytes:
                raise FetchError(f"{url}: {int(length):,} bytes, over the {self.max_bytes:,}-byte limit (--max-size)")
            chunks, size = [], 0
            while True:
                chunk = response.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(f"{url}: over the {self.max_bytes:,}-byte limit (--max-size)")
                if self.clock() > deadline:
                    raise FetchError(f"{url}: still sending after {self.timeout:g} s x tries; left out")
                chunks.append(chunk)
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise FetchError(f"{url}: {_reason(exc)}") from None
        finally:
            response.release_conn()
        return response, b"".join(chunks)


def _reason(exc: BaseException | None) -> str:
    """A network error in a few words (urllib3's messages repeat the pool's repr)."""
    if exc is None:
        return "failed"
    if isinstance(exc, urllib3.exceptions.ResponseError):
        return f"gave up after retries ({exc})"
    if isinstance(exc, urllib3.exceptions.NewConnectionError):
        return "cannot connect: " + str(exc).split(": ", 1)[-1]
    if isinstance(exc, urllib3.exceptions.NameResolutionError):
        return "unknown host"
    if isinstance(exc, (urllib3.exceptions.TimeoutError, TimeoutError)):
        return "timed out"
    return str(exc).split(": ", 1)[-1] or type(exc).__name__
