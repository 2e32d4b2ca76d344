"""The fetcher against a real local HTTP server; MockTransport only for a connect timeout.

Backoff and politeness waits go through an injected fake clock and sleep, so no test
sleeps for real except where a real timeout is the point (a fraction of a second).
"""

from __future__ import annotations

import asyncio
import email.utils
import itertools
import logging
import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from httpserver import LocalServer, Request, Response, http_servers

from monitor.errors import (
    FetchConnectError,
    FetchError,
    FetchHTTPStatus,
    FetchRedirectLoop,
    FetchTimeout,
    FetchTooLarge,
    NotHTML,
    RobotsDisallowed,
)
from monitor.fetch import (
    Conditional,
    Fetcher,
    FetchPolicy,
    decode_body,
    retry_after_seconds,
)

pytestmark = pytest.mark.anyio
CONTACT = "https://example.org/monitor-contact"
AZ = "Bakıda yeni körpü açıldı. В Баку открыли новый мост."
RU = "В Баку открыли новый мост через реку. Ещё одна новость."


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"  # the fetcher is built on asyncio primitives


__all__ = ["http_servers"]  # a fixture: a factory of more local servers


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as local:
        yield local


class FakeTime:
    """A monotonic clock that only moves when the fetcher sleeps; records every sleep."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)


@pytest.fixture
def fake() -> FakeTime:
    return FakeTime()


@pytest.fixture
def make(fake: FakeTime):
    """Build a Fetcher with instant, deterministic waits (rand() is always 0.5)."""

    def build(transport: httpx.AsyncBaseTransport | None = None, **policy: Any) -> Fetcher:
        options: dict[str, Any] = {
            "contact_url": CONTACT,
            "timeout": 5.0,
            "min_host_delay": 0.0,
            "backoff_base": 1.0,
        }
        options.update(policy)
        return Fetcher(
            FetchPolicy(**options),
            transport=transport,
            sleep=fake.sleep,
            rand=lambda: 0.5,
            clock=fake.clock,
        )

    return build


# -- a page, its identity and its validators -----------------------------------------------


async def test_page_is_fetched_and_decoded(server: LocalServer, make) -> None:
    server.page("/news/1", f"<html><body><h1>{AZ}</h1></body></html>")
    async with make() as fetcher:
        page = await fetcher.fetch(server.url("/news/1"))
    assert page.status == 200
    assert page.url == page.final_url == server.url("/news/1")
    assert page.content_type == "text/html"
    assert page.encoding == "utf-8"
    assert AZ in page.text
    assert page.attempts == 1
    assert not page.not_modified


async def test_user_agent_names_the_project_and_the_contact_url(server: LocalServer, make) -> None:
    server.page("/", "<p>home</p>")
    async with make() as fetcher:
        await fetcher.fetch(server.url("/"))
    agents = {r.headers["User-Agent"] for r in server.requests}
    assert agents == {f"monitor/0.1.0 (+{CONTACT})"}  # robots.txt and the page alike


async def test_redirect_is_followed_and_final_url_kept(server: LocalServer, make) -> None:
    server.redirect("/old", "/new")
    server.page("/new", "<p>moved</p>")
    async with make() as fetcher:
        page = await fetcher.fetch(server.url("/old"))
    assert page.url == server.url("/old")
    assert page.final_url == server.url("/new")
    assert "moved" in page.text


async def test_304_is_not_an_error_and_conditional_headers_are_sent(
    server: LocalServer, make
) -> None:
    modified = "Mon, 01 Jan 2024 10:00:00 GMT"
    server.page(
        "/feed.xml",
        "<rss/>",
        content_type="application/rss+xml",
        etag='"v1"',
        last_modified=modified,
    )
    async with make() as fetcher:
        first = await fetcher.fetch(server.url("/feed.xml"), accept="feed")
        second = await fetcher.fetch(
            server.url("/feed.xml"), Conditional(first.etag, first.last_modified), accept="feed"
        )
    assert (first.etag, first.last_modified, first.not_modified) == ('"v1"', modified, False)
    assert second.not_modified and second.status == 304 and second.text == ""
    assert (second.etag, second.last_modified) == ('"v1"', modified)
    assert fetcher.stats.not_modified == 1
    plain, conditional = server.requests_to("/feed.xml")
    assert plain.headers["If-None-Match"] is None
    assert conditional.headers["If-None-Match"] == '"v1"'
    assert conditional.headers["If-Modified-Since"] == modified


async def test_static_files_answer_304_to_their_own_validators(
    server: LocalServer, make, tmp_path: Path
) -> None:
    (tmp_path / "a.html").write_text("<p>outlet a</p>", encoding="utf-8")
    server.static("/outlet-a", tmp_path)
    async with make() as fetcher:
        first = await fetcher.fetch(server.url("/outlet-a/a.html"))
        again = await fetcher.fetch(server.url("/outlet-a/a.html"), Conditional(first.etag, None))
        by_date = await fetcher.fetch(
            server.url("/outlet-a/a.html"), Conditional(None, first.last_modified)
        )
    assert first.text == "<p>outlet a</p>" and first.etag and first.last_modified
    assert again.not_modified and by_date.not_modified


async def test_malformed_html_is_returned_as_it_is(server: LocalServer, make) -> None:
    broken = "<html><body><div><p>Unclosed <b>bold <table><tr><td>cell</div></body>"
    server.page("/broken", broken)
    async with make() as fetcher:
        page = await fetcher.fetch(server.url("/broken"))
    assert page.text == broken  # extracting is the extractor's problem


# -- charsets -------------------------------------------------------------------------------


async def test_a_header_that_lies_about_the_charset_is_corrected(server: LocalServer, make) -> None:
    server.wrong_charset("/cp1251", RU)
    async with make() as fetcher:
        page = await fetcher.fetch(server.url("/cp1251"))
    assert page.encoding == "cp1251"
    assert RU in page.text


async def test_meta_charset_is_used_when_the_header_has_none(server: LocalServer, make) -> None:
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
    html = f"<html><head>{meta}</head><body>{RU}</body></html>"
    server.page("/meta", html.encode("cp1251"), content_type="text/html")
    async with make() as fetcher:
        page = await fetcher.fetch(server.url("/meta"))
    assert page.encoding == "cp1251" and RU in page.text


@pytest.mark.parametrize(
    ("body", "declared", "media", "encoding"),
    [
        (f"<p>{AZ}</p>".encode(), None, "text/html", "utf-8"),
        (f'<meta charset="windows-1251"><p>{RU}</p>'.encode("cp1251"), None, "text/html", "cp1251"),
        (f"<p>{RU}</p>".encode("cp1251"), "utf-8", "text/html", "cp1251"),  # header lies
        (f"<p>{RU}</p>".encode("cp1251"), None, "", "cp1251"),  # nothing declared
        (f"<p>{AZ}</p>".encode(), "iso-8859-1", "text/html", "utf-8"),  # a server default
        (f"<p>{RU}</p>".encode(), "windows-1251", "text/html", "utf-8"),  # header lies
        (b"<p>plain ascii</p>", "windows-1251", "text/html", "cp1251"),
        ("<p>café</p>".encode("latin-1"), "iso-8859-1", "text/html", "iso8859-1"),
        (b"\xef\xbb\xbf<p>" + AZ.encode() + b"</p>", "cp1251", "text/html", "utf-8-sig"),
        (
            f'<?xml version="1.0" encoding="windows-1251"?><rss><title>{RU}</title></rss>'.encode(
                "cp1251"
            ),
            None,
            "application/rss+xml",
            "cp1251",
        ),
        (f"<p>{AZ * 5}</p>".encode() + b"\xff", "utf-8", "text/html", "utf-8"),  # one bad byte
        (b"<p>\x98\x98</p>", None, "", "cp1252"),  # not Cyrillic words: West European
        (b"<p>\x81\x98</p>", None, "", "iso8859-1"),  # nothing else decodes it
        # undeclared: Cyrillic words are windows-1251; French read as Cyrillic is not
        (f"<p>{RU}</p>".encode("cp1251"), None, "text/html", "cp1251"),
        (
            "<p>L'Azerbaïdjan et l'ICESCO renforcent leur coopération.</p>".encode("latin-1"),
            None,
            "text/html",
            "cp1252",
        ),
    ],
)
def test_decode_body_picks_the_charset_that_works(
    body: bytes, declared: str | None, media: str, encoding: str
) -> None:
    text, used = decode_body(body, declared, media)
    assert used == encoding
    if encoding in {"utf-8", "cp1251", "utf-8-sig"}:
        assert "<p>" in text or "<title>" in text
        assert "Ð" not in text and "Ã" not in text  # no mojibake


# -- what is not a page ------------------------------------------------------------------


async def test_a_pdf_raises_not_html(server: LocalServer, make) -> None:
    server.not_html("/report.pdf")
    async with make() as fetcher:
        with pytest.raises(NotHTML, match="application/pdf"):
            await fetcher.fetch(server.url("/report.pdf"))
        with pytest.raises(NotHTML):
            await fetcher.fetch(server.url("/report.pdf"), accept="feed")
        page = await fetcher.fetch(server.url("/report.pdf"), accept="any")
    assert page.content_type == "application/pdf"
    assert len(server.requests_to("/report.pdf")) == 3  # never retried


async def test_an_image_raises_not_html(server: LocalServer, make) -> None:
    server.not_html("/logo.png", content_type="image/png")
    async with make() as fetcher:
        with pytest.raises(NotHTML, match="image/png"):
            await fetcher.fetch(server.url("/logo.png"))


async def test_a_feed_served_as_text_plain_is_accepted_by_its_body(
    server: LocalServer, make
) -> None:
    server.page("/rss", "<?xml version='1.0'?><rss/>", content_type="text/plain")
    server.page("/notes.txt", "just words", content_type="text/plain")
    async with make() as fetcher:
        page = await fetcher.fetch(server.url("/rss"), accept="feed")
        with pytest.raises(NotHTML, match="text/plain"):
            await fetcher.fetch(server.url("/notes.txt"))
    assert page.text.startswith("<?xml")


async def test_a_redirect_loop_raises_fetch_redirect_loop(server: LocalServer, make) -> None:
    server.redirect_loop("/loop")
    async with make(max_redirects=5) as fetcher:
        with pytest.raises(FetchRedirectLoop, match="redirect loop") as caught:
            await fetcher.fetch(server.url("/loop"))
    assert caught.value.url == server.url("/loop")
    assert len(server.requests_to("/loop")) == 6  # the first request and 5 redirects


async def test_a_huge_body_raises_too_large_without_reading_it_all(
    server: LocalServer, make
) -> None:
    total = server.huge("/huge", megabytes=64)
    async with make(max_body_bytes=1_000_000) as fetcher:
        with pytest.raises(FetchTooLarge, match="1000000"):
            await fetcher.fetch(server.url("/huge"))
    server.wait_idle()
    (request,) = server.requests_to("/huge")
    assert request.sent < total / 4  # the client hung up long before the end


async def test_a_declared_huge_length_is_refused_before_the_body(server: LocalServer, make) -> None:
    total = server.huge("/huge", megabytes=64, declare_length=True)
    async with make(max_body_bytes=1_000_000) as fetcher:
        with pytest.raises(FetchTooLarge, match=f"body of {total} bytes"):
            await fetcher.fetch(server.url("/huge"))
    server.wait_idle()
    assert server.requests_to("/huge")[0].sent < total / 4


# -- failures and retries ---------------------------------------------------------------


async def test_500s_then_success_counts_the_attempts(
    server: LocalServer, make, fake: FakeTime
) -> None:
    server.sequence("/flaky", [500, 502, 200])
    async with make(max_retries=3, backoff_base=1.0) as fetcher:
        page = await fetcher.fetch(server.url("/flaky"))
    assert page.status == 200 and page.attempts == 3
    assert fake.sleeps == [0.5, 1.0]  # full jitter: rand() * base * 2**(attempt-1)
    assert fetcher.stats.retries == 2


async def test_503_after_the_last_attempt_raises_the_status(
    server: LocalServer, make, fake: FakeTime
) -> None:
    server.sequence("/down", [503])
    async with make(max_retries=3, backoff_base=10.0, backoff_max=15.0) as fetcher:
        with pytest.raises(FetchHTTPStatus) as caught:
            await fetcher.fetch(server.url("/down"))
    assert caught.value.status == 503
    assert caught.value.reason == "HTTP 503 after 4 attempts"
    assert len(server.requests_to("/down")) == 4
    assert fake.sleeps == [5.0, 10.0, 15.0]  # 0.5 * 10 * 2**n, capped at backoff_max
    assert fetcher.stats.failures == 1


async def test_404_is_not_retried(server: LocalServer, make, fake: FakeTime) -> None:
    async with make(max_retries=3) as fetcher:
        with pytest.raises(FetchHTTPStatus) as caught:
            await fetcher.fetch(server.url("/missing"))
    assert caught.value.status == 404 and caught.value.reason == "HTTP 404"
    assert len(server.requests_to("/missing")) == 1
    assert fake.sleeps == []


async def test_429_waits_for_retry_after(server: LocalServer, make, fake: FakeTime) -> None:
    server.too_many_requests("/limited", "7", times=2)
    async with make(max_retries=3) as fetcher:
        page = await fetcher.fetch(server.url("/limited"))
    assert page.attempts == 3
    assert fake.sleeps == [7.0, 7.0]


async def test_retry_after_is_capped_by_backoff_max(
    server: LocalServer, make, fake: FakeTime
) -> None:
    later = email.utils.format_datetime(datetime.now(UTC) + timedelta(hours=2), usegmt=True)
    server.too_many_requests("/limited", later)
    async with make(max_retries=1, backoff_max=30.0) as fetcher:
        await fetcher.fetch(server.url("/limited"))
    assert fake.sleeps == [30.0]


def test_retry_after_reads_seconds_and_http_dates() -> None:
    now = datetime(2024, 1, 1, 12, 0, tzinfo=UTC)
    assert retry_after_seconds("120", now) == 120.0
    assert retry_after_seconds("Mon, 01 Jan 2024 12:00:30 GMT", now) == 30.0
    assert retry_after_seconds("Mon, 01 Jan 2024 11:00:00 GMT", now) == 0.0  # in the past
    assert retry_after_seconds("soon", now) is None
    assert retry_after_seconds("-5", now) is None
    assert retry_after_seconds(None, now) is None


async def test_a_slow_server_raises_fetch_timeout_after_the_retries(
    server: LocalServer, make, fake: FakeTime
) -> None:
    server.slow("/slow", seconds=30)
    async with make(timeout=0.2, max_retries=1) as fetcher:
        with pytest.raises(FetchTimeout, match="after 2 attempts") as caught:
            await fetcher.fetch(server.url("/slow"))
    assert isinstance(caught.value.__cause__, httpx.TimeoutException)
    assert len(server.requests_to("/slow")) == 2
    assert fake.sleeps == [0.5]


async def test_a_connect_timeout_raises_fetch_timeout(make) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectTimeout("connect timed out", request=request)

    async with make(httpx.MockTransport(refuse), max_retries=2, respect_robots=False) as fetcher:
        with pytest.raises(FetchTimeout, match=r"ConnectTimeout.*after 3 attempts"):
            await fetcher.fetch("http://outlet.example/news")


async def test_a_closed_port_raises_fetch_connect_error(make, fake: FakeTime) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    async with make(max_retries=2, respect_robots=False) as fetcher:
        with pytest.raises(FetchConnectError, match=r"cannot connect.*after 3 attempts"):
            await fetcher.fetch(f"http://127.0.0.1:{port}/news")
    assert len(fake.sleeps) == 2


# -- many hosts at once ---------------------------------------------------------------------


def _most_at_once(requests: list[Request]) -> int:
    """The largest number of requests the servers were answering at the same moment.

    A request counts as answered 50 ms before its handler logs the end: the client has
    the last byte, and may start its next request on the freed connection, before the
    server's thread gets to write the time down."""
    ends = [max(r.started, (r.finished or r.started) - 0.05) for r in requests]
    edges = sorted([(r.started, 1) for r in requests] + [(end, -1) for end in ends])
    most = now = 0
    for _, step in edges:
        now += step
        most = max(most, now)
    return most


async def test_a_request_waiting_for_a_connection_is_not_timed_out(http_servers, make) -> None:
    """Six slow hosts and two connections: the last ones wait about 1.6 s for their turn,
    longer than the 1 s timeout, and still succeed, since the wait is not the host's."""
    servers = [http_servers() for _ in range(6)]
    for s in servers:
        s.slow("/news", 0.5)
    async with make(timeout=1.0, max_retries=0, max_connections=2) as fetcher:
        pages = await asyncio.gather(*(fetcher.fetch(s.url("/news")) for s in servers))
    assert [p.status for p in pages] == [200] * 6
    assert _most_at_once([r for s in servers for r in s.requests]) == 2


async def test_each_host_of_a_large_poll_keeps_its_connection(http_servers, make) -> None:
    """30 hosts polled at once, then each asked for an article: every host sees its
    robots.txt (a 404), its feed and its article on one connection. httpx alone keeps 20
    idle connections, and a 404 left unread closes its connection."""
    servers = [http_servers() for _ in range(30)]
    for s in servers:
        s.page("/feed", b"<p>feed</p>")
        s.page("/article", b"<p>article</p>")
    async with make() as fetcher:
        await asyncio.gather(*(fetcher.fetch(s.url("/feed")) for s in servers))
        await asyncio.gather(*(fetcher.fetch(s.url("/article")) for s in servers))
    paths = [[r.path for r in s.requests if r.path != "/robots.txt"] for s in servers]
    assert paths == [["/feed", "/article"]] * 30
    connections = [len({r.client for r in s.requests}) for s in servers]
    assert connections == [1] * 30


def test_max_connections_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_connections"):
        FetchPolicy(max_connections=0)


async def test_a_dropped_connection_is_retried(server: LocalServer, make) -> None:
    server.drop("/drop", times=1)
    server.drop("/cut", times=1, after_bytes=10)
    async with make(max_retries=2) as fetcher:
        page = await fetcher.fetch(server.url("/drop"))
        cut = await fetcher.fetch(server.url("/cut"))
    assert page.attempts == 2 and "ok" in page.text
    assert cut.attempts == 2 and "ok" in cut.text


async def test_a_connection_dropped_every_time_raises_fetch_connect_error(
    server: LocalServer, make
) -> None:
    server.drop("/gone")
    async with make(max_retries=1) as fetcher:
        with pytest.raises(FetchConnectError, match=r"connection dropped .* after 2 attempts"):
            await fetcher.fetch(server.url("/gone"))


# -- robots.txt ---------------------------------------------------------------------------


async def test_robots_disallow_raises_and_logs(
    server: LocalServer, make, caplog: pytest.LogCaptureFixture
) -> None:
    server.robots("User-agent: *\nDisallow: /private/\n")
    server.page("/private/report", "<p>secret</p>")
    server.page("/public", "<p>open</p>")
    caplog.set_level(logging.WARNING, logger="monitor.fetch")
    async with make() as fetcher:
        with pytest.raises(RobotsDisallowed):
            await fetcher.fetch(server.url("/private/report"))
        await fetcher.fetch(server.url("/public"))
        await fetcher.fetch(server.url("/public"))
    assert server.requests_to("/private/report") == []
    assert len(server.requests_to("/robots.txt")) == 1  # fetched once per host
    assert (
        f"robots.txt of http://{server.host} disallows {server.url('/private/report')}"
        in caplog.messages
    )


async def test_robots_rules_for_our_agent_apply(server: LocalServer, make) -> None:
    server.robots("User-agent: monitor\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
    async with make() as fetcher:
        with pytest.raises(RobotsDisallowed):
            await fetcher.fetch(server.url("/news"))


async def test_missing_robots_allows_everything(server: LocalServer, make) -> None:
    server.robots(status=404)
    server.page("/news", "<p>news</p>")
    async with make() as fetcher:
        assert (await fetcher.fetch(server.url("/news"))).status == 200


async def test_robots_5xx_disallows_until_it_is_asked_again(
    server: LocalServer, make, fake: FakeTime
) -> None:
    server.robots(status=503)
    server.page("/news", "<p>news</p>")
    async with make() as fetcher:
        with pytest.raises(RobotsDisallowed, match="unreachable"):
            await fetcher.fetch(server.url("/news"))
        server.robots("User-agent: *\nAllow: /\n")
        with pytest.raises(RobotsDisallowed):  # still cached
            await fetcher.fetch(server.url("/news"))
        fake.now += 301
        assert (await fetcher.fetch(server.url("/news"))).status == 200
    assert len(server.requests_to("/robots.txt")) == 2


async def test_robots_can_be_ignored_by_policy(server: LocalServer, make) -> None:
    server.robots("User-agent: *\nDisallow: /\n")
    server.page("/news", "<p>news</p>")
    async with make(respect_robots=False) as fetcher:
        await fetcher.fetch(server.url("/news"))
    assert server.requests_to("/robots.txt") == []


# -- politeness -------------------------------------------------------------------------


async def test_one_request_at_a_time_per_host(make) -> None:
    with LocalServer(latency=0.05) as server:
        for n in range(4):
            server.page(f"/a/{n}", f"<p>{n}</p>")
        async with make(per_host_concurrency=1) as fetcher:
            await asyncio.gather(*(fetcher.fetch(server.url(f"/a/{n}")) for n in range(4)))
        pages = [r for r in server.requests if r.path.startswith("/a/")]
    assert len(pages) == 4
    for before, after in itertools.pairwise(pages):
        assert before.finished is not None
        assert before.finished <= after.started  # no overlap


async def test_per_host_concurrency_allows_parallel_requests(server: LocalServer, make) -> None:
    import threading

    both_in_flight = threading.Barrier(2, timeout=5)

    def meet(request: Request) -> Response:
        both_in_flight.wait()  # raises BrokenBarrierError unless two requests overlap
        return Response(body=b"<p>together</p>")

    server.route("/together/*", meet)
    async with make(per_host_concurrency=2) as fetcher:
        await asyncio.gather(*(fetcher.fetch(server.url(f"/together/{n}")) for n in range(2)))
    assert server.errors == []


async def test_min_host_delay_spaces_the_starts_of_requests(
    server: LocalServer, make, fake: FakeTime
) -> None:
    server.page("/x", "<p>x</p>")
    server.page("/y", "<p>y</p>")
    async with make(min_host_delay=2.0) as fetcher:
        await asyncio.gather(fetcher.fetch(server.url("/x")), fetcher.fetch(server.url("/y")))
    assert [r.path for r in server.requests] == ["/robots.txt", "/x", "/y"]
    assert fake.sleeps == [2.0, 2.0]  # robots.txt, 2 s, /x, 2 s, /y


async def test_hosts_do_not_wait_for_each_other(
    make, fake: FakeTime, http_pair: tuple[LocalServer, LocalServer]
) -> None:
    first, second = http_pair
    for local in http_pair:
        local.page("/x", "<p>x</p>")
        local.page("/y", "<p>y</p>")
    async with make(min_host_delay=2.0, respect_robots=False) as fetcher:
        await asyncio.gather(
            fetcher.fetch(first.url("/x")),
            fetcher.fetch(first.url("/y")),
            fetcher.fetch(second.url("/x")),
        )
    assert fake.sleeps == [2.0]  # only the first host's second request waited
    assert [r.path for r in first.requests] == ["/x", "/y"]
    assert [r.path for r in second.requests] == ["/x"]


async def test_crawl_delay_raises_the_gap(server: LocalServer, make, fake: FakeTime) -> None:
    server.robots("User-agent: *\nCrawl-delay: 5\n")
    server.page("/x", "<p>x</p>")
    async with make(min_host_delay=1.0) as fetcher:
        await fetcher.fetch(server.url("/x"))
        await fetcher.fetch(server.url("/x"))
    assert fake.sleeps == [1.0, 5.0]  # the robots.txt gap was set before the rules were read


@pytest.fixture
def http_pair() -> Iterator[tuple[LocalServer, LocalServer]]:
    with LocalServer() as first, LocalServer() as second:
        yield first, second


@pytest.mark.parametrize("url", ["ftp://outlet.example/feed", "not a url", "http:///path"])
async def test_a_url_that_is_not_http_raises_fetch_error(make, url: str) -> None:
    async with make() as fetcher:
        with pytest.raises(FetchError, match="not an http"):
            await fetcher.fetch(url)


async def test_fetch_outside_the_context_is_refused(make) -> None:
    with pytest.raises(RuntimeError, match="async with"):
        await make().fetch("http://outlet.example/")


def test_policy_builds_the_user_agent_and_validates() -> None:
    assert FetchPolicy(contact_url=CONTACT).user_agent == f"monitor/0.1.0 (+{CONTACT})"
    assert FetchPolicy(user_agent="custom/1").user_agent == "custom/1"
    with pytest.raises(ValueError):
        FetchPolicy(per_host_concurrency=0)
