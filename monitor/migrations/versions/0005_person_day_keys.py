"""Dated articles filed under each of their people on their days (``d:almalik|2023-10-03``).

A report looks up the articles of its people within three days of its date through
these keys (see ``monitor.stories.lookup_keys``), beside the person-month keys, which
return only their latest articles. Archives written before the keys existed have the
month keys alone; this revision files every dated article under its people (read from
its ``p:`` keys) on its event date, else on the day of its publication. That day is the
UTC one (the monitor files the day of the outlet's own time), which can differ by a day
near midnight.

Revision ID: 0005
Revises: 0004
Created: 2026-12-06 14:10:00
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# per dialect: the person of a "p:<person>|<YYYY-MM>" key, and a timestamp's UTC day
_PERSON = {
    "sqlite": "substr(k.key, 3, instr(k.key, '|') - 3)",
    "postgresql": "split_part(substr(k.key, 3), '|', 1)",
}
_DAY = {
    "sqlite": "date(a.published)",
    "postgresql": "to_char(a.published AT TIME ZONE 'UTC', 'YYYY-MM-DD')",
}
_EVENT_DAY = {
    "sqlite": "a.event_date",
    "postgresql": "to_char(a.event_date, 'YYYY-MM-DD')",
}

BACKFILL = """
INSERT INTO story_key (key, story_id, article_id)
SELECT 'd:' || person || '|' || day, story_id, article_id
FROM (
  SELECT DISTINCT {person} AS person, d.day AS day, k.story_id AS story_id,
         k.article_id AS article_id
  FROM story_key k
  JOIN (
    SELECT a.id AS article_id, COALESCE({event_day}, {day}) AS day
    FROM article a WHERE a.event_date IS NOT NULL OR a.published IS NOT NULL
  ) d ON d.article_id = k.article_id
  WHERE k.key LIKE 'p:%'
) keyed
WHERE NOT EXISTS (
  SELECT 1 FROM story_key x WHERE x.article_id = keyed.article_id AND x.key LIKE 'd:%'
)
ORDER BY article_id, person, day
"""


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    name = dialect if dialect in _PERSON else "postgresql"
    op.execute(BACKFILL.format(person=_PERSON[name], day=_DAY[name], event_day=_EVENT_DAY[name]))


def downgrade() -> None:
    """Nothing to undo: revision 0004's monitor never reads the day keys."""
