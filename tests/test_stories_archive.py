"""Stories and alerts through the real ingest path, on SQLite and PostgreSQL.

The fixture articles (tests/fixtures/stories/articles.jsonl) reproduce the traps: the
same two people at two different meetings a month apart, three outlets on one meeting,
a shared background paragraph in unrelated articles, a syndicated copy.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from receivers import SECRET, WebhookReceiver
from sqlalchemy import text

from monitor import pipeline as pipeline_module
from monitor.app import build
from monitor.classify import classify
from monitor.cli import cli
from monitor.pipeline import numbered
from monitor.settings import Settings
from monitor.store import outbox
from monitor.store import stories as stories_db
from monitor.store.stories import story_type

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "stories" / "articles.jsonl"
SHIPPED = ROOT / "sources.toml"


def records() -> list[dict]:
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    return [
        {
            "url": f"https://{r['outlet']}/news/{r['id']}",
            "title": r["title"],
            "text": r["text"],
            "published": r["published"],
            "language": r["language"],
            "label": r["story"],
            "label_type": r["event_type"],
            "id": r["id"],
        }
        for r in rows
    ]


def ingest(app, rows: list[dict]) -> None:
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    report = app.pipeline.ingest(numbered(lines))
    assert report.rejected == 0, report.errors


def story_partition(app) -> dict[int, set[str]]:
    groups: dict[int, set[str]] = defaultdict(set)
    for row in app.store.iter_articles(include_unmatched=True):
        for url in row["urls"]:
            groups[row["story_id"]].add(url.rsplit("/", 1)[1])
    return groups


@pytest.fixture
def app(database_url: str):
    application = build(Settings(config=str(SHIPPED), database_url=database_url))
    yield application
    application.close()


def test_stories_follow_events_not_people_or_boilerplate(app) -> None:
    rows = records()
    ingest(app, rows)
    partition = story_partition(app)
    expected: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        expected[r["label"]].add(r["id"])
    assert sorted(map(sorted, partition.values())) == sorted(map(sorted, expected.values()))
    found = {frozenset(ids): sid for sid, ids in partition.items()}
    rabat = found[frozenset(expected["bayramov-rabat"])]
    baku = found[frozenset(expected["bayramov-baku"])]
    assert rabat != baku  # the same two people, two different meetings
    # three outlets, one story; the syndicated copy is one article with two URLs
    concert = [
        r
        for r in app.store.iter_articles()
        if r["story_id"] == found[frozenset(expected["concert-rabat"])]
    ]
    assert len(concert) == 1 and len(concert[0]["urls"]) == 2
    assert concert[0]["sources"] == ["Trend", "menafn.com"]


def test_stories_command_lists_event_place_and_every_outlet(
    app, monkeypatch, database_url: str
) -> None:
    ingest(app, records())
    monkeypatch.setenv("MONITOR_DATABASE_URL", database_url)
    result = CliRunner().invoke(cli, ["stories", "--json", "--config", str(SHIPPED)])
    assert result.exit_code == 0, result.output
    found = [json.loads(line) for line in result.stdout.splitlines()]
    ambassador = next(s for s in found if len(s["articles"]) == 3)
    assert ambassador["event_type"] == "meeting"
    assert {a["outlet"] for a in ambassador["articles"]} == {"News.az", "apa.az", "report.az"}
    assert ambassador["place"] == "Rabat"
    baku = next(
        s for s in found if s["headline"] == "Azerbaijani FM receives ICESCO Director General"
    )
    assert baku["event_date"] == "2023-10-03"
    assert any("Bayramov" in p["name"] for p in baku["participants"])
    text = CliRunner().invoke(cli, ["stories", "--config", str(SHIPPED)])
    assert "News.az: https://news.az/news/amb-newsaz" in text.stdout
    exported = CliRunner().invoke(cli, ["export", "--config", str(SHIPPED)])
    rows = [json.loads(line) for line in exported.stdout.splitlines()]
    assert all(r["story_id"] for r in rows)
    phone = next(r for r in rows if r["url"].endswith("ru-phone"))
    assert phone["event_type"] == "phone_call"
    # how sure each type is: the classifier's confidence, kept per article and per story
    for row in rows:
        published = datetime.fromisoformat(row["published"]) if row["published"] else None
        info = classify(row["title"], row["body"], row["language"], published)
        assert (row["event_type"], row["event_confidence"]) == (info.event_type, info.confidence)
    by_url = {r["url"]: r for r in rows}
    told = [by_url[a["url"]] for a in ambassador["articles"]]
    kind, sure = story_type((r["event_type"], r["event_confidence"]) for r in told)
    assert (ambassador["event_type"], ambassador["event_confidence"]) == (kind, sure)
    assert sure is not None and 0 < sure <= 1
    assert f"#{ambassador['id']}  meeting ({sure:.2f})  " in text.stdout


def _alert_config(tmp_path: Path, url: str) -> Path:
    config = tmp_path / "sources.toml"
    config.write_text(
        SHIPPED.read_text(encoding="utf-8")
        + textwrap.dedent(
            f"""
            [channels.hook]
            type = "webhook"
            url = "{url}"
            secret_env = "HOOK_SECRET"

            [[alerts]]
            name = "icesco-all"
            topics = ["icesco"]
            channels = ["hook"]
            """
        )
    )
    return config


def test_one_alert_per_story_one_follow_up_and_nothing_twice(tmp_path: Path, monkeypatch) -> None:
    rows = records()
    amb = [r for r in rows if r["label"] == "ambassador-rabat"]
    first_wave = [r for r in rows if r not in amb[1:]]
    monkeypatch.setenv("HOOK_SECRET", SECRET)
    with WebhookReceiver() as receiver:
        config = _alert_config(tmp_path, receiver.url)
        # the fixtures are from 2022-2024: let them count as news, not as a backfill
        settings = Settings(
            config=str(config), database_url=f"sqlite:///{tmp_path}/m.db", alert_max_age=1e6
        )
        app = build(settings)
        try:
            ingest(app, first_wave)
            stories = len({r["label"] for r in first_wave})
            queued = outbox.recent(app.store.engine, limit=100)
            assert len(queued) == stories and {q.kind for q in queued} == {"new_story"}
            ingest(app, [amb[1]])  # a second outlet: one follow-up
            ingest(app, [amb[2]])  # a third: folded, no second follow-up
            ingest(app, first_wave)  # the same articles again: nothing new
            queued = outbox.recent(app.store.engine, limit=100)
            kinds = [q.kind for q in queued]
            assert kinds.count("new_story") == stories and kinds.count("follow_up") == 1
            import asyncio

            async def deliver():
                worker = app.delivery_worker()
                try:
                    return await worker.flush()
                finally:
                    await worker.aclose()

            report = asyncio.run(deliver())
            assert report.delivered == stories + 1 and report.failed == 0
        finally:
            app.close()
        payloads = [d.json() for d in receiver.verified]
        assert len(payloads) == stories + 1
        follow = next(p for p in payloads if p["type"] == "story.follow_up")
        assert follow["also_reported_by"] and follow["story"]["event_type"] == "meeting"
        assert len({d.headers["webhook-id"] for d in receiver.verified}) == stories + 1


def test_a_rule_for_one_outlet_hears_of_the_story_when_that_outlet_reports_it(
    tmp_path: Path, monkeypatch
) -> None:
    """The story starts at News.az; a rule that follows Trend alone gets it as a new story
    when Trend reports it, not as a follow-up of a story it never heard of."""
    rows = records()
    amb = [r for r in rows if r["label"] == "ambassador-rabat"]
    monkeypatch.setenv("HOOK_SECRET", SECRET)
    config = _alert_config(tmp_path, "https://hooks.example.org/x")
    with config.open("a", encoding="utf-8") as out:
        out.write('\n[[alerts]]\nname = "trend-only"\nsources = ["Trend"]\nchannels = ["hook"]\n')
    settings = Settings(
        config=str(config), database_url=f"sqlite:///{tmp_path}/m.db", alert_max_age=1e6
    )
    app = build(settings)
    try:
        ingest(app, [amb[0]])
        ingest(app, [{**amb[1], "url": "https://en.trend.az/news/amb-trend"}])
        queued = {(q.rule, q.kind) for q in outbox.recent(app.store.engine, limit=100)}
    finally:
        app.close()
    assert queued == {
        ("icesco-all", "new_story"),
        ("icesco-all", "follow_up"),
        ("trend-only", "new_story"),
    }


def test_a_backfill_does_not_alert(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOOK_SECRET", SECRET)
    config = _alert_config(tmp_path, "https://hooks.example.org/x")
    app = build(Settings(config=str(config), database_url=f"sqlite:///{tmp_path}/m.db"))
    try:
        ingest(app, records())  # published in 2022-2024: older than the backfill age
        assert outbox.recent(app.store.engine) == []
        with app.store.engine.connect() as conn:
            assert stories_db.story_total(conn) >= 7
    finally:
        app.close()


def test_a_copy_folded_inside_a_batch_does_not_upset_the_stories_after_it(app) -> None:
    rows = {r["id"]: r for r in records()}
    copy = dict(rows["syndicated-menafn"])
    copy["text"] += "\n\nThe concert was broadcast live on the organisation's channels."
    batch = [rows["syndicated-trend"], copy, rows["culture-visit"], rows["heritage-statement"]]
    ingest(app, batch)  # one batch: the copy folds, the two after it found their stories
    exported = list(app.store.iter_articles())
    assert len(exported) == 3
    assert len({r["story_id"] for r in exported}) == 3
    concert = next(r for r in exported if "concert" in r["title"].lower())
    assert len(concert["urls"]) == 2


def test_an_article_whose_event_cannot_be_read_is_kept_and_the_rest_go_on(
    app, monkeypatch, caplog
) -> None:
    """A fault in reading one article's event (injected here) loses neither the article
    nor the others of its batch: it is kept as 'other' and the fault is logged with its URL."""
    real = pipeline_module.classify

    def faulty(title: str, body: str, language: str, published: object) -> object:
        if "Shusha" in title:
            raise KeyError("an injected fault")
        return real(title, body, language, published)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline_module, "classify", faulty)
    rows = records()
    broken = [r for r in rows if "Shusha" in r["title"]]
    assert broken and len(broken) < len(rows)
    with caplog.at_level("ERROR", logger="monitor.pipeline"):
        report = app.pipeline.ingest(numbered(json.dumps(r, ensure_ascii=False) for r in rows))
    assert report.rejected == 0 and report.stored + report.duplicate == len(rows)
    kept = {r["urls"][0]: r for r in app.store.iter_articles(include_unmatched=True)}
    for row in broken:
        assert kept[row["url"]]["event_type"] == "other"
        assert f"{row['url']}: reading its event failed" in caplog.text
    assert {r["event_type"] for r in kept.values()} - {"other"}  # the others were read


SURNAMES = [
    "Hasanov",
    "Karimov",
    "Mammadli",
    "Guliyev",
    "Rzayev",
    "Nabiyev",
    "Jafarov",
    "Aliyeva",
    "Huseynli",
    "Ismayilov",
    "Sadigov",
    "Babayev",
    "Quliyev",
    "Abbasov",
    "Zeynalov",
    "Mustafayev",
    "Orujov",
    "Safarov",
    "Valiyev",
    "Bagirov",
    "Hajiyev",
    "Ahmadov",
    "Mirzayev",
    "Kazimov",
    "Salimov",
    "Yusifov",
    "Najafov",
    "Taghiyev",
    "Shirinov",
    "Asadov",
]


def _busy_month_rows() -> list[dict]:
    """The first report of the Baku meeting (17 October), then sixty other reports that
    month naming the Director-General or the minister with someone else, in Baku too,
    then a late, independently written report of the same meeting."""
    first = {
        "url": "https://azertag.az/en/news/almalik-bayramov-baku",
        "title": "Jeyhun Bayramov receives ICESCO Director-General",
        "text": "BAKU, October 17. Foreign Minister Jeyhun Bayramov received the "
        "Director-General of ICESCO Salim AlMalik in Baku on 17 October 2023.\n\nThe sides "
        "discussed the programme of the Shusha year and the restoration of manuscripts.",
        "published": "2023-10-17T15:00:00+04:00",
        "language": "en",
    }
    others = []
    for n, surname in enumerate(SURNAMES * 2):
        day = 5 + n % 24
        host = (
            "Director-General of ICESCO Salim AlMalik"
            if n % 2
            else "Foreign Minister Jeyhun Bayramov"
        )
        others.append(
            {
                "url": f"https://report.az/en/news/meeting-{n}",
                "title": f"Talks in Baku with Ambassador {surname} ({n})",
                "text": f"BAKU, October {day}. {host} met Ambassador Elnur {surname}{n} in Baku "
                f"on {day} October 2023.\n\nThey discussed cooperation with ICESCO in topic {n}: "
                f"{' '.join(f'word{n}x{k}' for k in range(30))}.",
                "published": f"2023-10-{day:02d}T12:00:00+04:00",
                "language": "en",
            }
        )
    late = {
        "url": "https://news.az/news/icesco-chief-meets-azerbaijani-fm",
        "title": "ICESCO chief, Azerbaijani FM meet in Baku",
        "text": "Salim AlMalik, the Director-General of ICESCO, and Azerbaijan's Foreign "
        "Minister Jeyhun Bayramov met in Baku on October 17, 2023, News.az reports.\n\nThey "
        "talked about manuscripts, the Shusha year and new schools.",
        "published": "2023-10-18T09:00:00+04:00",
        "language": "en",
    }
    return [first, *others, late]


def test_a_late_report_finds_its_story_in_a_busy_month(app) -> None:
    """Both people of the meeting appear in thirty more reports that month, all in Baku:
    more than the index returns under a person's or a place's month. The late report
    still finds the first one, through the keys of the day."""
    rows = _busy_month_rows()
    ingest(app, rows)
    story_of = {}
    for row in app.store.iter_articles(include_unmatched=True):
        for url in row["urls"]:
            story_of[url] = row["story_id"]
    assert story_of[rows[-1]["url"]] == story_of[rows[0]["url"]]
    assert len({story_of[r["url"]] for r in rows[1:-1]}) == len(rows) - 2


def test_an_outlet_joining_through_a_copy_updates_the_story_and_its_feed_entry(app) -> None:
    from test_api import Client

    from monitor.api import create_api

    rows = {r["id"]: r for r in records()}
    ingest(app, [rows["syndicated-trend"]])
    long_ago = datetime(2024, 1, 1, tzinfo=UTC)
    with app.store.engine.begin() as conn:  # as if the story had been stored long ago
        (story,) = conn.execute(text("SELECT id FROM story")).scalars()
        conn.execute(text("UPDATE story SET updated_at = :t"), {"t": long_ago})
    client = Client(create_api(app))

    def entry() -> tuple[str, list[str]]:
        feed = client.get("/feeds/icesco.atom").text
        updated = re.search(r"<entry>.*?<updated>([^<]+)</updated>", feed, flags=re.S)
        assert updated is not None
        return updated.group(1), client.get(f"/api/stories/{story}").json()["sources"]

    assert entry() == ("2024-01-01T00:00:00Z", ["Trend"])
    with app.store.engine.connect() as conn:
        assert stories_db.story_sources(conn, [story]) == {story: ["Trend"]}
    ingest(app, [rows["syndicated-trend"]])  # the same outlet again: nothing changes
    assert entry() == ("2024-01-01T00:00:00Z", ["Trend"])

    ingest(app, [rows["syndicated-menafn"]])  # a copy from a new outlet joins
    updated, sources = entry()
    assert updated > "2026" and sources == ["Trend", "menafn.com"]
    with app.store.engine.connect() as conn:
        assert stories_db.story_sources(conn, [story]) == {story: ["Trend", "menafn.com"]}
        stored = conn.execute(text("SELECT article_count FROM story")).scalar_one()
    assert stored == 1  # still one article: the copy is another address of it


def test_a_copy_from_a_new_outlet_is_one_follow_up(tmp_path: Path, monkeypatch) -> None:
    """A syndicated copy brings its story a new outlet: like a new report, one
    "also reported by" per rule and channel, and nothing more for a second copy."""
    rows = {r["id"]: r for r in records()}
    monkeypatch.setenv("HOOK_SECRET", SECRET)
    config = _alert_config(tmp_path, "https://hooks.example.org/x")
    settings = Settings(
        config=str(config), database_url=f"sqlite:///{tmp_path}/m.db", alert_max_age=1e6
    )
    app = build(settings)
    try:
        ingest(app, [rows["syndicated-trend"]])
        ingest(app, [rows["syndicated-menafn"]])
        ingest(app, [rows["syndicated-menafn"]])
        queued = outbox.recent(app.store.engine, limit=10)
    finally:
        app.close()
    assert sorted(q.kind for q in queued) == ["follow_up", "new_story"]
    follow = next(q for q in queued if q.kind == "follow_up")
    assert follow.payload["also_reported_by"] == ["menafn.com"]


@pytest.mark.parametrize(("languages", "expected"), [(("en",), "en"), ((), "az")])
def test_the_headline_is_taken_in_the_preferred_language(
    tmp_path: Path, languages: tuple[str, ...], expected: str
) -> None:
    """An Azerbaijani report comes first, an English one of the same event later: the
    story's headline is the English one unless no language is preferred."""
    english = {
        "url": "https://en.trend.az/azerbaijan/politics/1001.html",
        "title": "Azerbaijani minister meets ICESCO Director General in Rabat",
        "text": "Minister of Science and Education Emin Amrullayev met with ICESCO Director "
        "General Salim AlMalik in Rabat on 18 November 2024. They discussed education.",
        "published": "2024-11-18T15:00:00+04:00",
        "language": "en",
    }
    azerbaijani = {
        "url": "https://azertag.az/xeber/1001",
        "title": "Emin Əmrullayev Rabatda İSESKO-nun baş direktoru ilə görüşüb",
        "text": "Elm və təhsil naziri Emin Əmrullayev noyabrın 18-də Rabatda İSESKO-nun baş "
        "direktoru Salim əl-Malik ilə görüşüb. Görüşdə təhsil sahəsində əməkdaşlıq müzakirə edilib.",
        "published": "2024-11-18T11:00:00+04:00",
        "language": "az",
    }
    settings = Settings(
        config=str(SHIPPED),
        database_url=f"sqlite:///{tmp_path}/m.db",
        headline_languages=languages,
    )
    app = build(settings)
    try:
        ingest(app, [azerbaijani])
        ingest(app, [english])
        with app.store.engine.connect() as conn:
            headlines = conn.execute(text("SELECT headline FROM story")).scalars().all()
    finally:
        app.close()
    titles = {"en": english["title"], "az": azerbaijani["title"]}
    assert headlines == [titles[expected]]
