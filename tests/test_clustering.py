"""Stored story features and the candidate lookup (monitor.clustering, monitor.store.stories).

Features are written once per article and read back whenever a later article has it as
a candidate; the lookup returns the few stored articles that share the rarest keys.
"""

from __future__ import annotations

import json
import zlib
from collections import Counter
from dataclasses import fields, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from monitor.classify import classify
from monitor.clustering import decode, encode
from monitor.store import Store
from monitor.store import stories as stories_db
from monitor.stories import StoryFeatures, features, shingles

FIXTURE = Path(__file__).parent / "fixtures" / "stories" / "articles.jsonl"
ROWS = {row["id"]: row for row in map(json.loads, FIXTURE.read_text(encoding="utf-8").splitlines())}


def _features(row: dict[str, Any], df: Any = None, n: int = 0) -> StoryFeatures:
    published = datetime.fromisoformat(row["published"])
    info = classify(row["title"], row["text"], row["language"], published)
    return features(row["title"], row["text"], row["language"], published, info, df or {}, n)


def test_features_read_back_equal_to_those_written() -> None:
    background: Counter[int] = Counter()  # three stories share the background paragraph
    for name in ("rabat-azernews", "culture-visit", "heritage-statement"):
        row = ROWS[name]
        background.update(shingles(row["title"] + "\n" + row["text"]))
    plain = _features(ROWS["culture-visit"])
    discounted = _features(ROWS["culture-visit"], background, 3)
    assert plain.content == plain.shingles and discounted.content < discounted.shingles
    unusual = replace(plain, content=frozenset({1, 2**64 - 1}))  # not within the shingles
    for feats in (plain, discounted, unusual, *(_features(row) for row in ROWS.values())):
        assert decode(encode(feats)) == feats
    again = decode(encode(plain))
    assert again.content is again.shingles  # one set in memory when nothing is left out


def test_features_stored_as_compressed_json_are_still_read() -> None:
    feats = _features(ROWS["amb-apa"])
    plain: dict[str, Any] = {}
    for field in fields(feats):  # the layout archives were written in before
        value = getattr(feats, field.name)
        if isinstance(value, frozenset):
            value = sorted(value)
        elif isinstance(value, date):
            value = value.isoformat()
        plain[field.name] = value
    old = zlib.compress(json.dumps(plain, separators=(",", ":")).encode(), 6)
    assert decode(old) == feats
    # features stored before names were kept read back with none
    assert feats.names
    del plain["names"]
    older = zlib.compress(json.dumps(plain, separators=(",", ":")).encode(), 6)
    assert decode(older) == replace(feats, names=frozenset())


def test_candidates_sharing_a_rare_key_come_before_those_sharing_common_ones(
    database_url: str,
) -> None:
    hub, city, band = "p:almalik|2023-10", "pl:rabat|2023-10", "b3:5e1d0c9a4f2b"
    rows = [(key, 100 + a, a) for key in (hub, city) for a in range(1, 13)]
    rows.append((band, 130, 30))  # the same wording: one article has it
    with Store(database_url) as store, store.engine.begin() as conn:
        stories_db.add_index(conn, rows, [], [])
        found = stories_db.candidates(conn, [hub, city, band], per_key=10, limit=4)
    # two common keys (1/10 each) weigh less than one rare key (1/1); then the latest;
    # articles 1 and 2 are older than the 10 latest under each common key
    assert found == [(30, 130), (12, 112), (11, 111), (10, 110)]
