"""The schedule: the only module that imports APScheduler (3.x, asyncio).

One job per source at its interval, jittered so that outlets are not all polled in the
same second, coalesced (a poll missed while the machine slept runs once, not N times) and
limited to one instance (never two polls of one source at once). The first poll of each
source starts shortly after start-up, spread over ``first_spread`` seconds.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from apscheduler.events import EVENT_JOB_MAX_INSTANCES, JobExecutionEvent
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

log = logging.getLogger("monitor.scheduler")

Task = Callable[[], Awaitable[object]]


class Scheduler:
    """Runs named async tasks at intervals on the running asyncio loop."""

    def __init__(
        self,
        *,
        jitter_fraction: float = 0.1,
        first_spread: float = 5.0,
        rng: random.Random | None = None,
    ) -> None:
        self._scheduler = AsyncIOScheduler(timezone=UTC)
        self._scheduler.add_listener(self._skipped, EVENT_JOB_MAX_INSTANCES)
        self.jitter_fraction = jitter_fraction
        self.first_spread = first_spread
        self.rng = rng or random.Random()

    @staticmethod
    def _skipped(event: JobExecutionEvent) -> None:
        log.info("%s is still running; this turn is skipped", event.job_id)

    def every(self, name: str, seconds: int, task: Task, *, start_now: bool = True) -> None:
        """Run ``task`` every ``seconds`` (± jitter), never two at once: first within
        ``first_spread`` seconds, or one period from now when not ``start_now`` (a digest
        sends what a period gathered). APScheduler reads an explicit ``next_run_time`` of
        None as a paused job, so a first run is always given."""
        jitter = max(1, int(seconds * self.jitter_fraction))
        first = datetime.now(UTC) + timedelta(seconds=self.rng.uniform(0, self.first_spread))
        if not start_now:
            first = datetime.now(UTC) + timedelta(seconds=seconds)
        self._scheduler.add_job(
            task,
            IntervalTrigger(seconds=seconds, jitter=jitter, timezone=UTC),
            id=name,
            name=name,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=max(30, seconds // 2),
            next_run_time=first,
            replace_existing=True,
        )

    def jobs(self) -> dict[str, datetime | None]:
        """Each job's next run time."""
        return {job.id: job.next_run_time for job in self._scheduler.get_jobs()}

    def start(self) -> None:
        self._scheduler.start()

    def shutdown(self) -> None:
        """Stop scheduling; running tasks are left to the caller to await or cancel."""
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)
