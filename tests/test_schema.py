"""The archive's schema under alembic: created, stamped, upgraded, refused when too new."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, insert, inspect, select, text
from sqlmodel import SQLModel

from monitor.errors import StoreError
from monitor.models import SourceRow
from monitor.store import Store
from monitor.store.core import make_engine
from monitor.store.schema import BASELINE, _config, current, head


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
