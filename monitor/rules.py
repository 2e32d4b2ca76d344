"""Which alerts a story change causes (pure: no I/O, no clock — ``now`` is passed in).

* The first article of a new story alerts every rule it matches, once per channel.
* A later article that brings an outlet the story did not have yet causes at most one
  short follow-up per rule and channel ("also reported by ..."); later ones are folded.
* A rule that the story did not match before (its outlet, topic or event type came with
  a later article) is told of the story then, as new: never a follow-up of a story it
  was not told of.
* A rule with ``digest = "hourly" | "daily"`` collects instead, and one digest is sent per
  period.
* Articles older than the backfill age (by publication time) alert nobody.
* In quiet hours an alert waits until the quiet period ends.

"Never twice" is the outbox's unique ``dedupe_key`` = rule | channel | story | kind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from monitor.config import AlertRule


@dataclass(frozen=True)
class StoryChange:
    """What storing one article did to its story."""

    story_id: int
    is_new: bool
    topics: tuple[str, ...]
    event_type: str
    sources: tuple[str, ...]  # every outlet of the story, including the new one
    new_sources: tuple[str, ...]  # outlets this article added
    published: datetime | None


@dataclass(frozen=True)
class PlannedAlert:
    rule: str
    channel: str
    kind: str  # "new_story" or "follow_up"
    story_id: int
    dedupe_key: str
    status: str  # "pending", or "digest" to wait for the rule's digest
    not_before: datetime
    topics: tuple[str, ...]


def rule_matches(rule: AlertRule, change: StoryChange) -> bool:
    if rule.topics and not set(rule.topics) & set(change.topics):
        return False
    if rule.events and change.event_type not in rule.events:
        return False
    return not (rule.sources and not set(rule.sources) & set(change.sources))


def quiet_until(quiet_hours: str | None, now: datetime) -> datetime:
    """``now``, or the end of the quiet period (UTC) when ``now`` falls inside it."""
    if not quiet_hours:
        return now
    start_text, end_text = quiet_hours.split("-")
    start = time.fromisoformat(start_text)
    end = time.fromisoformat(end_text)
    clock = now.timetz().replace(tzinfo=None)
    inside = start <= clock < end if start <= end else clock >= start or clock < end
    if not inside:
        return now
    wake = now.replace(hour=end.hour, minute=end.minute, second=0, microsecond=0)
    return wake if wake > now else wake + timedelta(days=1)


def plan_alerts(
    change: StoryChange,
    rules: Sequence[AlertRule],
    *,
    now: datetime,
    max_age: timedelta,
    told: frozenset[tuple[str, str]] = frozenset(),
) -> list[PlannedAlert]:
    """The alerts one story change causes, before the outbox drops repeats.

    ``told`` holds the (rule, channel) pairs already told of this story (a new-story
    alert queued for them): for those a later article is a follow-up, for the others it
    is the story's news."""
    if change.published is not None and now - change.published > max_age:
        return []
    planned = []
    for rule in rules:
        if not rule_matches(rule, change):
            continue
        topics = tuple(t for t in change.topics if not rule.topics or t in rule.topics)
        for channel in rule.channels:
            if change.is_new or (rule.name, channel) not in told:
                kind = "new_story"
            elif change.new_sources:
                kind = "follow_up"
            else:
                continue
            planned.append(
                PlannedAlert(
                    rule=rule.name,
                    channel=channel,
                    kind=kind,
                    story_id=change.story_id,
                    dedupe_key=new_story_key(rule.name, channel, change.story_id, kind),
                    status="digest" if rule.digest != "off" else "pending",
                    not_before=quiet_until(rule.quiet_hours, now),
                    topics=topics,
                )
            )
    return planned


def new_story_key(rule: str, channel: str, story_id: int, kind: str = "new_story") -> str:
    """The outbox's dedupe key of one rule's alert of one kind about one story."""
    return f"{rule}|{channel}|story:{story_id}|{kind}"
