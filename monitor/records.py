"""Plain values that move between the pipeline stages.

Stages take and return these frozen dataclasses; none of them does I/O. The store turns
them into rows, the CLI and the API turn rows back into them or into dictionaries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class RawArticle:
    """An article as it arrives: from a JSON Lines record or from an extracted page."""

    url: str
    title: str = ""
    text: str | None = None
    html: str | None = None
    published: datetime | None = None
    source: str | None = None
    author: str | None = None
    language: str | None = None
    fetched_at: datetime | None = None
    other_urls: tuple[str, ...] = ()


@dataclass(frozen=True)
class Article:
    """A normalised article: canonical URL, clean text, UTC times, a language."""

    url: str
    urls: tuple[str, ...]
    source: str
    title: str
    body: str
    published: datetime | None
    fetched_at: datetime
    author: str | None
    language: str
    content_hash: str


@dataclass(frozen=True)
class TermHit:
    """One term of a topic found in one field of an article."""

    term: str
    field: str  # "title", "lead" or "body"
    count: int


@dataclass(frozen=True)
class TopicMatch:
    """Why an article belongs to a topic: its score and the terms that matched where."""

    topic: str
    score: float
    hits: tuple[TermHit, ...] = field(default=())

    def terms(self) -> list[str]:
        """The distinct matched terms, in order of first appearance."""
        seen: dict[str, None] = {}
        for hit in self.hits:
            seen.setdefault(hit.term, None)
        return list(seen)


@dataclass(frozen=True)
class Prepared:
    """An article ready to store, with the topics it matched."""

    article: Article
    matches: tuple[TopicMatch, ...] = ()
    event: Any = None  # monitor.classify.EventInfo: what happened, who, where, when


@dataclass(frozen=True)
class AddOutcome:
    """What the store did with one prepared article."""

    status: str  # "stored" or "duplicate"
    article_id: int
    url: str
    reason: str = ""  # for duplicates: "url", "content" or "similar" (a near-identical copy)
    story_id: int | None = None
