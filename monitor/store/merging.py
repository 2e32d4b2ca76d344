"""Stories joined after the fact (``monitor reclassify --regroup``): the stories to read,
their members' stored features, and one story folded into another.

Folding keeps everything that was stored: the absorbed story's articles, features and
index keys move to the surviving story, and so do its alerts, so that "never alerted
twice" holds for the story they now make (a rule told of either is told of it); an
alert the survivor already has the twin of stays as it was, as history. The absorbed
story's row stays, empty, so that its id is never given to another story, and where it
went is remembered (``story_merge``), so that a link sent in an alert still leads to
the story.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, update

from monitor.models import (
    ArticleFeaturesRow,
    ArticleRow,
    OutboxRow,
    StoryKeyRow,
    StoryMergeRow,
    StoryRow,
)
from monitor.store.selection import article_time

AlertKey = Callable[[str, str, int, str], str]  # (rule, channel, story, kind) -> dedupe key


def stories_in_order(engine: Engine, since: datetime | None = None) -> list[int]:
    """The stories with an article published (else fetched) since ``since``, by their
    first article's time, then id."""
    first = func.min(article_time)
    query = select(ArticleRow.story_id, first).where(ArticleRow.story_id.is_not(None))  # type: ignore[union-attr]
    if since is not None:
        query = query.where(article_time >= since)
    query = query.group_by(ArticleRow.story_id).order_by(first, ArticleRow.story_id)
    with engine.connect() as conn:
        return [story_id for story_id, _ in conn.execute(query)]


def members(conn: Connection, story_id: int) -> list[tuple[int, datetime, bytes]]:
    """(article id, time, stored features) of a story's articles, the first to come
    first (published, else fetched; then by id)."""
    query = (
        select(ArticleFeaturesRow.article_id, article_time, ArticleFeaturesRow.data)
        .join(ArticleRow, ArticleRow.id == ArticleFeaturesRow.article_id)
        .where(ArticleFeaturesRow.story_id == story_id)
        .order_by(article_time, ArticleFeaturesRow.article_id)
    )
    return [(article_id, when, bytes(data)) for article_id, when, data in conn.execute(query)]


def fold(conn: Connection, survivor: int, absorbed: int, alert_key: AlertKey) -> int:
    """Move story ``absorbed`` into ``survivor``; returns how many articles moved.

    ``alert_key`` gives an alert's dedupe key for its rule, channel, story and kind (see
    :func:`monitor.rules.new_story_key`)."""
    moved = conn.execute(
        update(ArticleRow).where(ArticleRow.story_id == absorbed).values(story_id=survivor)
    ).rowcount
    for table in (ArticleFeaturesRow, StoryKeyRow):
        conn.execute(update(table).where(table.story_id == absorbed).values(story_id=survivor))
    alerts = conn.execute(
        select(OutboxRow.id, OutboxRow.rule, OutboxRow.channel, OutboxRow.kind).where(
            OutboxRow.story_id == absorbed
        )
    ).all()
    if alerts:
        wanted = {r.id: alert_key(r.rule or "", r.channel, survivor, r.kind) for r in alerts}
        keys = list(wanted.values())
        query = select(OutboxRow.dedupe_key).where(OutboxRow.dedupe_key.in_(keys))  # type: ignore[attr-defined]
        taken = set(conn.execute(query).scalars())
        for alert_id, key in wanted.items():
            if key in taken:
                continue  # the survivor has this alert already: the twin stays as history
            taken.add(key)
            conn.execute(
                update(OutboxRow)
                .where(OutboxRow.id == alert_id)
                .values(story_id=survivor, dedupe_key=key)
            )
    # a link to the absorbed story leads to the survivor, and so do links to the stories
    # the absorbed one had taken in before
    conn.execute(
        update(StoryMergeRow).where(StoryMergeRow.story_id == absorbed).values(story_id=survivor)
    )
    conn.execute(insert(StoryMergeRow).values(absorbed_id=absorbed, story_id=survivor))
    # the row stays, empty (listings show stories with articles only): its id is never
    # given to a new story, whose alerts it would otherwise take for sent
    conn.execute(update(StoryRow).where(StoryRow.id == absorbed).values(article_count=0))
    return int(moved or 0)


def merged_into(engine: Engine, story_id: int) -> int | None:
    """The story that an absorbed story now belongs to, if it was absorbed."""
    query = select(StoryMergeRow.story_id).where(StoryMergeRow.absorbed_id == story_id)
    with engine.connect() as conn:
        found: Any = conn.execute(query).scalar_one_or_none()
    return int(found) if found is not None else None
