"""The archive on a real SQLite file and on the real PostgreSQL server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import text

from monitor.errors import StoreError
from monitor.records import Article, Prepared, TermHit, TopicMatch
from monitor.store import Store

NOW = datetime(2025, 3, 11, 12, 0, tzinfo=UTC)


def article(
    url: str, body: str, *, urls: tuple[str, ...] = (), source: str = "Trend", **kw
) -> Prepared:
    art = Article(
        url=url,
        urls=urls,
        source=source,
        title=kw.get("title", "ICESCO and Azerbaijan discuss heritage"),
        body=body,
        published=kw.get("published", NOW - timedelta(hours=2)),
        fetched_at=NOW,
        author=None,
        language="en",
        content_hash=kw.get("content_hash", f"hash-of-{body}"),
    )
    match = TopicMatch("icesco", 3.0, (TermHit("ICESCO", "title", 1),))
    return Prepared(art, (match,) if kw.get("matched", True) else ())


def test_sqlite_archive_uses_wal_mode(tmp_path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'deep' / 'folder' / 'monitor.db'}")
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    assert (tmp_path / "deep" / "folder" / "monitor.db").exists()
    store.close()


def test_unreachable_database_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match="cannot open the archive at postgresql"):
        Store("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")


def test_a_bad_database_url_is_named() -> None:
    with pytest.raises(StoreError, match="not a database URL"):
        Store("not a url at all")


def test_store_returns_only_what_it_inserted(database_url: str) -> None:
    with Store(database_url) as store:
        first = store.add_articles(
            [article("https://en.trend.az/a/1", "one"), article("https://en.trend.az/a/2", "two")]
        )
        assert [o.status for o in first] == ["stored", "stored"]
        again = store.add_articles(
            [article("https://en.trend.az/a/1", "one"), article("https://en.trend.az/a/3", "three")]
        )
        assert [o.status for o in again] == ["duplicate", "stored"]
        assert again[0].article_id == first[0].article_id and again[0].reason == "url"
        assert store.count_articles() == 3


def test_same_content_under_another_url_joins_the_first_article(database_url: str) -> None:
    with Store(database_url) as store:
        (first,) = store.add_articles([article("https://en.trend.az/a/1", "same text")])
        (copy,) = store.add_articles(
            [article("https://mirror.example.org/copy", "same text", source="Mirror")]
        )
        assert copy.status == "duplicate" and copy.reason == "content"
        assert copy.article_id == first.article_id
        (row,) = list(store.iter_articles())
        assert row["urls"] == ["https://en.trend.az/a/1", "https://mirror.example.org/copy"]
        assert row["sources"] == ["Trend", "Mirror"]


def test_duplicates_inside_one_batch_are_folded(database_url: str) -> None:
    with Store(database_url) as store:
        outcomes = store.add_articles(
            [
                article("https://en.trend.az/a/1", "x"),
                article("http://www.en.trend.az/a/1", "changed", content_hash="other"),
                article("https://apa.az/copy", "x", source="APA"),
            ]
        )
        assert [o.status for o in outcomes] == ["stored", "duplicate", "duplicate"]
        assert len({o.article_id for o in outcomes}) == 1
        assert store.count_articles() == 1


def test_times_come_back_timezone_aware_utc(database_url: str) -> None:
    baku = timezone(timedelta(hours=4))
    with Store(database_url) as store:
        store.add_articles(
            [article("https://a.az/1", "b", published=datetime(2025, 3, 11, 9, 30, tzinfo=baku))]
        )
        (row,) = list(store.iter_articles())
        assert row["published"] == "2025-03-11T05:30:00+00:00"


def test_naive_datetimes_are_refused(database_url: str) -> None:
    with Store(database_url) as store, pytest.raises(StoreError):
        store.add_articles([article("https://a.az/1", "b", published=datetime(2025, 3, 11, 9, 30))])
    with Store(database_url) as store:
        assert store.count_articles() == 0


def test_unmatched_articles_only_export_with_all(database_url: str) -> None:
    with Store(database_url) as store:
        store.add_articles(
            [article("https://a.az/1", "b"), article("https://a.az/2", "c", matched=False)]
        )
        assert len(list(store.iter_articles())) == 1
        assert len(list(store.iter_articles(include_unmatched=True))) == 2
        assert len(list(store.iter_articles(topic="icesco"))) == 1
        assert list(store.iter_articles(topic="other")) == []


def test_seen_urls_and_http_validators(database_url: str) -> None:
    with Store(database_url) as store:
        store.add_articles([article("https://a.az/1", "b")])
        store.mark_seen([("https://a.az/2", "A", "unmatched")], NOW)
        assert store.unseen(["https://a.az/1", "https://a.az/2", "https://a.az/3"]) == [
            "https://a.az/3"
        ]
        store.save_http_validators("https://a.az/rss", '"v1"', None, NOW)
        store.save_http_validators("https://a.az/rss", '"v2"', "Tue, 11 Mar 2025 10:00:00 GMT", NOW)
        assert store.http_validators(["https://a.az/rss", "https://a.az/x"]) == {
            "https://a.az/rss": ('"v2"', "Tue, 11 Mar 2025 10:00:00 GMT")
        }


def test_source_health_counts_failures_and_resets_on_success(database_url: str) -> None:
    with Store(database_url) as store:
        store.sync_sources([("Trend", "https://en.trend.az/")])
        store.record_poll("Trend", ok=False, error="timeout", found=0, now=NOW)
        health = store.record_poll("Trend", ok=False, error="HTTP 503", found=0, now=NOW)
        assert health.consecutive_failures == 2 and health.last_error == "HTTP 503"
        assert health.last_success_at is None
        health = store.record_poll("Trend", ok=True, error=None, found=4, now=NOW)
        assert health.consecutive_failures == 0 and health.last_error is None
        assert health.last_success_at == NOW and health.articles_found == 4


def test_writers_in_one_process_take_turns_on_sqlite(sqlite_url: str, monkeypatch) -> None:
    """Eight threads store, record polls and save validators at once, as a poll of many
    outlets does. SQLite's busy handler is no queue (a writer can starve past any timeout),
    so the store takes its writes in turn: even with a busy timeout of 1 ms no write is
    refused and every article is stored."""
    import threading

    from monitor.store import engine

    monkeypatch.setattr(engine, "SQLITE_BUSY_MS", 1)
    store = Store(sqlite_url)
    store.sync_sources([(f"Outlet {n}", f"https://outlet{n}.example/") for n in range(8)])
    errors: list[Exception] = []

    def work(n: int) -> None:
        try:
            for batch in range(10):
                items = [
                    article(f"https://outlet{n}.example/{batch}/{i}", f"report {n} {batch} {i}")
                    for i in range(5)
                ]
                store.add_articles(items, NOW)
                store.save_http_validators(
                    f"https://outlet{n}.example/feed", f"e{batch}", None, NOW
                )
                store.record_poll(f"Outlet {n}", ok=True, error=None, found=5, now=NOW)
        except Exception as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM article")).scalar() == 8 * 10 * 5
    assert all(store.source_health(f"Outlet {n}").articles_found == 50 for n in range(8))
    store.close()
