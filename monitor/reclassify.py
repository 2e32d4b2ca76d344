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

Story matching improves too (a release reads names better, or compares a signal it did
not before): each article's story features and index keys are built again with the rules
in force and the archive's shingle counts of today, so that later reports find older
articles by what this release compares. Which articles make a story does not change, nor
do the shingle counts.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection

from monitor.classify import EventInfo
from monitor.clustering import decode, encode, reading_of
from monitor.progress import Progress
from monitor.store import Store
from monitor.store import stories as stories_db
from monitor.store.articles import event_values
from monitor.store.events import (
    EVENT_FIELDS,
    count_since,
    event_batches,
    replace_features,
    save_events,
)
from monitor.stories import READING, StoryFeatures, candidate_keys, features, paragraph_shingles
from monitor.story_names import name_shingles

log = logging.getLogger("monitor.reclassify")


@dataclass
class ReclassifyReport:
    """What a run read and changed; ``types`` counts (old, new) event types;
    ``refreshed`` the articles whose story features the rules in force read otherwise."""

    read: int = 0
    changed: int = 0
    stories: int = 0
    failed: int = 0
    refreshed: int = 0
    types: Counter[tuple[str, str]] = field(default_factory=Counter)


ReadEvent = Callable[[str, str, str, datetime | None, str | None], EventInfo]


def _reading(row: Any, read: ReadEvent) -> tuple[dict[str, Any], EventInfo]:
    info = read(row.title, row.body, row.language, row.published, row.source)
    new = event_values(info)
    if new["event_date"] != row.event_date and row.published:
        # "yesterday" near midnight: an older monitor read it on the UTC clock (the archive
        # keeps UTC, not the offset the article came with); a date that clock gives stands
        in_utc = read(row.title, row.body, row.language, row.published, None)
        if in_utc.event_date == row.event_date:
            new["event_date"] = row.event_date
            info = in_utc
    return new, info


def _features(
    conn: Connection, rows: Sequence[tuple[Any, EventInfo]]
) -> list[tuple[int, int, bytes, list[str], bool]]:
    """(article, story, packed features, index keys, whether they changed) of the rows
    that have stored features, read with the rules in force."""
    stored = stories_db.load_features(conn, [row.id for row, _ in rows])
    rows = [(row, info) for row, info in rows if row.id in stored]
    if not rows:
        return []
    named = {row.id: name_shingles(row.title, row.body) for row, _ in rows}
    wanted: set[int] = set().union(*named.values())
    for row, _ in rows:
        wanted.update(*paragraph_shingles(f"{row.title}\n{row.body}"))
    df = stories_db.df_lookup(conn, wanted)
    total = max(stories_db.story_total(conn), 1)
    out = []
    for row, info in rows:
        story_id, old = stored[row.id]
        feats = features(
            row.title, row.body, row.language, row.published, info, df, total, named=named[row.id]
        )
        changed = reading_of(old) < READING or _ruled(decode(old)) != _ruled(feats)
        out.append((row.id, story_id, encode(feats), sorted(candidate_keys(feats)), changed))
    return out


# what the article's text and the rules alone give (the rest weighs the archive's counts
# of the day, which every later article changes)
_BY_COUNTS = {"content", "signature", "names"}


def _ruled(feats: StoryFeatures) -> tuple[Any, ...]:
    return tuple(getattr(feats, f.name) for f in fields(feats) if f.name not in _BY_COUNTS)


def reclassify(
    store: Store,
    *,
    read: ReadEvent,
    since: datetime | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ReclassifyReport:
    """Read the events of the stored articles that were classified (published, else
    fetched, since ``since``) again with ``read`` (``Pipeline.read_event``), and their
    story features.

    With ``dry_run`` nothing is written: the report says what would change.
    """
    report = ReclassifyReport()
    total = count_since(store.engine, since)
    touched: set[int] = set()
    refiling = False  # once one batch is filed again, every later one is too
    for rows in event_batches(store.engine, since):
        changes, story_ids, read_rows = [], set(), []
        for row in rows:
            report.read += 1
            try:
                new, info = _reading(row, read)
            except Exception:  # one article's fault must not stop the others
                log.exception("article %d: reading its event failed; left as it was", row.id)
                report.failed += 1
                continue
            read_rows.append((row, info))
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
        with store.engine.connect() as conn:
            refreshed = _features(conn, read_rows)
        report.refreshed += sum(changed for *_, changed in refreshed)
        refiling = refiling or any(changed for *_, changed in refreshed)
        if not dry_run and (changes or refiling):
            with store.transaction() as conn:
                save_events(conn, changes, story_ids, datetime.now(UTC), store.headline_languages)
                # the index ranks an article by when it was filed: every article from the
                # first one filed again on is filed again, in order, so none jumps ahead
                if refiling:
                    replace_features(conn, [(a, s, d, k) for a, s, d, k, _ in refreshed])
        if progress is not None:
            progress.update(report.read, f"of {total:,}, {report.changed:,} changed")
    return report
