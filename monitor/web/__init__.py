"""The web page for people: search, stories with their outlets, articles, source health.

Server-rendered HTML (Jinja2 with autoescape on: every scraped title, body, name and URL
is escaped; the only markup built from article text is the snippet, whose pieces go
through ``html.escape`` before ``<mark>`` is put around the matches). One small CSS file,
no JavaScript: the search form is a plain GET form, pagination plain links. Readable on a
phone (viewport meta, one column under 40rem).

Pages: ``/`` (search box and filters; the results under a chart of their coverage per day
and outlet, an inline SVG laid out by ``monitor.chart`` whose bars link to the search of
their day; or the latest stories with every outlet), ``/articles/{id}``,
``/stories/{id}``, ``/sources``; ``/static/style.css``.
The routes call the same helpers as the JSON API (``monitor.api_filters.Filters``), so
a bad parameter is the same 4xx, shown as a page.
"""

from __future__ import annotations

import functools
import html
import re
from datetime import date, datetime
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from monitor import __version__
from monitor.api_errors import ApiError, joined_story
from monitor.api_filters import Filtered
from monitor.chart import WIDE, WIDE_PLOT_HEIGHT, layout, span
from monitor.classify import EVENT_TYPES, SURE
from monitor.store import queries
from monitor.store.coverage import Coverage, coverage
from monitor.store.search import SearchHit, render_snippet, search

if TYPE_CHECKING:
    from monitor.api_filters import Filters
    from monitor.app import App

HERE = Path(__file__).resolve().parent
PAGE_SIZE = 20
ORDERS = ("relevance", "newest")
MAX_OFFSET = 10_000_000


def _when(value: Any, with_time: bool = True) -> str:
    """A date or time for people: 2024-01-31 09:00 UTC."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M UTC" if with_time else "%Y-%m-%d")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def snippet_html(hit: SearchHit) -> Markup:
    """The snippet with <mark> around the matches; every piece of text escaped."""
    marked = render_snippet(hit.snippet_parts, ("<mark>", "</mark>"), html.escape)
    return Markup(marked)  # pieces escaped by html.escape just above


_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def text_attributes(language: str | None = None) -> Markup:
    """``dir="auto"`` for scraped text (Arabic and Persian run right to left) and its
    ``lang`` when the article's language is known."""
    attributes = ' dir="auto"'
    if language and _LANGUAGE.fullmatch(language):
        attributes += f' lang="{language}"'
    return Markup(attributes)  # a fixed string and a checked language code


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["when"] = _when
    env.filters["day"] = lambda v: _when(v, with_time=False)
    env.filters["label"] = lambda v: str(v or "").replace("_", " ")
    env.globals["SURE"] = SURE
    env.globals["text"] = text_attributes
    env.globals["version"] = __version__
    return env


def _chart_note(counted: Coverage | None, total: int) -> str | None:
    """What the chart leaves out of the results above it (older or undated articles)."""
    if counted is None or not counted.total or counted.total >= total:
        return None
    return (
        f"The chart counts {counted.total:,} of the {total:,} articles, those of "
        f"{span(counted.days)}; the others are older or give no date."
    )


class Web:
    """The pages over one App; ``router`` is included by ``monitor.api.create_api``."""

    def __init__(self, app: App, filters: Filters) -> None:
        self.app = app
        self.filters = filters
        self.env = _environment()
        self.css = (HERE / "static" / "style.css").read_bytes()
        self.router = APIRouter(include_in_schema=False)
        self._routes()

    def render(
        self, request: Request, template: str, status: int = 200, **context: Any
    ) -> Response:
        topics = context.pop("topics", None)
        if topics is None:
            topics = [t.name for t in self.app.config.topics]
        body = self.env.get_template(template).render(
            request=request, topics=topics, event_types=EVENT_TYPES, **context
        )
        return HTMLResponse(body, status_code=status)

    def error_page(self, request: Request, status: int, message: str) -> Response:
        """The page shown for a 4xx or 5xx: the status and the message, escaped."""
        titles = {401: "Not authorised", 404: "Not found", 405: "Method not allowed"}
        titles |= {422: "Bad request", 503: "Unavailable"}
        return self.render(
            request,
            "error.html",
            status=status,
            title=titles.get(status) or HTTPStatus(status).phrase,
            status_code=status,
            message=message,
            params={},
            topics=[] if status == 401 else None,  # nothing of the archive without the token
        )

    def _routes(self) -> None:
        router = self.router

        @router.get("/", response_class=HTMLResponse)
        def index(
            request: Request,
            chosen: dict[str, Any] = Filtered,
            order: str | None = Query(None, max_length=20),
            offset: int = Query(0, ge=0, le=MAX_OFFSET),
        ) -> Response:
            order = (order or "").strip() or None
            if order not in (None, *ORDERS):
                raise ApiError(
                    422,
                    f"query parameter 'order': {order!r} is not an order "
                    f"(one of: {', '.join(ORDERS)})",
                )
            given = {k: v for k, v in chosen.items() if v and v.strip()}
            if order == "newest":  # every article newest first, with their chart
                given["order"] = order
            searching = bool(given)  # order=relevance, which the form always sends, is none
            context: dict[str, Any] = {"params": given, "searching": searching}
            if searching:
                request_ = self.filters.query(
                    **chosen, order=order or "relevance", limit=PAGE_SIZE, offset=offset
                )
                page = search(self.app.store.engine, request_)
                counted = coverage(self.app.store.engine, request_) if page.total else None
                link = functools.partial(self._day_link, given)
                context.update(
                    total=page.total,
                    charts=(
                        ("wide", layout(counted, link, width=WIDE, plot_height=WIDE_PLOT_HEIGHT)),
                        ("narrow", layout(counted, link)),
                    )
                    if counted and counted.total
                    else None,
                    chart_note=_chart_note(counted, page.total),
                    hits=[(h, snippet_html(h)) for h in page.hits],
                    newer=self._page_link(given, offset - PAGE_SIZE) if offset > 0 else None,
                    older=self._page_link(given, page.next_offset)
                    if page.next_offset is not None
                    else None,
                    first=self._page_link(given, 0),
                )
            else:
                found = self.filters.stories(limit=PAGE_SIZE, offset=offset)
                following = offset + len(found.stories)
                context.update(
                    total=found.total,
                    stories=found.stories,
                    newer=self._page_link({}, offset - PAGE_SIZE) if offset > 0 else None,
                    older=self._page_link({}, following) if following < found.total else None,
                    first="/",
                )
            context["choices"] = queries.distinct_values(self.app.store.engine)
            return self.render(request, "index.html", title="Search", offset=offset, **context)

        @router.get("/articles/{article_id}", response_class=HTMLResponse)
        def article(
            request: Request, article_id: int = PathParam(ge=1, le=queries.MAX_ID)
        ) -> Response:
            found = queries.get_article(self.app.store.engine, article_id)
            if found is None:
                raise ApiError(404, f"no article {article_id}")
            paragraphs = [p.strip() for p in found["body"].split("\n") if p.strip()]
            story = (
                queries.get_story(self.app.store.engine, found["story_id"])
                if found["story_id"]
                else None
            )
            return self.render(
                request,
                "article.html",
                title=found["title"],
                article=found,
                paragraphs=paragraphs,
                story=story,
                params={},
            )

        @router.get("/stories/{story_id}", response_class=HTMLResponse)
        def story(request: Request, story_id: int = PathParam(ge=1, le=queries.MAX_ID)) -> Response:
            found = queries.get_story(self.app.store.engine, story_id)
            if found is None:
                return joined_story(request, "story", story_id, self.app.store.engine)
            languages = {o["article_id"]: o["language"] for o in found["outlets"]}
            return self.render(
                request,
                "story.html",
                title=found["headline"],
                story=found,
                languages=languages,
                params={},
            )

        @router.get("/sources", response_class=HTMLResponse)
        def sources(request: Request) -> Response:
            from monitor.api import source_rows

            return self.render(
                request, "sources.html", title="Sources", sources=source_rows(self.app), params={}
            )

        @router.get("/api", response_class=HTMLResponse)
        def api_reference(request: Request) -> Response:
            """Every route of the API from its OpenAPI document, served here: /docs needs
            JavaScript and a CDN, which a self-hosted monitor may not reach."""
            return self.render(
                request,
                "api.html",
                title="API",
                routes=api_routes(request.app.openapi()),
                params={},
            )

        @router.get("/static/style.css")
        def style() -> Response:
            return Response(
                self.css,
                media_type="text/css; charset=utf-8",
                headers={"Cache-Control": "max-age=3600"},
            )

    @staticmethod
    def _day_link(params: dict[str, str], day: date) -> str:
        """The same search narrowed to one UTC day."""
        query = {**params, "since": day.isoformat(), "until": day.isoformat()}  # that day alone
        return "/?" + urlencode(query)

    @staticmethod
    def _page_link(params: dict[str, str], offset: int | None) -> str:
        query = dict(params)
        if offset:
            query["offset"] = str(max(0, offset))
        return "/?" + urlencode(query) if query else "/"


def _literals(text: str) -> Markup:
    """A docstring's ``literal`` shown as code, the rest escaped."""
    parts = re.split(r"``(.+?)``", text)
    return Markup("").join(
        Markup("<code>{}</code>").format(part) if i % 2 else Markup.escape(part)
        for i, part in enumerate(parts)
    )


def api_routes(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The routes of an OpenAPI document as the API page lists them: method, path,
    summary, description and parameters (name, where, required, description)."""
    routes = []
    for path, methods in document.get("paths", {}).items():
        for method, operation in methods.items():
            params = [
                {
                    "name": param.get("name", ""),
                    "where": param.get("in", ""),
                    "required": bool(param.get("required")),
                    "description": param.get("description")
                    or param.get("schema", {}).get("description", ""),
                }
                for param in operation.get("parameters", [])
            ]
            body = operation.get("requestBody", {}).get("content", {})
            routes.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": _literals(operation.get("description", "")),
                    "params": params,
                    "body": ", ".join(body),
                    "tags": operation.get("tags", []),
                }
            )
    return routes


def create_web(app: App, filters: Filters) -> Web:
    """The web pages over ``app``; ``filters`` checks parameters as the API does."""
    return Web(app, filters)
