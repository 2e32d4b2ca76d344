"""PostgreSQL's search index reads text that looks like markup (``<...>``, ``&amp;``).

PostgreSQL's text search parser reads ``<Minister Bayramov>`` as an XML tag and
``&amp;`` as an entity and indexes neither, so the words inside were never found (FTS5
on SQLite finds them). The stored ``article.search_vector`` column now reads ``<``, ``>``
and ``&`` as spaces (``monitor.store.search_index``). A generated column cannot change
its expression, so this revision drops it with its GIN index; ``ensure_search``, which
runs when the store opens, right after the upgrade, adds it again and PostgreSQL
computes every article's vector (a rewrite of the article table: seconds for 10,000
articles). SQLite's index needs nothing.

Revision ID: 0007
Revises: 0006
Created: 2026-12-06 19:50:00
"""

from __future__ import annotations

from alembic import op

from monitor.store.search_index import drop_postgres_vector

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    drop_postgres_vector(op)


def downgrade() -> None:
    """The column comes back, with the expression of this monitor, when the store opens."""
