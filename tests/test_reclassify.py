"""`monitor reclassify`: the stored articles' events read again with the rules in force."""

from __future__ import annotations

import json
import re
import struct
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import text
from test_stories_archive import SHIPPED, ingest, records

from monitor.app import build
from monitor.cli import cli
from monitor.clustering import _MAGIC, decode, reading_of
from monitor.settings import Settings
from monitor.stories import READING


@pytest.fixture
def app(database_url: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("MONITOR_DATABASE_URL", database_url)
    application = build(Settings(config=str(SHIPPED), database_url=database_url))
    ingest(application, records())
    yield application
    application.close()


def _events(app) -> dict[str, Any]:
    with app.store.engine.connect() as conn:
        articles = conn.execute(
            text(
                "SELECT id, event_type, event_confidence, event_date, place, participants"
                " FROM article ORDER BY id"
            )
        )
        stories = conn.execute(
            text("SELECT id, event_type, event_confidence, place FROM story ORDER BY id")
        )
        return {"articles": [tuple(r) for r in articles], "stories": [tuple(r) for r in stories]}


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, ["reclassify", "--config", str(SHIPPED), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_an_archive_read_by_the_rules_in_force_does_not_change(app) -> None:
    before, index = _events(app), _index(app)
    out = _run()
    assert out.startswith(
        f"read {len(before['articles'])}, changed 0, stories recomputed 0,"
        " story features refreshed 0,"
    )
    assert _events(app) == before and _index(app) == index


def _index(app) -> dict[str, list[tuple[int, int]]]:
    """The candidate index: per key, its (article, story) in the order they were filed."""
    query = text("SELECT key, article_id, story_id FROM story_key ORDER BY key, id")
    index: dict[str, list[tuple[int, int]]] = {}
    with app.store.engine.connect() as conn:
        for key, article_id, story_id in conn.execute(query):
            index.setdefault(key, []).append((article_id, story_id))
    return index


_BAND = re.compile(r"b\d+:")


def _ruled(index: dict[str, list[tuple[int, int]]]) -> dict[str, list[tuple[int, int]]]:
    """The keys that the text and the rules alone give: not the bands, not the names."""
    return {k: v for k, v in index.items() if not _BAND.match(k) and not k.startswith("n:")}


def _older(data: bytes) -> bytes:
    """Stored features as a release before the numbers and names read them: no reading
    in the header, no rare names."""
    start = len(_MAGIC) + 12
    (size,) = struct.unpack_from("<I", data, len(_MAGIC))
    head = json.loads(data[start : start + size])
    del head["reading"]
    head["names"] = []
    old = json.dumps(head, separators=(",", ":")).encode()
    lengths = struct.pack("<I", len(old)) + data[len(_MAGIC) + 4 : start]
    return _MAGIC + lengths + old + data[start + size :]


def test_story_features_of_an_older_reading_are_built_again_and_filed_in_order(app) -> None:
    """An archive stored before a release added the headline's rare names and numbers:
    its features lack them and its index has no name keys, so a later report finds the
    older one only by what it was stored with. Reclassifying builds them again, files
    the keys back in the order the articles came, and leaves the stories as they were."""
    index, events = _index(app), _events(app)
    assert any(key.startswith("n:") for key in index)
    with app.store.engine.begin() as conn:
        stored = conn.execute(text("SELECT article_id, data FROM article_features")).all()
        for article_id, data in stored:
            conn.execute(
                text("UPDATE article_features SET data = :data WHERE article_id = :id"),
                {"data": _older(bytes(data)), "id": article_id},
            )
        conn.execute(text("DELETE FROM story_key WHERE key LIKE 'n:%'"))
    assert reading_of(_older(bytes(stored[0][1]))) == 1 < READING
    out = _run("--dry-run")
    assert f"story features to refresh {len(stored)}," in out
    assert not any(key.startswith("n:") for key in _index(app))  # nothing written
    out = _run()
    assert f"changed 0, stories recomputed 0, story features refreshed {len(stored)}," in out
    assert _events(app) == events
    # the same keys in the same order, but for what weighs the archive's counts of today:
    # the LSH bands of the wording discount the boilerplate it knows now, and a name
    # found in more stories since is no longer rare
    now = _index(app)
    assert _ruled(now) == _ruled(index)
    names = {key: filed for key, filed in now.items() if key.startswith("n:")}
    assert names and names.items() <= index.items()
    assert {a for key, filed in now.items() if _BAND.match(key) for a, _ in filed} == {
        a for a, _ in stored
    }
    with app.store.engine.connect() as conn:
        datas = conn.execute(text("SELECT data FROM article_features")).scalars().all()
    assert {reading_of(bytes(d)) for d in datas} == {READING}
    assert any(decode(bytes(d)).names for d in datas)
    assert _run().count("story features refreshed 0,") == 1  # a second run finds nothing


def test_events_stored_by_older_rules_are_read_again_and_their_stories_follow(app) -> None:
    written = _events(app)
    with app.store.engine.begin() as conn:  # as older rules might have stored them
        meetings = [i for i, kind, *_ in written["articles"] if kind == "meeting"][:3]
        marks = ",".join(map(str, meetings))
        conn.execute(
            text(
                "UPDATE article SET event_type = 'visit', event_confidence = NULL, place = NULL"
                f" WHERE id IN ({marks})"
            )
        )
        conn.execute(
            text(
                "UPDATE story SET event_type = 'visit', event_confidence = NULL WHERE id IN"
                f" (SELECT story_id FROM article WHERE id IN ({marks}))"
            )
        )
    tampered = _events(app)
    out = _run("--dry-run")  # says what would change, writes nothing
    assert "would change 3" in out and "  visit -> meeting: 3" in out
    assert _events(app) == tampered
    out = _run()
    assert "changed 3" in out and "  visit -> meeting: 3" in out
    assert _events(app) == written  # articles and every story they belong to, as written


def test_since_reads_only_the_articles_published_since(app) -> None:
    query = text("SELECT id, event_type, published FROM article ORDER BY id")
    with app.store.engine.begin() as conn:
        written = {i: (kind, str(published)[:10]) for i, kind, published in conn.execute(query)}
        conn.execute(text("UPDATE article SET event_type = 'visit'"))
    days = sorted(day for _, day in written.values())
    cut = days[len(days) // 2]
    later = [i for i, (_, day) in written.items() if day >= cut]
    out = _run("--since", cut)
    assert out.startswith(f"read {len(later)}, ")
    with app.store.engine.connect() as conn:
        now = dict(conn.execute(text("SELECT id, event_type FROM article")).all())
    assert now == {i: kind if i in later else "visit" for i, (kind, _) in written.items()}


def test_an_article_that_cannot_be_read_is_left_as_it_was_and_the_others_go_on(
    app, monkeypatch: pytest.MonkeyPatch
) -> None:
    import monitor.pipeline as module

    with app.store.engine.begin() as conn:
        written = dict(conn.execute(text("SELECT id, event_type FROM article")).all())
        first = min(written)
        broken = conn.execute(text(f"SELECT title FROM article WHERE id = {first}")).scalar_one()
        conn.execute(text("UPDATE article SET event_type = 'visit'"))
    real = module.classify

    def faulty(title: str, *args: Any) -> Any:
        if title == broken:
            raise RuntimeError("a fault in the rules")
        return real(title, *args)

    monkeypatch.setattr(module, "classify", faulty)
    out = _run()
    others = [i for i, kind in written.items() if i != first and kind != "visit"]
    assert out.startswith(f"read {len(written)}, changed {len(others)}, ")
    assert out.split("\n")[0].endswith("failed 1")
    with app.store.engine.connect() as conn:
        kinds = dict(conn.execute(text("SELECT id, event_type FROM article")).all())
    assert kinds == {**written, first: "visit"}  # the others read again, that one as it was


def test_yesterday_is_the_day_before_on_the_outlets_clock(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Published at 02:30 in Baku (22:30 UTC the day before): "yesterday" is the day before
    in Baku, when stored and when read again; a day an older monitor read on the UTC clock
    stands too, since the archive keeps the time in UTC and not the offset it came with."""
    monkeypatch.setenv("MONITOR_DATABASE_URL", database_url)
    app = build(Settings(config=str(SHIPPED), database_url=database_url))
    rows = [  # one given in UTC, one in Baku time: News.az is configured as Asia/Baku
        {
            "url": "https://news.az/news/utc",
            "published": "2023-10-03T22:30:00Z",
            "title": "Bayramov meets AlMalik",
            "text": "Jeyhun Bayramov met Salim AlMalik, the Director-General of ICESCO, in Baku"
            " yesterday.",
        },
        {
            "url": "https://news.az/news/baku",
            "published": "2023-10-05T02:30:00+04:00",
            "title": "Karimov receives ICESCO delegation",
            "text": "Culture Minister Anar Karimov received a delegation of ICESCO led by"
            " Salim AlMalik in Shusha yesterday, the ministry said.",
        },
    ]
    ingest(app, [{**r, "source": "News.az"} for r in rows])
    app.close()
    # their story features do not change either: the day one was published on the
    # outlet's clock stands for the UTC day the archive keeps
    assert "story features refreshed 0," in _run()
    app = build(Settings(config=str(SHIPPED), database_url=database_url))
    query = text("SELECT event_date FROM article ORDER BY id")
    with app.store.engine.begin() as conn:
        assert [str(d) for (d,) in conn.execute(query)] == ["2023-10-03", "2023-10-04"]
        conn.execute(text("UPDATE article SET event_date = '2023-10-02' WHERE url LIKE '%utc'"))
    app.close()
    assert _run().startswith("read 2, changed 0, ")
    app = build(Settings(config=str(SHIPPED), database_url=database_url))
    with app.store.engine.connect() as conn:
        kept = [str(d) for (d,) in conn.execute(query)]
    app.close()
    assert kept == ["2023-10-02", "2023-10-04"]
