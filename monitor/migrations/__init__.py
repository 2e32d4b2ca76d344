"""Schema migrations of the archive (alembic); :mod:`monitor.store.schema` runs them."""
