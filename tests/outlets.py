"""The three fixture outlets served by a real local server under their real host names.

``serve_outlets(config)`` starts one ``LocalServer`` per outlet of ``tests/fixtures/sites``
and routes, for each source of ``config`` that names that outlet's host: its feed URLs to
``feed.xml``, its listing URLs to ``listing.html``, each saved article to its real path
(``url`` in ``article-*.expected.json``) and every other article-looking path to a small
filler article about something else (most of an outlet's news is not about the topic).

``HostMap`` is an httpx transport that sends a request for ``https://www.azernews.az/...``
to the local server of that outlet (plain HTTP, the Host header kept), so the monitor
sees the outlets' real URLs while every byte comes from the local server.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
from httpserver import LocalServer, Request, Response

from monitor.config import Config
from monitor.fetch import HOST_LIMITS
from monitor.settings import Settings

SITES = Path(__file__).resolve().parent / "fixtures" / "sites"
HOSTS = {"www.azernews.az": "azernews", "en.trend.az": "trend", "news.az": "newsaz"}

FILLER = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{title}</title><meta property="og:title" content="{title}">
<meta property="article:published_time" content="2024-05-20T08:00:00+00:00"></head>
<body><nav><a href="/">Home</a></nav><article><h1>{title}</h1>
<div class="article-content article-body entry__text">
<p>The city council of Ganja approved a plan to renovate three parks and repave the
central avenue before the summer season, officials said on Monday.</p>
<p>Work is expected to start next month and to be finished by the end of August, with the
cost covered by the municipal budget.</p></div></article></body></html>"""


def quick_settings(config: Path, tmp_path: Path, **options: Any) -> Settings:
    """Settings for polling local servers quickly: no delay between requests, one retry
    without backoff, a SQLite archive in ``tmp_path``; ``options`` override them."""
    defaults: dict[str, Any] = {"host_delay": 0.0, "max_retries": 1, "backoff_max": 0.0}
    return Settings(
        config=str(config),
        database_url=f"sqlite:///{tmp_path / 'monitor.db'}",
        timeout=5.0,
        **{**defaults, **options},
    )


@dataclass
class Outlet:
    name: str
    host: str
    server: LocalServer
    articles: dict[str, Path] = field(default_factory=dict)  # path -> saved page

    def article_requests(self) -> list[Request]:
        return [r for r in self.server.requests if r.path.split("?")[0] in self.articles]


def _etag(data: bytes) -> str:
    import hashlib

    return '"' + hashlib.sha1(data).hexdigest()[:16] + '"'


def _serve(outlet: Outlet, config: Config) -> None:
    folder = SITES / outlet.name
    server = outlet.server
    server.robots("User-agent: *\nAllow: /\n")
    feed = (folder / "feed.xml").read_bytes()
    listing = (folder / "listing.html").read_bytes()
    for source in config.sources:
        if outlet.host not in source.all_hosts:
            continue
        for url in source.feeds:
            server.page(
                urlsplit(url).path or "/",
                feed,
                content_type="application/rss+xml; charset=utf-8",
                etag=_etag(feed),
            )
        for url in source.listings:
            server.page(
                urlsplit(url).path or "/",
                listing,
                etag=_etag(listing),
                last_modified="Mon, 20 May 2024 08:00:00 GMT",
            )
    for expected in sorted(folder.glob("article-*.expected.json")):
        url = json.loads(expected.read_text(encoding="utf-8"))["url"]
        page = expected.with_name(expected.name.replace(".expected.json", ".html"))
        outlet.articles[urlsplit(url).path] = page
        server.page(urlsplit(url).path, page.read_bytes())

    def filler(request: Request) -> Response:
        slug = request.path.rstrip("/").rsplit("/", 1)[-1].split(".")[0]
        if not any(ch.isdigit() for ch in slug) and slug.count("-") < 2:
            return Response(404, b"not found", "text/plain")
        title = f"Ganja renovates parks ({slug})"
        return Response(200, FILLER.format(title=title).encode())

    server.route("/*", filler)


@contextlib.contextmanager
def serve_outlets(config: Config, *, latency: float = 0.0) -> Iterator[dict[str, Outlet]]:
    outlets: dict[str, Outlet] = {}
    try:
        for host, name in HOSTS.items():
            server = LocalServer(latency=latency).start()
            outlets[host] = Outlet(name, host, server)
            _serve(outlets[host], config)
        yield outlets
    finally:
        for outlet in outlets.values():
            outlet.server.stop()


_TLS = httpx.create_ssl_context()  # one for every pool, as the Fetcher shares its own


class HostMap(httpx.AsyncBaseTransport):
    """Sends requests for the outlets' real hosts to their local servers."""

    def __init__(self, ports: dict[str, int]) -> None:
        self.ports = ports
        self.inner: dict[int, httpx.AsyncHTTPTransport] = {}  # a pool per host, as the Fetcher

    @classmethod
    def of(cls, outlets: dict[str, Outlet], **extra: int) -> HostMap:
        ports = {h: o.server.port for h, o in outlets.items() if h not in extra}
        return cls({**ports, **extra})

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        port = self.ports.get(host) or self.ports.get(host.removeprefix("www."))
        if port is None:
            raise httpx.ConnectError(f"no route to {host} in this test", request=request)
        local = httpx.Request(
            request.method,
            request.url.copy_with(scheme="http", host="127.0.0.1", port=port),
            headers=[(k, v) for k, v in request.headers.raw],  # the Host header stays
            stream=request.stream,
            extensions=request.extensions,
        )
        inner = self.inner.get(port)
        if inner is None:
            inner = httpx.AsyncHTTPTransport(limits=HOST_LIMITS, verify=_TLS)
            self.inner[port] = inner
        return await inner.handle_async_request(local)

    async def aclose(self) -> None:
        for inner in self.inner.values():
            await inner.aclose()
