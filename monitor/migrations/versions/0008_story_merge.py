"""Stories folded into others after the fact remember where they went (``story_merge``).

``monitor reclassify --regroup`` joins stories that the rules in force tell as one
event; a link to an absorbed story (sent in an alert, kept in a bookmark) then leads to
the story it is part of.

Revision ID: 0008
Revises: 0007
Created: 2026-12-07 02:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if "story_merge" in sa.inspect(op.get_bind()).get_table_names():
        return  # an archive whose tables were all created at once, then marked older
    op.create_table(
        "story_merge",
        sa.Column("absorbed_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("absorbed_id"),
    )
    with op.batch_alter_table("story_merge", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_story_merge_story_id"), ["story_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("story_merge", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_story_merge_story_id"))
    op.drop_table("story_merge")
