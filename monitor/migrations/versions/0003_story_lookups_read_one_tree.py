"""Story look-ups read one tree each: story_key's lookup index carries the article and
story ids (the latest articles under a key are read from the index alone), and on
SQLite shingle_df keeps its rows in its primary key (a table without rowid).

Revision ID: 0003
Revises: 0002
Created: 2026-11-23 13:58:30.329732
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("story_key", schema=None) as batch_op:
        batch_op.create_index(
            "ix_story_key_lookup", ["key", "id", "article_id", "story_id"], unique=False
        )
        batch_op.drop_index("ix_story_key_key_id")
    _shingle_df_rowid(False)


def downgrade() -> None:
    _shingle_df_rowid(True)
    with op.batch_alter_table("story_key", schema=None) as batch_op:
        batch_op.create_index("ix_story_key_key_id", ["key", "id"], unique=False)
        batch_op.drop_index("ix_story_key_lookup")


def _shingle_df_rowid(rowid: bool) -> None:
    """SQLite only: the table is copied into one made with or without rowid."""
    if op.get_bind().dialect.name != "sqlite":
        return
    with op.batch_alter_table(
        "shingle_df", recreate="always", table_kwargs={"sqlite_with_rowid": rowid}
    ):
        pass
