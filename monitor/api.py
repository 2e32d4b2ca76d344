"""The HTTP API, the web page and the Atom feeds: one FastAPI application.

A face like the CLI: every route calls store queries (``monitor.store.search``,
``monitor.store.queries``) and formats; no SQL here. This module holds the routes;
``monitor.api_filters`` reads and checks their parameters, ``monitor.api_errors`` turns
errors into answers and ``monitor.api_server`` serves the application with uvicorn (its
only importer). FastAPI is imported only by these modules and ``monitor.web``.

Routes (``/openapi.json`` documents the JSON ones with their models):

======================================  ================================================
``GET /api/articles``                   search: ``q`` (the query language of ``monitor
                                        search``), ``topic``, ``source``, ``event_type``,
                                        ``language``, ``since``, ``until``, ``order``
                                        (``relevance``/``newest``), ``limit`` (1-200),
                                        ``offset``
``GET /api/articles.csv``, ``.jsonl``   the same search exported in full (streamed; the
                                        fields of ``monitor export``; ``limit`` optional)
``GET /api/coverage``                   the same search counted per UTC day and outlet:
                                        ``days``, ``series`` (``outlet``, ``counts``),
                                        ``total`` (no ``order``, ``limit``, ``offset``)
``GET /api/articles/{id}``              one article with every URL and outlet
``GET /api/stories``                    stories newest first: ``topic``, ``event_type``,
                                        ``source``, ``since``, ``limit``, ``offset``
``GET /api/stories/{id}``               one story with its articles and outlets
``POST /api/stories/{id}/split``,       corrections, only with a token
``POST /api/stories/join``              (``monitor.api_corrections``)
``GET /api/sources``                    every source with its health
``GET /feeds/{name}.atom``              Atom feed of a topic or, when no topic has the
                                        name, of an alert rule (topics win)
``GET /healthz``                        200 when the archive answers, else 503; never
                                        needs the token
``GET /metrics``                        Prometheus text format
``GET /``, ``/articles/{id}``,          the web page (``monitor.web``)
``/stories/{id}``, ``/sources``
======================================  ================================================

Errors are JSON ``{"error": "...", "status": N}`` (HTML on the web pages): a bad
parameter is a 422 naming it, an unknown id or topic a 404 (naming the known topics),
a missing or wrong token a 401, an unreachable archive a 503, a method a route does not
take a 405 with ``Allow``. No parameter value makes a 500. Every GET route answers HEAD
(``monitor.api_guard``). When ``MONITOR_API_TOKEN`` is set, every route but ``/healthz`` needs
``Authorization: Bearer <token>``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse

from monitor import __version__
from monitor.api_corrections import add_corrections
from monitor.api_errors import ApiError, add_error_handlers, joined_story
from monitor.api_filters import (
    MAX_NAME,
    Filtered,
    Filters,
    event_type_param,
    search_params,
    when_param,
)
from monitor.api_filters import parse_when as parse_when  # re-exported with Filters
from monitor.api_guard import Guard, Metrics
from monitor.api_models import (
    Article,
    ArticlePage,
    Coverage,
    Health,
    Problem,
    Source,
    StoryDetail,
    StoryPage,
)
from monitor.api_server import serve as serve  # re-exported: app and cli start it from here
from monitor.errors import StoreError
from monitor.export import EXPORT_FIELDS, write_csv, write_jsonl
from monitor.feeds import FeedSpec, atom_feed, etag_matches, resolve_feed
from monitor.store import queries
from monitor.store.coverage import coverage
from monitor.store.search import MAX_LIMIT, SearchHit, SearchQuery, search

if TYPE_CHECKING:
    from monitor.app import App

log = logging.getLogger("monitor.api")

MAX_OFFSET = 10_000_000
MAX_EXPORT = 1_000_000
EXPORT_PAGE = MAX_LIMIT  # articles read per query while an export streams


def _hit(hit: SearchHit) -> dict[str, Any]:
    return {
        "id": hit.article_id,
        "url": hit.url,
        "source": hit.source,
        "title": hit.title,
        "published": hit.published,
        "language": hit.language,
        "topics": list(hit.topics),
        "event_type": hit.event_type,
        "event_confidence": hit.event_confidence,
        "story_id": hit.story_id,
        "score": hit.score,
        "snippet": "".join(t for t, _ in hit.snippet_parts),
        "snippet_parts": [{"text": t, "match": m} for t, m in hit.snippet_parts],
    }


def _export_lines(app: App, request: SearchQuery, fmt: str, cap: int | None) -> Iterator[str]:
    """The whole search as export rows, page by page (the first page was already read,
    so a bad request fails before the response starts)."""
    page_size = EXPORT_PAGE
    offset, sent = 0, 0
    header = True
    while cap is None or sent < cap:
        size = page_size if cap is None else min(page_size, cap - sent)
        page = search(
            app.store.engine,
            SearchQuery(
                **{**request.__dict__, "limit": size, "offset": offset},
            ),
        )
        rows = queries.articles_by_ids(app.store.engine, [h.article_id for h in page.hits])
        buffer = io.StringIO()
        if fmt == "csv":
            if header:
                csv.writer(buffer, lineterminator="\n").writerow(EXPORT_FIELDS)
                header = False
            chunk = io.StringIO()
            write_csv(rows, chunk)
            buffer.write(chunk.getvalue().split("\n", 1)[1])  # without its header line
        else:
            write_jsonl(rows, buffer)
        if buffer.getvalue():
            yield buffer.getvalue()
        sent += len(page.hits)
        if page.next_offset is None or not page.hits:
            return
        offset = page.next_offset


# -- the application ---------------------------------------------------------------------


def known_parameters(request: Request) -> None:
    """A query parameter that an /api/ route does not take is a 422 naming it, not a
    filter silently ignored (``until`` on /api/stories, ``offset`` on an export). The
    web page and the feeds take links as they come (a shared link's utm_source)."""
    route = request.scope.get("route")
    path = getattr(route, "path", "")
    if not path.startswith("/api/") or not request.query_params:
        return
    method = "get" if request.method == "HEAD" else request.method.lower()
    operation = request.app.openapi().get("paths", {}).get(path, {}).get(method)
    if operation is None:
        return
    known = sorted(p["name"] for p in operation.get("parameters", []) if p.get("in") == "query")
    unknown = sorted(set(request.query_params) - set(known))
    if unknown:
        raise ApiError(
            422,
            f"unknown query parameter {unknown[0]!r} ({path} takes: {', '.join(known) or 'none'})",
        )
    # every parameter takes one value: "source=a&source=b" would silently be b
    repeated = sorted(
        k for k in set(request.query_params) if len(request.query_params.getlist(k)) > 1
    )
    if repeated:
        raise ApiError(
            422, f"query parameter {repeated[0]!r} is given more than once (it takes one value)"
        )


def create_api(app: App) -> FastAPI:
    """The FastAPI application over one App (its store and config), ready for uvicorn."""
    from monitor.web import create_web

    api = FastAPI(
        title="monitor",
        version=__version__,
        summary="Archive of the news monitor: articles, stories, sources, feeds, and story"
        " corrections (with a token).",
        description=__doc__,
        docs_url="/docs",
        redoc_url=None,
        dependencies=[Depends(known_parameters)],
    )
    metrics = Metrics()
    filters = Filters(app)
    token = str(getattr(app.settings, "api_token", "") or "")
    web = create_web(app, filters)
    api.add_middleware(
        Guard, token=token, metrics=metrics, open_paths={"/healthz"}, error_page=web.error_page
    )
    errors = {404: Problem, 422: Problem, 401: Problem, 503: Problem}
    responses: dict[int | str, dict[str, Any]] = {k: {"model": v} for k, v in errors.items()}
    add_error_handlers(api, web.error_page)
    add_corrections(api, app, token)

    Params = Depends(search_params)

    @api.get("/api/articles", response_model=ArticlePage, responses=responses, tags=["articles"])
    def list_articles(
        params: dict[str, Any] = Params,
        limit: int = Query(20, ge=1, le=MAX_LIMIT),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> dict[str, Any]:
        """Search the archive (or list it, newest first, without ``q``)."""
        request = filters.query(**params, limit=limit, offset=offset)
        page = search(app.store.engine, request)
        return {
            "total": page.total,
            "offset": offset,
            "limit": limit,
            "next_offset": page.next_offset,
            "items": [_hit(h) for h in page.hits],
        }

    def export(fmt: str, params: dict[str, Any], limit: int | None) -> Response:
        request = filters.query(**params, limit=min(limit or MAX_LIMIT, MAX_LIMIT), offset=0)
        search(app.store.engine, request)  # fail now (4xx/503) rather than mid-stream
        media = "text/csv; charset=utf-8" if fmt == "csv" else "application/x-ndjson"
        return StreamingResponse(
            _export_lines(app, request, fmt, limit),
            media_type=media,
            headers={"Content-Disposition": f'attachment; filename="articles.{fmt}"'},
        )

    export_limit = Query(None, ge=1, le=MAX_EXPORT, description="At most this many articles.")

    @api.get(
        "/api/articles.csv",
        responses={**responses, 200: {"content": {"text/csv": {}}}},
        response_class=Response,
        tags=["articles"],
    )
    def export_csv(params: dict[str, Any] = Params, limit: int | None = export_limit) -> Response:
        """Every article the search finds as CSV (the columns of ``monitor export``)."""
        return export("csv", params, limit)

    @api.get(
        "/api/articles.jsonl",
        responses={**responses, 200: {"content": {"application/x-ndjson": {}}}},
        response_class=Response,
        tags=["articles"],
    )
    def export_jsonl(params: dict[str, Any] = Params, limit: int | None = export_limit) -> Response:
        """Every article the search finds as JSON Lines (the fields of ``monitor export``)."""
        return export("jsonl", params, limit)

    @api.get("/api/coverage", response_model=Coverage, responses=responses, tags=["articles"])
    def article_coverage(params: dict[str, Any] = Filtered) -> dict[str, Any]:
        """Articles the search finds per UTC day and per outlet (the one that published
        first), counted by the archive: from ``since`` to ``until``, or the 30 days up to
        the newest match; the 6 outlets with the most articles, then ``other``."""
        request = filters.query(**params)
        return coverage(app.store.engine, request).as_dict()

    ArticleId = Path(ge=1, le=queries.MAX_ID, description="The archive id.")

    @api.get(
        "/api/articles/{article_id}", response_model=Article, responses=responses, tags=["articles"]
    )
    def get_article(article_id: int = ArticleId) -> dict[str, Any]:
        """One article with its body, every URL and every outlet."""
        found = queries.get_article(app.store.engine, article_id)
        if found is None:
            raise ApiError(404, f"no article {article_id}")
        return found

    @api.get("/api/stories", response_model=StoryPage, responses=responses, tags=["stories"])
    def list_stories(
        topic: str | None = Query(None, max_length=MAX_NAME),
        event_type: str | None = event_type_param(),
        source: str | None = Query(None, max_length=MAX_NAME),
        since: str | None = when_param("Reported on or after."),
        limit: int = Query(20, ge=1, le=MAX_LIMIT),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> dict[str, Any]:
        """Stories, newest first, each with every outlet that reported it."""
        found = filters.stories(
            topic=topic,
            event_type=event_type,
            source=source,
            since=since,
            limit=limit,
            offset=offset,
        )
        following = offset + len(found.stories)
        return {
            "total": found.total,
            "offset": offset,
            "limit": limit,
            "next_offset": following if found.stories and following < found.total else None,
            "items": found.stories,
        }

    StoryId = Path(ge=1, le=queries.MAX_ID, description="The story id.")

    joined: dict[int | str, dict[str, Any]] = {
        308: {"description": "The story was joined into another: its address."}
    }

    @api.get(
        "/api/stories/{story_id}",
        response_model=StoryDetail,
        responses={**responses, **joined},
        tags=["stories"],
    )
    def get_story(request: Request, story_id: int = StoryId) -> dict[str, Any] | Response:
        """One story: its event, its articles and every outlet that carried them (a story
        joined into another since redirects there, 308)."""
        found = queries.get_story(app.store.engine, story_id)
        if found is None:
            return joined_story(request, "get_story", story_id, app.store.engine)
        return found

    @api.get("/api/sources", response_model=list[Source], responses=responses, tags=["sources"])
    def list_sources() -> list[dict[str, Any]]:
        """Every source with its health: last success, failures in a row, last error."""
        return source_rows(app)

    @api.get(
        "/feeds/{name}.atom",
        response_class=Response,
        responses={**responses, 200: {"content": {"application/atom+xml": {}}}},
        tags=["feeds"],
    )
    def feed(
        request: Request,
        name: str = Path(max_length=MAX_NAME, description="A topic, else an alert rule."),
        limit: int = Query(50, ge=1, le=MAX_LIMIT),
    ) -> Response:
        """Atom 1.0 feed of the stories of a topic or of an alert rule, newest first."""
        spec = resolve_feed(app.config, name)
        if spec is None:
            known = [f"{t.name} (topic)" for t in app.config.topics]
            known += [f"{r.name} (alert rule)" for r in app.config.alerts]
            raise ApiError(
                404, f"no topic or alert rule named {name!r} (known: {', '.join(known) or 'none'})"
            )
        body = feed_body(request, spec, limit)
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        headers = {"ETag": etag, "Cache-Control": "max-age=60"}
        if etag_matches(request.headers.get("if-none-match"), etag):
            return Response(status_code=304, headers=headers)
        return Response(body, media_type="application/atom+xml; charset=utf-8", headers=headers)

    def feed_body(request: Request, spec: FeedSpec, limit: int) -> bytes:
        found = queries.find_stories(
            app.store.engine,
            topics=spec.topics,
            events=spec.events,
            sources=spec.sources,
            limit=limit,
        )
        base = str(request.base_url).rstrip("/")
        return atom_feed(
            spec,
            found.stories,
            self_url=str(request.url),
            base_url=base,
            authority=_authority(app),
        )

    @api.get("/healthz", response_model=Health, responses=responses, tags=["operations"])
    def healthz() -> Response:
        """200 when the archive answers a query, 503 otherwise; never needs the token."""
        try:
            queries.ping(app.store.engine)
        except StoreError as exc:
            log.error("health check failed: %s", exc)
            body = {"status": "unavailable", "archive": app.store.dialect, "version": __version__}
            return JSONResponse(body, status_code=503)
        return JSONResponse({"status": "ok", "archive": app.store.dialect, "version": __version__})

    @api.get("/metrics", response_class=PlainTextResponse, tags=["operations"])
    def prometheus() -> Response:
        """Prometheus text format: articles, stories, per-source failures and last
        success, outbox by status, HTTP requests by route and status."""
        return PlainTextResponse(
            metrics.render(app), media_type="text/plain; version=0.0.4; charset=utf-8"
        )

    api.include_router(web.router)
    return api


def _authority(app: App) -> str:
    """The tag: URI authority of feed and entry ids: the host of MONITOR_CONTACT_URL."""
    from urllib.parse import urlsplit

    host = urlsplit(app.settings.contact_url).hostname or "monitor.invalid"
    return host


def source_rows(app: App) -> list[dict[str, Any]]:
    """Every source (configured or seen in the archive) with its health."""
    health = {h.name: h for h in app.store.source_health()}
    recent = app.store.recent_counts(datetime.now(UTC) - timedelta(days=7))
    configured = {s.name: s for s in app.config.sources}
    rows = []
    for name in [*configured, *sorted(n for n in health if n not in configured)]:
        h = health.get(name)
        source = configured.get(name)
        rows.append(
            {
                "name": name,
                "homepage": source.homepage if source else None,
                "configured": source is not None,
                "enabled": bool(source and source.enabled),
                "last_attempt_at": h.last_attempt_at if h else None,
                "last_success_at": h.last_success_at if h else None,
                "consecutive_failures": h.consecutive_failures if h else 0,
                "last_error": h.last_error if h else None,
                "articles_found": h.articles_found if h else 0,
                "articles_7d": recent.get(name, 0),
            }
        )
    return rows
