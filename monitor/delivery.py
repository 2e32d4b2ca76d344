"""The delivery worker: takes due alerts from the outbox and hands them to their channel.

At least once, never lost: an alert is leased (its attempt counted, its next attempt
pushed a lease into the future) before it is sent, and marked delivered only after the
channel accepted it. A process killed mid-send leaves it due again after the lease, with
the same alert id (the webhook-id and e-mail Message-ID), so receivers can drop repeats.
Failures retry with exponential backoff and full jitter, capped, over hours; after the
last attempt the alert is recorded as failed with its last error.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine

from monitor.alerts import Notifier, alert_from_payload, new_alert
from monitor.alerts.message import iso
from monitor.errors import DeliveryError
from monitor.store import outbox
from monitor.store.outbox import OutboxItem

# the longest pause a receiver's Retry-After may impose on one alert (its attempts count)
MAX_RETRY_AFTER = 6 * 3600.0

log = logging.getLogger("monitor.delivery")


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 10
    base: float = 30.0  # seconds before the first retry (times 2 per attempt)
    max_delay: float = 3600.0
    lease: float = 300.0  # an in-flight alert is due again after this long
    timeout: float = 30.0  # per attempt, unless the channel sets its own

    def delay(self, attempts: int, rand: Callable[[], float]) -> float:
        ceiling = min(self.max_delay, self.base * 2 ** max(0, attempts - 1))
        return ceiling / 2 + rand() * ceiling / 2  # jitter in [ceiling/2, ceiling]


@dataclass
class FlushReport:
    delivered: int = 0
    retried: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


class DeliveryWorker:
    def __init__(
        self,
        engine: Engine,
        notifiers: Mapping[str, Notifier],
        policy: RetryPolicy | None = None,
        *,
        timeouts: Mapping[str, float] | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        rand: Callable[[], float] = random.random,
        closers: Sequence[Callable[[], Awaitable[None]]] = (),
    ) -> None:
        self.engine = engine
        self.notifiers = notifiers
        self._closers = list(closers)
        self._wakes: list[asyncio.Event] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self.policy = policy or RetryPolicy()
        self.timeouts = dict(timeouts or {})
        self.clock = clock
        self.rand = rand

    async def deliver(self, item: OutboxItem, report: FlushReport) -> None:
        notifier = self.notifiers.get(item.channel)
        try:
            if notifier is None:
                raise DeliveryError("the channel is no longer configured", channel=item.channel)
            alert = alert_from_payload(item.payload)
            timeout = self.timeouts.get(item.channel, self.policy.timeout)
            try:
                await asyncio.wait_for(notifier.send(alert), timeout=timeout + 5)
            except TimeoutError:
                raise DeliveryError(f"timed out after {timeout:g}s", channel=item.channel) from None
        except (DeliveryError, ValueError) as exc:
            error = str(exc)
            report.errors.append(f"{item.alert_id}: {error}")
            if notifier is None or item.attempts >= self.policy.max_attempts:
                await asyncio.to_thread(outbox.mark_failed, self.engine, item.id, error)
                report.failed += 1
                log.error("alert %s to %s failed for good: %s", item.alert_id, item.channel, error)
            else:
                wait = self.policy.delay(item.attempts, self.rand)
                asked = getattr(exc, "retry_after", None)  # a receiver's Retry-After
                if asked is not None:
                    wait = max(wait, min(float(asked), MAX_RETRY_AFTER))
                due = self.clock() + timedelta(seconds=wait)
                await asyncio.to_thread(outbox.mark_retry, self.engine, item.id, error, due)
                report.retried += 1
                log.warning(
                    "alert %s to %s: %s; attempt %d of %d, next in %.0fs",
                    item.alert_id,
                    item.channel,
                    error,
                    item.attempts,
                    self.policy.max_attempts,
                    wait,
                )
            return
        await asyncio.to_thread(outbox.mark_delivered, self.engine, item.id, self.clock())
        report.delivered += 1
        log.info("alert %s delivered to %s", item.alert_id, item.channel)

    async def flush(self, *, batch: int = 50, stop: asyncio.Event | None = None) -> FlushReport:
        """Deliver what was due when the flush began, then return (``monitor alerts
        flush``): each alert is attempted at most once (one retried without backoff is
        due again, for the next flush).

        Each channel is served on its own (see :meth:`_serve`); once ``stop`` is set no
        further alert is started."""
        report = FlushReport()
        started = self.clock()
        lanes = self._lanes()
        await asyncio.gather(*(self._serve(c, report, stop, batch, started) for c in lanes))
        return report

    def _lanes(self) -> list[str | None]:
        """Every configured channel, and None: the alerts of channels no longer configured."""
        return [*sorted(self.notifiers), None]

    async def _serve(
        self,
        channel: str | None,
        report: FlushReport,
        stop: asyncio.Event | None,
        batch: int,
        started: datetime,
    ) -> None:
        """Deliver one channel's alerts due at ``started``, in order, until none is left.

        A slow or failing receiver delays only its own alerts. The channel takes as many
        at a time as it can try within the lease (``lease / (timeout + 5)``, at most
        ``batch``), so none is due again while it waits its turn. Once ``stop`` is set
        the alerts taken but not tried are given back, their attempt uncounted."""
        timeout = self.timeouts.get(channel or "", self.policy.timeout)
        size = max(1, min(batch, int(self.policy.lease // (timeout + 5))))
        while stop is None or not stop.is_set():
            items = await asyncio.to_thread(
                outbox.claim_due,
                self.engine,
                started,
                limit=size,
                lease=self.policy.lease,
                channels=[channel] if channel is not None else None,
                other_than=sorted(self.notifiers) if channel is None else (),
            )
            if not items:
                return
            for n, item in enumerate(items):
                if stop is not None and stop.is_set():
                    rest = [i.id for i in items[n:]]
                    await asyncio.to_thread(outbox.release, self.engine, rest, self.clock())
                    return
                await self.deliver(item, report)

    def wake(self) -> None:
        """Deliver now: alerts were queued. Safe to call from any thread."""
        if self._loop is not None:
            for event in self._wakes:
                self._loop.call_soon_threadsafe(event.set)

    async def aclose(self) -> None:
        """Close what the channels hold open (the webhook client)."""
        for close in self._closers:
            await close()

    async def run(self, stop: asyncio.Event, *, idle: float = 5.0) -> None:
        """Deliver due alerts until ``stop`` is set, each channel on its own: a channel
        wakes at least every ``idle`` seconds, when its next alert is due, and at once
        when ``wake()`` says alerts were queued."""
        self._loop = asyncio.get_running_loop()
        lanes = self._lanes()
        self._wakes = [asyncio.Event() for _ in lanes]
        await asyncio.gather(
            *(self._keep_serving(c, w, stop, idle) for c, w in zip(lanes, self._wakes, strict=True))
        )

    async def _keep_serving(
        self, channel: str | None, wake: asyncio.Event, stop: asyncio.Event, idle: float
    ) -> None:
        while not stop.is_set():
            wake.clear()
            try:
                await self._serve(channel, FlushReport(), stop, 50, self.clock())
            except Exception:  # the worker must outlive a database hiccup
                log.exception("delivery round failed; trying again shortly")
            due = await asyncio.to_thread(outbox.next_due, self.engine)
            wait = idle
            if due is not None:
                wait = max(0.05, min(idle, (due - self.clock()).total_seconds()))
            stopped = asyncio.ensure_future(stop.wait())
            woken = asyncio.ensure_future(wake.wait())
            await asyncio.wait({stopped, woken}, timeout=wait, return_when=asyncio.FIRST_COMPLETED)
            for waiter in (stopped, woken):
                waiter.cancel()
            await asyncio.gather(stopped, woken, return_exceptions=True)


def queue_digest(
    engine: Engine, rule: str, channel: str, topics: list[str], now: datetime, period: timedelta
) -> int:
    """Fold the stories waiting for a digest into one alert; 1 if one was queued.

    A story with several entries (new, then followed up) is listed once, as its latest
    entry tells it. Taking the entries and queuing the digest is one transaction."""
    with engine.begin() as conn:
        latest: dict[Any, dict[str, Any]] = {}
        for item in outbox.take_digest(conn, rule, channel):
            story = item.payload.get("story")
            if story is not None:  # in the order first queued, as last told
                latest[story.get("id")] = story
        if not latest:
            return 0
        stories = list(latest.values())
        body = {"period": {"start": iso(now - period), "end": iso(now)}, "stories": stories}
        alert = new_alert("digest", body, rule=rule, topics=topics, created_at=now)
        key = f"{rule}|{channel}|digest|{iso(now)}"
        return outbox.enqueue(conn, [outbox.row_for(alert, channel, key)])
