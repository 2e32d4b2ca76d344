"""The archive: the only module that writes SQL.

``Store`` opens SQLite (WAL mode, foreign keys, a busy timeout) or any SQLAlchemy URL, adds
prepared articles in batches and answers the queries the CLI and the API need. It returns
only the rows it really inserted, so everything downstream (stories, alerts) acts on what
is new.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, func, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError, SQLAlchemyError
from sqlmodel import SQLModel

from monitor.errors import StoreError
from monitor.models import (
    ArticleRow,
    ArticleTopicRow,
    ArticleURLRow,
    HttpCacheRow,
    SeenURLRow,
    SourceRow,
)
from monitor.records import AddOutcome, Prepared, TopicMatch
from monitor.rules import StoryChange
from monitor.store import outbox
from monitor.store import stories as stories_db
from monitor.store.search import ensure_search
from monitor.urls import url_key

if TYPE_CHECKING:
    from monitor.clustering import Clusterer, Filing

log = logging.getLogger("monitor.store")
StoryHook = Callable[[Any, list[StoryChange], datetime], None]


@dataclass(frozen=True)
class OperatorPolicy:
    """Where and when the operator hears about a source: a channel and a threshold."""

    channel: str
    threshold: int
    make_alert: Callable[[str, dict[str, Any], datetime], Any]  # (kind, source, now) -> Alert


@dataclass(frozen=True)
class SourceHealth:
    """A source's state as `monitor sources` shows it."""

    name: str
    last_attempt_at: datetime | None
    last_success_at: datetime | None
    consecutive_failures: int
    last_error: str | None
    articles_found: int
    alerted_failing: bool

    @classmethod
    def from_row(cls, row: Any) -> SourceHealth:
        return cls(
            name=row.name,
            last_attempt_at=row.last_attempt_at,
            last_success_at=row.last_success_at,
            consecutive_failures=row.consecutive_failures,
            last_error=row.last_error,
            articles_found=row.articles_found,
            alerted_failing=row.alerted_failing,
        )


CHUNK = 500


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(database_url: str) -> Engine:
    """An engine for the URL; SQLite files get their folder and WAL mode."""
    try:
        url = make_url(database_url)
    except ArgumentError as exc:
        raise StoreError(f"MONITOR_DATABASE_URL {database_url!r} is not a database URL") from exc
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def hits_as_dict(matches: Iterable[TopicMatch]) -> dict[str, Any]:
    """matched_terms as stored and exported: topic -> score and hits."""
    return {
        m.topic: {
            "score": m.score,
            "hits": [{"term": h.term, "field": h.field, "count": h.count} for h in m.hits],
        }
        for m in matches
    }


class Store:
    """The archive on one database."""

    def __init__(
        self,
        database_url: str,
        *,
        clusterer: Clusterer | None = None,
        on_story_changes: StoryHook | None = None,
    ) -> None:
        """Open (and create) the archive.

        ``clusterer`` decides near-duplicates and stories of new articles inside the
        transaction that stores them; ``on_story_changes(conn, changes, now)`` then runs
        in that same transaction (the alert rules write the outbox there).
        """
        self.url = database_url
        self.clusterer = clusterer
        self.on_story_changes = on_story_changes
        self.engine = make_engine(database_url)
        try:
            SQLModel.metadata.create_all(self.engine)
            ensure_search(self.engine)
        except OperationalError as exc:
            raise StoreError(f"cannot open the archive at {self._safe_url()}: {exc.orig}") from exc
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open the archive at {self._safe_url()}: {exc}") from exc

    def _safe_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------

    def add_articles(
        self, items: Sequence[Prepared], now: datetime | None = None
    ) -> list[AddOutcome]:
        """Store a batch in one transaction; duplicates only add their URLs."""
        if not items:
            return []
        now = now or datetime.now(UTC)
        try:
            with self.engine.begin() as conn:
                return self._add(conn, items, now)
        except IntegrityError:
            # another writer stored one of these meanwhile: go one by one
            log.debug("batch conflicted with a concurrent writer; retrying one by one")
            outcomes = []
            for item in items:
                with self.engine.begin() as conn:
                    outcomes.extend(self._add(conn, [item], now))
            return outcomes
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write to the archive: {exc}") from exc

    def _add(self, conn: Any, items: Sequence[Prepared], now: datetime) -> list[AddOutcome]:
        # An owner is ("old", article id) for a stored article or ("new", index) for an
        # article of this batch; every URL key and content hash maps to its owner.
        urls_of = [list(dict.fromkeys((p.article.url, *p.article.urls))) for p in items]
        keys_of = [[url_key(u) for u in urls] for urls in urls_of]
        key_owner: dict[str, tuple[str, int]] = {
            key: ("old", article_id)
            for key, article_id in self._lookup(
                conn,
                ArticleURLRow.url_key,
                ArticleURLRow.article_id,
                {k for ks in keys_of for k in ks},
            ).items()
        }
        hash_owner: dict[str, tuple[str, int]] = {
            digest: ("old", article_id)
            for digest, article_id in self._lookup(
                conn,
                ArticleRow.content_hash,
                ArticleRow.id,
                {p.article.content_hash for p in items},
            ).items()
        }
        decisions: list[tuple[tuple[str, int], str]] = []  # (owner, "stored"|"url"|"content")
        url_rows: list[tuple[tuple[str, int], str, str, str]] = []  # owner, url, key, source
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
            decisions.append((owner, decision))

        new_index = [i for i, (_, decision) in enumerate(decisions) if decision == "stored"]
        redirect: dict[int, tuple[str, int]] = {}  # new items folded into another article
        filings: dict[int, Filing] = {}
        if self.clusterer is not None and new_index:
            for position, filing in enumerate(
                self.clusterer.decide(conn, [items[i] for i in new_index])
            ):
                index = new_index[position]
                if filing.duplicate_of is None:
                    filings[index] = filing
                    continue
                kind, value = filing.duplicate_of
                redirect[index] = ("old", value) if kind == "old" else ("new", new_index[value])
                decisions[index] = (redirect[index], "similar")
            new_index = [i for i in new_index if i not in redirect]

        story_of: dict[int, int] = {}  # item index -> story id
        founders = [i for i, f in filings.items() if f.story == ("new", new_index.index(i))]
        founded = dict(zip(founders, stories_db.new_stories(conn, len(founders), now), strict=True))
        for index, filing in filings.items():
            assert filing.story is not None
            kind, value = filing.story
            story_of[index] = value if kind == "old" else founded[new_index[value]]

        ids: dict[int, int] = {}
        if new_index:
            rows = [self._row(items[i], story_of.get(i)) for i in new_index]
            if conn.dialect.name == "postgresql":
                # a plain executemany and one look-up beat INSERT ... RETURNING there
                conn.execute(insert(ArticleRow), rows)
                by_url = dict(
                    conn.execute(
                        select(ArticleRow.url, ArticleRow.id).where(
                            ArticleRow.url.in_([r["url"] for r in rows])  # type: ignore[attr-defined]
                        )
                    ).all()
                )
                ids = {i: by_url[r["url"]] for i, r in zip(new_index, rows, strict=True)}
            else:
                result = conn.execute(
                    insert(ArticleRow).returning(ArticleRow.id, sort_by_parameter_order=True),
                    rows,
                )
                ids = dict(zip(new_index, result.scalars().all(), strict=True))

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
        if filings:
            self._file_stories(conn, items, filings, ids, story_of, set(founded.values()), now)
        return [
            AddOutcome(
                "stored" if decision == "stored" else "duplicate",
                resolve(owner),
                prepared.article.url,
                "" if decision == "stored" else decision,
                story_of.get(index),
            )
            for index, (prepared, (owner, decision)) in enumerate(
                zip(items, decisions, strict=True)
            )
        ]

    def _file_stories(
        self,
        conn: Any,
        items: Sequence[Prepared],
        filings: dict[int, Filing],
        ids: dict[int, int],
        story_of: dict[int, int],
        founded: set[int],
        now: datetime,
    ) -> None:
        """Index the new articles, refresh their stories and report the changes."""
        keys = [(k, story_of[i], ids[i]) for i, f in filings.items() for k in f.keys]
        feats = [(ids[i], story_of[i], f.data) for i, f in filings.items()]
        shingles = [s for f in filings.values() for s in f.df_shingles]
        stories_db.add_index(conn, keys, feats, shingles)
        touched = sorted(set(story_of.values()))
        before = stories_db.story_sources(conn, [s for s in touched if s not in founded])
        changes = []
        for story_id in touched:
            after = stories_db.refresh_story(conn, story_id, now)
            mine = [i for i in filings if story_of[i] == story_id]
            published = [items[i].article.published for i in mine if items[i].article.published]
            old_sources = before.get(story_id, [])
            changes.append(
                StoryChange(
                    story_id=story_id,
                    is_new=story_id in founded,
                    topics=tuple(after["topics"]),
                    event_type=after["event_type"],
                    sources=tuple(after["sources"]),
                    new_sources=tuple(s for s in after["sources"] if s not in old_sources),
                    published=max(published) if published else None,
                )
            )
        if self.on_story_changes is not None:
            self.on_story_changes(conn, changes, now)

    @staticmethod
    def _lookup(conn: Any, key_col: Any, value_col: Any, keys: set[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        ordered = sorted(keys)
        for start in range(0, len(ordered), CHUNK):
            chunk = ordered[start : start + CHUNK]
            for key, value in conn.execute(select(key_col, value_col).where(key_col.in_(chunk))):
                found.setdefault(key, value)
        return found

    @staticmethod
    def _row(prepared: Prepared, story_id: int | None = None) -> dict[str, Any]:
        art = prepared.article
        event = prepared.event
        return {
            "story_id": story_id,
            "event_type": event.event_type if event else None,
            "event_date": event.event_date if event else None,
            "place": event.place if event else None,
            "participants": [
                {"name": p.name, "role": p.role, "organisation": p.organisation}
                for p in (event.participants if event else ())
            ],
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

    def sync_sources(self, sources: Iterable[tuple[str, str]]) -> None:
        """Make sure every configured (name, homepage) has a source row."""
        with self.engine.begin() as conn:
            known = {name for (name,) in conn.execute(select(SourceRow.name))}
            new = [{"name": n, "homepage": h} for n, h in sources if n not in known]
            if new:
                conn.execute(insert(SourceRow), new)

    def record_poll(
        self,
        name: str,
        *,
        ok: bool,
        error: str | None,
        found: int,
        now: datetime,
        operator: OperatorPolicy | None = None,
    ) -> SourceHealth:
        """Update a source's health after a poll; returns the new state.

        With an ``operator`` policy, the same transaction queues one "source failing"
        alert when the failures in a row reach its threshold, and one "recovered" alert
        at the next success, so the operator hears once each way.
        """
        with self.engine.begin() as conn:
            row = conn.execute(select(SourceRow).where(SourceRow.name == name)).first()
            if row is None:
                conn.execute(insert(SourceRow).values(name=name))
                row = conn.execute(select(SourceRow).where(SourceRow.name == name)).one()
            failures = 0 if ok else row.consecutive_failures + 1
            values: dict[str, Any] = {
                "last_attempt_at": now,
                "consecutive_failures": failures,
                "last_error": None if ok else error,
                "articles_found": row.articles_found + found,
            }
            if ok:
                values["last_success_at"] = now
            kind = None
            if operator is not None:
                if not ok and failures >= operator.threshold and not row.alerted_failing:
                    kind, values["alerted_failing"] = "source_failing", True
                elif ok and row.alerted_failing:
                    kind, values["alerted_failing"] = "source_recovered", False
            conn.execute(update(SourceRow).where(SourceRow.name == name).values(**values))
            if kind is not None and operator is not None:
                state = {
                    "name": name,
                    "homepage": row.homepage,
                    "consecutive_failures": failures,
                    "last_error": values["last_error"],
                    "last_success": (values.get("last_success_at") or row.last_success_at),
                }
                alert = operator.make_alert(kind, state, now)
                key = f"operator|{operator.channel}|{name}|{kind}|{alert.id}"
                outbox.enqueue(conn, [outbox.row_for(alert, operator.channel, key)])
        return self.source_health(name)

    def http_validators(self, urls: Iterable[str]) -> dict[str, tuple[str | None, str | None]]:
        """(ETag, Last-Modified) stored per URL."""
        wanted = sorted(set(urls))
        found: dict[str, tuple[str | None, str | None]] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(wanted), CHUNK):
                query = select(
                    HttpCacheRow.url, HttpCacheRow.etag, HttpCacheRow.last_modified
                ).where(
                    HttpCacheRow.url.in_(wanted[start : start + CHUNK])  # type: ignore[attr-defined]
                )
                for url, etag, modified in conn.execute(query):
                    found[url] = (etag, modified)
        return found

    def save_http_validators(
        self, url: str, etag: str | None, last_modified: str | None, now: datetime
    ) -> None:
        with self.engine.begin() as conn:
            updated = conn.execute(
                update(HttpCacheRow)
                .where(HttpCacheRow.url == url)
                .values(etag=etag, last_modified=last_modified, checked_at=now)
            )
            if updated.rowcount == 0:
                conn.execute(
                    insert(HttpCacheRow).values(
                        url=url, etag=etag, last_modified=last_modified, checked_at=now
                    )
                )

    def mark_seen(self, entries: Iterable[tuple[str, str, str]], now: datetime) -> None:
        """Remember fetched article URLs: (url, source, outcome)."""
        rows: dict[str, dict[str, Any]] = {}
        for url, source, outcome in entries:
            key = url_key(url)
            rows[key] = {"url_key": key, "source": source, "outcome": outcome, "first_seen": now}
        if not rows:
            return
        with self.engine.begin() as conn:
            known = set(self._lookup(conn, SeenURLRow.url_key, SeenURLRow.id, set(rows)))
            new = [row for key, row in rows.items() if key not in known]
            if new:
                conn.execute(insert(SeenURLRow), new)

    # -- reading -------------------------------------------------------------------------

    def unseen(self, urls: Sequence[str]) -> list[str]:
        """The URLs neither in the archive nor fetched before, in the given order."""
        keys = {u: url_key(u) for u in urls}
        with self.engine.connect() as conn:
            known = set(
                self._lookup(
                    conn, ArticleURLRow.url_key, ArticleURLRow.article_id, set(keys.values())
                )
            )
            known |= set(self._lookup(conn, SeenURLRow.url_key, SeenURLRow.id, set(keys.values())))
        return [u for u in urls if keys[u] not in known]

    def source_health(self, name: str | None = None) -> Any:
        """One SourceHealth by name, or all of them (a list) when no name is given."""
        with self.engine.connect() as conn:
            query = select(SourceRow).order_by(SourceRow.name)
            if name is not None:
                query = query.where(SourceRow.name == name)
            rows = [SourceHealth.from_row(r) for r in conn.execute(query)]
        if name is None:
            return rows
        if not rows:
            raise StoreError(f"no source named {name!r} in the archive")
        return rows[0]

    def recent_counts(self, since: datetime) -> dict[str, int]:
        """Articles stored per source since a time."""
        query = (
            select(ArticleRow.source, func.count())
            .where(ArticleRow.fetched_at >= since)
            .group_by(ArticleRow.source)
        )
        with self.engine.connect() as conn:
            return {source: int(n) for source, n in conn.execute(query)}

    def known_url_keys(self, urls: Iterable[str]) -> set[str]:
        """The URLs (by url_key) that the archive already holds."""
        keys = {url_key(u) for u in urls}
        with self.engine.connect() as conn:
            return set(self._lookup(conn, ArticleURLRow.url_key, ArticleURLRow.article_id, keys))

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(ArticleRow)).scalar_one())

    def iter_articles(
        self,
        *,
        topic: str | None = None,
        since: datetime | None = None,
        include_unmatched: bool = False,
        batch: int = 500,
    ) -> Iterator[dict[str, Any]]:
        """Stored articles as dictionaries (the export format), oldest first."""
        query = select(ArticleRow)
        if topic is not None:
            query = query.where(
                ArticleRow.id.in_(
                    select(ArticleTopicRow.article_id).where(ArticleTopicRow.topic == topic)
                )  # type: ignore[union-attr]
            )
        elif not include_unmatched:
            query = query.where(ArticleRow.id.in_(select(ArticleTopicRow.article_id)))  # type: ignore[union-attr]
        if since is not None:
            query = query.where(func.coalesce(ArticleRow.published, ArticleRow.fetched_at) >= since)
        query = query.order_by(ArticleRow.published, ArticleRow.id)
        with self.engine.connect() as conn:
            result = conn.execution_options(yield_per=batch).execute(query)
            for chunk in result.partitions():
                rows = [row._mapping for row in chunk]
                ids = [row["id"] for row in rows]
                urls: dict[int, list[str]] = {i: [] for i in ids}
                sources: dict[int, list[str]] = {i: [] for i in ids}
                url_query = (
                    select(ArticleURLRow.article_id, ArticleURLRow.url, ArticleURLRow.source)
                    .where(ArticleURLRow.article_id.in_(ids))
                    .order_by(ArticleURLRow.id)
                )
                for article_id, url, source in conn.execute(url_query):
                    urls[article_id].append(url)
                    if source not in sources[article_id]:
                        sources[article_id].append(source)
                for row in rows:
                    yield _export_dict(row, urls[row["id"]], sources[row["id"]])


def _export_dict(row: Any, urls: list[str], sources: list[str]) -> dict[str, Any]:
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
        "event_date": row["event_date"].isoformat() if row["event_date"] else None,
        "place": row["place"],
        "participants": row["participants"] or [],
    }
