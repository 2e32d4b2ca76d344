"""From story changes to queued alerts, inside the transaction that stored the articles.

``AlertPlanner`` is the store's ``on_story_changes`` hook: for each change it asks the
pure rules (``monitor.rules.plan_alerts``) which alerts are due, snapshots the story (the
documented payload) and writes one outbox row per rule and channel. The outbox's unique
``dedupe_key`` drops repeats, so a story alerts each rule and channel at most once, and
a follow-up at most once.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from monitor.alerts import new_alert
from monitor.config import AlertRule
from monitor.rules import StoryChange, new_story_key, plan_alerts
from monitor.store import outbox
from monitor.store import stories as stories_db

log = logging.getLogger("monitor.notify")


class AlertPlanner:
    def __init__(self, rules: Sequence[AlertRule], *, max_age: timedelta) -> None:
        self.rules = tuple(rules)
        self.max_age = max_age

    def __call__(self, conn: Any, changes: list[StoryChange], now: datetime) -> None:
        if not self.rules:
            return
        rows = []
        for change in changes:
            told: frozenset[tuple[str, str]] = frozenset()
            if not change.is_new:  # which rules were told of the story already
                pairs = {
                    new_story_key(r.name, c, change.story_id): (r.name, c)
                    for r in self.rules
                    for c in r.channels
                }
                told = frozenset(pairs[k] for k in outbox.existing_keys(conn, list(pairs)))
            planned = plan_alerts(change, self.rules, now=now, max_age=self.max_age, told=told)
            if not planned:
                continue
            fresh = set(planned) - {
                p for p in planned if p.dedupe_key in outbox.existing_keys(conn, [p.dedupe_key])
            }
            if not fresh:
                continue
            story = stories_db.story_snapshot(conn, change.story_id)
            for plan in planned:
                if plan not in fresh:
                    continue
                body: dict[str, Any] = {"story": story}
                if plan.kind == "follow_up":
                    body["also_reported_by"] = list(change.new_sources)
                alert = new_alert(
                    plan.kind, body, rule=plan.rule, topics=plan.topics, created_at=now
                )
                rows.append(
                    outbox.row_for(
                        alert,
                        plan.channel,
                        plan.dedupe_key,
                        story_id=change.story_id,
                        status=plan.status,
                        not_before=plan.not_before,
                    )
                )
        if rows:
            added = outbox.enqueue(conn, rows)
            log.info("queued %d alerts", added)
