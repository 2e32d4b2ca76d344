"""Polling the three outlets from a real local server that serves their saved pages."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from outlets import HostMap, serve_outlets

from monitor.app import build
from monitor.config import load_config
from monitor.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "sources.toml"


@pytest.fixture
def app(tmp_path: Path):
    settings = Settings(
        config=str(SHIPPED),
        database_url=f"sqlite:///{tmp_path / 'monitor.db'}",
        host_delay=0.0,
        max_retries=1,
        backoff_max=0.0,
        timeout=5.0,
    )
    application = build(settings)
    yield application
    application.close()


def test_a_cold_poll_finds_extracts_and_keeps_the_topic_articles(app) -> None:
    with serve_outlets(app.config) as outlets:
        reports = asyncio.run(app.poll_once(app.config.sources, HostMap.of(outlets)))
        by_source = {r.source: r for r in reports}
        assert set(by_source) == {"Azernews", "Trend", "News.az"}
        for report in reports:
            assert report.ok, report
            assert report.errors == [], report.errors
            assert report.new > 0 and report.requests > report.new
        for outlet in outlets.values():  # every saved article was fetched exactly once
            paths = [r.path for r in outlet.article_requests()]
            assert sorted(paths) == sorted(set(paths))
    rows = list(app.store.iter_articles())
    titles = {row["title"] for row in rows}
    assert "Deputy Culture Minister visits ICESCO headquarters in Rabat" in titles
    assert not any("Ganja renovates parks" in t for t in titles)  # fetched, not kept
    assert all(r["topics"] == ["icesco"] for r in rows)
    visit = next(r for r in rows if r["title"].startswith("Deputy Culture Minister visits"))
    assert visit["url"] == "https://www.azernews.az/region/231874.html"
    assert visit["published"] == "2024-05-14T12:20:00+00:00"
    assert "Read also" not in visit["body"] and "16 px" not in visit["body"]


def test_a_second_poll_is_conditional_and_fetches_no_known_article(app) -> None:
    with serve_outlets(app.config) as outlets:
        transport = HostMap.of(outlets)
        asyncio.run(app.poll_once(app.config.sources, transport))
        before = {h: len(o.server.requests) for h, o in outlets.items()}
        reports = asyncio.run(app.poll_once(app.config.sources, HostMap.of(outlets)))
        for report in reports:
            assert report.new == 0 and report.stored == 0
            assert report.not_modified == report.requests, report
        for host, outlet in outlets.items():
            later = outlet.server.requests[before[host] :]
            discovery = [r for r in later if r.path != "/robots.txt"]
            assert discovery, host
            for request in discovery:
                headers = {k.lower() for k in request.headers}
                assert {"if-none-match", "if-modified-since"} & headers, request.path
                assert request.status == 304, request.path


def test_one_outlet_down_never_stops_the_others(app, tmp_path: Path) -> None:
    with serve_outlets(app.config) as outlets:
        trend_port = outlets["en.trend.az"].server.port
        outlets["en.trend.az"].server.stop()  # connection refused from now on
        reports = asyncio.run(
            app.poll_once(app.config.sources, HostMap.of(outlets, **{"en.trend.az": trend_port}))
        )
    by_source = {r.source: r for r in reports}
    assert not by_source["Trend"].ok
    assert "en.trend.az" in by_source["Trend"].failure
    assert by_source["Azernews"].ok and by_source["Azernews"].stored > 0
    assert by_source["News.az"].ok
    health = {h.name: h for h in app.store.source_health()}
    assert health["Trend"].consecutive_failures == 1 and health["Trend"].last_error
    assert health["Azernews"].consecutive_failures == 0 and health["Azernews"].last_success_at


def test_robots_txt_disallow_is_honoured_and_named(app, caplog: pytest.LogCaptureFixture) -> None:
    with serve_outlets(app.config) as outlets:
        outlet = outlets["www.azernews.az"]
        outlet.server.robots("User-agent: *\nDisallow: /region/231874.html\n")
        reports = asyncio.run(app.poll_once([app.config.source("Azernews")], HostMap.of(outlets)))
        assert "/region/231874.html" not in [r.path for r in outlet.server.requests]
    (report,) = reports
    assert any("robots.txt" in e and "231874" in e for e in report.errors)
    assert any("disallows" in r.getMessage() for r in caplog.records)


def test_shipped_sources_point_at_the_fixture_layouts() -> None:
    config = load_config(SHIPPED)
    for name in ("Azernews", "Trend", "News.az"):
        source = config.source(name)
        assert source.selectors.title and source.selectors.body, name
