"""No article a poll found is lost: what failed for a while, what was left over the
per-poll limit and what a stop cut off are fetched at a later poll, although the feed
that offered them answers 304 to a conditional request once it is unchanged.

Every test serves a small outlet from a real local server and polls it several times.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from httpserver import LocalServer, Request
from outlets import quick_settings

from monitor.app import App, build

TEXT = "ICESCO Director General Salim AlMalik met the Minister of Culture in Baku"
FEED_ETAG = '"feed-1"'


def _page(n: int) -> str:
    title = f"ICESCO meeting number {n} in Baku"
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{TEXT} on the {n}th day of talks.</p><p>{TEXT} again, item {n}.</p>"
        "</article></body></html>"
    )


def _rss(server: LocalServer, numbers: list[int]) -> str:
    items = "".join(
        f"<item><title>ICESCO meeting number {n} in Baku</title>"
        f"<link>{server.url(f'/news/icesco-meeting-{n}')}</link></item>"
        for n in numbers
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
    )


def _config(tmp_path: Path, server: LocalServer, discovery: str) -> Path:
    config = tmp_path / "sources.toml"
    config.write_text(
        f'[[sources]]\nname = "Local"\nhomepage = "{server.url("/")}"\n{discovery}\n'
        "interval = \"15m\"\narticle_pattern = '^/news/'\n\n"
        '[[topics]]\nname = "icesco"\nany = ["ICESCO"]\n',
        encoding="utf-8",
    )
    return config


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as local:
        local.robots("User-agent: *\nAllow: /\n")
        yield local


def _app(tmp_path: Path, config: Path, **options: object) -> App:
    return build(quick_settings(config, tmp_path, max_retries=0, **options))


def _poll(app: App):
    (report,) = asyncio.run(app.poll_once(app.config.sources))
    return report


def _feed(server: LocalServer, numbers: list[int]) -> None:
    server.page("/rss", _rss(server, numbers), content_type="application/rss+xml", etag=FEED_ETAG)


def _asked(server: LocalServer, path: str, start: int = 0) -> list[Request]:
    return [r for r in server.requests[start:] if r.path.split("?")[0] == path]


def test_an_article_that_failed_for_a_while_is_fetched_at_the_next_poll(
    tmp_path: Path, server: LocalServer
) -> None:
    _feed(server, [1, 2])
    server.page("/news/icesco-meeting-1", _page(1))
    server.sequence("/news/icesco-meeting-2", [503, 200], body=_page(2).encode())
    with _app(tmp_path, _config(tmp_path, server, 'feeds = ["' + server.url("/rss") + '"]')) as app:
        first = _poll(app)
        assert (first.stored, len(first.errors)) == (1, 1) and "503" in first.errors[0]
        mark = len(server.requests)
        second = _poll(app)  # the feed is unchanged, but one of its articles is owed
        (feed,) = _asked(server, "/rss", mark)
        assert feed.status == 200, "the feed was asked conditionally and hid the article"
        assert (second.new, second.stored, second.errors) == (1, 1, [])
        titles = {row["title"] for row in app.store.iter_articles()}
        assert titles == {"ICESCO meeting number 1 in Baku", "ICESCO meeting number 2 in Baku"}
        mark = len(server.requests)
        third = _poll(app)  # now all is settled: a conditional request and nothing else
        assert third.not_modified == third.requests == 1
        assert [r.status for r in server.requests[mark:] if r.path != "/robots.txt"] == [304]


def test_the_articles_over_the_per_poll_limit_are_fetched_at_the_next_polls(
    tmp_path: Path, server: LocalServer
) -> None:
    _feed(server, [1, 2, 3, 4, 5])
    for n in range(1, 6):
        server.page(f"/news/icesco-meeting-{n}", _page(n))
    config = _config(tmp_path, server, 'feeds = ["' + server.url("/rss") + '"]')
    with _app(tmp_path, config, max_articles=2) as app:
        counts = [(r.new, r.later) for r in (_poll(app), _poll(app), _poll(app))]
        assert counts == [(2, 3), (2, 1), (1, 0)]
        assert app.store.count_articles() == 5
        last = _poll(app)
        assert (last.requests, last.not_modified, last.new) == (1, 1, 0)
    for n in range(1, 6):  # each article asked for once
        assert len(_asked(server, f"/news/icesco-meeting-{n}")) == 1


def test_an_article_that_cannot_succeed_is_recorded_and_not_asked_for_again(
    tmp_path: Path, server: LocalServer
) -> None:
    """410 Gone is final (a 503 or a 404 are not): a listing page without validators,
    fetched whole at every poll, does not make the monitor ask for it every time."""
    links = "".join(f'<a href="/news/icesco-meeting-{n}">item {n}</a>' for n in (1, 2))
    server.page("/politics", f"<html><body>{links}</body></html>")
    server.page("/news/icesco-meeting-1", _page(1))
    server.sequence("/news/icesco-meeting-2", [410])
    config = _config(tmp_path, server, 'listings = ["' + server.url("/politics") + '"]')
    with _app(tmp_path, config) as app:
        first, second = _poll(app), _poll(app)
    assert first.stored == 1 and "410" in first.errors[0]
    assert (second.new, second.errors) == (0, [])
    assert len(_asked(server, "/news/icesco-meeting-2")) == 1


def test_a_cut_off_poll_leaves_the_feed_to_be_read_again(
    tmp_path: Path, server: LocalServer
) -> None:
    """The service stopping mid-poll: the articles the feed offered are fetched at the
    next poll, not hidden behind the 304 of a feed already read."""
    _feed(server, [1, 2])
    server.page("/news/icesco-meeting-1", _page(1))
    server.slow("/news/icesco-meeting-2", 4.0, _page(2).encode())
    with _app(tmp_path, _config(tmp_path, server, 'feeds = ["' + server.url("/rss") + '"]')) as app:

        async def cut_off() -> None:
            task = asyncio.create_task(app.poll_once(app.config.sources))
            deadline = time.monotonic() + 10
            while not _asked(server, "/news/icesco-meeting-2") and time.monotonic() < deadline:
                await asyncio.sleep(0.02)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task

        asyncio.run(cut_off())
        assert app.store.count_articles() == 0
        server.page("/news/icesco-meeting-2", _page(2))
        report = _poll(app)
        assert (report.new, report.stored, report.not_modified) == (2, 2, 0)


def _sitemap(server: LocalServer, paths: list[str]) -> str:
    urls = "".join(f"<url><loc>{server.url(p)}</loc></url>" for p in paths)
    return (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{urls}</urlset>"
    )


def test_a_sitemap_index_leads_to_its_newest_children_at_every_poll(
    tmp_path: Path, server: LocalServer
) -> None:
    """The index lists its yearly sitemaps oldest first; an article added to the newest
    child, the index unchanged, is found at the next poll, and a broken child costs only
    its own links."""
    years = list(range(2016, 2027))
    children = "".join(
        f"<sitemap><loc>{server.url(f'/sitemap-{y}.xml')}</loc>"
        f"<lastmod>{y}-12-01T00:00:00Z</lastmod></sitemap>"
        for y in years
    )
    index = (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{children}</sitemapindex>"
    )
    server.page("/sitemap.xml", index, content_type="application/xml", etag='"index"')
    for year in years[:-2]:  # 2025's is gone (404): the other children are still read
        server.page(f"/sitemap-{year}.xml", _sitemap(server, []), content_type="application/xml")
    newest = "/sitemap-2026.xml"
    server.page(
        newest,
        _sitemap(server, ["/news/icesco-meeting-1"]),
        content_type="application/xml",
        etag='"1"',
    )
    for n in (1, 2):
        server.page(f"/news/icesco-meeting-{n}", _page(n))
    config = _config(tmp_path, server, 'sitemaps = ["' + server.url("/sitemap.xml") + '"]')
    with _app(tmp_path, config) as app:
        first = _poll(app)
        assert first.ok and first.stored == 1, first
        (gone,) = first.errors
        assert "/sitemap-2025.xml" in gone and "404" in gone
        assert not _asked(server, "/sitemap-2016.xml")  # only the five newest are read
        assert _asked(server, "/sitemap-2022.xml") and not _asked(server, "/sitemap-2021.xml")
        paths = ["/news/icesco-meeting-1", "/news/icesco-meeting-2"]
        server.page(newest, _sitemap(server, paths), content_type="application/xml", etag='"2"')
        second = _poll(app)
    assert (second.new, second.stored) == (1, 1), second
    assert [r.status for r in _asked(server, "/sitemap.xml")] == [200, 200]


def test_a_listing_without_links_fails_at_every_poll_until_it_has_them_again(
    tmp_path: Path, server: LocalServer
) -> None:
    server.page("/politics", "<html><body><p>New layout</p></body></html>", etag='"empty"')
    config = _config(tmp_path, server, 'listings = ["' + server.url("/politics") + '"]')
    with _app(tmp_path, config) as app:
        reports = [_poll(app), _poll(app)]
        health = app.store.source_health("Local")
    assert all(not r.ok and "no article links" in (r.failure or "") for r in reports)
    assert health.consecutive_failures == 2


def test_an_article_failing_for_good_is_given_up_and_its_feed_is_asked_conditionally(
    tmp_path: Path, server: LocalServer
) -> None:
    """A feed item whose page 404s at every poll is tried at the next polls, then given
    up once it has failed at five polls over an hour: the feed is asked conditionally
    again, and the page is no longer asked for."""
    from datetime import UTC, datetime, timedelta

    _feed(server, [1, 2])
    server.page("/news/icesco-meeting-1", _page(1))  # meeting 2's page is never there
    clock = [datetime(2026, 12, 7, 9, 0, tzinfo=UTC)]
    with _app(tmp_path, _config(tmp_path, server, 'feeds = ["' + server.url("/rss") + '"]')) as app:
        app.pipeline.clock = lambda: clock[0]
        reports = []
        for _ in range(6):  # polls 15 minutes apart
            reports.append(_poll(app))
            clock[0] += timedelta(minutes=15)
        assert reports[0].stored == 1 and all(r.ok for r in reports)
        asked = [r.status for r in _asked(server, "/news/icesco-meeting-2")]
        assert asked == [404] * 5  # five polls over an hour, then given up
        feed = [r.status for r in _asked(server, "/rss")]
        assert feed == [200] * 5 + [304]  # read whole while the page was owed
        mark = len(server.requests)
        assert _poll(app).not_modified == 1
        assert not _asked(server, "/news/icesco-meeting-2", mark)


def test_an_article_the_server_fails_to_give_is_tried_for_a_day(
    tmp_path: Path, server: LocalServer
) -> None:
    """A 503 at every poll is an outage that may pass: tried at every poll for a day,
    not given up after the hour a 404 gets."""
    from datetime import UTC, datetime, timedelta

    _feed(server, [1])
    server.sequence("/news/icesco-meeting-1", [503])
    clock = [datetime(2026, 12, 7, 9, 0, tzinfo=UTC)]
    with _app(tmp_path, _config(tmp_path, server, 'feeds = ["' + server.url("/rss") + '"]')) as app:
        app.pipeline.clock = lambda: clock[0]
        for step in (0, 15, 30, 45, 60, 75, 24 * 60):  # minutes after the first poll
            clock[0] = datetime(2026, 12, 7, 9, 0, tzinfo=UTC) + timedelta(minutes=step)
            _poll(app)
        asked = _asked(server, "/news/icesco-meeting-1")
        assert len(asked) == 7  # still owed after an hour; given up after a day
        mark = len(server.requests)
        assert _poll(app).not_modified == 1
        assert not _asked(server, "/news/icesco-meeting-1", mark)
