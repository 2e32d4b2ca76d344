"""The archive's schema: created, stamped or upgraded (alembic) when the store opens.

- an empty database gets every table at once (``create_all``) and is stamped with the
  newest revision, as alembic's cookbook advises for a fresh database;
- an archive made before migrations existed (tables, no ``alembic_version``) has the
  tables of the baseline revision: it is stamped with it, then upgraded;
- an archive at an older revision is upgraded; one at a revision this monitor does not
  know (written by a newer version) is refused, so nothing is downgraded by accident.

The revisions live in :mod:`monitor.migrations` (``versions/``). A new one is written
after a model change with ``python -m monitor.store.schema revision "what changed"``,
which compares the models with a scratch database at the newest revision.
``tests/test_schema.py`` fails while the models and the revisions disagree.
"""

from __future__ import annotations

import sys
import tempfile
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, inspect
from sqlmodel import SQLModel

import monitor.models  # noqa: F401  (the tables register on SQLModel.metadata)
from monitor.errors import StoreError

BASELINE = "0001"  # the schema of archives made before migrations existed
_TABLES = frozenset(SQLModel.metadata.tables)


def _config(conn: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", "monitor:migrations")
    config.attributes["connection"] = conn
    return config


@lru_cache(maxsize=1)
def head() -> str:
    """The newest revision this monitor knows."""
    revision = ScriptDirectory.from_config(_config()).get_current_head()
    assert revision is not None, "monitor/migrations/versions holds no revision"
    return revision


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    return frozenset(s.revision for s in ScriptDirectory.from_config(_config()).walk_revisions())


def current(conn: Connection) -> str | None:
    """The archive's revision (None: not stamped)."""
    return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine, where: str) -> str:
    """Bring the archive to the newest schema; says what was done.

    Returns ``"current"``, ``"created"`` or ``"upgraded from <revision>"``. ``where``
    names the archive in errors.
    """
    with engine.begin() as conn:
        revision = current(conn)
        if revision == head():
            return "current"
        if revision is not None and revision not in _known():
            raise StoreError(
                f"the archive at {where} has schema revision {revision}, which this monitor "
                f"does not know (its newest is {head()}): it was written by a newer version; "
                "upgrade the monitor instead"
            )
        if revision is None and not set(inspect(conn).get_table_names()) & _TABLES:
            SQLModel.metadata.create_all(conn)
            command.stamp(_config(conn), "head")
            return "created"
        if revision is None:
            command.stamp(_config(conn), BASELINE)
            revision = BASELINE
        if revision != head():
            command.upgrade(_config(conn), "head")
        return f"upgraded from {revision}"


def write_revision(message: str) -> Path:
    """Autogenerate a revision from the difference between the models and the newest
    revision's schema (built in a scratch SQLite database)."""
    with tempfile.TemporaryDirectory() as scratch:
        engine = create_engine(f"sqlite:///{scratch}/schema.db")
        with engine.begin() as conn:
            command.upgrade(_config(conn), "head")
            number = f"{len(_known()) + 1:04d}"
            script = command.revision(
                _config(conn), message=message, autogenerate=True, rev_id=number
            )
        engine.dispose()
    assert script is not None and not isinstance(script, list)
    path = Path(script.path)
    kept = [line for line in path.read_text().splitlines() if "# ### " not in line]
    path.write_text("\n".join(kept) + "\n")  # alembic's "please adjust" markers
    return path


if __name__ == "__main__":  # python -m monitor.store.schema revision "what changed"
    if len(sys.argv) != 3 or sys.argv[1] != "revision":
        sys.exit('usage: python -m monitor.store.schema revision "what changed"')
    print(write_revision(sys.argv[2]))
