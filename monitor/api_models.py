"""The HTTP API's request and response models: what ``/openapi.json`` documents (pydantic,
and the archive's id range)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, field_validator

from monitor.store.queries import MAX_ID

CONFIDENCE = (
    "How sure the event type is, 0-1: its share of the rule weight. At 0.75 and above"
    " about four types in five are right; null for articles stored before it was kept."
)
STORY_CONFIDENCE = (
    "How sure the story's event type is, 0-1: the mean of its articles' confidence in"
    " it, an article of another type counting 0."
)


class Problem(BaseModel):
    """Every error answer."""

    error: str = Field(description="What was wrong, naming the parameter.")
    status: int
    errors: list[dict[str, str]] = Field(
        default_factory=list, description="One entry per bad parameter (422 only)."
    )


class SnippetPart(BaseModel):
    text: str = Field(description="Raw article text: escape it before putting it in HTML.")
    match: bool = Field(description="True for a piece that matched the query.")


class ArticleHit(BaseModel):
    """One search result."""

    id: int
    url: str
    source: str
    title: str
    published: datetime | None
    language: str
    topics: list[str]
    event_type: str | None
    event_confidence: float | None = Field(description=CONFIDENCE)
    story_id: int | None
    score: float = Field(description="Higher is better; 0 when listing without words.")
    snippet: str = Field(description="The excerpt as plain text.")
    snippet_parts: list[SnippetPart]


class ArticlePage(BaseModel):
    total: int = Field(description="Articles matching, on every page.")
    offset: int
    limit: int
    next_offset: int | None = Field(description="The offset of the next page, if any.")
    items: list[ArticleHit]


class CoverageSeries(BaseModel):
    outlet: str = Field(description="The outlet that published the articles first.")
    other: bool = Field(description="True for the sum of the outlets beyond the top six.")
    total: int
    counts: list[int] = Field(description="Articles per day, in the order of `days`.")


class Coverage(BaseModel):
    """A search counted per UTC day and per outlet: the coverage chart's numbers."""

    days: list[date] = Field(description="Every day of the range, in order, empty ones too.")
    series: list[CoverageSeries] = Field(description="Most articles first, `other` last.")
    total: int = Field(description="Articles in the range.")
    outlets: int = Field(description="Distinct outlets in the range, `other`'s included.")


class Participant(BaseModel):
    name: str | None = None
    role: str | None = None
    organisation: str | None = None


class Article(BaseModel):
    """One stored article: the fields of ``monitor export``."""

    id: int
    url: str = Field(description="The canonical URL.")
    urls: list[str] = Field(description="Every URL the article is known under.")
    source: str = Field(description="The outlet that published it first.")
    sources: list[str] = Field(description="Every outlet that carried it.")
    title: str
    published: datetime | None
    fetched_at: datetime
    author: str | None
    language: str
    topics: list[str]
    matched_terms: dict[str, Any] = Field(description="Per topic: score and the hits.")
    story_id: int | None
    event_type: str | None
    event_confidence: float | None = Field(description=CONFIDENCE)
    event_date: date | None
    place: str | None
    participants: list[Participant]
    content_hash: str
    body: str


class Outlet(BaseModel):
    outlet: str
    url: str
    article_id: int
    language: str


class StoryArticle(BaseModel):
    id: int
    outlet: str
    url: str
    title: str
    published: datetime | None
    topics: list[str]
    matched_terms: dict[str, list[str]]


class Story(BaseModel):
    """One event and every outlet that reported it."""

    id: int
    headline: str
    summary: str
    event_type: str
    event_confidence: float | None = Field(description=STORY_CONFIDENCE)
    event_date: date | None
    place: str | None
    participants: list[Participant]
    topics: list[str]
    sources: list[str] = Field(description="Every outlet, syndicated copies included.")
    article_count: int
    first_published: datetime | None
    last_published: datetime | None
    updated_at: datetime | None
    articles: list[StoryArticle]
    outlets: list[Outlet] = Field(description="Each article under each outlet, earliest first.")


class StoryDetail(Story):
    """One story, with the stories a person's split keeps it apart from."""

    kept_apart_from: list[int] = Field(
        description="Stories a split keeps apart from this one: no report joins them."
    )


class StoryPage(BaseModel):
    total: int
    offset: int
    limit: int
    next_offset: int | None
    items: list[Story]


class Source(BaseModel):
    """A source and its health (as `monitor sources` shows it)."""

    name: str
    homepage: str | None
    configured: bool = Field(description="Listed in sources.toml.")
    enabled: bool
    last_attempt_at: datetime | None
    last_success_at: datetime | None
    consecutive_failures: int
    last_error: str | None
    articles_found: int
    articles_7d: int = Field(description="Articles stored in the last 7 days.")


class Health(BaseModel):
    status: Literal["ok", "unavailable"]
    archive: str
    version: str


# -- parameters --------------------------------------------------------------------------


class SplitRequest(BaseModel):
    """The articles to move out of a story into a new one."""

    articles: list[int | str] = Field(
        min_length=1,
        max_length=1000,
        description="The articles to move, each by its id (1 or more) or one of its URLs.",
    )
    alert: bool = Field(
        False, description="Queue the rules' alerts for a new story about the split-off one."
    )

    @field_validator("articles")
    @classmethod
    def _ids_or_urls(cls, articles: list[int | str]) -> list[int | str]:
        for article in articles:
            if isinstance(article, int) and article < 1:
                raise ValueError(f"an article id is 1 or more, not {article}")
            if isinstance(article, str) and not article.strip():
                raise ValueError("an article URL is not empty")
        return articles


class JoinRequest(BaseModel):
    """The stories to join into the oldest of them."""

    stories: list[Annotated[int, Field(ge=1, le=MAX_ID)]] = Field(
        min_length=2, max_length=1000, description="Story ids."
    )


class Correction(BaseModel):
    """What a split or a join did, and the stories as they are now."""

    message: str = Field(description="What was done, as `monitor stories` says it.")
    moved: int = Field(description="How many articles moved.")
    stories: list[StoryDetail] = Field(
        description="A split: the story, then the new one. A join: the surviving story."
    )
