"""Alert delivery: the outbox worker beside a bare signed POST loop, and the time from an
article being stored to its webhook arriving.

    python bench/bench_alerts.py [--alerts 200] [--articles 15]

Everything goes to a ``tests/receivers.WebhookReceiver`` on 127.0.0.1 that verifies the
Standard Webhooks signature of every request (an unverified one fails the run).

* throughput, monitor: ``--alerts`` new-story alerts enqueued in the outbox of a temporary
  SQLite archive (``outbox.enqueue``), then ``DeliveryWorker.flush()`` timed until all
  are delivered (claim, sign, POST, mark delivered);
* throughput, limit: the same signed bodies POSTed by one ``httpx.AsyncClient`` one after
  another (keep-alive), with nothing else;
* throughput, bare POST with a new client per request: what ``monitor.fetch.post`` does
  for every alert, to tell the worker's own cost from the client's;
* latency: ``--articles`` fresh ICESCO articles, each a new story, go one at a time
  through the real pipeline (``Pipeline.prepare`` then ``Store.add_articles``, which
  queues the alert in the storing transaction) while ``DeliveryWorker.run(stop)`` runs
  with its default settings, as ``monitor run`` starts it; the time is from just before
  ``add_articles`` returns (taken right after it) to the arrival of the webhook at the
  receiver. A random pause before each article keeps it out of step with the worker's
  wake-ups, as real news is. Median and p95 are printed.

Takes about 1.5 minutes (most of it the monitor's flush and the new-client loop).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import textwrap
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import httpx
from _local import SHIPPED, percentile
from receivers import SECRET, WebhookReceiver

from monitor.alerts import new_alert, sample_alert
from monitor.app import App, build
from monitor.delivery import DeliveryWorker, FlushReport
from monitor.records import RawArticle
from monitor.settings import Settings
from monitor.store import outbox

COUNTRIES = [
    ("Morocco", "Rabat", "Nasser Bourita"),
    ("Azerbaijan", "Baku", "Jeyhun Bayramov"),
    ("Uzbekistan", "Tashkent", "Bakhtiyor Saidov"),
    ("Egypt", "Cairo", "Badr Abdelatty"),
    ("Senegal", "Dakar", "Yassine Fall"),
    ("Indonesia", "Jakarta", "Sugiono"),
    ("Jordan", "Amman", "Ayman Safadi"),
    ("Kazakhstan", "Astana", "Murat Nurtleu"),
]
EVENTS = [
    "signs a cooperation agreement with",
    "opens a heritage exhibition in",
    "announces a youth science award for",
    "holds a conference on manuscripts in",
    "launches a teacher training programme in",
]
WORDS = [
    "digital",
    "archive",
    "literacy",
    "water",
    "climate",
    "museum",
    "library",
    "university",
    "grant",
    "robotics",
]


class TimedReceiver(WebhookReceiver):
    """A WebhookReceiver that also notes when each webhook-id arrived (time.monotonic)."""

    def __init__(self) -> None:
        super().__init__(secret=SECRET)
        self.arrival: dict[str, float] = {}
        self.changed = threading.Condition()

    def start(self) -> TimedReceiver:
        super().start()
        # Without TCP_NODELAY every answer stalls ~40 ms (Nagle + delayed ACK) between
        # its headers and its body, which would hide everything else in these timings.
        assert self._server is not None
        self._server.RequestHandlerClass.disable_nagle_algorithm = True  # type: ignore[attr-defined]
        return self

    def _handle(self, handler, body: bytes) -> None:  # type: ignore[no-untyped-def]
        arrived = time.monotonic()
        super()._handle(handler, body)
        with self.changed:
            self.arrival.setdefault(handler.headers.get("webhook-id", ""), arrived)
            self.changed.notify_all()


def config_text(url: str) -> str:
    return SHIPPED.read_text(encoding="utf-8") + textwrap.dedent(
        f"""
        [channels.hook]
        type = "webhook"
        url = "{url}"
        secret_env = "BENCH_HOOK_SECRET"

        [[alerts]]
        name = "icesco-all"
        topics = ["icesco"]
        channels = ["hook"]
        """
    )


def make_app(tmp: Path, url: str, name: str) -> App:
    config = tmp / f"{name}.toml"
    config.write_text(config_text(url), encoding="utf-8")
    return build(Settings(config=str(config), database_url=f"sqlite:///{tmp}/{name}.db"))


async def bare_posts(receiver: TimedReceiver, app: App, alerts, *, reuse: bool) -> float:
    """POST the signed bodies one after another: one client (reuse) or one per request."""
    notifier = app.notifiers()["hook"]
    signed = []
    for alert in alerts:
        body = notifier.body(alert)  # type: ignore[attr-defined]
        signed.append((body, notifier.headers(alert, body, int(time.time()))))  # type: ignore[attr-defined]
    started = time.perf_counter()
    if reuse:
        async with httpx.AsyncClient(timeout=30) as client:
            for body, headers in signed:
                (await client.post(receiver.url, content=body, headers=headers)).raise_for_status()
    else:
        for body, headers in signed:
            async with httpx.AsyncClient(timeout=30) as client:
                (await client.post(receiver.url, content=body, headers=headers)).raise_for_status()
    return time.perf_counter() - started


def throughput(tmp: Path, n: int) -> tuple[float, float, float]:
    story = sample_alert().payload["story"]
    with TimedReceiver() as receiver, make_app(tmp, receiver.url, "throughput") as app:
        alerts = [
            new_alert("new_story", {"story": story}, rule="icesco-all", topics=["icesco"])
            for _ in range(n)
        ]
        rows = [outbox.row_for(a, "hook", f"bench|{i}") for i, a in enumerate(alerts)]
        with app.store.engine.begin() as conn:
            assert outbox.enqueue(conn, rows) == n
        worker = app.delivery_worker()
        started = time.perf_counter()
        report = asyncio.run(flush_and_close(worker))
        flush = time.perf_counter() - started
        assert report.delivered == n and not report.errors, report
        assert len(receiver.verified) == n == len(receiver.deliveries)
        limit = asyncio.run(bare_posts(receiver, app, alerts, reuse=True))
        fresh = asyncio.run(bare_posts(receiver, app, alerts, reuse=False))
        assert len(receiver.verified) == 3 * n == len(receiver.deliveries)
    return flush, limit, fresh


def article(i: int, now: datetime) -> RawArticle:
    rng = random.Random(i)
    country, city, minister = COUNTRIES[i % len(COUNTRIES)]
    event = EVENTS[(i // len(COUNTRIES)) % len(EVENTS)]
    words = " ".join(rng.sample(WORDS, 4))
    title = f"ICESCO {event} {country} on {words} (bulletin {i})"
    text = (
        f"{city}, {now:%B %d}. The Islamic World Educational, Scientific and Cultural "
        f"Organization (ICESCO) {event} {country} on {words}, the organization said today. "
        f"Minister {minister} attended the ceremony in {city}.\n\n"
        + " ".join(rng.choice(WORDS) for _ in range(120))
        + "."
    )
    url = f"https://news{i}.bench.test/news/{100000 + i}-icesco-{i}"
    return RawArticle(url=url, title=title, text=text, published=now, language="en", fetched_at=now)


async def flush_and_close(worker: DeliveryWorker) -> FlushReport:
    try:
        return await worker.flush()
    finally:
        await worker.aclose()


async def latencies(app: App, receiver: TimedReceiver, count: int) -> tuple[list[float], int]:
    stop = asyncio.Event()
    worker = app.delivery_worker()
    task = asyncio.create_task(worker.run(stop))
    rng = random.Random(1)
    measured, skipped = [], 0
    try:
        await asyncio.sleep(0.2)
        for i in range(count):
            await asyncio.sleep(rng.uniform(0.0, 5.0))  # out of step with the worker
            now = datetime.now(UTC)
            prepared = app.pipeline.prepare(article(i, now), now)
            assert prepared.matches, "the bench article must match the ICESCO topic"
            before = {item.alert_id for item in outbox.recent(app.store.engine, limit=5)}
            outcomes = await asyncio.to_thread(app.store.add_articles, [prepared])
            stored = time.monotonic()
            worker.wake()  # as the Poller does after storing in `monitor run`
            assert outcomes[0].status == "stored", outcomes
            queued = [
                item
                for item in outbox.recent(app.store.engine, limit=5)
                if item.alert_id not in before
            ]
            if not queued:  # joined an earlier story quietly: no alert to time
                skipped += 1
                continue
            ident = queued[0].alert_id

            def arrived(ident: str = ident) -> bool:
                with receiver.changed:
                    return receiver.changed.wait_for(lambda: ident in receiver.arrival, 30)

            assert await asyncio.to_thread(arrived), f"alert {ident} never arrived"
            measured.append(receiver.arrival[ident] - stored)
    finally:
        stop.set()
        await task
        await worker.aclose()
    return measured, skipped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--alerts", type=int, default=200)
    parser.add_argument("--articles", type=int, default=15)
    args = parser.parse_args()
    os.environ["BENCH_HOOK_SECRET"] = SECRET
    run_started = time.perf_counter()
    n = args.alerts
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        flush, limit, fresh = throughput(tmp, n)
        with TimedReceiver() as receiver, make_app(tmp, receiver.url, "latency") as app:
            measured, skipped = asyncio.run(latencies(app, receiver, args.articles))
            assert all(d.verified for d in receiver.deliveries)

    print(f"bench_alerts: {n} webhook alerts to a local verifying receiver (SQLite outbox)")
    print()
    print(f"{'':44}{'alerts':>8}{'seconds':>10}{'alerts/s':>10}{'vs limit':>10}")
    rows = [
        ("monitor: DeliveryWorker.flush()", flush),
        ("limit: bare signed POSTs, one client", limit),
        ("bare signed POSTs, a new client each", fresh),
    ]
    for label, seconds in rows:
        print(f"{label:44}{n:>8}{seconds:>10.2f}{n / seconds:>10.1f}{limit / seconds:>9.0%}")
    print(
        f"  monitor / limit: {limit / flush:.2f} (the worker delivers at {limit / flush:.0%} "
        f"of the bare loop's rate; {flush / n * 1000:.1f} ms vs {limit / n * 1000:.1f} ms "
        f"per alert)"
    )
    print()
    print(
        f"stored -> webhook arrived, {len(measured)} fresh articles through the pipeline with "
        f"DeliveryWorker.run() running ({skipped} joined a story without an alert):"
    )
    print(
        f"  median {statistics.median(measured):.2f} s, p95 {percentile(measured, 0.95):.2f} s, "
        f"min {min(measured):.2f} s, max {max(measured):.2f} s"
    )
    print(f"whole run: {time.perf_counter() - run_started:.0f} s")


if __name__ == "__main__":
    main()
