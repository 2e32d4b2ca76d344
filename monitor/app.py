"""The composition root: builds settings, config, store, fetcher, pipeline and schedule.

Nothing else constructs these; the CLI asks for an ``App`` and calls its methods.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from monitor import __version__
from monitor.alerts import Alert, Notifier, make_notifier, new_alert
from monitor.alerts.message import iso
from monitor.clustering import Clusterer
from monitor.config import Config, Source, load_config
from monitor.delivery import DeliveryWorker, RetryPolicy, queue_digest
from monitor.errors import ConfigError, DeliveryError
from monitor.fetch import Fetcher, FetchPolicy, Poster
from monitor.notify import AlertPlanner
from monitor.pipeline import Pipeline
from monitor.poll import Poller, PollReport
from monitor.scheduler import Scheduler
from monitor.settings import Settings
from monitor.store import Store, outbox
from monitor.store.core import OperatorPolicy

log = logging.getLogger("monitor")


@dataclass
class Unusable:
    """A channel whose notifier could not be built: each send fails with the reason."""

    name: str
    reason: str

    async def send(self, alert: Alert) -> None:
        raise DeliveryError(f"the channel is misconfigured: {self.reason}", channel=self.name)


@dataclass
class App:
    settings: Settings
    config: Config
    store: Store
    pipeline: Pipeline

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> App:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch_policy(self) -> FetchPolicy:
        s = self.settings
        return FetchPolicy(
            user_agent=f"monitor/{__version__} (+{s.contact_url})",
            contact_url=s.contact_url,
            timeout=s.timeout,
            max_retries=s.max_retries,
            backoff_max=s.backoff_max,
            per_host_concurrency=max(1, s.host_concurrency),
            max_connections=s.max_connections,
            min_host_delay=s.host_delay,
            max_body_bytes=s.max_body_bytes,
            respect_robots=s.respect_robots,
        )

    def fetcher(self, transport: Any = None) -> Fetcher:
        """The one HTTP client of a run; ``transport`` lets tests route hosts elsewhere."""
        return Fetcher(self.fetch_policy(), transport=transport)

    def notifier(
        self, name: str, environ: Mapping[str, str] | None = None, *, poster: Poster | None = None
    ) -> Notifier:
        """The notifier of one channel; a missing secret or a bad option is a ConfigError."""
        env = os.environ if environ is None else environ
        for channel in self.config.channels:
            if channel.name == name:
                return make_notifier(channel, env, poster=poster)
        known = ", ".join(sorted(c.name for c in self.config.channels)) or "none"
        raise ConfigError(f"unknown channel {name!r} (known: {known})", path=self.config.path)

    def notifiers(
        self, environ: Mapping[str, str] | None = None, *, poster: Poster | None = None
    ) -> dict[str, Notifier]:
        """One notifier per configured channel. A channel that cannot be built (a missing
        secret, a bad CA file) does not stop the others: its alerts fail with the reason."""
        built: dict[str, Notifier] = {}
        for channel in self.config.channels:
            try:
                built[channel.name] = self.notifier(channel.name, environ, poster=poster)
            except ConfigError as exc:
                log.error("channel %s cannot deliver: %s", channel.name, exc.message)
                built[channel.name] = Unusable(channel.name, exc.message)
        return built

    def retry_policy(self) -> RetryPolicy:
        s = self.settings
        return RetryPolicy(
            max_attempts=max(1, s.alert_max_attempts),
            base=s.alert_backoff,
            max_delay=s.alert_backoff_max,
            lease=s.alert_lease,
        )

    def delivery_worker(self) -> DeliveryWorker:
        # alerts held for quiet hours follow the rules as configured now: a rule whose quiet
        # hours were removed or shortened sends them when the worker starts
        quiet = {rule.name: rule.quiet_hours for rule in self.config.alerts}
        moved = outbox.release_quiet(self.store.engine, quiet, datetime.now(UTC))
        if moved:
            log.info(
                "%d alerts held for quiet hours are due sooner under the rules in force", moved
            )
        timeouts = {
            c.name: float(c.get("timeout")) for c in self.config.channels if c.get("timeout")
        }
        poster = Poster()  # one client for every webhook: connections are kept alive
        return DeliveryWorker(
            self.store.engine,
            self.notifiers(poster=poster),
            self.retry_policy(),
            timeouts=timeouts,
            closers=[poster.aclose],
        )

    def operator_policy(self) -> OperatorPolicy | None:
        """How the operator channel hears about failing sources, if one is configured."""
        channel = self.config.operator_channel
        if channel is None:
            return None

        def make_alert(kind: str, source: dict[str, Any], now: datetime) -> Alert:
            last = source.get("last_success")
            state = {**source, "last_success": iso(last) if last else None}
            return new_alert(kind, {"source": state}, created_at=now)

        return OperatorPolicy(channel, max(1, self.settings.operator_failures), make_alert)

    def poller(self, fetcher: Fetcher, *, after_store: Callable[[], None] | None = None) -> Poller:
        return Poller(
            self.pipeline,
            fetcher,
            max_articles=self.settings.max_articles,
            operator=self.operator_policy(),
            after_store=after_store,
        )

    async def poll_once(self, sources: Sequence[Source], transport: Any = None) -> list[PollReport]:
        async with self.fetcher(transport) as fetcher:
            return await self.poller(fetcher).poll_all(sources)

    async def run_service(self, stop: asyncio.Event | None = None, *, grace: float = 10.0) -> None:
        """Poll every enabled source on its schedule until SIGTERM/SIGINT or ``stop``."""
        stop = stop or asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, stop.set)
        running: set[asyncio.Task[PollReport]] = set()
        worker = self.delivery_worker() if self.config.channels else None
        async with self.fetcher() as fetcher:
            poller = self.poller(fetcher, after_store=worker.wake if worker else None)
            scheduler = Scheduler()

            def job(source: Source) -> Callable[[], Awaitable[PollReport]]:
                async def poll() -> PollReport:
                    task = asyncio.current_task()
                    assert task is not None
                    running.add(task)
                    try:
                        try:
                            report = await poller.poll(source)
                        except asyncio.CancelledError:  # stopping: not an error of the job
                            log.info("poll of %s abandoned at shutdown", source.name)
                            return PollReport(source.name, failure="abandoned at shutdown")
                        log.log(
                            logging.INFO if report.ok else logging.WARNING,
                            "polled %s: %d requests, %d not modified, %d new, %d stored, "
                            "%d left for the next poll, %d errors%s",
                            source.name,
                            report.requests,
                            report.not_modified,
                            report.new,
                            report.stored,
                            report.later,
                            len(report.errors),
                            "" if report.ok else f"; FAILED: {report.failure}",
                        )
                        return report
                    finally:
                        running.discard(task)

                return poll

            enabled = [s for s in self.config.sources if s.enabled]
            for source in enabled:
                scheduler.every(f"poll:{source.name}", source.interval, job(source))
            for rule in self.config.alerts:
                if rule.digest == "off":
                    continue
                period = timedelta(hours=1 if rule.digest == "hourly" else 24)
                scheduler.every(
                    f"digest:{rule.name}",
                    int(period.total_seconds()),
                    self._digest_job(
                        rule.name, list(rule.channels), list(rule.topics), period, worker
                    ),
                    start_now=False,
                )
            background: list[asyncio.Task[None]] = []
            fatal: list[BaseException] = []  # why the service stopped, when not asked to
            if worker is not None:
                background.append(asyncio.create_task(worker.run(stop), name="delivery"))
            if self.settings.api_enabled:
                from monitor.api import serve

                api = asyncio.create_task(
                    serve(
                        self, host=self.settings.api_host, port=self.settings.api_port, stop=stop
                    ),
                    name="api",
                )

                def api_ended(task: asyncio.Task[None]) -> None:
                    error = None if task.cancelled() else task.exception()
                    if error is not None:
                        log.error("stopping: %s", error)
                        fatal.append(error)
                        stop.set()

                api.add_done_callback(api_ended)
                background.append(api)
            scheduler.start()
            log.info(
                "monitor %s running: %d sources, archive %s; stop with Ctrl-C or SIGTERM",
                __version__,
                len(enabled),
                self.store.dialect,
            )
            await stop.wait()
            log.info("stopping: %d polls in flight", len(running))
            scheduler.shutdown()
            # the delivery worker starts no alert after the stop; one in flight gets the
            # grace period, then is cancelled (its lease makes it due again later)
            if background:
                _, late = await asyncio.wait(background, timeout=grace)
                for straggler in late:
                    straggler.cancel()
                await asyncio.gather(*background, return_exceptions=True)
            if worker is not None:
                await worker.aclose()
            if running:
                _, pending = await asyncio.wait(set(running), timeout=grace)
                for task in pending:
                    task.cancel()
                if pending:
                    log.info(
                        "abandoned %d polls; nothing half-written is kept, and the articles"
                        " they found are fetched at the next poll",
                        len(pending),
                    )
                    await asyncio.gather(*pending, return_exceptions=True)
        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.remove_signal_handler(sig)
        if fatal:  # a service manager must see the failure (exit 1), and restart it
            raise fatal[0]

    def _digest_job(
        self,
        rule: str,
        channels: list[str],
        topics: list[str],
        period: timedelta,
        worker: DeliveryWorker | None,
    ) -> Callable[[], Awaitable[int]]:
        async def job() -> int:
            now = datetime.now(UTC)
            queued = 0
            for channel in channels:
                queued += await asyncio.to_thread(
                    queue_digest, self.store.engine, rule, channel, topics, now, period
                )
            if queued and worker is not None:
                worker.wake()
            return queued

        return job


def configure_logging(level: str) -> None:
    logging.basicConfig(
        level=getattr(logging, level.upper(), logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # the scheduler's own "running job"/"executed" lines repeat what the poll log says
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    # httpx logs every request's URL at INFO: a webhook's URL may carry its secret
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    # alembic says "Context impl SQLiteImpl" at every start: news only when it migrates
    logging.getLogger("alembic").setLevel(logging.WARNING)


def build(settings: Settings) -> App:
    """Load sources.toml, open the archive, wire the pipeline."""
    config = load_config(settings.config)
    planner = AlertPlanner(config.alerts, max_age=timedelta(hours=settings.alert_max_age))
    store = Store(
        settings.database_url,
        clusterer=Clusterer(),
        on_story_changes=planner,
        headline_languages=settings.headline_languages,
    )
    store.sync_sources((s.name, s.homepage) for s in config.sources)
    return App(settings, config, store, Pipeline(config, store))
