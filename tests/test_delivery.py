"""The outbox and its delivery worker with real receivers: nothing lost, nothing doubled."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from receivers import SECRET, SmtpReceiver, WebhookReceiver, free_port

from monitor.alerts import make_notifier, new_alert
from monitor.config import Channel
from monitor.delivery import DeliveryWorker, FlushReport, RetryPolicy
from monitor.store import Store, outbox

pytestmark = pytest.mark.anyio

STORY = {
    "story": {
        "id": 7,
        "event_type": "meeting",
        "event_date": "2025-03-10",
        "place": "Rabat",
        "participants": [
            {"name": "Vusal Karimli", "role": "Deputy Minister of Culture", "organisation": None}
        ],
        "headline": "Deputy minister discusses heritage projects at ICESCO headquarters",
        "summary": "Azerbaijan's Deputy Minister of Culture met the ICESCO Director-General.",
        "articles": [],
    }
}


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def flush_until_done(worker: DeliveryWorker) -> FlushReport:
    """Flush again and again, as the running worker does, until nothing more is due."""
    total = FlushReport()
    while (report := await worker.flush()).delivered + report.retried + report.failed:
        total.delivered += report.delivered
        total.retried += report.retried
        total.failed += report.failed
    return total


def enqueue(store: Store, channel: str, key: str) -> str:
    alert = new_alert("new_story", STORY, rule="icesco-events", topics=["icesco"])
    with store.engine.begin() as conn:
        assert outbox.enqueue(conn, [outbox.row_for(alert, channel, key, story_id=7)]) == 1
    return alert.id


def webhook_channel(url: str) -> Channel:
    return Channel("hook", "webhook", (("secret_env", "HOOK_SECRET"), ("url", url)))


def instant(max_attempts: int = 10) -> RetryPolicy:
    return RetryPolicy(max_attempts=max_attempts, base=0.0, max_delay=0.0, lease=60.0, timeout=2.0)


async def test_500_three_times_then_200_is_delivered_once_with_one_webhook_id(
    database_url: str,
) -> None:
    with Store(database_url) as store, WebhookReceiver() as receiver:
        receiver.fail(3, status=500)
        alert_id = enqueue(store, "hook", "r|hook|story:7|new_story")
        notifier = make_notifier(webhook_channel(receiver.url), {"HOOK_SECRET": SECRET})
        worker = DeliveryWorker(store.engine, {"hook": notifier}, instant())
        report = await flush_until_done(worker)
        assert (report.delivered, report.retried, report.failed) == (1, 3, 0)
        assert [d.status for d in receiver.deliveries] == [500, 500, 500, 200]
        assert {d.headers["webhook-id"] for d in receiver.deliveries} == {alert_id}
        (item,) = outbox.recent(store.engine)
        assert item.status == "delivered" and item.attempts == 4 and item.delivered_at is not None


async def test_a_429_with_retry_after_waits_as_long_as_asked(tmp_path: Path) -> None:
    """The receiver asks for two minutes: the next attempt is not due before then, even
    with a policy that would retry at once."""
    with Store(f"sqlite:///{tmp_path}/m.db") as store, WebhookReceiver() as receiver:
        receiver.fail(1, status=429, retry_after="120")
        enqueue(store, "hook", "k429")
        notifier = make_notifier(webhook_channel(receiver.url), {"HOOK_SECRET": SECRET})
        before = datetime.now(UTC)
        report = await DeliveryWorker(store.engine, {"hook": notifier}, instant()).flush()
        assert (report.delivered, report.retried) == (0, 1)
        (item,) = outbox.recent(store.engine)
        assert item.status == "pending" and "Retry-After 120 s" in (item.last_error or "")
        due = item.next_attempt_at
        assert due is not None
        due = due if due.tzinfo else due.replace(tzinfo=UTC)
        assert before + timedelta(seconds=119) <= due <= before + timedelta(seconds=130)
        assert (
            outbox.claim_due(store.engine, before + timedelta(seconds=60), limit=5, lease=60) == []
        )


async def test_the_same_alert_is_never_queued_twice(database_url: str) -> None:
    with Store(database_url) as store:
        enqueue(store, "hook", "r|hook|story:7|new_story")
        again = new_alert("new_story", STORY, rule="icesco-events")
        with store.engine.begin() as conn:
            assert (
                outbox.enqueue(conn, [outbox.row_for(again, "hook", "r|hook|story:7|new_story")])
                == 0
            )
        assert len(outbox.recent(store.engine)) == 1


async def test_after_the_last_attempt_the_alert_is_failed_with_its_error(database_url: str) -> None:
    with Store(database_url) as store, WebhookReceiver() as receiver:
        receiver.fail(3, status=503)
        enqueue(store, "hook", "k1")
        notifier = make_notifier(webhook_channel(receiver.url), {"HOOK_SECRET": SECRET})
        report = await flush_until_done(
            DeliveryWorker(store.engine, {"hook": notifier}, instant(max_attempts=3))
        )
        assert (report.delivered, report.failed) == (0, 1)
        (item,) = outbox.recent(store.engine)
        assert item.status == "failed" and item.attempts == 3 and "503" in (item.last_error or "")
        assert outbox.requeue(store.engine, failed=True, now=datetime.now(UTC)) == 1
        report = await DeliveryWorker(store.engine, {"hook": notifier}, instant()).flush()
        assert report.delivered == 1


async def test_a_retry_waits_for_its_backoff(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path}/m.db") as store, WebhookReceiver() as receiver:
        receiver.fail(1, status=500)
        enqueue(store, "hook", "k1")
        notifier = make_notifier(webhook_channel(receiver.url), {"HOOK_SECRET": SECRET})
        policy = RetryPolicy(max_attempts=5, base=600.0, max_delay=3600.0, lease=60.0, timeout=2.0)
        report = await DeliveryWorker(
            store.engine, {"hook": notifier}, policy, rand=lambda: 1.0
        ).flush()
        assert (report.delivered, report.retried) == (0, 1)
        (item,) = outbox.recent(store.engine)
        assert item.status == "pending" and item.next_attempt_at is not None
        wait = (item.next_attempt_at - datetime.now(UTC)).total_seconds()
        assert 590 < wait <= 600
        later = DeliveryWorker(
            store.engine,
            {"hook": notifier},
            policy,
            clock=lambda: datetime.now(UTC) + timedelta(seconds=601),
        )
        assert (await later.flush()).delivered == 1


async def test_a_slow_receiver_times_out_and_is_retried(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path}/m.db") as store, WebhookReceiver() as receiver:
        receiver.delay(3.0)
        enqueue(store, "hook", "k1")
        channel = Channel(
            "hook", "webhook", (("secret_env", "S"), ("timeout", 0.5), ("url", receiver.url))
        )
        notifier = make_notifier(channel, {"S": SECRET})
        worker = DeliveryWorker(
            store.engine, {"hook": notifier}, instant(max_attempts=1), timeouts={"hook": 0.5}
        )
        report = await worker.flush()
        assert report.failed == 1
        (item,) = outbox.recent(store.engine)
        assert (
            "timed out" in (item.last_error or "").lower()
            or "timeout" in (item.last_error or "").lower()
        )


async def test_smtp_down_then_up(tmp_path: Path) -> None:
    port = free_port()
    channel = Channel(
        "mail",
        "email",
        (
            ("from", "monitor@example.org"),
            ("host", "127.0.0.1"),
            ("port", port),
            ("tls", "none"),
            ("to", ["press@example.org"]),
        ),
    )
    notifier = make_notifier(channel, {})
    policy = RetryPolicy(max_attempts=5, base=60.0, max_delay=60.0, lease=60.0, timeout=5.0)
    with Store(f"sqlite:///{tmp_path}/m.db") as store:
        enqueue(store, "mail", "k1")
        down = await DeliveryWorker(store.engine, {"mail": notifier}, policy).flush()
        assert (down.delivered, down.retried) == (0, 1)
        assert "channel 'mail'" in down.errors[0]
        with SmtpReceiver(port=port) as smtp:
            later = DeliveryWorker(
                store.engine,
                {"mail": notifier},
                policy,
                clock=lambda: datetime.now(UTC) + timedelta(minutes=2),
            )
            assert (await later.flush()).delivered == 1
            (message,) = smtp.messages
            assert message["Subject"].startswith("[ICESCO] Meeting")
        (item,) = outbox.recent(store.engine)
        assert item.status == "delivered" and item.attempts == 2


def test_a_process_killed_mid_delivery_loses_nothing_and_keeps_the_webhook_id(
    tmp_path: Path,
) -> None:
    """`monitor alerts flush` is killed while the receiver holds the request; the next
    flush (after the lease) delivers the same alert with the same webhook-id."""
    db = tmp_path / "m.db"
    config = tmp_path / "sources.toml"
    with WebhookReceiver() as receiver:
        config.write_text(
            textwrap.dedent(
                f"""\
                [channels.hook]
                type = "webhook"
                url = "{receiver.url}"
                secret_env = "HOOK_SECRET"
                """
            )
        )
        with Store(f"sqlite:///{db}") as store:
            alert_id = enqueue(store, "hook", "k1")
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")},
            "MONITOR_DATABASE_URL": f"sqlite:///{db}",
            "MONITOR_ALERT_LEASE": "1",
            "HOOK_SECRET": SECRET,
        }
        receiver.delay(30.0)
        cmd = [sys.executable, "-m", "monitor.cli", "alerts", "flush", "--config", str(config)]
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            assert receiver.wait_for_requests(1, timeout=60), "the first attempt never arrived"
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.communicate()
        with Store(f"sqlite:///{db}") as store:
            (item,) = outbox.recent(store.engine)
            assert item.status == "pending" and item.attempts == 1
        receiver.delay(0.0)
        deadline = datetime.now(UTC) + timedelta(seconds=60)
        while True:  # the lease (1 s) must pass before the alert is due again
            done = subprocess.run(
                cmd, env=env, capture_output=True, text=True, timeout=120, check=False
            )
            if "delivered 1" in done.stdout or datetime.now(UTC) > deadline:
                break
        assert "delivered 1" in done.stdout, done.stdout + done.stderr
        ids = [d.headers["webhook-id"] for d in receiver.deliveries]
        assert ids[-1] == alert_id and set(ids) == {alert_id}
        with Store(f"sqlite:///{db}") as store:
            (item,) = outbox.recent(store.engine)
            assert item.status == "delivered" and item.attempts == 2


async def test_the_operator_hears_once_when_a_source_keeps_failing_and_once_when_it_recovers(
    database_url: str,
) -> None:
    from monitor.alerts.message import iso
    from monitor.store.core import OperatorPolicy

    def make_alert(kind, source, now):
        last = source.get("last_success")
        return new_alert(
            kind,
            {"source": {**source, "last_success": iso(last) if last else None}},
            created_at=now,
        )

    policy = OperatorPolicy("ops", 2, make_alert)
    now = datetime.now(UTC)
    with Store(database_url) as store, WebhookReceiver() as receiver:
        store.sync_sources([("Trend", "https://en.trend.az/")])
        for _ in range(4):
            store.record_poll(
                "Trend", ok=False, error="HTTP 503", found=0, now=now, operator=policy
            )
        store.record_poll("Trend", ok=True, error=None, found=3, now=now, operator=policy)
        store.record_poll("Trend", ok=True, error=None, found=0, now=now, operator=policy)
        notifier = make_notifier(webhook_channel(receiver.url), {"HOOK_SECRET": SECRET})
        report = await DeliveryWorker(store.engine, {"ops": notifier}, instant()).flush()
        assert report.delivered == 2
        kinds = [d.json()["type"] for d in receiver.verified]
        assert kinds == ["source.failing", "source.recovered"]
        failing = receiver.verified[0].json()["source"]
        assert failing["name"] == "Trend" and failing["consecutive_failures"] == 2
        assert failing["last_error"] == "HTTP 503"


def test_alerts_commands_test_list_retry_and_flush(tmp_path: Path, monkeypatch) -> None:
    from click.testing import CliRunner

    from monitor.cli import cli

    with WebhookReceiver() as receiver:
        config = tmp_path / "sources.toml"
        config.write_text(
            f'[channels.hook]\ntype = "webhook"\nurl = "{receiver.url}"\nsecret_env = "HOOK_SECRET"\n'
        )
        monkeypatch.setenv("MONITOR_DATABASE_URL", f"sqlite:///{tmp_path}/m.db")
        runner = CliRunner()
        missing = runner.invoke(cli, ["alerts", "test", "hook", "--config", str(config)])
        assert missing.exit_code == 1 and "HOOK_SECRET is not set" in missing.stderr
        check = runner.invoke(cli, ["check", "--config", str(config)])
        assert check.exit_code == 1 and "HOOK_SECRET" in check.stderr
        monkeypatch.setenv("HOOK_SECRET", SECRET)
        sent = runner.invoke(cli, ["alerts", "test", "hook", "--config", str(config)])
        assert sent.exit_code == 0, sent.output
        sample = receiver.verified[-1].json()
        assert sample["type"] == "test" and sample["rule"] == "test"
        # no stored story or article has id 0: a receiver acting on ids overwrites nothing
        assert sample["story"]["id"] == 0
        assert {a["id"] for a in sample["story"]["articles"]} == {0}
        unknown = runner.invoke(cli, ["alerts", "test", "pager", "--config", str(config)])
        assert unknown.exit_code == 1 and "unknown channel 'pager'" in unknown.stderr

        monkeypatch.setenv("MONITOR_ALERT_MAX_ATTEMPTS", "1")
        with Store(f"sqlite:///{tmp_path}/m.db") as store:
            enqueue(store, "hook", "k-cli")
        receiver.fail(1, status=500)
        flushed = runner.invoke(cli, ["alerts", "flush", "--config", str(config)])
        assert flushed.exit_code == 1 and "failed 1" in flushed.stdout
        with Store(f"sqlite:///{tmp_path}/m.db") as store, store.engine.begin() as conn:
            recovered = new_alert("source_recovered", {"source": {"name": "Trend"}})
            row = outbox.row_for(recovered, "hook", "k-source", status="delivered")
            outbox.enqueue(conn, [row])
        listing = runner.invoke(cli, ["alerts", "list", "--config", str(config)])
        assert "failed" in listing.stdout and "HTTP 500" in listing.stdout
        assert "Deputy minister discusses heritage projects" in listing.stdout
        lines = [line for line in listing.stdout.splitlines() if "last error" not in line]
        columns = {line.index(" hook ") + 1 for line in lines[1:]}  # one column, whatever the kind
        assert len(columns) == 1 and lines[0].index("channel") == columns.pop(), listing.stdout
        retried = runner.invoke(cli, ["alerts", "retry", "--failed", "--config", str(config)])
        assert "queued 1 alerts again" in retried.stdout
        flushed = runner.invoke(cli, ["alerts", "flush", "--config", str(config)])
        assert flushed.exit_code == 0 and "delivered 1" in flushed.stdout
        assert runner.invoke(cli, ["alerts", "retry", "--config", str(config)]).exit_code == 2


async def test_the_running_worker_delivers_at_once_when_woken(tmp_path: Path) -> None:
    import asyncio

    from monitor.fetch import Poster

    with Store(f"sqlite:///{tmp_path}/m.db") as store, WebhookReceiver() as receiver:
        poster = Poster()
        notifier = make_notifier(
            webhook_channel(receiver.url), {"HOOK_SECRET": SECRET}, poster=poster
        )
        worker = DeliveryWorker(
            store.engine, {"hook": notifier}, instant(), closers=[poster.aclose]
        )
        stop = asyncio.Event()
        task = asyncio.create_task(worker.run(stop, idle=3600))  # it would sleep for an hour
        await asyncio.sleep(0)  # let it start and find nothing
        for n in (1, 2):
            enqueue(store, "hook", f"wake-{n}")
            worker.wake()
            arrived = await asyncio.to_thread(receiver.wait_for_requests, n, 30)
            assert arrived, f"alert {n} was not delivered after wake()"
        stop.set()
        await asyncio.wait_for(task, 30)
        await worker.aclose()
        assert len(receiver.verified) == 2


def test_service_logs_never_carry_a_webhook_url() -> None:
    """httpx logs each request's URL at INFO; a Slack or Teams webhook's secret is in its
    path, so the service keeps httpx to warnings."""
    import logging

    from monitor.app import configure_logging

    configure_logging("DEBUG")
    assert not logging.getLogger("httpx").isEnabledFor(logging.INFO)
    assert not logging.getLogger("httpcore").isEnabledFor(logging.INFO)
    assert logging.getLogger("httpx").isEnabledFor(logging.WARNING)


def test_two_workers_on_one_archive_never_take_the_same_alert(database_url: str) -> None:
    """The service and `monitor alerts flush` may share an archive. Both finding the same
    due alerts before either leases them (injected: a worker's first SELECT on the outbox
    waits until the other worker has made its own) must not let both take one alert."""
    import contextlib
    import threading

    from sqlalchemy import event

    both_looked = threading.Barrier(2, timeout=10)
    waited = threading.local()

    with Store(database_url) as store:
        for n in range(30):
            enqueue(store, "hook", f"k{n}")
    stores = [Store(database_url), Store(database_url)]
    for s in stores:

        @event.listens_for(s.engine, "after_cursor_execute")
        def slow(conn, cursor, statement, params, context, executemany) -> None:  # type: ignore[no-untyped-def]
            select = statement.lstrip().upper().startswith("SELECT") and "outbox" in statement
            if select and not getattr(waited, "done", False):
                waited.done = True
                with contextlib.suppress(threading.BrokenBarrierError):
                    both_looked.wait()

    taken: list[list[int]] = [[], []]
    now = datetime.now(UTC)

    def work(i: int) -> None:
        while batch := outbox.claim_due(stores[i].engine, now, limit=3, lease=600):
            taken[i] += [item.id for item in batch]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for s in stores:
        s.close()
    everything = taken[0] + taken[1]
    assert len(everything) == len(set(everything)) == 30, taken


def _slow_and_fast(slow_url: str, fast_url: str) -> dict:
    slow = Channel(
        "slow", "webhook", (("secret_env", "HOOK_SECRET"), ("timeout", 1), ("url", slow_url))
    )
    return {
        "slow": make_notifier(slow, {"HOOK_SECRET": SECRET}),
        "fast": make_notifier(webhook_channel(fast_url), {"HOOK_SECRET": SECRET}),
    }


async def test_a_slow_receiver_delays_only_its_own_channel(tmp_path: Path) -> None:
    """Three alerts wait for a receiver that never answers in time; an alert queued for
    another channel meanwhile goes out at once, not after the slow channel's turn."""
    import asyncio

    policy = RetryPolicy(max_attempts=1, base=0.0, max_delay=0.0, lease=60.0, timeout=1.0)
    with (
        Store(f"sqlite:///{tmp_path}/m.db") as store,
        WebhookReceiver() as slow,
        WebhookReceiver() as fast,
    ):
        slow.delay(5)
        worker = DeliveryWorker(
            store.engine, _slow_and_fast(slow.url, fast.url), policy, timeouts={"slow": 1.0}
        )
        for n in range(3):
            enqueue(store, "slow", f"slow-{n}")
        stop = asyncio.Event()
        task = asyncio.create_task(worker.run(stop, idle=3600))
        assert await asyncio.to_thread(slow.wait_for_requests, 1, 30)
        enqueue(store, "fast", "fast-1")
        worker.wake()
        assert await asyncio.to_thread(fast.wait_for_requests, 1, 30)
        assert slow.arrived < 3, "the fast channel waited for the slow one"
        stop.set()
        await asyncio.wait_for(task, 30)
    kinds = {item.channel: item.status for item in outbox.recent(store.engine)}
    assert kinds["fast"] == "delivered"


async def test_a_stop_starts_no_further_alert_and_gives_back_the_rest(tmp_path: Path) -> None:
    """SIGTERM in the middle of a slow channel's alerts: the one in flight ends (it
    times out), the others are not tried and keep their attempts for the next run."""
    import asyncio

    policy = RetryPolicy(max_attempts=5, base=0.0, max_delay=0.0, lease=60.0, timeout=1.0)
    with Store(f"sqlite:///{tmp_path}/m.db") as store, WebhookReceiver() as slow:
        slow.delay(5)
        worker = DeliveryWorker(
            store.engine, _slow_and_fast(slow.url, slow.url), policy, timeouts={"slow": 1.0}
        )
        for n in range(5):
            enqueue(store, "slow", f"slow-{n}")
        stop = asyncio.Event()
        task = asyncio.create_task(worker.run(stop, idle=3600))
        assert await asyncio.to_thread(slow.wait_for_requests, 1, 30)
        stop.set()
        await asyncio.wait_for(task, 30)
        items = outbox.recent(store.engine, limit=10)
    assert slow.arrived == 1
    assert sorted(item.attempts for item in items) == [0, 0, 0, 0, 1]
    assert {item.status for item in items} == {"pending"}


def test_alerts_held_for_quiet_hours_follow_the_rules_as_configured_now(
    tmp_path: Path, monkeypatch
) -> None:
    """Quiet hours removed from a rule: its held alert is sent by the next flush, not at
    the end of quiet hours that no longer exist; a rule that still has them keeps it."""
    from datetime import UTC, datetime, timedelta

    from click.testing import CliRunner

    from monitor.cli import cli

    later = datetime.now(UTC) + timedelta(hours=6)
    with WebhookReceiver() as receiver:
        config = tmp_path / "sources.toml"
        rules = (
            '[[alerts]]\nname = "calm"\nchannels = ["hook"]\n\n'
            '[[alerts]]\nname = "night"\nchannels = ["hook"]\nquiet_hours = "{h}"\n'
        )
        hooks = f'[channels.hook]\ntype = "webhook"\nurl = "{receiver.url}"\nsecret_env = "HOOK_SECRET"\n\n'
        start, end = datetime.now(UTC) - timedelta(hours=1), later
        config.write_text(hooks + rules.format(h=f"{start:%H:%M}-{end:%H:%M}"))
        monkeypatch.setenv("HOOK_SECRET", SECRET)
        monkeypatch.setenv("MONITOR_DATABASE_URL", f"sqlite:///{tmp_path}/m.db")
        with Store(f"sqlite:///{tmp_path}/m.db") as store, store.engine.begin() as conn:
            for rule in ("calm", "night"):  # both held, as under their old quiet hours
                alert = new_alert("new_story", STORY, rule=rule, topics=["icesco"])
                row = outbox.row_for(alert, "hook", f"k-{rule}", not_before=later)
                outbox.enqueue(conn, [row])
        flushed = CliRunner().invoke(cli, ["alerts", "flush", "--config", str(config)])
        assert flushed.exit_code == 0, flushed.output
        assert "delivered 1" in flushed.stdout and "waiting 1" in flushed.stdout
        assert [r.json()["rule"] for r in receiver.verified] == ["calm"]
