"""The HTTP API's request parameters: how the filters of a search are read and checked.

:class:`Filters` turns raw parameters into a ``SearchQuery`` or a page of stories,
checked against the configuration (known topics and event types); the JSON API, the
exports and the web page (``monitor.web``) share it, so a bad parameter is the same 4xx
everywhere. :func:`filter_params` (``Filtered``, a FastAPI dependency: the search routes'
and the web page's) and :func:`search_params` declare the query parameters of a search
(the limits, the descriptions ``/openapi.json`` shows).
Every error is an :class:`~monitor.api_errors.ApiError` naming the parameter: a 422,
or a 404 for an unknown topic (naming the known ones).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from fastapi import Depends, Query

from monitor.api_errors import ApiError
from monitor.classify import EVENT_TYPES
from monitor.errors import InputError
from monitor.normalize import range_bound
from monitor.query import one_of, parse_query
from monitor.store import queries
from monitor.store.search import SearchQuery

if TYPE_CHECKING:
    from monitor.app import App

MAX_TEXT = 500  # longest query text; longer is a 422, not a slow query
MAX_NAME = 200  # longest topic, source or feed name
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(name: str, value: str | None) -> str | None:
    """None for an absent or blank value; a 422 for control characters (NUL breaks
    PostgreSQL and never belongs in a name or query)."""
    if value is None or not value.strip():
        return None
    if _CONTROL.search(value):
        raise ApiError(422, f"query parameter '{name}': control characters are not allowed")
    return value.strip()


EXPECTED = "expected a date like 2026-01-31, a time like 2026-01-31T14:05:00Z, or 2026-01 or 2026"


def parse_when(name: str, value: str | None) -> datetime | None:
    """A date parameter as an aware UTC time; a 422 naming the parameter otherwise.

    A year (``2026``), a month (``2026-01``) or a day is a period, not a Unix time:
    ``since`` is its start, ``until`` its end (the whole period included)."""
    value = _clean(name, value)
    if value is None:
        return None
    try:
        return range_bound(value, end=name == "until")
    except (InputError, ValueError, OverflowError, OSError) as exc:
        reason = exc.message if isinstance(exc, InputError) else str(exc)
        raise ApiError(
            422, f"query parameter '{name}': bad date {value!r}: {EXPECTED} ({reason})"
        ) from exc


EVENT_TYPE_SCHEMA = {"anyOf": [{"type": "string", "enum": list(EVENT_TYPES)}, {"type": "null"}]}
# what the server reads: an RFC 3339 date or date-time (and more, see parse_when)
WHEN_SCHEMA = {
    "anyOf": [
        {"type": "string", "format": "date"},
        {"type": "string", "format": "date-time"},
        {"type": "null"},
    ]
}


def event_type_param() -> Any:
    """The ``event_type`` query parameter, an enum of the event types in the schema."""
    return Query(
        None,
        max_length=40,
        description="One of: " + ", ".join(EVENT_TYPES) + ".",
        json_schema_extra=EVENT_TYPE_SCHEMA,
    )


def when_param(description: str) -> Any:
    """A ``since``/``until`` query parameter: a date or date-time in the schema."""
    return Query(
        None,
        max_length=64,
        description=description + " A date (2026-01-31) or an RFC 3339 time.",
        json_schema_extra=WHEN_SCHEMA,
    )


class Filters:
    """The filters shared by search, export and the web page, checked against the config."""

    def __init__(self, app: App) -> None:
        self.app = app

    def topic(self, value: str | None) -> str | None:
        value = _clean("topic", value)
        known = [t.name for t in self.app.config.topics]
        if value is not None and value not in known:
            raise ApiError(
                404, f"unknown topic {value!r} (known topics: {', '.join(known) or 'none'})"
            )
        return value

    @staticmethod
    def event_type(value: str | None) -> str | None:
        """One of the event types, in any case (as `monitor search --event`)."""
        value = _clean("event_type", value)
        if value is None:
            return None
        try:
            return one_of(value, EVENT_TYPES)
        except InputError:
            raise ApiError(
                422,
                f"query parameter 'event_type': unknown event type {value!r} "
                f"(one of: {', '.join(EVENT_TYPES)})",
            ) from None

    def source(self, value: str | None) -> str | None:
        """An outlet configured or in the archive, in any case (as `monitor search
        --source`): an unknown one is an error naming it, not an empty page."""
        value = _clean("source", value)
        if value is None:
            return None
        outlets = [s.name for s in self.app.config.sources]
        if value.casefold() not in {name.casefold() for name in outlets}:
            outlets += queries.distinct_values(self.app.store.engine)["sources"]  # ran once
        try:
            return one_of(value, outlets)
        except InputError as exc:
            raise ApiError(422, f"query parameter 'source': {exc.message}") from None

    @staticmethod
    def language(value: str | None) -> str | None:
        """A language code, in any case: stored codes are lower case (en, pt-br)."""
        value = _clean("language", value)
        return value.lower() if value else None

    def query(
        self,
        *,
        q: str | None,
        topic: str | None,
        source: str | None,
        event_type: str | None,
        language: str | None,
        since: str | None,
        until: str | None,
        order: str = "relevance",
        limit: int = 20,
        offset: int = 0,
    ) -> SearchQuery:
        """A SearchQuery from raw parameters; ApiError names the bad one."""
        text = _clean("q", q) or ""
        since_dt, until_dt = parse_when("since", since), parse_when("until", until)
        if since_dt and until_dt and until_dt <= since_dt:
            raise ApiError(422, "query parameter 'until' must be later than 'since'")
        try:
            request = SearchQuery(
                text=text,
                topic=self.topic(topic),
                source=self.source(source),
                event_type=self.event_type(event_type),
                language=self.language(language),
                since=since_dt,
                until=until_dt,
                order="newest" if order == "newest" else "relevance",
                limit=limit,
                offset=offset,
            )
            parse_query(text)  # more than MAX_TERMS terms is the user's error, said now
        except InputError as exc:
            raise ApiError(422, f"query parameter 'q': {exc.message}") from exc
        return request

    def stories(
        self,
        *,
        topic: str | None = None,
        event_type: str | None = None,
        source: str | None = None,
        since: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> queries.StoryPage:
        """A page of stories from raw parameters; ApiError names the bad one."""
        chosen = self.topic(topic)
        kind = self.event_type(event_type)
        outlet = self.source(source)
        return queries.find_stories(
            self.app.store.engine,
            topics=[chosen] if chosen else [],
            events=[kind] if kind else [],
            sources=[outlet] if outlet else [],
            since=parse_when("since", since),
            limit=limit,
            offset=offset,
        )


def filter_params(
    q: str | None = Query(
        None, max_length=MAX_TEXT, description='Words, "phrases", -exclusions, a OR b, pre*.'
    ),
    topic: str | None = Query(None, max_length=MAX_NAME, description="A configured topic."),
    source: str | None = Query(
        None, max_length=MAX_NAME, description="An outlet: the first, or one that ran a copy."
    ),
    event_type: str | None = event_type_param(),
    language: str | None = Query(None, max_length=12, description="ISO 639-1, e.g. en."),
    since: str | None = when_param("Published on or after."),
    until: str | None = when_param("Published before."),
) -> dict[str, Any]:
    """The filters of a search, as raw strings (checked by :meth:`Filters.query`)."""
    return {
        "q": q,
        "topic": topic,
        "source": source,
        "event_type": event_type,
        "language": language,
        "since": since,
        "until": until,
    }


Filtered = Depends(filter_params)


def search_params(
    chosen: dict[str, Any] = Filtered,
    order: Literal["relevance", "newest"] = Query("relevance"),
) -> dict[str, Any]:
    """The filters and the order of a search."""
    return {**chosen, "order": order}
