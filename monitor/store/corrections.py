"""A person's word on stories: reports moved out of a story into a new one
(:func:`split`), stories joined into one (:func:`join`).

The rules fold reports of one event into one story, and now and then fold two events
(two meetings of the same people a week apart) or keep one event in two stories. A press
office or an analyst who sees it says so once, and the archive keeps it:

- a split moves the named articles, with their features and index keys, into a new
  story, and remembers each pair of a moved and a remaining article (``story_apart``).
  No fold joins two stories that hold such a pair again: neither a later report that
  fits both (:func:`monitor.store.merging.join_changed`) nor ``monitor reclassify
  --regroup`` (:meth:`monitor.clustering.Clusterer.story_join` leaves out the stories
  :func:`apart_from` names). New reports still join either story as the rules tell.
  The story keeps its id, and its alerts: what was sent spoke of it;
- a join folds the stories into the oldest (:func:`monitor.store.merging.fold`: their
  articles, index keys and alerts move, a link to an absorbed story leads to it) and
  forgets the pairs it held apart: the person's latest word stands.

Both run on the caller's connection, in one transaction, and check what they are given
first: a story that does not exist (:class:`~monitor.errors.UnknownRecord`), or was
joined into another, and an article that is not in the story named are errors that name
them, and nothing is written. :func:`split_story` and :func:`join_stories` run them as
the CLI and the API do: in one write transaction of the store, a split with the rules'
new-story alerts when asked.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, and_, delete, insert, select, union, update

from monitor.errors import InputError, UnknownRecord
from monitor.models import (
    ArticleFeaturesRow,
    ArticleRow,
    ArticleURLRow,
    StoryApartRow,
    StoryKeyRow,
    StoryRow,
)
from monitor.store import merging
from monitor.store import stories as stories_db
from monitor.urls import url_key

if TYPE_CHECKING:
    from monitor.store.core import Store

_MAX_ID = 2**63 - 1  # the largest id a database column holds (queries.MAX_ID is the API's)


def apart_from(conn: Connection, story_ids: Iterable[int]) -> set[int]:
    """The other stories holding an article that a split keeps apart from an article of
    these stories, in one query."""
    ids = list(story_ids)
    mine = select(ArticleRow.id).where(ArticleRow.story_id.in_(ids))  # type: ignore[union-attr]
    pairs = []
    for own, other in (
        (StoryApartRow.low_id, StoryApartRow.high_id),
        (StoryApartRow.high_id, StoryApartRow.low_id),
    ):
        pairs.append(
            select(ArticleRow.story_id)
            .join(StoryApartRow, other == ArticleRow.id)
            .where(own.in_(mine))  # type: ignore[attr-defined]
        )
    found = conn.execute(union(*pairs)).scalars()
    return {int(s) for s in found if s is not None and s not in ids}


def live_story(conn: Connection, story_id: int) -> None:
    """Nothing if ``story_id`` is a story with articles; else an error saying what it is."""
    query = select(StoryRow.article_count).where(StoryRow.id == story_id)
    count = conn.execute(query).scalar_one_or_none()
    if count is None:
        raise UnknownRecord(f"story {story_id} does not exist")
    went = merging.went_into(conn, story_id)
    if went is not None:
        raise InputError(f"story {story_id} was joined into story {went}: name story {went}")
    if not count:
        raise InputError(f"story {story_id} has no articles")


def article_ids(conn: Connection, story_id: int, refs: Sequence[str]) -> list[int]:
    """The articles of story ``story_id`` that ``refs`` name, each by its id or one of
    its URLs (as ``monitor stories`` lists them), in the order given; an error names the
    first that is not an article of that story. Two queries, however many refs."""
    keys = {ref: url_key(ref) for ref in refs if not ref.isdigit()}
    by_key: dict[str, int] = {}
    if keys:
        query = select(ArticleURLRow.url_key, ArticleURLRow.article_id).where(
            ArticleURLRow.url_key.in_(set(keys.values()))  # type: ignore[attr-defined]
        )
        by_key = {key: int(article) for key, article in conn.execute(query)}
    # an id beyond the table's range names no article (and is never sent to the database)
    named = [(ref, int(ref) if ref.isdigit() else by_key.get(keys[ref])) for ref in refs]
    wanted = {a for _, a in named if a is not None and a <= _MAX_ID}
    owner: dict[int, int] = {}
    if wanted:
        query = select(ArticleRow.id, ArticleRow.story_id).where(
            ArticleRow.id.in_(wanted)  # type: ignore[union-attr]
        )
        owner = {int(a): s for a, s in conn.execute(query)}
    found: list[int] = []
    for ref, article_id in named:
        if article_id is None:
            raise UnknownRecord(f"no stored article has the URL {ref}")
        if article_id not in owner:
            raise UnknownRecord(f"article {ref} does not exist")
        if owner[article_id] != story_id:
            raise InputError(
                f"article {ref} is in story {owner[article_id]}, not in story {story_id}"
            )
        if article_id not in found:
            found.append(article_id)
    return found


def _members(conn: Connection, story_id: int) -> list[int]:
    query = select(ArticleRow.id).where(ArticleRow.story_id == story_id).order_by(ArticleRow.id)
    return list(conn.execute(query).scalars())


def split(
    conn: Connection,
    story_id: int,
    refs: Sequence[str],
    now: datetime,
    prefer: Sequence[str] = (),
) -> tuple[int, list[int], dict[str, Any]]:
    """Move the articles ``refs`` name (ids or URLs) out of story ``story_id`` into a new
    story, kept apart from the articles that stay; returns the new story's id, the
    articles moved and the new story's values. Both stories are recomputed (headline in
    the first language of ``prefer``)."""
    live_story(conn, story_id)
    moving = article_ids(conn, story_id, refs)
    if not moving:
        raise InputError("name at least one article to move")
    staying = [a for a in _members(conn, story_id) if a not in moving]
    if not staying:
        raise InputError(
            f"those are all the articles of story {story_id}: name the ones to move, "
            "and at least one stays"
        )
    (new_id,) = stories_db.new_stories(conn, 1, now)
    for table, column in (
        (ArticleRow, ArticleRow.id),
        (ArticleFeaturesRow, ArticleFeaturesRow.article_id),
        (StoryKeyRow, StoryKeyRow.article_id),
    ):
        conn.execute(
            update(table).where(column.in_(moving)).values(story_id=new_id)  # type: ignore[attr-defined]
        )
    _remember(conn, [(a, b) for a in moving for b in staying], now)
    stories_db.refresh_story(conn, story_id, now, prefer)
    return new_id, moving, stories_db.refresh_story(conn, new_id, now, prefer)


def _remember(conn: Connection, pairs: Iterable[tuple[int, int]], now: datetime) -> None:
    # none is stored yet: a pair kept apart is never in one story (folds leave out such
    # stories, a join forgets the pairs it brings together)
    wanted = sorted({(min(a, b), max(a, b)) for a, b in pairs})
    rows = [{"low_id": low, "high_id": high, "created_at": now} for low, high in wanted]
    for start in range(0, len(rows), stories_db.CHUNK):
        conn.execute(insert(StoryApartRow), rows[start : start + stories_db.CHUNK])


def join(
    conn: Connection, story_ids: Sequence[int], now: datetime, prefer: Sequence[str] = ()
) -> tuple[int, int]:
    """Fold the stories into the oldest of them (the lowest id) and forget the pairs of
    their articles that a split kept apart; returns the surviving story and how many
    articles moved."""
    wanted = list(dict.fromkeys(story_ids))
    if len(wanted) < 2:
        raise InputError("name at least two different stories to join")
    for story_id in wanted:
        live_story(conn, story_id)
    survivor, *others = sorted(wanted)
    moved = sum(merging.fold(conn, survivor, other) for other in others)
    mine = select(ArticleRow.id).where(ArticleRow.story_id == survivor)
    conn.execute(
        delete(StoryApartRow).where(
            and_(
                StoryApartRow.low_id.in_(mine),  # type: ignore[attr-defined]
                StoryApartRow.high_id.in_(mine),  # type: ignore[attr-defined]
            )
        )
    )
    stories_db.refresh_story(conn, survivor, now, prefer)
    return survivor, moved


def split_story(
    store: Store, story_id: int, refs: Sequence[str], now: datetime, alert: bool = False
) -> tuple[int, list[int]]:
    """:func:`split` in one write transaction of ``store``; with ``alert`` the rules'
    new-story alerts about the split-off story are queued in it. Returns the new story's
    id and the articles moved."""
    with store.transaction() as conn:
        new_id, moved, after = split(conn, story_id, refs, now, store.headline_languages)
        if alert and store.on_story_changes is not None:
            dated = [after["last_published"]] if after["last_published"] else []
            change = stories_db.change_of(new_id, True, after, (), dated)
            store.on_story_changes(conn, [change], now)
    return new_id, moved


def join_stories(store: Store, story_ids: Sequence[int], now: datetime) -> tuple[int, int]:
    """:func:`join` in one write transaction of ``store``: the surviving story and how
    many articles moved."""
    with store.transaction() as conn:
        return join(conn, story_ids, now, store.headline_languages)


def _articles(count: int) -> str:
    return f"{count} article" if count == 1 else f"{count} articles"


def split_message(story_id: int, new_id: int, moved: int) -> str:
    """What a split did, as the CLI prints it and the API answers it."""
    return f"moved {_articles(moved)} from story {story_id} into new story {new_id}"


def join_message(story_ids: Iterable[int], survivor: int, moved: int) -> str:
    """What a join did, as the CLI prints it and the API answers it."""
    others = ", ".join(str(s) for s in sorted(set(story_ids)) if s != survivor)
    return f"joined story {others} into story {survivor}: {_articles(moved)} moved"
