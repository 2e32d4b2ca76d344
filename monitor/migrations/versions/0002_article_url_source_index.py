"""Index article_url.source: a search by outlet finds the copies it ran.

Revision ID: 0002
Revises: 0001
Created: 2026-11-23 13:35:26.129907
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("article_url", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_article_url_source"), ["source"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("article_url", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_url_source"))
