"""Atom feeds per topic and per alert rule, read back with feedparser as a feed reader
would: well-formed (bozo false), one entry per story, newest first, stable ids, the
earliest article as the link and every other outlet as a related link."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest
from test_api import HOSTILE_TITLE, Client, filled_app, write_config

from monitor.api import create_api
from monitor.app import App, build
from monitor.feeds import EMPTY_UPDATED, FeedSpec, atom_feed
from monitor.settings import Settings


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    folder = tmp_path_factory.mktemp("feeds")
    app = filled_app(folder, f"sqlite:///{folder / 'storage' / 'monitor.db'}")
    yield app
    app.close()


@pytest.fixture
def client(archive: App) -> Client:
    return Client(create_api(archive))


def read(client: Client, name: str, **params: str) -> feedparser.FeedParserDict:
    response = client.get(f"/feeds/{name}.atom", params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def stories(client: Client, **params: str) -> list[dict]:
    return client.get("/api/stories", params={"limit": 200, **params}).json()["items"]


def test_topic_feed_has_one_entry_per_story_newest_first(client: Client) -> None:
    feed = read(client, "icesco")
    expected = stories(client, topic="icesco")
    assert feed.feed.title == "monitor: icesco"
    assert feed.feed.id.startswith("tag:")
    assert any(link.rel == "self" for link in feed.feed.links)
    assert [e.id for e in feed.entries] == [
        f"tag:github.com,2024:monitor/story/{s['id']}" for s in expected
    ]
    published = [e.published_parsed for e in feed.entries if "published_parsed" in e]
    assert published == sorted(published, reverse=True)
    for entry, story in zip(feed.entries, expected, strict=True):
        assert entry.title == story["headline"]
        assert entry.link == story["outlets"][0]["url"]  # the earliest article
        related = [link.href for link in entry.links if link.rel == "related"]
        assert related == [o["url"] for o in story["outlets"][1:]]
        assert entry.updated_parsed
        assert story["event_type"].replace("_", " ") in entry.summary
        for outlet in story["sources"]:
            assert outlet in entry.summary


def test_a_story_told_by_three_outlets_links_all_three(client: Client) -> None:
    feed = read(client, "icesco")
    entry = next(e for e in feed.entries if "/news/amb-" in e.link)
    hrefs = [link.href for link in entry.links if link.rel in ("alternate", "related")]
    assert len(hrefs) == 3
    titles = {link.get("title") for link in entry.links if link.rel in ("alternate", "related")}
    assert titles == {"News.az", "apa.az", "report.az"}
    assert any(link.rel == "via" and "/stories/" in link.href for link in entry.links)


def test_alert_rule_feed_selects_what_the_rule_selects(client: Client) -> None:
    feed = read(client, "icesco-meetings")
    expected = stories(client, topic="icesco", event_type="meeting")
    assert expected
    assert len(feed.entries) == len(expected)
    assert all("meeting" in e.summary for e in feed.entries)
    assert "alert rule" in feed.feed.title


def test_a_topic_wins_over_an_alert_rule_of_the_same_name(client: Client) -> None:
    # sources.toml in the tests has a rule "icesco" for awards only; the topic has more
    assert len(read(client, "icesco").entries) > len(stories(client, event_type="award"))


def test_unknown_feed_is_404_naming_the_feeds(client: Client) -> None:
    response = client.get("/feeds/nope.atom")
    assert response.status_code == 404
    message = response.json()["error"]
    assert "icesco (topic)" in message and "icesco-meetings (alert rule)" in message


def test_ids_do_not_depend_on_the_address_used(archive: App) -> None:
    api = create_api(archive)
    first = feedparser.parse(Client(api).get("/feeds/icesco.atom").content)

    other = Client(api)
    other_response = other.get(
        "http://192.168.1.20:8080/feeds/icesco.atom", headers={"host": "192.168.1.20:8080"}
    )
    second = feedparser.parse(other_response.content)
    assert [e.id for e in first.entries] == [e.id for e in second.entries]
    assert first.feed.id == second.feed.id


def test_limit_etag_and_head(client: Client) -> None:
    assert len(read(client, "icesco", limit="2").entries) == 2
    response = client.get("/feeds/icesco.atom")
    etag = response.headers["etag"]
    again = client.get("/feeds/icesco.atom", headers={"If-None-Match": etag})
    assert again.status_code == 304 and not again.content
    assert client.request("HEAD", "/feeds/icesco.atom").status_code == 200


def test_scraped_text_is_escaped_in_the_feed(client: Client) -> None:
    feed = read(client, "icesco")
    hostile = [e for e in feed.entries if "alert(1)" in e.title]
    assert hostile, [e.title for e in feed.entries]
    raw = client.get("/feeds/icesco.atom").text
    assert "<script>" not in raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in raw
    assert hostile[0].title == HOSTILE_TITLE


def test_characters_xml_cannot_hold_are_dropped() -> None:
    story = {
        "id": 7,
        "headline": "bell\x07 and nul\x00 and \ufffe end",
        "event_type": "meeting",
        "participants": [{"name": "A\x0bB"}],
        "sources": ["Out\x01let"],
        "outlets": [{"outlet": "Out\x01let", "url": "https://example.org/a?x=1&y=\x02"}],
        "first_published": datetime(2024, 1, 31, 9, tzinfo=UTC),
        "updated_at": "2024-02-01T10:00:00+00:00",
        "summary": "text <b>bold</b> & more",
    }
    body = atom_feed(
        FeedSpec("topic", "t&<x>", "monitor: t&<x>", topics=("t&<x>",)),
        [story],
        self_url="http://h/feeds/t.atom",
        base_url="http://h",
        authority="example.org",
    )
    parsed = feedparser.parse(body)
    assert not parsed.bozo, parsed.get("bozo_exception")
    entry = parsed.entries[0]
    assert entry.title == "bell and nul and  end"
    assert entry.link == "https://example.org/a?x=1&y="
    assert "<b>bold</b> & more" in entry.summary
    assert parsed.feed.title == "monitor: t&<x>"
    assert entry.updated.startswith("2024-02-01T10:00:00")


def test_an_empty_feed_is_still_valid(tmp_path: Path) -> None:
    body = atom_feed(
        FeedSpec("alert", "quiet", "monitor: alert rule quiet"),
        [],
        self_url="http://h/feeds/quiet.atom",
        base_url="http://h",
        authority="example.org",
    )
    parsed = feedparser.parse(body)
    assert not parsed.bozo and parsed.entries == [] and parsed.feed.updated == EMPTY_UPDATED


def test_if_none_match_is_read_as_a_list_of_tags_or_a_star(client: Client) -> None:
    etag = client.get("/feeds/icesco.atom").headers["etag"]
    other = '"0123456789abcdef0123456789abcdef"'
    for header in ("*", etag, f"{other}, {etag}", f"W/{etag}", f" {other} ,W/{etag} "):
        again = client.get("/feeds/icesco.atom", headers={"If-None-Match": header})
        assert again.status_code == 304 and not again.content, header
        assert again.headers["etag"] == etag, header
    for header in (other, etag[:-2] + '"', f'"x{etag[1:]}', etag.strip('"'), ""):
        answer = client.get("/feeds/icesco.atom", headers={"If-None-Match": header})
        assert answer.status_code == 200 and answer.content, header
    head = client.request("HEAD", "/feeds/icesco.atom", headers={"If-None-Match": "*"})
    assert head.status_code == 304


def test_an_empty_feed_keeps_its_etag_so_readers_get_304(tmp_path: Path) -> None:
    app = build(
        Settings(config=str(write_config(tmp_path)), database_url=f"sqlite:///{tmp_path}/m.db")
    )
    try:
        client = Client(create_api(app))
        first = client.get("/feeds/icesco.atom")
        parsed = feedparser.parse(first.content)
        assert not parsed.bozo and parsed.entries == []
        assert parsed.feed.updated == EMPTY_UPDATED == "2024-01-01T00:00:00Z"
        etag = first.headers["etag"]
        again = client.get("/feeds/icesco.atom", headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.headers["etag"] == etag
    finally:
        app.close()
