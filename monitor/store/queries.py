"""Read-only queries for the HTTP API, the web page and the Atom feeds.

Each function takes the engine, opens one connection and returns plain values (dicts in
the export format, or small dataclasses); none writes. The other store modules own the
writing side; this one only adds the look-ups the faces need and the others lack: one
article by id with every URL and outlet, pages of stories with a total and every outlet
that carried each article, counts for ``/metrics`` and a reachability check.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import col

from monitor.errors import StoreError
from monitor.models import (
    ArticleRow,
    ArticleTopicRow,
    ArticleURLRow,
    OutboxRow,
    StoryRow,
)
from monitor.store import corrections
from monitor.store.articles import export_dict
from monitor.store.stories import story_snapshot

CHUNK = 500
# The id columns are INTEGER, 32 bits on PostgreSQL: a larger id cannot exist there, and
# binding one is a driver error ("integer out of range") instead of "not found".
MAX_ID = 2**31 - 1


@dataclass(frozen=True)
class StoryPage:
    """One page of stories (newest first) and the count of all that match."""

    total: int
    stories: list[dict[str, Any]]
    offset: int = 0


def ping(engine: Engine) -> None:
    """Raise StoreError unless the archive answers a trivial query."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1")).scalar_one()
    except SQLAlchemyError as exc:
        raise StoreError(f"the archive is not reachable: {exc}") from exc


def _urls_and_sources(
    conn: Connection, ids: Sequence[int]
) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    urls: dict[int, list[str]] = {i: [] for i in ids}
    sources: dict[int, list[str]] = {i: [] for i in ids}
    for start in range(0, len(ids), CHUNK):
        query = (
            select(col(ArticleURLRow.article_id), col(ArticleURLRow.url), ArticleURLRow.source)
            .where(col(ArticleURLRow.article_id).in_(ids[start : start + CHUNK]))
            .order_by(col(ArticleURLRow.id))
        )
        for article_id, url, source in conn.execute(query):
            urls[article_id].append(url)
            if source not in sources[article_id]:
                sources[article_id].append(source)
    return urls, sources


def articles_by_ids(engine: Engine, ids: Sequence[int]) -> list[dict[str, Any]]:
    """Articles in the export format (with ``urls`` and ``sources``), in the given order;
    ids not in the archive are left out."""
    wanted = [i for i in dict.fromkeys(ids) if 0 < i <= MAX_ID]
    if not wanted:
        return []
    try:
        with engine.connect() as conn:
            rows: dict[int, Any] = {}
            for start in range(0, len(wanted), CHUNK):
                query = select(ArticleRow).where(
                    col(ArticleRow.id).in_(wanted[start : start + CHUNK])
                )
                rows.update((row.id, row._mapping) for row in conn.execute(query))
            found = [i for i in wanted if i in rows]
            urls, sources = _urls_and_sources(conn, found)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read articles: {exc}") from exc
    return [export_dict(rows[i], urls[i], sources[i]) for i in found]


def get_article(engine: Engine, article_id: int) -> dict[str, Any] | None:
    """One article in the export format, or None when the archive has no such id."""
    found = articles_by_ids(engine, [article_id])
    return found[0] if found else None


def _outlets(conn: Connection, story_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    """Per story: every (outlet, url, article id) that carried one of its articles,
    earliest article first, each outlet once per article."""
    out: dict[int, list[dict[str, Any]]] = {s: [] for s in story_ids}
    when = func.coalesce(ArticleRow.published, ArticleRow.fetched_at)
    for start in range(0, len(story_ids), CHUNK):
        query = (
            select(
                ArticleRow.story_id,
                col(ArticleRow.id),
                ArticleURLRow.source,
                ArticleURLRow.url,
                ArticleRow.language,
            )
            .join(ArticleURLRow, col(ArticleURLRow.article_id) == col(ArticleRow.id))
            .where(col(ArticleRow.story_id).in_(story_ids[start : start + CHUNK]))
            .order_by(when, col(ArticleRow.id), col(ArticleURLRow.id))
        )
        seen: set[tuple[int, str]] = set()
        for story_id, article_id, source, url, language in conn.execute(query):
            if (article_id, source) in seen:
                continue
            seen.add((article_id, source))
            out[story_id].append(
                {"outlet": source, "url": url, "article_id": article_id, "language": language}
            )
    return out


def _story_filters(
    topics: Iterable[str], events: Iterable[str], sources: Iterable[str]
) -> list[Any]:
    conds: list[Any] = [StoryRow.article_count > 0]
    topics, events, sources = list(topics), list(events), list(sources)
    if topics:
        conds.append(
            col(StoryRow.id).in_(
                select(ArticleRow.story_id)
                .join(ArticleTopicRow, col(ArticleTopicRow.article_id) == col(ArticleRow.id))
                .where(col(ArticleTopicRow.topic).in_(topics))
            )
        )
    if events:
        conds.append(col(StoryRow.event_type).in_(events))
    if sources:
        conds.append(
            col(StoryRow.id).in_(
                select(ArticleRow.story_id)
                .join(ArticleURLRow, col(ArticleURLRow.article_id) == col(ArticleRow.id))
                .where(col(ArticleURLRow.source).in_(sources))
            )
        )
    return conds


def find_stories(
    engine: Engine,
    *,
    topics: Iterable[str] = (),
    events: Iterable[str] = (),
    sources: Iterable[str] = (),
    since: datetime | None = None,
    limit: int = 20,
    offset: int = 0,
) -> StoryPage:
    """Stories newest first (by first publication), with the total.

    Filters are OR-ed within a kind and AND-ed across kinds: any of ``topics`` (an
    article of the story matched it), any of ``events`` (the story's event type), any of
    ``sources`` (an outlet carried one of its articles, syndicated copies included).
    Each story is its snapshot (``monitor stories --json``) plus ``topics``,
    ``sources``, ``article_count``, ``first_published``, ``updated_at`` and ``outlets``:
    every outlet that carried each article, earliest first.
    """
    conds = _story_filters(topics, events, sources)
    if since is not None:
        conds.append(func.coalesce(StoryRow.last_published, StoryRow.updated_at) >= since)
    newest = func.coalesce(StoryRow.first_published, StoryRow.created_at)
    try:
        with engine.connect() as conn:
            total = int(
                conn.execute(select(func.count()).select_from(StoryRow).where(*conds)).scalar_one()
            )
            query = (
                select(StoryRow)
                .where(*conds)
                .order_by(newest.desc(), col(StoryRow.id).desc())
                .limit(limit)
                .offset(offset)
            )
            rows = list(conn.execute(query)) if total > offset else []
            stories = _complete(conn, rows)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read stories: {exc}") from exc
    return StoryPage(total=total, stories=stories, offset=offset)


def _complete(conn: Connection, rows: Sequence[Any]) -> list[dict[str, Any]]:
    outlets = _outlets(conn, [r.id for r in rows])
    stories = []
    for row in rows:
        story = story_snapshot(conn, row.id)
        story.update(
            topics=list(row.topics or []),
            sources=list(dict.fromkeys(o["outlet"] for o in outlets[row.id])),
            article_count=row.article_count,
            first_published=row.first_published,
            last_published=row.last_published,
            updated_at=row.updated_at,
            outlets=outlets[row.id],
        )
        stories.append(story)
    return stories


def get_story(engine: Engine, story_id: int) -> dict[str, Any] | None:
    """One story as ``find_stories`` returns it, with ``kept_apart_from``, or None when
    there is no such story."""
    if not 0 < story_id <= MAX_ID:
        return None
    try:
        with engine.connect() as conn:
            rows = list(
                conn.execute(
                    select(StoryRow).where(StoryRow.id == story_id, StoryRow.article_count > 0)
                )
            )
            if not rows:
                return None
            found = _complete(conn, rows)[0]
            # the stories a person's split keeps it apart from (monitor.store.corrections)
            found["kept_apart_from"] = sorted(corrections.apart_from(conn, [story_id]))
            return found
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read story {story_id}: {exc}") from exc


def distinct_values(engine: Engine) -> dict[str, list[str]]:
    """The sources and languages present in the archive (for the page's filter menus)."""
    try:
        with engine.connect() as conn:
            sources = [s for (s,) in conn.execute(select(ArticleURLRow.source).distinct())]
            languages = [lang for (lang,) in conn.execute(select(ArticleRow.language).distinct())]
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read the archive: {exc}") from exc
    return {"sources": sorted(sources, key=str.casefold), "languages": sorted(languages)}


@dataclass(frozen=True)
class ArchiveCounts:
    """What ``/metrics`` reports about the archive."""

    articles: int
    stories: int
    outbox: dict[str, int]


def archive_counts(engine: Engine) -> ArchiveCounts:
    """Articles, stories with at least one article, and outbox rows by status."""
    try:
        with engine.connect() as conn:
            articles = conn.execute(select(func.count()).select_from(ArticleRow)).scalar_one()
            stories = conn.execute(
                select(func.count()).select_from(StoryRow).where(StoryRow.article_count > 0)
            ).scalar_one()
            outbox = {
                status: int(n)
                for status, n in conn.execute(
                    select(OutboxRow.status, func.count()).group_by(OutboxRow.status)
                )
            }
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot count the archive: {exc}") from exc
    return ArchiveCounts(int(articles), int(stories), outbox)


def alert_states(engine: Engine, ids: Sequence[int]) -> dict[int, str]:
    """The delivery state of each of these outbox ids that exists."""
    query = select(OutboxRow.id, OutboxRow.status).where(col(OutboxRow.id).in_(list(ids)))
    try:
        with engine.connect() as conn:
            return {int(i): status for i, status in conn.execute(query)}
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read the outbox: {exc}") from exc
