"""POSTs for alert webhooks: one client kept alive, one attempt, httpx errors translated.

``monitor.alerts.webhook`` sends through :func:`post` or a shared :class:`Poster` (one
per run, made by ``monitor.app``); both are importable from ``monitor.fetch`` too. No
retry and no redirect here: the delivery worker (``monitor.delivery``) retries from the
outbox. The User-Agent is the fetcher's default one.
"""

from __future__ import annotations

import asyncio
from typing import NamedTuple

import httpx

from monitor.errors import FetchConnectError, FetchError, FetchTimeout


class Answer(NamedTuple):
    """A receiver's answer: its status and, when it asks for a pause (429, 503), the
    seconds its ``Retry-After`` header gives."""

    status: int
    retry_after: float | None = None


async def post(
    url: str,
    body: bytes,
    headers: dict[str, str],
    *,
    timeout: float,
    transport: httpx.AsyncBaseTransport | None = None,
) -> Answer:
    """POST ``body`` once with a client of its own (see :class:`Poster` to keep one)."""
    async with Poster(transport=transport) as poster:
        return await poster(url, body, headers, timeout=timeout)


class Poster:
    """POSTs for alert webhooks through one client, so connections are kept alive.

    ``await poster(url, body, headers, timeout=...)`` sends once (no retry, no redirect)
    and returns the status and any ``Retry-After``; the answer's body is not read;
    ``timeout`` bounds the whole request. Failures leave as :class:`FetchTimeout`,
    :class:`FetchConnectError` or :class:`FetchError`. Close it with ``aclose()`` (or use
    ``async with``).
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
    ) -> Answer:
        if self._client is None:
            from monitor.fetch import FetchPolicy  # monitor.fetch imports this module

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
                if resp.status_code < 300:
                    return Answer(resp.status_code)
                from monitor.fetch import retry_after_seconds

                return Answer(
                    resp.status_code, retry_after_seconds(resp.headers.get("retry-after"))
                )
        except (TimeoutError, httpx.TimeoutException) as exc:
            raise FetchTimeout(f"timed out ({exc.__class__.__name__})", url=url) from exc
        except httpx.ConnectError as exc:
            raise FetchConnectError(f"cannot connect ({exc})", url=url) from exc
        except (httpx.NetworkError, httpx.RemoteProtocolError) as exc:
            raise FetchConnectError(f"connection dropped ({exc})", url=url) from exc
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise FetchError(f"{exc.__class__.__name__}: {exc}", url=url) from exc
