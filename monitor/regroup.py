"""Stories joined with the rules in force (``monitor reclassify --regroup``).

Story matching improves from one release to the next, while the archive keeps the
stories its articles were filed into when they came: two reports of one event that an
older release kept apart stay apart. Regrouping reads the stories in the order their
first articles came (those with an article since a date, or all) and, for each, looks up
the stories that share index keys with its articles (the same bounded lookup a new
article makes, never a scan) and folds it into the best one it joins, as the store folds
a batch's stories at arrival (:meth:`monitor.clustering.Clusterer.story_join`): no pair
of their articles vetoes (another day, another city, another counterpart), and the
report that founded the newer story joins the older one as it would have on arrival had
every article of it been known then.

It only joins: a story is never split (only a person splits one, ``monitor stories
split``, and the stories holding articles kept apart so are never joined:
:mod:`monitor.store.corrections`), so an alert sent for a story still speaks of one
that exists. The older story survives (its id is the one alerts and links know
best); the absorbed story's articles, index keys and alerts move to it, and its id leads
there (``monitor.store.merging``). Nothing is sent: the alerts a rule had for either
story count for the joined one, so a later report of the event is a follow-up at most.
Each fold is its own transaction: an interrupted run keeps what it joined and can
simply be run again; a run that finds nothing to join writes nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from monitor.clustering import Clusterer
from monitor.progress import Progress
from monitor.store import Store, merging
from monitor.store import stories as stories_db

log = logging.getLogger("monitor.regroup")


@dataclass
class RegroupReport:
    """What a run read and joined: ``stories`` read, ``joined`` folded into another,
    ``moved`` the articles that changed story."""

    stories: int = 0
    joined: int = 0
    moved: int = 0


def regroup(
    store: Store,
    *,
    since: datetime | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> RegroupReport:
    """Fold each story (with an article since ``since``) into an older one it joins.

    With ``dry_run`` nothing is written: the report says what would be joined."""
    report = RegroupReport()
    clusterer = store.clusterer or Clusterer()  # the store's: its lookups and decoded cache
    order = merging.stories_in_order(store.engine, since)
    gone: dict[int, int] = {}  # absorbed story -> the story it went into
    for story_id in order:
        report.stories += 1
        if story_id not in gone:
            for _ in range(merging.MAX_FOLDS):
                with store.transaction() as conn:
                    other = clusterer.story_join(conn, story_id, gone)
                    if other is None:
                        break
                    survivor, absorbed = min(story_id, other), max(story_id, other)
                    if not dry_run:
                        report.moved += merging.fold(conn, survivor, absorbed)
                        stories_db.refresh_story(
                            conn, survivor, datetime.now(UTC), store.headline_languages
                        )
                    else:
                        report.moved += len(merging.members(conn, absorbed))
                verb = "would join" if dry_run else "joined"  # a dry run writes nothing
                log.info("story %d %s story %d", absorbed, verb, survivor)
                report.joined += 1
                gone[absorbed] = survivor
                if absorbed == story_id:
                    break
        if progress is not None:
            progress.update(report.stories, f"of {len(order):,}, {report.joined:,} joined")
    return report
