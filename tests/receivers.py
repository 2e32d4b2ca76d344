"""Real local alert receivers for tests and benchmarks: a webhook receiver and an SMTP server.

``WebhookReceiver`` is a threaded stdlib ``http.server`` on 127.0.0.1 (a free port) that
checks every request with :func:`monitor.alerts.webhook.verify`, records it, and answers
as scripted::

    with WebhookReceiver(secret=SECRET) as receiver:
        receiver.fail(2, status=500)      # the next two requests get 500, then 200 again
        receiver.delay(5.0)               # answer every request after 5 s
        url = receiver.url                # http://127.0.0.1:PORT/hook
        ...
        [delivery] = receiver.verified    # Delivery(headers, body, verified, error, status)

A request whose signature does not verify is recorded (``verified=False`` and the reason)
and answered 401. ``stop()`` (or leaving the ``with``) interrupts a delay and joins every
handler thread, so no thread or socket outlives the test.

``SmtpReceiver`` wraps an aiosmtpd ``Controller`` on 127.0.0.1 and records every message;
pass ``tls_context`` (STARTTLS offered), ``ssl_context`` (implicit TLS) and ``logins``
(``{"user": "password"}``, AUTH then required and only after STARTTLS).

Fixtures: ``webhook_receiver`` (secret ``SECRET``) and ``smtp_receiver`` (plain SMTP).
"""

from __future__ import annotations

import base64
import contextlib
import http.server
import json
import socket
import ssl
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP as SMTPServer
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session

from monitor.alerts.webhook import WebhookVerificationError, verify

SECRET = "whsec_" + base64.b64encode(b"monitor-test-secret-0123456789ab").decode()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _QuietServer(http.server.ThreadingHTTPServer):
    """Clients that hang up (a timeout, a reset keep-alive) are normal here, not errors."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)


@dataclass(frozen=True)
class Delivery:
    """One request the webhook receiver got."""

    path: str
    headers: dict[str, str]  # lower-case names
    body: bytes
    verified: bool
    error: str | None
    status: int  # what the receiver answered

    def json(self) -> Any:
        return json.loads(self.body)


class WebhookReceiver:
    """A real HTTP receiver that verifies Standard Webhooks signatures (see module doc)."""

    def __init__(self, secret: str | None = SECRET, *, path: str = "/hook") -> None:
        self.secret = secret
        self.path = path
        self.deliveries: list[Delivery] = []
        self._lock = threading.Lock()
        self._failures: list[int] = []
        self._retry_after: str | None = None
        self._delay = 0.0
        self._stopping = threading.Event()
        self._server: _QuietServer | None = None
        self._thread: threading.Thread | None = None
        self._connections: set[socket.socket] = set()
        self._arrived = threading.Condition()
        self.arrived = 0  # requests that reached the handler (before any scripted delay)

    # scripting -------------------------------------------------------------------------
    def fail(self, times: int, status: int = 500, *, retry_after: str | None = None) -> None:
        """Answer the next ``times`` requests with ``status`` (and a ``Retry-After``
        header when given), then 200 again."""
        with self._lock:
            self._failures.extend([status] * times)
            self._retry_after = retry_after

    def delay(self, seconds: float) -> None:
        """Wait ``seconds`` before answering each request (0 to stop being slow)."""
        self._delay = seconds

    # results ---------------------------------------------------------------------------
    @property
    def verified(self) -> list[Delivery]:
        """The deliveries whose signature verified."""
        with self._lock:
            return [d for d in self.deliveries if d.verified]

    @property
    def url(self) -> str:
        assert self._server is not None, "start the receiver first"
        return f"http://127.0.0.1:{self._server.server_address[1]}{self.path}"

    # life cycle ------------------------------------------------------------------------
    def start(self) -> WebhookReceiver:
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # no 40 ms delayed-ACK stall per answer
            timeout = 30  # a silent keep-alive client never pins a thread for long

            def setup(self) -> None:
                super().setup()
                with receiver._lock:
                    receiver._connections.add(self.connection)

            def finish(self) -> None:
                with receiver._lock:
                    receiver._connections.discard(self.connection)
                super().finish()

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                receiver._handle(self, body)

            def log_message(self, format: str, *args: Any) -> None:  # quiet tests
                pass

        self._stopping.clear()
        server = _QuietServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = False
        server.block_on_close = True  # server_close() joins the handler threads
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, args=(0.05,), name="webhook-receiver"
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # interrupts a scripted delay
        if self._server is not None:
            self._server.shutdown()  # no new connections
        with self._lock:  # wake handlers waiting on idle keep-alive connections
            for connection in self._connections:
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)
        if self._server is not None:
            self._server.server_close()  # joins the handler threads
        if self._thread is not None:
            self._thread.join()
        self._server = self._thread = None

    def __enter__(self) -> WebhookReceiver:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def wait_for_requests(self, count: int, timeout: float) -> bool:
        """Wait until ``count`` requests reached the handler; False on timeout."""
        with self._arrived:
            return self._arrived.wait_for(lambda: self.arrived >= count, timeout=timeout)

    def _handle(self, handler: http.server.BaseHTTPRequestHandler, body: bytes) -> None:
        with self._arrived:
            self.arrived += 1
            self._arrived.notify_all()
        headers = {k.lower(): v for k, v in handler.headers.items()}
        error = None
        if self.secret is not None:
            try:
                verify(self.secret, headers, body)
            except WebhookVerificationError as exc:
                error = str(exc)
        with self._lock:
            status = self._failures.pop(0) if self._failures else 200
        if error is not None:
            status = 401
        if self._delay:
            self._stopping.wait(self._delay)
        delivery = Delivery(handler.path, headers, body, error is None, error, status)
        with self._lock:
            self.deliveries.append(delivery)
        reply = b'{"ok":true}' if status < 300 else b'{"ok":false}'
        try:
            handler.send_response(status)
            handler.send_header("Content-Type", "application/json")
            if status >= 300 and self._retry_after is not None:
                handler.send_header("Retry-After", self._retry_after)
            handler.send_header("Content-Length", str(len(reply)))
            handler.end_headers()
            handler.wfile.write(reply)
        except OSError:
            pass  # the client gave up (a timeout test): nothing to answer


class _Recorder:
    """aiosmtpd handler keeping every accepted message."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.raw: list[bytes] = []

    async def handle_DATA(self, server: SMTPServer, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content or b""
        self.raw.append(content)
        message = message_from_bytes(content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append(message)
        self.envelopes.append((str(envelope.mail_from), list(envelope.rcpt_tos)))
        return "250 OK"


class SmtpReceiver:
    """A real SMTP server (aiosmtpd) on 127.0.0.1 recording what it accepts."""

    def __init__(
        self,
        *,
        port: int | None = None,
        tls_context: ssl.SSLContext | None = None,
        ssl_context: ssl.SSLContext | None = None,
        logins: dict[str, str] | None = None,
    ) -> None:
        self.port = port or free_port()
        self.recorder = _Recorder()
        self.logins = logins
        kwargs: dict[str, Any] = {}
        if tls_context is not None:
            kwargs.update(tls_context=tls_context, require_starttls=bool(logins))
        if logins is not None:
            kwargs.update(authenticator=self._authenticate, auth_require_tls=True)
            kwargs.update(auth_required=True)
        self.controller = Controller(
            self.recorder,
            hostname="127.0.0.1",
            port=self.port,
            ssl_context=ssl_context,
            **kwargs,
        )

    @property
    def messages(self) -> list[EmailMessage]:
        return self.recorder.messages

    def _authenticate(
        self, server: SMTPServer, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        if isinstance(data, LoginPassword) and self.logins is not None:
            user, password = data.login.decode(), data.password.decode()
            if self.logins.get(user) == password:
                return AuthResult(success=True)
        return AuthResult(success=False, handled=False)

    def __enter__(self) -> SmtpReceiver:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()


@pytest.fixture
def webhook_receiver() -> Iterator[WebhookReceiver]:
    """A started receiver verifying with ``SECRET``."""
    with WebhookReceiver() as receiver:
        yield receiver


@pytest.fixture
def smtp_receiver() -> Iterator[SmtpReceiver]:
    """A started plain SMTP server."""
    with SmtpReceiver() as receiver:
        yield receiver
