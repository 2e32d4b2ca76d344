"""An archive filed by an older release, then regrouped by this one (``monitor reclassify
--regroup``): pairwise precision and recall of its stories before and after.

    python bench/eval_regroup.py tests/fixtures/events/stories_set10.jsonl --built-by REV

The labelled set (``title``, ``text``, ``date``, ``language``, ``url``, ``event_group``,
as ``bench/eval_stories.py`` reads them) is ingested through the real pipeline
(``monitor ingest`` on the shipped sources.toml, into a scratch SQLite archive) by the
monitor of git revision REV, checked out in a scratch worktree; then this checkout runs
``monitor reclassify --regroup`` on that archive. The sets written for the project are
dated years ahead, which ingestion refuses as future dates: every year, in the dates and
in the texts, is moved back a multiple of 28 years (the weekdays the texts name stay
right) until no date is in the future. Only the articles the monitor kept (those about a
followed topic) are scored: a pair of them is one event when the set gives both the same
``event_group``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
_YEAR = re.compile(r"(?<!\d)(20[2-9]\d)(?!\d)")


def _shift(rows: list[dict[str, Any]]) -> int:
    """Years to move back: a multiple of 28, enough that no date is in the future."""
    latest = max((int(r["date"][:4]) for r in rows if r.get("date")), default=0)
    years = 0
    while latest - years > datetime.now(UTC).year - 1:
        years += 28
    return years


def _back(text: str | None, years: int) -> str:
    return _YEAR.sub(lambda m: str(int(m.group(1)) - years), text or "")


def _records(rows: list[dict[str, Any]], years: int) -> list[str]:
    out = []
    for r in rows:
        date = r.get("date") if r.get("date") and len(r["date"]) >= 10 else None
        record = {
            "url": r["url"],
            "title": _back(r["title"], years),
            "text": _back(r["text"], years),
            "published": _back(date, years) if date else None,
            "language": r["language"],
        }
        out.append(json.dumps(record, ensure_ascii=False))
    return out


def _score(rows: list[dict[str, Any]], years: int, db: Path) -> str:
    gold = {_back(r["title"], years).strip(): r.get("event_group") for r in rows}
    with sqlite3.connect(db) as conn:
        query = "SELECT title, story_id FROM article WHERE story_id IS NOT NULL"
        story = {title.strip(): s for title, s in conn.execute(query)}
    kept = [t for t in gold if t in story]
    tp = fp = fn = 0
    for a, b in combinations(kept, 2):
        same = gold[a] is not None and gold[a] == gold[b]
        joined = story[a] == story[b]
        tp += same and joined
        fp += joined and not same
        fn += same and not joined
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    stories = len({story[t] for t in kept})
    return f"{len(kept)} kept, {stories} stories: precision {precision:.3f} recall {recall:.3f}"


def _monitor(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "monitor", *args, "--config", str(ROOT / "sources.toml")],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode not in (0, 1):  # 1: some lines rejected (reported below)
        raise SystemExit(f"monitor {args[0]} failed:\n{done.stderr[-2000:]}")
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("set", type=Path)
    parser.add_argument("--built-by", required=True, help="git revision that files the archive")
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in args.set.read_text(encoding="utf-8").splitlines() if line]
    years = _shift(rows)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        tree, db = folder / "tree", folder / "archive.db"
        (folder / "in.jsonl").write_text("\n".join(_records(rows, years)) + "\n", "utf-8")
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), args.built_by],
            check=True,
        )
        try:
            env = {**os.environ, "MONITOR_DATABASE_URL": f"sqlite:///{db}"}
            older = {**env, "PYTHONPATH": str(tree)}
            ingested = _monitor(["ingest", str(folder / "in.jsonl")], tree, older)
            print(f"{args.set.name}: years moved back {years}; {ingested}")
            print(f"  filed by {args.built_by}: {_score(rows, years, db)}")
            regrouped = _monitor(["reclassify", "--regroup"], ROOT, env)
            print(f"  {regrouped}")
            print(f"  then regrouped by this checkout: {_score(rows, years, db)}")
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
