"""Stored events read again: the articles' event fields in batches, and their updates.

``monitor reclassify`` reads every stored article (or those since a date) through
:func:`event_batches`, classifies it with the rules in force and writes back what changed
with :func:`save_events`, which also recomputes the stories those articles belong to
(type, date, place, people), in the same transaction; :func:`replace_features` writes
the story features and index keys the rules in force give them. Story membership is not
touched: which articles tell one event is the clusterer's decision, made when they were
stored.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, select, update

from monitor.models import ArticleFeaturesRow, ArticleRow, StoryKeyRow
from monitor.store import stories as stories_db
from monitor.store.selection import article_time

EVENT_FIELDS = ("event_type", "event_confidence", "event_date", "place", "participants")


def _classified(since: datetime | None) -> list[Any]:
    """The articles that were classified (not those kept without a topic), since ``since``
    (published, else fetched)."""
    conditions = [ArticleRow.event_type.is_not(None)]  # type: ignore[union-attr]
    return conditions if since is None else [*conditions, article_time >= since]


def count_since(engine: Engine, since: datetime | None) -> int:
    """How many classified articles :func:`event_batches` reads."""
    query = select(func.count()).select_from(ArticleRow).where(*_classified(since))
    with engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


def event_batches(
    engine: Engine, since: datetime | None = None, batch: int = 500
) -> Iterator[list[Any]]:
    """Classified articles with their text and event fields, ``batch`` at a time, by id."""
    columns = [getattr(ArticleRow, name) for name in EVENT_FIELDS]
    last = 0
    while True:
        query = (
            select(
                ArticleRow.id,
                ArticleRow.title,
                ArticleRow.body,
                ArticleRow.language,
                ArticleRow.published,
                ArticleRow.source,
                ArticleRow.story_id,
                *columns,
            )
            .where(ArticleRow.id > last, *_classified(since))  # type: ignore[operator]
            .order_by(ArticleRow.id)
            .limit(batch)
        )
        with engine.connect() as conn:
            rows = list(conn.execute(query))
        if not rows:
            return
        yield rows
        last = rows[-1].id


def save_events(
    conn: Connection,
    changes: Sequence[dict[str, Any]],
    story_ids: set[int],
    now: datetime,
    prefer: Sequence[str] = (),
) -> None:
    """Write each change (``id`` and the :data:`EVENT_FIELDS`), then recompute the stories."""
    if changes:
        values = [{"key": c["id"], **{f"new_{f}": c[f] for f in EVENT_FIELDS}} for c in changes]
        statement = (
            update(ArticleRow)
            .where(ArticleRow.id == bindparam("key"))
            .values({f: bindparam(f"new_{f}") for f in EVENT_FIELDS})
        )
        conn.execute(statement, values)
    for story_id in sorted(story_ids):
        stories_db.refresh_story(conn, story_id, now, prefer)


def replace_features(
    conn: Connection, refreshed: Sequence[tuple[int, int, bytes, Sequence[str]]]
) -> None:
    """Write each (article, story, packed features, index keys): the features replace the
    stored ones, the keys the article's keys in the candidate index."""
    if not refreshed:
        return
    ids = [article_id for article_id, *_ in refreshed]
    conn.execute(
        update(ArticleFeaturesRow)
        .where(ArticleFeaturesRow.article_id == bindparam("key"))
        .values(data=bindparam("new_data")),
        [{"key": a, "new_data": data} for a, _, data, _ in refreshed],
    )
    for start in range(0, len(ids), stories_db.CHUNK):
        chunk = ids[start : start + stories_db.CHUNK]
        conn.execute(delete(StoryKeyRow).where(StoryKeyRow.article_id.in_(chunk)))  # type: ignore[attr-defined]
    rows = [{"key": k, "story_id": s, "article_id": a} for a, s, _, keys in refreshed for k in keys]
    if rows:
        conn.execute(insert(StoryKeyRow), rows)
