"""Language detection accuracy on the devset (../shared/devset/articles.jsonl).

Run from the repository root: ``.venv/bin/python bench/eval_language.py``. Prints the
accuracy of ``detect_language`` on the cleaned text without a hint, the same with the
title prepended (as the pipeline calls it), on the first 200 and 80 characters
("und" counts as a miss), per-language counts, every miss, and the
time per article. Exits 0 with a message when the devset is absent (a fresh clone).
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.normalize import clean_text, clean_title, detect_language

DEVSET = ROOT.parent / "shared" / "devset" / "articles.jsonl"


def main() -> int:
    if not DEVSET.exists():
        print(f"skipped: {DEVSET} is absent (it lives beside the repository, in ../shared)")
        return 0
    rows = [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines() if line]
    texts = [(row, clean_text(row["text"]), clean_title(row.get("title") or "")) for row in rows]
    start = time.perf_counter()
    body_only = [detect_language(body) for _, body, _ in texts]
    elapsed = time.perf_counter() - start
    with_title = [detect_language(f"{title}\n{body}") for _, body, title in texts]
    first_200 = [detect_language(body[:200]) for _, body, _ in texts]
    first_80 = [detect_language(body[:80]) for _, body, _ in texts]
    labels = [row["language"] for row, _, _ in texts]
    for name, guesses in (
        ("body, no hint", body_only),
        ("title + body, no hint", with_title),
        ("first 200 chars", first_200),
        ("first 80 chars", first_80),
    ):
        right = sum(g == label for g, label in zip(guesses, labels, strict=True))
        print(f"{name:24} {right}/{len(labels)} = {right / len(labels):.1%}")
    print("labels:", dict(Counter(labels)))
    for (row, _, _), guess, short in zip(texts, body_only, first_200, strict=True):
        if row["language"] not in (guess, short):
            print(f"  miss: {row['id']}: label {row['language']}, detected {guess}/{short}")
    print(f"time: {elapsed / len(rows) * 1e6:.0f} µs per article (body, {len(rows)} articles)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
