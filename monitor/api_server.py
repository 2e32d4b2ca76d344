"""Serving the HTTP API and the web page with uvicorn inside the running event loop.

``monitor run`` (``monitor.app``) and ``monitor serve`` (``monitor.cli``) call
:func:`serve`; it is importable as ``monitor.api.serve`` too. uvicorn is imported only
here: the server installs no signal handlers of its own (``monitor run`` owns SIGTERM and
SIGINT) and stops when the ``stop`` event is set.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING, Any

import uvicorn

from monitor.errors import MonitorError

if TYPE_CHECKING:
    from monitor.app import App

log = logging.getLogger("monitor.api")


class _Server(uvicorn.Server):
    """uvicorn without its own signal handlers: ``monitor run`` owns SIGTERM/SIGINT and
    tells the server to stop through the ``stop`` event."""

    def capture_signals(self) -> Any:
        return contextlib.nullcontext()


async def serve(app: App, *, host: str, port: int, stop: asyncio.Event) -> None:
    """Serve the API and web page on host:port in the running event loop until ``stop``
    is set. A port that cannot be bound is a MonitorError naming it."""
    from monitor.api import create_api  # monitor.api imports this module to re-export serve

    config = uvicorn.Config(
        create_api(app),
        host=host,
        port=port,
        lifespan="off",
        log_level=str(app.settings.log_level).lower(),
        access_log=str(app.settings.log_level).upper() == "DEBUG",
        server_header=False,
        proxy_headers=False,
    )
    server = _Server(config)

    async def watch() -> None:
        await stop.wait()
        server.should_exit = True

    watcher = asyncio.create_task(watch(), name="api-stop")
    try:
        await server.serve()
    except SystemExit as exc:  # uvicorn exits the process when it cannot bind the port
        raise MonitorError(f"the HTTP API cannot listen on {host}:{port} (see the log)") from exc
    finally:
        watcher.cancel()
    log.info("HTTP API on %s:%d stopped", host, port)
