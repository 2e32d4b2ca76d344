"""Fetching pages and feeds politely: the only module that imports httpx and protego.

One :class:`Fetcher` holds one shared ``httpx.AsyncClient`` for a whole run. Every
failure leaves as a :class:`~monitor.errors.FetchError` subclass carrying the URL and a
human reason; no httpx exception escapes this module.

Politeness
    Per host (``host:port``) at most ``per_host_concurrency`` requests are in flight and
    two request starts are at least ``min_host_delay`` seconds apart, across all
    concurrent callers. A ``Crawl-delay`` in robots.txt raises that gap (capped at 30 s).
    Retries and robots.txt requests go through the same gate. The User-Agent names the
    project and the operator's contact URL.

Retries
    Timeouts, connection errors (refused, reset, dropped mid-answer), 5xx, 408 and 429
    are retried up to ``max_retries`` times. The wait is ``Retry-After`` (seconds or an
    HTTP date) when the answer has one, else exponential backoff with full jitter,
    ``rand() * backoff_base * 2 ** (attempt - 1)``; either is capped at ``backoff_max``.
    Other 4xx, a redirect loop, a too-large body and a wrong content type are never
    retried. After the last attempt the matching error is raised, e.g. ``HTTP 503 after
    4 attempts``. A 304 answer to a conditional GET is a :class:`Page` with
    ``not_modified=True``, not an error.

robots.txt (Google's convention)
    Fetched once per origin and cached for ``robots_ttl`` seconds. 2xx: parsed with
    protego (truncated at 500 KB); 4xx (except 429) or too many redirects: everything is
    allowed; 429, 5xx or unreachable: everything is disallowed for a short while
    (5 minutes), then robots.txt is asked again. A disallowed URL raises
    :class:`RobotsDisallowed` and logs a warning on ``monitor.fetch``. Only the requested
    URL is checked, not the hops of its redirects.

Bodies and charsets
    The body is streamed and refused (:class:`FetchTooLarge`) as soon as it passes
    ``max_body_bytes`` (or when Content-Length already says so). For ``accept="html"`` or
    ``"feed"`` a type that is neither HTML nor XML/a feed (PDF, images...) raises
    :class:`NotHTML` before the body is read; ``text/plain``, ``octet-stream`` or no type
    are accepted when the body starts like markup. The text is decoded with the first
    charset that decodes it strictly: a byte-order mark; UTF-8 when the body has non-ASCII
    bytes (valid UTF-8 is never an accident, so a header or a ``<meta>`` that lies about
    it loses; a few broken bytes in an otherwise UTF-8 body are replaced); the
    Content-Type charset; ``<meta charset>`` in the first 2 KB (see ``monitor.charset``);
    the XML declaration (not for ``text/html``); then windows-1251 (Russian and older
    Azerbaijani sites) and latin-1, which decodes anything. A declared charset that fails
    to decode (cp1251 bytes under ``charset=utf-8``) is skipped.
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import dataclasses
import email.utils
import logging
import random
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal
from urllib.parse import urlsplit

import httpx
from protego import Protego

from monitor import __version__
from monitor.charset import decode_body
from monitor.errors import (
    FetchConnectError,
    FetchError,
    FetchHTTPStatus,
    FetchRedirectLoop,
    FetchTimeout,
    FetchTooLarge,
    NotHTML,
    RobotsDisallowed,
)

log = logging.getLogger("monitor.fetch")

Accept = Literal["html", "feed", "any"]

_ACCEPT_HEADER = {
    "html": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
    "feed": "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,"
    "*/*;q=0.5",
    "any": "*/*",
}
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_FEED_TYPES = frozenset(
    {"application/xml", "text/xml", "application/feed+json", "application/json"}
)
_SNIFF_TYPES = frozenset({"", "text/plain", "application/octet-stream", "binary/octet-stream"})
_RETRY_STATUSES = frozenset({408, 429})
_ROBOTS_MAX_BYTES = 500_000
_ROBOTS_ERROR_TTL = 300.0
_CRAWL_DELAY_CAP = 30.0


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
        reason = f"{self.reason} after {attempts} attempt{'s' if attempts > 1 else ''}"
        if self.kind is FetchHTTPStatus:
            return FetchHTTPStatus(reason, url=url, status=self.status)
        return self.kind(reason, url=url)


@dataclass
class _Host:
    slots: asyncio.Semaphore
    delay: float
    next_start: float = float("-inf")


@dataclass
class _Robots:
    rules: Protego | None  # None: unreachable, disallow everything until ``expires``
    reason: str
    expires: float


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
        self._client: httpx.AsyncClient | None = None
        self._hosts: dict[str, _Host] = {}
        self._robots: dict[str, _Robots] = {}
        self._robots_locks: dict[str, asyncio.Lock] = {}

    async def __aenter__(self) -> Fetcher:
        p = self.policy
        self._client = httpx.AsyncClient(
            headers={"User-Agent": p.user_agent},
            timeout=httpx.Timeout(p.timeout),
            follow_redirects=True,
            max_redirects=p.max_redirects,
            transport=self._transport,
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def fetch(
        self, url: str, conditional: Conditional | None = None, *, accept: Accept = "html"
    ) -> Page:
        """GET ``url`` with retries; raise a :class:`FetchError` subclass on failure."""
        if self._client is None:
            raise RuntimeError("Fetcher.fetch() outside 'async with Fetcher(...)'")
        try:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise FetchError("not an http(s) URL", url=url)
            if self.policy.respect_robots:
                await self._check_robots(url)
            headers = {"Accept": _ACCEPT_HEADER[accept]}
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
        """Hold one of the host's slots, starting no sooner than its delay allows."""
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
            self.stats.requests += 1
            yield

    async def _attempt(
        self, url: str, headers: dict[str, str], accept: Accept, conditional: Conditional | None
    ) -> Page:
        assert self._client is not None
        async with self._turn(url):
            started = time.perf_counter()
            try:
                async with (
                    asyncio.timeout(self.policy.timeout * 3),
                    self._client.stream("GET", url, headers=headers) as resp,
                ):
                    return await self._answer(url, resp, accept, conditional, started)
            except (TimeoutError, httpx.TimeoutException) as exc:
                raise _Retry(FetchTimeout, f"timed out ({exc.__class__.__name__})") from exc
            except httpx.TooManyRedirects as exc:
                reason = f"redirect loop (more than {self.policy.max_redirects} redirects)"
                raise FetchRedirectLoop(reason, url=url) from exc
            except httpx.ConnectError as exc:
                raise _Retry(FetchConnectError, f"cannot connect ({exc})") from exc
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
        media, _, params = resp.headers.get("content-type", "").partition(";")
        media = media.strip().lower()
        charset = _param(params, "charset")
        known = media in _HTML_TYPES or media in _FEED_TYPES or media.endswith("+xml")
        if accept != "any" and not known and media not in _SNIFF_TYPES:
            raise NotHTML(f"not a page or a feed ({media})", url=url)
        declared = resp.headers.get("content-length", "")
        limit = self.policy.max_body_bytes
        if declared.isdigit() and int(declared) > limit:
            raise FetchTooLarge(f"body of {declared} bytes is over the {limit} limit", url=url)
        body = bytearray()
        async for chunk in resp.aiter_bytes():
            body += chunk
            if len(body) > limit:
                raise FetchTooLarge(f"body is over the {limit} byte limit", url=url)
        data = bytes(body)
        if accept != "any" and not known and not _looks_like_markup(data, accept):
            raise NotHTML(f"not a page or a feed ({media or 'no content type'})", url=url)
        text, encoding = decode_body(data, charset, media)
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

    async def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.path == "/robots.txt":
            return
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        robots = self._robots.get(origin)
        if robots is None or robots.expires <= self._clock():
            lock = self._robots_locks.setdefault(origin, asyncio.Lock())
            async with lock:
                robots = self._robots.get(origin)
                if robots is None or robots.expires <= self._clock():
                    robots = self._robots[origin] = await self._load_robots(origin)
        if robots.rules is None:
            log.warning(
                "robots.txt of %s is unreachable (%s); not fetching %s", origin, robots.reason, url
            )
            raise RobotsDisallowed(f"robots.txt is unreachable ({robots.reason})", url=url)
        if not robots.rules.can_fetch(url, self.policy.user_agent):
            log.warning("robots.txt of %s disallows %s", origin, url)
            raise RobotsDisallowed("disallowed by robots.txt", url=url)

    async def _load_robots(self, origin: str) -> _Robots:
        """One attempt at ``origin/robots.txt``, read per Google's convention."""
        assert self._client is not None
        url = origin + "/robots.txt"
        now = self._clock()
        try:
            async with (
                self._turn(url),
                asyncio.timeout(self.policy.timeout * 3),
                self._client.stream("GET", url, headers={"Accept": "text/plain,*/*;q=0.5"}) as resp,
            ):
                status = resp.status_code
                if status >= 500 or status == 429:
                    return _Robots(None, f"HTTP {status}", now + _ROBOTS_ERROR_TTL)
                if not 200 <= status < 300:
                    return _Robots(
                        Protego.parse(""), f"HTTP {status}", now + self.policy.robots_ttl
                    )
                body = bytearray()
                async for chunk in resp.aiter_bytes():
                    body += chunk
                    if len(body) >= _ROBOTS_MAX_BYTES:
                        break
        except httpx.TooManyRedirects:
            return _Robots(Protego.parse(""), "redirect loop", now + self.policy.robots_ttl)
        except (TimeoutError, httpx.HTTPError, httpx.InvalidURL) as exc:
            return _Robots(None, exc.__class__.__name__, now + _ROBOTS_ERROR_TTL)
        rules = Protego.parse(bytes(body[:_ROBOTS_MAX_BYTES]).decode("utf-8", errors="replace"))
        crawl_delay = rules.crawl_delay(self.policy.user_agent)
        host = self._hosts.get(urlsplit(origin).netloc)
        if crawl_delay and host is not None:
            host.delay = max(self.policy.min_host_delay, min(float(crawl_delay), _CRAWL_DELAY_CAP))
        return _Robots(rules, "ok", now + self.policy.robots_ttl)


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


def _param(params: str, name: str) -> str | None:
    for part in params.split(";"):
        key, _, value = part.partition("=")
        if key.strip().lower() == name:
            return value.strip().strip("\"'") or None
    return None


def _looks_like_markup(body: bytes, accept: Accept) -> bool:
    """A body without a useful content type: markup, or JSON for a feed."""
    start = body[:512].removeprefix(codecs.BOM_UTF8).lstrip()
    return start.startswith(b"<") or (accept == "feed" and start.startswith(b"{"))


async def post(
    url: str,
    body: bytes,
    headers: dict[str, str],
    *,
    timeout: float,
    transport: httpx.AsyncBaseTransport | None = None,
) -> int:
    """POST ``body`` once with a client of its own (see :class:`Poster` to keep one)."""
    async with Poster(transport=transport) as poster:
        return await poster(url, body, headers, timeout=timeout)


class Poster:
    """POSTs for alert webhooks through one client, so connections are kept alive.

    ``await poster(url, body, headers, timeout=...)`` sends once (no retry, no redirect)
    and returns the status; the answer's body is not read; ``timeout`` bounds the whole
    request. Failures leave as :class:`FetchTimeout`, :class:`FetchConnectError` or
    :class:`FetchError`. Close it with ``aclose()`` (or use ``async with``).
    """

    def __init__(self, *, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._transport = transport
        self._client: httpx.AsyncClient | None = None

    async def __aenter__(self) -> Poster:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def __call__(
        self, url: str, body: bytes, headers: dict[str, str], *, timeout: float
    ) -> int:
        if self._client is None:
            self._client = httpx.AsyncClient(
                headers={"User-Agent": FetchPolicy().user_agent},
                transport=self._transport,
            )
        try:
            async with (
                asyncio.timeout(timeout),
                self._client.stream(
                    "POST", url, content=body, headers=headers, timeout=httpx.Timeout(timeout)
                ) as resp,
            ):
                return resp.status_code
        except (TimeoutError, httpx.TimeoutException) as exc:
            raise FetchTimeout(f"timed out ({exc.__class__.__name__})", url=url) from exc
        except httpx.ConnectError as exc:
            raise FetchConnectError(f"cannot connect ({exc})", url=url) from exc
        except (httpx.NetworkError, httpx.RemoteProtocolError) as exc:
            raise FetchConnectError(f"connection dropped ({exc})", url=url) from exc
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise FetchError(f"{exc.__class__.__name__}: {exc}", url=url) from exc
