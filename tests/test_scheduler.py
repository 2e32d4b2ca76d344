"""The schedule (monitor.scheduler) on a real asyncio loop and APScheduler."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from monitor.scheduler import Scheduler


async def _nothing() -> None:
    return None


def test_a_job_not_started_at_once_runs_one_period_later() -> None:
    """A digest waits a period, then runs: APScheduler reads an explicit first run of
    None as a paused job, which would keep digests waiting for ever."""

    async def main() -> dict[str, datetime | None]:
        scheduler = Scheduler(first_spread=1.0)
        scheduler.every("digest:daily", 3600, _nothing, start_now=False)
        scheduler.every("poll:trend", 600, _nothing)
        scheduler.start()
        try:
            return scheduler.jobs()
        finally:
            scheduler.shutdown()

    before = datetime.now(UTC)
    jobs = asyncio.run(main())
    digest, poll = jobs["digest:daily"], jobs["poll:trend"]
    assert digest is not None and poll is not None
    assert before + timedelta(minutes=59) < digest < before + timedelta(minutes=61)
    assert poll < before + timedelta(seconds=5)


def test_jobs_run_on_the_loop() -> None:
    ran: list[str] = []

    async def main() -> None:
        done = asyncio.Event()

        async def task() -> None:
            ran.append("poll")
            done.set()

        scheduler = Scheduler(first_spread=0.0)
        scheduler.every("poll:x", 3600, task)
        scheduler.start()
        try:
            await asyncio.wait_for(done.wait(), 10)
        finally:
            scheduler.shutdown()

    asyncio.run(main())
    assert ran == ["poll"]
