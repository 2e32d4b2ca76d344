"""Polling the three outlets from a real local server that serves their saved pages."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from outlets import HostMap, quick_settings, serve_outlets

from monitor.app import build
from monitor.config import load_config
from monitor.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "sources.toml"


@pytest.fixture
def app(tmp_path: Path):
    application = build(quick_settings(SHIPPED, tmp_path))
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


def test_the_polled_source_keeps_its_articles_when_a_disabled_one_claims_its_host(
    tmp_path: Path,
) -> None:
    config = tmp_path / "sources.toml"
    config.write_text(
        SHIPPED.read_text(encoding="utf-8")
        + '\n[[sources]]\nname = "Trend archive"\nhomepage = "https://en.trend.az/archive/"\n'
        'feeds = ["https://en.trend.az/archive/rss"]\nenabled = false\n',
        encoding="utf-8",
    )
    with build(quick_settings(config, tmp_path)) as app, serve_outlets(app.config) as outlets:
        trend = app.config.source("Trend")
        (report,) = asyncio.run(app.poll_once([trend], HostMap.of(outlets)))
        assert report.ok and report.stored > 0, report
        assert {row["source"] for row in app.store.iter_articles()} == {"Trend"}


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
    # what went wrong, not only its kind: "ConnectError: [Errno 111] Connection refused"
    assert "ConnectError: " in by_source["Trend"].failure
    assert "refused" in by_source["Trend"].failure.lower(), by_source["Trend"].failure
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


def _local_config(tmp_path: Path, server_url: str, dead_url: str) -> Path:
    topics = SHIPPED.read_text(encoding="utf-8").split("# ICESCO (ISESCO before 2020)", 1)[1]
    config = tmp_path / "sources.toml"
    config.write_text(
        f"""
[[sources]]
name = "Local"
homepage = "{server_url}"
listings = ["{server_url}politics"]
interval = "1m"
article_pattern = '^/news/[a-z0-9]+(-[a-z0-9]+){{2,}}$'

[sources.selectors]
article_links = ".news-list a.news-link"
body = ".article-wrapper .article-body"

[[sources]]
name = "Dead"
homepage = "{dead_url}"
feeds = ["{dead_url}rss"]
interval = "1m"

# ICESCO{topics}""",
        encoding="utf-8",
    )
    return config


@pytest.fixture
def local_outlet(tmp_path: Path):
    """News.az's saved pages served under 127.0.0.1, and a port of localhost where nothing
    listens."""
    from httpserver import LocalServer
    from receivers import free_port

    from monitor.config import parse_config

    with LocalServer() as server:
        dead = f"http://localhost:{free_port()}/"  # another host: one source a host
        config = _local_config(tmp_path, server.url("/"), dead)
        from outlets import Outlet, _serve

        _serve(Outlet("newsaz", "127.0.0.1", server), parse_config(config.read_text()))
        yield server, config


def test_monitor_poll_prints_a_row_per_source_and_a_dead_one_fails(
    local_outlet, tmp_path, monkeypatch
) -> None:
    from click.testing import CliRunner

    from monitor.cli import cli

    _server, config = local_outlet
    monkeypatch.setenv("MONITOR_DATABASE_URL", f"sqlite:///{tmp_path / 'm.db'}")
    monkeypatch.setenv("MONITOR_HOST_DELAY", "0")
    monkeypatch.setenv("MONITOR_MAX_RETRIES", "0")
    result = CliRunner().invoke(cli, ["poll", "--config", str(config)])
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split()[:6] == ["source", "requests", "not", "mod.", "new", "matched"]
    local = next(line for line in lines if line.startswith("Local"))
    assert local.split()[-1] == "ok"
    requests, not_modified, new, matched, errors = map(int, local.split()[1:6])
    assert requests > new >= 2 and matched >= 1 and errors == 0 and not_modified == 0
    dead = next(line for line in lines if line.startswith("Dead"))
    assert "FAILED" in dead and "localhost" in dead
    health = CliRunner().invoke(cli, ["sources", "--config", str(config)])
    assert health.exit_code == 0
    dead_row = next(line for line in health.stdout.splitlines() if line.startswith("Dead"))
    assert "never" in dead_row and " 1 " in dead_row
    local_row = next(line for line in health.stdout.splitlines() if line.startswith("Local"))
    assert "never" not in local_row
    only = CliRunner().invoke(cli, ["poll", "--source", "local", "--config", str(config)])
    assert only.exit_code == 0 and "Dead" not in only.stdout  # a name in any case
    unknown = CliRunner().invoke(cli, ["poll", "--source", "Nowhere", "--config", str(config)])
    assert unknown.exit_code == 2 and "unknown value 'Nowhere'" in unknown.stderr
    assert "Dead, Local" in unknown.stderr  # the names it knows


def test_monitor_run_polls_on_schedule_and_stops_on_sigterm(local_outlet, tmp_path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import threading

    import httpx
    from receivers import free_port

    from monitor.store import Store

    server, config = local_outlet
    db = tmp_path / "run.db"
    api_port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")},
        "MONITOR_DATABASE_URL": f"sqlite:///{db}",
        "MONITOR_HOST_DELAY": "0",
        "MONITOR_MAX_RETRIES": "0",
        "MONITOR_API_PORT": str(api_port),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "monitor.cli", "run", "--config", str(config)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    watchdog = threading.Timer(90, proc.kill)  # a hung service fails the test, not CI
    watchdog.start()
    try:
        seen = []
        assert proc.stderr is not None
        for line in proc.stderr:  # the service logs each poll; wait for the first
            seen.append(line)
            if "polled Local" in line:
                break
        assert any("polled Local" in line for line in seen), "".join(seen)
        with Store(f"sqlite:///{db}") as store:
            assert store.count_articles() > 0
        health = httpx.get(f"http://127.0.0.1:{api_port}/healthz", timeout=10)  # the API runs too
        assert health.status_code == 200
        page = httpx.get(f"http://127.0.0.1:{api_port}/api/articles", timeout=10)
        assert page.status_code == 200 and page.json()
        proc.send_signal(signal.SIGTERM)
        _, rest = proc.communicate(timeout=30)
        stderr = "".join(seen) + rest
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, stderr
    assert "stopping" in stderr
    assert any(r.path == "/politics" for r in server.requests)


def test_monitor_run_exits_1_when_its_api_port_is_taken(tmp_path) -> None:
    """A service that cannot serve its API stops, and says so with its exit status (a
    service manager restarts it), not with 0 as if asked to stop."""
    import os
    import socket
    import subprocess
    import sys

    config = tmp_path / "sources.toml"
    config.write_text(
        '[[sources]]\nname = "Closed"\nhomepage = "http://127.0.0.1:9/"\n'
        'listings = ["http://127.0.0.1:9/news"]\ninterval = "15m"\n\n'
        '[[topics]]\nname = "icesco"\nany = ["ICESCO"]\n',
        encoding="utf-8",
    )
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")},
            "MONITOR_DATABASE_URL": f"sqlite:///{tmp_path / 'run.db'}",
            "MONITOR_API_PORT": str(port),
            "MONITOR_MAX_RETRIES": "0",
        }
        proc = subprocess.run(
            [sys.executable, "-m", "monitor.cli", "run", "--config", str(config)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert proc.returncode == 1, proc.stderr
    assert f"error: the HTTP API cannot listen on 127.0.0.1:{port}" in proc.stderr


def test_monitor_extract_shows_fields_and_the_winning_methods(tmp_path) -> None:
    import json

    from click.testing import CliRunner

    from monitor.cli import cli

    page = ROOT / "tests" / "fixtures" / "sites" / "azernews" / "article-visit.html"
    expected = json.loads(page.with_name("article-visit.expected.json").read_text())
    result = CliRunner().invoke(
        cli, ["extract", str(page), "--source", "Azernews", "--config", str(SHIPPED)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["title"] == expected["title"]
    assert data["published"] == expected["published"]
    assert data["methods"]["body"] == "selectors"
    assert data["language"] == "en"
    generic = json.loads(
        CliRunner().invoke(cli, ["extract", str(page), "--config", str(SHIPPED)]).stdout
    )
    assert generic["methods"]["body"] != "selectors"
    missing = CliRunner().invoke(
        cli, ["extract", str(tmp_path / "nope.html"), "--config", str(SHIPPED)]
    )
    assert missing.exit_code == 1 and "nope.html" in missing.stderr


def test_monitor_extract_reads_a_saved_page_in_its_own_charset(tmp_path) -> None:
    """A page saved from a windows-1251 site says so in its <meta>: read as fetched."""
    import json

    from click.testing import CliRunner

    from monitor.cli import cli

    title = "Байрамов встретился с генеральным директором ИСЕСКО"
    text = "Министр иностранных дел Джейхун Байрамов встретился в Баку с генеральным директором."
    page = tmp_path / "500201.html"
    page.write_bytes(
        (
            '<html><head><meta http-equiv="Content-Type" content="text/html; '
            f'charset=windows-1251"><title>{title}</title></head><body><article>'
            f"<h1>{title}</h1><p>{text}</p><p>{text}</p></article></body></html>"
        ).encode("cp1251")
    )
    result = CliRunner().invoke(cli, ["extract", str(page), "--config", str(SHIPPED)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["title"] == title and text in data["body"]


def test_monitor_extract_reads_a_saved_page_against_the_address_it_came_from(tmp_path) -> None:
    """A relative canonical link is read against --url, else the source's homepage."""
    import json

    from click.testing import CliRunner

    from monitor.cli import cli

    text = "ICESCO opened an exhibition of manuscripts in Baku on Monday, officials said."
    page = tmp_path / "saved.html"
    page.write_text(
        '<html><head><title>Manuscripts in Baku</title><link rel="canonical" '
        'href="/culture/231874.html"></head><body><article><h1>Manuscripts in Baku</h1>'
        f"<p>{text}</p><p>{text}</p></article></body></html>",
        encoding="utf-8",
    )

    def canonical(*options: str) -> str:
        args = ["extract", str(page), *options, "--config", str(SHIPPED)]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)["canonical_url"]

    given = canonical("--url", "https://www.azernews.az/region/1.html")
    assert given == "https://www.azernews.az/culture/231874.html"
    assert canonical("--source", "Trend").startswith("https://en.trend.az/culture/231874")
    assert canonical().startswith("http://localhost/")


def test_monitor_serve_answers_and_stops_on_sigterm(tmp_path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import threading

    import httpx
    from receivers import free_port

    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")},
        "MONITOR_DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}",
    }
    cmd = [
        sys.executable,
        "-m",
        "monitor.cli",
        "serve",
        "--port",
        str(port),
        "--config",
        str(SHIPPED),
    ]
    proc = subprocess.Popen(
        cmd, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )
    watchdog = threading.Timer(60, proc.kill)
    watchdog.start()
    try:
        assert proc.stderr is not None
        seen = []
        for line in proc.stderr:  # wait until the server says it listens
            seen.append(line)
            if f":{port}" in line:
                break
        assert any(f":{port}" in line for line in seen), "".join(seen)
        assert httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=10).status_code == 200
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0


def test_a_poll_cut_off_by_the_stop_is_abandoned_quietly(tmp_path, caplog) -> None:
    """SIGTERM while a source does not answer: after the grace period its poll is
    abandoned with an info line, not an error with a traceback from the scheduler."""
    import asyncio
    import logging
    import socket

    from monitor.app import build

    with socket.socket() as sock:  # accepts connections, never answers
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        port = sock.getsockname()[1]
        config = tmp_path / "sources.toml"
        config.write_text(
            f'[[sources]]\nname = "Silent"\nhomepage = "http://127.0.0.1:{port}/"\n'
            f'listings = ["http://127.0.0.1:{port}/news"]\ninterval = "15m"\n\n'
            '[[topics]]\nname = "icesco"\nany = ["ICESCO"]\n',
            encoding="utf-8",
        )
        settings = Settings(
            config=str(config),
            database_url=f"sqlite:///{tmp_path}/m.db",
            api_enabled=False,
            timeout=60,
            max_retries=0,
            respect_robots=False,
        )
        app = build(settings)
        sock.settimeout(20)

        async def main() -> None:
            stop = asyncio.Event()
            service = asyncio.create_task(app.run_service(stop, grace=0.2))
            waiting, _ = await asyncio.to_thread(sock.accept)  # the poll has begun
            stop.set()
            await asyncio.wait_for(service, 30)
            waiting.close()

        with caplog.at_level(logging.INFO):
            try:
                asyncio.run(main())
            finally:
                app.close()
    messages = [r.getMessage() for r in caplog.records]
    assert "poll of Silent abandoned at shutdown" in messages, messages
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], messages


def _page(title: str, body: str) -> str:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{body}</p><p>{body}</p></article></body></html>"
    )


def test_a_link_too_long_to_keep_is_skipped_and_the_others_are_stored(
    database_url: str, tmp_path
) -> None:
    """One link of a listing is longer than the archive keeps an address (PostgreSQL
    would refuse it and, with it, the whole poll): it is reported, not fetched, and the
    other articles are stored on both databases."""
    import asyncio

    from httpserver import LocalServer

    from monitor.app import build

    paths = ["/news/icesco-story-0", "/news/icesco-story-1-" + "x" * 2100, "/news/icesco-story-2"]
    with LocalServer() as server:
        server.robots("User-agent: *\nAllow: /\n")
        links = "".join(f'<a href="{path}">story {n}</a>' for n, path in enumerate(paths))
        server.page("/politics", f"<html><body>{links}</body></html>")
        text = "ICESCO Director General Salim AlMalik met the minister of culture in Baku"
        for n, path in enumerate(paths):
            server.page(path, _page(f"ICESCO meeting {n} in Baku", f"{text} ({n})."))
        config = tmp_path / "sources.toml"
        config.write_text(
            f'[[sources]]\nname = "Local"\nhomepage = "{server.url("/")}"\n'
            f'listings = ["{server.url("/politics")}"]\ninterval = "15m"\n'
            "article_pattern = '^/news/'\n\n"
            '[[topics]]\nname = "icesco"\nany = ["ICESCO"]\n',
            encoding="utf-8",
        )
        app = build(Settings(config=str(config), database_url=database_url, host_delay=0))
        try:
            (report,) = asyncio.run(app.poll_once(app.config.sources))
            stored = app.store.count_articles()
        finally:
            app.close()
    assert report.failure is None, report.failure
    assert (report.stored, stored) == (2, 2)
    (error,) = report.errors
    assert "icesco-story-1-xxx" in error and "over 2000 characters" in error
    assert not server.requests_to(paths[1])
