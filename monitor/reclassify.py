"""Read the stored articles' events again with the rules in force (``monitor reclassify``).

The event rules improve from one release to the next, while the archive keeps what the
rules of its day read: a search by event type or an export would mix both. This reads
each stored article that was classified (an article kept without matching a topic never
was) as the pipeline does (``Pipeline.read_event``), writes back the event fields that changed
and recomputes the stories of those articles, a batch per transaction, so an
interrupted run keeps what it wrote and can simply be run again. Relative dates
("yesterday") are read against the publication time in the outlet's configured time zone
(the archive keeps it in UTC; an outlet without one is read in UTC), and a stored date
that the UTC day gives too is kept: the offset the article came with is not stored.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from monitor.classify import EventInfo
from monitor.progress import Progress
from monitor.store import Store
from monitor.store.articles import event_values
from monitor.store.events import EVENT_FIELDS, count_since, event_batches, save_events

log = logging.getLogger("monitor.reclassify")


@dataclass
class ReclassifyReport:
    """What a run read and changed; ``types`` counts (old, new) event types."""

    read: int = 0
    changed: int = 0
    stories: int = 0
    failed: int = 0
    types: Counter[tuple[str, str]] = field(default_factory=Counter)


ReadEvent = Callable[[str, str, str, datetime | None, str | None], EventInfo]


def _reading(row: Any, read: ReadEvent) -> dict[str, Any]:
    new = event_values(read(row.title, row.body, row.language, row.published, row.source))
    if new["event_date"] != row.event_date and row.published:
        # "yesterday" near midnight: an older monitor read it on the UTC clock (the archive
        # keeps UTC, not the offset the article came with); a date that clock gives stands
        in_utc = read(row.title, row.body, row.language, row.published, None)
        if in_utc.event_date == row.event_date:
            new["event_date"] = row.event_date
    return new


def reclassify(
    store: Store,
    *,
    read: ReadEvent,
    since: datetime | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ReclassifyReport:
    """Read the events of the stored articles that were classified (published, else
    fetched, since ``since``) again with ``read`` (``Pipeline.read_event``).

    With ``dry_run`` nothing is written: the report says what would change.
    """
    report = ReclassifyReport()
    total = count_since(store.engine, since)
    touched: set[int] = set()
    for rows in event_batches(store.engine, since):
        changes, story_ids = [], set()
        for row in rows:
            report.read += 1
            try:
                new = _reading(row, read)
            except Exception:  # one article's fault must not stop the others
                log.exception("article %d: reading its event failed; left as it was", row.id)
                report.failed += 1
                continue
            if all(new[f] == getattr(row, f) for f in EVENT_FIELDS):
                continue
            report.changed += 1
            if new["event_type"] != row.event_type:
                report.types[(row.event_type, new["event_type"])] += 1
            changes.append({"id": row.id, **new})
            if row.story_id is not None:
                story_ids.add(row.story_id)
        touched |= story_ids
        report.stories = len(touched)
        if changes and not dry_run:
            with store.transaction() as conn:
                save_events(conn, changes, story_ids, datetime.now(UTC), store.headline_languages)
        if progress is not None:
            progress.update(report.read, f"of {total:,}, {report.changed:,} changed")
    return report
