"""Which story changes alert whom (pure rules), and digests through the outbox."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from monitor.alerts import new_alert
from monitor.config import AlertRule
from monitor.delivery import queue_digest
from monitor.rules import StoryChange, plan_alerts, quiet_until
from monitor.store import Store, outbox

NOW = datetime(2025, 3, 11, 12, 0, tzinfo=UTC)
RULE = AlertRule(
    name="icesco", topics=("icesco",), events=("meeting", "visit"), channels=("mail", "hook")
)


def change(**kw) -> StoryChange:
    values = {
        "story_id": 5,
        "is_new": True,
        "topics": ("icesco",),
        "event_type": "meeting",
        "sources": ("Trend",),
        "new_sources": ("Trend",),
        "published": NOW - timedelta(hours=1),
    }
    values.update(kw)
    return StoryChange(**values)


TOLD = frozenset({("icesco", "mail"), ("icesco", "hook")})  # RULE was told of story 5


def plan(c: StoryChange, rules=(RULE,), now=NOW, told=TOLD):
    return plan_alerts(c, rules, now=now, max_age=timedelta(hours=48), told=told)


def test_a_new_story_alerts_each_channel_of_each_matching_rule_once() -> None:
    planned = plan(change())
    assert [(p.channel, p.kind, p.status) for p in planned] == [
        ("mail", "new_story", "pending"),
        ("hook", "new_story", "pending"),
    ]
    assert planned[0].dedupe_key == "icesco|mail|story:5|new_story"


@pytest.mark.parametrize(
    ("kw", "why"),
    [
        ({"topics": ("other",)}, "another topic"),
        ({"event_type": "award"}, "an event type the rule does not want"),
        ({"published": NOW - timedelta(days=30)}, "a backfill"),
        ({"is_new": False, "new_sources": ()}, "the same outlet again"),
    ],
)
def test_no_alert(kw: dict, why: str) -> None:
    assert plan(change(**kw)) == [], why


def test_a_new_outlet_on_a_known_story_is_a_follow_up() -> None:
    planned = plan(change(is_new=False, sources=("Trend", "News.az"), new_sources=("News.az",)))
    assert {p.kind for p in planned} == {"follow_up"}
    assert planned[0].dedupe_key.endswith("|follow_up")


def test_a_rule_not_told_of_the_story_gets_it_as_new_when_it_starts_to_match() -> None:
    """A rule for one outlet: the story began elsewhere, then that outlet reported it.
    Its readers hear of the story then, as news, never as "also reported by"."""
    newsaz = AlertRule(name="newsaz", sources=("News.az",), channels=("hook",))
    assert plan(change(), (newsaz,), told=frozenset()) == []
    later = change(is_new=False, sources=("Trend", "News.az"), new_sources=("News.az",))
    (alert,) = plan(later, (newsaz,), told=frozenset())
    assert alert.kind == "new_story" and alert.dedupe_key == "newsaz|hook|story:5|new_story"
    (follow_up,) = plan(later, (newsaz,), told=frozenset({("newsaz", "hook")}))
    assert follow_up.kind == "follow_up"


def test_source_filter_and_digest_rules() -> None:
    only_apa = AlertRule(name="apa", sources=("APA",), channels=("hook",))
    assert plan(change(), (only_apa,)) == []
    assert len(plan(change(sources=("Trend", "APA")), (only_apa,))) == 1
    daily = AlertRule(name="daily", channels=("mail",), digest="daily")
    (p,) = plan(change(), (daily,))
    assert p.status == "digest"


@pytest.mark.parametrize(
    ("quiet", "now", "until"),
    [
        (
            "22:00-07:00",
            datetime(2025, 3, 11, 23, 30, tzinfo=UTC),
            datetime(2025, 3, 12, 7, 0, tzinfo=UTC),
        ),
        (
            "22:00-07:00",
            datetime(2025, 3, 11, 3, 0, tzinfo=UTC),
            datetime(2025, 3, 11, 7, 0, tzinfo=UTC),
        ),
        (
            "22:00-07:00",
            datetime(2025, 3, 11, 12, 0, tzinfo=UTC),
            datetime(2025, 3, 11, 12, 0, tzinfo=UTC),
        ),
        (
            "12:00-13:00",
            datetime(2025, 3, 11, 12, 30, tzinfo=UTC),
            datetime(2025, 3, 11, 13, 0, tzinfo=UTC),
        ),
        (
            None,
            datetime(2025, 3, 11, 23, 30, tzinfo=UTC),
            datetime(2025, 3, 11, 23, 30, tzinfo=UTC),
        ),
    ],
)
def test_quiet_hours_delay_until_they_end(quiet, now, until) -> None:
    assert quiet_until(quiet, now) == until


def test_quiet_hours_apply_to_planned_alerts() -> None:
    rule = AlertRule(name="night", channels=("mail",), quiet_hours="22:00-07:00")
    late = datetime(2025, 3, 11, 23, 0, tzinfo=UTC)
    (p,) = plan(change(published=late), (rule,), now=late)
    assert p.not_before == datetime(2025, 3, 12, 7, 0, tzinfo=UTC)


def test_a_digest_folds_waiting_stories_into_one_alert(tmp_path) -> None:
    with Store(f"sqlite:///{tmp_path}/m.db") as store:
        with store.engine.begin() as conn:
            # story 1 is new, then followed up by a second outlet: listed once, as last told
            for story_id, kind, outlets in (
                (1, "new_story", 1),
                (2, "new_story", 1),
                (1, "follow_up", 2),
            ):
                alert = new_alert(
                    kind,
                    {
                        "story": {
                            "id": story_id,
                            "headline": f"Story {story_id}",
                            "outlets": outlets,
                        }
                    },
                    rule="daily",
                )
                row = outbox.row_for(
                    alert,
                    "mail",
                    f"daily|mail|story:{story_id}|{kind}",
                    story_id=story_id,
                    status="digest",
                )
                outbox.enqueue(conn, [row])
        assert outbox.claim_due(store.engine, NOW, limit=10, lease=60) == []  # digests wait
        assert queue_digest(store.engine, "daily", "mail", ["icesco"], NOW, timedelta(days=1)) == 1
        assert queue_digest(store.engine, "daily", "mail", ["icesco"], NOW, timedelta(days=1)) == 0
        (digest,) = outbox.claim_due(store.engine, NOW, limit=10, lease=60)
        assert digest.kind == "digest"
        assert [(s["id"], s["outlets"]) for s in digest.payload["stories"]] == [(1, 2), (2, 1)]
        assert digest.payload["period"] == {
            "start": "2025-03-10T12:00:00Z",
            "end": "2025-03-11T12:00:00Z",
        }
