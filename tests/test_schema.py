"""The archive's schema under alembic: created, stamped, upgraded, refused when too new."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, insert, inspect, select, text
from sqlmodel import SQLModel

from monitor.app import App, build
from monitor.errors import StoreError
from monitor.models import SourceRow
from monitor.pipeline import numbered
from monitor.settings import Settings
from monitor.store import Store
from monitor.store.core import make_engine
from monitor.store.schema import BASELINE, _config, current, head
from monitor.store.search import SearchQuery, search

SHIPPED = Path(__file__).resolve().parent.parent / "sources.toml"


def test_a_new_archive_is_created_at_the_newest_revision(database_url: str) -> None:
    with Store(database_url) as store:
        assert store.schema == "created"
        with store.engine.connect() as conn:
            assert current(conn) == head()
    with Store(database_url) as store:  # opened again: nothing to do
        assert store.schema == "current"


def test_the_revisions_build_exactly_the_models_tables(database_url: str) -> None:
    """Fails while a model changed without a revision (or a revision without the model)."""
    engine = make_engine(database_url)
    with engine.begin() as conn:
        command.upgrade(_config(conn), "head")
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), SQLModel.metadata
        )
    engine.dispose()
    assert diff == []


def test_an_archive_from_before_migrations_is_stamped_and_keeps_its_rows(
    database_url: str,
) -> None:
    engine = make_engine(database_url)
    with engine.begin() as conn:  # the tables of the first release, and no version table
        command.upgrade(_config(conn), BASELINE)
        conn.execute(text("DROP TABLE alembic_version"))
        conn.execute(insert(SourceRow).values(name="azernews", homepage="https://www.azernews.az/"))
        assert "ix_article_url_source" not in _indexes(conn, "article_url")
    engine.dispose()
    with Store(database_url) as store:
        assert store.schema == f"upgraded from {BASELINE}"
        with store.engine.connect() as conn:
            assert current(conn) == head()
            assert conn.execute(select(SourceRow.name)).scalars().all() == ["azernews"]
            # revision 0002 ran: a search by outlet has its index
            assert "ix_article_url_source" in _indexes(conn, "article_url")


def _indexes(conn: Connection, table: str) -> set[str]:
    return {str(index["name"]) for index in inspect(conn).get_indexes(table)}


def test_an_archive_written_by_a_newer_monitor_is_refused(database_url: str) -> None:
    with Store(database_url) as store, store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
        conn.execute(insert(SourceRow).values(name="trend", homepage="https://en.trend.az/"))
    with pytest.raises(StoreError, match=r"schema revision 9999.*newer version"):
        Store(database_url)
    engine = make_engine(database_url)  # nothing was touched
    with engine.connect() as conn:
        assert current(conn) == "9999"
        assert conn.execute(select(SourceRow.name)).scalars().all() == ["trend"]
        assert "article" in inspect(conn).get_table_names()
    engine.dispose()


def test_revision_0003_keeps_the_counts_and_lets_story_lookups_read_one_tree(
    database_url: str,
) -> None:
    engine = make_engine(database_url)
    with engine.begin() as conn:
        command.upgrade(_config(conn), "0002")
        conn.execute(text("INSERT INTO shingle_df (shingle, stories) VALUES (-5, 3), (7, 1)"))
    engine.dispose()
    with Store(database_url) as store:
        assert store.schema == "upgraded from 0002"
        with store.engine.connect() as conn:
            counts = conn.execute(text("SELECT shingle, stories FROM shingle_df ORDER BY 1"))
            assert counts.all() == [(-5, 3), (7, 1)]
            indexes = _indexes(conn, "story_key")
            assert "ix_story_key_lookup" in indexes and "ix_story_key_key_id" not in indexes
            if conn.dialect.name == "sqlite":  # the rows live in the primary key's tree
                table = "SELECT sql FROM sqlite_master WHERE name = 'shingle_df'"
                assert "WITHOUT ROWID" in conn.exec_driver_sql(table).scalar_one()


UNDATED = {  # a meeting told without a date...
    "url": "https://report.az/news/icesco-karimov",
    "title": "ICESCO Director-General receives Azerbaijani minister",
    "text": "The Director-General of ICESCO, Dr. Salim AlMalik, received Anar Karimov, "
    "Minister of Culture of Azerbaijan, at the headquarters of the organisation in Rabat. "
    "The two sides discussed joint programmes for the protection of cultural heritage and "
    "the training of young restorers. AlMalik praised the support of Azerbaijan for the "
    "organisation's heritage list.",
    "published": None,
    "language": "en",
}
DATED = {  # ...and by another outlet, in its own words, with one
    "url": "https://en.trend.az/news/karimov-rabat",
    "title": "Azerbaijan's culture minister meets ICESCO chief in Rabat",
    "text": "On 12 March 2026 Minister of Culture Anar Karimov held talks with Salim "
    "AlMalik, Director General of the Islamic World Educational, Scientific and Cultural "
    "Organization. Karimov said that restoration schools in Shusha could host students "
    "from member states, and AlMalik proposed a summer school on manuscripts.",
    "published": "2026-03-12T10:00:00+00:00",
    "language": "en",
}


AWARD = {
    "url": "https://azertag.az/en/xeber/icesco-medal",
    "title": "ICESCO awards its gold medal to Azerbaijani calligrapher",
    "text": "The Director-General of ICESCO, Salim AlMalik, awarded the organisation's gold "
    "medal to the calligrapher Elchin Aliyev in recognition of his work on Quran manuscripts.",
    "published": "2026-05-02T09:00:00+00:00",
    "language": "en",
}


def _upgraded_from(revision: str, app: App, settings: Settings) -> App:
    """The archive set back to ``revision`` (its data as that revision left it) and
    opened again: upgraded to the newest."""
    with app.store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": revision})
    app.close()
    again = build(settings)
    assert again.store.schema == f"upgraded from {revision}"
    return again


def _ingest(app: App, row: dict[str, object]) -> None:
    report = app.pipeline.ingest(numbered([json.dumps(row)]))
    assert report.stored == 1, report


def _undated_keys(conn: Connection) -> list[str]:
    found = conn.execute(text("SELECT key FROM story_key WHERE key LIKE 'up%' ORDER BY key"))
    return list(found.scalars())


@pytest.mark.parametrize("upgraded", [True, False])
def test_revision_0004_files_old_undated_articles_where_dated_reports_look(
    database_url: str, upgraded: bool
) -> None:
    settings = Settings(config=str(SHIPPED), database_url=database_url)
    app = build(settings)
    _ingest(app, UNDATED)
    with app.store.engine.begin() as conn:  # as an archive written before the keys
        marked = _undated_keys(conn)
        assert marked == ["up1:almalik", "up1:karimov", "upp:almalik+karimov"]
        conn.execute(text("DELETE FROM story_key WHERE key LIKE 'up%'"))
        conn.execute(text("UPDATE alembic_version SET version_num = '0003'"))
    app.close()
    if upgraded:
        app = build(settings)
        assert app.store.schema == "upgraded from 0003"
        with app.store.engine.connect() as conn:
            assert _undated_keys(conn) == marked
    else:  # what the archive did before: the dated report founds a story of its own
        app = build(settings)
        with app.store.engine.begin() as conn:
            conn.execute(text("DELETE FROM story_key WHERE key LIKE 'up%'"))
    _ingest(app, DATED)
    with app.store.engine.connect() as conn:
        stories = conn.execute(text("SELECT story_id FROM article ORDER BY id")).scalars().all()
    app.close()
    assert (stories[0] == stories[1]) is upgraded, stories


def _day_keys(conn: Connection) -> list[tuple[str, int]]:
    found = conn.execute(
        text("SELECT key, article_id FROM story_key WHERE key LIKE 'd:%' ORDER BY key, article_id")
    )
    return [tuple(row) for row in found]


def test_revision_0005_files_dated_articles_under_their_people_on_their_days(
    database_url: str,
) -> None:
    """An archive written before the day keys gets the keys the monitor now writes: each
    person of a dated article on its event date, else on its publication day."""
    settings = Settings(config=str(SHIPPED), database_url=database_url)
    app = build(settings)
    event = {  # told two days after the event
        **DATED,
        "url": "https://apa.az/en/culture/karimov-manuscripts",
        "title": "Karimov and AlMalik agree on manuscript school",
        "text": "Anar Karimov, the Minister of Culture, and Salim AlMalik met in Rabat on "
        "10 March 2026 and agreed to open a school for manuscript restorers next year.",
    }
    _ingest(app, DATED)
    _ingest(app, event)
    with app.store.engine.begin() as conn:
        written = _day_keys(conn)
        assert written == sorted(
            [  # the event's day (the first told none: its publication day)
                ("d:almalik|2026-03-12", 1),
                ("d:karimov|2026-03-12", 1),
                ("d:almalik|2026-03-10", 2),
                ("d:karimov|2026-03-10", 2),
            ]
        )
        conn.execute(text("DELETE FROM story_key WHERE key LIKE 'd:%'"))
    app = _upgraded_from("0004", app, settings)
    with app.store.engine.connect() as conn:
        assert _day_keys(conn) == written
    app.close()


def _confidences(conn: Connection) -> tuple[list[tuple[str, float | None]], list[float | None]]:
    articles = conn.execute(text("SELECT event_type, event_confidence FROM article ORDER BY id"))
    stories = conn.execute(text("SELECT event_confidence FROM story ORDER BY id"))
    return [tuple(r) for r in articles], list(stories.scalars())  # type: ignore[misc]


def test_revision_0006_keeps_how_sure_each_event_type_is(database_url: str) -> None:
    """An archive from before the confidence was kept gets the one the monitor writes,
    except where the rules would no longer give the type an article was stored with."""
    settings = Settings(config=str(SHIPPED), database_url=database_url)
    app = build(settings)
    _ingest(app, UNDATED)
    _ingest(app, DATED)  # the same meeting: one story of two articles
    _ingest(app, AWARD)  # a story of its own
    with app.store.engine.begin() as conn:
        articles, stories = _confidences(conn)
        assert [kind for kind, _ in articles] == ["meeting", "meeting", "award"]
        assert all(sure is not None and 0 < sure <= 1 for _, sure in articles)
        assert len(stories) == 2 and all(sure is not None for sure in stories)
        # the award as older rules might have stored it: a visit, which the rules now
        # would not give, so its confidence (and its story's) stays unknown
        conn.execute(text("UPDATE article SET event_type = 'visit' WHERE id = 3"))
        conn.execute(text("UPDATE story SET event_type = 'visit' WHERE id = 2"))
        conn.execute(text("UPDATE article SET event_confidence = NULL"))
        conn.execute(text("UPDATE story SET event_confidence = NULL"))
    app = _upgraded_from("0005", app, settings)
    with app.store.engine.connect() as conn:
        upgraded, stories_after = _confidences(conn)
    app.close()
    assert upgraded == [articles[0], articles[1], ("visit", None)]
    assert stories_after == [stories[0], None]


# the search column as monitors before revision 0007 wrote it on PostgreSQL
_OLD_VECTOR = (
    "ALTER TABLE article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('monitor_search'::regconfig, title), 'A') || "
    "setweight(to_tsvector('monitor_search'::regconfig, body), 'B')) STORED"
)


def test_revision_0007_indexes_again_the_words_inside_markup(database_url: str) -> None:
    """An archive whose PostgreSQL index skipped "<...>" finds those words once upgraded."""
    settings = Settings(config=str(SHIPPED), database_url=database_url)
    app = build(settings)
    _ingest(app, {**AWARD, "title": "ICESCO honours <Master Calligrapher Babayev>"})
    query = SearchQuery("Babayev")
    if app.store.dialect == "postgresql":
        with app.store.engine.begin() as conn:
            conn.execute(text("ALTER TABLE article DROP COLUMN search_vector"))
            conn.execute(text(_OLD_VECTOR))
            conn.execute(
                text("CREATE INDEX ix_article_search ON article USING gin (search_vector)")
            )
        assert search(app.store.engine, query).total == 0  # what the old index missed
    app = _upgraded_from("0006", app, settings)
    try:
        assert search(app.store.engine, query).total == 1
        assert search(app.store.engine, SearchQuery('"master calligrapher"')).total == 1
        if app.store.dialect == "postgresql":
            with app.store.engine.connect() as conn:
                indexes = conn.execute(
                    text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_article_search'")
                )
                assert "gin (search_vector)" in indexes.scalar_one()
    finally:
        app.close()


def test_revision_0010_folds_the_arabic_spellings_of_an_archive_indexed_before(
    database_url: str,
) -> None:
    """An archive indexed before the Arabic letters were folded finds "الايسيسكو" (no
    hamza) in a text that writes "الإيسيسكو" once upgraded, on both databases."""
    from monitor.store import search_index

    settings = Settings(config=str(SHIPPED), database_url=database_url)
    app = build(settings)
    _ingest(
        app,
        {
            **AWARD,
            "title": "الإيسيسكو تمنح ميداليتها الذهبية لخطاط أذربيجاني",
            "text": "منح المدير العام لمنظمة الإيسيسكو سالم المالك الميدالية الذهبية للخطاط.",
            "language": "ar",
        },
    )
    query = SearchQuery("الايسيسكو")
    before = {k: v for k, v in search_index.FOLD.items() if k.isascii() or k in "ıİəƏёЁ"}
    with app.store.engine.begin() as conn:  # the index as monitors before 0010 wrote it
        if app.store.dialect == "postgresql":
            conn.execute(text("ALTER TABLE article DROP COLUMN search_vector"))
            old = search_index._PG_VECTOR.replace(
                "".join(search_index.FOLD), "".join(before)
            ).replace("".join(search_index.FOLD.values()), "".join(before.values()))
            conn.execute(text(old.format(table="article")))
            conn.execute(
                text("CREATE INDEX ix_article_search ON article USING gin (search_vector)")
            )
        else:
            conn.exec_driver_sql("INSERT INTO article_fts(article_fts) VALUES ('delete-all')")
            conn.exec_driver_sql(
                "INSERT INTO article_fts(rowid, title, body) SELECT id, title, body FROM article"
            )
            for name in search_index._TRIGGERS:
                conn.exec_driver_sql(f"DROP TRIGGER {name}")
                conn.exec_driver_sql(
                    f"CREATE TRIGGER {name} AFTER DELETE ON article BEGIN SELECT 1; END"
                )
    assert search(app.store.engine, query).total == 0  # what the old index missed
    app = _upgraded_from("0009", app, settings)
    try:
        assert search(app.store.engine, query).total == 1
    finally:
        app.close()
