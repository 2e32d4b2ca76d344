"""Fetching pages and feeds politely: this module and its ``monitor.fetch_*`` helpers are
the only importers of httpx (and protego).

One :class:`Fetcher` serves a whole run, with one ``httpx.AsyncClient`` (one connection
pool) per host, made on the host's first request and sharing one TLS context. Every
failure leaves as a :class:`~monitor.errors.FetchError` subclass carrying the URL and a
human reason; no httpx exception escapes these modules. :class:`Poster` (from
``monitor.fetch_post``) sends the alert webhooks' POSTs.

Politeness
    Per host (``host:port``) at most ``per_host_concurrency`` requests are in flight and
    two request starts are at least ``min_host_delay`` seconds apart, across all
    concurrent callers. A ``Crawl-delay`` in robots.txt raises that gap (capped at 30 s).
    Across all hosts at most ``max_connections`` requests are in flight; a request waits
    for its turn before its timeout starts, so a poll of hundreds of outlets never fails
    a quick one for the slow ones ahead of it. Retries and robots.txt requests go through
    the same gate. The User-Agent names the project and the operator's contact URL.

Retries
    Timeouts, connection errors (refused, reset, dropped mid-answer), 5xx, 408 and 429
    are retried up to ``max_retries`` times. The wait is ``Retry-After`` (seconds or an
    HTTP date) when the answer has one, else exponential backoff with full jitter,
    ``rand() * backoff_base * 2 ** (attempt - 1)``; either is capped at ``backoff_max``.
    Other 4xx, a redirect loop, a too-large body and a wrong content type are never
    retried. After the last attempt the matching error is raised, e.g. ``HTTP 503 after
    4 attempts``. A 304 answer to a conditional GET is a :class:`Page` with
    ``not_modified=True``, not an error.

robots.txt and bodies
    Before a page is asked for, robots.txt of its origin must allow it: Google's
    convention, cached per origin (``monitor.fetch_robots``, the only protego importer).
    An answer's type, size and charset are checked and decoded by ``monitor.fetch_body``.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import email.utils
import logging
import random
import ssl
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

import httpx

from monitor import __version__
from monitor.charset import decode_body as decode_body  # re-exported: tests import it here
from monitor.errors import (
    FetchConnectError,
    FetchError,
    FetchHTTPStatus,
    FetchRedirectLoop,
    FetchTimeout,
)
from monitor.fetch_body import ACCEPT_HEADERS, Accept, read_body
from monitor.fetch_post import Answer as Answer  # re-exported: app and alerts use them
from monitor.fetch_post import Poster as Poster
from monitor.fetch_post import post as post
from monitor.fetch_robots import Robots, RobotsCache, load_robots, network_reason

log = logging.getLogger("monitor.fetch")

_RETRY_STATUSES = frozenset({408, 429})
_CRAWL_DELAY_CAP = 30.0
# One connection pool per host (``Fetcher._client_for``): httpx's pool scans all of its
# connections for every request, which in one pool for 200 outlets cost more CPU than
# the rest of a poll. A host's pool keeps its idle connections for the host's next
# request (a feed's connection serves its articles) and has no cap of its own: the caps
# are the host's slots and the run-wide ``Fetcher._in_flight``, taken before a request's
# clock starts (a wait for a free connection in httpx's pool counts against the timeout).
HOST_LIMITS = httpx.Limits(max_connections=None, max_keepalive_connections=4, keepalive_expiry=30)


@dataclass(frozen=True)
class FetchPolicy:
    """How to fetch: identity, limits, retries and politeness (see the module docstring)."""

    user_agent: str = ""  # empty: "monitor/<version> (+<contact_url>)"
    contact_url: str = "https://github.com/news-monitor/monitor"
    timeout: float = 20.0  # seconds per connect/read/write; one attempt ends after 3x this
    max_retries: int = 3
    backoff_base: float = 1.0
    backoff_max: float = 60.0
    per_host_concurrency: int = 1
    max_connections: int = 32  # requests in flight at once across all hosts
    min_host_delay: float = 1.0
    max_body_bytes: int = 5_000_000
    max_redirects: int = 5
    respect_robots: bool = True
    robots_ttl: float = 3600.0

    def __post_init__(self) -> None:
        if not self.user_agent:
            object.__setattr__(self, "user_agent", f"monitor/{__version__} (+{self.contact_url})")
        if self.timeout <= 0 or self.max_body_bytes <= 0 or self.per_host_concurrency < 1:
            raise ValueError("timeout, max_body_bytes and per_host_concurrency must be positive")
        if self.max_connections < 1:
            raise ValueError("max_connections must be positive")
        if min(self.max_retries, self.max_redirects) < 0:
            raise ValueError("max_retries and max_redirects cannot be negative")
        if min(self.backoff_base, self.backoff_max, self.min_host_delay, self.robots_ttl) < 0:
            raise ValueError("backoff, delays and robots_ttl cannot be negative")


@dataclass(frozen=True)
class Conditional:
    """Validators saved from an earlier answer, sent back for a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class Page:
    """One successful answer (or a 304), with its text already decoded."""

    url: str  # as requested
    final_url: str  # after redirects
    status: int
    content_type: str  # media type only, lower case ("text/html"); "" when absent
    text: str  # "" for a 304
    encoding: str | None  # the codec that decoded ``text``; None for a 304
    etag: str | None
    last_modified: str | None
    not_modified: bool = False
    elapsed: float = 0.0  # seconds of the successful attempt, request to end of body
    attempts: int = 1  # HTTP requests made for this page (1 + retries)


@dataclass
class FetchStats:
    """Running totals over the life of one :class:`Fetcher`, for the poll report."""

    requests: int = 0  # every HTTP request sent, retries and robots.txt included
    not_modified: int = 0
    retries: int = 0
    failures: int = 0  # fetches that ended in a FetchError


class _Retry(Exception):
    """A retryable failure of one attempt."""

    def __init__(
        self,
        kind: type[FetchError],
        reason: str,
        *,
        status: int = 0,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(reason)
        self.kind, self.reason, self.status, self.retry_after = kind, reason, status, retry_after

    def error(self, url: str, attempts: int) -> FetchError:
        """The error of the last attempt: an outage, as every retried failure is."""
        reason = f"{self.reason} after {attempts} attempt{'s' if attempts > 1 else ''}"
        if self.kind is FetchHTTPStatus:
            error: FetchError = FetchHTTPStatus(reason, url=url, status=self.status)
        else:
            error = self.kind(reason, url=url)
        error.outage = True
        return error


@dataclass
class _Host:
    slots: asyncio.Semaphore
    delay: float
    next_start: float = float("-inf")


class Fetcher:
    """Fetches pages politely over one shared client; use as ``async with Fetcher(...)``.

    ``sleep``, ``rand`` and ``clock`` (monotonic seconds) are injectable so that tests
    make backoff and politeness waits instant and deterministic; ``transport`` takes an
    ``httpx.MockTransport`` (or respx) to inject faults a real server cannot produce.
    """

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
        rand: Callable[[], float] = random.random,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.policy = policy or FetchPolicy()
        self.stats = FetchStats()
        self._transport = transport
        self._sleep, self._rand, self._clock = sleep, rand, clock
        self._open = False
        self._clients: dict[str, httpx.AsyncClient] = {}  # per host, or "" with a transport
        self._ssl: ssl.SSLContext | None = None
        self._hosts: dict[str, _Host] = {}
        self._in_flight = asyncio.Semaphore(self.policy.max_connections)
        self._robots = RobotsCache(
            self._load_robots, user_agent=self.policy.user_agent, clock=clock
        )

    async def __aenter__(self) -> Fetcher:
        if self._transport is None:
            self._ssl = httpx.create_ssl_context()  # one for every host's client
        self._open = True
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._open = False
        clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            await client.aclose()

    def _client_for(self, url: str) -> httpx.AsyncClient:
        """The host's own client (its own pool; proxies from the environment as httpx
        reads them); with a ``transport`` given, one client that routes every host."""
        key = "" if self._transport is not None else urlsplit(url).netloc.lower()
        client = self._clients.get(key)
        if client is None:
            p = self.policy
            client = httpx.AsyncClient(
                headers={"User-Agent": p.user_agent},
                timeout=httpx.Timeout(p.timeout),
                follow_redirects=True,
                max_redirects=p.max_redirects,
                transport=self._transport,
                verify=self._ssl or True,
                limits=HOST_LIMITS,
            )
            self._clients[key] = client
        return client

    async def fetch(
        self, url: str, conditional: Conditional | None = None, *, accept: Accept = "html"
    ) -> Page:
        """GET ``url`` with retries; raise a :class:`FetchError` subclass on failure."""
        if not self._open:
            raise RuntimeError("Fetcher.fetch() outside 'async with Fetcher(...)'")
        try:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise FetchError("not an http(s) URL", url=url)
            if self.policy.respect_robots:
                await self._robots.check(url)
            headers = {"Accept": ACCEPT_HEADERS[accept]}
            if conditional and conditional.etag:
                headers["If-None-Match"] = conditional.etag
            if conditional and conditional.last_modified:
                headers["If-Modified-Since"] = conditional.last_modified
            total = self.policy.max_retries + 1
            for attempt in range(1, total + 1):
                try:
                    page = await self._attempt(url, headers, accept, conditional)
                except _Retry as retry:
                    if attempt == total:
                        raise retry.error(url, attempt) from retry.__cause__
                    delay = retry.retry_after
                    if delay is None:
                        delay = self._rand() * self.policy.backoff_base * 2 ** (attempt - 1)
                    delay = min(delay, self.policy.backoff_max)
                    log.info(
                        "%s: %s; retry %d of %d in %.1f s", url, retry, attempt, total - 1, delay
                    )
                    self.stats.retries += 1
                    await self._sleep(delay)
                else:
                    if page.not_modified:
                        self.stats.not_modified += 1
                    return dataclasses.replace(page, attempts=attempt)
        except FetchError:
            self.stats.failures += 1
            raise
        raise AssertionError("unreachable")  # pragma: no cover

    @contextlib.asynccontextmanager
    async def _turn(self, url: str) -> AsyncIterator[None]:
        """Hold one of the host's slots, starting no sooner than its delay allows, and
        one of the run's ``max_connections`` (waited for before the timeout starts)."""
        netloc = urlsplit(url).netloc.lower()
        host = self._hosts.get(netloc)
        if host is None:
            host = _Host(
                asyncio.Semaphore(self.policy.per_host_concurrency), self.policy.min_host_delay
            )
            self._hosts[netloc] = host
        async with host.slots:
            now = self._clock()
            start = max(now, host.next_start)
            host.next_start = start + host.delay
            if start > now:
                await self._sleep(start - now)
            async with self._in_flight:
                self.stats.requests += 1
                yield

    async def _attempt(
        self, url: str, headers: dict[str, str], accept: Accept, conditional: Conditional | None
    ) -> Page:
        client = self._client_for(url)
        async with self._turn(url):
            started = time.perf_counter()
            try:
                async with (
                    asyncio.timeout(self.policy.timeout * 3),
                    client.stream("GET", url, headers=headers) as resp,
                ):
                    return await self._answer(url, resp, accept, conditional, started)
            except (TimeoutError, httpx.TimeoutException) as exc:
                raise _Retry(FetchTimeout, f"timed out ({exc.__class__.__name__})") from exc
            except httpx.TooManyRedirects as exc:
                reason = f"redirect loop (more than {self.policy.max_redirects} redirects)"
                raise FetchRedirectLoop(reason, url=url) from exc
            except httpx.ConnectError as exc:
                reason = f"cannot connect ({network_reason(exc)})"
                raise _Retry(FetchConnectError, reason) from exc
            except (httpx.NetworkError, httpx.RemoteProtocolError) as exc:
                raise _Retry(FetchConnectError, f"connection dropped ({exc})") from exc
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                raise FetchError(f"{exc.__class__.__name__}: {exc}", url=url) from exc

    async def _answer(
        self,
        url: str,
        resp: httpx.Response,
        accept: Accept,
        conditional: Conditional | None,
        started: float,
    ) -> Page:
        status = resp.status_code
        etag, modified = resp.headers.get("etag"), resp.headers.get("last-modified")
        if status == 304:
            return Page(
                url=url,
                final_url=str(resp.url),
                status=status,
                content_type="",
                text="",
                encoding=None,
                etag=etag or (conditional.etag if conditional else None),
                last_modified=modified or (conditional.last_modified if conditional else None),
                not_modified=True,
                elapsed=time.perf_counter() - started,
            )
        if status >= 500 or status in _RETRY_STATUSES:
            wait = retry_after_seconds(resp.headers.get("retry-after"))
            raise _Retry(FetchHTTPStatus, f"HTTP {status}", status=status, retry_after=wait)
        if not 200 <= status < 300:
            raise FetchHTTPStatus(f"HTTP {status}", url=url, status=status)
        media, text, encoding = await read_body(url, resp, accept, self.policy.max_body_bytes)
        return Page(
            url=url,
            final_url=str(resp.url),
            status=status,
            content_type=media,
            text=text,
            encoding=encoding,
            etag=etag,
            last_modified=modified,
            elapsed=time.perf_counter() - started,
        )

    async def _load_robots(self, origin: str) -> Robots:
        """robots.txt of ``origin`` through the host's gate; its Crawl-delay (capped)
        widens the gap between the host's request starts."""
        url = origin + "/robots.txt"
        robots = await load_robots(
            self._client_for(url),
            url,
            gate=self._turn,
            timeout=self.policy.timeout * 3,
            ttl=self.policy.robots_ttl,
            now=self._clock(),
        )
        crawl_delay = robots.crawl_delay(self.policy.user_agent)
        host = self._hosts.get(urlsplit(origin).netloc)
        if crawl_delay and host is not None:
            host.delay = max(self.policy.min_host_delay, min(crawl_delay, _CRAWL_DELAY_CAP))
        return robots


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), or None."""
    if not value or not value.strip():
        return None
    value = value.strip()
    with contextlib.suppress(ValueError):
        seconds = float(value)
        return seconds if seconds >= 0 else None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
