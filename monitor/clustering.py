"""The stories stage: near-duplicates and story membership of a batch of new articles.

For each new article, in order: its features (``monitor.stories.features``, with the
archive's shingle document frequencies so that boilerplate is discounted), the keys it
is filed under and the keys it looks up (``candidate_keys``, ``lookup_keys``), the
stored articles that share the rarest of them (a bounded index lookup ranked in the
database, never a scan of the archive: at most ``limit``, whatever the archive's size)
plus the earlier articles of the same batch filed under one of them, then

* a near-identical copy of one of them (``is_duplicate``) folds into that article, or
* ``assign_story`` picks the story it belongs to, or it founds a new story.

Reads go through ``monitor.store.stories`` on the batch's connection, so deciding and
writing happen in one transaction; the decisions are plain ``Filing`` values. Stored
features are packed arrays (:func:`encode`), read back in tens of microseconds; the
decoded ones of the articles compared lately stay in a bounded cache.
"""

from __future__ import annotations

import json
import struct
import sys
import zlib
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import Connection

from monitor.classify import EventInfo, classify
from monitor.records import Prepared
from monitor.store import corrections, merging
from monitor.store import stories as db
from monitor.stories import (
    READING,
    StoryFeatures,
    assign_story,
    candidate_keys,
    features,
    is_duplicate,
    joins,
    lookup_keys,
    paragraph_shingles,
)
from monitor.story_names import name_shingles

Ref = tuple[str, int]  # ("old", stored id) or ("new", position in the batch)


@dataclass(frozen=True)
class Filing:
    """What to do with one new article."""

    duplicate_of: Ref | None  # an article it copies (then nothing else applies)
    story: Ref | None  # ("old", story id) to join, ("new", position) founded by that article
    data: bytes = b""
    keys: tuple[str, ...] = ()
    df_shingles: frozenset[int] = frozenset()  # counted in the df table (new stories only)


_MAGIC = b"SF1"  # then the byte length of the header and the lengths of the first two arrays
_SETS = {"people", "principals", "organisations", "places", "names"}
_ARRAYS = ("shingles", "content", "signature")


def _packed(values: Iterable[int]) -> bytes:
    packed = array("Q", values)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def _unpacked(data: bytes) -> list[int]:
    packed = array("Q")
    packed.frombytes(data)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tolist()


def encode(f: StoryFeatures) -> bytes:
    """A StoryFeatures as bytes, for the article_features table.

    The small fields as JSON, then three arrays of 64-bit integers: the shingles,
    ``content`` (the shingles left once boilerplate is discounted) or, when shorter, the
    shingles it leaves out, and the MinHash signature. Reading one back takes tens of
    microseconds, about a third of the time compressed JSON took.
    """
    plain: dict[str, Any] = {}
    for field in fields(f):
        value = getattr(f, field.name)
        if field.name in _ARRAYS:
            continue
        if isinstance(value, frozenset | set):
            value = sorted(value)
        elif isinstance(value, date):
            value = value.isoformat()
        plain[field.name] = value
    left_out = f.shingles - f.content
    minus = f.content <= f.shingles and len(left_out) < len(f.content)
    plain["content"] = "minus" if minus else "listed"  # what the second array holds
    plain["reading"] = READING
    second = sorted(left_out if minus else f.content)
    head = json.dumps(plain, separators=(",", ":")).encode()
    lengths = struct.pack("<3I", len(head), len(f.shingles), len(second))
    body = _packed(sorted(f.shingles)) + _packed(second) + _packed(f.signature)
    return _MAGIC + lengths + head + body


def _header(data: bytes) -> tuple[dict[str, Any], int, int, int]:
    """The small fields of packed features, where the arrays start, and the lengths of
    the first two arrays."""
    start = len(_MAGIC) + 12
    head, first, second = struct.unpack_from("<3I", data, len(_MAGIC))
    return json.loads(data[start : start + head]), start + head, first, second


def decode(data: bytes) -> StoryFeatures:
    if not data.startswith(_MAGIC):
        return _decode_json(data)
    plain, arrays, first, second = _header(data)
    numbers = _unpacked(data[arrays:])
    shingles = frozenset(numbers[:first])
    listed = frozenset(numbers[first : first + second])
    plain["shingles"] = shingles
    if plain["content"] == "listed":
        plain["content"] = listed
    else:  # the same set when nothing was left out (half the memory when cached)
        plain["content"] = shingles - listed if listed else shingles
    plain["signature"] = tuple(numbers[first + second :])
    return _from_plain(plain)


def reading_of(data: bytes) -> int:
    """The :data:`monitor.stories.READING` that stored features were built with (1 before
    features said)."""
    return int(_header(data)[0].get("reading", 1)) if data.startswith(_MAGIC) else 1


def _decode_json(data: bytes) -> StoryFeatures:
    """Features written as compressed JSON (archives from before the binary layout)."""
    plain = json.loads(zlib.decompress(data))
    for name in ("shingles", "content"):
        plain[name] = frozenset(plain[name])
    plain["signature"] = tuple(plain["signature"])
    return _from_plain(plain)


def _from_plain(plain: dict[str, Any]) -> StoryFeatures:
    plain.pop("reading", None)
    for name in _SETS:
        plain[name] = frozenset(plain.get(name, ()))  # no names before they were kept
    for name in ("published", "event_date"):
        plain[name] = date.fromisoformat(plain[name]) if plain[name] else None
    plain["month_day"] = tuple(plain["month_day"]) if plain["month_day"] else None
    plain["initials"] = tuple(tuple(pair) for pair in plain["initials"])
    return StoryFeatures(**plain)


def event_of(prepared: Prepared) -> EventInfo:
    event = prepared.event
    if isinstance(event, EventInfo):
        return event
    art = prepared.article
    return classify(art.title, art.body, art.language, art.published)


def features_of(
    prepared: Prepared,
    df: Mapping[int, int],
    stories: int,
    named: frozenset[int] | None = None,
) -> StoryFeatures:
    """The features of a prepared article, given the shingle counts of ``stories`` stories
    (``named``: its name shingles, when already read)."""
    art = prepared.article
    info = event_of(prepared)
    return features(
        art.title, art.body, art.language, art.published, info, df, max(stories, 1), named=named
    )


class Clusterer:
    """Decides duplicates and stories for batches of new articles."""

    def __init__(self, *, per_key: int = 20, limit: int = 16, cache_size: int = 20_000) -> None:
        self.per_key = per_key
        self.limit = limit
        # stored features never change: decoded ones are kept across batches, the least
        # recently compared dropped first
        self._cache: dict[int, StoryFeatures] = {}
        self._cache_size = cache_size

    def _remember(self, article_id: int, feats: StoryFeatures) -> StoryFeatures:
        if len(self._cache) >= self._cache_size:
            for old in list(self._cache)[: self._cache_size // 10]:  # least recent tenth
                del self._cache[old]
        self._cache[article_id] = feats
        return feats

    def _recall(self, article_ids: Iterable[int]) -> dict[int, StoryFeatures]:
        """The cached features of these articles, which become the most recently used."""
        found: dict[int, StoryFeatures] = {}
        for article_id in article_ids:
            feats = self._cache.pop(article_id, None)
            if feats is not None:
                self._cache[article_id] = found[article_id] = feats
        return found

    def cached_ids(self) -> list[int]:
        """The stored articles whose decoded features are cached, least recently used first."""
        return list(self._cache)

    def warm(self, conn: Connection, article_ids: Sequence[int]) -> None:
        """Decode and cache the features of these stored articles, in this order."""
        loaded = db.load_features(conn, article_ids)
        for article_id in article_ids:
            if article_id in loaded:
                self._remember(article_id, decode(loaded[article_id][1]))

    def decide(self, conn: Connection, items: Sequence[Prepared]) -> list[Filing]:
        texts = [f"{p.article.title}\n{p.article.body}" for p in items]
        every = set().union(*(s for t in texts for s in paragraph_shingles(t))) if texts else set()
        # the names of the headline and lead are counted in the df table beside the shingles
        named = [name_shingles(p.article.title, p.article.body) for p in items]
        every.update(*named)
        df = db.df_lookup(conn, every)
        total = db.story_total(conn)
        batch: list[tuple[Ref, StoryFeatures, tuple[str, ...]]] = []  # (story ref, features, keys)
        recent: dict[str, list[int]] = {}  # key -> positions of this batch's articles
        filings: list[Filing] = []
        for position, prepared in enumerate(items):
            feats = features_of(prepared, df, total, named[position])
            keys = tuple(sorted(candidate_keys(feats)))
            wanted = sorted(lookup_keys(feats))
            stored = db.candidates(conn, wanted, per_key=self.per_key, limit=self.limit)
            found = self._recall([a for a, _ in stored])
            missing = [a for a, _ in stored if a not in found]
            for article_id, (_, data) in db.load_features(conn, missing).items():
                found[article_id] = self._remember(article_id, decode(data))
            # (article ref, story ref, features); the older stories first: on equal scores
            # the article joins the older story, which a later fold keeps
            pool: list[tuple[Ref, Ref, StoryFeatures]] = [
                (("old", a), ("old", s), found[a])
                for a, s in sorted(stored, key=lambda pair: (pair[1], pair[0]))
                if a in found
            ]
            near: set[int] = set()  # earlier articles of this batch sharing a key, capped
            for key in wanted:
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
                for shingle in feats.shingles | named[position]:  # seen by the batch's later
                    df[shingle] = df.get(shingle, 0) + 1
            filings.append(
                Filing(
                    duplicate_of=None,
                    story=story_ref,
                    data=encode(feats),
                    keys=keys,
                    df_shingles=feats.shingles | named[position] if founding else frozenset(),
                )
            )
            batch.append((story_ref, feats, keys))
            for key in keys:
                recent.setdefault(key, []).append(position)
        return filings

    def story_join(
        self,
        conn: Connection,
        story_id: int,
        gone: Mapping[int, int],
        via: Sequence[bytes] = (),
    ) -> int | None:
        """The story that stored story ``story_id`` joins best (:func:`fold_score`), if
        any (``gone``: stories folded away, to the story they went into). The lookup keys
        of its articles (of ``via``, its new articles' packed features, when given: a new
        report is what links two stories) give the candidates, each lookup bounded as a
        new article's."""
        mine = self._members(conn, story_id)
        if not mine:
            return None
        found: set[int] = set()
        for feats in [decode(data) for data in via] or mine:
            wanted = lookup_keys(feats)
            for _, found_id in db.candidates(conn, wanted, per_key=self.per_key, limit=self.limit):
                # (folded in a dry run: the index was left as it was)
                other = merging.survivor_of(gone, found_id)
                if other != story_id:
                    found.add(other)
        # stories a person split from this one stay apart (monitor.store.corrections);
        # in a dry run the stories it took in are still stored apart from it
        own = [story_id, *(s for s in gone if merging.survivor_of(gone, s) == story_id)]
        found -= {merging.survivor_of(gone, s) for s in corrections.apart_from(conn, own)}
        best: tuple[float, int] | None = None
        for other in sorted(found):
            theirs = self._members(conn, other)
            # the story founded first is the older one
            older, newer = (mine, theirs) if story_id < other else (theirs, mine)
            score = fold_score(older, newer) if theirs else None
            if score is not None and (best is None or score > best[0]):
                best = (score, other)
        return best[1] if best else None

    def _members(self, conn: Connection, story_id: int) -> list[StoryFeatures]:
        """The features of a stored story's articles in the order they came (its founding
        report first), decoded once and cached."""
        rows = merging.members(conn, story_id)
        found = self._recall(article_id for article_id, _ in rows)
        for article_id, data in rows:
            if article_id not in found:
                found[article_id] = self._remember(article_id, decode(data))
        return [found[article_id] for article_id, _ in rows]


def fold_score(older: Sequence[StoryFeatures], newer: Sequence[StoryFeatures]) -> float | None:
    """The score at which story ``newer`` (its articles as they came, its founding report
    first) folds into story ``older``, else None: no pair of their articles vetoes, and
    the founding report joins the older story as it would have on arrival had every
    article of it been known then. (Joining on any pair of articles glued events together
    on the sets of independent reports.)"""
    if joins(newer, older) is None:
        return None
    return joins(newer[:1], older)
