"""Precision and recall of the shipped ``icesco`` topic on the devset.

Run from the repository root: ``.venv/bin/python bench/eval_topics.py [articles.jsonl]``
(default ``../shared/devset/articles.jsonl``). Records labelled ``topic_icesco: null``
(an ICESCO programme that does not name the organisation) are left out. Prints
precision, recall and F1, every false positive and false negative by id with the terms
that fired, and the matching time per article. Exits 0 with a message when the devset is
absent (a fresh clone). For comparison it runs a naive peer beside the matcher: a
case-insensitive search for "icesco" or "isesco" anywhere in the text.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.config import load_config
from monitor.match import Matcher

DEVSET = ROOT.parent / "shared" / "devset" / "articles.jsonl"
SOURCES = ROOT / "sources.toml"  # the shipped topic and weights, as `monitor run` reads them


def report(name: str, labelled: list[dict], predict: Callable[[str, str], Any]) -> None:
    """Score ``predict`` on the labelled rows; list every miss with what fired."""
    start = time.perf_counter()
    results = [predict(row.get("title") or "", row.get("text") or "") for row in labelled]
    elapsed = time.perf_counter() - start
    tp = fp = fn = 0
    misses = []
    for row, found in zip(labelled, results, strict=True):
        predicted, truth = bool(found), bool(row["topic_icesco"])
        tp += predicted and truth
        fp += predicted and not truth
        fn += truth and not predicted
        if predicted != truth:
            hits = found[0].hits if isinstance(found, list) and found else ()
            why = ", ".join(f"{h.term!r}@{h.field}x{h.count}" for h in hits)
            kind = "false positive" if predicted else "false negative"
            misses.append(f"    {kind}: {row['id']} {why}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"{name}: precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}", end="  ")
    print(f"(tp {tp} fp {fp} fn {fn})  {elapsed / len(labelled) * 1e6:.0f} µs per article")
    print("\n".join(misses) if misses else "    no false positives or negatives")


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEVSET
    if not path.exists():
        print(f"skipped: {path} is absent (the devset lives beside the repository, in ../shared)")
        return 0
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    labelled = [row for row in rows if row.get("topic_icesco") is not None]
    print(f"{len(labelled)} labelled articles ({len(rows) - len(labelled)} null left out)")
    config = load_config(SOURCES)
    matcher = Matcher([config.topic("icesco")], config.matching)
    naive = re.compile("icesco|isesco", re.IGNORECASE)
    for name, predict in (
        ("matcher", lambda t, b: matcher.match(t, b)),
        ("naive", lambda t, b: bool(naive.search(t) or naive.search(b))),
    ):
        report(name, labelled, predict)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
