"""The HTTP API against a real archive (SQLite file; PostgreSQL too) filled through the
real ingest path: every endpoint, pagination, filters, exports, the token, metrics, and a
table of hostile parameter values that must never make a 500."""

from __future__ import annotations

import asyncio
import csv
import dataclasses
import io
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine

from monitor import api as api_module
from monitor.api import create_api
from monitor.app import App, build
from monitor.classify import EVENT_TYPES
from monitor.errors import StoreError
from monitor.export import EXPORT_FIELDS
from monitor.pipeline import numbered
from monitor.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "sources.toml"
STORIES = ROOT / "tests" / "fixtures" / "stories" / "articles.jsonl"
INGEST = ROOT / "tests" / "fixtures" / "ingest" / "articles.jsonl"
HOSTILE_TITLE = '<script>alert(1)</script> ICESCO & "friends" <b>unclosed'
HOSTILE_BODY = (
    "ICESCO <script>alert(1)</script> held a <img src=x onerror=alert(2)> session in Rabat "
    "with the Director General AlMalik. ]]> <!-- comment --> & done."
)

EXTRA_CONFIG = """

[[topics]]
name = "culture"
any = ["Culture Minister", "cultural heritage"]

[channels.hook]
type = "webhook"
url = "http://127.0.0.1:9/hook"
format = "standard"
secret_env = "MONITOR_TEST_WEBHOOK_SECRET"

[[alerts]]
name = "icesco-meetings"
topics = ["icesco"]
events = ["meeting"]
channels = ["hook"]

[[alerts]]
name = "icesco"  # the same name as the topic: /feeds/icesco.atom is the topic's
topics = ["icesco"]
events = ["award"]
channels = ["hook"]
"""


def story_records() -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in STORIES.read_text(encoding="utf-8").splitlines()]
    return [
        {
            "url": f"https://{r['outlet']}/news/{r['id']}",
            "title": r["title"],
            "text": r["text"],
            "published": r["published"],
            "language": r["language"],
        }
        for r in rows
    ]


def hostile_record() -> dict[str, Any]:
    return {
        "url": "https://news.az/news/hostile-title",
        "title": HOSTILE_TITLE,
        "text": HOSTILE_BODY,
        "published": "2024-05-02T10:00:00+00:00",
        "language": "en",
    }


def write_config(folder: Path) -> Path:
    path = folder / "sources.toml"
    path.write_text(SHIPPED.read_text(encoding="utf-8") + EXTRA_CONFIG, encoding="utf-8")
    return path


def filled_app(folder: Path, database_url: str) -> App:
    """An App over a real archive holding both fixture files and one hostile article."""
    app = build(Settings(config=str(write_config(folder)), database_url=database_url))
    lines = [json.dumps(r, ensure_ascii=False) for r in [*story_records(), hostile_record()]]
    lines += INGEST.read_text(encoding="utf-8").splitlines()
    report = app.pipeline.ingest(numbered(lines))
    assert report.rejected == 0, report.errors
    assert report.stored >= 15
    return app


class Client:
    """A synchronous face over httpx's in-process ASGI transport."""

    def __init__(self, app: Any, headers: dict[str, str] | None = None) -> None:
        self.app = app
        self.headers = headers or {}

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        async def go() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(
                transport=transport, base_url="http://testserver", headers=self.headers
            ) as client:
                return await client.request(method, url, **kwargs)

        return asyncio.run(go())

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    folder = tmp_path_factory.mktemp("api")
    app = filled_app(folder, f"sqlite:///{folder / 'storage' / 'monitor.db'}")
    yield app
    app.close()


@pytest.fixture
def client(archive: App) -> Client:
    return Client(create_api(archive))


def all_items(client: Client, path: str, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    offset: int | None = 0
    while offset is not None:
        page = client.get(path, params={**params, "offset": offset, "limit": 200}).json()
        items += page["items"]
        offset = page["next_offset"]
    return items


# -- OpenAPI -----------------------------------------------------------------------------

API_PATHS = {
    "/api/articles",
    "/api/articles.csv",
    "/api/articles.jsonl",
    "/api/articles/{article_id}",
    "/api/coverage",
    "/api/stories",
    "/api/stories/{story_id}",
    "/api/sources",
    "/feeds/{name}.atom",
    "/healthz",
    "/metrics",
}
# the corrections (tests/test_api_corrections.py): the only routes that change the archive
WRITE_PATHS = {
    "/api/stories/{story_id}/split": 201,
    "/api/stories/join": 200,
}


def test_openapi_document_lists_every_route_with_its_models(client: Client) -> None:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    doc = response.json()
    assert doc["openapi"].startswith("3.")
    assert doc["info"]["title"] == "monitor"
    # the web pages stay out of the API document
    assert set(doc["paths"]) == API_PATHS | set(WRITE_PATHS)
    for path, operations in doc["paths"].items():
        method, answer = ("post", str(WRITE_PATHS[path])) if path in WRITE_PATHS else ("get", "200")
        assert set(operations) == {method}, path
        operation = operations[method]
        assert operation["summary"] and operation["responses"][answer], path
    for path in WRITE_PATHS:
        answers = doc["paths"][path]["post"]["responses"]
        assert set(answers) >= {"401", "403", "404", "422"}, path
        assert answers[str(WRITE_PATHS[path])]["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/Correction"
        }
    schemas = doc["components"]["schemas"]
    for model in ("Article", "ArticlePage", "ArticleHit", "Coverage", "Story", "StoryPage"):
        assert model in schemas
    assert "Problem" in schemas
    article = doc["paths"]["/api/articles/{article_id}"]["get"]
    assert set(article["responses"]) >= {"200", "404", "422"}
    names = {p["name"] for p in doc["paths"]["/api/articles"]["get"]["parameters"]}
    assert names == {
        "q",
        "topic",
        "source",
        "event_type",
        "language",
        "since",
        "until",
        "order",
        "limit",
        "offset",
    }
    counted = doc["paths"]["/api/coverage"]["get"]
    assert {p["name"] for p in counted["parameters"]} == names - {"order", "limit", "offset"}
    assert counted["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Coverage"
    }
    assert set(schemas["Coverage"]["properties"]) >= {"days", "series", "total"}
    assert set(schemas["CoverageSeries"]["properties"]) >= {"outlet", "counts"}
    # every $ref points at a schema that exists
    refs = re.findall(r'"\$ref": ?"#/components/schemas/([^"]+)"', json.dumps(doc))
    assert refs and set(refs) <= set(schemas)


SCHEMA_VALID_TIMES = [
    "2024-05-02",
    "2024-05-02T10:00:00Z",
    "2024-05-02T10:00:00.250+04:00",
    "2024-05-02t10:00:00z",
    "2024-05-02T10:00:00-00:00",
]


def test_the_schema_declares_the_event_types_and_date_formats_the_server_reads(
    client: Client,
) -> None:
    doc = client.get("/openapi.json").json()
    for path in ("/api/articles", "/api/articles.csv", "/api/coverage", "/api/stories"):
        params = {p["name"]: p["schema"] for p in doc["paths"][path]["get"]["parameters"]}
        (kinds,) = [s for s in params["event_type"]["anyOf"] if s["type"] == "string"]
        assert kinds["enum"] == list(EVENT_TYPES), path
        for name in {"since", "until"} & set(params):
            formats = {s.get("format") for s in params[name]["anyOf"] if s["type"] == "string"}
            assert formats == {"date", "date-time"}, (path, name)
    for kind in EVENT_TYPES:  # every value the schema allows is accepted
        for path in ("/api/articles", "/api/stories"):
            assert client.get(path, params={"event_type": kind}).status_code == 200, kind
    for when in SCHEMA_VALID_TIMES:
        for path in ("/api/articles", "/api/coverage", "/api/stories"):
            response = client.get(path, params={"since": when})
            assert response.status_code == 200, (path, when, response.text)
        assert client.get("/api/articles", params={"until": when}).status_code == 200, when


def test_a_year_a_month_or_a_day_is_a_period_not_a_unix_time(client: Client) -> None:
    """``since`` is the period's start and ``until`` its end: the whole period is in."""

    def total(**params: str) -> int:
        response = client.get("/api/articles", params=params)
        assert response.status_code == 200, response.text
        return int(response.json()["total"])

    assert total(since="2024") == total(since="2024-01-01") > 0
    assert total(until="2024-05") == total(until="2024-05-31") == total(until="2024-06-01T00:00Z")
    whole = total(since="2024", until="2024")
    assert whole == total(since="2024-01-01", until="2024-12-31") > 0
    assert whole == total(since="2024-01-01T00:00Z", until="2025-01-01T00:00Z")
    day = client.get("/api/articles", params={"since": "2023-12-16", "until": "2023-12-16"})
    assert [i["published"][:10] for i in day.json()["items"]] == ["2023-12-16"]
    bad = client.get("/api/articles", params={"since": "soonish"}).json()["error"]
    assert "query parameter 'since'" in bad and "expected a date like 2026-01-31" in bad


# -- articles ----------------------------------------------------------------------------


def test_search_finds_ranked_articles_with_marked_snippets(client: Client) -> None:
    page = client.get("/api/articles", params={"q": "Bayramov"}).json()
    assert page["total"] >= 2
    assert page["offset"] == 0 and page["limit"] == 20
    scores = [item["score"] for item in page["items"]]
    assert scores == sorted(scores, reverse=True)
    item = page["items"][0]
    assert any(p["match"] and "Bayramov" in p["text"] for p in item["snippet_parts"])
    assert item["snippet"] == "".join(p["text"] for p in item["snippet_parts"])
    assert item["url"].startswith("https://")


def test_listing_without_query_is_newest_first(client: Client) -> None:
    items = all_items(client, "/api/articles")
    assert len(items) >= 15
    dated = [i["published"] for i in items if i["published"]]
    assert dated == sorted(dated, reverse=True)


def test_pages_cover_the_results_once(client: Client) -> None:
    first = client.get("/api/articles", params={"q": "ICESCO", "limit": 3}).json()
    total = first["total"]
    assert total > 6 and first["next_offset"] == 3
    seen: list[int] = []
    offset: int | None = 0
    while offset is not None:
        page = client.get("/api/articles", params={"q": "ICESCO", "limit": 3, "offset": offset})
        body = page.json()
        assert body["total"] == total
        seen += [item["id"] for item in body["items"]]
        offset = body["next_offset"]
    assert len(seen) == len(set(seen)) == total
    past = client.get("/api/articles", params={"q": "ICESCO", "offset": total + 5}).json()
    assert past["items"] == [] and past["next_offset"] is None and past["total"] == total


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"source": "Trend"}, lambda i: i["source"] == "Trend"),
        ({"language": "ru"}, lambda i: i["language"] == "ru"),
        ({"event_type": "meeting"}, lambda i: i["event_type"] == "meeting"),
        # in any case, as `monitor search` takes them
        ({"source": "trend"}, lambda i: i["source"] == "Trend"),
        ({"language": "RU"}, lambda i: i["language"] == "ru"),
        ({"event_type": "MEETING"}, lambda i: i["event_type"] == "meeting"),
        ({"topic": "culture"}, lambda i: "culture" in i["topics"]),
        ({"q": "ICESCO", "topic": "icesco"}, lambda i: "icesco" in i["topics"]),
        (
            {"since": "2024-01-01", "until": "2024-01-31"},
            lambda i: "2024-01-01" <= i["published"][:10] <= "2024-01-31",
        ),
    ],
)
def test_filters_narrow_the_search(client: Client, params: dict[str, str], check: Any) -> None:
    items = all_items(client, "/api/articles", **params)
    assert items, params
    assert all(check(i) for i in items), params
    assert len(items) < len(all_items(client, "/api/articles"))


def test_newest_order(client: Client) -> None:
    items = client.get("/api/articles", params={"q": "ICESCO", "order": "newest"}).json()["items"]
    dated = [i["published"] for i in items]
    assert dated == sorted(dated, reverse=True)


def test_one_article_has_its_body_urls_and_outlets(client: Client) -> None:
    hits = client.get("/api/articles", params={"q": '"headquarters hosts"'}).json()["items"]
    syndicated = next(h for h in hits if h["source"] == "Trend")
    article = client.get(f"/api/articles/{syndicated['id']}").json()
    assert article["id"] == syndicated["id"]
    assert article["sources"] == ["Trend", "menafn.com"]
    assert len(article["urls"]) == 2
    assert article["body"] and article["content_hash"]
    assert set(article) == set(EXPORT_FIELDS)
    assert article["story_id"] == syndicated["story_id"]


def test_coverage_counts_a_syndicated_copy_once(client: Client) -> None:
    window = {"since": "2023-12-15", "until": "2023-12-17"}
    expected = {
        "days": ["2023-12-15", "2023-12-16", "2023-12-17"],
        "series": [{"outlet": "Trend", "other": False, "total": 1, "counts": [0, 1, 0]}],
        "total": 1,
        "outlets": 1,
    }
    for source in ("Trend", "menafn.com"):  # menafn.com ran Trend's concert story
        response = client.get("/api/coverage", params={**window, "source": source})
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/json")
        assert response.json() == expected
    listed = client.get("/api/articles", params={**window, "source": "menafn.com"}).json()
    assert listed["total"] == 1


def test_coverage_agrees_with_the_search_it_counts(client: Client) -> None:
    for params in ({"q": "ICESCO"}, {"topic": "culture"}, {"language": "ru"}, {"q": "-ICESCO"}):
        window = {**params, "since": "2022-01-01", "until": "2025-05-31"}
        counted = client.get("/api/coverage", params=window).json()
        assert len(counted["days"]) == 366 and counted["days"][-1] == "2025-05-31"
        total = client.get("/api/articles", params={**window, "since": "2024-06-01"}).json()
        assert counted["total"] == total["total"] > 0, params
        assert sum(sum(s["counts"]) for s in counted["series"]) == counted["total"]


@pytest.mark.parametrize(
    "params",
    [
        {"since": "soon"},
        {"since": "2024-02-01", "until": "2024-01-01"},
        {"topic": "nope"},
        {"event_type": "party"},
        {"q": "\x00"},
        {"q": "x" * 501},
        {"q": " ".join(f"w{i}" for i in range(40))},
        {"source": "\x00"},
        {"language": "x" * 50},
    ],
)
def test_coverage_rejects_what_the_search_rejects(client: Client, params: dict[str, str]) -> None:
    counted = client.get("/api/coverage", params=params)
    searched = client.get("/api/articles", params=params)
    assert counted.status_code == searched.status_code in (404, 422)
    assert counted.json() == searched.json()


@pytest.mark.parametrize("path", ["/api/articles/999999", "/api/stories/999999"])
def test_unknown_ids_are_404_json(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/json")
    assert "999999" in response.json()["error"]


# -- stories -----------------------------------------------------------------------------


def test_stories_list_every_outlet(client: Client) -> None:
    stories = all_items(client, "/api/stories")
    assert len(stories) >= 8
    firsts = [s["first_published"] for s in stories if s["first_published"]]
    assert firsts == sorted(firsts, reverse=True)
    ambassador = next(s for s in stories if "/news/amb-" in s["outlets"][0]["url"])
    assert ambassador["article_count"] == 3
    assert {o["outlet"] for o in ambassador["outlets"]} == {"News.az", "apa.az", "report.az"}
    concert = next(s for s in stories if "menafn.com" in s["sources"])
    assert concert["sources"] == ["Trend", "menafn.com"]  # the syndicated copy counts
    assert concert["article_count"] == 1


def test_one_story_by_id(client: Client) -> None:
    listed = client.get("/api/stories", params={"limit": 1}).json()
    assert listed["total"] >= 8 and listed["next_offset"] == 1
    story = client.get(f"/api/stories/{listed['items'][0]['id']}").json()
    # one story is the listed one, with the stories a split keeps it apart from (none)
    assert story == {**listed["items"][0], "kept_apart_from": []}
    assert story["articles"] and story["outlets"] and story["headline"]


def test_story_filters(client: Client) -> None:
    meetings = all_items(client, "/api/stories", event_type="meeting")
    assert meetings and all(s["event_type"] == "meeting" for s in meetings)
    carried = all_items(client, "/api/stories", source="menafn.com")
    assert len(carried) == 1
    culture = all_items(client, "/api/stories", topic="culture")
    assert culture and all("culture" in s["topics"] for s in culture)
    assert client.get("/api/stories", params={"topic": "nope"}).status_code == 404


# -- sources -----------------------------------------------------------------------------


def test_sources_show_health(archive: App, client: Client) -> None:
    now = datetime(2025, 3, 1, 12, tzinfo=UTC)
    archive.store.record_poll("Trend", ok=True, error=None, found=2, now=now)
    archive.store.record_poll("News.az", ok=False, error="HTTP 503", found=0, now=now)
    sources = {s["name"]: s for s in client.get("/api/sources").json()}
    assert {"Azernews", "Trend", "News.az"} <= set(sources)
    assert sources["Trend"]["last_success_at"].startswith("2025-03-01T12:00:00")
    assert sources["News.az"]["consecutive_failures"] >= 1
    assert sources["News.az"]["last_error"] == "HTTP 503"
    assert sources["Trend"]["configured"] and sources["Trend"]["enabled"]


# -- exports -----------------------------------------------------------------------------


@pytest.mark.parametrize("page_size", [200, 3])
def test_csv_export_holds_the_whole_search(
    client: Client, monkeypatch: pytest.MonkeyPatch, page_size: int
) -> None:
    monkeypatch.setattr(api_module, "EXPORT_PAGE", page_size)
    total = client.get("/api/articles", params={"q": "ICESCO"}).json()["total"]
    response = client.get("/api/articles.csv", params={"q": "ICESCO"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == list(EXPORT_FIELDS)
    assert len(rows) == total
    assert len({r["id"] for r in rows}) == total
    assert all(r["body"] for r in rows)


def test_jsonl_export_and_its_limit(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api_module, "EXPORT_PAGE", 4)
    response = client.get("/api/articles.jsonl", params={"order": "newest"})
    assert response.headers["content-type"].startswith("application/x-ndjson")
    rows = [json.loads(line) for line in response.text.splitlines()]
    assert len(rows) == client.get("/api/articles").json()["total"]
    assert all(set(r) == set(EXPORT_FIELDS) for r in rows)
    limited = client.get("/api/articles.jsonl", params={"limit": 5, "order": "newest"})
    assert [json.loads(line)["id"] for line in limited.text.splitlines()] == [
        r["id"] for r in rows[:5]
    ]


def test_bad_export_parameters_fail_before_streaming(client: Client) -> None:
    for params in ({"since": "yesterday-ish"}, {"topic": "nope"}, {"limit": 0}):
        response = client.get("/api/articles.csv", params=params)
        assert response.status_code in (404, 422)
        assert "error" in response.json()


# -- health, metrics, token --------------------------------------------------------------


def unreachable(archive: App, database_url: str) -> App:
    """The app with its store pointed at an archive that cannot be reached (a plain
    engine: the store's own would create a SQLite file's folder)."""
    broken = dataclasses.replace(archive)
    broken_store = type(archive.store).__new__(type(archive.store))
    broken_store.__dict__.update(archive.store.__dict__)
    broken_store.engine = create_engine(database_url)
    broken.store = broken_store
    return broken


def test_healthz_is_200_and_503_when_the_archive_is_gone(archive: App, tmp_path: Path) -> None:
    assert Client(create_api(archive)).get("/healthz").json()["status"] == "ok"
    missing = tmp_path / "no" / "such" / "dir" / "m.db"
    client = Client(create_api(unreachable(archive, f"sqlite:///{missing}")))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    for path in ("/api/articles", "/api/stories", "/api/articles/1", "/metrics", "/"):
        response = client.get(path)
        assert response.status_code == 503, path


ARCHIVE_ROUTES = [
    "/api/articles",
    "/api/articles.csv",
    "/api/coverage",
    "/api/articles/1",
    "/api/stories",
    "/api/stories/1",
    "/api/sources",
    "/feeds/icesco.atom",
    "/metrics",
]
PAGES = ["/", "/?q=ICESCO", "/articles/1", "/stories/1", "/sources"]


@pytest.mark.parametrize(
    "database_url",
    [
        "sqlite:////proc/no/such/dir/m.db",  # a folder no one can create
        "postgresql+psycopg://postgres@127.0.0.1:1/monitor?connect_timeout=2",  # nothing listens
    ],
    ids=["sqlite", "postgresql"],
)
def test_every_route_is_503_when_the_archive_is_unreachable(
    archive: App, database_url: str
) -> None:
    client = Client(create_api(unreachable(archive, database_url)))
    for path in ARCHIVE_ROUTES:
        response = client.get(path)
        assert response.status_code == 503, (path, response.text[:200])
        assert response.json() == {
            "error": "the archive is unavailable; try again later",
            "status": 503,
        }, path
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 503, (path, response.text[:200])
        assert response.headers["content-type"].startswith("text/html"), path
        assert "the archive is unavailable" in response.text, path


def test_the_stores_reads_say_the_archive_is_unavailable(archive: App) -> None:
    store = unreachable(archive, "sqlite:////proc/no/such/dir/m.db").store
    reads = [
        store.source_health,
        lambda: store.source_health("Trend"),
        lambda: store.recent_counts(datetime(2024, 1, 1, tzinfo=UTC)),
        store.count_articles,
        lambda: store.unseen(["https://en.trend.az/a"]),
        lambda: store.known_url_keys(["https://en.trend.az/a"]),
        lambda: store.http_validators(["https://en.trend.az/a"]),
        lambda: list(store.iter_articles()),
        lambda: store.sync_sources([("Trend", "https://en.trend.az/")]),
    ]
    for read in reads:
        with pytest.raises(StoreError, match="cannot (read|write)"):
            read()


SAMPLE = re.compile(r'^([a-z_]+)(\{([a-z_]+="(?:[^"\\]|\\.)*",?)*\})? (-?[0-9.e+]+)$')


def parse_metrics(text: str) -> dict[str, list[tuple[str, float]]]:
    """A strict reading of the Prometheus text format: HELP and TYPE before each family,
    every sample `name{labels} value`."""
    families: dict[str, list[tuple[str, float]]] = {}
    typed: set[str] = set()
    assert text.endswith("\n")
    for line in text.splitlines():
        if line.startswith("# HELP "):
            continue
        if line.startswith("# TYPE "):
            _, _, name, kind = line.split(" ")
            assert kind in ("gauge", "counter")
            typed.add(name)
            families.setdefault(name, [])
            continue
        match = SAMPLE.match(line)
        assert match, line
        name = match.group(1)
        assert name in typed, f"{name} has no TYPE line"
        families[name].append((line.rsplit(" ", 1)[0], float(match.group(4))))
    return families


def test_metrics_in_prometheus_format(archive: App, client: Client) -> None:
    client.get("/api/articles/1")
    client.get("/api/articles/999999")
    client.get("/no/such/page")
    families = parse_metrics(client.get("/metrics").text)
    assert families["monitor_articles"][0][1] == archive.store.count_articles()
    assert families["monitor_stories"][0][1] >= 8
    failures = dict(families["monitor_source_consecutive_failures"])
    assert 'monitor_source_consecutive_failures{source="Trend"}' in failures
    assert "monitor_source_last_success_timestamp_seconds" in families
    statuses = dict(families["monitor_outbox_alerts"])
    assert 'monitor_outbox_alerts{status="pending"}' in statuses
    requests = dict(families["monitor_http_requests_total"])
    ok = 'monitor_http_requests_total{route="/api/articles/{article_id}",method="GET",status="200"}'
    missing = ok.replace('"200"', '"404"')
    assert requests[ok] == 1 and requests[missing] == 1
    assert any('route="unmatched"' in key for key in requests)


def test_bearer_token_guards_everything_but_healthz(archive: App) -> None:
    settings = dataclasses.replace(archive.settings, api_token="s3cret-token")
    guarded = create_api(dataclasses.replace(archive, settings=settings))
    anonymous, wrong = Client(guarded), Client(guarded, {"Authorization": "Bearer nope"})
    right = Client(guarded, {"Authorization": "Bearer s3cret-token"})
    paths = ["/api/articles", "/api/stories", "/api/sources", "/api/articles.csv"]
    paths += ["/feeds/icesco.atom", "/metrics", "/", "/sources", "/openapi.json"]
    for path in paths:
        for client in (anonymous, wrong):
            response = client.get(path)
            assert response.status_code == 401, path
            assert response.headers["www-authenticate"].startswith("Bearer")
            if path in ("/", "/sources"):  # a page for people, telling nothing of the archive
                assert response.headers["content-type"].startswith("text/html"), path
                assert "<h1>Not authorised <small>(401)</small></h1>" in response.text
                assert "a bearer token is required" in response.text
                assert "icesco" not in response.text.lower()
            else:
                assert response.json() == {"error": "a bearer token is required", "status": 401}
            assert client.request("HEAD", path).status_code == 401, path
        assert right.get(path).status_code == 200, path
    assert anonymous.get("/healthz").status_code == 200
    basic = Client(guarded, {"Authorization": "Basic czNjcmV0LXRva2Vu"})
    assert basic.get("/api/articles").status_code == 401


# -- hostile parameters ------------------------------------------------------------------

HOSTILE: list[tuple[str, dict[str, Any] | None, int | None]] = [
    # (path, query parameters, expected status or None for "any 2xx/4xx")
    *(
        ("/api/articles", {"q": q}, 200)
        for q in [
            "'",
            '"',
            '"unterminated',
            "*",
            "-",
            "--",
            "OR",
            "NOT",
            "a OR -b",
            "((((",
            "NEAR(a b)",
            "title:ICESCO",
            "^ICESCO",
            "%",
            "\\",
            "🙂",
            "<script>alert(1)</script>",
            "'; DROP TABLE article; --",
            "ICESCO AND",
            "a*" * 30,
            "\u202e\u200b",
            "İSESKO",
        ]
    ),
    ("/api/articles", {"q": "\x00"}, 422),
    ("/api/articles", {"q": "x" * 501}, 422),
    ("/api/articles", {"q": " ".join(f"w{i}" for i in range(40))}, 422),
    *(("/api/articles", {"limit": v}, 422) for v in ["-1", "0", "201", "abc", "1e3", "9" * 30]),
    *(("/api/articles", {"offset": v}, 422) for v in ["-1", "x", "9" * 30, "10000001"]),
    *(
        ("/api/articles", {"since": v}, 422)
        for v in [
            "bad",
            "2024-13-45",
            "0000-00-00",
            "9999-12-31T23:59:59-05:00",
            "1e308",
            "-1e20",
            "NaN",
            "inf",
            "1900-01-01",
            "\x00",
            "x" * 65,
        ]
    ),
    ("/api/articles", {"until": "2024-01-01", "since": "2024-02-01"}, 422),
    ("/api/articles", {"until": "0001-01-01T00:00:00+14:00"}, 422),
    *(
        ("/api/articles", {"topic": v}, 404)
        for v in ["nope", "../etc", "ICESCO", "icesco "[:-1] + "x"]
    ),
    ("/api/articles", {"topic": "\x00"}, 422),
    ("/api/articles", {"topic": "x" * 201}, 422),
    ("/api/articles", {"event_type": "party"}, 422),
    ("/api/articles", {"order": "random"}, 422),
    ("/api/articles", {"source": "\x00"}, 422),
    ("/api/articles", {"source": "'; DROP TABLE article; --"}, 422),
    ("/api/articles", {"language": "x" * 50}, 422),
    ("/api/articles", {"language": "\x1b[31m"}, 422),
    ("/api/articles", {"q": "ICESCO", "limit": "200", "offset": "10000000"}, 200),
    ("/api/articles.csv", {"q": "\x00"}, 422),
    ("/api/coverage", {"q": "'; DROP TABLE article; --"}, 200),
    ("/api/coverage", {"since": "1e308"}, 422),
    ("/api/coverage", {"until": "0001-01-01T00:00:00+14:00"}, 422),
    ("/api/coverage", {"since": "1990-01-02", "until": "9999-12-31"}, 200),
    ("/api/coverage", {"until": "9999-12-31T23:59:59.999999Z"}, 200),
    ("/api/coverage", {"topic": "\x00"}, 422),
    ("/api/articles.jsonl", {"limit": "0"}, 422),
    *(
        (f"/api/articles/{v}", None, code)
        for v, code in [
            ("0", 422),
            ("-1", 422),
            ("abc", 422),
            ("1.5", 422),
            ("9" * 30, 422),
            ("9223372036854775807", 422),
            ("2147483648", 422),
            ("2147483647", 404),
            ("%00", 422),
        ]
    ),
    *((f"/api/stories/{v}", None, code) for v in ["0", "x", "9" * 30] for code in [422]),
    ("/api/stories/2147483647", None, 404),
    ("/api/stories/2147483648", None, 422),
    ("/api/stories", {"since": "not a date"}, 422),
    ("/api/stories", {"event_type": "\x00"}, 422),
    ("/api/stories", {"limit": "500"}, 422),
    ("/api/stories", {"source": "\x00"}, 422),
    ("/feeds/nope.atom", None, 404),
    ("/feeds/%00.atom", None, 404),
    ("/feeds/..%2F..%2Fetc.atom", None, 404),
    ("/feeds/icesco.atom", {"limit": "0"}, 422),
    ("/feeds/" + "x" * 300 + ".atom", None, 422),
    ("/?q=%00", None, 422),
    ("/?offset=-1", None, 422),
    ("/?since=bad", None, 422),
    ("/?topic=nope", None, 404),
    ("/?q=" + "x" * 600, None, 422),
    ("/articles/abc", None, 422),
    ("/articles/999999", None, 404),
    ("/stories/0", None, 422),
    ("/?q=%ED%A0%80&source=%FF", None, 422),
    ("/?source=nope", None, 422),
    ("/api/stories", {"source": "nope"}, 422),
]


def check_hostile(client: Client, path: str, params: dict[str, Any] | None, code: int | None):
    response = client.get(path, params=params)
    assert response.status_code < 500, (path, params, response.text[:300])
    if code is not None:
        assert response.status_code == code, (path, params, response.text[:300])
    if response.status_code >= 400:
        if response.headers["content-type"].startswith("application/json"):
            assert response.json()["error"]
        else:
            assert "<h1>" in response.text
    return response


@pytest.mark.parametrize(("path", "params", "code"), HOSTILE)
def test_hostile_parameters_get_4xx_never_500(
    client: Client, path: str, params: dict[str, Any] | None, code: int | None
) -> None:
    check_hostile(client, path, params, code)


def test_validation_errors_name_the_parameter(client: Client) -> None:
    body = client.get("/api/articles", params={"limit": "abc", "offset": "-3"}).json()
    assert "'limit'" in body["error"] and "'offset'" in body["error"]
    assert {e["parameter"] for e in body["errors"]} == {"limit", "offset"}
    assert "'since'" in client.get("/api/articles", params={"since": "soon"}).json()["error"]
    unknown = client.get("/api/articles", params={"topic": "nope"}).json()["error"]
    assert "nope" in unknown and "icesco" in unknown and "culture" in unknown
    # a parameter the route does not take is named, not ignored
    stray = client.get("/api/stories", params={"until": "2024-08-01"})
    assert stray.status_code == 422 and "unknown query parameter 'until'" in stray.json()["error"]
    assert "since" in stray.json()["error"]  # what the route does take
    twice = client.get("/api/articles", params=[("source", "Trend"), ("source", "APA")])
    assert twice.status_code == 422 and "'source' is given more than once" in twice.json()["error"]
    paged = client.get("/api/articles.csv", params={"q": "ICESCO", "offset": "5"})
    assert paged.status_code == 422 and "'offset'" in paged.json()["error"]
    assert client.get("/", params={"utm_source": "mail"}).status_code == 200  # a shared link
    outlet = client.get("/api/articles", params={"source": "nope"})
    assert outlet.status_code == 422
    assert "'source'" in outlet.json()["error"] and "Trend" in outlet.json()["error"]
    # an outlet no longer configured, known from the articles it left, is no error
    assert all_items(client, "/api/articles", source="MENAFN.COM")


# -- PostgreSQL --------------------------------------------------------------------------


@pytest.mark.postgres
def test_api_runs_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    app = filled_app(tmp_path, pg_url)
    try:
        client = Client(create_api(app))
        assert client.get("/healthz").json() == {
            "status": "ok",
            "archive": "postgresql",
            "version": client.get("/openapi.json").json()["info"]["version"],
        }
        page = client.get("/api/articles", params={"q": "Bayramov", "limit": 2}).json()
        assert page["total"] >= 2 and len(page["items"]) == 2
        assert any(p["match"] for p in page["items"][0]["snippet_parts"])
        article = client.get(f"/api/articles/{page['items'][0]['id']}").json()
        assert article["body"]
        stories = all_items(client, "/api/stories")
        concert = next(s for s in stories if "menafn.com" in s["sources"])
        assert client.get(f"/api/stories/{concert['id']}").json()["sources"] == [
            "Trend",
            "menafn.com",
        ]
        rows = list(csv.DictReader(io.StringIO(client.get("/api/articles.csv").text)))
        assert len(rows) == client.get("/api/articles").json()["total"]
        assert client.get("/api/sources").status_code == 200
        assert client.get("/feeds/icesco.atom").status_code == 200
        parse_metrics(client.get("/metrics").text)
        for path, params, code in HOSTILE:  # NUL bytes and huge ids are PostgreSQL's traps
            check_hostile(client, path, params, code)
    finally:
        app.close()
