"""Stories joined into one: the stories a batch changed, folded at arrival into another
they now join (:func:`join_changed`), and after the fact (``monitor reclassify
--regroup``: the stories to read, their members' stored features); one story folded into
another (:func:`fold`).

Folding keeps everything that was stored: the absorbed story's articles, features and
index keys move to the surviving story, and so do its alerts, so that "never alerted
twice" holds for the story they now make (a rule told of either is told of it); an
alert the survivor already has the twin of stays as history, and is never delivered if
it was not yet (status ``joined``). The absorbed
story's row stays, empty, so that its id is never given to another story, and where it
went is remembered (``story_merge``), so that a link sent in an alert still leads to
the story.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, func, insert, select, update

from monitor.models import (
    ArticleFeaturesRow,
    ArticleRow,
    OutboxRow,
    StoryKeyRow,
    StoryMergeRow,
    StoryRow,
)
from monitor.rules import StoryChange, new_story_key
from monitor.store import stories as stories_db
from monitor.store.selection import article_time

MAX_FOLDS = 20  # stories folded into one story by one batch, at most
UNDELIVERED = ("pending", "failed", "digest")  # an alert's states before it reaches anyone


class StoryJoiner(Protocol):
    """What decides that a stored story joins another (``monitor.clustering.Clusterer``)."""

    def story_join(
        self, conn: Connection, story_id: int, gone: Mapping[int, int], via: Sequence[bytes] = ()
    ) -> int | None: ...


def survivor_of(gone: Mapping[int, int], story_id: int) -> int:
    """The story that ``story_id`` is now part of (``gone``: each absorbed story, to the
    story it went into, chains included)."""
    while story_id in gone:
        story_id = gone[story_id]
    return story_id


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


def members(conn: Connection, story_id: int) -> list[tuple[int, bytes]]:
    """(article id, stored features) of a story's articles in the order they came (by id:
    its founding report first)."""
    query = (
        select(ArticleFeaturesRow.article_id, ArticleFeaturesRow.data)
        .where(ArticleFeaturesRow.story_id == story_id)
        .order_by(ArticleFeaturesRow.article_id)
    )
    return [(article_id, bytes(data)) for article_id, data in conn.execute(query)]


def fold(conn: Connection, survivor: int, absorbed: int) -> int:
    """Move story ``absorbed`` into ``survivor``; returns how many articles moved."""
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
        wanted = {r.id: new_story_key(r.rule or "", r.channel, survivor, r.kind) for r in alerts}
        keys = list(wanted.values())
        query = select(OutboxRow.dedupe_key).where(OutboxRow.dedupe_key.in_(keys))  # type: ignore[attr-defined]
        taken = set(conn.execute(query).scalars())
        for alert_id, key in wanted.items():
            if key in taken:
                # the survivor has this alert already: the twin stays as history, and one
                # not yet delivered never will be (the reader has, or gets, the survivor's)
                conn.execute(
                    update(OutboxRow)
                    .where(OutboxRow.id == alert_id)
                    .where(OutboxRow.status.in_(UNDELIVERED))  # type: ignore[attr-defined]
                    .values(
                        status="joined",
                        next_attempt_at=None,
                        last_error=f"story {absorbed} joined story {survivor}, which has it",
                    )
                )
                continue
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


def went_into(conn: Connection, story_id: int) -> int | None:
    """The story that an absorbed story now belongs to, if it was absorbed."""
    query = select(StoryMergeRow.story_id).where(StoryMergeRow.absorbed_id == story_id)
    found: Any = conn.execute(query).scalar_one_or_none()
    return int(found) if found is not None else None


def merged_into(engine: Engine, story_id: int) -> int | None:
    """:func:`went_into`, on a connection of its own."""
    with engine.connect() as conn:
        return went_into(conn, story_id)


def join_changed(
    conn: Connection,
    clusterer: StoryJoiner,
    changes: list[StoryChange],
    arrived: dict[int, list[bytes]],
    now: datetime,
    prefer: Sequence[str] = (),
) -> tuple[list[StoryChange], dict[int, int]]:
    """Fold each stored story that a new article joined into another story it now joins
    (:meth:`monitor.clustering.Clusterer.story_join`, as ``monitor reclassify --regroup``
    does), looking up the candidates by its new articles (``arrived``, packed): a later
    report that fits two stories tells that they are one event. Returns
    the changes, those of the absorbed stories told as the survivors', and the absorbed
    stories, to the story each went into."""
    gone: dict[int, int] = {}
    before: dict[int, list[str]] = {}  # the survivors' outlets before this batch
    for change in changes:
        before[change.story_id] = [s for s in change.sources if s not in change.new_sources]
    for change in changes:
        story_id = change.story_id
        via = arrived.get(story_id, [])
        if change.is_new and len(via) == 1:
            continue  # founded by one new article that joined none of these stories
        for _ in range(MAX_FOLDS):
            if story_id in gone:
                break
            other = clusterer.story_join(conn, story_id, gone, via)
            if other is None:
                break
            survivor, absorbed = min(story_id, other), max(story_id, other)
            if survivor not in before:
                before[survivor] = stories_db.story_sources(conn, [survivor]).get(survivor, [])
            fold(conn, survivor, absorbed)
            gone[absorbed] = survivor
            story_id = survivor
    if not gone:
        return changes, gone
    groups: dict[int, list[StoryChange]] = {}
    for change in changes:
        groups.setdefault(survivor_of(gone, change.story_id), []).append(change)
    joined = []
    for target, group in groups.items():
        if len(group) == 1 and group[0].story_id == target and target not in gone.values():
            joined.append(group[0])
            continue
        after = stories_db.refresh_story(conn, target, now, prefer)
        published = [c.published for c in group if c.published is not None]
        # new when this batch founded the survivor (then it founded the absorbed stories
        # too: an older story survives)
        is_new = any(c.story_id == target and c.is_new for c in group)
        joined.append(stories_db.change_of(target, is_new, after, before[target], published))
    return joined, gone
