"""The stories stage: near-duplicates and story membership of a batch of new articles.

For each new article, in order: its features (``monitor.stories.features``, with the
archive's shingle document frequencies so that boilerplate is discounted), its candidate
keys, the stored articles sharing a key (a bounded index lookup, never a scan of the
archive) plus the earlier articles of the same batch, then

* a near-identical copy of one of them (``is_duplicate``) folds into that article, or
* ``assign_story`` picks the story it belongs to, or it founds a new story.

Reads go through ``monitor.store.stories`` on the batch's connection, so deciding and
writing happen in one transaction; the decisions are plain ``Filing`` values.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import Connection

from monitor.classify import EventInfo, classify
from monitor.records import Prepared
from monitor.store import stories as db
from monitor.stories import (
    StoryFeatures,
    assign_story,
    candidate_keys,
    features,
    is_duplicate,
    paragraph_shingles,
)

Ref = tuple[str, int]  # ("old", stored id) or ("new", position in the batch)


@dataclass(frozen=True)
class Filing:
    """What to do with one new article."""

    duplicate_of: Ref | None  # an article it copies (then nothing else applies)
    story: Ref | None  # ("old", story id) to join, ("new", position) founded by that article
    data: bytes = b""
    keys: tuple[str, ...] = ()
    df_shingles: frozenset[int] = frozenset()  # counted in the df table (new stories only)


def encode(f: StoryFeatures) -> bytes:
    """Compressed JSON of a StoryFeatures, for the article_features table."""
    plain: dict[str, Any] = {}
    for field in fields(f):
        value = getattr(f, field.name)
        if isinstance(value, frozenset | set):
            value = sorted(value)
        elif isinstance(value, date):
            value = value.isoformat()
        plain[field.name] = value
    return zlib.compress(json.dumps(plain, separators=(",", ":")).encode(), 6)


_SETS = {"people", "principals", "organisations", "places", "shingles", "content"}


def decode(data: bytes) -> StoryFeatures:
    plain = json.loads(zlib.decompress(data))
    for name in _SETS:
        plain[name] = frozenset(plain[name])
    for name in ("published", "event_date"):
        plain[name] = date.fromisoformat(plain[name]) if plain[name] else None
    plain["month_day"] = tuple(plain["month_day"]) if plain["month_day"] else None
    plain["initials"] = tuple(tuple(pair) for pair in plain["initials"])
    plain["signature"] = tuple(plain["signature"])
    return StoryFeatures(**plain)


def event_of(prepared: Prepared) -> EventInfo:
    event = prepared.event
    if isinstance(event, EventInfo):
        return event
    art = prepared.article
    return classify(art.title, art.body, art.language, art.published)


class Clusterer:
    """Decides duplicates and stories for batches of new articles."""

    def __init__(self, *, per_key: int = 30, limit: int = 60, cache_size: int = 20_000) -> None:
        self.per_key = per_key
        self.limit = limit
        # stored features never change: decoded ones are kept across batches
        self._cache: dict[int, tuple[int, StoryFeatures]] = {}
        self._cache_size = cache_size

    def _remember(self, article_id: int, story_id: int, feats: StoryFeatures) -> None:
        if len(self._cache) >= self._cache_size:
            for old in list(self._cache)[: self._cache_size // 10]:  # oldest tenth
                del self._cache[old]
        self._cache[article_id] = (story_id, feats)

    def decide(self, conn: Connection, items: Sequence[Prepared]) -> list[Filing]:
        texts = [f"{p.article.title}\n{p.article.body}" for p in items]
        every = set().union(*(s for t in texts for s in paragraph_shingles(t))) if texts else set()
        df = db.df_lookup(conn, every)
        total = db.story_total(conn)
        batch: list[tuple[Ref, StoryFeatures, tuple[str, ...]]] = []  # (story ref, features, keys)
        cache = self._cache
        recent: dict[str, list[int]] = {}  # key -> positions of this batch's articles
        filings: list[Filing] = []
        for position, prepared in enumerate(items):
            art = prepared.article
            feats = features(
                art.title,
                art.body,
                art.language,
                art.published,
                event_of(prepared),
                df,
                max(total, 1),
            )
            keys = tuple(sorted(candidate_keys(feats)))
            stored = db.candidates(conn, keys, per_key=self.per_key, limit=self.limit)
            missing = [a for a, _ in stored if a not in cache]
            for article_id, (story_id, data) in db.load_features(conn, missing).items():
                self._remember(article_id, story_id, decode(data))
            pool: list[tuple[Ref, Ref, StoryFeatures]] = [  # (article ref, story ref, features)
                (("old", a), ("old", s), cache[a][1]) for a, s in stored if a in cache
            ]
            near: set[int] = set()  # earlier articles of this batch sharing a key, capped
            for key in keys:
                near.update(recent.get(key, [])[-self.per_key :])
            for earlier in sorted(near):
                joined, other, _ = batch[earlier]
                pool.append((("new", earlier), joined, other))
            copy = next((ref for ref, _, other in pool if is_duplicate(feats, other)), None)
            if copy is not None:
                filings.append(Filing(duplicate_of=copy, story=None))
                batch.append((("new", -1), feats, ()))  # keeps positions; never indexed
                continue
            chosen = assign_story(feats, [(joined, other) for _, joined, other in pool])
            founding = chosen is None
            story_ref: Ref = ("new", position) if chosen is None else chosen
            if founding:
                total += 1
                for shingle in feats.shingles:  # this batch's later articles see it too
                    df[shingle] = df.get(shingle, 0) + 1
            filings.append(
                Filing(
                    duplicate_of=None,
                    story=story_ref,
                    data=encode(feats),
                    keys=keys,
                    df_shingles=feats.shingles if founding else frozenset(),
                )
            )
            batch.append((story_ref, feats, keys))
            for key in keys:
                recent.setdefault(key, []).append(position)
        return filings
