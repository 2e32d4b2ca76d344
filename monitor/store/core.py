"""The archive: the only module that writes SQL.

``Store`` opens SQLite (WAL mode, foreign keys, a busy timeout) or any SQLAlchemy URL, adds
prepared articles in batches and answers the queries the CLI and the API need. It returns
only the rows it really inserted, so everything downstream (stories, alerts) acts on what
is new. SQLite's busy handler is no queue: under a poll of many outlets, writer threads
can starve past any timeout ("database is locked"). So on SQLite a ``Store``'s writes
take turns behind one lock per process; the busy timeout is left for other processes.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, fields
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DataError, IntegrityError, SQLAlchemyError

from monitor.errors import RecordRejected, StoreError
from monitor.models import (
    ArticleRow,
    ArticleTopicRow,
    ArticleURLRow,
    HttpCacheRow,
    SeenURLRow,
    SourceRow,
)
from monitor.records import AddOutcome, Prepared
from monitor.store import articles, outbox
from monitor.store.articles import StoryHook, export_dict, lookup
from monitor.store.engine import db_reason, make_engine
from monitor.store.schema import migrate
from monitor.store.search_index import ensure_search
from monitor.urls import url_key

if TYPE_CHECKING:
    from monitor.clustering import Clusterer

log = logging.getLogger("monitor.store")


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
        return cls(**{f.name: getattr(row, f.name) for f in fields(cls)})


CHUNK = 500
# an article that failed to arrive (a 404, a 5xx, a page without an article) is tried at
# the next polls; after failing at GIVE_UP_AFTER polls over FAILING_FOR it is given up
FAILING = "failing:"  # its seen_url outcome meanwhile, with the failures counted
GIVE_UP_AFTER = 5
FAILING_FOR = timedelta(hours=1)  # the page answers, but not with an article (a 404)
OUTAGE_FOR = timedelta(hours=24)  # the server fails (a 5xx, a timeout): it may come back


class Store:
    """The archive on one database."""

    def __init__(
        self,
        database_url: str,
        *,
        clusterer: Clusterer | None = None,
        on_story_changes: StoryHook | None = None,
        headline_languages: Sequence[str] = (),
    ) -> None:
        """Open (and create) the archive.

        ``clusterer`` decides near-duplicates and stories of new articles inside the
        transaction that stores them; ``on_story_changes(conn, changes, now)`` then runs
        in that same transaction (the alert rules write the outbox there). A story's
        headline is its earliest article's in the first of ``headline_languages`` that
        one of its articles is written in.
        """
        self.url = database_url
        self.headline_languages = tuple(headline_languages)
        self.clusterer = clusterer
        self.on_story_changes = on_story_changes
        self.engine = make_engine(database_url)
        lock = threading.Lock() if self.engine.dialect.name == "sqlite" else nullcontext()
        self._write_lock: AbstractContextManager[Any] = lock  # SQLite: writes take turns
        try:
            self.schema = migrate(self.engine, self._safe_url())
            if self.schema != "current":
                log.info("archive at %s: schema %s", self._safe_url(), self.schema)
            ensure_search(self.engine)
        except SQLAlchemyError as exc:
            self.engine.dispose()
            reason = db_reason(exc)
            raise StoreError(f"cannot open the archive at {self._safe_url()}: {reason}") from exc
        except StoreError:
            self.engine.dispose()
            raise

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
        with self._write_lock:
            return self._add(items, now)

    def _add(self, items: Sequence[Prepared], now: datetime) -> list[AddOutcome]:
        try:
            return self._write(items, now)
        except IntegrityError:
            # another writer stored one of these meanwhile: go one by one
            log.debug("batch conflicted with a concurrent writer; retrying one by one")
            try:
                return [outcome for item in items for outcome in self._write([item], now)]
            except IntegrityError as exc:
                raise StoreError(f"cannot write to the archive: {db_reason(exc)}") from exc

    def _write(self, items: Sequence[Prepared], now: datetime) -> list[AddOutcome]:
        """One transaction; IntegrityError is left to the caller, the rest translated."""
        try:
            with self.engine.begin() as conn:
                return articles.add(conn, items, now, **self._stages())
        except IntegrityError:
            raise
        except DataError as exc:
            raise RecordRejected(f"the archive refuses a value: {db_reason(exc)}") from exc
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write to the archive: {db_reason(exc)}") from exc

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction, taken in turn with this Store's other writes (SQLite)."""
        with self._write_lock, self.engine.begin() as conn:
            yield conn

    def _stages(self) -> dict[str, Any]:
        return {
            "clusterer": self.clusterer,
            "on_story_changes": self.on_story_changes,
            "headline_languages": self.headline_languages,
        }

    @contextmanager
    def _reading(self, what: str) -> Iterator[Connection]:
        """A connection to read ``what``; a database failure becomes a StoreError."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot read {what}: {exc}") from exc

    @contextmanager
    def _writing(self, what: str) -> Iterator[Connection]:
        """A write transaction (in turn, on SQLite) for ``what``; a database failure
        becomes a StoreError."""
        try:
            with self._write_lock, self.engine.begin() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write {what}: {exc}") from exc

    def sync_sources(self, sources: Iterable[tuple[str, str]]) -> None:
        """Make sure every configured (name, homepage) has a source row."""
        with self._writing("the sources") as conn:
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
        with self._writing(f"the health of source {name!r}") as conn:
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
        with self._reading("the HTTP validators") as conn:
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
        with self._writing("the HTTP validators") as conn:
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
        """Remember fetched article URLs: (url, source, outcome). A URL that was failing
        (see :meth:`note_failures`) takes its outcome now."""
        rows: dict[str, dict[str, Any]] = {}
        for url, source, outcome in entries:
            key = url_key(url)
            rows[key] = {"url_key": key, "source": source, "outcome": outcome, "first_seen": now}
        if not rows:
            return
        with self._writing("the URLs seen") as conn:
            known = lookup(conn, SeenURLRow.url_key, SeenURLRow.outcome, set(rows))
            new = [row for key, row in rows.items() if key not in known]
            if new:
                conn.execute(insert(SeenURLRow), new)
            for key, outcome in known.items():
                if outcome.startswith(FAILING):
                    conn.execute(
                        update(SeenURLRow)
                        .where(SeenURLRow.url_key == key)  # type: ignore[arg-type]
                        .values(outcome=rows[key]["outcome"])
                    )

    def note_failures(self, entries: Iterable[tuple[str, str, bool]], now: datetime) -> list[str]:
        """Count a failed fetch of each article URL (url, source, an outage?) that a later
        poll tries again; return the URLs given up: failed at ``GIVE_UP_AFTER`` polls over
        at least ``FAILING_FOR`` (a link that 404s for good, a page with no article), or
        ``OUTAGE_FOR`` when this failure was the server's (a 5xx, a timeout), which are
        recorded as seen ("error") and not asked for again."""
        wanted = {url_key(url): (url, source, outage) for url, source, outage in entries}
        if not wanted:
            return []
        given_up: list[str] = []
        with self._writing("the URLs that fail") as conn:
            query = select(SeenURLRow.url_key, SeenURLRow.outcome, SeenURLRow.first_seen).where(
                SeenURLRow.url_key.in_(sorted(wanted))  # type: ignore[attr-defined]
            )
            known = {key: (outcome, first) for key, outcome, first in conn.execute(query)}
            for key, (url, source, outage) in wanted.items():
                outcome, first = known.get(key, (None, None))
                if outcome is None:
                    conn.execute(
                        insert(SeenURLRow).values(
                            url_key=key, source=source, outcome=f"{FAILING}1", first_seen=now
                        )
                    )
                    continue
                if not outcome.startswith(FAILING):
                    continue
                failures = int(outcome.removeprefix(FAILING) or 0) + 1
                span = OUTAGE_FOR if outage else FAILING_FOR
                done = failures >= GIVE_UP_AFTER and (first is None or now - first >= span)
                conn.execute(
                    update(SeenURLRow)
                    .where(SeenURLRow.url_key == key)  # type: ignore[arg-type]
                    .values(outcome="error" if done else f"{FAILING}{failures}")
                )
                if done:
                    given_up.append(url)
        return given_up

    # -- reading -------------------------------------------------------------------------

    def unseen(self, urls: Sequence[str]) -> list[str]:
        """The URLs neither in the archive nor fetched before, in the given order."""
        keys = {u: url_key(u) for u in urls}
        with self._reading("the URLs seen") as conn:
            known = set(
                lookup(conn, ArticleURLRow.url_key, ArticleURLRow.article_id, set(keys.values()))
            )
            seen = lookup(conn, SeenURLRow.url_key, SeenURLRow.outcome, set(keys.values()))
            known |= {key for key, outcome in seen.items() if not outcome.startswith(FAILING)}
        return [u for u in urls if keys[u] not in known]

    def source_health(self, name: str | None = None) -> Any:
        """One SourceHealth by name, or all of them (a list) when no name is given."""
        with self._reading("the sources' health") as conn:
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
        with self._reading("the articles per source") as conn:
            return {source: int(n) for source, n in conn.execute(query)}

    def known_url_keys(self, urls: Iterable[str]) -> set[str]:
        """The URLs (by url_key) that the archive already holds."""
        keys = {url_key(u) for u in urls}
        with self._reading("the archive's URLs") as conn:
            return set(lookup(conn, ArticleURLRow.url_key, ArticleURLRow.article_id, keys))

    def count_articles(self) -> int:
        with self._reading("the number of articles") as conn:
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
        with self._reading("the articles") as conn:
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
                    yield export_dict(row, urls[row["id"]], sources[row["id"]])
