"""Which articles a search selects: its text and filters as SQL conditions, shared by the
pages of results (``monitor.store.search``) and the counts per day (``monitor.store.coverage``).

A query's shape (the dialect, the mode, which filters are set) decides the SQL, so callers
build a statement once per shape and cache it; its values go in as bind parameters
(``Plan.params``): the text as an FTS5 query (``:match``, ``:unwanted``) on SQLite or a
tsquery (``:tsquery``, ``:unwanted``) on PostgreSQL, each filter under its own name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import (
    Engine,
    String,
    bindparam,
    column,
    exists,
    func,
    literal_column,
    or_,
    select,
    table,
    text,
)
from sqlmodel import col

from monitor.errors import InputError, StoreError
from monitor.models import ArticleRow, ArticleTopicRow, ArticleURLRow, UTCDateTime
from monitor.query import parse_query

MAX_LIMIT = 200
PG_CONFIG = "monitor_search"
FILTERS = ("topic", "source", "event_type", "language", "since", "until")


@dataclass(frozen=True)
class SearchQuery:
    """One search: text in the query language, filters, a page, an order.

    ``since`` is inclusive and ``until`` exclusive, both timezone-aware, compared with the
    publication time (the fetch time when the publication time is unknown).
    """

    text: str = ""
    topic: str | None = None
    source: str | None = None
    event_type: str | None = None
    language: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    limit: int = 20
    offset: int = 0
    order: Literal["relevance", "newest"] = "relevance"
    marks: tuple[str, str] = ("[", "]")

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_LIMIT:
            raise InputError(f"limit must be between 1 and {MAX_LIMIT}, not {self.limit}")
        if self.offset < 0:
            raise InputError(f"offset must not be negative, not {self.offset}")
        if self.order not in ("relevance", "newest"):
            raise InputError(f"order must be 'relevance' or 'newest', not {self.order!r}")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and value.tzinfo is None:
                raise InputError(f"{name} must be a timezone-aware time, not {value!r}")


FTS = table("article_fts", column("rowid"))
# the time since/until filter on: the publication time, else the fetch time
article_time: Any = func.coalesce(ArticleRow.published, ArticleRow.fetched_at)
CONFIG: Any = literal_column(f"'{PG_CONFIG}'::regconfig")
VECTOR: Any = literal_column("article.search_vector")


def tsquery(name: str) -> Any:
    """The bind parameter ``name`` as a tsquery of the search configuration."""
    return func.to_tsquery(CONFIG, bindparam(name, type_=String))


def _filter(name: str, *, walk: bool = False) -> Any:
    if name == "topic" and walk:  # checked article by article (see ``matching``)
        return exists().where(
            col(ArticleTopicRow.article_id) == col(ArticleRow.id),
            col(ArticleTopicRow.topic) == bindparam("topic"),
        )
    if name == "topic":
        topical = select(col(ArticleTopicRow.article_id)).where(
            col(ArticleTopicRow.topic) == bindparam("topic")
        )
        return col(ArticleRow.id).in_(topical)
    if name == "since":
        return article_time >= bindparam("since", type_=UTCDateTime())
    if name == "until":
        return article_time < bindparam("until", type_=UTCDateTime())
    if name == "source":  # the first outlet, or any outlet that ran a copy
        copies = select(col(ArticleURLRow.article_id)).where(
            col(ArticleURLRow.source) == bindparam("source")
        )
        return or_(col(ArticleRow.source) == bindparam("source"), col(ArticleRow.id).in_(copies))
    return getattr(ArticleRow, name) == bindparam(name)


def matching(
    dialect: str, mode: str, filters: tuple[str, ...], *, rows: bool, walk: bool = False
) -> tuple[Any, Any, list[Any]]:
    """(FROM, the article id, WHERE conditions) selecting the articles a query finds, its
    values left as bind parameters (``Plan.params``). ``rows``: the caller reads article
    columns, so a ranked SQLite search joins the index to ``article``.

    ``mode``: "match" (full-text), "list" (filters only) or "exclude" (filters and no
    match of the exclusions). ``walk``: the topic is checked article by article, so that
    a listing newest first can walk the articles in time order and stop at its page,
    where the topic's whole list would be read and sorted (a common topic at a million
    articles); for a rare topic the list is quicker."""
    conds = [_filter(name, walk=walk) for name in filters]
    source: Any = ArticleRow
    article_id: Any = col(ArticleRow.id)
    if mode == "exclude" and dialect == "sqlite":
        unwanted = select(FTS.c.rowid).where(text("article_fts MATCH :unwanted"))
        conds.append(col(ArticleRow.id).not_in(unwanted))
    elif mode == "exclude":
        conds.append(~VECTOR.op("@@")(tsquery("unwanted")))
    elif mode == "match" and dialect == "sqlite":
        conds.append(text("article_fts MATCH :match"))
        if filters or rows:
            source = FTS.join(ArticleRow, col(ArticleRow.id) == FTS.c.rowid)
        else:  # rank in the index alone
            source, article_id = FTS, FTS.c.rowid
    elif mode == "match":
        conds.append(VECTOR.op("@@")(tsquery("tsquery")))
    return source, article_id, conds


@dataclass(frozen=True)
class Plan:
    """How the store runs one query: its shape (dialect, mode, filters) and its values."""

    dialect: str
    mode: str
    filters: tuple[str, ...]
    params: dict[str, Any]


def plan(engine: Engine, query: SearchQuery) -> Plan:
    """The shape and bind values of a query's text and filters (not its page)."""
    parsed = parse_query(query.text)
    dialect = engine.dialect.name
    if dialect not in ("sqlite", "postgresql"):
        raise StoreError(f"full-text search needs SQLite or PostgreSQL, not {dialect}")
    filters = tuple(name for name in FILTERS if getattr(query, name) is not None)
    params: dict[str, Any] = {name: getattr(query, name) for name in filters}
    sqlite = dialect == "sqlite"
    if parsed.groups:
        mode = "match"
        params["match" if sqlite else "tsquery"] = parsed.fts5() if sqlite else parsed.tsquery()
    elif parsed.excluded:
        mode = "exclude"
        params["unwanted"] = parsed.fts5_excluded() if sqlite else parsed.tsquery_excluded()
    else:
        mode = "list"
    return Plan(dialect, mode, filters, params)
