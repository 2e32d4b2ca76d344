"""The web page: scraped text always escaped, usable without JavaScript, readable on a
phone. The last test starts the real server (``monitor.api.serve`` under uvicorn) and
looks at it with headless Chromium: the DOM it renders and a phone-sized screenshot
kept in tests/artifacts/."""

from __future__ import annotations

import asyncio
import html
import os
import shutil
import socket
import struct
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import httpx
import markupsafe
import pytest
from test_api import HOSTILE_BODY, HOSTILE_TITLE, Client, filled_app

from monitor import web
from monitor.api import create_api, serve
from monitor.app import App

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = next(
    (p for p in (shutil.which("chromium"), "/usr/bin/chromium") if p and os.path.exists(p)), None
)


def esc(text: str) -> str:
    """As Jinja2's autoescape writes text (quotes as &#34; and &#39;)."""
    return str(markupsafe.escape(text))


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    folder = tmp_path_factory.mktemp("web")
    app = filled_app(folder, f"sqlite:///{folder / 'storage' / 'monitor.db'}")
    yield app
    app.close()


@pytest.fixture
def client(archive: App) -> Client:
    return Client(create_api(archive))


def hostile_ids(client: Client) -> tuple[int, int]:
    hit = client.get("/api/articles", params={"q": "alert"}).json()["items"][0]
    assert hit["title"] == HOSTILE_TITLE
    return hit["id"], hit["story_id"]


def assert_escaped(page: str) -> None:
    assert "<script>" not in page and "<img" not in page and "<b>unclosed" not in page
    assert "alert(1)" in page  # the text is shown, as text


def test_hostile_title_and_body_are_escaped_everywhere(client: Client) -> None:
    article_id, story_id = hostile_ids(client)
    pages = {
        "/": client.get("/").text,
        "search": client.get("/", params={"q": "alert"}).text,
        "article": client.get(f"/articles/{article_id}").text,
        "story": client.get(f"/stories/{story_id}").text,
    }
    for name, page in pages.items():
        assert_escaped(page)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, name
    for page in pages.values():
        assert esc(HOSTILE_TITLE) in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in pages["article"]
    assert esc(HOSTILE_BODY.split(" held")[0]) in pages["article"]


def test_search_snippets_mark_matches_and_escape_the_rest(client: Client) -> None:
    page = client.get("/", params={"q": "onerror"}).text
    assert "<mark>onerror</mark>" in page
    assert_escaped(page)
    assert "&lt;img src=x <mark>onerror</mark>=alert(2)&gt;" in page


def test_query_text_is_escaped_in_the_form_and_heading(client: Client) -> None:
    page = client.get("/", params={"q": '"><script>alert(3)</script>'}).text
    assert "<script>alert(3)" not in page
    assert "&#34;&gt;&lt;script&gt;alert(3)&lt;/script&gt;" in page


def test_pages_for_a_phone_without_javascript(client: Client) -> None:
    article_id, story_id = hostile_ids(client)
    for path in ("/", "/?q=ICESCO", f"/articles/{article_id}", f"/stories/{story_id}", "/sources"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")
        page = response.text
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
        assert '<link rel="stylesheet" href="/static/style.css">' in page
        assert "<script" not in page.replace("&lt;script", "")
    css = client.get("/static/style.css")
    assert css.headers["content-type"].startswith("text/css") and "@media" in css.text
    assert 'type="application/atom+xml"' in client.get("/").text


def test_front_page_lists_stories_with_every_outlet(client: Client) -> None:
    page = client.get("/").text
    stories = client.get("/api/stories", params={"limit": 20}).json()["items"]
    for story in stories:
        assert esc(story["headline"]) in page
        for outlet in story["outlets"]:
            assert f'href="{esc(outlet["url"])}"' in page


def test_search_form_filters_and_pages_work_as_plain_links(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(web, "PAGE_SIZE", 3)
    page = client.get("/", params={"q": "ICESCO", "source": "Trend"}).text
    assert 'method="get" action="/"' in page
    assert '<option value="Trend" selected>' in page
    total = client.get("/api/articles", params={"q": "ICESCO", "source": "Trend"}).json()["total"]
    assert f"<h2>{total} article" in page
    first = client.get("/", params={"q": "ICESCO"}).text
    assert 'rel="next"' in first
    assert 'href="/?q=ICESCO&amp;offset=3" rel="next"' in first
    second = client.get("/", params={"q": "ICESCO", "offset": 3}).text
    assert 'href="/?q=ICESCO" rel="prev"' in second
    stories = client.get("/").text
    assert 'href="/?offset=3" rel="next"' in stories


def test_sources_page_shows_health(archive: App, client: Client) -> None:
    from datetime import UTC, datetime

    now = datetime(2025, 3, 1, 12, tzinfo=UTC)
    archive.store.record_poll("Azernews", ok=False, error="timeout <after 20s>", found=0, now=now)
    page = client.get("/sources").text
    assert "Azernews" in page and "failing" in page
    assert "timeout &lt;after 20s&gt;" in page


def test_errors_are_pages_for_people(client: Client) -> None:
    missing = client.get("/articles/999999")
    assert missing.status_code == 404 and "text/html" in missing.headers["content-type"]
    assert "no article 999999" in missing.text
    bad = client.get("/", params={"since": "<b>tomorrow</b>"})
    assert bad.status_code == 422 and "'since'" in bad.text.replace("&#39;", "'")
    assert "<b>tomorrow" not in bad.text
    unknown = client.get("/", params={"topic": "nope"})
    assert unknown.status_code == 404 and "icesco" in unknown.text


# -- a real server and a real browser -----------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(archive: App) -> Iterator[str]:
    """``monitor.api.serve`` on a free port of 127.0.0.1, in a thread with its own loop."""
    port = free_port()
    loop = asyncio.new_event_loop()
    stop = asyncio.Event()
    failure: list[BaseException] = []

    def run() -> None:
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(serve(archive, host="127.0.0.1", port=port, stop=stop))
        except BaseException as exc:  # reported by the test, not lost in the thread
            failure.append(exc)

    thread = threading.Thread(target=run, name="api-server", daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 15
    while True:
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            pass
        assert not failure, failure
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield url
    loop.call_soon_threadsafe(stop.set)
    thread.join(timeout=15)
    loop.close()
    assert not thread.is_alive(), "the server did not stop when asked"
    assert not failure, failure


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *args,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=90, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.chromium
@pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium is not installed (Debian: apt-get install chromium)"
)
def test_real_server_in_headless_chromium(server: str, archive: App, tmp_path: Path) -> None:
    stories = Client(create_api(archive)).get("/api/stories", params={"limit": 20}).json()["items"]

    dom = chromium(tmp_path, "--dump-dom", f"{server}/").stdout
    assert "<h2>Latest stories" in dom
    for story in stories[:5]:
        assert html.escape(story["headline"], quote=False) in dom
        for outlet in story["outlets"]:
            assert html.escape(outlet["outlet"], quote=False) in dom
    assert "<script>alert(1)</script>" not in dom  # the hostile title stays text

    # the search form is a GET form: submitting it is loading this URL, no JavaScript
    query = urlencode({"q": "Bayramov", "order": "newest", "topic": "", "source": ""})
    results = chromium(tmp_path, "--dump-dom", f"{server}/?{query}").stdout
    assert "<mark>Bayramov</mark>" in results
    assert "FM Bayramov holds talks with ICESCO chief in Morocco" in results

    ARTIFACTS.mkdir(exist_ok=True)
    for name, path in (("front-page", "/"), ("search", f"/?{query}"), ("sources", "/sources")):
        shot = ARTIFACTS / f"web-{name}-phone.png"
        shot.unlink(missing_ok=True)
        chromium(tmp_path, f"--screenshot={shot}", "--window-size=412,915", f"{server}{path}")
        data = shot.read_bytes()
        assert len(data) > 5000, name
        assert png_size(data) == (412, 915), name
