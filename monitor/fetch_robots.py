"""robots.txt for the fetcher, read per Google's convention: the only protego importer.

Fetched once per origin and cached for ``robots_ttl`` seconds. 2xx: parsed with protego
(truncated at 500 KB); 4xx (except 429) or too many redirects: everything is allowed;
429, 5xx or unreachable: everything is disallowed for a short while (5 minutes), then
robots.txt is asked again. A disallowed URL raises :class:`RobotsDisallowed` and logs a
warning on ``monitor.fetch``. Only the requested URL is checked, not the hops of its
redirects.

:class:`RobotsCache` holds the answers of one :class:`~monitor.fetch.Fetcher`, which
loads each with :func:`load_robots` through its own client and per-host gate (and raises
the host's gap to its ``Crawl-delay``, see ``monitor.fetch``).
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx
from protego import Protego

from monitor.errors import RobotsDisallowed

log = logging.getLogger("monitor.fetch")  # the fetcher's logger: one name for operators

ROBOTS_MAX_BYTES = 500_000
ROBOTS_ERROR_TTL = 300.0


@dataclass
class Robots:
    """The robots.txt of one origin, as read at one time."""

    rules: Protego | None  # None: unreachable, disallow everything until ``expires``
    reason: str
    expires: float

    def crawl_delay(self, user_agent: str) -> float | None:
        """The ``Crawl-delay`` for ``user_agent`` in seconds, or None."""
        delay = self.rules.crawl_delay(user_agent) if self.rules is not None else None
        return float(delay) if delay else None


class RobotsCache:
    """robots.txt per origin: loaded by ``load`` once while many callers wait, kept until
    it expires by ``clock`` (monotonic seconds)."""

    def __init__(
        self,
        load: Callable[[str], Awaitable[Robots]],
        *,
        user_agent: str,
        clock: Callable[[], float],
    ) -> None:
        self._load, self._user_agent, self._clock = load, user_agent, clock
        self._robots: dict[str, Robots] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def check(self, url: str) -> None:
        """Raise :class:`RobotsDisallowed` unless robots.txt lets us fetch ``url``."""
        parts = urlsplit(url)
        if parts.path == "/robots.txt":
            return
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        robots = self._robots.get(origin)
        if robots is None or robots.expires <= self._clock():
            lock = self._locks.setdefault(origin, asyncio.Lock())
            async with lock:
                robots = self._robots.get(origin)
                if robots is None or robots.expires <= self._clock():
                    robots = self._robots[origin] = await self._load(origin)
        if robots.rules is None:
            log.warning(
                "robots.txt of %s is unreachable (%s); not fetching %s", origin, robots.reason, url
            )
            raise RobotsDisallowed(
                f"robots.txt is unreachable ({robots.reason})", url=url, lasting=False
            )
        if not robots.rules.can_fetch(url, self._user_agent):
            log.warning("robots.txt of %s disallows %s", origin, url)
            raise RobotsDisallowed("disallowed by robots.txt", url=url)


def network_reason(exc: BaseException) -> str:
    """Why a request failed, in words: the operating system's reason behind httpx's "All
    connection attempts failed" ("connection refused", "name or service not known")."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, OSError) and (seen.errno or seen.strerror):
            # asyncio's strerror is "Connect call failed (...)": the errno says more
            return (os.strerror(seen.errno) if seen.errno else str(seen.strerror)).lower()
        seen = seen.__cause__ or seen.__context__
    return str(exc) or exc.__class__.__name__


async def load_robots(
    client: httpx.AsyncClient,
    url: str,
    *,
    gate: Callable[[str], AbstractAsyncContextManager[None]],
    timeout: float,
    ttl: float,
    now: float,
) -> Robots:
    """One attempt at the robots.txt ``url`` (through ``gate(url)``, within ``timeout``
    seconds), kept ``ttl`` seconds from ``now`` when it answers."""
    try:
        async with (
            gate(url),
            asyncio.timeout(timeout),
            client.stream("GET", url, headers={"Accept": "text/plain,*/*;q=0.5"}) as resp,
        ):
            status = resp.status_code
            # read even an error page (up to the limit): a body left unread closes the
            # connection that the host's pages would use next
            body = bytearray()
            async for chunk in resp.aiter_bytes():
                body += chunk
                if len(body) >= ROBOTS_MAX_BYTES:
                    break
            if status >= 500 or status == 429:
                return Robots(None, f"HTTP {status}", now + ROBOTS_ERROR_TTL)
            if not 200 <= status < 300:
                return Robots(Protego.parse(""), f"HTTP {status}", now + ttl)
    except httpx.TooManyRedirects:
        return Robots(Protego.parse(""), "redirect loop", now + ttl)
    except (TimeoutError, httpx.HTTPError, httpx.InvalidURL) as exc:
        # what went wrong, not only its kind: "ConnectError: connection refused"
        if isinstance(exc, TimeoutError):
            reason = f"timed out after {timeout:g} s"
        else:
            reason = f"{exc.__class__.__name__}: {network_reason(exc)}"
        return Robots(None, reason, now + ROBOTS_ERROR_TTL)
    rules = Protego.parse(bytes(body[:ROBOTS_MAX_BYTES]).decode("utf-8", errors="replace"))
    return Robots(rules, "ok", now + ttl)
