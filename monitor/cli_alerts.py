"""`monitor alerts`: send a test alert, list alerts and their delivery, retry, flush."""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime

import click

from monitor.alerts import sample_alert
from monitor.app import App
from monitor.cli_common import config_option, open_app, when
from monitor.delivery import FlushReport
from monitor.settings import Settings
from monitor.store import outbox, queries


@click.group()
def alerts() -> None:
    """Send a test alert, list alerts and their delivery, retry or flush the outbox."""


@alerts.command("test")
@click.argument("channel")
@config_option
def alerts_test(settings: Settings, channel: str) -> None:
    """Send a sample alert to CHANNEL now (not through the outbox)."""
    with open_app(settings) as app:
        notifier = app.notifier(channel)
        alert = sample_alert()
        asyncio.run(notifier.send(alert))
    click.echo(f"sent a test alert to {channel} (id {alert.id})")


@alerts.command("list")
@click.option("--status", type=click.Choice(["pending", "delivered", "failed", "digest", "joined"]))
@click.option("--limit", type=click.IntRange(min=1), default=30, show_default=True)
@config_option
def alerts_list(settings: Settings, status: str | None, limit: int) -> None:
    """Recent alerts with their delivery state, attempts and last error."""
    with open_app(settings) as app:
        items = outbox.recent(app.store.engine, limit=limit, status=status)
    now = datetime.now(UTC)
    # columns as wide as their longest value ("source_recovered", a long channel name)
    kind_w = max([4, *(len(item.kind) for item in items)])
    channel_w = max([7, *(len(item.channel) for item in items)])
    click.echo(
        f"{'id':>5}  {'created':<16}  {'kind':<{kind_w}} {'channel':<{channel_w}} "
        f"{'status':<10} {'tries':>5}  what"
    )
    for item in items:
        story = item.payload.get("story") or {}
        what = story.get("headline") or (item.payload.get("source") or {}).get("name", "")
        click.echo(
            f"{item.id:>5}  {when(item.created_at):<16}  {item.kind:<{kind_w}} "
            f"{item.channel:<{channel_w}} {item.status:<10} {item.attempts:>5}  {str(what)[:60]}"
        )
        if item.status == "pending" and item.next_attempt_at and item.next_attempt_at > now:
            click.echo(f"{'':>7}due {when(item.next_attempt_at)} UTC")
        if item.last_error and item.status != "delivered":
            click.echo(f"{'':>7}last error: {item.last_error}")


@alerts.command("retry")
@click.argument("ids", nargs=-1, type=int)
@click.option("--failed", is_flag=True, help="Queue every failed alert again.")
@click.option(
    "--again", is_flag=True, help="Send the delivered alerts among the IDs once more, too."
)
@config_option
def alerts_retry(settings: Settings, ids: tuple[int, ...], failed: bool, again: bool) -> None:
    """Queue alerts again by ID (failed ones, or waiting ones made due now), or every
    failed one with --failed. A delivered alert is not sent twice unless --again says so.
    Exits 1 when none of the IDs could be queued."""
    if not ids and not failed:
        raise click.UsageError("give alert IDs or --failed")
    with open_app(settings) as app:
        found = queries.alert_states(app.store.engine, ids) if ids else {}
        count = outbox.requeue(
            app.store.engine, ids=ids, failed=failed, now=datetime.now(UTC), again=again
        )
    unknown = sorted(set(ids) - set(found))
    if unknown:
        click.echo(f"no alert with id {', '.join(map(str, unknown))}", err=True)
    for alert_id, state in sorted(found.items()):
        if state == "delivered" and not again:
            click.echo(
                f"alert {alert_id} was delivered: not sent again (--again sends it once more)",
                err=True,
            )
        elif state not in (*outbox.REQUEUED, "delivered"):
            click.echo(
                f"alert {alert_id} is {state}: it is sent with the alert it went into", err=True
            )
    click.echo(f"queued {count} alerts again")
    if ids and not count and not failed:
        sys.exit(1)


@alerts.command("flush")
@config_option
def alerts_flush(settings: Settings) -> None:
    """Deliver every alert that is due, then exit (1 if some are still failing)."""

    async def deliver(app: App) -> FlushReport:
        worker = app.delivery_worker()
        try:
            return await worker.flush()
        finally:
            await worker.aclose()

    with open_app(settings) as app:
        report = asyncio.run(deliver(app))
        held, first = outbox.waiting(app.store.engine, datetime.now(UTC))
    for error in report.errors:
        click.echo(f"  {error}", err=True)
    # alerts held back (a backoff, a receiver's Retry-After, quiet hours) are said too
    later = f", waiting {held} (the first due {when(first)} UTC)" if held else ""
    click.echo(
        f"delivered {report.delivered}, to retry {report.retried}, failed {report.failed}{later}"
    )
    if report.retried or report.failed:
        sys.exit(1)
