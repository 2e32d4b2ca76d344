"""Adding articles: identity by URL and content, near-duplicates, stories, one transaction.

``add`` decides, for a batch, which articles are new and which are known under another
URL or with the same content (their URLs join the stored article); asks the clusterer
(``monitor.clustering``) about near-identical copies and story membership; then writes
articles, URLs, topics, the story index and the refreshed stories, folds a story the
batch changed into another it now joins (a later report that fits two stories), and
hands the story changes to the hook that queues alerts — all on the caller's
connection, so all or nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, insert, select

from monitor.models import ArticleRow, ArticleTopicRow, ArticleURLRow
from monitor.records import AddOutcome, Prepared, TopicMatch
from monitor.rules import StoryChange
from monitor.store import merging
from monitor.store import stories as stories_db
from monitor.urls import url_key

if TYPE_CHECKING:
    from monitor.classify import EventInfo
    from monitor.clustering import Clusterer, Filing

CHUNK = 500
StoryHook = Callable[[Any, list[StoryChange], datetime], None]


def hits_as_dict(matches: Iterable[TopicMatch]) -> dict[str, Any]:
    """matched_terms as stored and exported: topic -> score and hits."""
    return {
        m.topic: {
            "score": m.score,
            "hits": [{"term": h.term, "field": h.field, "count": h.count} for h in m.hits],
        }
        for m in matches
    }


def add(
    conn: Connection,
    items: Sequence[Prepared],
    now: datetime,
    *,
    clusterer: Clusterer | None = None,
    on_story_changes: StoryHook | None = None,
    headline_languages: Sequence[str] = (),
) -> list[AddOutcome]:
    """Store a batch on ``conn``; see the module docstring. A story's headline is taken
    in the first of ``headline_languages`` one of its articles is written in."""
    # An owner is ("old", article id) for a stored article or ("new", index) for an
    # article of this batch; every URL key and content hash maps to its owner.
    urls_of = [list(dict.fromkeys((p.article.url, *p.article.urls))) for p in items]
    keys_of = [[url_key(u) for u in urls] for urls in urls_of]
    key_owner: dict[str, tuple[str, int]] = {
        key: ("old", article_id)
        for key, article_id in lookup(
            conn,
            ArticleURLRow.url_key,
            ArticleURLRow.article_id,
            {k for ks in keys_of for k in ks},
        ).items()
    }
    hash_owner: dict[str, tuple[str, int]] = {
        digest: ("old", article_id)
        for digest, article_id in lookup(
            conn,
            ArticleRow.content_hash,
            ArticleRow.id,
            {p.article.content_hash for p in items},
        ).items()
    }
    decisions: list[tuple[tuple[str, int], str]] = []  # (owner, "stored"|"url"|"content")
    url_rows: list[tuple[tuple[str, int], str, str, str]] = []  # owner, url, key, source
    new_urls: set[int] = set()  # the items that brought a URL the archive did not have
    for index, (prepared, urls, keys) in enumerate(zip(items, urls_of, keys_of, strict=True)):
        art = prepared.article
        owner = next((key_owner[k] for k in keys if k in key_owner), None)
        decision = "url"
        if owner is None and art.content_hash in hash_owner:
            owner, decision = hash_owner[art.content_hash], "content"
        if owner is None:
            owner, decision = ("new", index), "stored"
            hash_owner[art.content_hash] = owner
        for url, key in zip(urls, keys, strict=True):
            if key not in key_owner:
                key_owner[key] = owner
                url_rows.append((owner, url, key, art.source))
                new_urls.add(index)
        decisions.append((owner, decision))

    new_index = [i for i, (_, decision) in enumerate(decisions) if decision == "stored"]
    redirect: dict[int, tuple[str, int]] = {}  # new items folded into another article
    filings: dict[int, Filing] = {}
    positions = list(new_index)  # filings count positions in this list
    if clusterer is not None and new_index:
        for position, filing in enumerate(clusterer.decide(conn, [items[i] for i in positions])):
            index = positions[position]
            if filing.duplicate_of is None:
                filings[index] = filing
                continue
            kind, value = filing.duplicate_of
            redirect[index] = ("old", value) if kind == "old" else ("new", positions[value])
            decisions[index] = (redirect[index], "similar")
        new_index = [i for i in new_index if i not in redirect]

    story_of: dict[int, int] = {}  # item index -> story id
    founders = [i for i, f in filings.items() if f.story == ("new", positions.index(i))]
    founded = dict(zip(founders, stories_db.new_stories(conn, len(founders), now), strict=True))
    for index, filing in filings.items():
        assert filing.story is not None
        kind, value = filing.story
        story_of[index] = value if kind == "old" else founded[positions[value]]

    ids: dict[int, int] = {}
    if new_index:
        rows = [article_row(items[i], story_of.get(i)) for i in new_index]
        # a plain executemany and one look-up by the (unique) URL beat INSERT ... RETURNING,
        # which both drivers run row by row when the order of the ids must be kept
        conn.execute(insert(ArticleRow), rows)
        by_url: dict[str, int] = {}
        urls = [r["url"] for r in rows]
        for start in range(0, len(urls), CHUNK):
            by_url.update(
                conn.execute(
                    select(ArticleRow.url, ArticleRow.id).where(
                        ArticleRow.url.in_(urls[start : start + CHUNK])
                    )
                ).all()
            )
        ids = {i: by_url[r["url"]] for i, r in zip(new_index, rows, strict=True)}

    def resolve(owner: tuple[str, int]) -> int:
        kind, value = owner
        while kind == "new" and value in redirect:
            kind, value = redirect[value]
        return ids[value] if kind == "new" else value

    if url_rows:
        conn.execute(
            insert(ArticleURLRow),
            [
                {"article_id": resolve(o), "url": u, "url_key": k, "source": s}
                for o, u, k, s in url_rows
            ],
        )
    topic_rows = [
        {"article_id": ids[i], "topic": m.topic, "score": m.score}
        for i in new_index
        for m in items[i].matches
    ]
    if topic_rows:
        conn.execute(insert(ArticleTopicRow), topic_rows)
    changes: list[StoryChange] = []
    if filings:
        changes = _file_stories(
            conn, items, filings, ids, story_of, set(founded.values()), now, headline_languages
        )
    if clusterer is not None and changes:
        arrived: dict[int, list[bytes]] = {}  # story -> its new articles' features
        for index, filing in filings.items():
            arrived.setdefault(story_of[index], []).append(filing.data)
        changes, gone = merging.join_changed(
            conn, clusterer, changes, arrived, now, headline_languages
        )
        for index, story_id in story_of.items():
            story_of[index] = merging.survivor_of(gone, story_id)
    copied: dict[int, list[int]] = {}  # stored article -> the items that were copies of it
    for index, (owner, decision) in enumerate(decisions):
        if decision != "stored" and index in new_urls:  # only a new URL brings an outlet
            copied.setdefault(resolve(owner), []).append(index)
    changes += _copies_join(
        conn, items, copied, {c.story_id for c in changes}, now, headline_languages
    )
    if changes and on_story_changes is not None:
        on_story_changes(conn, changes, now)
    return [
        AddOutcome(
            "stored" if decision == "stored" else "duplicate",
            resolve(owner),
            prepared.article.url,
            "" if decision == "stored" else decision,
            story_of.get(index),
        )
        for index, (prepared, (owner, decision)) in enumerate(zip(items, decisions, strict=True))
    ]


def _file_stories(
    conn: Connection,
    items: Sequence[Prepared],
    filings: dict[int, Filing],
    ids: dict[int, int],
    story_of: dict[int, int],
    founded: set[int],
    now: datetime,
    prefer: Sequence[str] = (),
) -> list[StoryChange]:
    """Index the new articles, refresh their stories; returns the changes."""
    keys = [(k, story_of[i], ids[i]) for i, f in filings.items() for k in f.keys]
    feats = [(ids[i], story_of[i], f.data) for i, f in filings.items()]
    shingles = [s for f in filings.values() for s in f.df_shingles]
    stories_db.add_index(conn, keys, feats, shingles)
    touched = sorted(set(story_of.values()))
    before = stories_db.story_sources(conn, [s for s in touched if s not in founded])
    changes = []
    for story_id in touched:
        after = stories_db.refresh_story(conn, story_id, now, prefer)
        mine = [items[i] for i in filings if story_of[i] == story_id]
        changes.append(_change(story_id, story_id in founded, after, before, mine))
    return changes


def _change(
    story_id: int,
    is_new: bool,
    after: dict[str, Any],
    before: dict[int, list[str]],
    mine: Sequence[Prepared],
) -> StoryChange:
    """What storing ``mine`` did to a story, from its refreshed values and its outlets
    before."""
    published = [p for item in mine if (p := item.article.published) is not None]
    return stories_db.change_of(story_id, is_new, after, before.get(story_id, []), published)


def _copies_join(
    conn: Connection,
    items: Sequence[Prepared],
    copied: dict[int, list[int]],
    refreshed: set[int],
    now: datetime,
    prefer: Sequence[str] = (),
) -> list[StoryChange]:
    """Refresh the stories that a copy (a known URL, the same or a near-identical body)
    brings an outlet they did not have; returns those changes. A copy from an outlet
    the story already has changes nothing, so feeds and alerts stay quiet."""
    if not copied:
        return []
    story_of: dict[int, list[int]] = {}
    query = select(ArticleRow.id, ArticleRow.story_id).where(
        ArticleRow.id.in_(sorted(copied)),  # type: ignore[attr-defined]
        ArticleRow.story_id.is_not(None),  # type: ignore[union-attr]
    )
    for article_id, story_id in conn.execute(query):
        if story_id not in refreshed:
            story_of.setdefault(story_id, []).extend(copied[article_id])
    before = stories_db.story_sources(conn, story_of)
    changes = []
    for story_id, indexes in sorted(story_of.items()):
        if set(stories_db.outlets_of(conn, story_id)) <= set(before.get(story_id, [])):
            continue
        after = stories_db.refresh_story(conn, story_id, now, prefer)
        changes.append(_change(story_id, False, after, before, [items[i] for i in indexes]))
    return changes


def lookup(conn: Any, key_col: Any, value_col: Any, keys: set[str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    ordered = sorted(keys)
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start : start + CHUNK]
        for key, value in conn.execute(select(key_col, value_col).where(key_col.in_(chunk))):
            found.setdefault(key, value)
    return found


def event_values(event: EventInfo | None) -> dict[str, Any]:
    """An article's event columns as stored (all empty for an article never classified)."""
    return {
        "event_type": event.event_type if event else None,
        "event_confidence": event.confidence if event else None,
        "event_date": event.event_date if event else None,
        "place": event.place if event else None,
        "participants": [
            {"name": p.name, "role": p.role, "organisation": p.organisation}
            for p in (event.participants if event else ())
        ],
    }


def article_row(prepared: Prepared, story_id: int | None = None) -> dict[str, Any]:
    art = prepared.article
    return {
        "story_id": story_id,
        **event_values(prepared.event),
        "url": art.url,
        "source": art.source,
        "title": art.title,
        "published": art.published,
        "fetched_at": art.fetched_at,
        "author": art.author,
        "language": art.language,
        "body": art.body,
        "content_hash": art.content_hash,
        "topics": [m.topic for m in prepared.matches],
        "matched_terms": hits_as_dict(prepared.matches),
    }


def export_dict(row: Any, urls: list[str], sources: list[str]) -> dict[str, Any]:
    """A stored article as `monitor export` and the API write it."""
    published = row["published"]
    return {
        "id": row["id"],
        "url": row["url"],
        "urls": urls,
        "source": row["source"],
        "sources": sources,
        "title": row["title"],
        "published": published.isoformat() if published else None,
        "fetched_at": row["fetched_at"].isoformat(),
        "author": row["author"],
        "language": row["language"],
        "body": row["body"],
        "content_hash": row["content_hash"],
        "topics": row["topics"],
        "matched_terms": row["matched_terms"],
        "story_id": row["story_id"],
        "event_type": row["event_type"],
        "event_confidence": row["event_confidence"],
        "event_date": row["event_date"].isoformat() if row["event_date"] else None,
        "place": row["place"],
        "participants": row["participants"] or [],
    }
