"""Stories in the archive: the candidate index, shingle document frequencies, features,
story rows and the queries `monitor stories` and alerts need.

Reads take a connection so that deciding a batch of new articles and writing the result
happen in one transaction (see ``monitor.clustering``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError

from monitor.errors import StoreError
from monitor.lead import summary as lead_summary
from monitor.models import (
    ArticleFeaturesRow,
    ArticleRow,
    ArticleTopicRow,
    ArticleURLRow,
    ShingleDFRow,
    StoryKeyRow,
    StoryRow,
)
from monitor.person_names import merge_participants
from monitor.rules import StoryChange

CHUNK = 500
_SIGN = 1 << 63


def to_db(shingle: int) -> int:
    """A 64-bit unsigned shingle as a signed BIGINT (two's complement)."""
    return shingle - (1 << 64) if shingle >= _SIGN else shingle


def from_db(value: int) -> int:
    return value + (1 << 64) if value < 0 else value


def df_lookup(conn: Connection, shingles: Iterable[int]) -> dict[int, int]:
    """Stories containing each shingle (only the shingles seen before)."""
    wanted = sorted({to_db(s) for s in shingles})
    found: dict[int, int] = {}
    for start in range(0, len(wanted), CHUNK):
        query = select(ShingleDFRow.shingle, ShingleDFRow.stories).where(
            ShingleDFRow.shingle.in_(wanted[start : start + CHUNK])  # type: ignore[attr-defined]
        )
        for shingle, count in conn.execute(query):
            found[from_db(shingle)] = count
    return found


def story_total(conn: Connection) -> int:
    """How many stories there are (ids are dense: the largest id, an index look-up)."""
    return int(conn.execute(select(func.max(StoryRow.id))).scalar_one() or 0)


MAX_KEYS = 400  # keys per candidate statement (SQLite compounds at most 500 SELECTs)


def _candidate_sql(count: int, per_key: int, limit: int | None) -> str:
    hits = " UNION ALL ".join(
        f"SELECT {i} AS k, article_id, story_id FROM (SELECT article_id, story_id "
        f"FROM story_key WHERE key = :k{i} ORDER BY id DESC LIMIT {int(per_key)}) AS c{i}"
        for i in range(count)
    )
    best = "" if limit is None else f" ORDER BY weight DESC, article_id DESC LIMIT {int(limit)}"
    return (
        "SELECT article_id, max(story_id), sum(w) AS weight FROM (SELECT article_id, story_id, "
        f"1.0 / count(*) OVER (PARTITION BY k) AS w FROM ({hits}) AS hits) AS weighed "
        f"GROUP BY article_id{best}"
    )


def candidates(
    conn: Connection, keys: Iterable[str], *, per_key: int = 20, limit: int = 16
) -> list[tuple[int, int]]:
    """(article id, story id) of the ``limit`` stored articles sharing most with a new one.

    Each key reads the latest ``per_key`` articles filed under it, from story_key's
    lookup index alone (a range of (key, id) read backwards, the ids carried in the
    index). An article found under a key that holds few others shares rare evidence:
    the same wording (an LSH band), a little-known person in the same month. One found
    under a key that holds many shares little: the Director General, whom every other
    story names. So each key weighs 1 / (the articles it returned), an article scores
    the sum of its keys' weights, and the best ``limit`` (then the latest) are compared.
    The cost depends on the number of keys and the caps, never on the archive's size;
    the ranking happens in the database, one statement for up to ``MAX_KEYS`` keys.
    """
    keys = sorted(set(keys))
    chunks = [keys[start : start + MAX_KEYS] for start in range(0, len(keys), MAX_KEYS)]
    stories: dict[int, int] = {}
    weight: dict[int, float] = {}
    for chunk in chunks:
        statement = text(_candidate_sql(len(chunk), per_key, limit if len(chunks) == 1 else None))
        params = {f"k{i}": key for i, key in enumerate(chunk)}
        for article_id, story_id, w in conn.execute(statement, params):
            stories[article_id] = story_id
            weight[article_id] = weight.get(article_id, 0.0) + float(w)
    best = sorted(stories, key=lambda a: (weight[a], a), reverse=True)[:limit]
    return [(a, stories[a]) for a in best]


def load_features(conn: Connection, article_ids: Iterable[int]) -> dict[int, tuple[int, bytes]]:
    ids = sorted(set(article_ids))
    found: dict[int, tuple[int, bytes]] = {}
    for start in range(0, len(ids), CHUNK):
        query = select(
            ArticleFeaturesRow.article_id, ArticleFeaturesRow.story_id, ArticleFeaturesRow.data
        ).where(ArticleFeaturesRow.article_id.in_(ids[start : start + CHUNK]))  # type: ignore[attr-defined]
        for article_id, story_id, data in conn.execute(query):
            found[article_id] = (story_id, bytes(data))
    return found


def new_stories(conn: Connection, count: int, now: datetime) -> list[int]:
    """Insert ``count`` empty story rows; their ids, in order."""
    if count == 0:
        return []
    empty = {"headline": "", "participants": [], "topics": [], "sources": []}
    rows = [{**empty, "created_at": now, "updated_at": now} for _ in range(count)]
    result = conn.execute(
        insert(StoryRow).returning(StoryRow.id, sort_by_parameter_order=True), rows
    )
    return list(result.scalars().all())


def add_index(
    conn: Connection,
    keys: Sequence[tuple[str, int, int]],
    features: Sequence[tuple[int, int, bytes]],
    df_shingles: Iterable[int],
) -> None:
    """Write candidate keys (key, story, article), features and df increments."""
    if keys:
        conn.execute(
            insert(StoryKeyRow),
            [{"key": k, "story_id": s, "article_id": a} for k, s, a in keys],
        )
    if features:
        conn.execute(
            insert(ArticleFeaturesRow),
            [{"article_id": a, "story_id": s, "data": d} for a, s, d in features],
        )
    counts = Counter(to_db(s) for s in df_shingles)
    if counts:
        maker = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
        statement = maker(ShingleDFRow)
        statement = statement.on_conflict_do_update(
            index_elements=["shingle"],
            set_={"stories": ShingleDFRow.stories + statement.excluded.stories},
        )
        rows = [{"shingle": s, "stories": n} for s, n in counts.items()]
        for start in range(0, len(rows), CHUNK):
            conn.execute(statement, rows[start : start + CHUNK])


def story_sources(conn: Connection, story_ids: Iterable[int]) -> dict[int, list[str]]:
    ids = sorted(set(story_ids))
    query = select(StoryRow.id, StoryRow.sources).where(StoryRow.id.in_(ids))  # type: ignore[union-attr]
    return {sid: list(sources or []) for sid, sources in conn.execute(query)}


def story_type(articles: Iterable[tuple[str | None, float | None]]) -> tuple[str, float | None]:
    """A story's event type and how sure it is, from its articles' (type, confidence).

    The type is the one most of its articles report ("other" when none reports another);
    on a tie, the one they are surer of (the larger sum of confidence), then the first
    reported. The confidence is the mean of its articles' confidence in that type, an
    article of another type counting 0: one sure report gives its own confidence, reports
    that disagree lower it. Articles of type "other" count only in an "other" story, and
    articles stored without a confidence not at all (None if none has).
    """
    pairs = [(kind, sure) for kind, sure in articles if kind]
    kinds = Counter(kind for kind, _ in pairs if kind != "other")
    weight: dict[str, float] = {}
    for kind, sure in pairs:
        weight[kind] = weight.get(kind, 0.0) + (sure or 0.0)
    # max() keeps the first of equals: the first reported (Counter keeps insertion order)
    winner = max(kinds, key=lambda k: (kinds[k], weight[k])) if kinds else "other"
    counted = [
        (kind, sure)
        for kind, sure in pairs
        if sure is not None and (kind != "other" or winner == "other")
    ]
    if not counted:
        return winner, None
    return winner, round(sum(sure for kind, sure in counted if kind == winner) / len(counted), 3)


def headline_of(rows: Sequence[Any], prefer: Sequence[str]) -> str:
    """The title of the earliest of ``rows`` (in order) in the first language of
    ``prefer`` one of them is written in, else of the first row."""
    for language in prefer:
        for row in rows:
            if (row.language or "").split("-")[0] == language:
                return str(row.title)
    return str(rows[0].title)


def _most_common(values: Iterable[Any]) -> Any:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None


def _outlets_in_order(conn: Connection, rows: Sequence[Any]) -> list[str]:
    """Every outlet that carried one of the articles (``rows``, earliest first): each
    article's own outlet, then the outlets that ran a copy of it."""
    copies: dict[int, list[str]] = {row.id: [] for row in rows}
    ids = list(copies)
    for start in range(0, len(ids), CHUNK):
        query = (
            select(ArticleURLRow.article_id, ArticleURLRow.source)
            .where(ArticleURLRow.article_id.in_(ids[start : start + CHUNK]))  # type: ignore[attr-defined]
            .order_by(ArticleURLRow.id)
        )
        for article_id, source in conn.execute(query):
            copies[article_id].append(source)
    ordered = (source for row in rows for source in (row.source, *copies[row.id]))
    return list(dict.fromkeys(ordered))


def outlets_of(conn: Connection, story_id: int) -> list[str]:
    """A story's outlets as ``refresh_story`` writes them."""
    query = (
        select(ArticleRow.id, ArticleRow.source)
        .where(ArticleRow.story_id == story_id)
        .order_by(func.coalesce(ArticleRow.published, ArticleRow.fetched_at), ArticleRow.id)
    )
    return _outlets_in_order(conn, list(conn.execute(query)))


def refresh_story(
    conn: Connection, story_id: int, now: datetime, prefer: Sequence[str] = ()
) -> dict[str, Any]:
    """Recompute a story's headline, event, place, people, outlets and topics from its
    articles (the headline of its earliest article in the first language of ``prefer``
    that one is written in, else of its earliest article; the most reported event type,
    date and
    place; every outlet that carried an article, syndicated copies included); returns
    the new values."""
    query = (
        select(ArticleRow)
        .where(ArticleRow.story_id == story_id)
        .order_by(func.coalesce(ArticleRow.published, ArticleRow.fetched_at), ArticleRow.id)
    )
    rows = list(conn.execute(query))
    if not rows:
        return {}
    people = merge_participants(row.participants or [] for row in rows)
    kind, sure = story_type((r.event_type, r.event_confidence) for r in rows)
    topics: list[str] = []
    for row in rows:
        topics += [t for t in row.topics or [] if t not in topics]
    sources = _outlets_in_order(conn, rows)
    dated = [r.published for r in rows if r.published]
    values = {
        "headline": headline_of(rows, prefer),
        "event_type": kind,
        "event_confidence": sure,
        "event_date": _most_common(r.event_date for r in rows),
        "place": _most_common(r.place for r in rows),
        "participants": people[:12],
        "topics": topics,
        "sources": sources,
        "article_count": len(rows),
        "first_published": min(dated) if dated else None,
        "last_published": max(dated) if dated else None,
        "updated_at": now,
    }
    conn.execute(update(StoryRow).where(StoryRow.id == story_id).values(**values))
    return values


def change_of(
    story_id: int,
    is_new: bool,
    after: dict[str, Any],
    sources_before: Sequence[str],
    published: Iterable[datetime],
) -> StoryChange:
    """What a change did to a story, from its values as :func:`refresh_story` returns
    them, its outlets before, and the publication times of the articles that made it."""
    latest = max(published, default=None)
    return StoryChange(
        story_id=story_id,
        is_new=is_new,
        topics=tuple(after["topics"]),
        event_type=after["event_type"],
        sources=tuple(after["sources"]),
        new_sources=tuple(s for s in after["sources"] if s not in sources_before),
        published=latest,
    )


def story_snapshot(conn: Connection, story_id: int, *, summary_chars: int = 400) -> dict[str, Any]:
    """A story as alerts and `monitor stories --json` show it (the documented payload)."""
    story = conn.execute(select(StoryRow).where(StoryRow.id == story_id)).one()
    query = (
        select(ArticleRow)
        .where(ArticleRow.story_id == story_id)
        .order_by(func.coalesce(ArticleRow.published, ArticleRow.fetched_at), ArticleRow.id)
    )
    articles = []
    summary = ""
    for row in conn.execute(query):
        if not summary:
            summary = lead_summary(row.body, summary_chars)
        terms = {
            topic: list(dict.fromkeys(h["term"] for h in info.get("hits", [])))
            for topic, info in (row.matched_terms or {}).items()
        }
        articles.append(
            {
                "id": row.id,
                "outlet": row.source,
                "url": row.url,
                "title": row.title,
                "published": row.published.isoformat().replace("+00:00", "Z")
                if row.published
                else None,
                "topics": list(row.topics or []),
                "matched_terms": terms,
            }
        )
    return {
        "id": story.id,
        "event_type": story.event_type,
        "event_confidence": story.event_confidence,
        "event_date": story.event_date.isoformat() if story.event_date else None,
        "place": story.place,
        "participants": [
            {"name": p.get("name"), "role": p.get("role"), "organisation": p.get("organisation")}
            for p in story.participants or []
        ],
        "headline": story.headline,
        "summary": summary,
        "articles": articles,
    }


def list_stories(
    engine: Engine,
    *,
    topic: str | None = None,
    since: datetime | None = None,
    limit: int = 50,
) -> list[dict[str, Any]]:
    """Stories, newest first, each as its snapshot."""
    query = select(StoryRow.id).where(StoryRow.article_count > 0)
    if topic:
        query = query.where(
            StoryRow.id.in_(  # type: ignore[union-attr]
                select(ArticleRow.story_id)
                .join(ArticleTopicRow, ArticleTopicRow.article_id == ArticleRow.id)
                .where(ArticleTopicRow.topic == topic)
            )
        )
    if since:
        query = query.where(func.coalesce(StoryRow.last_published, StoryRow.updated_at) >= since)
    query = query.order_by(
        func.coalesce(StoryRow.first_published, StoryRow.created_at).desc()
    ).limit(limit)
    try:
        with engine.connect() as conn:
            ids = [sid for (sid,) in conn.execute(query)]
            return [story_snapshot(conn, sid) for sid in ids]
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read stories: {exc}") from exc


def merge_urls_into(
    conn: Connection, article_id: int, urls: Sequence[tuple[str, str, str]]
) -> None:
    """Record (url, url_key, source) as more addresses of an existing article."""
    if urls:
        conn.execute(
            insert(ArticleURLRow),
            [{"article_id": article_id, "url": u, "url_key": k, "source": s} for u, k, s in urls],
        )
