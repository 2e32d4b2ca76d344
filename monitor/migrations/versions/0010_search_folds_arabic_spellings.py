"""Search folds the Arabic and Persian spellings of one word (``monitor.query.FOLD``).

The alef with or without its hamza or madda (الإيسيسكو, الايسيسكو), the final ya and ta
marbuta, and the Persian ya and kaf are now read as one letter by the query and by the
index. On PostgreSQL the stored ``article.search_vector`` column folds them in its
expression, and a generated column cannot change its expression: this revision drops it
with its GIN index, and ``ensure_search``, which runs when the store opens right after
the upgrade, adds it again (PostgreSQL computes every article's vector: seconds for
10,000 articles). SQLite's index is rebuilt by ``ensure_search`` itself, which finds its
triggers written by another version.

Revision ID: 0010
Revises: 0009
Created: 2026-12-07 16:20:00
"""

from __future__ import annotations

from alembic import op

from monitor.store.search_index import drop_postgres_vector

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    drop_postgres_vector(op)


def downgrade() -> None:
    """The column comes back, with the expression of this monitor, when the store opens."""
