"""The web page: scraped text always escaped, usable without JavaScript, readable on a
phone; the coverage chart above the search results. The last tests start the real server
(``monitor.api.serve`` under uvicorn) and look at it with headless Chromium: the DOM it
renders and screenshots kept in tests/artifacts/."""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import httpx
import markupsafe
import pytest
from test_api import HOSTILE_BODY, HOSTILE_TITLE, Client, filled_app, write_config
from test_coverage import HOSTILE_OUTLET, fill

from monitor import web
from monitor.api import create_api, serve
from monitor.app import App, build
from monitor.chart import OTHER_COLOUR, PALETTE
from monitor.classify import SURE
from monitor.pipeline import numbered
from monitor.settings import Settings

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


@pytest.fixture(scope="module")
def covered(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    """An archive with known days and eight outlets (tests/test_coverage.py), one of them
    named ``<script>alert(4)</script>``."""
    folder = tmp_path_factory.mktemp("chart")
    url = f"sqlite:///{folder / 'storage' / 'monitor.db'}"
    app = build(Settings(config=str(write_config(folder)), database_url=url))
    fill(app.store)
    yield app
    app.close()


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


def test_an_event_type_the_rules_are_not_sure_of_is_marked(client: Client) -> None:
    stories = client.get("/api/stories", params={"limit": 50}).json()["items"]
    unsure = [s for s in stories if s["event_confidence"] < SURE]
    sure = [s for s in stories if s["event_confidence"] >= SURE]
    assert unsure and sure  # the archive holds both
    page = client.get("/").text
    for story in stories:
        label = story["event_type"].replace("_", " ")
        title = f'title="how sure the type is: {story["event_confidence"]:.2f}"'
        if story in unsure:
            tag = f'<span class="tag unsure" {title}>{label}?</span>'
        else:
            tag = f'<span class="tag" {title}>{label}</span>'
        assert tag in page
        assert tag in client.get(f"/stories/{story['id']}").text
    hits = client.get("/api/articles", params={"q": "ICESCO", "limit": 50}).json()["items"]
    results = client.get("/", params={"q": "ICESCO", "limit": 50}).text
    for hit in hits:  # search results carry each article's own confidence
        sure_of = hit["event_confidence"] >= SURE
        label = hit["event_type"].replace("_", " ") + ("" if sure_of else "?")
        assert f'how sure the type is: {hit["event_confidence"]:.2f}">{label}</span>' in results
    single = next(s for s in unsure if len(s["articles"]) == 1)  # its article's own type
    article = client.get(f"/articles/{single['articles'][0]['id']}").text
    assert '<span class="tag unsure" title="how sure the type is: ' in article


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


# -- the coverage chart ------------------------------------------------------------------


def chart_of(page: str, size: str = "wide") -> str:
    """The chart above the results, as drawn for a desktop ("wide") or a phone ("narrow")."""
    found = re.findall(r'<figure class="chart">.*?</figure>', page, flags=re.S)
    assert len(found) == 1, "one chart above the results"
    assert page.index('<figure class="chart">') < page.index('<article class="hit">')
    drawn = re.findall(r'(<svg [^>]*class="(\w+)".*?</svg>)', found[0], flags=re.S)
    assert [name for _, name in drawn] == ["wide", "narrow"], "for a desktop and a phone"
    return next(svg for svg, name in drawn if name == size)


@pytest.mark.parametrize(("size", "width"), [("wide", 800), ("narrow", 480)])
def test_the_chart_has_a_bar_a_day_and_a_legend_entry_an_outlet(
    covered: App, size: str, width: int
) -> None:
    page = Client(create_api(covered)).get("/", params={"order": "newest"}).text
    chart = chart_of(page, size)
    assert f'class="{size}" viewBox="0 0 {width} ' in chart
    assert 'width="100%"' in chart and 'role="img"' in chart
    assert 'aria-label="16 articles from 8 outlets, 10 Oct – 8 Nov 2026"' in chart
    assert "<title>Articles per day by outlet</title>" in chart
    assert re.search(r"<desc>Articles per day by outlet, 10 Oct – 8 Nov 2026: Trend 4, ", chart)
    assert chart.count('class="bar') == 30  # the 30 days up to the newest article
    assert chart.count('<a class="bar"') == 6  # the days with articles link
    assert chart.count('<g class="bar empty">') == 24
    assert chart.count('<g class="entry">') == 7  # six outlets and "other"
    assert ">other 2</text>" in chart and ">Trend 4</text>" in chart
    for label in (">4<", ">0<", ">10 Oct 2026<", ">8 Nov 2026<"):  # max count, 0, first, last
        assert label in chart
    segments = re.findall(r'<rect class="segment"[^>]* fill="(#[0-9a-f]{6})"/>', chart)
    assert len(segments) == 2 + 2 + 4 + 1 + 3 + 2  # series a day, on the six days
    assert set(segments) == {*PALETTE, OTHER_COLOUR}
    assert "<script" not in page.replace("&lt;script", "")


def test_the_chart_says_what_it_leaves_out_of_the_results(covered: App) -> None:
    client = Client(create_api(covered))
    page = client.get("/", params={"order": "newest"}).text
    assert "<h2>17 articles" in page  # one of them older than the chart's 30 days
    caption = "The chart counts 16 of the 17 articles, those of 10 Oct – 8 Nov 2026; "
    assert f"<figcaption>{caption}the others are older or give no date.</figcaption>" in page
    day = client.get("/", params={"since": "2026-11-04", "until": "2026-11-04"}).text
    assert 'class="chart"' in day and "<figcaption>" not in day  # all of them charted


def test_the_style_sheet_shows_one_chart_for_the_screen() -> None:
    css = (Path(web.__file__).parent / "static" / "style.css").read_text()
    assert ".chart svg.narrow { display: none; }" in css
    phone = r"@media \(max-width: \d+rem\) \{\s*\.chart svg\.wide \{ display: none; \}"
    assert re.search(phone, css), "a phone hides the desktop's chart"


def test_outlet_names_in_the_chart_are_text(covered: App) -> None:
    chart = chart_of(Client(create_api(covered)).get("/", params={"q": "ICESCO"}).text)
    assert "<script>" not in chart
    assert f"<title>{esc(HOSTILE_OUTLET)}</title>" in chart  # the legend entry's
    assert f">{esc(HOSTILE_OUTLET[:23])}… 1</text>" in chart  # a long name is cut
    day = f"4 Nov 2026: 2 articles (News.az 1, {esc(HOSTILE_OUTLET)} 1)"
    assert f'aria-label="{day}">' in chart and f"<title>{day}</title>" in chart


def test_a_bar_links_to_the_search_of_its_day(covered: App) -> None:
    client = Client(create_api(covered))
    chart = chart_of(client.get("/", params={"topic": "icesco", "order": "newest"}).text)
    link = "/?topic=icesco&amp;order=newest&amp;since=2026-11-04&amp;until=2026-11-04"
    assert f'<a class="bar" href="{link}" aria-label="4 Nov 2026: 3 articles' in chart
    day = client.get(html.unescape(link)).text
    assert "<h2>3 articles" in day
    assert chart_of(day).count('class="bar') == 1
    assert 'aria-label="3 articles from 3 outlets, 4 Nov 2026"' in day


def test_no_chart_without_results(covered: App) -> None:
    client = Client(create_api(covered))
    for params in ({"q": "nowhere"}, {"source": "nobody"}, {}):
        page = client.get("/", params=params).text
        assert "<svg" not in page and 'class="chart"' not in page, params


# -- a real server and a real browser -----------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(archive: App) -> Iterator[str]:
    with running(archive) as url:
        yield url


@contextlib.contextmanager
def running(archive: App) -> Iterator[str]:
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
    try:
        yield url
    finally:
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


def png_columns(data: bytes) -> dict[str, tuple[int, int]]:
    """Every colour (#rrggbb) in an 8-bit RGB or RGBA, non-interlaced PNG, with the
    leftmost and the rightmost column it is drawn in."""
    width, height = png_size(data)
    depth, kind, interlace = data[24], data[25], data[28]
    assert depth == 8 and kind in (2, 6) and interlace == 0
    step = 3 if kind == 2 else 4
    chunks, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        if data[at + 4 : at + 8] == b"IDAT":
            chunks.append(data[at + 8 : at + 8 + length])
        at += 12 + length
    raw, stride = zlib.decompress(b"".join(chunks)), width * step
    previous, colours = bytearray(stride), dict[str, tuple[int, int]]()
    for y in range(height):
        kind_of_filter = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - step] if i >= step else 0
            up, corner = previous[i], previous[i - step] if i >= step else 0
            if kind_of_filter == 1:
                line[i] = (line[i] + left) & 255
            elif kind_of_filter == 2:
                line[i] = (line[i] + up) & 255
            elif kind_of_filter == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind_of_filter == 4:
                guess = left + up - corner
                near = min((abs(guess - left), 0), (abs(guess - up), 1), (abs(guess - corner), 2))
                line[i] = (line[i] + (left, up, corner)[near[1]]) & 255
        for x in range(0, stride, step):
            colour = "#{:02x}{:02x}{:02x}".format(*line[x : x + 3])
            seen = colours.get(colour)
            column = x // step
            if seen is None:
                colours[colour] = (column, column)
            elif column < seen[0] or column > seen[1]:
                colours[colour] = (min(seen[0], column), max(seen[1], column))
        previous = line
    return colours


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


@pytest.mark.chromium
@pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium is not installed (Debian: apt-get install chromium)"
)
def test_the_chart_in_headless_chromium_on_a_desktop_and_a_phone(
    covered: App, tmp_path: Path
) -> None:
    with running(covered) as url:
        query = urlencode({"order": "newest"})  # every article: eight outlets
        dom = chromium(tmp_path, "--dump-dom", f"{url}/?{query}").stdout
        # drawn twice (for a desktop and for a phone), each with 30 days and 7 entries
        assert dom.count('class="bar') == 2 * 30 and dom.count('class="entry"') == 2 * 7
        assert "<script>alert(4)" not in dom
        ARTIFACTS.mkdir(exist_ok=True)
        for name, size, span in (("desktop", (1280, 900), 700), ("phone", (412, 915), 300)):
            shot = ARTIFACTS / f"web-chart-{name}.png"
            shot.unlink(missing_ok=True)
            window = f"--window-size={size[0]},{size[1]}"
            chromium(tmp_path, f"--screenshot={shot}", window, f"{url}/?{query}")
            data = shot.read_bytes()
            assert png_size(data) == size, name
            drawn = png_columns(data)  # the bars are on the screen, in every colour
            assert {*PALETTE, OTHER_COLOUR} <= drawn.keys(), (name, {*PALETTE} - drawn.keys())
            # one chart shows, across the column: the legend's first swatch at its left
            # edge, the last day's bar at its right (the 52rem column is 800 px wide)
            left = min(drawn[c][0] for c in PALETTE)
            right = max(drawn[c][1] for c in PALETTE)
            assert right - left >= span, (name, left, right)


# -- HEAD and methods --------------------------------------------------------------------


def get_routes(client: Client) -> list[str]:
    article_id, story_id = hostile_ids(client)
    return [
        "/",
        "/?q=ICESCO",
        "/sources",
        f"/articles/{article_id}",
        f"/stories/{story_id}",
        "/static/style.css",
        "/api/articles",
        f"/api/articles/{article_id}",
        "/api/articles.csv?limit=3",
        "/api/coverage",
        "/api/stories",
        "/api/sources",
        "/feeds/icesco.atom",
        "/healthz",
        "/openapi.json",
    ]


def test_every_get_route_answers_head_on_the_real_server(server: str, client: Client) -> None:
    for path in get_routes(client):
        got = httpx.get(server + path)
        head = httpx.head(server + path)
        assert (got.status_code, head.status_code) == (200, 200), path
        assert head.content == b"", path
        assert head.headers["content-type"] == got.headers["content-type"], path
    metrics = httpx.head(server + "/metrics")
    assert metrics.status_code == 200 and metrics.headers["content-type"].startswith("text/plain")


def test_head_in_process_has_the_headers_of_get_and_no_body(client: Client) -> None:
    for path in get_routes(client):
        got, head = client.get(path), client.request("HEAD", path)
        assert head.status_code == got.status_code == 200, path
        assert head.content == b"", path
        if "content-length" in got.headers:
            assert head.headers["content-length"] == got.headers["content-length"], path


def test_a_method_not_allowed_says_which_are(client: Client) -> None:
    api = client.request("POST", "/api/articles")
    assert api.status_code == 405 and api.headers["allow"] == "GET, HEAD"
    assert api.json()["status"] == 405 and "POST" in api.json()["error"]
    page = client.request("DELETE", "/sources")
    assert page.status_code == 405 and page.headers["allow"] == "GET, HEAD"
    assert page.headers["content-type"].startswith("text/html")
    assert "<title>Method not allowed · monitor</title>" in page.text
    assert "Unavailable" not in page.text


def test_metrics_count_unknown_methods_as_other(client: Client) -> None:
    for method in ("FOO1", "FOO2", "BREW"):
        assert client.request(method, "/api/articles").status_code == 405
    client.request("HEAD", "/api/sources")
    metrics = client.get("/metrics").text
    assert "FOO1" not in metrics and "BREW" not in metrics
    assert 'route="/api/articles",method="other",status="405"} 3' in metrics
    assert 'route="/api/sources",method="HEAD",status="200"} 1' in metrics


# -- the search form and empty pages -----------------------------------------------------


def test_the_form_sent_empty_still_shows_the_latest_stories(client: Client) -> None:
    empty_form = {
        "q": "",
        "topic": "",
        "source": "",
        "event_type": "",
        "language": "",
        "since": "",
        "until": "",
        "order": "relevance",
    }
    for params in (empty_form, {"order": "relevance"}, {"order": ""}):
        page = client.get("/", params=params)
        assert page.status_code == 200
        assert "<h2>Latest stories" in page.text and '<article class="hit">' not in page.text
    listed = client.get("/", params={**empty_form, "order": "newest"}).text  # asked for
    assert "<h2>Latest stories" not in listed and '<article class="hit">' in listed
    newest = client.get("/", params={**empty_form, "q": "ICESCO", "order": "newest"}).text
    assert '<article class="hit">' in newest
    assert '<option value="newest" selected>' in newest


def test_an_unknown_order_is_a_clear_error_page(client: Client) -> None:
    for params in ({"order": "bogus"}, {"q": "ICESCO", "order": "random"}):
        page = client.get("/", params=params)
        assert page.status_code == 422
        assert page.headers["content-type"].startswith("text/html")
        text = html.unescape(page.text)
        assert "query parameter 'order'" in text and "relevance, newest" in text
    assert client.get("/api/articles", params={"order": "bogus"}).status_code == 422


def test_a_page_past_the_end_says_so_and_links_back(client: Client) -> None:
    total = client.get("/api/stories").json()["total"]
    stories = client.get("/", params={"offset": 100000}).text
    assert f"Latest stories <small>({total})</small>" in stories
    assert "No stories yet" not in stories
    assert (
        "No more stories on this page" in stories
        and '<a href="/">Back to the first page' in stories
    )
    found = client.get("/api/articles", params={"q": "ICESCO"}).json()["total"]
    results = client.get("/", params={"q": "ICESCO", "offset": 10000}).text
    assert f"<h2>{found} articles" in results and "Nothing found" not in results
    assert "No more results on this page" in results
    assert '<a href="/?q=ICESCO">Back to the first page</a>' in results
    nothing = client.get("/", params={"q": "zzzqqqxxx"}).text
    assert "Nothing found" in nothing and "No more results" not in nothing


# -- right-to-left text ------------------------------------------------------------------

ARABIC = {
    "url": "https://arabic.example.org/news/icesco-rabat",
    "title": "المدير العام للإيسيسكو يستقبل وزير الثقافة الأذربيجاني في الرباط",
    "text": "استقبل الدكتور سالم بن محمد المالك، المدير العام لمنظمة الإيسيسكو، في مقر "
    "المنظمة بالرباط وزير الثقافة الأذربيجاني. وبحث الجانبان سبل التعاون في مجالات "
    "التربية والعلوم والثقافة وحماية التراث.",
    "published": "2024-03-05T10:00:00+00:00",
    "language": "ar",
}


def test_arabic_titles_snippets_and_bodies_run_right_to_left(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    app = build(Settings(config=str(write_config(tmp_path)), database_url=url))
    try:
        assert app.pipeline.ingest(numbered([json.dumps(ARABIC, ensure_ascii=False)])).stored == 1
        client = Client(create_api(app))
        hit = client.get("/api/articles", params={"q": "الرباط"}).json()["items"][0]
        title = esc(ARABIC["title"])
        home = client.get("/").text
        assert f'<h3 dir="auto" lang="ar"><a href="/stories/{hit["story_id"]}">{title}' in home
        results = client.get("/", params={"q": "الرباط"}).text
        assert f'<h3 dir="auto" lang="ar"><a href="/articles/{hit["id"]}">{title}' in results
        assert '<p class="snippet" dir="auto" lang="ar">' in results
        assert 'name="q" type="search" dir="auto"' in results
        article = client.get(f"/articles/{hit['id']}").text
        assert f'<h1 dir="auto" lang="ar">{title}</h1>' in article
        assert '<div class="body" dir="auto" lang="ar">' in article
        story = client.get(f"/stories/{hit['story_id']}").text
        assert f'<h1 dir="auto" lang="ar">{title}</h1>' in story
        assert '<p class="summary" dir="auto" lang="ar">' in story
        assert f'<a href="/articles/{hit["id"]}" dir="auto" lang="ar">{title}</a>' in story
    finally:
        app.close()


PHONE = 390  # px, the width of a common phone
# headless Chromium lays pages out at least 500 px wide: the copy of the page is held to
# the phone's width instead (both are under the style sheet's 40rem, so the same rules
# apply), and a script lists what reaches past it
MEASURE = f"""<style>html {{ width: {PHONE}px; }}</style>
<script>
const wide = [...document.querySelectorAll("main *")].filter(
  e => e.getBoundingClientRect().right > {PHONE} + 0.5);
document.body.setAttribute("data-too-wide", wide.map(e => e.tagName).join(" ") || "none");
</script>"""


@pytest.mark.chromium
@pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium is not installed (Debian: apt-get install chromium)"
)
def test_the_filters_fit_a_phone_in_headless_chromium(tmp_path: Path) -> None:
    """The page of a search with its filters open, with the real style sheet, laid out
    by Chromium for a phone: nothing wider than the screen (a script added to a copy
    of the page measures it; the page itself has none)."""
    url = f"sqlite:///{tmp_path / 'm.db'}"
    app = build(Settings(config=str(write_config(tmp_path)), database_url=url))
    long_outlet = {  # the outlets' menu is as wide as the longest name in the archive
        "url": "https://azertag.example/en/xeber/icesco-1",
        "source": "Azerbaijan State News Agency AZERTAC, English service",
        "title": "ICESCO Director General visits Baku",
        "text": "ICESCO Director General Salim AlMalik visited Baku for talks on heritage.",
        "published": "2024-03-05T10:00:00+00:00",
    }
    try:
        assert app.pipeline.ingest(numbered([json.dumps(long_outlet)])).stored == 1
        with running(app) as server:
            page = httpx.get(f"{server}/", params={"q": "ICESCO", "topic": "icesco"}).text
            css = httpx.get(f"{server}/static/style.css").text
    finally:
        app.close()
    assert long_outlet["source"] in page
    assert '<details class="filters" open>' in page
    page = page.replace('<link rel="stylesheet" href="/static/style.css">', f"<style>{css}</style>")
    copy = tmp_path / "page.html"
    copy.write_text(page.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    dom = chromium(
        tmp_path, "--window-size=500,844", "--virtual-time-budget=3000", "--dump-dom", copy.as_uri()
    ).stdout
    too_wide = re.search(r'data-too-wide="([^"]*)"', dom)
    assert too_wide is not None, dom[-500:]
    assert too_wide.group(1) == "none"


def test_the_api_page_lists_every_route_without_a_cdn(client: Client) -> None:
    """The header's API link leads to a page served by the monitor itself (no script, no
    CDN), made from the OpenAPI document: every route, with its parameters."""
    index = client.get("/").text
    assert '<a href="/api">API</a>' in index and 'href="/docs"' not in index
    page = client.get("/api")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<script" not in page.text and "cdn." not in page.text.lower()
    document = client.get("/openapi.json").json()
    for path, methods in document["paths"].items():
        for method in methods:
            assert f"<code>{method.upper()} {path}</code>" in page.text, (method, path)
    assert "<code>event_type</code>" in page.text and "One of: meeting" in page.text
    assert "``" not in page.text  # a docstring's literals are shown as code
