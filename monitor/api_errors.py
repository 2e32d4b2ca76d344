"""The HTTP API's errors: how a failure becomes an answer, JSON or an HTML page.

A route raises :class:`ApiError` (a status and a message for people); the handlers that
:func:`add_error_handlers` installs also turn FastAPI's validation errors, Starlette's
HTTP errors, an unreachable archive (``StoreError``) and any other ``MonitorError`` into
the same answer: JSON ``{"error": "...", "status": N}`` under ``/api/``, ``/feeds/``,
``/metrics``, ``/healthz`` and ``/openapi``, else the web page's error page. A bad
parameter is a 422 naming it, an unreachable archive a 503.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from sqlalchemy import Engine
from starlette.exceptions import HTTPException as StarletteHTTPException

from monitor.errors import MonitorError, StoreError
from monitor.store.merging import merged_into

log = logging.getLogger("monitor.api")

ErrorPage = Callable[[Request, int, str], Response]


class ApiError(Exception):
    """An error a route answers with: an HTTP status and a message for people."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def joined_story(request: Request, route: str, story_id: int, engine: Engine) -> Response:
    """A permanent redirect to the story that story ``story_id`` was joined into (``monitor
    reclassify --regroup``), so that a link sent in an alert still leads to it; else the
    404 of a story that does not exist."""
    into = merged_into(engine, story_id)
    if into is None:
        raise ApiError(404, f"no story {story_id}")
    return RedirectResponse(str(request.url_for(route, story_id=into)), status_code=308)


def wants_html(path: str) -> bool:
    """Whether errors under ``path`` are the web page's (else JSON)."""
    return not path.startswith(("/api/", "/feeds/", "/metrics", "/healthz", "/openapi"))


def add_error_handlers(api: FastAPI, error_page: ErrorPage) -> None:
    """Answer every error of ``api`` as JSON, or with ``error_page`` on the web pages."""

    def problem(
        request: Request,
        status: int,
        message: str,
        headers: Mapping[str, str] | None = None,
        **extra: Any,
    ) -> Response:
        if wants_html(request.url.path):
            response = error_page(request, status, message)
            response.headers.update(headers or {})
            return response
        body = {"error": message, "status": status, **extra}
        return JSONResponse(body, status_code=status, headers=headers)

    @api.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return problem(request, exc.status, exc.message)

    @api.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        details = []
        for error in exc.errors():
            where = [str(p) for p in error.get("loc", ())]
            kind = where[0] if where else "request"
            name = ".".join(where[1:]) or kind
            message = str(error.get("msg"))
            if error.get("type") == "json_invalid":  # the body is no JSON at all
                name, message = "(the whole body)", f"not JSON ({message}): expected an object"
            details.append({"parameter": name, "in": kind, "message": message})
        message = "; ".join(
            f"{d['in']} parameter '{d['parameter']}': {d['message']}" for d in details
        )
        return problem(request, 422, message or "invalid request", errors=details)

    @api.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        headers = dict(exc.headers or {})
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page: {request.url.path}"
        if exc.status_code == 405:
            allowed = {m.strip().upper() for m in headers.get("Allow", "").split(",") if m.strip()}
            if "GET" in allowed:
                allowed.add("HEAD")  # monitor.api_guard answers HEAD on every GET route
            headers["Allow"] = ", ".join(sorted(allowed))
            message = f"{request.method} is not allowed here (allowed: {headers['Allow']})"
        return problem(request, exc.status_code, message, headers)

    @api.exception_handler(StoreError)
    async def unavailable(request: Request, exc: StoreError) -> Response:
        log.error("archive error answering %s: %s", request.url.path, exc)
        return problem(request, 503, "the archive is unavailable; try again later")

    @api.exception_handler(MonitorError)
    async def monitor_error(request: Request, exc: MonitorError) -> Response:
        return problem(request, 422, str(exc))
