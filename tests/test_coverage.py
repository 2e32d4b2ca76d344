"""Coverage per UTC day and per outlet, counted by a real SQLite file and the real
PostgreSQL server; its JSON through the HTTP API; the chart's layout (pure); and
``monitor search --by-day``."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, update
from test_api import Client, write_config

from monitor.api import create_api
from monitor.app import build
from monitor.chart import PLOT_HEIGHT, layout, span, summary, text_bars
from monitor.cli import cli
from monitor.models import ArticleRow
from monitor.records import Article, Prepared, TopicMatch
from monitor.settings import Settings
from monitor.store import Store
from monitor.store.coverage import MAX_DAYS, Coverage, Series, coverage, day_range, fold
from monitor.store.search import SearchQuery

ROOT = Path(__file__).resolve().parent.parent
HOSTILE_OUTLET = "<script>alert(4)</script>"
# slug, published (UTC), outlet, topic, language, title; nothing else says "heritage"
ROWS = [
    ("t1", "2026-11-01T08:00", "Trend", "icesco", "en", "ICESCO heritage forum opens in Baku"),
    ("t2", "2026-11-01T23:30", "Trend", "icesco", "en", "ICESCO and Baku sign a heritage plan"),
    ("n1", "2026-11-01T12:00", "News.az", "culture", "en", "Museum week opens in Baku"),
    ("t3", "2026-11-03T10:00", "Trend", "icesco", "en", "Concert at ICESCO headquarters"),
    ("a1", "2026-11-03T11:00", "Azernews", "icesco", "en", "ICESCO delegation visits Shusha"),
    ("n2", "2026-11-04T09:00", "News.az", "icesco", "en", "ICESCO experts meet in Ganja"),
    ("p1", "2026-11-04T09:30", "APA", "culture", "az", "Muzey həftəsi başlayır"),
    ("r1", "2026-11-04T10:00", "Report", "icesco", "ru", "ИСЕСКО проводит форум"),
    ("x1", "2026-11-04T11:00", HOSTILE_OUTLET, "icesco", "en", "ICESCO in the news"),
    ("c1", "2026-11-05T00:10", "Caliber", "culture", "en", "Theatre season opens"),
    ("v1", "2026-11-05T13:00", "Vesti", "icesco", "ru", "ИСЕСКО и Баку"),
    ("n3", "2026-11-07T08:00", "News.az", "icesco", "en", "ICESCO youth forum"),
    ("a2", "2026-11-07T09:00", "Azernews", "culture", "en", "Carpet museum exhibition"),
    ("p2", "2026-11-07T10:00", "APA", "icesco", "az", "İSESKO Gəncədə"),
    ("r2", "2026-11-08T10:00", "Report", "culture", "ru", "Выставка ковров"),
    ("t4", "2026-11-08T11:00", "Trend", "icesco", "en", "ICESCO prize for young scientists"),
    ("old", "2026-09-15T10:00", "Trend", "icesco", "en", "ICESCO archive opens"),
]
OTHER_DAYS = {"Caliber": {5: 1}, "Vesti": {5: 1}}  # outlets seven and eight
# the 30 days up to the newest article (8 Nov): the top six outlets, by day of November
EXPECTED = {
    "Trend": {1: 2, 3: 1, 8: 1},  # t2 at 23:30 UTC is 1 November's (2 November in Baku)
    "News.az": {1: 1, 4: 1, 7: 1},
    "APA": {4: 1, 7: 1},  # ties go by name
    "Azernews": {3: 1, 7: 1},
    "Report": {4: 1, 8: 1},
    HOSTILE_OUTLET: {4: 1},
}
LAST_30 = tuple(date(2026, 10, 10) + timedelta(days=n) for n in range(30))


def nov(day: int) -> date:
    return date(2026, 11, day)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def prepared(slug: str, when: str, outlet: str, topic: str, language: str, title: str):
    published = utc(when)
    article = Article(
        url=f"https://news.example/{slug}",
        urls=(),
        source=outlet,
        title=title,
        body=f"{title}. The delegation met the press after the session.",
        published=published,
        fetched_at=published + timedelta(minutes=5),
        author=None,
        language=language,
        content_hash=f"hash-{slug}",
    )
    return Prepared(article, (TopicMatch(topic, 2.0),))


def corpus() -> list[Prepared]:
    """Every row, then Trend's concert run word for word by menafn.com: one article."""
    items = [prepared(*row) for row in ROWS]
    concert = items[3]
    copy = replace(concert.article, url="https://menafn.com/culture/concert", source="menafn.com")
    return [*items, Prepared(copy, concert.matches)]


def fill(store: Store) -> dict[str, int]:
    outcomes = store.add_articles(corpus())
    assert outcomes[-1].status == "duplicate" and outcomes[-1].article_id == outcomes[3].article_id
    return {row[0]: o.article_id for row, o in zip(ROWS, outcomes, strict=False)}


def vector(by_day: dict[int, int], days: tuple[date, ...] = LAST_30) -> tuple[int, ...]:
    return tuple(by_day.get(d.day, 0) if d.month == 11 else 0 for d in days)


def series_of(found: Coverage) -> dict[str, tuple[int, ...]]:
    return {s.outlet: s.counts for s in found.series}


@pytest.fixture
def archive(database_url: str) -> Iterator[tuple[Store, dict[str, int]]]:
    with Store(database_url) as store:
        ids = fill(store)
        yield store, ids


def count(store: Store, text: str = "", **filters: object) -> Coverage:
    return coverage(store.engine, SearchQuery(text, **filters))  # type: ignore[arg-type]


# -- the counts --------------------------------------------------------------------------


def test_counts_per_day_and_outlet_over_the_30_days_up_to_the_newest(archive) -> None:
    store, _ = archive
    found = count(store)
    assert found.days == LAST_30
    assert [s.outlet for s in found.series] == [*EXPECTED, "other"]
    assert series_of(found) == {
        **{outlet: vector(days) for outlet, days in EXPECTED.items()},
        "other": vector({5: 2}),
    }
    assert [s.other for s in found.series] == [False] * 6 + [True]
    assert found.total == 16  # 15 September's is outside, the copy is not a 17th
    assert found.outlets == 8
    per_day = dict(zip(found.days, found.per_day, strict=True))
    assert [per_day[nov(d)] for d in range(1, 9)] == [3, 0, 2, 4, 2, 0, 3, 2]
    assert per_day[date(2026, 10, 10)] == 0


def test_an_undated_article_fetched_later_does_not_move_the_days(archive) -> None:
    """An article without a publication date counts on the day it was fetched; fetched
    weeks after the dated ones, it must not turn the default 30 days into empty ones."""
    store, _ = archive
    late = prepared("undated", "2026-12-20T09:00:00", "Report", "icesco", "en", "ICESCO notes")
    undated = replace(late.article, published=None)
    (outcome,) = store.add_articles([Prepared(undated, late.matches)])
    assert outcome.status == "stored"
    found = count(store)
    assert found.days == LAST_30 and found.total == 16  # it is left out of these days
    # and found by a range that holds its day
    december = count(store, since=utc("2026-12-01T00:00:00"), until=utc("2026-12-31T00:00:00"))
    assert december.total == 1


def test_a_syndicated_copy_is_counted_once_under_the_first_outlet(archive) -> None:
    store, _ = archive
    copies = count(store, source="menafn.com")
    assert copies.days[-1] == nov(3) and len(copies.days) == 30
    assert series_of(copies) == {"Trend": vector({3: 1}, copies.days)}
    assert copies.total == 1 and copies.outlets == 1
    assert count(store, source="Trend").total == 4


def test_filters_narrow_the_counts(archive) -> None:
    store, ids = archive
    culture = count(store, topic="culture")
    assert series_of(culture) == {
        "APA": vector({4: 1}),
        "Azernews": vector({7: 1}),
        "Caliber": vector({5: 1}),
        "News.az": vector({1: 1}),
        "Report": vector({8: 1}),
    }
    heritage = count(store, "heritage")
    assert heritage.days[-1] == nov(1)
    assert series_of(heritage) == {"Trend": vector({1: 2}, heritage.days)}
    assert count(store, "-heritage").total == 14
    assert count(store, "ICESCO OR ИСЕСКО", language="ru").total == 2
    russian = count(store, language="ru")
    assert {s.outlet: s.total for s in russian.series} == {"Report": 2, "Vesti": 1}
    with store.engine.begin() as conn:
        conn.execute(
            update(ArticleRow).where(ArticleRow.id == ids["n2"]).values(event_type="visit")
        )
    visits = count(store, event_type="visit")
    assert visits.days[-1] == nov(4) and len(visits.days) == 30
    assert series_of(visits) == {"News.az": vector({4: 1}, visits.days)}


def test_since_and_until_set_the_days(archive) -> None:
    store, _ = archive
    three = count(store, since=utc("2026-11-03T00:00"), until=utc("2026-11-06T00:00"))
    assert three.days == (nov(3), nov(4), nov(5)) and three.per_day == (2, 4, 2)
    # eight outlets with one article each: the first six by name, then Trend and Vesti
    assert [s.outlet for s in three.series] == [
        HOSTILE_OUTLET,
        "APA",
        "Azernews",
        "Caliber",
        "News.az",
        "Report",
        "other",
    ]
    assert three.series[-1].counts == (1, 0, 1)
    # a range in another time zone: 1 Nov 22:00 to 2 Nov 00:00 UTC holds t2 alone
    baku = timezone(timedelta(hours=4))
    late = count(store, since=datetime(2026, 11, 2, 2, tzinfo=baku), until=utc("2026-11-02T00:00"))
    assert late.days == (nov(1),) and series_of(late) == {"Trend": (1,)}
    before = count(store, until=utc("2026-11-04T00:00"))
    assert before.days == tuple(nov(3) - timedelta(days=29 - n) for n in range(30))
    assert before.per_day[-3:] == (3, 0, 2) and before.total == 5
    since = count(store, since=utc("2026-09-01T00:00"))
    assert since.days[0] == date(2026, 9, 1) and since.days[-1] == nov(8)
    assert len(since.days) == 69 and since.total == 17
    assert series_of(since)["Trend"][14] == 1  # 15 September


def test_nothing_found_is_no_day_unless_the_range_is_given(archive) -> None:
    store, _ = archive
    assert count(store, "nowhere") == Coverage((), (), 0, 0)
    given = count(store, "nowhere", since=utc("2026-11-01T00:00"), until=utc("2026-11-03T00:00"))
    assert given.days == (nov(1), nov(2)) and given.series == () and given.per_day == (0, 0)


def test_a_long_range_keeps_its_last_days(archive) -> None:
    store, _ = archive
    found = count(store, since=utc("2020-01-01T00:00"))
    assert len(found.days) == MAX_DAYS and found.days[-1] == nov(8)
    assert found.total == 17


@pytest.mark.postgres
def test_days_are_utc_whatever_the_session_time_zone(pg_url: str) -> None:
    with Store(pg_url) as store:
        fill(store)
    engine = create_engine(pg_url, connect_args={"options": "-c timezone=Pacific/Kiritimati"})
    try:
        found = coverage(engine, SearchQuery())  # UTC+14: t2 would be 2 November's
        assert found.days == LAST_30
        assert series_of(found)["Trend"] == vector(EXPECTED["Trend"])
    finally:
        engine.dispose()


# -- the HTTP API ------------------------------------------------------------------------


def test_the_api_answers_the_counts_as_json(database_url: str, tmp_path: Path) -> None:
    app = build(Settings(config=str(write_config(tmp_path)), database_url=database_url))
    try:
        fill(app.store)
        client = Client(create_api(app))
        body = client.get(
            "/api/coverage",
            params={"source": "Trend", "since": "2026-10-31", "until": "2026-11-03"},
        ).json()
        assert body == {
            "days": ["2026-10-31", "2026-11-01", "2026-11-02", "2026-11-03"],
            "series": [{"outlet": "Trend", "other": False, "total": 3, "counts": [0, 2, 0, 1]}],
            "total": 3,
            "outlets": 1,
        }
        whole = client.get("/api/coverage").json()
        assert whole["days"][0] == "2026-10-10" and len(whole["days"]) == 30
        assert [s["outlet"] for s in whole["series"]] == [*EXPECTED, "other"]
        assert whole["series"][-1] == {
            "outlet": "other",
            "other": True,
            "total": 2,
            "counts": list(vector({5: 2})),
        }
        assert whole["total"] == 16
        culture = client.get("/api/coverage", params={"q": "museum", "topic": "culture"}).json()
        assert {s["outlet"]: s["total"] for s in culture["series"]} == {"News.az": 1, "Azernews": 1}
    finally:
        app.close()


# -- the chart and the terminal (pure) ---------------------------------------------------


def test_fold_keeps_the_top_outlets_and_sums_the_rest() -> None:
    days = (nov(1), nov(2))
    rows = [(nov(1), f"o{i}", i) for i in range(1, 9)] + [(nov(2), "o1", 10), (nov(9), "o1", 5)]
    found = fold(days, rows, top=3)
    assert [(s.outlet, s.counts) for s in found.series] == [
        ("o1", (1, 10)),
        ("o8", (8, 0)),
        ("o7", (7, 0)),
        ("other", (20, 0)),  # o2..o6
    ]
    assert found.total == 46 and found.outlets == 8  # 9 November is not a day of the chart


def test_day_range_rules() -> None:
    newest = utc("2026-11-08T11:00")
    assert day_range(None, None, None) == ()
    assert day_range(None, None, newest)[::29] == (date(2026, 10, 10), nov(8))
    assert day_range(utc("2026-11-06T00:00"), None, newest) == (nov(6), nov(7), nov(8))
    assert day_range(None, utc("2026-11-03T00:00"), None)[-1] == nov(2)  # until is exclusive
    assert day_range(None, utc("2026-11-03T00:01"), None)[-1] == nov(3)
    assert day_range(utc("2026-11-09T00:00"), None, newest) == ()


def test_layout_draws_one_bar_a_day_stacked_by_outlet() -> None:
    found = Coverage(
        days=(nov(1), nov(2), nov(3)),
        series=(
            Series("Trend", (2, 0, 4)),
            Series("<b>x</b>", (2, 0, 0)),
            Series("other", (0, 0, 1), True),
        ),
        total=9,
        outlets=4,
    )
    chart = layout(found, lambda day: f"/?since={day.isoformat()}")
    assert len(chart.bars) == 3 and len(chart.legend) == 3
    first, empty, last = chart.bars
    assert [b.total for b in chart.bars] == [4, 0, 5]
    assert empty.segments == () and empty.href is None and first.href == "/?since=2026-11-01"
    assert [s.outlet for s in first.segments] == ["Trend", "<b>x</b>"]
    assert sum(s.height for s in last.segments) == pytest.approx(PLOT_HEIGHT)  # the busiest
    assert last.segments[0].y + last.segments[0].height == chart.plot_bottom  # Trend at the bottom
    assert last.segments[-1].y == pytest.approx(chart.plot_top)
    assert first.segments[0].height == pytest.approx(PLOT_HEIGHT * 2 / 5)
    assert first.x > chart.plot_left and last.x + last.width < chart.plot_right
    assert len({s.colour for s in last.segments}) == 2 and chart.legend[-1].colour == "#6b7680"
    assert [label.text for label in chart.labels] == ["5", "0", "1 Nov 2026", "3 Nov 2026"]
    assert chart.summary == "9 articles from 4 outlets, 1–3 Nov 2026"
    assert "Busiest day: 3 Nov 2026, 5." in chart.description
    assert first.title == "1 Nov 2026: 4 articles (Trend 2, <b>x</b> 2)"  # escaped by the page
    assert all(e.x + 14 < chart.width for e in chart.legend)


def test_the_range_and_summary_read_well() -> None:
    assert span((nov(1),)) == "1 Nov 2026"
    assert span((nov(1), nov(30))) == "1–30 Nov 2026"
    assert span((date(2026, 10, 28), nov(26))) == "28 Oct – 26 Nov 2026"
    assert span((date(2026, 12, 20), date(2027, 1, 18))) == "20 Dec 2026 – 18 Jan 2027"
    one = Coverage((nov(1),), (Series("Trend", (1,)),), 1, 1)
    assert summary(one) == "1 article from 1 outlet, 1 Nov 2026"


def test_text_bars_scale_to_the_busiest_day() -> None:
    found = Coverage((nov(1), nov(2), nov(3)), (Series("Trend", (8, 0, 1)),), 9, 1)
    assert text_bars(found, width=4) == [(nov(1), 8, "████"), (nov(2), 0, ""), (nov(3), 1, "▌")]


# -- monitor search --by-day -------------------------------------------------------------


def test_search_by_day_prints_a_table_with_a_bar_a_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'storage' / 'monitor.db'}"
    with Store(url) as store:
        fill(store)
    monkeypatch.setenv("MONITOR_DATABASE_URL", url)
    config = str(write_config(tmp_path))
    runner = CliRunner()
    args = ["search", "--by-day", "--since", "2026-11-01", "--until", "2026-11-08"]
    result = runner.invoke(cli, [*args, "--config", config], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["day", "articles"]
    assert lines[1] == "2026-11-01 Sun         3  " + "█" * 30
    assert lines[2] == "2026-11-02 Mon         0"
    assert lines[4] == "2026-11-04 Wed         4  " + "█" * 40
    assert len(lines) == 1 + 8 + 2
    assert lines[-2] == "16 articles from 8 outlets, 1–8 Nov 2026"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```text\n(.*?)```", readme, flags=re.S)
    assert example is not None and example.group(1).splitlines() == lines[:5]  # the real one
    assert lines[-1].startswith("Trend 4, News.az 3, APA 2,") and lines[-1].endswith("other 2")
    as_json = runner.invoke(cli, [*args, "--json", "--topic", "culture", "--config", config])
    body = json.loads(as_json.stdout)
    assert body["days"][0] == "2026-11-01" and body["total"] == 5
    assert {s["outlet"] for s in body["series"]} == {
        "APA",
        "Azernews",
        "Caliber",
        "News.az",
        "Report",
    }
    nothing = runner.invoke(cli, ["search", "nowhere", "--by-day", "--config", config])
    assert nothing.stdout == "no articles\n"
