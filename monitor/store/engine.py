"""Opening the archive's database: a URL -> an SQLAlchemy engine, and the database's own
words for an error (without the SQL statement and its parameters).

SQLite files get their folder, WAL mode, foreign keys and a busy timeout; ``postgresql://``
means psycopg 3. An unknown scheme or a folder that cannot be made is a StoreError that
names the URL (its password hidden).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from monitor.errors import StoreError

SQLITE_BUSY_MS = 30_000  # how long a write waits for another process's transaction


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_MS)}")
    cursor.close()


def make_engine(database_url: str) -> Engine:
    """An engine for the URL; SQLite files get their folder and WAL mode."""
    try:
        url = make_url(database_url)
    except ArgumentError as exc:
        raise StoreError(f"MONITOR_DATABASE_URL {database_url!r} is not a database URL") from exc
    where = f"cannot open the archive at {url.render_as_string(hide_password=True)}"
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    try:
        if url.get_backend_name() != "sqlite":
            return create_engine(url, pool_pre_ping=True)
        if url.database and url.database != ":memory:":
            folder = Path(url.database).parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"{where}: cannot create the folder {folder}: {exc.strerror}"
                ) from exc
        engine = create_engine(url, connect_args={"timeout": 30})
    except (ArgumentError, ImportError) as exc:  # NoSuchModuleError: an unknown scheme
        raise StoreError(
            f"{where}: no database driver for {url.drivername!r} "
            "(use sqlite:///PATH or postgresql+psycopg://...)"
        ) from exc
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def db_reason(exc: SQLAlchemyError) -> str:
    """The database's own message, without the SQL statement and its parameters."""
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__
