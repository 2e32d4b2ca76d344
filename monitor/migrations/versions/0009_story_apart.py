"""Articles a person split into two stories stay apart (``story_apart``).

``monitor stories split`` moves reports out of a story the rules joined wrongly; each
pair of a moved and a remaining article is remembered, so that no later fold (a new
report that fits both, ``monitor reclassify --regroup``) joins them again.

Revision ID: 0009
Revises: 0008
Created: 2026-12-07 05:58:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if "story_apart" in sa.inspect(op.get_bind()).get_table_names():
        return  # an archive whose tables were all created at once, then marked older
    op.create_table(
        "story_apart",
        sa.Column("low_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("high_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("low_id", "high_id"),
    )
    with op.batch_alter_table("story_apart", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_story_apart_high_id"), ["high_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("story_apart", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_story_apart_high_id"))
    op.drop_table("story_apart")
