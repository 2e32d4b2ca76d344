"""The HTTP API's middleware and metrics: the bearer token, HEAD, request counts, /metrics.

``Guard`` (ASGI) checks ``Authorization: Bearer <token>`` when a token is set (a 401 is
JSON, or the error page under the web pages), answers
HEAD as GET without the body (every GET route takes HEAD: feed readers, uptime checkers
and link checkers send it) and counts every answer by route template, method and status;
``Metrics.render`` writes the Prometheus text exposition from those counts and the
archive's own figures.
"""

from __future__ import annotations

import hmac
import json
from collections import Counter
from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from monitor.api_errors import ErrorPage, wants_html
from monitor.store import queries

if TYPE_CHECKING:
    from monitor.app import App


# the methods counted under their own name; any other is counted as "other", so that a
# client inventing methods cannot add series without end
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"})


def _label(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


class Metrics:
    """HTTP requests by route and status, counted by the middleware."""

    def __init__(self) -> None:
        self.requests: Counter[tuple[str, str, int]] = Counter()

    def render(self, app: App) -> str:
        """The Prometheus text exposition (version 0.0.4)."""
        counts = queries.archive_counts(app.store.engine)
        health = app.store.source_health()
        lines = [
            "# HELP monitor_articles Articles in the archive.",
            "# TYPE monitor_articles gauge",
            f"monitor_articles {counts.articles}",
            "# HELP monitor_stories Stories in the archive.",
            "# TYPE monitor_stories gauge",
            f"monitor_stories {counts.stories}",
            "# HELP monitor_source_consecutive_failures Failed polls in a row per source.",
            "# TYPE monitor_source_consecutive_failures gauge",
        ]
        lines += [
            f'monitor_source_consecutive_failures{{source="{_label(h.name)}"}} '
            f"{h.consecutive_failures}"
            for h in health
        ]
        lines += [
            "# HELP monitor_source_last_success_timestamp_seconds Unix time of the last "
            "successful poll per source (0: never).",
            "# TYPE monitor_source_last_success_timestamp_seconds gauge",
        ]
        lines += [
            f'monitor_source_last_success_timestamp_seconds{{source="{_label(h.name)}"}} '
            f"{h.last_success_at.timestamp() if h.last_success_at else 0:.3f}"
            for h in health
        ]
        lines += [
            "# HELP monitor_outbox_alerts Alerts in the outbox by status.",
            "# TYPE monitor_outbox_alerts gauge",
        ]
        statuses = {"pending": 0, "delivered": 0, "failed": 0, "digest": 0, **counts.outbox}
        lines += [
            f'monitor_outbox_alerts{{status="{_label(s)}"}} {n}'
            for s, n in sorted(statuses.items())
        ]
        lines += [
            "# HELP monitor_http_requests_total HTTP requests answered, by route and status.",
            "# TYPE monitor_http_requests_total counter",
        ]
        lines += [
            f'monitor_http_requests_total{{route="{_label(route)}",method="{method}",'
            f'status="{status}"}} {n}'
            for (route, method, status), n in sorted(self.requests.items())
        ]
        return "\n".join(lines) + "\n"


class Guard:
    """ASGI middleware: the bearer token (when set) and the request counts.

    The route label is the route's template (``/api/articles/{article_id}``), so the
    number of series stays bounded; paths that match no route count as ``unmatched``.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        token: str,
        metrics: Metrics,
        open_paths: set[str],
        error_page: ErrorPage | None = None,
    ):
        self.app = app
        self.token = token.encode()
        self.metrics = metrics
        self.open_paths = open_paths
        self.error_page = error_page  # the web pages' 401 (JSON elsewhere)

    def _authorized(self, scope: Scope) -> bool:
        if not self.token or scope["path"] in self.open_paths:
            return True
        for name, value in scope.get("headers", ()):
            if name == b"authorization":
                scheme, _, given = value.partition(b" ")
                if scheme.lower() == b"bearer":
                    return hmac.compare_digest(given.strip(), self.token)
        return False

    @staticmethod
    def _route(scope: Scope) -> str:
        route = scope.get("route")
        if route is None:
            for candidate in scope["app"].router.routes:
                if candidate.matches(scope)[0] == Match.FULL:
                    route = candidate
                    break
        return str(getattr(route, "path", "unmatched"))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status = 500
        method = scope["method"]
        head = method == "HEAD"
        inner = {**scope, "method": "GET"} if head else scope  # HEAD: the GET, no body

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        try:
            if self._authorized(inner):
                await self.app(inner, receive, sending)
            else:
                await self.refuse(inner, receive, sending)
        finally:
            label = method if method in METHODS else "other"
            self.metrics.requests[(self._route(inner), label, status)] += 1

    async def refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The 401 answer: JSON, or under the web pages the error page."""
        message = "a bearer token is required"
        response: Response
        if self.error_page is not None and wants_html(scope["path"]):
            response = self.error_page(Request(scope, receive), 401, message)
        else:
            body = json.dumps({"error": message, "status": 401})
            response = Response(body, status_code=401, media_type="application/json")
        response.headers["WWW-Authenticate"] = 'Bearer realm="monitor"'
        await response(scope, receive, send)
