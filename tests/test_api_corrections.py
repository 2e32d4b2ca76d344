"""Story corrections through the HTTP API (`POST /api/stories/{id}/split`, `POST
/api/stories/join`): the same person's word as `monitor stories split` and `join`, only
with a token, and a bad request changes nothing (SQLite and PostgreSQL)."""

from __future__ import annotations

import dataclasses
import logging

import pytest
from sqlalchemy import text
from test_api import Client
from test_corrections import _ambassador, _url, alerting_config
from test_reclassify import _run
from test_reclassify import app as app  # the archive of the stories fixture, filed
from test_stories_archive import story_partition

from monitor.api import create_api
from monitor.app import build
from monitor.settings import Settings

TOKEN = "corrections-token"


def _client(app, token: str | None = TOKEN, sent: str | None = TOKEN) -> Client:
    settings = dataclasses.replace(app.settings, api_token=token or "")
    api = create_api(dataclasses.replace(app, settings=settings))
    return Client(api, {"Authorization": f"Bearer {sent}"} if sent else {})


def _apart(app) -> int:
    with app.store.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM story_apart")).scalar_one())


def test_a_story_split_and_joined_through_the_api(app, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="monitor.api")
    before = story_partition(app)
    story, ids = _ambassador(app)
    client = _client(app)
    # one article by URL, as a reader copies it from the story page
    response = client.request(
        "POST", f"/api/stories/{story}/split", json={"articles": [_url(app, ids[-1])]}
    )
    assert response.status_code == 201, response.text
    partition = story_partition(app)
    new = next(s for s, found in partition.items() if found == {ids[-1]})
    assert partition[story] == set(ids[:2]) and _apart(app) == 2
    body = response.json()
    assert body["message"] == f"moved 1 article from story {story} into new story {new}"
    assert body["moved"] == 1
    assert [s["id"] for s in body["stories"]] == [story, new]
    assert [len(s["articles"]) for s in body["stories"]] == [2, 1]
    assert response.headers["location"].endswith(f"/api/stories/{new}")
    assert client.get(response.headers["location"]).json()["id"] == new
    # each story names the other as kept apart, in the API and on its page
    assert [s["kept_apart_from"] for s in body["stories"]] == [[new], [story]]
    assert client.get(f"/api/stories/{story}").json()["kept_apart_from"] == [new]
    page = client.get(f"/stories/{new}").text
    assert f'Kept apart by a correction from <a href="/stories/{story}">story {story}</a>' in page
    # the rules would join them again; the word given through the API holds as the CLI's
    assert "joined 0 into older ones" in _run("--regroup")
    assert story_partition(app) == partition
    joined = client.request("POST", "/api/stories/join", json={"stories": [new, story]})
    assert joined.status_code == 200, joined.text
    assert joined.json()["message"] == f"joined story {new} into story {story}: 1 article moved"
    assert [s["id"] for s in joined.json()["stories"]] == [story]
    assert story_partition(app) == before and _apart(app) == 0
    assert joined.json()["stories"][0]["kept_apart_from"] == []
    assert "Kept apart" not in client.get(f"/stories/{story}").text
    # the operator's log records both corrections, as answered
    logged = [r.getMessage() for r in caplog.records if r.name == "monitor.api"]
    assert logged == [
        f"correction through the API: {body['message']}",
        f"correction through the API: {joined.json()['message']}",
    ]
    # the absorbed story's address leads to the one it went into
    assert client.get(f"/api/stories/{new}", follow_redirects=True).json()["id"] == story


@pytest.mark.parametrize(
    ("path", "body", "status", "message"),
    [
        ("/api/stories/999999/split", {"articles": [1]}, 404, "story 999999 does not exist"),
        ("/api/stories/{story}/split", {"articles": [999999]}, 404, "article 999999 does not"),
        (
            "/api/stories/{story}/split",
            {"articles": ["https://nowhere.example/x"]},
            404,
            "no stored article has the URL https://nowhere.example/x",
        ),
        (
            "/api/stories/{story}/split",
            {"articles": ["{other_article}"]},
            422,
            "is in story {other}, not in story {story}",
        ),
        (
            "/api/stories/{story}/split",
            {"articles": ["{a}", "{b}", "{c}"]},
            422,
            "those are all the articles of story {story}",
        ),
        ("/api/stories/{story}/split", {"articles": []}, 422, "articles"),
        ("/api/stories/join", {"stories": ["{story}"]}, 422, "stories"),
        (
            "/api/stories/join",
            {"stories": ["{story}", "{story}"]},
            422,
            "name at least two different stories",
        ),
        ("/api/stories/join", {"stories": ["{story}", 999999]}, 404, "story 999999 does not"),
        ("/api/stories/join", {"stories": [10**30, "{story}"]}, 422, "stories"),
        ("/api/stories/{story}/split", {"articles": [10**30]}, 404, f"article {10**30} does not"),
        # an id below 1 is no id, nor a URL
        (
            "/api/stories/{story}/split",
            {"articles": [-1]},
            422,
            "an article id is 1 or more, not -1",
        ),
    ],
)
def test_a_bad_correction_through_the_api_names_what_is_wrong_and_changes_nothing(
    app, path: str, body: dict, status: int, message: str
) -> None:
    before = story_partition(app)
    story, _ = _ambassador(app)
    other = next(s for s in before if s != story)
    with app.store.engine.connect() as conn:
        stories = dict(conn.execute(text("SELECT id, story_id FROM article ORDER BY id")).all())
    mine = [a for a, s in stories.items() if s == story]
    values = {
        "story": story,
        "other": other,
        "other_article": next(a for a, s in stories.items() if s == other),
        "a": mine[0],
        "b": mine[1],
        "c": mine[2],
    }

    def filled(value):
        if isinstance(value, list):
            return [filled(v) for v in value]
        if isinstance(value, dict):
            return {k: filled(v) for k, v in value.items()}
        if value in ("{story}", "{a}", "{b}", "{c}", "{other_article}"):
            return int(value.format(**values))
        return value

    response = _client(app).request("POST", path.format(**values), json=filled(body))
    assert response.status_code == status, response.text
    assert message.format(**values) in response.json()["error"]
    assert story_partition(app) == before and _apart(app) == 0


def test_a_body_that_is_no_json_is_named_so(app) -> None:
    story, _ = _ambassador(app)
    response = _client(app).request(
        "POST",
        f"/api/stories/{story}/split",
        content=b"articles=1",
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert "body parameter '(the whole body)': not JSON" in response.json()["error"]


def test_corrections_need_a_token_set_and_given(app) -> None:
    before = story_partition(app)
    story, ids = _ambassador(app)
    split = {"json": {"articles": [_url(app, ids[-1])]}}
    # no token set: anyone reaching the port could rewrite the stories
    response = _client(app, token=None, sent=None).request(
        "POST", f"/api/stories/{story}/split", **split
    )
    assert response.status_code == 403
    assert "MONITOR_API_TOKEN" in response.json()["error"]
    for sent in (None, "wrong"):  # a token set and not given, or a wrong one
        response = _client(app, sent=sent).request("POST", f"/api/stories/{story}/split", **split)
        assert response.status_code == 401
    refused = _client(app, token=None, sent=None).request(
        "POST", "/api/stories/join", json={"stories": list(before)[:2]}
    )
    assert refused.status_code == 403
    assert story_partition(app) == before and _apart(app) == 0


def test_a_split_through_the_api_alerts_only_when_asked(
    app, tmp_path, monkeypatch: pytest.MonkeyPatch, database_url: str
) -> None:
    config = alerting_config(tmp_path, monkeypatch)
    alerting = build(Settings.from_env(config=str(config), database_url=database_url))
    try:
        story, ids = _ambassador(alerting)
        client = _client(alerting)
        with alerting.store.engine.connect() as conn:
            before = conn.execute(text("SELECT count(*) FROM outbox")).scalar_one()
        for report, alert in ((ids[-1], False), (ids[-2], True)):
            response = client.request(
                "POST",
                f"/api/stories/{story}/split",
                json={"articles": [_url(alerting, report)], "alert": alert},
            )
            assert response.status_code == 201, response.text
        partition = story_partition(alerting)
        loud = next(s for s, found in partition.items() if found == {ids[-2]})
        with alerting.store.engine.connect() as conn:
            queued = conn.execute(text("SELECT story_id, kind FROM outbox ORDER BY id")).all()
    finally:
        alerting.close()
    assert len(queued) == before + 1
    assert tuple(queued[-1]) == (loud, "new_story")
