"""Undated articles filed under their people marked undated (``up1:``, ``upp:``).

The archive's dated articles look up the undated ones through these keys (see
``monitor.stories.lookup_keys``). Archives written before the keys existed have the
undated articles' ``p1:`` and ``pp:`` keys alone, so a dated report of the same event
found them only through its wording; this revision files them under the marked keys,
in the order they were stored. An article without a date is one filed under people
keys but under no person-month or place-month key (``p:``, ``pl:``), which every dated
article naming someone has.

Revision ID: 0004
Revises: 0003
Created: 2026-11-23 15:50:00
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

BACKFILL = """
INSERT INTO story_key (key, story_id, article_id)
SELECT 'u' || k.key, k.story_id, k.article_id
FROM story_key k
WHERE (k.key LIKE 'p1:%' OR k.key LIKE 'pp:%')
  AND NOT EXISTS (
    SELECT 1 FROM story_key d
    WHERE d.article_id = k.article_id
      AND (d.key LIKE 'p:%' OR d.key LIKE 'pl:%' OR d.key LIKE 'up1:%' OR d.key LIKE 'upp:%')
  )
ORDER BY k.id
"""


def upgrade() -> None:
    op.execute(BACKFILL)


def downgrade() -> None:
    """Nothing to undo: revision 0003's monitor writes the same keys itself."""
