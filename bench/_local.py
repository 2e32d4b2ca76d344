"""Shared helpers of the network benchmarks: synthetic outlets on 127.0.0.1.

``SiteServer`` runs, in a child process (so that serving never competes with the
monitor for the GIL), one listening port per outlet, all answered by one
``tests/httpserver.py`` ``LocalServer`` (its routes, latency and request log). Every outlet
``sNNN.bench.test`` has ``/robots.txt``, ``/feed.xml`` (RSS, ETag + Last-Modified, 304 to
a matching conditional GET) and ``/news/<id>-<slug>`` article pages (ETag too).
``HostMap`` (tests/outlets.py) sends the outlets' real host names to their ports, so
each outlet is its own origin for the connection pool and the per-host politeness
gate, as in production. ``SyncHostMap`` does the same for a blocking ``httpx.Client``.

Nothing here talks to anything but 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import random
import socket
import sys
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT, ROOT / "tests"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

SHIPPED = ROOT / "sources.toml"
DOMAIN = "bench.test"

WORDS = [
    "culture",
    "science",
    "education",
    "heritage",
    "forum",
    "capital",
    "youth",
    "museum",
    "manuscript",
    "agreement",
    "ministry",
    "delegation",
    "cooperation",
    "programme",
    "conference",
    "library",
    "exhibition",
    "festival",
    "university",
    "scholarship",
    "research",
    "innovation",
    "digital",
    "archive",
    "restoration",
    "language",
    "teachers",
    "students",
    "schools",
    "grant",
    "partnership",
    "region",
    "network",
    "summit",
    "initiative",
    "water",
    "energy",
    "climate",
    "health",
    "training",
    "workshop",
    "council",
    "report",
    "budget",
    "project",
]
CITIES = ("Baku", "Rabat", "Ganja", "Shusha", "Cairo", "Tashkent", "Ankara", "Doha", "Riyadh")


def host(index: int) -> str:
    return f"s{index:03d}.{DOMAIN}"


def article_path(source: int, article: int) -> str:
    return f"/news/{source * 1000 + article + 10000}-story-{source}-{article}"


def _etag(data: bytes) -> str:
    return '"' + hashlib.sha1(data).hexdigest()[:16] + '"'


def mentions_icesco(source: int, article: int) -> bool:
    """About one article in three is about the shipped topic."""
    return (source + article) % 3 == 0


def _article(source: int, article: int, published: datetime, salt: str = "") -> tuple[str, bytes]:
    rng = random.Random(f"{source}/{article}/{salt}")
    city = rng.choice(CITIES)
    words = " ".join(rng.choice(WORDS) for _ in range(6))
    if mentions_icesco(source, article):
        title = f"ICESCO and {city} partners agree on {words} ({source}-{article}{salt})"
        lead = (
            f"{city}, {published:%B %d}. The Islamic World Educational, Scientific and "
            f"Cultural Organization (ICESCO) signed a new {rng.choice(WORDS)} programme "
            f"with partners in {city} on {words}."
        )
    else:
        title = f"{city} council approves {words} plan ({source}-{article}{salt})"
        lead = f"{city}, {published:%B %d}. The city council approved a plan on {words}."
    paragraphs = [lead] + [
        " ".join(rng.choice(WORDS) for _ in range(45)).capitalize() + "." for _ in range(4)
    ]
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    html = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{title}</title><meta property="og:title" content="{title}">
<meta property="article:published_time" content="{published.isoformat()}"></head>
<body><nav><a href="/">Home</a> <a href="/category/culture">Culture</a></nav>
<article><h1 class="headline">{title}</h1><time datetime="{published.isoformat()}">
{published:%d %B %Y %H:%M}</time><div class="article-body">
{body}
</div><aside class="related"><a href="/news/1-older-story-here">Older story</a></aside>
</article><footer>(c) Bench outlet {source}</footer></body></html>"""
    return title, html.encode()


def _feed(source: int, items: list[tuple[str, str, datetime]]) -> bytes:
    entries = "\n".join(
        f"""  <item>
    <title>{title}</title>
    <link>https://{host(source)}{path}</link>
    <guid isPermaLink="true">https://{host(source)}{path}</guid>
    <pubDate>{format_datetime(published)}</pubDate>
    <description>{title}</description>
  </item>"""
        for title, path, published in items
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Bench outlet {source}</title>
<link>https://{host(source)}/</link><description>Synthetic outlet</description>
<language>en</language>
{entries}
</channel></rss>""".encode()


def sources_toml(n_sources: int, extra: str = "") -> str:
    """sources.toml of the synthetic outlets with the shipped ICESCO topic."""
    topics = SHIPPED.read_text(encoding="utf-8").split("# ICESCO (ISESCO before 2020)", 1)[1]
    blocks = [
        f"""[[sources]]
name = "Bench {i:03d}"
homepage = "https://{host(i)}/"
feeds = ["https://{host(i)}/feed.xml"]
interval = "10m"
language = "en"
article_pattern = '^/news/\\d+-[a-z0-9-]+$'

[sources.selectors]
title = "article h1.headline"
body = "article .article-body"
"""
        for i in range(n_sources)
    ]
    return "\n".join(blocks) + f"\n# ICESCO{topics}\n{extra}"


def article_urls(n_sources: int, n_articles: int) -> list[str]:
    """Every feed and article URL, source by source (what a naive crawler would GET)."""
    urls = []
    for s in range(n_sources):
        urls.append(f"https://{host(s)}/feed.xml")
        urls += [f"https://{host(s)}{article_path(s, a)}" for a in range(n_articles)]
    return urls


@dataclass(frozen=True)
class Logged:
    """One request as the site server saw it."""

    host: str
    path: str
    conditional: bool  # If-None-Match or If-Modified-Since was sent
    status: int | None
    started: float  # time.monotonic() of the server process (the same clock on Linux)
    finished: float | None


def _serve(conn: Any, n_sources: int, n_articles: int, latency: float) -> None:
    """The child process: build the sites, listen, answer commands until "stop"."""
    from httpserver import LocalServer, Request, Response, _not_modified, _RequestHandler, _Server

    now = datetime.now(UTC).replace(microsecond=0)
    modified = format_datetime(now - timedelta(minutes=1), usegmt=True)
    pages: dict[tuple[str, str], tuple[bytes, str]] = {}
    feeds: dict[str, tuple[bytes, str]] = {}
    for s in range(n_sources):
        items = []
        for a in range(n_articles):
            published = now - timedelta(minutes=5 + a)
            title, html = _article(s, a, published)
            pages[(host(s), article_path(s, a))] = (html, _etag(html))
            items.append((title, article_path(s, a), published))
        feed = _feed(s, items)
        feeds[host(s)] = (feed, _etag(feed))

    owner = LocalServer(latency=latency)  # routes, latency and the request log; not started
    owner.robots("User-agent: *\nDisallow: /private/\n")

    def site(request: Request) -> Response:
        name = (request.headers.get("Host") or "").split(":")[0]
        path = request.path.split("?")[0]
        if path == "/feed.xml" and name in feeds:
            data, etag = feeds[name]
            kind = "application/rss+xml; charset=utf-8"
        elif (name, path) in pages:
            data, etag = pages[(name, path)]
            kind = "text/html; charset=utf-8"
        else:
            return Response(404, b"not found", "text/plain")
        headers = {"ETag": etag, "Last-Modified": modified}
        if _not_modified(request, etag, modified):
            return Response(304, content_type=None, headers=headers)
        return Response(200, data, kind, headers)

    owner.route("/*", site)
    opened = [0]

    class Counting(_RequestHandler):
        def setup(self) -> None:
            super().setup()
            with owner._lock:
                opened[0] += 1

    listeners = []
    for _ in range(n_sources):  # one port per outlet: its own origin, as in production
        httpd = _Server(("127.0.0.1", 0), Counting)
        httpd.owner = owner
        thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.5}, daemon=True
        )
        thread.start()
        listeners.append((httpd, thread))
    conn.send({host(i): httpd.server_address[1] for i, (httpd, _) in enumerate(listeners)})
    while True:
        command = conn.recv()
        if command == "log":
            with owner._lock:
                requests = list(owner.requests)
            conn.send(
                [
                    Logged(
                        (r.headers.get("Host") or "").split(":")[0],
                        r.path,
                        bool(r.headers.get("If-None-Match") or r.headers.get("If-Modified-Since")),
                        r.status,
                        r.started,
                        r.finished,
                    )
                    for r in requests
                ]
            )
        elif command == "connections":
            with owner._lock:
                conn.send(opened[0])
        elif command == "stop":
            owner._stopping.set()
            for httpd, _ in listeners:
                httpd.shutdown()
            with owner._lock:  # wake handlers idling on keep-alive connections
                for connection in owner._connections:
                    with contextlib.suppress(OSError):
                        connection.shutdown(socket.SHUT_RDWR)
            for httpd, thread in listeners:
                httpd.server_close()  # joins the handler threads
                thread.join()
            conn.send("stopped")
            return


class SiteServer:
    """The synthetic outlets, served from a child process (a context manager)."""

    def __init__(self, n_sources: int, n_articles: int, *, latency: float = 0.05) -> None:
        self.args = (n_sources, n_articles, latency)
        self.ports: dict[str, int] = {}
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, *self.args), daemon=True)

    def __enter__(self) -> SiteServer:
        self._process.start()
        self.ports = self._conn.recv()
        return self

    def log(self) -> list[Logged]:
        self._conn.send("log")
        return self._conn.recv()  # type: ignore[no-any-return]

    def connections(self) -> int:
        """TCP connections accepted so far, over every port."""
        self._conn.send("connections")
        return self._conn.recv()  # type: ignore[no-any-return]

    def __exit__(self, *exc: object) -> None:
        self._conn.send("stop")
        self._conn.recv()
        self._process.join(timeout=30)


class SyncHostMap(httpx.BaseTransport):
    """``outlets.HostMap`` for a blocking client: real host names to local ports."""

    def __init__(self, ports: dict[str, int]) -> None:
        self.ports = ports
        self.inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        port = self.ports[request.url.host]
        local = httpx.Request(
            request.method,
            request.url.copy_with(scheme="http", host="127.0.0.1", port=port),
            headers=request.headers.raw,
            stream=request.stream,
            extensions=request.extensions,
        )
        return self.inner.handle_request(local)

    def close(self) -> None:
        self.inner.close()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]
