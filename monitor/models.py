"""The archive's tables (SQLModel), shared by SQLite and PostgreSQL.

Identity is written down once: an article is its canonical URL (``url``, unique) and every
URL it was ever seen under lives in ``article_url`` (unique ``url_key``: the canonical URL
with scheme and a leading ``www.`` folded). Syndicated copies are caught by the
``content_hash`` index. Times are stored as UTC and always read back timezone-aware.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    Index,
    LargeBinary,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlmodel import Field, SQLModel


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC; returns timezone-aware UTC datetimes on every backend."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: the archive stores aware UTC times")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def _utc_column(*, nullable: bool = True, index: bool = False) -> Any:
    return Field(default=None, sa_column=Column(UTCDateTime(), nullable=nullable, index=index))


class SourceRow(SQLModel, table=True):
    """One outlet and its health."""

    __tablename__ = "source"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, index=True, max_length=200)
    homepage: str = Field(default="", max_length=2000)
    last_attempt_at: datetime | None = _utc_column()
    last_success_at: datetime | None = _utc_column()
    consecutive_failures: int = 0
    last_error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    articles_found: int = 0
    alerted_failing: bool = False


class ArticleRow(SQLModel, table=True):
    """One article: the canonical URL, clean text, the topics it matched and why."""

    __tablename__ = "article"
    __table_args__ = (
        Index("ix_article_published", "published"),
        Index("ix_article_source_published", "source", "published"),
    )

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(unique=True, max_length=2000)
    source: str = Field(max_length=200)
    title: str = Field(sa_column=Column(Text, nullable=False))
    published: datetime | None = _utc_column()
    fetched_at: datetime | None = _utc_column(nullable=False)
    author: str | None = Field(default=None, max_length=500)
    language: str = Field(default="und", max_length=12)
    body: str = Field(sa_column=Column(Text, nullable=False))
    content_hash: str = Field(index=True, max_length=64)
    topics: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    matched_terms: dict[str, Any] = Field(
        default_factory=dict, sa_column=Column(JSON, nullable=False)
    )
    story_id: int | None = Field(default=None, index=True)
    event_type: str | None = Field(default=None, max_length=40, index=True)
    event_confidence: float | None = None  # the event type's share of the rule weight
    event_date: date | None = None
    place: str | None = Field(default=None, max_length=200)
    participants: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )


class ArticleURLRow(SQLModel, table=True):
    """Every URL an article is known under (its own, redirects, syndicated copies)."""

    __tablename__ = "article_url"

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    url: str = Field(max_length=2000)
    url_key: str = Field(unique=True, max_length=2000)
    source: str = Field(max_length=200, index=True)  # searched: every outlet that ran it


class ArticleTopicRow(SQLModel, table=True):
    """Which topics an article matched, with its score: the index for topic filters."""

    __tablename__ = "article_topic"
    __table_args__ = (UniqueConstraint("article_id", "topic"), Index("ix_topic", "topic"))

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    topic: str = Field(max_length=200)
    score: float = 0.0


class HttpCacheRow(SQLModel, table=True):
    """Validators of the last answer per feed/listing URL, for conditional GETs."""

    __tablename__ = "http_cache"

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(unique=True, max_length=2000)
    etag: str | None = Field(default=None, max_length=500)
    last_modified: str | None = Field(default=None, max_length=100)
    checked_at: datetime | None = _utc_column()


class SeenURLRow(SQLModel, table=True):
    """Article URLs already fetched, kept or not, so no poll fetches them again."""

    __tablename__ = "seen_url"

    id: int | None = Field(default=None, primary_key=True)
    url_key: str = Field(unique=True, max_length=2000)
    source: str = Field(max_length=200)
    first_seen: datetime | None = _utc_column()
    outcome: str = Field(default="", max_length=40)  # stored, duplicate, unmatched, error


class StoryRow(SQLModel, table=True):
    """One event told by one or more articles (from one or more outlets)."""

    __tablename__ = "story"

    id: int | None = Field(default=None, primary_key=True)
    headline: str = Field(sa_column=Column(Text, nullable=False))
    event_type: str = Field(default="other", max_length=40, index=True)
    event_confidence: float | None = None  # see monitor.store.stories.story_type
    event_date: date | None = Field(default=None, index=True)
    place: str | None = Field(default=None, max_length=200)
    participants: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    topics: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    sources: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    article_count: int = 0
    first_published: datetime | None = _utc_column(index=True)
    last_published: datetime | None = _utc_column()
    created_at: datetime | None = _utc_column(nullable=False)
    updated_at: datetime | None = _utc_column(nullable=False)


class StoryMergeRow(SQLModel, table=True):
    """A story folded into another after the fact (``monitor reclassify --regroup``): a
    link to the absorbed story leads to the one it is now part of."""

    __tablename__ = "story_merge"

    absorbed_id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    story_id: int = Field(index=True)


class StoryApartRow(SQLModel, table=True):
    """Two articles a person split into two stories (``monitor stories split``): no fold,
    at arrival or by ``--regroup``, puts them in one story again; ``monitor stories
    join`` forgets the pair. ``low_id`` < ``high_id``, both article ids."""

    __tablename__ = "story_apart"

    low_id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    high_id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False}, index=True)
    created_at: datetime | None = _utc_column(nullable=False)


class StoryKeyRow(SQLModel, table=True):
    """The candidate index: LSH band and entity-date keys of each article in a story.

    The lookup (the latest articles under a key) reads its index alone: (key, id) in
    order, with the article and story ids carried along, never the table's rows.
    """

    __tablename__ = "story_key"
    __table_args__ = (Index("ix_story_key_lookup", "key", "id", "article_id", "story_id"),)

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=200)
    story_id: int = Field(index=True)
    article_id: int = Field(index=True)


class OutboxRow(SQLModel, table=True):
    """An alert waiting for (or done with) delivery to one channel.

    Written in the same transaction as the change that causes it; ``dedupe_key`` (rule,
    channel, story, kind) makes "never alerted twice" a constraint, and ``alert_id`` stays
    the same on every attempt (it is the webhook-id and the e-mail Message-ID).
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_due", "status", "next_attempt_at"),)

    id: int | None = Field(default=None, primary_key=True)
    alert_id: str = Field(unique=True, max_length=100)
    dedupe_key: str = Field(unique=True, max_length=500)
    kind: str = Field(max_length=40)
    rule: str | None = Field(default=None, max_length=200)
    channel: str = Field(max_length=200)
    story_id: int | None = Field(default=None, index=True)
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    # pending, delivered, failed, digest (then digested), joined (its story's twin has it)
    status: str = Field(default="pending", max_length=20)
    attempts: int = 0
    next_attempt_at: datetime | None = _utc_column()
    last_error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    created_at: datetime | None = _utc_column(nullable=False)
    delivered_at: datetime | None = _utc_column()


class ArticleFeaturesRow(SQLModel, table=True):
    """What story matching compares of one article (packed), kept for later arrivals."""

    __tablename__ = "article_features"

    article_id: int = Field(primary_key=True)
    story_id: int = Field(index=True)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class ShingleDFRow(SQLModel, table=True):
    """In how many stories a word 3-gram occurs: common ones are boilerplate.

    On SQLite a table without rowid: the rows live in the primary key's tree, so a
    look-up or an increment is one search, not an index search and then the row's.
    """

    __tablename__ = "shingle_df"
    __table_args__ = {"sqlite_with_rowid": False}

    shingle: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    stories: int = 0
