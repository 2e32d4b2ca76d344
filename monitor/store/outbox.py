"""The alert outbox: alerts are written with the change that causes them, then delivered.

Delivery is at least once: a worker *claims* a due alert by counting the attempt and
pushing ``next_attempt_at`` a lease into the future before it sends, so a process killed
mid-send leaves the alert due again after the lease, with the same ``alert_id``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from monitor.models import OutboxRow
from monitor.rules import quiet_until


@dataclass(frozen=True)
class OutboxItem:
    """One row of the outbox as the worker and `monitor alerts list` see it."""

    id: int
    alert_id: str
    kind: str
    rule: str | None
    channel: str
    story_id: int | None
    payload: dict[str, Any]
    status: str
    attempts: int
    next_attempt_at: datetime | None
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None

    @classmethod
    def from_row(cls, row: Any) -> OutboxItem:
        return cls(**{f.name: getattr(row, f.name) for f in fields(cls)})


def enqueue(conn: Connection, rows: Iterable[dict[str, Any]]) -> int:
    """Insert alerts; one whose dedupe_key exists is skipped. Returns how many were new."""
    rows = list(rows)
    if not rows:
        return 0
    maker = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    statement = (
        maker(OutboxRow)
        .on_conflict_do_nothing(index_elements=["dedupe_key"])
        .returning(OutboxRow.id)  # type: ignore[arg-type]
    )
    added = 0
    for row in rows:  # a row that conflicts returns nothing, on both backends
        added += len(conn.execute(statement.values(**row)).all())
    return added


def existing_keys(conn: Connection, keys: Sequence[str]) -> set[str]:
    if not keys:
        return set()
    query = select(OutboxRow.dedupe_key).where(OutboxRow.dedupe_key.in_(list(keys)))  # type: ignore[attr-defined]
    return {key for (key,) in conn.execute(query)}


def claim_due(
    engine: Engine,
    now: datetime,
    *,
    limit: int,
    lease: float,
    channels: Sequence[str] | None = None,
    other_than: Sequence[str] = (),
) -> list[OutboxItem]:
    """Take up to ``limit`` due alerts (of ``channels`` only, when given; not of
    ``other_than``): count the attempt and lease them before sending.

    One statement picks and leases them (``UPDATE ... WHERE id IN (SELECT ...) RETURNING``),
    so two workers on one archive never take the same alert: SQLite runs it under its
    write lock, PostgreSQL skips the rows another worker has locked."""
    leased_until = now + timedelta(seconds=lease)
    due = (
        select(OutboxRow.id)
        .where(OutboxRow.status == "pending")
        .where(or_(OutboxRow.next_attempt_at.is_(None), OutboxRow.next_attempt_at <= now))  # type: ignore[union-attr,operator]
        .order_by(OutboxRow.next_attempt_at, OutboxRow.id)
        .limit(limit)
    )
    if channels is not None:
        due = due.where(OutboxRow.channel.in_(list(channels)))  # type: ignore[attr-defined]
    if other_than:
        due = due.where(OutboxRow.channel.not_in(list(other_than)))  # type: ignore[attr-defined]
    if engine.dialect.name == "postgresql":
        due = due.with_for_update(skip_locked=True)
    statement = (
        update(OutboxRow)
        .where(OutboxRow.id.in_(due.scalar_subquery()))  # type: ignore[union-attr]
        .values(attempts=OutboxRow.attempts + 1, next_attempt_at=leased_until)
        .returning(*OutboxRow.__table__.columns)  # type: ignore[attr-defined]
    )
    with engine.begin() as conn:
        items = [OutboxItem.from_row(row) for row in conn.execute(statement)]
    return sorted(items, key=lambda item: item.id)


def release(engine: Engine, item_ids: Sequence[int], now: datetime) -> None:
    """Give back alerts leased but not attempted (the worker is stopping): due now, the
    attempt uncounted."""
    if not item_ids:
        return
    with engine.begin() as conn:
        conn.execute(
            update(OutboxRow)
            .where(OutboxRow.id.in_(list(item_ids)))  # type: ignore[union-attr]
            .where(OutboxRow.status == "pending")
            .values(attempts=OutboxRow.attempts - 1, next_attempt_at=now)
        )


def mark_delivered(engine: Engine, item_id: int, now: datetime) -> None:
    with engine.begin() as conn:
        conn.execute(
            update(OutboxRow)
            .where(OutboxRow.id == item_id)
            .values(status="delivered", delivered_at=now, last_error=None)
        )


def mark_retry(engine: Engine, item_id: int, error: str, next_attempt_at: datetime) -> None:
    with engine.begin() as conn:
        conn.execute(
            update(OutboxRow)
            .where(OutboxRow.id == item_id)
            .values(last_error=error, next_attempt_at=next_attempt_at)
        )


def mark_failed(engine: Engine, item_id: int, error: str) -> None:
    with engine.begin() as conn:
        conn.execute(
            update(OutboxRow)
            .where(OutboxRow.id == item_id)
            .values(status="failed", last_error=error, next_attempt_at=None)
        )


# what `monitor alerts retry ID` may queue again: a failed alert, or one waiting (its
# backoff, a receiver's Retry-After, quiet hours) made due now; a delivered one only when
# asked to send it once more
REQUEUED = ("failed", "pending")


def requeue(
    engine: Engine,
    *,
    ids: Sequence[int] = (),
    failed: bool = False,
    now: datetime,
    again: bool = False,
) -> int:
    """Queue alerts again, due now (by id, or every failed one); attempts start from zero.

    By id, a failed or waiting alert is queued; a delivered one only with ``again`` (it is
    then sent once more), and one folded into a digest or a story's alert never."""
    with engine.begin() as conn:
        query = update(OutboxRow).values(status="pending", attempts=0, next_attempt_at=now)
        if failed:
            query = query.where(OutboxRow.status == "failed")
        else:
            states = (*REQUEUED, "delivered") if again else REQUEUED
            query = query.where(
                OutboxRow.id.in_(list(ids)),  # type: ignore[union-attr]
                OutboxRow.status.in_(states),  # type: ignore[attr-defined]
            )
        return conn.execute(query).rowcount or 0


def recent(engine: Engine, *, limit: int = 50, status: str | None = None) -> list[OutboxItem]:
    query = select(OutboxRow).order_by(OutboxRow.id.desc()).limit(limit)  # type: ignore[union-attr]
    if status:
        query = query.where(OutboxRow.status == status)
    with engine.connect() as conn:
        return [OutboxItem.from_row(row) for row in conn.execute(query)]


def release_quiet(engine: Engine, quiet_hours: Mapping[str, str | None], now: datetime) -> int:
    """Alerts held for their rule's quiet hours (pending, never tried, due later) are due
    when the rule's quiet hours, as configured now, end: at once when the rule has none
    any more. A rule no longer configured keeps its alerts' times. Returns how many moved."""
    query = select(OutboxRow.id, OutboxRow.rule, OutboxRow.next_attempt_at).where(
        OutboxRow.status == "pending",
        OutboxRow.attempts == 0,
        OutboxRow.next_attempt_at > now,  # type: ignore[operator]
    )
    moved = 0
    with engine.begin() as conn:
        for item_id, rule, due in conn.execute(query).all():
            if rule not in quiet_hours:
                continue
            sooner = quiet_until(quiet_hours[rule], now)
            if sooner < due:  # the column reads aware UTC times (models.UTCDateTime)
                conn.execute(
                    update(OutboxRow).where(OutboxRow.id == item_id).values(next_attempt_at=sooner)
                )
                moved += 1
    return moved


def waiting(engine: Engine, now: datetime) -> tuple[int, datetime | None]:
    """Pending alerts not yet due at ``now`` (a backoff, a Retry-After, quiet hours), and
    when the first of them is."""
    query = select(func.count(), func.min(OutboxRow.next_attempt_at)).where(
        OutboxRow.status == "pending",
        OutboxRow.next_attempt_at > now,  # type: ignore[operator]
    )
    with engine.connect() as conn:
        count, first = conn.execute(query).one()
    return int(count or 0), first


def next_due(engine: Engine) -> datetime | None:
    query = (
        select(OutboxRow.next_attempt_at)
        .where(OutboxRow.status == "pending")
        .order_by(OutboxRow.next_attempt_at)
        .limit(1)
    )
    with engine.connect() as conn:
        return conn.execute(query).scalar()


def take_digest(conn: Connection, rule: str, channel: str) -> list[OutboxItem]:
    """Mark ``digested`` and return the digest entries waiting for one rule and channel,
    in the caller's transaction (the digest that folds them is queued in the same one:
    a crash in between loses nothing)."""
    query = (
        select(OutboxRow)
        .where(OutboxRow.status == "digest")
        .where(OutboxRow.rule == rule)
        .where(OutboxRow.channel == channel)
        .order_by(OutboxRow.id)
    )
    rows = [OutboxItem.from_row(r) for r in conn.execute(query)]
    if rows:
        conn.execute(
            update(OutboxRow)
            .where(OutboxRow.id.in_([r.id for r in rows]))  # type: ignore[union-attr]
            .values(status="digested")
        )
    return rows


def row_for(
    alert: Any,
    channel: str,
    dedupe_key: str,
    *,
    story_id: int | None = None,
    status: str = "pending",
    not_before: datetime | None = None,
) -> dict[str, Any]:
    """The outbox row of one ``monitor.alerts.Alert`` (make one alert per channel)."""
    return {
        "alert_id": alert.id,
        "dedupe_key": dedupe_key,
        "kind": alert.kind,
        "rule": alert.rule,
        "channel": channel,
        "story_id": story_id,
        "payload": dict(alert.payload),
        "status": status,
        "attempts": 0,
        "next_attempt_at": not_before or alert.created_at,
        "created_at": alert.created_at,
    }
