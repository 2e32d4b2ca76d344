"""A real local HTTP server for tests: saved pages, outlets and faults on 127.0.0.1.

``LocalServer`` is a threaded stdlib ``http.server`` (HTTP/1.1, keep-alive) on a free
port. Start as many as you need (one per outlet), or serve several outlets from one
server under path prefixes::

    with LocalServer() as server:
        server.static("/outlet-a", FIXTURES / "pages" / "outlet-a")  # ETag, 304
        server.page("/feed.xml", FEED, content_type="application/rss+xml")
        server.sequence("/flaky", [500, 500, 200], body=b"<p>ok</p>")
        url = server.url("/flaky")
        ...
        assert [r.path for r in server.requests] == [...]

Routes match the path without its query; the most specific (longest) registered route
wins; a path ending in ``*`` matches as a prefix. An unknown path answers 404. Every
request is logged (method, path, headers, start and end times on ``time.monotonic``,
bytes of body sent) for assertions.

Fault routes: ``slow`` (answers after N s), ``sequence`` (statuses in turn, e.g. 500,
500, 200), ``too_many_requests`` (429 with Retry-After, then a page), ``huge`` (streams
many MB, with or without Content-Length), ``wrong_charset`` (cp1251 bytes declared
UTF-8), ``not_html`` (a PDF), ``redirect_loop``, ``robots`` (robots.txt text or a
status), ``drop`` (closes the connection without answering, or mid-body).

Fixtures for conftest.py (``from httpserver import http_server, http_servers``):
``http_server`` is one started server; ``http_servers`` is a factory that starts more.
All of them are stopped, with their sockets and threads, at the end of the test.
"""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import http.server
import mimetypes
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import Any

import pytest

Body = bytes | Iterable[bytes]


@dataclass
class Response:
    """What a route answers. A body that is not ``bytes`` is streamed (chunked)."""

    status: int = 200
    body: Body = b""
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering
    drop: bool = False  # close the connection without answering
    drop_after: int | None = None  # send headers and this many body bytes, then close
    length: int | None = None  # Content-Length of a streamed body (else chunked)


@dataclass
class Request:
    """One request as the server saw it."""

    method: str
    path: str  # with the query
    headers: Message  # case-insensitive: request.headers["user-agent"]
    started: float  # time.monotonic() when the request line and headers were read
    finished: float | None = None  # after the last byte was written (or the drop)
    status: int | None = None
    sent: int = 0  # body bytes written
    client: tuple[str, int] | None = None  # the peer's address: one port per connection


Handler = Callable[[Request], Response]


class LocalServer:
    """A threaded HTTP server on 127.0.0.1:<free port>; a context manager."""

    def __init__(self, *, latency: float = 0.0) -> None:
        self.latency = latency  # seconds added before every answer
        self.requests: list[Request] = []
        self.errors: list[BaseException] = []  # unexpected exceptions inside handlers
        self._routes: dict[str, Handler] = {}
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._connections: set[socket.socket] = set()
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- life cycle ---------------------------------------------------------------------

    def start(self) -> LocalServer:
        self._httpd = _Server(("127.0.0.1", 0), _RequestHandler)
        self._httpd.owner = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, wake sleeping handlers, close every socket, join every thread."""
        if self._httpd is None:
            return
        self._stopping.set()
        self._httpd.shutdown()
        with self._lock:
            connections = list(self._connections)
        for conn in connections:
            with contextlib.suppress(OSError):  # already closed by the client
                conn.shutdown(socket.SHUT_RDWR)
        self._httpd.server_close()  # joins the handler threads
        assert self._thread is not None
        self._thread.join()
        self._httpd = None

    def __enter__(self) -> LocalServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- addresses and the log ------------------------------------------------------------

    @property
    def port(self) -> int:
        assert self._httpd is not None, "the server is not started"
        return int(self._httpd.server_address[1])

    @property
    def host(self) -> str:
        """``127.0.0.1:<port>``, the netloc of every URL of this server."""
        return f"127.0.0.1:{self.port}"

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}{path if path.startswith('/') else '/' + path}"

    def requests_to(self, path: str) -> list[Request]:
        """The logged requests whose path (without the query) is ``path``."""
        with self._lock:
            return [r for r in self.requests if r.path.split("?")[0] == path]

    def wait_idle(self, timeout: float = 5.0) -> None:
        """Wait until every logged request has finished (e.g. a body cut by the client)."""
        deadline = time.monotonic() + timeout
        while any(r.finished is None for r in self.requests):
            if time.monotonic() > deadline:
                raise TimeoutError("requests still in progress")
            time.sleep(0.01)

    # -- routes -----------------------------------------------------------------------------

    def route(self, path: str, handler: Handler | Response) -> None:
        """Answer ``path`` (``/prefix/*`` for a prefix) with a handler or a fixed response."""
        if isinstance(handler, Response):
            fixed = handler
            self._routes[path] = lambda request: fixed
        else:
            self._routes[path] = handler

    def page(
        self,
        path: str,
        body: bytes | str,
        *,
        content_type: str | None = "text/html; charset=utf-8",
        etag: str | None = None,
        last_modified: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        """A fixed page; with ``etag``/``last_modified`` it answers 304 to a matching GET."""
        data = body.encode() if isinstance(body, str) else body
        extra = dict(headers or {})
        if etag:
            extra["ETag"] = etag
        if last_modified:
            extra["Last-Modified"] = last_modified

        def handler(request: Request) -> Response:
            if _not_modified(request, etag, last_modified):
                return Response(304, content_type=None, headers=extra)
            return Response(200, data, content_type, extra)

        self.route(path, handler)

    def static(self, prefix: str, directory: Path | str) -> None:
        """Serve the files of ``directory`` under ``prefix``, with ETag and Last-Modified."""
        root = Path(directory).resolve()
        prefix = prefix.rstrip("/")

        def handler(request: Request) -> Response:
            relative = request.path.split("?")[0][len(prefix) :].lstrip("/") or "index.html"
            file = (root / relative).resolve()
            if not file.is_relative_to(root) or not file.is_file():
                return Response(404, b"not found", "text/plain")
            data = file.read_bytes()
            etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
            modified = email.utils.formatdate(int(file.stat().st_mtime), usegmt=True)
            headers = {"ETag": etag, "Last-Modified": modified}
            if _not_modified(request, etag, modified):
                return Response(304, content_type=None, headers=headers)
            kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            return Response(200, data, kind, headers)

        self.route(prefix + "/*", handler)

    def robots(self, text: str | None = None, *, status: int = 200) -> None:
        """``/robots.txt``: the given rules, or an answer with ``status`` (404, 503...)."""
        self.route("/robots.txt", Response(status, (text or "").encode(), "text/plain"))

    def slow(self, path: str, seconds: float, body: bytes = b"<p>slow</p>") -> None:
        self.route(path, Response(body=body, delay=seconds))

    def sequence(self, path: str, statuses: list[int], body: bytes = b"<p>ok</p>") -> None:
        """Answer the statuses in turn (the last one repeats): e.g. 500, 500, 200."""
        self._in_turn(path, [Response(s, body if s < 400 else b"error") for s in statuses])

    def too_many_requests(
        self, path: str, retry_after: str, *, times: int = 1, body: bytes = b"<p>ok</p>"
    ) -> None:
        """``times`` answers 429 with ``Retry-After: retry_after``, then the page."""
        limited = Response(429, b"slow down", "text/plain", {"Retry-After": retry_after})
        self._in_turn(path, [limited] * times + [Response(body=body)])

    def huge(self, path: str, megabytes: int = 50, *, declare_length: bool = False) -> int:
        """Stream ``megabytes`` of HTML in 64 KB chunks; returns the total size in bytes."""
        chunk = b"<p>" + b"x" * (65536 - 7) + b"</p>\n"
        total = len(chunk) * megabytes * 16
        stopping = self._stopping

        def chunks() -> Iterator[bytes]:
            for _ in range(megabytes * 16):
                if stopping.is_set():
                    return
                yield chunk

        self.route(
            path,
            lambda request: Response(body=chunks(), length=total if declare_length else None),
        )
        return total

    def wrong_charset(self, path: str, text: str) -> None:
        """windows-1251 bytes under a header that claims UTF-8 (a lying server)."""
        body = f"<html><body><p>{text}</p></body></html>".encode("cp1251")
        self.route(path, Response(body=body, content_type="text/html; charset=utf-8"))

    def not_html(self, path: str, content_type: str = "application/pdf") -> None:
        self.route(path, Response(body=b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", content_type=content_type))

    def redirect(self, path: str, to: str, status: int = 302) -> None:
        self.route(path, Response(status, b"", None, {"Location": to}))

    def redirect_loop(self, path: str) -> None:
        """``path`` -> ``path?loop=1`` -> ``path`` -> ... for ever."""
        self.route(
            path,
            lambda r: Response(
                302, b"", None, {"Location": path if "?" in r.path else path + "?loop=1"}
            ),
        )

    def drop(self, path: str, *, times: int | None = None, after_bytes: int | None = None) -> None:
        """Close the connection without answering (or after ``after_bytes`` of the body);
        with ``times``, only the first ``times`` requests, then answer a page."""
        fault = Response(body=b"<p>" + b"y" * 1000 + b"</p>", drop=after_bytes is None)
        fault.drop_after = after_bytes
        answers = [fault] if times is None else [fault] * times + [Response(body=b"<p>ok</p>")]
        self._in_turn(path, answers)

    def _in_turn(self, path: str, answers: list[Response]) -> None:
        count = iter(range(1 << 30))
        lock = threading.Lock()

        def handler(request: Request) -> Response:
            with lock:
                n = next(count)
            return answers[min(n, len(answers) - 1)]

        self.route(path, handler)

    def _dispatch(self, request: Request) -> Response:
        path = request.path.split("?")[0]
        if path in self._routes:
            return self._routes[path](request)
        prefixes = [p for p in self._routes if p.endswith("*") and path.startswith(p[:-1])]
        if prefixes:
            return self._routes[max(prefixes, key=len)](request)
        return Response(404, b"not found", "text/plain")


def _not_modified(request: Request, etag: str | None, last_modified: str | None) -> bool:
    """Whether a conditional GET matches (If-None-Match wins over If-Modified-Since)."""
    none_match = request.headers.get("If-None-Match")
    if none_match is not None:
        return bool(etag) and (none_match.strip() == "*" or etag in none_match)
    since = request.headers.get("If-Modified-Since")
    if since and last_modified:
        try:
            return email.utils.parsedate_to_datetime(
                last_modified
            ) <= email.utils.parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
    return False


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = False  # server_close() joins the handler threads
    block_on_close = True
    owner: LocalServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        exc = sys.exc_info()[1]
        if exc is not None and not isinstance(exc, ConnectionError | TimeoutError):
            self.owner.errors.append(exc)


class _RequestHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 10  # an idle keep-alive connection ends after this many seconds
    disable_nagle_algorithm = True  # no 40 ms stall between the headers and the body
    server: _Server

    def setup(self) -> None:
        super().setup()
        with self.server.owner._lock:
            self.server.owner._connections.add(self.connection)

    def finish(self) -> None:
        with contextlib.suppress(OSError):  # the client went away
            super().finish()
        with self.server.owner._lock:
            self.server.owner._connections.discard(self.connection)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the request log is ``LocalServer.requests``

    def do_GET(self) -> None:
        self._serve()

    def do_HEAD(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self._serve()

    def _serve(self) -> None:
        owner = self.server.owner
        request = Request(
            self.command, self.path, self.headers, time.monotonic(), client=self.client_address
        )
        with owner._lock:
            owner.requests.append(request)
        try:
            if owner.latency:
                owner._stopping.wait(owner.latency)
            answer = owner._dispatch(request)
            if answer.delay:
                owner._stopping.wait(answer.delay)
            request.status = answer.status
            if answer.drop:
                self.close_connection = True
                return
            self._write(request, answer)
        except (ConnectionError, TimeoutError):
            self.close_connection = True  # the client gave up; nothing to answer
        finally:
            request.finished = time.monotonic()

    def _write(self, request: Request, answer: Response) -> None:
        self.send_response(answer.status)
        if answer.content_type:
            self.send_header("Content-Type", answer.content_type)
        for name, value in answer.headers.items():
            self.send_header(name, value)
        body = answer.body
        head = self.command == "HEAD" or answer.status == 304 or answer.status < 200
        if isinstance(body, bytes):
            if answer.status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if head:
                return
            if answer.drop_after is not None:
                self.wfile.write(body[: answer.drop_after])
                request.sent += answer.drop_after
                self.close_connection = True
                return
            self.wfile.write(body)
            request.sent += len(body)
            return
        chunked = answer.length is None
        self.send_header(
            *(
                ("Transfer-Encoding", "chunked")
                if chunked
                else ("Content-Length", str(answer.length))
            )
        )
        self.end_headers()
        if head:
            return
        for chunk in body:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk) if chunked else chunk)
            request.sent += len(chunk)
        if chunked:
            self.wfile.write(b"0\r\n\r\n")


@pytest.fixture
def http_server() -> Iterator[LocalServer]:
    """One started local server, stopped after the test."""
    with LocalServer() as server:
        yield server


@pytest.fixture
def http_servers() -> Iterator[Callable[..., LocalServer]]:
    """A factory of started local servers (one per outlet), all stopped after the test."""
    started: list[LocalServer] = []

    def make(**options: Any) -> LocalServer:
        server = LocalServer(**options).start()
        started.append(server)
        return server

    yield make
    for server in started:
        server.stop()
