"""The full-text index of the archive's titles and bodies (SQLite FTS5, PostgreSQL tsvector).

``ensure_search(engine)`` (called once at start-up, idempotent) creates on SQLite an
external-content FTS5 table ``article_fts`` (``unicode61 remove_diacritics 2``) kept in
sync by triggers on ``article``, and rebuilds it when it does not hold every article
(an archive created before search existed); on PostgreSQL a stored generated column
``article.search_vector`` (title weight A, body B; the ``monitor_search`` configuration:
``simple`` plus ``unaccent`` when available) with a GIN index. ``rebuild_search`` redoes
the SQLite index on demand (never use FTS5's own ``'rebuild'``: it skips the folding).
Both read the text folded as the query is (``monitor.query.FOLD``).
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import Connection, Engine, func, select, text
from sqlalchemy.exc import SQLAlchemyError

from monitor.errors import StoreError
from monitor.models import ArticleRow
from monitor.query import FOLD
from monitor.store.selection import PG_CONFIG

log = logging.getLogger("monitor.store.search")


def _sql_fold(expr: str) -> str:
    for letter, replacement in FOLD.items():
        expr = f"replace({expr}, '{letter}', '{replacement}')"
    return expr


def sqlite_index_sql(table: str) -> tuple[str, dict[str, str]]:
    """The FTS5 table ``<table>_fts`` over ``table``'s title and body and the triggers, by
    name, that keep it in step: the archive's index, or the same over another table."""
    fts = f"{table}_fts"
    create = (
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5(title, body, content='{table}',"
        " content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
    )
    insert = "INSERT INTO {f}(rowid, title, body) VALUES (new.id, {t}, {b});".format(
        f=fts, t=_sql_fold("new.title"), b=_sql_fold("new.body")
    )
    delete = "INSERT INTO {f}({f}, rowid, title, body) VALUES ('delete', old.id, {t}, {b});".format(
        f=fts, t=_sql_fold("old.title"), b=_sql_fold("old.body")
    )
    triggers = {
        f"{fts}_{name}": f"CREATE TRIGGER {fts}_{name} AFTER {event} ON {table} BEGIN {actions} END"
        for name, event, actions in (
            ("insert", "INSERT", insert),
            ("delete", "DELETE", delete),
            ("update", "UPDATE OF id, title, body", f"{delete} {insert}"),
        )
    }
    return create, triggers


_FTS_TABLE, _TRIGGERS = sqlite_index_sql("article")
_WHEN_INDEX = (
    "CREATE INDEX IF NOT EXISTS ix_article_when ON article (coalesce(published, fetched_at), id)"
)
_PG_WHEN_INDEX = (
    "CREATE INDEX IF NOT EXISTS ix_article_when ON article ((coalesce(published, fetched_at)), id)"
)
# PostgreSQL's parser reads "<...>" as an XML tag and "&amp;" as an entity and indexes
# neither: a title such as "ICESCO met <Minister Bayramov>" would lose its words. FTS5
# reads them as words between punctuation, so "<", ">" and "&" become spaces first.
MARKUP = "<>&"
_PG_VECTOR = (
    "ALTER TABLE {table} ADD COLUMN IF NOT EXISTS search_vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('{cfg}'::regconfig, translate(title, '{src}', '{dst}')), 'A') || "
    "setweight(to_tsvector('{cfg}'::regconfig, translate(body, '{src}', '{dst}')), 'B')) STORED"
).format(
    table="{table}",
    cfg=PG_CONFIG,
    src="".join(FOLD) + MARKUP,
    dst="".join(FOLD.values()) + " " * len(MARKUP),
)


def drop_postgres_vector(op: Any) -> None:
    """In a migration (``op`` is alembic's): drop the stored search column and its GIN
    index on PostgreSQL, whose expression a new monitor writes otherwise; the store adds
    them again when it opens, right after the upgrade. SQLite needs nothing: its triggers
    are rewritten, and its index rebuilt, by ``ensure_search``."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE article DROP COLUMN IF EXISTS search_vector")  # and its index


def postgres_index_sql(table: str) -> tuple[str, str]:
    """The generated ``search_vector`` column of ``table`` and its GIN index (the
    ``monitor_search`` configuration must exist): the archive's, or the same elsewhere."""
    return (
        _PG_VECTOR.format(table=table),
        f"CREATE INDEX IF NOT EXISTS ix_{table}_search ON {table} USING gin (search_vector)",
    )


_PG_WORDS = "hword, hword_part, word, numword, numhword, hword_numpart"
_PG_LOCK = 0x6D6F6E5F73726368  # pg_advisory_xact_lock key: concurrent start-ups wait


def ensure_search(engine: Engine) -> None:
    """Create the search index if missing (idempotent); index the articles it lacks."""
    try:
        with engine.begin() as conn:
            if engine.dialect.name == "sqlite":
                _ensure_sqlite(conn)
            elif engine.dialect.name == "postgresql":
                _ensure_postgres(conn)
            else:
                log.warning("no full-text search on %s", engine.dialect.name)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot create the search index: {exc}") from exc


def _ensure_sqlite(conn: Connection) -> None:
    conn.exec_driver_sql(_FTS_TABLE)
    stale = False
    for name, sql in _TRIGGERS.items():
        found = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)
        ).scalar()
        if found != sql:  # missing, or written by another version of this module
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
            conn.exec_driver_sql(sql)
            stale = True
    conn.exec_driver_sql(_WHEN_INDEX)
    indexed = conn.exec_driver_sql("SELECT count(*) FROM article_fts_docsize").scalar()
    rows = conn.exec_driver_sql("SELECT count(*) FROM article").scalar()
    if stale or indexed != rows:
        log.info("indexing %d articles for search", rows)
        _rebuild_sqlite(conn)


def _rebuild_sqlite(conn: Connection) -> int:
    conn.exec_driver_sql("INSERT INTO article_fts(article_fts) VALUES ('delete-all')")
    result = conn.exec_driver_sql(
        "INSERT INTO article_fts(rowid, title, body) SELECT id, {t}, {b} FROM article".format(
            t=_sql_fold("title"), b=_sql_fold("body")
        )
    )
    conn.exec_driver_sql("INSERT INTO article_fts(article_fts) VALUES ('optimize')")
    return int(result.rowcount)


def rebuild_search(engine: Engine) -> int:
    """Index every article again (SQLite; PostgreSQL's column is always current)."""
    ensure_search(engine)
    try:
        if engine.dialect.name != "sqlite":
            with engine.connect() as conn:
                return int(conn.execute(select(func.count()).select_from(ArticleRow)).scalar_one())
        with engine.begin() as conn:
            return _rebuild_sqlite(conn)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot rebuild the search index: {exc}") from exc


def _ensure_postgres(conn: Connection) -> None:
    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK})
    if conn.execute(text("SELECT to_regclass('ix_article_search')")).scalar() is not None:
        return
    has_config = conn.execute(
        text("SELECT 1 FROM pg_ts_config WHERE cfgname = :name"), {"name": PG_CONFIG}
    ).scalar()
    if not has_config:
        unaccent = False
        try:
            with conn.begin_nested():
                conn.execute(text("CREATE EXTENSION IF NOT EXISTS unaccent"))
            unaccent = True
        except SQLAlchemyError as exc:
            log.warning("no unaccent extension, accents will not fold in search: %s", exc)
        conn.execute(text(f"CREATE TEXT SEARCH CONFIGURATION {PG_CONFIG} (COPY = simple)"))
        if unaccent:
            conn.execute(
                text(
                    f"ALTER TEXT SEARCH CONFIGURATION {PG_CONFIG}"
                    f" ALTER MAPPING FOR {_PG_WORDS} WITH unaccent, simple"
                )
            )
    for statement in postgres_index_sql("article"):
        conn.execute(text(statement))
    conn.execute(text(_PG_WHEN_INDEX))
